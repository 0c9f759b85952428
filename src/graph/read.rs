//! Reading a JSON graph back (for `textkg merge`), refusing what textkg
//! never writes: every problem is reported with the file and the JSON path
//! of the first offending value.

use super::{Edge, GraphData, Node, TextRef};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::io::BufRead;
use std::io::Read;
use std::path::Path;

/// Parses the JSON graph `text`, read from `path`, and checks it.
pub fn parse_json(path: &Path, text: &str) -> Result<GraphData> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let data: GraphData = serde_json::from_str(text).map_err(|e| Error::BadInput {
        path: path.to_path_buf(),
        message: format!("not a textkg JSON graph: {e}"),
    })?;
    check(&data).map_err(|(at, problem)| Error::BadInput {
        path: path.to_path_buf(),
        message: format!("{at}: {problem}"),
    })?;
    Ok(data)
}

/// Reads the graphs of `path` (`-` for standard input) and hands each to
/// `take`, canonicalised as [`super::KnowledgeGraph::from_data`] makes it:
/// one JSON graph (as `build` writes it, over many lines), or JSON Lines
/// with one graph a line (as `build --per-doc` writes them), read a line at
/// a time. A file is JSON Lines when its first line that is not blank is a
/// whole JSON value. Returns the bytes read.
pub fn read_graphs(path: &Path, take: &mut dyn FnMut(super::KnowledgeGraph)) -> Result<u64> {
    let shown = crate::input::shown_name(path);
    let mut reader = crate::stream::open(path)?;
    let mut line = Vec::new();
    let (mut offset, mut number) = (0, 0);
    let mut lines = false;
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::io(&shown, e))?;
        if read == 0 {
            return Ok(offset as u64);
        }
        number += 1;
        let text = crate::stream::line_text(path, offset, &line)?;
        offset += read;
        let text = match number {
            1 => text.strip_prefix('\u{feff}').unwrap_or(text),
            _ => text,
        };
        if text.trim().is_empty() {
            continue;
        }
        if !lines {
            if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
                let mut rest = Vec::new();
                reader
                    .read_to_end(&mut rest)
                    .map_err(|e| Error::io(&shown, e))?;
                let mut whole = std::mem::take(&mut line);
                whole.extend(rest);
                let bytes = offset - read + whole.len();
                let text = crate::input::decode(path, whole)?;
                let data = parse_json(Path::new(&shown), &text)?;
                take(super::KnowledgeGraph::from_data(data));
                return Ok(bytes as u64);
            }
            lines = true;
        }
        let bad = |message: String| Error::BadLine {
            path: Path::new(&shown).to_path_buf(),
            line: number,
            message,
        };
        let data: GraphData =
            serde_json::from_str(text).map_err(|e| bad(format!("not a textkg JSON graph: {e}")))?;
        check(&data).map_err(|(at, problem)| bad(format!("{at}: {problem}")))?;
        take(super::KnowledgeGraph::from_data(data));
    }
}

type Problem = (String, String);

fn check_id(id: &str, at: impl FnOnce() -> String) -> std::result::Result<(), Problem> {
    if id.is_empty() {
        return Err((at(), "empty id".into()));
    }
    if id.chars().any(char::is_control) {
        return Err((at(), format!("id {id:?} holds a control character")));
    }
    Ok(())
}

fn check_text_ref(r: &TextRef, at: &str) -> std::result::Result<(), Problem> {
    if r.doc.is_empty() {
        return Err((format!("{at}.doc"), "empty document id".into()));
    }
    if r.start > r.end {
        return Err((
            format!("{at}.start"),
            format!("start {} lies after end {}", r.start, r.end),
        ));
    }
    Ok(())
}

/// Checks a node and the nodes it was joined from; collects the ids of
/// document-level nodes (those without parts), which edge parts point to.
fn check_node<'a>(
    node: &'a Node,
    at: &str,
    leaves: &mut HashSet<&'a str>,
) -> std::result::Result<(), Problem> {
    check_id(&node.id, || format!("{at}.id"))?;
    let prefix = format!("{}:", node.ty.as_str().to_ascii_lowercase());
    if !node.id.starts_with(&prefix) {
        return Err((
            format!("{at}.type"),
            format!(
                "type {} conflicts with the node id {:?}, which names another type",
                node.ty.as_str(),
                node.id
            ),
        ));
    }
    for (j, mention) in node.mentions.iter().enumerate() {
        check_text_ref(mention, &format!("{at}.mentions[{j}]"))?;
    }
    if node.merged_from.is_empty() {
        leaves.insert(&node.id);
    }
    for (j, part) in node.merged_from.iter().enumerate() {
        check_node(part, &format!("{at}.merged_from[{j}]"), leaves)?;
    }
    Ok(())
}

fn check_edge(edge: &Edge, at: &str, ends: &HashSet<&str>) -> std::result::Result<(), Problem> {
    check_id(&edge.id, || format!("{at}.id"))?;
    for (field, end) in [("source", &edge.source), ("target", &edge.target)] {
        check_id(end, || format!("{at}.{field}"))?;
        if !ends.contains(end.as_str()) {
            return Err((
                format!("{at}.{field}"),
                format!("dangling edge: no node has the id {end:?}"),
            ));
        }
    }
    if !(0.0..=1.0).contains(&edge.confidence) {
        return Err((
            format!("{at}.confidence"),
            format!("confidence {} lies outside [0, 1]", edge.confidence),
        ));
    }
    for (j, evidence) in edge.evidence.iter().enumerate() {
        check_text_ref(evidence, &format!("{at}.evidence[{j}]"))?;
    }
    Ok(())
}

fn check_edge_parts(
    edge: &Edge,
    at: &str,
    leaves: &HashSet<&str>,
) -> std::result::Result<(), Problem> {
    for (j, part) in edge.merged_from.iter().enumerate() {
        let at = format!("{at}.merged_from[{j}]");
        check_edge(part, &at, leaves)?;
        check_edge_parts(part, &at, leaves)?;
    }
    Ok(())
}

fn check(data: &GraphData) -> std::result::Result<(), Problem> {
    // A document id is a file's path or the user's JSONL id, which may
    // hold any character but must not be empty.
    for (i, document) in data.documents.iter().enumerate() {
        if document.id.is_empty() {
            return Err((format!("$.documents[{i}].id"), "empty id".into()));
        }
    }
    let mut leaves = HashSet::new();
    let mut top = HashSet::new();
    for (i, node) in data.nodes.iter().enumerate() {
        check_node(node, &format!("$.nodes[{i}]"), &mut leaves)?;
        top.insert(node.id.as_str());
    }
    for (i, edge) in data.edges.iter().enumerate() {
        let at = format!("$.edges[{i}]");
        check_edge(edge, &at, &top)?;
        check_edge_parts(edge, &at, &leaves)?;
    }
    Ok(())
}
