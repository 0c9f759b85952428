//! Tokenisation and sentence splitting against UD EWT: each document's text
//! is its sentences' `# text` lines, joined by a space within a paragraph and
//! a line break between paragraphs; gold tokens are the syntactic words.

use super::score::Counts;
use crate::corpus::{align_forms, conllu};
use crate::document::Span;
use crate::error::Result;
use crate::text;
use std::collections::BTreeSet;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct TokensArgs {
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    #[arg(long, default_value = "test")]
    pub split: String,
    /// Join paragraphs with a space too, so no line break marks a boundary.
    #[arg(long)]
    pub no_paragraphs: bool,
}

/// A gold document: text, word spans and sentence-end offsets.
pub struct GoldText {
    pub text: String,
    pub tokens: Vec<Span>,
    pub sentence_ends: Vec<usize>,
}

pub fn gold_texts(sentences: &[conllu::Sentence], paragraphs: bool) -> (Vec<GoldText>, usize) {
    let mut docs: Vec<GoldText> = Vec::new();
    let mut unaligned = 0;
    let mut last_doc = None;
    for sentence in sentences {
        if last_doc != Some(&sentence.doc_id) {
            docs.push(GoldText {
                text: String::new(),
                tokens: Vec::new(),
                sentence_ends: Vec::new(),
            });
            last_doc = Some(&sentence.doc_id);
        }
        let doc = docs.last_mut().expect("pushed");
        if !doc.text.is_empty() {
            doc.text.push(if paragraphs && sentence.starts_paragraph {
                '\n'
            } else {
                ' '
            });
        }
        let offset = doc.text.len();
        doc.text.push_str(&sentence.text);
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        for span in align_forms(&sentence.text, &forms) {
            match span {
                Some(s) => doc.tokens.push(Span::new(offset + s.start, offset + s.end)),
                None => unaligned += 1,
            }
        }
        doc.sentence_ends.push(doc.text.len());
    }
    (docs, unaligned)
}

fn compare<T: Ord + Copy>(gold: &BTreeSet<T>, predicted: &BTreeSet<T>) -> Counts {
    let hits = predicted.intersection(gold).count();
    Counts {
        true_positives: hits,
        false_positives: predicted.len() - hits,
        false_negatives: gold.len() - hits,
    }
}

/// Token counts and sentence-boundary counts (boundaries inside documents;
/// a document's end is not counted).
pub fn evaluate(docs: &[GoldText]) -> (Counts, Counts) {
    let mut tokens = Counts::default();
    let mut boundaries = Counts::default();
    for doc in docs {
        let predicted_tokens = text::tokenize(&doc.text);
        let sentences = text::split_sentences(&doc.text, &predicted_tokens);
        let gold: BTreeSet<Span> = doc.tokens.iter().copied().collect();
        let predicted: BTreeSet<Span> = predicted_tokens.iter().copied().collect();
        tokens.add(compare(&gold, &predicted));
        let inner = |ends: Vec<usize>| -> BTreeSet<usize> {
            ends.into_iter()
                .filter(|e| *e < doc.text.trim_end().len())
                .collect()
        };
        let gold_ends = inner(doc.sentence_ends.clone());
        let predicted_ends = inner(sentences.iter().map(|s| s.span.end).collect());
        if std::env::var_os("TEXTKG_DEBUG_SENTENCES").is_some() {
            for end in gold_ends.difference(&predicted_ends) {
                let from = doc.text[..*end]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                let to = doc.text[*end..]
                    .char_indices()
                    .nth(30)
                    .map_or(doc.text.len(), |(i, _)| end + i);
                eprintln!(
                    "MISS {:?} | {:?}",
                    &doc.text[from..*end],
                    &doc.text[*end..to]
                );
            }
        }
        boundaries.add(compare(&gold_ends, &predicted_ends));
    }
    (tokens, boundaries)
}

pub fn run(args: TokensArgs) -> Result<()> {
    let path = crate::train::ewt_path(&args.data, &args.split);
    let sentences = conllu::read(&path)?;
    let (docs, unaligned) = gold_texts(&sentences, !args.no_paragraphs);
    let (tokens, boundaries) = evaluate(&docs);
    println!(
        "UD EWT {} ({} documents, {} words not found in the text)",
        args.split,
        docs.len(),
        unaligned
    );
    println!("| measure | P | R | F1 | gold |\n|---|---:|---:|---:|---:|");
    for (name, counts) in [("tokens", tokens), ("sentence boundaries", boundaries)] {
        let prf = counts.prf();
        println!(
            "| {name} | {:.2} | {:.2} | {:.2} | {} |",
            prf.precision * 100.0,
            prf.recall * 100.0,
            prf.f1 * 100.0,
            counts.gold()
        );
    }
    Ok(())
}
