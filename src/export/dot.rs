//! Graphviz DOT: a readable diagram with a title, nodes coloured and shaped
//! by type, edges labelled with their predicate, and a legend of the types
//! shown. Nodes without edges are listed in one box rather than drawn (they
//! stacked into a column taller than the graph), the edges between a pair
//! are drawn as one edge with every label, and large graphs are laid out by
//! `sfdp`, which `dot` would stretch into a strip.

use super::Exporter;
use super::html::title;
use crate::document::{EntityType, RelationKind};
use crate::graph::{Edge, KnowledgeGraph, Node};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

/// What to do with nodes that have no edge in the drawing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Isolated {
    /// Draw them like any other node.
    Show,
    /// Leave them out.
    Hide,
    /// Leave them out and name them in one compact box.
    #[default]
    List,
}

/// The Graphviz layout engine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// `dot` up to 80 drawn nodes, `sfdp` above.
    #[default]
    Auto,
    Dot,
    Sfdp,
    Neato,
    Fdp,
    Circo,
    Twopi,
}

/// Past this many nodes `dot`'s ranks grow into a long strip.
const DOT_MAX_NODES: usize = 80;

/// How a diagram (DOT, SVG, PNG) is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Diagram {
    pub isolated: Isolated,
    /// Keep only this many nodes, the most mentioned, and the edges between them.
    pub max_nodes: Option<usize>,
    pub layout: Layout,
}

#[derive(Default)]
pub struct Dot {
    pub diagram: Diagram,
}

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
    escape_into(&mut out, text);
    out.push('"');
    out
}

/// Lines of a left-aligned label (`\l` ends each line).
fn quote_left_aligned(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for line in lines {
        escape_into(&mut out, line);
        out.push_str("\\l");
    }
    out.push('"');
    out
}

fn escape_into(out: &mut String, text: &str) {
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
}

/// Which nodes a diagram keeps: all, or the `max` most mentioned.
fn kept_nodes(nodes: &[&Node], max: Option<usize>) -> Vec<bool> {
    let mut keep = vec![max.is_none(); nodes.len()];
    if let Some(max) = max {
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| {
            nodes[b]
                .mentions
                .len()
                .cmp(&nodes[a].mentions.len())
                .then_with(|| nodes[a].id.cmp(&nodes[b].id))
        });
        for &i in order.iter().take(max) {
            keep[i] = true;
        }
    }
    keep
}

/// One drawn line of an edge's label.
fn label_line(edge: &Edge) -> String {
    match edge.kind {
        RelationKind::CoMention => format!("{} ×{}", edge.label, edge.weight()),
        _ => {
            // An open edge says "could not persuade" in its own words; a
            // typed edge's property name needs the denial added.
            let denied = edge.negated && edge.kind == RelationKind::Typed;
            let not = if denied { "NOT " } else { "" };
            let hedge = if edge.hedged { " (?)" } else { "" };
            format!("{not}{}{hedge}", edge.label)
        }
    }
}

/// Names of the nodes left out for want of an edge, by type, wrapped.
fn isolated_lines(nodes: &[&Node]) -> Vec<String> {
    const WIDTH: usize = 72;
    const MAX_NAMES: usize = 300;
    let mut lines = vec![format!("Not linked to anything ({}):", nodes.len())];
    let mut by_type: BTreeMap<EntityType, Vec<&str>> = BTreeMap::new();
    for node in nodes.iter().take(MAX_NAMES) {
        by_type.entry(node.ty).or_default().push(&node.label);
    }
    for (ty, mut names) in by_type {
        names.sort_unstable();
        let mut line = format!("{}: ", ty.as_str());
        for (i, name) in names.iter().enumerate() {
            let piece = if i + 1 < names.len() {
                format!("{name}, ")
            } else {
                name.to_string()
            };
            if line.chars().count() + piece.chars().count() > WIDTH && !line.ends_with(": ") {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                line.push_str("    ");
            }
            line.push_str(&piece);
        }
        lines.push(line);
    }
    if nodes.len() > MAX_NAMES {
        lines.push(format!("… and {} more", nodes.len() - MAX_NAMES));
    }
    lines
}

/// The Graphviz engine for a drawing of `nodes` nodes.
fn engine(layout: Layout, nodes: usize) -> &'static str {
    match layout {
        Layout::Auto if nodes > DOT_MAX_NODES => "sfdp",
        Layout::Auto | Layout::Dot => "dot",
        Layout::Sfdp => "sfdp",
        Layout::Neato => "neato",
        Layout::Fdp => "fdp",
        Layout::Circo => "circo",
        Layout::Twopi => "twopi",
    }
}

/// Groups edges into drawn lines: the typed and open edges of a pair,
/// either way round, share one; each co-mention has its own.
fn drawn_edges<'a>(edges: &[(usize, usize, &'a Edge)]) -> Vec<Vec<&'a Edge>> {
    let mut lines: Vec<Vec<&Edge>> = Vec::new();
    let mut line_of: HashMap<(usize, usize), usize> = HashMap::new();
    for &(s, t, edge) in edges {
        if edge.kind == RelationKind::CoMention {
            lines.push(vec![edge]);
            continue;
        }
        let key = (s.min(t), s.max(t));
        match line_of.get(&key) {
            Some(&at) => lines[at].push(edge),
            None => {
                line_of.insert(key, lines.len());
                lines.push(vec![edge]);
            }
        }
    }
    lines
}

fn write_edge(out: &mut dyn Write, group: &[&Edge]) -> io::Result<()> {
    let first = group[0];
    let style = if group.iter().any(|e| e.kind == RelationKind::Typed) {
        "bold"
    } else if first.kind == RelationKind::CoMention {
        "dotted"
    } else if group.iter().all(|e| e.hedged) {
        "dashed"
    } else {
        "solid"
    };
    let color = if group.iter().all(|e| e.negated) {
        "#c0392b"
    } else {
        "#666666"
    };
    let both_ways = group.iter().any(|e| e.source != first.source);
    let label: Vec<String> = group.iter().map(|e| label_line(e)).collect();
    let tooltip = first
        .evidence
        .first()
        .map(|e| e.text.as_str())
        .unwrap_or_default();
    writeln!(
        out,
        "  {} -> {} [label={}, style={style}, color=\"{color}\"{}, tooltip={}];",
        quote(&first.source),
        quote(&first.target),
        quote(&label.join("\n")),
        if both_ways { ", dir=both" } else { "" },
        quote(tooltip)
    )
}

fn write_legend(out: &mut dyn Write, types: &BTreeSet<EntityType>) -> io::Result<()> {
    if types.is_empty() {
        return Ok(());
    }
    // One node holds the legend: a cluster's nodes would scatter under sfdp.
    let rows: String = types
        .iter()
        .map(|ty| {
            let (shape, fill) = style(*ty);
            format!(
                "<tr><td bgcolor=\"{fill}\">{} ({shape})</td></tr>",
                ty.as_str()
            )
        })
        .collect();
    writeln!(
        out,
        "  \"legend:types\" [shape=plaintext, style=\"\", fontsize=9, label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><td><b>Legend</b></td></tr>{rows}</table>>];"
    )
}

impl Exporter for Dot {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        let diagram = self.diagram;
        let nodes: Vec<&Node> = graph.nodes().collect();
        let keep = kept_nodes(&nodes, diagram.max_nodes);
        let index: HashMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let edges: Vec<(usize, usize, &Edge)> = graph
            .edges()
            .map(|e| (index[e.source.as_str()], index[e.target.as_str()], e))
            .filter(|&(s, t, _)| keep[s] && keep[t])
            .collect();
        let mut linked = vec![false; nodes.len()];
        for &(s, t, _) in &edges {
            linked[s] = true;
            linked[t] = true;
        }
        let drawn: Vec<&Node> = (0..nodes.len())
            .filter(|&i| keep[i] && (linked[i] || diagram.isolated == Isolated::Show))
            .map(|i| nodes[i])
            .collect();
        let isolated: Vec<&Node> = (0..nodes.len())
            .filter(|&i| keep[i] && !linked[i])
            .map(|i| nodes[i])
            .collect();
        let engine = engine(diagram.layout, drawn.len());
        let mut heading = title(graph);
        let kept = keep.iter().filter(|&&k| k).count();
        if kept < nodes.len() {
            heading.push_str(&format!(
                "\n(the {kept} most mentioned of {} entities)",
                nodes.len()
            ));
        }
        let spread = if engine == "dot" {
            "rankdir=LR, nodesep=0.4"
        } else {
            "overlap=prism, sep=\"+6\""
        };
        writeln!(out, "digraph textkg {{")?;
        writeln!(
            out,
            "  graph [layout={engine}, label={}, labelloc=t, fontsize=16, charset=\"UTF-8\", fontname=\"Helvetica\", {spread}];",
            quote(&heading)
        )?;
        writeln!(
            out,
            "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=11, color=\"#555555\"];"
        )?;
        writeln!(
            out,
            "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\"];"
        )?;
        write_legend(out, &drawn.iter().map(|n| n.ty).collect())?;
        if diagram.isolated == Isolated::List && !isolated.is_empty() {
            writeln!(
                out,
                "  \"legend:isolated\" [shape=box, style=\"rounded\", fontsize=9, label={}];",
                quote_left_aligned(&isolated_lines(&isolated))
            )?;
        }
        for node in drawn {
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
        for group in drawn_edges(&edges) {
            write_edge(out, &group)?;
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
