//! Dependency parsing on UD EWT, or on GUM's Wikinews texts: unlabelled and
//! labelled attachment scores on gold words, with the tagger's tags.

use super::Common;
use crate::corpus::conllu;
use crate::error::Result;
use crate::model::clusters::WordClusters;
use crate::model::parser::Parser;
use crate::model::{Models, Tagger, features};
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct ParserArgs {
    #[command(flatten)]
    pub common: Common,
    /// EWT's dev or test split; for GUM, `dev` is the first 22 texts in
    /// sorted order and `test` the other 21.
    #[arg(long, default_value = "test", value_parser = ["test", "dev"])]
    pub split: String,
    /// Parse GUM's Wikinews texts (`gum-wikinews/dep`) instead of EWT.
    #[arg(long)]
    pub gum: bool,
}

/// GUM texts, sorted by name, that are development data; the rest are for
/// reporting (see docs/evaluation.md, Hygiene).
pub const GUM_DEV_TEXTS: usize = 22;

/// The gold trees of GUM's dev or reporting half, text by text in sorted order.
pub fn gum_sentences(data: &std::path::Path, split: &str) -> Result<Vec<conllu::Sentence>> {
    let mut sentences = Vec::new();
    for path in gum_files(data, split)? {
        sentences.extend(conllu::read(&path)?);
    }
    Ok(sentences)
}

/// The CoNLL-U files of GUM's dev or reporting half, in sorted order.
pub fn gum_files(data: &std::path::Path, split: &str) -> Result<Vec<std::path::PathBuf>> {
    let dir = data.join("gum-wikinews").join("dep");
    let entries = std::fs::read_dir(&dir).map_err(|e| crate::error::Error::io(&dir, e))?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    paths.sort();
    let cut = GUM_DEV_TEXTS.min(paths.len());
    Ok(if split == "dev" {
        paths[..cut].to_vec()
    } else {
        paths[cut..].to_vec()
    })
}

/// Attachment counts over a set of sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attachment {
    pub words: usize,
    pub heads: usize,
    pub labelled: usize,
    /// The same three without punctuation.
    pub words_no_punct: usize,
    pub heads_no_punct: usize,
    pub labelled_no_punct: usize,
}

impl Attachment {
    pub fn uas(&self) -> f64 {
        100.0 * self.heads as f64 / self.words.max(1) as f64
    }

    pub fn las(&self) -> f64 {
        100.0 * self.labelled as f64 / self.words.max(1) as f64
    }
}

/// Parses every sentence (gold words, predicted tags) and counts the words
/// whose head, and head and relation, are right.
pub fn score(
    parser: &Parser,
    tagger: &Tagger,
    clusters: &WordClusters,
    sentences: &[conllu::Sentence],
) -> Attachment {
    let mut counts = Attachment::default();
    for sentence in sentences {
        let words: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let infos = features::describe(&words);
        let tags = tagger.tag_with(&infos, std::slice::from_ref(&(0..words.len())));
        let parsed = parser.parse(&words, &infos, &tags, clusters);
        for (gold, dependency) in sentence.words.iter().zip(&parsed) {
            let head = dependency.head.map_or(0, |h| h + 1);
            let head_right = head == gold.head;
            let labelled = head_right && parser.label_of(*dependency) == gold.deprel;
            counts.words += 1;
            counts.heads += usize::from(head_right);
            counts.labelled += usize::from(labelled);
            if gold.upos != crate::document::Upos::Punct {
                counts.words_no_punct += 1;
                counts.heads_no_punct += usize::from(head_right);
                counts.labelled_no_punct += usize::from(labelled);
            }
        }
    }
    counts
}

pub fn run(args: ParserArgs) -> Result<()> {
    let (parser, tagger, clusters) = match &args.common.models {
        Some(dir) => (
            Parser::load(dir)?,
            Models::load_tagger(dir)?,
            WordClusters::load(dir)?,
        ),
        None => (
            Parser::embedded().clone(),
            Models::embedded().tagger.clone(),
            WordClusters::embedded().clone(),
        ),
    };
    let (corpus, sentences) = if args.gum {
        ("GUM", gum_sentences(args.common.data(), &args.split)?)
    } else {
        let path = crate::train::ewt_path(args.common.data(), &args.split);
        ("UD EWT", conllu::read(&path)?)
    };
    let started = Instant::now();
    let counts = score(&parser, &tagger, &clusters, &sentences);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{corpus} {}: UAS {:.2} LAS {:.2} ({} words, gold tokens, predicted tags); \
         without punctuation UAS {:.2} LAS {:.2}",
        args.split,
        counts.uas(),
        counts.las(),
        counts.words,
        100.0 * counts.heads_no_punct as f64 / counts.words_no_punct.max(1) as f64,
        100.0 * counts.labelled_no_punct as f64 / counts.words_no_punct.max(1) as f64,
    );
    let bytes: usize = sentences.iter().map(|s| s.text.len() + 1).sum();
    println!(
        "tagging and parsing: {:.1} s, {:.2} MB/s on one thread ({} sentences)",
        seconds,
        bytes as f64 / 1e6 / seconds,
        sentences.len()
    );
    Ok(())
}
