//! `graphs/` holds what the tool makes of `examples/`; it must be current.
//! Regenerate with `scripts/regenerate-graphs.sh`.

use crate::util::*;

/// Builds `input` from the repository, with the relative path the script
/// uses (the JSON records it), and compares with `graphs/{name}.{format}`.
fn assert_current(input: &str, name: &str) {
    for format in ["json", "dot"] {
        let out = textkg()
            .current_dir(repo())
            .args(["build", input, "--format", format])
            .output()
            .expect("textkg runs");
        assert!(out.status.success(), "{}", stderr(&out));
        let stored = std::fs::read(repo().join(format!("graphs/{name}.{format}")))
            .unwrap_or_else(|e| panic!("graphs/{name}.{format}: {e}"));
        assert!(
            out.stdout == stored,
            "graphs/{name}.{format} is out of date: run scripts/regenerate-graphs.sh"
        );
    }
    let svg = read(repo().join(format!("graphs/{name}.svg")));
    assert!(svg.contains("<svg"));
}

#[test]
fn example_graphs_are_up_to_date() {
    let examples = std::fs::read_dir(repo().join("examples")).expect("examples/");
    let mut names: Vec<String> = examples
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "examples/ holds {names:?}");
    for name in &names {
        assert_current(&format!("examples/{name}.txt"), name);
    }
    assert_current("examples/", "collection");
}

#[test]
fn the_collection_graph_has_one_node_per_person_across_its_documents() {
    let json = std::fs::read(repo().join("graphs/collection.json")).expect("collection.json");
    let graph: textkg::graph::GraphData = serde_json::from_slice(&json).expect("a graph");
    let dahl: Vec<_> = graph
        .nodes
        .iter()
        .filter(|n| n.label.ends_with("Dahl"))
        .collect();
    assert_eq!(dahl.len(), 1, "one node for Lars Dahl");
    let documents: std::collections::BTreeSet<&str> =
        dahl[0].mentions.iter().map(|m| m.doc.as_str()).collect();
    assert_eq!(documents.len(), 2);
}
