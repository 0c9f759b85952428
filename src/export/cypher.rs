//! An openCypher script of MERGE statements, loading into Neo4j, Memgraph,
//! FalkorDB and ArcadeDB. Running it twice changes nothing.
//!
//! One statement a line, each ending in `;`: strings are single-quoted with
//! every line break escaped, so no text from a document can end a
//! statement or a string. Labels and relationship types come from a fixed
//! set (entity types, `P` + digits, `RELATED`, `CO_MENTION`), never from text.

use super::Exporter;
use super::props::{self, Column, Value};
use crate::graph::{Edge, KnowledgeGraph, Node};
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

pub struct Cypher;

/// Writes `text` as a single-quoted Cypher string literal.
pub(crate) fn string(out: &mut dyn Write, text: &str) -> io::Result<()> {
    out.write_all(b"'")?;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !(matches!(c, '\\' | '\'') || c.is_control()) {
            continue;
        }
        out.write_all(&text.as_bytes()[start..i])?;
        match c {
            '\\' => out.write_all(b"\\\\")?,
            '\'' => out.write_all(b"\\'")?,
            '\n' => out.write_all(b"\\n")?,
            '\r' => out.write_all(b"\\r")?,
            '\t' => out.write_all(b"\\t")?,
            c => write!(out, "\\u{:04x}", u32::from(c))?,
        }
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])?;
    out.write_all(b"'")
}

pub(crate) fn value(out: &mut dyn Write, value: &Value<'_>) -> io::Result<()> {
    match value {
        Value::Str(s) => string(out, s),
        Value::Null => out.write_all(b"null"),
        Value::Float(x) => match props::float_text(*x) {
            Some(text) => out.write_all(text.as_bytes()),
            None => out.write_all(b"null"),
        },
        Value::Bool(b) => write!(out, "{b}"),
        Value::StrList(items) => {
            out.write_all(b"[")?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.write_all(b", ")?;
                }
                string(out, item)?;
            }
            out.write_all(b"]")
        }
        Value::IntList(items) => {
            out.write_all(b"[")?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.write_all(b", ")?;
                }
                write!(out, "{item}")?;
            }
            out.write_all(b"]")
        }
    }
}

/// How names are written: plain for openCypher, backquoted for Kùzu,
/// where words like `starts` are reserved.
#[derive(Clone, Copy)]
pub(crate) struct Dialect {
    pub quote_names: bool,
}

impl Dialect {
    pub(crate) fn name(self, out: &mut dyn Write, name: &str) -> io::Result<()> {
        if self.quote_names {
            write!(out, "`{name}`")
        } else {
            out.write_all(name.as_bytes())
        }
    }

    fn set(
        self,
        out: &mut dyn Write,
        var: &str,
        columns: &[Column],
        values: &[Value<'_>],
    ) -> io::Result<()> {
        let mut first = true;
        for (column, v) in columns.iter().zip(values).skip(1) {
            out.write_all(if first { b" SET " } else { b", " })?;
            first = false;
            write!(out, "{var}.")?;
            self.name(out, column.name)?;
            out.write_all(b" = ")?;
            value(out, v)?;
        }
        Ok(())
    }

    /// `MERGE (n:Person {id: '…'}) SET n.label = …, …;`
    pub(crate) fn node(self, out: &mut dyn Write, node: &Node) -> io::Result<()> {
        out.write_all(b"MERGE (n:")?;
        self.name(out, props::node_label(node.ty))?;
        out.write_all(b" {")?;
        self.name(out, "id")?;
        out.write_all(b": ")?;
        string(out, &node.id)?;
        out.write_all(b"})")?;
        self.set(out, "n", &props::NODE_COLUMNS, &props::node_values(node))?;
        out.write_all(b";\n")
    }

    /// `MATCH (a:…{id}), (b:…{id}) MERGE (a)-[r:TYPE {id: '…'}]->(b) SET …;`
    pub(crate) fn edge(
        self,
        out: &mut dyn Write,
        source: &Node,
        target: &Node,
        edge: &Edge,
    ) -> io::Result<()> {
        for (var, node) in [("MATCH (a:", source), ("), (b:", target)] {
            out.write_all(var.as_bytes())?;
            self.name(out, props::node_label(node.ty))?;
            out.write_all(b" {")?;
            self.name(out, "id")?;
            out.write_all(b": ")?;
            string(out, &node.id)?;
            out.write_all(b"}")?;
        }
        out.write_all(b") MERGE (a)-[r:")?;
        self.name(out, props::rel_type(edge))?;
        out.write_all(b" {")?;
        self.name(out, "id")?;
        out.write_all(b": ")?;
        string(out, &edge.id)?;
        out.write_all(b"}]->(b)")?;
        self.set(out, "r", &props::EDGE_COLUMNS, &props::edge_values(edge))?;
        out.write_all(b";\n")
    }

    pub(crate) fn data(self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        for node in graph.nodes() {
            self.node(out, node)?;
        }
        for edge in graph.graph.edge_references() {
            let (source, target) = (&graph.graph[edge.source()], &graph.graph[edge.target()]);
            self.edge(out, source, target, edge.weight())?;
        }
        Ok(())
    }
}

impl Exporter for Cypher {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "// textkg graph: {} nodes, {} edges. Idempotent MERGE statements, one a line.",
            graph.node_count(),
            graph.edge_count()
        )?;
        Dialect { quote_names: false }.data(graph, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_cannot_end_early() {
        assert_eq!(lit("'}) DETACH DELETE n //"), r"'\'}) DETACH DELETE n //'");
        assert_eq!(lit("a\\\nb\u{1}😀"), r"'a\\\nb\u0001😀'");
    }
}
