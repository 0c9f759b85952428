//! The merge log behind `--explain`: for each node, which mentions were
//! merged into it and by which rule; which merges were refused and why.

use crate::document::{Document, MergeRule};
use crate::graph::{CrossDocumentLog, TypeFilter, node_id};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DocumentLog {
    pub doc: String,
    pub nodes: Vec<NodeLog>,
    pub refused: Vec<RefusalLog>,
}

/// The last line of the log: nodes of different documents joined or kept apart.
#[derive(Debug, Serialize)]
pub struct CrossDocumentLine<'a> {
    pub cross_document: &'a CrossDocumentLog,
}

#[derive(Debug, Serialize)]
pub struct NodeLog {
    /// Null when the entity's type is filtered out of the graph.
    pub node: Option<String>,
    pub label: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub mentions: Vec<MentionLog>,
}

#[derive(Debug, Serialize)]
pub struct MentionLog {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    /// The mention-stage rule that found or last changed the mention.
    pub found_by: &'static str,
    pub rule: MergeRule,
}

#[derive(Debug, Serialize)]
pub struct RefusalLog {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub candidates: Vec<String>,
    pub reason: String,
}

/// The merge log of one resolved document.
pub fn log(doc: &Document, types: &TypeFilter) -> DocumentLog {
    let node_of = |e: usize| {
        let entity = &doc.entities[e];
        types
            .allows(entity.ty)
            .then(|| node_id(entity.ty, &entity.label))
    };
    let nodes = doc
        .entities
        .iter()
        .enumerate()
        .map(|(e, entity)| NodeLog {
            node: node_of(e),
            label: entity.label.clone(),
            ty: entity.ty.as_str().to_string(),
            mentions: entity
                .mentions
                .iter()
                .map(|(m, rule)| {
                    let mention = &doc.mentions[m.index()];
                    MentionLog {
                        start: mention.span.start,
                        end: mention.span.end,
                        text: doc.slice(mention.span).to_string(),
                        kind: format!("{:?}", mention.kind).to_lowercase(),
                        found_by: mention.found_by,
                        rule: *rule,
                    }
                })
                .collect(),
        })
        .collect();
    let refused = doc
        .refused_merges
        .iter()
        .map(|refusal| {
            let mention = &doc.mentions[refusal.mention.index()];
            RefusalLog {
                start: mention.span.start,
                end: mention.span.end,
                text: doc.slice(mention.span).to_string(),
                candidates: refusal
                    .candidates
                    .iter()
                    .map(|e| {
                        let entity = &doc.entities[e.index()];
                        node_id(entity.ty, &entity.label)
                    })
                    .collect(),
                reason: refusal.reason.clone(),
            }
        })
        .collect();
    DocumentLog {
        doc: doc.id.clone(),
        nodes,
        refused,
    }
}
