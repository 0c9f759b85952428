//! Spans of a document's text as the graph keeps them: mentions, with the
//! sentence each stands in, and evidence.

use crate::document::{Document, Span};
use serde::{Deserialize, Serialize};

/// A span of a document's text: a mention or a piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextRef {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// On a mention: the sentence it stands in, so that a viewer can show
    /// it in context. Evidence is a sentence already and has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<SentenceRef>,
}

/// A sentence of a document: its byte span and text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentenceRef {
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
            sentence: None,
        }
    }

    /// A mention, with the sentence that holds it.
    pub fn mention(doc: &Document, span: Span) -> Self {
        let index = doc
            .sentences
            .partition_point(|sentence| sentence.span.end <= span.start);
        let sentence = doc
            .sentences
            .get(index)
            .filter(|s| s.span.start <= span.start && span.end <= s.span.end)
            .map(|s| SentenceRef {
                start: s.span.start,
                end: s.span.end,
                text: doc.slice(s.span).to_string(),
            });
        TextRef {
            sentence,
            ..TextRef::new(doc, span)
        }
    }
}
