//! Plain CSV tables (RFC 4180): `nodes.csv`, `edges.csv`, `documents.csv`.
//! Lists are JSON arrays in one cell, text spans JSON objects
//! (`{"doc","start","end","text"}`), so every cell is one value.

use super::DirExporter;
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};

pub struct Csv;

/// Writes a cell, quoted when it holds a delimiter, quote or line break,
/// or is empty (so an empty string differs from a missing value).
fn cell(out: &mut dyn Write, text: &str) -> io::Result<()> {
    if !text.is_empty() && !text.contains([',', '"', '\n', '\r']) {
        return out.write_all(text.as_bytes());
    }
    out.write_all(b"\"")?;
    out.write_all(text.replace('"', "\"\"").as_bytes())?;
    out.write_all(b"\"")
}

fn json_cell<T: serde::Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let json = serde_json::to_string(value).map_err(io::Error::other)?;
    cell(out, &json)
}

impl DirExporter for Csv {
    fn files(&self) -> &'static [&'static str] {
        &["nodes.csv", "edges.csv", "documents.csv"]
    }

    fn write_file(
        &self,
        graph: &KnowledgeGraph,
        name: &str,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match name {
            "nodes.csv" => {
                writeln!(out, "id,label,type,aliases,roles,mentions")?;
                for node in graph.nodes() {
                    cell(out, &node.id)?;
                    out.write_all(b",")?;
                    cell(out, &node.label)?;
                    write!(out, ",{},", node.ty.as_str())?;
                    json_cell(out, &node.aliases)?;
                    out.write_all(b",")?;
                    json_cell(out, &node.roles)?;
                    out.write_all(b",")?;
                    json_cell(out, &node.mentions)?;
                    out.write_all(b"\n")?;
                }
            }
            "edges.csv" => {
                writeln!(
                    out,
                    "id,source,target,kind,label,relation,confidence,negated,hedged,evidence"
                )?;
                for edge in graph.edges() {
                    for text in [&edge.id, &edge.source, &edge.target] {
                        cell(out, text)?;
                        out.write_all(b",")?;
                    }
                    write!(out, "{},", edge.kind.as_str())?;
                    cell(out, &edge.label)?;
                    out.write_all(b",")?;
                    if let Some(relation) = &edge.relation {
                        cell(out, relation)?;
                    }
                    write!(
                        out,
                        ",{},{},{},",
                        super::xml::xml_double(edge.confidence),
                        edge.negated,
                        edge.hedged
                    )?;
                    json_cell(out, &edge.evidence)?;
                    out.write_all(b"\n")?;
                }
            }
            _ => {
                writeln!(out, "id,source,bytes")?;
                for document in &graph.documents {
                    cell(out, &document.id)?;
                    out.write_all(b",")?;
                    cell(out, &document.source)?;
                    writeln!(out, ",{}", document.bytes)?;
                }
            }
        }
        Ok(())
    }
}
