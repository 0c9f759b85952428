//! Stage 6: annotated documents → one knowledge graph.
//!
//! The graph is a petgraph `DiGraph` whose nodes and edges are kept in
//! canonical order (sorted by id), so every exporter writes the same bytes
//! for the same graph whatever order documents arrived in. Merging graphs is
//! a set union keyed by stable ids: associative, commutative and idempotent.

use crate::document::{Document, EntityType, MentionKind, RelationKind, Span};
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A document the graph was built from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    /// Where the text came from: a path, `-` for standard input, or a JSONL file and line.
    pub source: String,
    pub bytes: usize,
}

/// A span of a document's text: a mention or a piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextRef {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextRef {
    pub fn new(doc: &Document, span: Span) -> Self {
        TextRef {
            doc: doc.id.clone(),
            start: span.start,
            end: span.end,
            text: doc.slice(span).to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub ty: EntityType,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<TextRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub id: String,
    pub source: String,
    pub target: String,
    pub kind: RelationKind,
    pub label: String,
    /// Wikidata property id of a typed edge; null otherwise.
    pub relation: Option<String>,
    pub confidence: f64,
    pub negated: bool,
    #[serde(default)]
    pub hedged: bool,
    pub evidence: Vec<TextRef>,
}

impl Edge {
    /// For co-mention edges: the number of sentences the pair shares.
    pub fn weight(&self) -> usize {
        self.evidence.len()
    }
}

/// The graph every exporter reads.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    pub documents: Vec<DocumentInfo>,
    pub graph: DiGraph<Node, Edge>,
}

/// The JSON shape of a graph (`docs/json-format.md`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GraphData {
    pub documents: Vec<DocumentInfo>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Which entity types become nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeFilter(pub BTreeSet<EntityType>);

impl Default for TypeFilter {
    fn default() -> Self {
        TypeFilter(
            EntityType::ALL
                .into_iter()
                .filter(|t| !matches!(t, EntityType::Date | EntityType::Number))
                .collect(),
        )
    }
}

impl TypeFilter {
    pub fn all() -> Self {
        TypeFilter(EntityType::ALL.into_iter().collect())
    }

    pub fn allows(&self, ty: EntityType) -> bool {
        self.0.contains(&ty)
    }
}

/// A stable node id from type and label: the same entity gets the same id in
/// every document and every run.
pub fn node_id(ty: EntityType, label: &str) -> String {
    let mut slug = String::with_capacity(label.len());
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') && !matches!(c, '.' | '\'' | '’') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let prefix = ty.as_str().to_ascii_lowercase();
    if slug.is_empty() {
        let hash = xxhash_rust::xxh3::xxh3_64(label.as_bytes());
        format!("{prefix}:{hash:016x}")
    } else {
        format!("{prefix}:{slug}")
    }
}

fn edge_id(edge: &Edge) -> String {
    let key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        edge.source,
        edge.target,
        edge.kind.as_str(),
        edge.relation.as_deref().unwrap_or(""),
        edge.label,
        edge.negated
    );
    format!("e{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

impl KnowledgeGraph {
    /// Builds the graph of one annotated document.
    pub fn from_document(doc: &Document, source: &str, types: &TypeFilter) -> Self {
        let mut data = GraphData {
            documents: vec![DocumentInfo {
                id: doc.id.clone(),
                source: source.to_string(),
                bytes: doc.text.len(),
            }],
            ..Default::default()
        };
        let mut entity_node: Vec<Option<String>> = Vec::with_capacity(doc.entities.len());
        for entity in &doc.entities {
            if !types.allows(entity.ty) {
                entity_node.push(None);
                continue;
            }
            let id = node_id(entity.ty, &entity.label);
            let mentions = entity
                .mentions
                .iter()
                .map(|(m, _)| &doc.mentions[m.index()])
                .filter(|m| m.kind != MentionKind::Pronoun)
                .map(|m| TextRef::new(doc, m.span))
                .collect();
            data.nodes.push(Node {
                id: id.clone(),
                label: entity.label.clone(),
                ty: entity.ty,
                aliases: entity.aliases.clone(),
                roles: entity.roles.clone(),
                mentions,
            });
            entity_node.push(Some(id));
        }
        for relation in &doc.relations {
            let (Some(source), Some(target)) = (
                &entity_node[relation.head.index()],
                &entity_node[relation.tail.index()],
            ) else {
                continue;
            };
            if source == target {
                continue;
            }
            let mut edge = Edge {
                id: String::new(),
                source: source.clone(),
                target: target.clone(),
                kind: relation.kind,
                label: relation.label.clone(),
                relation: relation.property.clone(),
                confidence: f64::from(relation.confidence),
                negated: relation.negated,
                hedged: relation.hedged,
                evidence: relation
                    .evidence
                    .iter()
                    .map(|span| TextRef::new(doc, *span))
                    .collect(),
            };
            edge.id = edge_id(&edge);
            data.edges.push(edge);
        }
        Self::from_data(data)
    }

    /// Canonicalises graph data: merges nodes and edges sharing an id, sorts
    /// every list, and builds the petgraph structure.
    pub fn from_data(data: GraphData) -> Self {
        let mut documents: BTreeMap<String, DocumentInfo> = BTreeMap::new();
        for document in data.documents {
            match documents.get(&document.id) {
                Some(known) if *known <= document => {}
                _ => {
                    documents.insert(document.id.clone(), document);
                }
            }
        }
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        for node in data.nodes {
            match nodes.get_mut(&node.id) {
                Some(known) => merge_node(known, node),
                None => {
                    nodes.insert(node.id.clone(), node);
                }
            }
        }
        let mut edges: BTreeMap<String, Edge> = BTreeMap::new();
        for edge in data.edges {
            if !nodes.contains_key(&edge.source) || !nodes.contains_key(&edge.target) {
                continue;
            }
            match edges.get_mut(&edge.id) {
                Some(known) => merge_edge(known, edge),
                None => {
                    edges.insert(edge.id.clone(), edge);
                }
            }
        }
        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index: HashMap<String, NodeIndex> = HashMap::with_capacity(nodes.len());
        for (id, mut node) in nodes {
            canonicalise_node(&mut node);
            index.insert(id, graph.add_node(node));
        }
        for (_, mut edge) in edges {
            edge.evidence.sort();
            edge.evidence.dedup();
            let (source, target) = (index[&edge.source], index[&edge.target]);
            graph.add_edge(source, target, edge);
        }
        KnowledgeGraph {
            documents: documents.into_values().collect(),
            graph,
        }
    }

    /// Merges graphs into one; any order and grouping gives the same graph.
    pub fn merge(graphs: impl IntoIterator<Item = KnowledgeGraph>) -> Self {
        let mut data = GraphData::default();
        for graph in graphs {
            let part = graph.into_data();
            data.documents.extend(part.documents);
            data.nodes.extend(part.nodes);
            data.edges.extend(part.edges);
        }
        Self::from_data(data)
    }

    pub fn into_data(self) -> GraphData {
        let (nodes, edges) = self.graph.into_nodes_edges();
        GraphData {
            documents: self.documents,
            nodes: nodes.into_iter().map(|n| n.weight).collect(),
            edges: edges.into_iter().map(|e| e.weight).collect(),
        }
    }

    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.graph.edge_weights()
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes().find(|n| n.id == id)
    }
}

fn merge_node(known: &mut Node, other: Node) {
    if other.label < known.label {
        known.label = other.label;
    }
    known.aliases.extend(other.aliases);
    known.roles.extend(other.roles);
    known.mentions.extend(other.mentions);
}

fn canonicalise_node(node: &mut Node) {
    node.aliases.sort();
    node.aliases.dedup();
    node.roles.sort();
    node.roles.dedup();
    node.mentions.sort();
    node.mentions.dedup();
}

fn merge_edge(known: &mut Edge, other: Edge) {
    known.confidence = known.confidence.max(other.confidence);
    known.hedged &= other.hedged;
    known.evidence.extend(other.evidence);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_are_slugs_of_type_and_label() {
        assert_eq!(
            node_id(EntityType::Person, "Kim Jong Un"),
            "person:kim-jong-un"
        );
        assert_eq!(node_id(EntityType::Location, "U.S."), "location:us");
        assert_eq!(
            node_id(EntityType::Person, "Kim Hong-Ji"),
            "person:kim-hong-ji"
        );
        assert!(node_id(EntityType::Misc, "—").starts_with("misc:"));
    }

    fn node(id: &str, alias: &str, doc: &str) -> Node {
        Node {
            id: id.into(),
            label: alias.into(),
            ty: EntityType::Person,
            aliases: vec![alias.into()],
            roles: vec![],
            mentions: vec![TextRef {
                doc: doc.into(),
                start: 0,
                end: alias.len(),
                text: alias.into(),
            }],
        }
    }

    fn graph(nodes: Vec<Node>, doc: &str) -> KnowledgeGraph {
        KnowledgeGraph::from_data(GraphData {
            documents: vec![DocumentInfo {
                id: doc.into(),
                source: doc.into(),
                bytes: 1,
            }],
            nodes,
            edges: vec![],
        })
    }

    #[test]
    fn merge_is_commutative_and_associative() {
        let a = || graph(vec![node("person:x", "X", "a")], "a");
        let b = || {
            graph(
                vec![node("person:x", "X", "b"), node("person:y", "Y", "b")],
                "b",
            )
        };
        let c = || graph(vec![node("person:y", "Y", "c")], "c");
        let abc = KnowledgeGraph::merge([KnowledgeGraph::merge([a(), b()]), c()]).into_data();
        let cba = KnowledgeGraph::merge([c(), KnowledgeGraph::merge([b(), a()])]).into_data();
        let json = |d: &GraphData| serde_json::to_string(d).unwrap();
        assert_eq!(json(&abc), json(&cba));
        assert_eq!(abc.nodes.len(), 2);
        assert_eq!(abc.nodes[0].mentions.len(), 2);
        assert_eq!(abc.documents.len(), 3);
    }
}
