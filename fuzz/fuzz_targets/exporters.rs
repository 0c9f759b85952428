//! Every exporter's escaping: a graph whose labels, aliases, roles and
//! evidence are arbitrary strings is written in each single-stream format
//! (but the rendered ones, which run Graphviz) without a panic, as UTF-8
//! with no C0 control character but line breaks and tabs (DEL and C1 are
//! legal in JSON and XML 1.0); the JSON reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use textkg::document::{EntityType, RelationKind};
use textkg::export::{self, Format, Options};
use textkg::graph::{self, DocumentInfo, Edge, GraphData, KnowledgeGraph, Node, TextRef};

const FORMATS: [Format; 10] = [
    Format::Json,
    Format::Dot,
    Format::Graphml,
    Format::Gexf,
    Format::Cypher,
    Format::Kuzu,
    Format::Ntriples,
    Format::Turtle,
    Format::Jsonld,
    Format::Mermaid,
];

fn graph_of(text: &str) -> KnowledgeGraph {
    let parts: Vec<&str> = text.split('\u{1}').collect();
    let part = |i: usize| parts.get(i % parts.len()).copied().unwrap_or("");
    let doc = format!("d{}", part(0).len());
    let mention = |i: usize| TextRef {
        doc: doc.clone(),
        start: 0,
        end: part(i).len(),
        text: part(i).to_string(),
    };
    let types = [EntityType::Person, EntityType::Organization, EntityType::Location];
    let nodes: Vec<Node> = (0..3)
        .map(|i| Node {
            id: graph::node_id(types[i], part(i)),
            label: part(i).to_string(),
            ty: types[i],
            aliases: vec![part(i + 1).to_string()],
            roles: vec![part(i + 2).to_string()],
            mentions: vec![mention(i)],
            merged_from: Vec::new(),
        })
        .collect();
    let mut edges = Vec::new();
    if nodes[0].id != nodes[1].id {
        edges.push(Edge {
            id: format!("x{}", part(3).len()),
            source: nodes[0].id.clone(),
            target: nodes[1].id.clone(),
            kind: RelationKind::Open,
            label: part(3).to_string(),
            relation: Some(part(4).to_string()),
            confidence: 0.5,
            negated: false,
            hedged: true,
            evidence: vec![mention(4)],
            merged_from: Vec::new(),
        });
    }
    KnowledgeGraph::from_data(GraphData {
        documents: vec![DocumentInfo {
            id: doc.clone(),
            source: part(5).to_string(),
            bytes: text.len(),
        }],
        nodes,
        edges,
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let graph = graph_of(text);
    for format in FORMATS {
        let mut out = Vec::new();
        if export::export(&graph, format, &Options::default(), &mut out).is_err() {
            continue;
        }
        let written = std::str::from_utf8(&out).expect("exporters write UTF-8");
        assert!(
            !written.chars().any(|c| c < ' ' && !matches!(c, '\n' | '\t' | '\r')),
            "{} wrote a raw control character",
            format.name()
        );
        if format == Format::Json {
            graph::parse_json(Path::new("fuzz.json"), written).expect("JSON reads back");
        }
    }
});
