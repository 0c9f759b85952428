//! Graphviz DOT: a readable diagram, nodes coloured and shaped by type,
//! edges labelled with their predicate, and a legend of the types shown.

use super::Exporter;
use crate::document::{EntityType, RelationKind};
use crate::graph::KnowledgeGraph;
use std::collections::BTreeSet;
use std::io::{self, Write};

pub struct Dot;

fn style(ty: EntityType) -> (&'static str, &'static str) {
    match ty {
        EntityType::Person => ("ellipse", "#cfe2ff"),
        EntityType::Organization => ("box", "#ffe5b4"),
        EntityType::Location => ("hexagon", "#d4f4dd"),
        EntityType::Misc => ("octagon", "#eeeeee"),
        EntityType::Date => ("note", "#fff6c2"),
        EntityType::Number => ("diamond", "#f4d4f4"),
    }
}

/// A DOT double-quoted string. Backslashes are doubled so Graphviz's own
/// escapes (`\N`, `\l`) never fire on user text, and `&` is written
/// `&amp;` because Graphviz reads entities (`&#10;`) in every string;
/// newlines become `\n`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn edge_label(label: &str, hedged: bool) -> String {
    if hedged {
        format!("{label} (?)")
    } else {
        label.to_string()
    }
}

impl Exporter for Dot {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "digraph textkg {{")?;
        writeln!(
            out,
            "  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", overlap=false, nodesep=0.4];"
        )?;
        writeln!(
            out,
            "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=11, color=\"#555555\"];"
        )?;
        writeln!(
            out,
            "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\"];"
        )?;
        let types: BTreeSet<EntityType> = graph.nodes().map(|n| n.ty).collect();
        if !types.is_empty() {
            writeln!(out, "  subgraph cluster_legend {{")?;
            writeln!(
                out,
                "    label=\"Legend\"; fontname=\"Helvetica\"; fontsize=10; style=\"rounded\"; color=\"#aaaaaa\";"
            )?;
            for ty in &types {
                let (shape, fill) = style(*ty);
                writeln!(
                    out,
                    "    {} [label={}, shape={shape}, fillcolor=\"{fill}\", fontsize=9];",
                    quote(&format!("legend:{}", ty.as_str())),
                    quote(ty.as_str()),
                )?;
            }
            writeln!(out, "  }}")?;
        }
        for node in graph.nodes() {
            let (shape, fill) = style(node.ty);
            let tooltip = if node.aliases.is_empty() {
                node.label.clone()
            } else {
                format!("{} ({})", node.label, node.aliases.join(", "))
            };
            writeln!(
                out,
                "  {} [label={}, shape={shape}, fillcolor=\"{fill}\", tooltip={}];",
                quote(&node.id),
                quote(&node.label),
                quote(&tooltip)
            )?;
        }
        for edge in graph.edges() {
            let style = match edge.kind {
                RelationKind::Open => "solid",
                RelationKind::Typed => "bold",
                RelationKind::CoMention => "dotted",
            };
            let color = if edge.negated { "#c0392b" } else { "#666666" };
            let label = match edge.kind {
                RelationKind::CoMention => format!("{} ×{}", edge.label, edge.weight()),
                _ => edge_label(&edge.label, edge.hedged),
            };
            let tooltip = edge
                .evidence
                .first()
                .map(|e| e.text.as_str())
                .unwrap_or_default();
            writeln!(
                out,
                "  {} -> {} [label={}, style={style}, color=\"{color}\", tooltip={}];",
                quote(&edge.source),
                quote(&edge.target),
                quote(&label),
                quote(tooltip)
            )?;
        }
        writeln!(out, "}}")
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoting_escapes_quotes_backslashes_and_newlines() {
        assert_eq!(quote("a \"b\" \\N\nc"), r#""a \"b\" \\N\nc""#);
        assert_eq!(quote("Zürich 𝔘"), "\"Zürich 𝔘\"");
        assert_eq!(quote("&#10; &amp;"), "\"&amp;#10; &amp;amp;\"");
    }
}
