//! Re-DocRED documents turned into [`Document`]s with gold mentions,
//! entities and typed triples.
//!
//! The raw text is the tokens joined by single spaces (sentences too), so
//! every gold mention has an exact byte span a pipeline run can be compared
//! against.

use crate::corpus::docred;
use crate::document::{
    Document, Entity, EntityId, EntityType, Mention, MentionId, MentionKind, MergeRule, Sentence,
    SentenceId, Span,
};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// A gold triple: entity indices (= `vertexSet` indices) and property id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoldTriple {
    pub head: usize,
    pub tail: usize,
    pub property: String,
}

/// One annotated document: `doc.entities[i]` is `vertexSet[i]`.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub doc: Document,
    pub triples: Vec<GoldTriple>,
}

/// Property id → name, from `rel_info.json`, sorted by id.
pub fn read_rel_info(path: &Path) -> Result<BTreeMap<String, String>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| Error::BadInput {
        path: path.to_path_buf(),
        message: format!("not a property → name JSON object: {e}"),
    })
}

/// Reads a DocRED-format file (a JSON array of documents).
pub fn read_docred(path: &Path) -> Result<Vec<GoldDoc>> {
    let raw = docred::read(path)?;
    raw.iter()
        .enumerate()
        .map(|(i, d)| {
            convert(i, d).map_err(|message| Error::BadInput {
                path: path.to_path_buf(),
                message: format!("document {i} ({:?}): {message}", d.title),
            })
        })
        .collect()
}

fn convert(index: usize, raw: &docred::Document) -> std::result::Result<GoldDoc, String> {
    let mut doc = Document::new(format!("redocred-{index}"), String::new());
    let mut text = String::new();
    for sent in &raw.sents {
        let first = doc.tokens.len();
        for token in sent {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token);
            doc.tokens.push(Span::new(start, text.len()));
        }
        if doc.tokens.len() == first {
            return Err(format!("sentence {} is empty", doc.sentences.len()));
        }
        let span = Span::new(doc.tokens[first].start, text.len());
        doc.sentences.push(Sentence {
            span,
            tokens: first..doc.tokens.len(),
        });
    }
    doc.text = text;
    for (e, vertex) in raw.vertex_set.iter().enumerate() {
        if vertex.is_empty() {
            return Err(format!("entity {e} has no mention"));
        }
        let mut entity: Option<Entity> = None;
        for m in vertex {
            let sentence = doc
                .sentences
                .get(m.sent_id)
                .ok_or_else(|| format!("entity {e}: sentence {} out of range", m.sent_id))?;
            let [start, end] = m.pos;
            if start >= end || sentence.tokens.start + end > sentence.tokens.end {
                return Err(format!("entity {e}: bad token span {start}..{end}"));
            }
            let tokens = sentence.tokens.start + start..sentence.tokens.start + end;
            let ty = EntityType::parse(&m.ty)
                .ok_or_else(|| format!("entity {e}: unknown type {:?}", m.ty))?;
            let id = MentionId::from(doc.mentions.len());
            let span = doc.token_span(tokens.clone());
            let name = doc.slice(span).to_string();
            doc.mentions.push(Mention {
                span,
                tokens,
                sentence: SentenceId::from(m.sent_id),
                ty,
                kind: MentionKind::Name,
                role: None,
                found_by: "docred",
            });
            doc.mention_entity.push(Some(EntityId::from(e)));
            match &mut entity {
                None => {
                    entity = Some(Entity {
                        ty,
                        label: name,
                        aliases: Vec::new(),
                        roles: Vec::new(),
                        mentions: vec![(id, MergeRule::Canonical)],
                    })
                }
                Some(entity) => {
                    if entity.label != name && !entity.aliases.contains(&name) {
                        entity.aliases.push(name);
                    }
                    entity.mentions.push((id, MergeRule::SameName));
                }
            }
        }
        doc.entities.extend(entity);
    }
    let n = doc.entities.len();
    let mut triples = Vec::with_capacity(raw.labels.len());
    for label in &raw.labels {
        if label.h >= n || label.t >= n {
            return Err(format!(
                "label {}→{} names a missing entity",
                label.h, label.t
            ));
        }
        triples.push(GoldTriple {
            head: label.h,
            tail: label.t,
            property: label.r.clone(),
        });
    }
    triples.sort();
    triples.dedup();
    Ok(GoldDoc { doc, triples })
}
