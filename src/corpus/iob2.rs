//! UNER's IOB2 files: CoNLL-like token lines with `B-`/`I-`/`O` tags and the
//! sentence text in `# text =` comments.

use crate::document::EntityType;
use crate::error::{Error, Result};
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub sent_id: String,
    pub doc_id: String,
    pub text: String,
    pub tokens: Vec<String>,
    /// Entities as token ranges.
    pub entities: Vec<(Range<usize>, EntityType)>,
}

pub fn read(path: &Path) -> Result<Vec<Sentence>> {
    let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(path, &source)
}

pub fn parse(path: &Path, source: &str) -> Result<Vec<Sentence>> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let mut open: Option<(usize, EntityType)> = None;
    let mut doc_id = String::new();
    let finish = |current: &mut Sentence, open: &mut Option<(usize, EntityType)>| {
        if let Some((start, ty)) = open.take() {
            current.entities.push((start..current.tokens.len(), ty));
        }
    };
    for (index, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            finish(&mut current, &mut open);
            if !current.tokens.is_empty() {
                current.doc_id = doc_id.clone();
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            super::read_comment(
                comment,
                super::Header {
                    doc_id: &mut doc_id,
                    sent_id: &mut current.sent_id,
                    text: &mut current.text,
                    starts_paragraph: None,
                },
            );
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let bad = |message: String| Error::BadLine {
            path: path.to_path_buf(),
            line: index + 1,
            message,
        };
        if columns.len() < 3 {
            return Err(bad(format!(
                "expected at least 3 columns, found {}",
                columns.len()
            )));
        }
        let tag = columns[2];
        let position = current.tokens.len();
        if tag == "O" {
            finish(&mut current, &mut open);
        } else {
            let (prefix, name) = tag
                .split_once('-')
                .ok_or_else(|| bad(format!("bad IOB2 tag {tag:?}")))?;
            let ty = EntityType::parse(name)
                .ok_or_else(|| bad(format!("unknown entity type in {tag:?}")))?;
            match (prefix, open) {
                ("I", Some((_, open_ty))) if open_ty == ty => {}
                ("B" | "I", _) => {
                    finish(&mut current, &mut open);
                    open = Some((position, ty));
                }
                _ => return Err(bad(format!("bad IOB2 tag {tag:?}"))),
            }
        }
        current.tokens.push(columns[1].to_string());
    }
    finish(&mut current, &mut open);
    if !current.tokens.is_empty() {
        current.doc_id = doc_id;
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entities_as_token_ranges() {
        let source = "# sent_id = s\n# text = Kim Jong Un visited Seoul\n\
1\tKim\tB-PER\t-\ta\n2\tJong\tI-PER\n3\tUn\tI-PER\n4\tvisited\tO\n5\tSeoul\tB-LOC\n";
        let sentences = parse(Path::new("t.iob2"), source).unwrap();
        assert_eq!(
            sentences[0].entities,
            [(0..3, EntityType::Person), (4..5, EntityType::Location)]
        );
        assert!(parse(Path::new("t.iob2"), "1\tx\tB-FOO\n").is_err());
    }
}
