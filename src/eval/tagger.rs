//! UPOS accuracy on UD EWT, on gold words.

use super::Common;
use crate::corpus::conllu;
use crate::error::Result;
use crate::model::{Tagger, features};

#[derive(Debug, clap::Args)]
pub struct TaggerArgs {
    #[command(flatten)]
    pub common: Common,
    #[arg(long, default_value = "test")]
    pub split: String,
}

/// Correct tags and tokens over the sentences.
pub fn accuracy(tagger: &Tagger, sentences: &[conllu::Sentence]) -> (usize, usize) {
    let mut correct = 0;
    let mut total = 0;
    for sentence in sentences {
        let words: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let infos = features::describe(&words);
        let whole_sentence = 0..words.len();
        let tags = tagger.tag_with(&infos, std::slice::from_ref(&whole_sentence));
        correct += tags
            .iter()
            .zip(&sentence.words)
            .filter(|(t, w)| **t == w.upos)
            .count();
        total += words.len();
    }
    (correct, total)
}

pub fn run(args: TaggerArgs) -> Result<()> {
    let tagger = match &args.common.models {
        Some(dir) => crate::model::Models::load_tagger(dir)?,
        None => crate::model::Models::embedded().tagger.clone(),
    };
    let path = crate::train::ewt_path(args.common.data(), &args.split);
    let sentences = conllu::read(&path)?;
    let (correct, total) = accuracy(&tagger, &sentences);
    println!(
        "UD EWT {}: UPOS accuracy {:.2}% ({correct}/{total}, gold tokens)",
        args.split,
        100.0 * correct as f64 / total.max(1) as f64
    );
    Ok(())
}
