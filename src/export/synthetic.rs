//! A synthetic graph of any size, for measuring exports of large graphs
//! (`textkg bench-export`). Deterministic: the same sizes give the same graph.

use crate::document::{EntityType, RelationKind};
use crate::graph::{DocumentInfo, Edge, KnowledgeGraph, Node, TextRef};
use petgraph::graph::{DiGraph, NodeIndex};

/// A graph of `nodes` nodes and `edges` edges, each with an alias, a
/// mention or a piece of evidence, built straight into canonical order.
pub fn graph(nodes: usize, edges: usize) -> KnowledgeGraph {
    let documents = (nodes / 1000).max(1);
    let mut graph = DiGraph::with_capacity(nodes, edges);
    let types = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Misc,
    ];
    let doc_name = |i: usize| format!("doc{:07}", i % documents);
    for i in 0..nodes {
        let ty = types[i % types.len()];
        let label = format!("Entity {i}");
        graph.add_node(Node {
            id: format!("n:{i:09}"),
            label: label.clone(),
            ty,
            aliases: vec![format!("E{i}")],
            roles: vec![],
            mentions: vec![TextRef {
                doc: doc_name(i),
                start: i % 5000,
                end: i % 5000 + label.len(),
                text: label,
                sentence: None,
            }],
            merged_from: vec![],
        });
    }
    // A linear congruential generator: spread edges without a dependency.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    if nodes > 0 {
        for i in 0..edges {
            let (s, t) = (next() % nodes, next() % nodes);
            let (kind, relation, label) = match i % 3 {
                0 => (
                    RelationKind::Typed,
                    Some("P108".to_string()),
                    "employer".to_string(),
                ),
                1 => (RelationKind::Open, None, "met with".to_string()),
                _ => (RelationKind::CoMention, None, "co-mention".to_string()),
            };
            let text = format!("Entity {s} {label} Entity {t} in a sentence of some length.");
            graph.add_edge(
                NodeIndex::new(s),
                NodeIndex::new(t),
                Edge {
                    id: format!("e{i:016x}"),
                    source: format!("n:{s:09}"),
                    target: format!("n:{t:09}"),
                    kind,
                    label,
                    relation,
                    confidence: 0.5 + (i % 50) as f64 / 100.0,
                    negated: i % 17 == 0,
                    hedged: i % 13 == 0,
                    evidence: vec![TextRef {
                        doc: doc_name(s),
                        start: s % 5000,
                        end: s % 5000 + text.len(),
                        text,
                        sentence: None,
                    }],
                    merged_from: vec![],
                },
            );
        }
    }
    KnowledgeGraph {
        documents: (0..documents)
            .map(|i| DocumentInfo {
                id: doc_name(i),
                source: format!("{}.txt", doc_name(i)),
                bytes: 5000,
            })
            .collect(),
        graph,
        cross_document: Default::default(),
    }
}
