//! GraphML, read by yEd, Gephi, NetworkX and Neo4j APOC
//! (`apoc.import.graphml` with `readLabels: true`).
//!
//! Node XML ids are positional (`n0`) so they are valid NMTOKENs whatever
//! the graph's ids hold; edges have none (it is optional, and NetworkX would
//! put it over the `id` data). The graph's own ids are the `id` data. Lists are
//! JSON arrays in string data, since GraphML has scalar types only.

use super::props::{self, Column, Kind, Value};
use super::{Exporter, xml};
use crate::graph::KnowledgeGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

pub struct Graphml;

fn graphml_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Float => "double",
        Kind::Bool => "boolean",
        _ => "string",
    }
}

fn write_keys(
    out: &mut dyn Write,
    domain: &str,
    prefix: &str,
    columns: &[Column],
) -> io::Result<()> {
    for column in columns {
        writeln!(
            out,
            "  <key id=\"{prefix}{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>",
            name = column.name,
            ty = graphml_type(column.kind)
        )?;
    }
    Ok(())
}

fn write_data(
    out: &mut dyn Write,
    prefix: &str,
    columns: &[Column],
    values: &[Value<'_>],
) -> io::Result<()> {
    for (column, value) in columns.iter().zip(values) {
        if matches!(value, Value::Null) {
            continue;
        }
        write!(out, "    <data key=\"{prefix}{}\">", column.name)?;
        xml::value(out, value)?;
        out.write_all(b"</data>\n")?;
    }
    Ok(())
}

impl Exporter for Graphml {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        )?;
        write_keys(out, "node", "n_", &props::NODE_COLUMNS)?;
        out.write_all(
            b"  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n",
        )?;
        write_keys(out, "edge", "e_", &props::EDGE_COLUMNS)?;
        out.write_all(b"  <graph id=\"textkg\" edgedefault=\"directed\">\n")?;
        for index in graph.graph.node_indices() {
            let node = &graph.graph[index];
            let label = props::node_label(node.ty);
            writeln!(
                out,
                "  <node id=\"n{}\" labels=\":{label}\">",
                index.index()
            )?;
            write_data(out, "n_", &props::NODE_COLUMNS, &props::node_values(node))?;
            writeln!(out, "    <data key=\"labels\">:{label}</data>\n  </node>")?;
        }
        for edge_ref in graph.graph.edge_references() {
            let edge = edge_ref.weight();
            write!(
                out,
                "  <edge source=\"n{}\" target=\"n{}\" label=\"",
                edge_ref.source().index(),
                edge_ref.target().index(),
            )?;
            xml::escape(out, props::rel_type(edge))?;
            out.write_all(b"\">\n")?;
            write_data(out, "e_", &props::EDGE_COLUMNS, &props::edge_values(edge))?;
            out.write_all(b"  </edge>\n")?;
        }
        out.write_all(b"  </graph>\n</graphml>\n")
    }
}
