//! Stage 6: annotated documents → one knowledge graph.
//!
//! The graph is a petgraph `DiGraph` whose nodes and edges are kept in
//! canonical order (sorted by id), so every exporter writes the same bytes
//! for the same graph whatever order documents arrived in. Merging graphs is
//! a set union keyed by stable ids: associative, commutative and idempotent.

mod cross_document;
mod read;
mod text_ref;

pub use cross_document::{CrossDocumentLog, CrossDocumentMerge, CrossDocumentRefusal};
pub use read::{parse_json, read_graphs};
pub use text_ref::{SentenceRef, TextRef};

use crate::collections::HashMap;
use crate::document::{Document, EntityType, MentionKind, RelationKind};
use crate::entities::AliasRules;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[cfg(test)]
mod tests;

/// A document the graph was built from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    /// Where the text came from: a path, `-` for standard input, or a JSONL file and line.
    pub source: String,
    pub bytes: usize,
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
    /// When documents named this entity by different labels: the node each
    /// document gave, so that merging again can undo or redo the join.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<Node>,
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
    /// The document-level edges behind an edge between joined nodes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<Edge>,
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
    /// Which nodes of different documents were joined, and which not.
    pub cross_document: CrossDocumentLog,
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

fn edge_id(source: &str, target: &str, edge: &Edge) -> String {
    let key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        source,
        target,
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
                .map(|m| TextRef::mention(doc, m.span))
                .collect();
            data.nodes.push(Node {
                id: id.clone(),
                label: entity.label.clone(),
                ty: entity.ty,
                aliases: entity.aliases.clone(),
                roles: entity.roles.clone(),
                mentions,
                merged_from: Vec::new(),
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
                merged_from: Vec::new(),
            };
            edge.id = edge_id(&edge.source, &edge.target, &edge);
            data.edges.push(edge);
        }
        Self::from_data(data)
    }

    /// Canonicalises graph data: takes joined nodes and edges apart into
    /// the document-level ones they came from, merges those sharing an id,
    /// joins nodes across documents (`cross_document`), sorts every list,
    /// and builds the petgraph structure. The result depends only on the set
    /// of document-level nodes and edges, so merging is associative,
    /// commutative and idempotent.
    pub fn from_data(data: GraphData) -> Self {
        Self::from_data_with(data, &AliasRules::default())
    }

    /// `from_data`, with a user's alias file deciding joins across
    /// documents too (`same:` joins, `different:` keeps apart).
    pub fn from_data_with(data: GraphData, rules: &AliasRules) -> Self {
        let mut documents: BTreeMap<String, DocumentInfo> = BTreeMap::new();
        for document in data.documents {
            match documents.get(&document.id) {
                Some(known) if *known <= document => {}
                _ => {
                    documents.insert(document.id.clone(), document);
                }
            }
        }
        let mut parts: BTreeMap<String, Node> = BTreeMap::new();
        for node in data.nodes.into_iter().flat_map(document_level) {
            match parts.get_mut(&node.id) {
                Some(known) => merge_node(known, node),
                None => {
                    parts.insert(node.id.clone(), node);
                }
            }
        }
        let mut edge_parts: BTreeMap<String, Edge> = BTreeMap::new();
        for edge in data.edges.into_iter().flat_map(document_level_edges) {
            if !parts.contains_key(&edge.source) || !parts.contains_key(&edge.target) {
                continue;
            }
            match edge_parts.get_mut(&edge.id) {
                Some(known) => merge_edge(known, edge),
                None => {
                    edge_parts.insert(edge.id.clone(), edge);
                }
            }
        }
        let parts: Vec<Node> = parts
            .into_values()
            .map(|mut node| {
                canonicalise_node(&mut node);
                node
            })
            .collect();
        let (root_of, cross_document) = cross_document::cluster(&parts, rules);
        let node_of: HashMap<String, String> = parts
            .iter()
            .zip(&root_of)
            .filter(|&(part, &root)| parts[root].id != part.id)
            .map(|(part, &root)| (part.id.clone(), parts[root].id.clone()))
            .collect();

        let mut members: Vec<Vec<Node>> = (0..parts.len()).map(|_| Vec::new()).collect();
        for (part, root) in parts.into_iter().zip(root_of) {
            members[root].push(part);
        }
        let mut edges: BTreeMap<String, Vec<Edge>> = BTreeMap::new();
        for part in edge_parts.into_values() {
            let (source, target) = (
                joined(&node_of, &part.source),
                joined(&node_of, &part.target),
            );
            let id = if source == part.source && target == part.target {
                part.id.clone()
            } else {
                edge_id(source, target, &part)
            };
            edges.entry(id).or_default().push(part);
        }

        let nodes: Vec<Node> = members
            .into_iter()
            .filter(|group| !group.is_empty())
            .map(|group| join_nodes(group, |part| !node_of.contains_key(&part.id)))
            .collect();
        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index: HashMap<String, NodeIndex> =
            HashMap::with_capacity_and_hasher(nodes.len(), Default::default());
        for node in nodes {
            let id = node.id.clone();
            index.insert(id, graph.add_node(node));
        }
        for (id, group) in edges {
            let edge = join_edges(id, group, &node_of);
            // Every end is a part the reader kept (dangling edges were left
            // out above) or the node it joined (the shortcut in
            // `join_edges` once broke this; see graph/tests.rs).
            let (Some(&source), Some(&target)) = (
                index.get(edge.source.as_str()),
                index.get(edge.target.as_str()),
            ) else {
                debug_assert!(false, "edge {} lost an end", edge.id);
                continue;
            };
            graph.add_edge(source, target, edge);
        }
        KnowledgeGraph {
            documents: documents.into_values().collect(),
            graph,
            cross_document,
        }
    }

    /// Merges graphs into one; any order and grouping gives the same graph.
    pub fn merge(graphs: impl IntoIterator<Item = KnowledgeGraph>) -> Self {
        Self::merge_with(graphs, &AliasRules::default())
    }

    /// `merge`, with a user's alias file deciding joins across documents.
    pub fn merge_with(
        graphs: impl IntoIterator<Item = KnowledgeGraph>,
        rules: &AliasRules,
    ) -> Self {
        let mut data = GraphData::default();
        for graph in graphs {
            let part = graph.into_data();
            data.documents.extend(part.documents);
            data.nodes.extend(part.nodes);
            data.edges.extend(part.edges);
        }
        Self::from_data_with(data, rules)
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

/// The document-level nodes a node was joined from (itself if none).
fn document_level(node: Node) -> Vec<Node> {
    if node.merged_from.is_empty() {
        vec![node]
    } else {
        node.merged_from
            .into_iter()
            .flat_map(document_level)
            .collect()
    }
}

fn document_level_edges(edge: Edge) -> Vec<Edge> {
    if edge.merged_from.is_empty() {
        vec![edge]
    } else {
        edge.merged_from
            .into_iter()
            .flat_map(document_level_edges)
            .collect()
    }
}

/// One node for a cluster; its parts are kept when there are several. The
/// root is the one part that joined no other.
fn join_nodes(mut group: Vec<Node>, is_root: impl Fn(&Node) -> bool) -> Node {
    if group.len() == 1 {
        return group.pop().expect("one node");
    }
    let root = group
        .iter()
        .find(|part| is_root(part))
        .expect("a cluster contains its root");
    let mut node = Node {
        id: root.id.clone(),
        label: root.label.clone(),
        ty: root.ty,
        aliases: Vec::new(),
        roles: Vec::new(),
        mentions: Vec::new(),
        merged_from: Vec::new(),
    };
    for part in &group {
        node.aliases.extend(part.aliases.iter().cloned());
        node.roles.extend(part.roles.iter().cloned());
        node.mentions.extend(part.mentions.iter().cloned());
    }
    canonicalise_node(&mut node);
    node.merged_from = group;
    node
}

/// One edge for the document-level edges that land on the same ends.
/// The id of the node a document-level node joined (its own if none).
fn joined<'a>(node_of: &'a HashMap<String, String>, id: &'a str) -> &'a str {
    node_of.get(id).map_or(id, String::as_str)
}

fn join_edges(id: String, mut group: Vec<Edge>, node_of: &HashMap<String, String>) -> Edge {
    for part in &mut group {
        part.evidence.sort();
        part.evidence.dedup();
    }
    // An edge whose ends joined no other node is kept as it is. Its id
    // alone does not say so: a hand-edited file may give an edge the id its
    // joined ends would have.
    if let [single] = group.as_slice()
        && single.id == id
        && joined(node_of, &single.source) == single.source
        && joined(node_of, &single.target) == single.target
    {
        return group.pop().expect("one edge");
    }
    let mut edge = group[0].clone();
    edge.id = id;
    edge.source = joined(node_of, &edge.source).to_string();
    edge.target = joined(node_of, &edge.target).to_string();
    edge.evidence.clear();
    for part in &group {
        edge.confidence = edge.confidence.max(part.confidence);
        edge.hedged &= part.hedged;
        edge.evidence.extend(part.evidence.iter().cloned());
    }
    edge.evidence.sort();
    edge.evidence.dedup();
    edge.merged_from = group;
    edge
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
