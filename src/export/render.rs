//! SVG and PNG: the DOT diagram rendered by Graphviz's `dot` program,
//! run through graphviz-rust.

use super::dot::Diagram;
use super::{Dot, Exporter, Format};
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use graphviz_rust::cmd::{CommandArg, Format as GvFormat};
use std::io::{self, Write};
use std::path::Path;

pub struct Rendered {
    format: GvFormat,
    diagram: Diagram,
}

impl Rendered {
    pub fn svg(diagram: Diagram) -> Self {
        Rendered {
            format: GvFormat::Svg,
            diagram,
        }
    }

    pub fn png(diagram: Diagram) -> Self {
        Rendered {
            format: GvFormat::Png,
            diagram,
        }
    }
}

impl Exporter for Rendered {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        let mut dot = Vec::new();
        let diagram = self.diagram;
        Dot { diagram }.write(graph, &mut dot)?;
        let dot = String::from_utf8(dot).map_err(io::Error::other)?;
        let bytes = graphviz_rust::exec_dot(dot, vec![CommandArg::Format(self.format)])?;
        out.write_all(&bytes)
    }
}

/// Turns an exporter's I/O error into a message that names its cause.
pub(super) fn classify(error: io::Error, format: Format, path: &Path) -> Error {
    if matches!(format, Format::Svg | Format::Png) && error.kind() != io::ErrorKind::BrokenPipe {
        if error.kind() == io::ErrorKind::NotFound {
            return Error::DotMissing {
                format: format.name().to_string(),
            };
        }
        return Error::DotFailed(error.to_string());
    }
    Error::io(path, error)
}
