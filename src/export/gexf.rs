//! GEXF 1.3, Gephi's own format (also read by NetworkX).
//!
//! Node and edge ids are the graph's ids; `label` is the entity's name or
//! the predicate; every other property is an attribute value, lists as JSON
//! arrays in strings.

use super::props::{self, Column, Kind, Value};
use super::{Exporter, xml};
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};

pub struct Gexf;

fn gexf_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Float => "double",
        Kind::Bool => "boolean",
        _ => "string",
    }
}

/// The columns that are attributes: all but `id` and `label`, which GEXF
/// carries on the element itself.
fn attribute_columns(columns: &[Column]) -> impl Iterator<Item = (usize, &Column)> {
    columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.name != "id" && c.name != "label")
}

fn write_attributes(out: &mut dyn Write, class: &str, columns: &[Column]) -> io::Result<()> {
    writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">")?;
    for (_, column) in attribute_columns(columns) {
        writeln!(
            out,
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>",
            name = column.name,
            ty = gexf_type(column.kind)
        )?;
    }
    writeln!(out, "    </attributes>")
}

fn write_values(out: &mut dyn Write, columns: &[Column], values: &[Value<'_>]) -> io::Result<()> {
    out.write_all(b"        <attvalues>\n")?;
    for (i, column) in attribute_columns(columns) {
        if matches!(values[i], Value::Null) {
            continue;
        }
        write!(out, "          <attvalue for=\"{}\" value=\"", column.name)?;
        xml::value(out, &values[i])?;
        out.write_all(b"\"/>\n")?;
    }
    out.write_all(b"        </attvalues>\n")
}

impl Exporter for Gexf {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n\
  <meta>\n    <creator>textkg</creator>\n  </meta>\n\
  <graph defaultedgetype=\"directed\" mode=\"static\">\n",
        )?;
        write_attributes(out, "node", &props::NODE_COLUMNS)?;
        write_attributes(out, "edge", &props::EDGE_COLUMNS)?;
        out.write_all(b"    <nodes>\n")?;
        for node in graph.nodes() {
            out.write_all(b"      <node id=\"")?;
            xml::escape(out, &node.id)?;
            out.write_all(b"\" label=\"")?;
            xml::escape(out, &node.label)?;
            out.write_all(b"\">\n")?;
            write_values(out, &props::NODE_COLUMNS, &props::node_values(node))?;
            out.write_all(b"      </node>\n")?;
        }
        out.write_all(b"    </nodes>\n    <edges>\n")?;
        for edge in graph.edges() {
            out.write_all(b"      <edge id=\"")?;
            xml::escape(out, &edge.id)?;
            out.write_all(b"\" source=\"")?;
            xml::escape(out, &edge.source)?;
            out.write_all(b"\" target=\"")?;
            xml::escape(out, &edge.target)?;
            out.write_all(b"\" label=\"")?;
            xml::escape(out, &edge.label)?;
            out.write_all(b"\">\n")?;
            write_values(out, &props::EDGE_COLUMNS, &props::edge_values(edge))?;
            out.write_all(b"      </edge>\n")?;
        }
        out.write_all(b"    </edges>\n  </graph>\n</gexf>\n")
    }
}
