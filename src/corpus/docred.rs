//! DocRED JSON (Re-DocRED): tokenised sentences and entity clusters.

use crate::document::{EntityType, Span};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
pub struct Document {
    #[serde(default)]
    pub title: String,
    pub sents: Vec<Vec<String>>,
    #[serde(rename = "vertexSet")]
    pub vertex_set: Vec<Vec<Mention>>,
    #[serde(default)]
    pub labels: Vec<Label>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Mention {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub sent_id: usize,
    /// Token positions `[start, end)` inside `sents[sent_id]`.
    pub pos: [usize; 2],
}

#[derive(Debug, Clone, Deserialize)]
pub struct Label {
    pub h: usize,
    pub t: usize,
    pub r: String,
    #[serde(default)]
    pub evidence: Vec<usize>,
}

pub fn read(path: &Path) -> Result<Vec<Document>> {
    let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let documents: Vec<Document> = serde_json::from_str(&source).map_err(|e| Error::BadInput {
        path: path.to_path_buf(),
        message: format!("not DocRED JSON: {e}"),
    })?;
    for (index, doc) in documents.iter().enumerate() {
        for mention in doc.vertex_set.iter().flatten() {
            let valid = doc
                .sents
                .get(mention.sent_id)
                .is_some_and(|s| mention.pos[0] < mention.pos[1] && mention.pos[1] <= s.len());
            if !valid || EntityType::parse(&mention.ty).is_none() {
                return Err(Error::BadInput {
                    path: path.to_path_buf(),
                    message: format!(
                        "document {index}: mention {:?} has a bad position or type {:?}",
                        mention.name, mention.ty
                    ),
                });
            }
        }
    }
    Ok(documents)
}

/// Rebuilds a plain text from DocRED tokens, the way a writer would space
/// them (no space before closing punctuation and clitics, none after opening
/// brackets, quotes paired), and returns each token's byte span per sentence.
pub fn reconstruct_text(sents: &[Vec<String>]) -> (String, Vec<Vec<Span>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(sents.len());
    let mut no_space_next = true;
    let mut open_double_quote = false;
    for sentence in sents {
        let mut sentence_spans = Vec::with_capacity(sentence.len());
        for token in sentence {
            let is_quote = token == "\"";
            let attaches_left = is_closing_token(token) || (is_quote && open_double_quote);
            if !no_space_next && !attaches_left && !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token);
            sentence_spans.push(Span::new(start, text.len()));
            no_space_next = matches!(token.as_str(), "(" | "[" | "{" | "$" | "“" | "‘")
                || (is_quote && !open_double_quote);
            if is_quote {
                open_double_quote = !open_double_quote;
            }
        }
        // An unbalanced quote must not glue the next sentence on.
        open_double_quote = false;
        no_space_next = false;
        spans.push(sentence_spans);
    }
    (text, spans)
}

fn is_closing_token(token: &str) -> bool {
    matches!(
        token,
        "," | "."
            | ":"
            | ";"
            | "!"
            | "?"
            | ")"
            | "]"
            | "}"
            | "%"
            | "”"
            | "’"
            | "'s"
            | "'"
            | "n't"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
            | "'S"
    )
}

/// Splits documents into `folds` folds by document index (document `i` goes
/// to fold `i % folds`), returning the document indices of each fold.
pub fn folds(document_count: usize, folds: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); folds];
    for index in 0..document_count {
        out[index % folds].push(index);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconstructed_text_spaces_like_prose_and_spans_slice_tokens() {
        let sents = vec![
            [
                "Kim", "(", "born", "1984", ")", "said", "\"", "no", "\"", ".",
            ]
            .map(String::from)
            .to_vec(),
            ["It", "'s", "over", "."].map(String::from).to_vec(),
        ];
        let (text, spans) = reconstruct_text(&sents);
        assert_eq!(text, "Kim (born 1984) said \"no\". It's over.");
        for (sentence, sentence_spans) in sents.iter().zip(&spans) {
            for (token, span) in sentence.iter().zip(sentence_spans) {
                assert_eq!(&text[span.range()], token);
            }
        }
    }

    #[test]
    fn folds_partition_documents() {
        let f = folds(7, 3);
        assert_eq!(f, vec![vec![0, 3, 6], vec![1, 4], vec![2, 5]]);
    }
}
