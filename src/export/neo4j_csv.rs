//! The CSV files `neo4j-admin database import full` reads: `nodes.csv` and
//! `relationships.csv`, with typed headers (`:ID`, `:LABEL`, `:START_ID`,
//! `:END_ID`, `:TYPE`, `confidence:double`, `aliases:string[]`).
//!
//! Import with `--multiline-fields=true --array-delimiter=U+001F` (see
//! docs/formats.md): every string is quoted (quotes doubled), so an empty
//! string stays a string and a missing value (unquoted, empty) stays null.
//! Array elements are joined with U+001F; the import cannot tell that
//! character inside an element from a delimiter, so there it becomes U+FFFD.

use super::DirExporter;
use super::props::{self, Column, Kind, Value};
use crate::graph::KnowledgeGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

pub struct Neo4jCsv;

pub(crate) const ARRAY_DELIMITER: char = '\u{1f}';

fn header_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Str | Kind::OptStr => "",
        Kind::Float => ":double",
        Kind::Bool => ":boolean",
        Kind::StrList => ":string[]",
        Kind::IntList => ":long[]",
    }
}

fn quoted(out: &mut dyn Write, text: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    out.write_all(text.replace('"', "\"\"").as_bytes())?;
    out.write_all(b"\"")
}

fn field(out: &mut dyn Write, value: &Value<'_>) -> io::Result<()> {
    match value {
        Value::Str(s) => quoted(out, s),
        Value::Null => Ok(()),
        Value::Float(x) => match props::float_text(*x) {
            Some(text) => out.write_all(text.as_bytes()),
            None => write!(out, "{}", super::xml::xml_double(*x)),
        },
        Value::Bool(b) => write!(out, "{b}"),
        Value::StrList(items) if items.is_empty() => Ok(()),
        Value::StrList(items) => {
            let mut joined = String::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    joined.push(ARRAY_DELIMITER);
                }
                joined.extend(
                    item.chars()
                        .map(|c| if c == ARRAY_DELIMITER { '\u{fffd}' } else { c }),
                );
            }
            quoted(out, &joined)
        }
        Value::IntList(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    write!(out, "{ARRAY_DELIMITER}")?;
                }
                write!(out, "{item}")?;
            }
            Ok(())
        }
    }
}

fn header(
    out: &mut dyn Write,
    first: &[&str],
    columns: &[Column],
    last: &[&str],
) -> io::Result<()> {
    let mut names: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    names.extend(
        columns
            .iter()
            .map(|c| format!("{}{}", c.name, header_type(c.kind))),
    );
    names.extend(last.iter().map(|s| s.to_string()));
    writeln!(out, "{}", names.join(","))
}

fn row(out: &mut dyn Write, values: &[Value<'_>]) -> io::Result<()> {
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        field(out, value)?;
    }
    Ok(())
}

impl DirExporter for Neo4jCsv {
    fn files(&self) -> &'static [&'static str] {
        &["nodes.csv", "relationships.csv"]
    }

    fn write_file(
        &self,
        graph: &KnowledgeGraph,
        name: &str,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if name == "nodes.csv" {
            // `id:ID` both keys the import and keeps `id` as a property.
            let mut columns = props::NODE_COLUMNS;
            columns[0].name = "id:ID";
            header(out, &[], &columns, &[":LABEL"])?;
            for node in graph.nodes() {
                row(out, &props::node_values(node))?;
                writeln!(out, ",{}", props::node_label(node.ty))?;
            }
            return Ok(());
        }
        header(
            out,
            &[":START_ID", ":END_ID", ":TYPE"],
            &props::EDGE_COLUMNS,
            &[],
        )?;
        for edge in graph.graph.edge_references() {
            let (s, t) = (&graph.graph[edge.source()], &graph.graph[edge.target()]);
            quoted(out, &s.id)?;
            out.write_all(b",")?;
            quoted(out, &t.id)?;
            write!(out, ",{},", props::rel_type(edge.weight()))?;
            row(out, &props::edge_values(edge.weight()))?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}
