//! Helpers shared by the integration tests: run the real binary, read its
//! JSON into typed structs, validate against the published schema.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use textkg::graph::GraphData;

pub fn textkg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_textkg"))
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn shared() -> PathBuf {
    repo().join("../shared")
}

/// Runs textkg with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = textkg()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("textkg starts");
    // textkg may exit (on a usage error) before reading its input.
    match child.stdin.take().expect("stdin piped").write_all(stdin) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("stdin: {e}"),
        _ => {}
    }
    child.wait_with_output().expect("textkg finishes")
}

pub fn run_ok(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let out = run(args, stdin);
    assert!(
        out.status.success(),
        "textkg {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/graph.schema.json")).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Parses a JSON graph, checking it against `docs/graph.schema.json` and
/// checking that every offset slices the text it claims.
pub fn graph(json: &[u8], texts: &[(&str, &str)]) -> GraphData {
    let value: serde_json::Value = serde_json::from_slice(json).expect("output is JSON");
    let validator = schema();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:?}");
    let data: GraphData = serde_json::from_value(value).expect("output is a graph");
    let text_of = |doc: &str| {
        texts
            .iter()
            .find(|(id, _)| *id == doc)
            .map(|(_, t)| *t)
            .unwrap_or_else(|| panic!("unknown doc {doc}"))
    };
    let parts = data.nodes.iter().flat_map(|n| &n.merged_from);
    let edge_parts = data.edges.iter().flat_map(|e| &e.merged_from);
    let refs = data
        .nodes
        .iter()
        .chain(parts)
        .flat_map(|n| n.mentions.iter())
        .chain(
            data.edges
                .iter()
                .chain(edge_parts)
                .flat_map(|e| e.evidence.iter()),
        );
    for r in refs {
        assert_eq!(&text_of(&r.doc)[r.start..r.end], r.text, "offsets of {r:?}");
        if let Some(s) = &r.sentence {
            assert_eq!(
                &text_of(&r.doc)[s.start..s.end],
                s.text,
                "sentence of {r:?}"
            );
            assert!(
                s.start <= r.start && r.end <= s.end,
                "{r:?} outside its sentence"
            );
        }
    }
    data
}

pub fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path.as_ref())
        .unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// The first `count` GUM Wikinews texts in sorted order (all of them the
/// development half when `count` is at most 22).
pub fn gum_texts(count: usize) -> Vec<std::path::PathBuf> {
    let dir = shared().join("data/gum-wikinews/text");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.truncate(count);
    files
}
