//! The graph reader of `textkg merge`: any bytes give a graph or an error;
//! a graph it accepts is written and read back to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use textkg::export::{self, Format, Options};
use textkg::graph::{self, KnowledgeGraph};

fn json(graph: &KnowledgeGraph) -> Vec<u8> {
    let mut out = Vec::new();
    export::export(graph, Format::Json, &Options::default(), &mut out).expect("JSON to memory");
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = graph::parse_json(Path::new("fuzz.json"), text) else {
        return;
    };
    let first = json(&KnowledgeGraph::from_data(parsed));
    let again = graph::parse_json(Path::new("again.json"), std::str::from_utf8(&first).unwrap())
        .expect("textkg reads what it writes");
    assert_eq!(first, json(&KnowledgeGraph::from_data(again)));
});
