//! Mermaid: a flowchart in a fenced block, ready to paste into Markdown
//! (GitHub, GitLab and most Markdown tools draw it).
//!
//! Nodes are `n<index>`; labels are quoted, and every character Mermaid
//! or Markdown could read as syntax is written as a Mermaid entity
//! (`#quot;`, `#96;`, ...), a line break as `<br>`.

use super::Exporter;
use crate::document::{EntityType, RelationKind};
use crate::graph::KnowledgeGraph;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

pub struct Mermaid;

fn class(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Location => "location",
        EntityType::Misc => "misc",
        EntityType::Date => "date",
        EntityType::Number => "number",
    }
}

/// Writes `text` as a double-quoted Mermaid label.
pub(crate) fn label(out: &mut dyn Write, text: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let plain = c.is_alphanumeric()
            || c == ' '
            || (c.is_ascii_punctuation() && !"\"#&<>`|;[]{}()\\".contains(c));
        if plain {
            continue;
        }
        out.write_all(&text.as_bytes()[start..i])?;
        match c {
            '\n' => out.write_all(b"<br>")?,
            '"' => out.write_all(b"#quot;")?,
            c if u32::from(c) > 0xffff && !c.is_control() => write!(out, "{c}")?,
            c => write!(out, "#{};", u32::from(c))?,
        }
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])?;
    out.write_all(b"\"")
}

impl Exporter for Mermaid {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"```mermaid\nflowchart LR\n")?;
        for ty in EntityType::ALL {
            let (fill, stroke) = match ty {
                EntityType::Person => ("#cfe2ff", "#5b7fbf"),
                EntityType::Organization => ("#ffe5b4", "#bf8f4f"),
                EntityType::Location => ("#d4f4dd", "#5f9f6f"),
                EntityType::Misc => ("#eeeeee", "#888888"),
                EntityType::Date => ("#fff6c2", "#bfaf4f"),
                EntityType::Number => ("#f4d4f4", "#9f5f9f"),
            };
            writeln!(out, "  classDef {} fill:{fill},stroke:{stroke}", class(ty))?;
        }
        for index in graph.graph.node_indices() {
            let node = &graph.graph[index];
            write!(out, "  n{}[", index.index())?;
            label(out, &node.label)?;
            writeln!(out, "]:::{}", class(node.ty))?;
        }
        for edge in graph.graph.edge_references() {
            let arrow = match edge.weight().kind {
                RelationKind::Typed => "==>",
                RelationKind::Open => "-->",
                RelationKind::CoMention => "-.->",
            };
            write!(out, "  n{} {arrow}|", edge.source().index())?;
            label(out, &edge.weight().label)?;
            writeln!(out, "| n{}", edge.target().index())?;
        }
        out.write_all(b"```\n")
    }
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_carry_no_syntax() {
        let mut out = Vec::new();
        label(&mut out, "a \"b\" |c| `x`\n#1 <script>😀").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a #quot;b#quot; #124;c#124; #96;x#96;<br>#35;1 #60;script#62;😀\""
        );
    }
}
