//! Stage 5: entities → relations with evidence.
//!
//! Two extractors: [`open`] reads the text's own predicates clause by
//! clause; [`typed`] predicts Wikidata properties for entity pairs.
//! Co-mention edges are added only on request.

pub mod open;
pub mod typed;

use crate::document::{Document, EntityId, MentionKind, Relation, RelationKind};
use crate::pipeline::Options;
use std::collections::BTreeSet;

pub fn extract(doc: &mut Document, options: &Options) {
    let mut relations = open::extract(doc);
    relations.extend(typed::TypedModel::embedded().predict(doc, options.min_confidence));
    if options.co_mentions {
        relations.extend(co_mentions(doc));
    }
    doc.relations = relations;
}

/// One edge per pair of entities named in one sentence; its evidence lists
/// every sentence the pair shares.
fn co_mentions(doc: &Document) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let entities: BTreeSet<EntityId> = doc
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.sentence.index() == s
                    && matches!(m.kind, MentionKind::Name | MentionKind::Nominal)
            })
            .filter_map(|(i, _)| doc.mention_entity[i])
            .collect();
        let entities: Vec<EntityId> = entities.into_iter().collect();
        for (i, &head) in entities.iter().enumerate() {
            for &tail in &entities[i + 1..] {
                relations.push(Relation {
                    head,
                    tail,
                    kind: RelationKind::CoMention,
                    label: "co-mentioned".to_string(),
                    property: None,
                    confidence: 1.0,
                    negated: false,
                    hedged: false,
                    evidence: vec![sentence.span],
                });
            }
        }
    }
    relations
}
