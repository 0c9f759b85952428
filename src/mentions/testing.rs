//! Hand-tagged documents for the rules' table tests: the tokeniser splits
//! the text, and every tag is written here, never read from a model, so
//! retraining cannot break a rule's test.

use super::NameSpan;
use crate::document::{Document, EntityType, Upos};
use std::ops::Range;

/// The tag a test gives a token it does not tag itself: punctuation,
/// numbers, a few closed-class words, proper nouns for capitalised words
/// and nouns for the rest.
fn default_tag(word: &str) -> Upos {
    match word.to_lowercase().as_str() {
        "the" | "a" | "an" | "this" | "that" => Upos::Det,
        "of" | "in" | "at" | "to" | "for" | "by" | "on" | "with" | "from" | "into" => Upos::Adp,
        "he" | "she" | "it" | "they" | "his" | "her" | "its" | "their" | "him" | "which"
        | "who" => Upos::Pron,
        "and" | "or" => Upos::Cconj,
        "is" | "was" | "were" | "are" | "had" | "has" | "would" | "will" => Upos::Aux,
        "'s" | "’s" | "not" => Upos::Part,
        _ if word.chars().all(|c| !c.is_alphanumeric()) => Upos::Punct,
        _ if word.chars().all(|c| c.is_ascii_digit()) => Upos::Num,
        _ if word.starts_with(char::is_uppercase) => Upos::Propn,
        _ => Upos::Noun,
    }
}

/// A segmented document tagged by [`default_tag`], except the words listed
/// in `tags`, which have the tag given wherever they occur.
pub fn tagged(text: &str, tags: &[(&str, Upos)]) -> Document {
    let mut doc = Document::new("t", text);
    crate::text::segment(&mut doc);
    doc.tags = (0..doc.tokens.len())
        .map(|t| {
            let word = doc.token_text(t);
            tags.iter()
                .find(|(w, _)| *w == word)
                .map_or_else(|| default_tag(word), |(_, tag)| *tag)
        })
        .collect();
    doc
}

/// The token range of each listed part of the text, each found at or after
/// the end of the previous one.
pub fn ranges(doc: &Document, parts: &[&str]) -> Vec<Range<usize>> {
    let mut from = 0;
    parts
        .iter()
        .map(|part| {
            let start = from + doc.text[from..].find(part).expect("part in text");
            let end = start + part.len();
            from = end;
            let first = doc.tokens.partition_point(|t| t.start < start);
            let last = doc.tokens.partition_point(|t| t.start < end);
            first..last
        })
        .collect()
}

/// The listed parts of the text as names of one type.
pub fn names(doc: &Document, parts: &[&str], ty: EntityType) -> Vec<NameSpan> {
    ranges(doc, parts).into_iter().map(|r| (r, ty)).collect()
}
