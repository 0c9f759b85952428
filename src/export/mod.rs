//! Stage 7: the graph → bytes. One file per format, one trait for all.
//!
//! Exporters see only the [`KnowledgeGraph`], never a document, and write to
//! any `io::Write`, so output streams and the caller decides where it goes.

mod dot;
pub mod json;
mod render;

pub use dot::Dot;
pub use json::Json;
pub use render::Rendered;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};
use std::path::Path;

/// Writes a graph in one format.
pub trait Exporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()>;
}

/// Every output format, with its name on the command line and its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Json,
    Dot,
    Svg,
    Png,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    pub fn extension(self) -> &'static str {
        self.name()
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Dot => "text/vnd.graphviz",
            Format::Svg => "image/svg+xml",
            Format::Png => "image/png",
        }
    }

    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            Format::Json => Box::new(Json),
            Format::Dot => Box::new(Dot),
            Format::Svg => Box::new(Rendered::svg()),
            Format::Png => Box::new(Rendered::png()),
        }
    }
}

/// Writes `graph` in `format` to `out`.
pub fn export(graph: &KnowledgeGraph, format: Format, out: &mut dyn Write) -> Result<()> {
    format
        .exporter()
        .write(graph, out)
        .map_err(|e| render::classify(e, format))
}

/// Writes to `path` atomically (a temporary file beside it, renamed into
/// place once complete), or to standard output when `path` is `None`.
pub fn write_atomically(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let Some(path) = path else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        write(&mut out)?;
        return match out.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|e| Error::io("<stdout>", e)),
        };
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".textkg-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, e))?;
    let mut out = io::BufWriter::new(temp);
    write(&mut out)?;
    let temp = out
        .into_inner()
        .map_err(|e| Error::io(path, e.into_error()))?;
    temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}
