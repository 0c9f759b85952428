//! CoNLL-U sentences: text, surface tokens, syntactic words and their UPOS.

use crate::document::Upos;
use crate::error::{Error, Result};
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Word {
    pub form: String,
    pub upos: Upos,
    /// The head's word number (1-based; 0 is the root), 0 where the file has none.
    pub head: usize,
    /// The dependency relation with its subtype ("nsubj:pass"), or "_".
    pub deprel: String,
}

#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub sent_id: String,
    /// The `# newdoc id` in force for this sentence.
    pub doc_id: String,
    pub starts_paragraph: bool,
    pub text: String,
    pub words: Vec<Word>,
}

pub fn read(path: &Path) -> Result<Vec<Sentence>> {
    let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(path, &source)
}

pub fn parse(path: &Path, source: &str) -> Result<Vec<Sentence>> {
    let bad = |line: usize, message: String| Error::BadLine {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let mut doc_id = String::new();
    for (index, line) in source.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            if !current.words.is_empty() {
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
                    starts_paragraph: Some(&mut current.starts_paragraph),
                },
            );
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(bad(
                line_no,
                format!("expected 10 columns, found {}", columns.len()),
            ));
        }
        // Multiword-token ranges and empty nodes carry no word of their own.
        if columns[0].contains('-') || columns[0].contains('.') {
            continue;
        }
        let upos = Upos::parse(columns[3])
            .ok_or_else(|| bad(line_no, format!("unknown UPOS tag {:?}", columns[3])))?;
        let head = match columns[6] {
            "_" => 0,
            head => head
                .parse()
                .map_err(|_| bad(line_no, format!("bad head {head:?}")))?,
        };
        current.words.push(Word {
            form: columns[1].to_string(),
            upos,
            head,
            deprel: columns[7].to_string(),
        });
    }
    if !current.words.is_empty() {
        current.doc_id = doc_id;
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_skipping_ranges_and_reports_bad_tags() {
        let source = "# newdoc id = d1\n# sent_id = s1\n# text = I'm ok\n\
1-2\tI'm\t_\t_\t_\t_\t_\t_\t_\t_\n1\tI\tI\tPRON\t_\t_\t0\troot\t_\t_\n\
2\t'm\tbe\tAUX\t_\t_\t1\tcop\t_\t_\n3\tok\tok\tADJ\t_\t_\t1\tx\t_\t_\n\n";
        let sentences = parse(Path::new("x.conllu"), source).unwrap();
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].doc_id, "d1");
        assert_eq!(sentences[0].text, "I'm ok");
        assert_eq!(sentences[0].words.len(), 3);
        assert_eq!(sentences[0].words[1].upos, Upos::Aux);
        assert_eq!(sentences[0].words[1].head, 1);
        assert_eq!(sentences[0].words[1].deprel, "cop");
        let error = parse(Path::new("x.conllu"), "1\ta\ta\tFOO\t_\t_\t_\t_\t_\t_\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("x.conllu: line 1"), "{error}");
    }
}
