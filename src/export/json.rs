//! The JSON graph format (`docs/json-format.md`): one object, one node or
//! edge per line, written as it streams.

use super::Exporter;
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};

pub struct Json;

impl Exporter for Json {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n\"documents\": [")?;
        write_items(out, graph.documents.iter())?;
        out.write_all(b"],\n\"nodes\": [")?;
        write_items(out, graph.nodes())?;
        out.write_all(b"],\n\"edges\": [")?;
        write_items(out, graph.edges())?;
        out.write_all(b"]\n}\n")
    }
}

/// Writes a graph as one line of JSON, for JSON Lines output.
pub fn write_line(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\"documents\":")?;
    serde_json::to_writer(&mut *out, &graph.documents)?;
    out.write_all(b",\"nodes\":[")?;
    for (i, node) in graph.nodes().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, node)?;
    }
    out.write_all(b"],\"edges\":[")?;
    for (i, edge) in graph.edges().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, edge)?;
    }
    out.write_all(b"]}\n")
}

fn write_items<'a, T: serde::Serialize + 'a>(
    out: &mut dyn Write,
    items: impl Iterator<Item = &'a T>,
) -> io::Result<()> {
    let mut first = true;
    for item in items {
        out.write_all(if first { b"\n  " } else { b",\n  " })?;
        serde_json::to_writer(&mut *out, item)?;
        first = false;
    }
    if !first {
        out.write_all(b"\n")?;
    }
    Ok(())
}
