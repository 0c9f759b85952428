//! A Kùzu / LadybugDB script: the schema (a node table per entity type, a
//! relationship table per relationship type with every FROM/TO pair the
//! graph uses), then idempotent MERGE statements, one a line.
//!
//! Names are backquoted because Kùzu reserves words such as `starts`.

use super::Exporter;
use super::cypher::Dialect;
use super::props::{self, Column, Kind};
use crate::document::EntityType;
use crate::graph::KnowledgeGraph;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

pub struct Kuzu;

const DIALECT: Dialect = Dialect { quote_names: true };

fn kuzu_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Str | Kind::OptStr => "STRING",
        Kind::Float => "DOUBLE",
        Kind::Bool => "BOOLEAN",
        Kind::StrList => "STRING[]",
        Kind::IntList => "INT64[]",
    }
}

/// Writes `, name TYPE` for each column (no leading comma for a node table).
fn columns(out: &mut dyn Write, columns: &[Column], node_table: bool) -> io::Result<()> {
    for (i, column) in columns.iter().enumerate() {
        if i > 0 || !node_table {
            out.write_all(b", ")?;
        }
        DIALECT.name(out, column.name)?;
        write!(out, " {}", kuzu_type(column.kind))?;
        if node_table && i == 0 {
            out.write_all(b" PRIMARY KEY")?;
        }
    }
    Ok(())
}

impl Exporter for Kuzu {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "// textkg graph for Kùzu / LadybugDB: {} nodes, {} edges. Schema, then idempotent MERGE statements.",
            graph.node_count(),
            graph.edge_count()
        )?;
        for ty in EntityType::ALL {
            out.write_all(b"CREATE NODE TABLE IF NOT EXISTS ")?;
            DIALECT.name(out, props::node_label(ty))?;
            out.write_all(b"(")?;
            columns(out, &props::NODE_COLUMNS, true)?;
            out.write_all(b");\n")?;
        }
        // Relationship tables name every FROM/TO pair, so one pass gathers them.
        let mut pairs: BTreeMap<&str, BTreeSet<(EntityType, EntityType)>> = BTreeMap::new();
        for edge in graph.graph.edge_references() {
            let (s, t) = (&graph.graph[edge.source()], &graph.graph[edge.target()]);
            pairs
                .entry(props::rel_type(edge.weight()))
                .or_default()
                .insert((s.ty, t.ty));
        }
        for (rel, pairs) in &pairs {
            out.write_all(b"CREATE REL TABLE IF NOT EXISTS ")?;
            DIALECT.name(out, rel)?;
            out.write_all(b"(")?;
            for (i, (from, to)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.write_all(b", ")?;
                }
                out.write_all(b"FROM ")?;
                DIALECT.name(out, props::node_label(*from))?;
                out.write_all(b" TO ")?;
                DIALECT.name(out, props::node_label(*to))?;
            }
            columns(out, &props::EDGE_COLUMNS, false)?;
            out.write_all(b");\n")?;
        }
        DIALECT.data(graph, out)
    }
}
