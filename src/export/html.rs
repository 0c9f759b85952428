//! HTML: one self-contained page that draws the graph and shows, for each
//! node and edge, the sentences of the text behind it.
//!
//! The page embeds Cytoscape.js 3.35.0 (MIT, `assets/vendor/cytoscape/`) and
//! the viewer's own script and style; the graph goes in as JSON inside a
//! `<script type="application/json">` whose `<`, `>` and `&` are escaped, and
//! the page inserts every string with `textContent`. Positions come from
//! [`super::layout`], so the same graph gives the same bytes. A
//! Content-Security-Policy forbids every request the page could make.

use super::Exporter;
use super::layout::layout;
use crate::graph::{KnowledgeGraph, Node, TextRef};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

const TEMPLATE: &str = include_str!("../../assets/viewer/viewer.html");
const STYLE: &str = include_str!("../../assets/viewer/viewer.css");
const SCRIPT: &str = include_str!("../../assets/viewer/viewer.js");
const CYTOSCAPE: &str = include_str!("../../assets/vendor/cytoscape/cytoscape.min.js");

pub struct Html;

/// A sentence and the parts of it to highlight.
#[derive(Serialize)]
struct Snippet<'a> {
    doc: &'a str,
    text: &'a str,
    /// `[start, end, end_of_edge]` in UTF-16 code units, as the page counts:
    /// `end_of_edge` is 0 for a mention or an edge's source, 1 for its target.
    marks: Vec<[usize; 3]>,
}

#[derive(Serialize)]
struct NodeView<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    ty: &'static str,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: Vec<Snippet<'a>>,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct EdgeView<'a> {
    id: &'a str,
    source: &'a str,
    target: &'a str,
    kind: &'static str,
    label: &'a str,
    relation: Option<&'a str>,
    confidence: f64,
    negated: bool,
    hedged: bool,
    evidence: Vec<Snippet<'a>>,
}

#[derive(Serialize)]
struct PageData<'a> {
    title: String,
    documents: Vec<&'a str>,
    nodes: Vec<NodeView<'a>>,
    edges: Vec<EdgeView<'a>>,
}

/// The name a drawing of the graph goes by: its document, or the collection.
pub fn title(graph: &KnowledgeGraph) -> String {
    match graph.documents.as_slice() {
        [] => "Empty graph".to_string(),
        [one] => one.id.clone(),
        many => {
            let names: Vec<&str> = many.iter().take(3).map(|d| d.id.as_str()).collect();
            let more = if many.len() > 3 { ", …" } else { "" };
            format!(
                "Collection of {} documents ({}{more})",
                many.len(),
                names.join(", ")
            )
        }
    }
}

/// The UTF-16 offset of byte `index` of `text`, or `None` off a character boundary.
fn utf16_offset(text: &str, index: usize) -> Option<usize> {
    text.get(..index).map(|head| head.encode_utf16().count())
}

fn mark(text: &str, start: usize, end: usize, which: usize) -> Option<[usize; 3]> {
    Some([utf16_offset(text, start)?, utf16_offset(text, end)?, which])
}

fn mention_snippet(mention: &TextRef) -> Snippet<'_> {
    match &mention.sentence {
        Some(s) if s.start <= mention.start && mention.end <= s.end => Snippet {
            doc: &mention.doc,
            text: &s.text,
            marks: mark(&s.text, mention.start - s.start, mention.end - s.start, 0)
                .into_iter()
                .collect(),
        },
        _ => Snippet {
            doc: &mention.doc,
            text: &mention.text,
            marks: vec![[0, mention.text.encode_utf16().count(), 0]],
        },
    }
}

/// Highlights where `node` is named inside `evidence`: its mentions there,
/// or else the first occurrence of its longest name (a mention the graph
/// leaves out, such as a pronoun, has no span of its own).
fn marks_of(node: &Node, evidence: &TextRef, which: usize, marks: &mut Vec<[usize; 3]>) {
    let before = marks.len();
    for m in &node.mentions {
        if m.doc == evidence.doc && evidence.start <= m.start && m.end <= evidence.end {
            marks.extend(mark(
                &evidence.text,
                m.start - evidence.start,
                m.end - evidence.start,
                which,
            ));
        }
    }
    if marks.len() > before {
        return;
    }
    let mut names: Vec<&str> = std::iter::once(node.label.as_str())
        .chain(node.aliases.iter().map(String::as_str))
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    if let Some((at, name)) = names
        .iter()
        .find_map(|n| evidence.text.find(n).map(|at| (at, n)))
    {
        marks.extend(mark(&evidence.text, at, at + name.len(), which));
    }
}

fn page_data(graph: &KnowledgeGraph) -> PageData<'_> {
    let index: HashMap<&str, usize> = graph
        .nodes()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let ends: Vec<(usize, usize)> = graph
        .edges()
        .map(|e| (index[e.source.as_str()], index[e.target.as_str()]))
        .collect();
    let positions = layout(index.len(), &ends);
    let nodes: Vec<&Node> = graph.nodes().collect();
    PageData {
        title: title(graph),
        documents: graph.documents.iter().map(|d| d.id.as_str()).collect(),
        nodes: nodes
            .iter()
            .zip(&positions)
            .map(|(node, &(x, y))| NodeView {
                id: &node.id,
                label: &node.label,
                ty: node.ty.as_str(),
                aliases: &node.aliases,
                roles: &node.roles,
                mentions: node.mentions.iter().map(mention_snippet).collect(),
                x,
                y,
            })
            .collect(),
        edges: graph
            .edges()
            .zip(&ends)
            .map(|(edge, &(s, t))| EdgeView {
                id: &edge.id,
                source: &edge.source,
                target: &edge.target,
                kind: edge.kind.as_str(),
                label: &edge.label,
                relation: edge.relation.as_deref(),
                confidence: edge.confidence,
                negated: edge.negated,
                hedged: edge.hedged,
                evidence: edge
                    .evidence
                    .iter()
                    .map(|e| {
                        let mut marks = Vec::new();
                        marks_of(nodes[s], e, 0, &mut marks);
                        marks_of(nodes[t], e, 1, &mut marks);
                        marks.sort_unstable();
                        Snippet {
                            doc: &e.doc,
                            text: &e.text,
                            marks,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// JSON that can stand inside a `<script>` element: no `<`, `>` or `&` to
/// end it or open a comment, and no U+2028/U+2029 for older parsers.
fn script_safe_json(value: &impl Serialize) -> io::Result<String> {
    let json = serde_json::to_string(value).map_err(io::Error::other)?;
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

impl Exporter for Html {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        let data = script_safe_json(&page_data(graph))?;
        let mut rest = TEMPLATE;
        for (marker, content) in [
            ("/*STYLE*/", STYLE),
            ("/*GRAPH*/", data.as_str()),
            ("/*LIBRARY*/", CYTOSCAPE),
            ("/*VIEWER*/", SCRIPT),
        ] {
            let (head, tail) = rest
                .split_once(marker)
                .expect("the viewer template holds each marker once, in order");
            out.write_all(head.as_bytes())?;
            out.write_all(content.as_bytes())?;
            rest = tail;
        }
        out.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_the_page_cannot_close_its_script_element() {
        let json = script_safe_json(&"</script><!-- & \u{2028}").unwrap();
        assert_eq!(json, r#""\u003c/script\u003e\u003c!-- \u0026 \u2028""#);
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}");
    }

    #[test]
    fn marks_count_utf16_units_as_the_page_does() {
        // "Zürich" is 7 bytes but 6 UTF-16 units; "𝔘" is 4 bytes, 2 units.
        let text = "Zürich 𝔘 Kim";
        let kim = text.find("Kim").unwrap();
        assert_eq!(mark(text, kim, kim + 3, 1), Some([10, 13, 1]));
        assert_eq!(mark(text, 2, 3, 0), None);
    }
}
