//! `textkg train`: rebuilds every shipped model from the corpora in
//! `../shared/data`, deterministically.

use crate::corpus::{conllu, docred, iob2};
use crate::document::EntityType;
use crate::error::{Error, Result};
use crate::model::recognizer::{self, Example, Prepared};
use crate::model::tagger::{self, TaggedSentence};
use crate::model::{self, Recognizer, Tagger};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const TAGGER_EPOCHS: usize = 10;
pub const RECOGNIZER_EPOCHS: usize = 12;
pub const SEED: u64 = 0x7E47_4B47;

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Folder holding ud-english-ewt/, uner-english-ewt/ and redocred/.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where the compressed models are written.
    #[arg(long, default_value = "models")]
    pub out: PathBuf,
    #[arg(long, default_value_t = TAGGER_EPOCHS)]
    pub tagger_epochs: usize,
    /// Leave the typed relation model as it is (its training takes minutes).
    #[arg(long)]
    pub skip_relations: bool,
    /// Reuse the tagger already in the output folder (retrain the recogniser only).
    #[arg(long)]
    pub keep_tagger: bool,
    /// Train the recogniser on UNER alone (for ablation; the shipped model uses both).
    #[arg(long, hide = true)]
    pub uner_only: bool,
    /// Train the recogniser on this percentage of its training texts,
    /// evenly spread (for a learning curve; the shipped model uses 100).
    #[arg(long, hide = true, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub training_share: u32,
    /// 0 trains the tagger only.
    #[arg(long, default_value_t = RECOGNIZER_EPOCHS)]
    pub recognizer_epochs: usize,
    /// Epochs of the dependency parser; 0 leaves the parser and the word
    /// clusters as they are.
    #[arg(long, default_value_t = crate::model::parser::train::EPOCHS)]
    pub parser_epochs: usize,
    /// Rebuild only the word clusters and the parser (with the tagger in the output folder).
    #[arg(long)]
    pub parser_only: bool,
    /// Rebuild only the place names and the recogniser (with the tagger in
    /// the output folder), leaving the parser and typed relations as they are.
    #[arg(long)]
    pub recognizer_only: bool,
    /// Rebuild only the typed relation model (after a change to the
    /// pipeline before it), leaving every other model as it is.
    #[arg(long, conflicts_with_all = ["parser_only", "recognizer_only", "skip_relations"])]
    pub relations_only: bool,
    /// With --parser-only: reuse the clusters in the output folder and the
    /// held-out tags cached in this folder, then score EWT dev and the GUM
    /// dev half (for development runs).
    #[arg(long, hide = true)]
    pub parser_cache: Option<PathBuf>,
}

pub fn ewt_path(data: &Path, split: &str) -> PathBuf {
    data.join("ud-english-ewt")
        .join(format!("en_ewt-ud-{split}.conllu"))
}

pub fn uner_path(data: &Path, split: &str) -> PathBuf {
    data.join("uner-english-ewt")
        .join(format!("en_ewt-ud-{split}.iob2"))
}

pub fn redocred_path(data: &Path) -> PathBuf {
    data.join("redocred").join("train.json")
}

pub fn tagged_sentences(sentences: &[conllu::Sentence]) -> Vec<TaggedSentence> {
    sentences
        .iter()
        .map(|s| TaggedSentence {
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            tags: s.words.iter().map(|w| w.upos).collect(),
        })
        .collect()
}

/// The ids of the EWT sentences that start a paragraph.
pub fn paragraph_starts(data: &Path, split: &str) -> Result<HashSet<String>> {
    let sentences = conllu::read(&ewt_path(data, split))?;
    Ok(sentences
        .into_iter()
        .filter(|s| s.starts_paragraph)
        .map(|s| s.sent_id)
        .collect())
}

/// UNER sentences grouped into their documents, the sentence texts joined by
/// a space within a paragraph and a line break between paragraphs (as EWT
/// marks them), gold entities as byte spans (annotating PERSON,
/// ORGANIZATION, LOCATION only).
pub fn uner_examples(
    sentences: &[iob2::Sentence],
    paragraph_starts: &HashSet<String>,
) -> Vec<(String, Example)> {
    let mut examples: Vec<(String, Example)> = Vec::new();
    for sentence in sentences {
        let new_doc = examples.last().is_none_or(|(id, _)| *id != sentence.doc_id);
        if new_doc {
            examples.push((
                sentence.doc_id.clone(),
                Example {
                    text: String::new(),
                    gold: Vec::new(),
                    annotated: vec![
                        EntityType::Person,
                        EntityType::Organization,
                        EntityType::Location,
                    ],
                },
            ));
        }
        let example = &mut examples.last_mut().expect("pushed").1;
        if !example.text.is_empty() {
            let new_paragraph = paragraph_starts.contains(&sentence.sent_id);
            example.text.push(if new_paragraph { '\n' } else { ' ' });
        }
        let offset = example.text.len();
        example.text.push_str(&sentence.text);
        let spans = crate::corpus::align_forms(&sentence.text, &sentence.tokens);
        for (range, ty) in &sentence.entities {
            if let (Some(Some(first)), Some(Some(last))) =
                (spans.get(range.start), spans.get(range.end - 1))
            {
                let span = crate::document::Span::new(offset + first.start, offset + last.end);
                example.gold.push((span, *ty));
            }
        }
    }
    examples
}

/// Re-DocRED documents as texts rebuilt from their tokens, with every
/// mention as a byte span (all six types annotated).
pub fn docred_example(doc: &docred::Document) -> Example {
    let (text, spans) = docred::reconstruct_text(&doc.sents);
    let mut gold = Vec::new();
    for mention in doc.vertex_set.iter().flatten() {
        let Some(ty) = EntityType::parse(&mention.ty) else {
            continue;
        };
        let sentence = &spans[mention.sent_id];
        let span = crate::document::Span::new(
            sentence[mention.pos[0]].start,
            sentence[mention.pos[1] - 1].end,
        );
        if !gold.contains(&(span, ty)) {
            gold.push((span, ty));
        }
    }
    gold.sort();
    Example {
        text,
        gold,
        annotated: EntityType::ALL.to_vec(),
    }
}

pub fn train_tagger(data: &Path, epochs: usize) -> Result<Tagger> {
    let sentences = conllu::read(&ewt_path(data, "train"))?;
    Ok(tagger::train(&tagged_sentences(&sentences), epochs, SEED))
}

/// Folds of the tagger's training documents for [`HeldOutTaggers`].
pub const TAGGER_FOLDS: usize = 4;

/// Taggers trained without a quarter of EWT train each. UNER train is the
/// same text as the tagger's training data, where the tagger is nearly
/// always right; the recogniser must learn from tags as wrong as they are on
/// new text, so each UNER document is tagged by the tagger that did not see it.
pub struct HeldOutTaggers {
    taggers: Vec<Tagger>,
    /// xxh3 of a UNER training text → the tagger that did not see it.
    fold_of: std::collections::HashMap<u64, usize>,
    /// EWT train document id → the tagger that did not see it.
    document_fold: std::collections::HashMap<String, usize>,
}

impl HeldOutTaggers {
    pub fn train(data: &Path, epochs: usize) -> Result<HeldOutTaggers> {
        let sentences = conllu::read(&ewt_path(data, "train"))?;
        let mut documents: Vec<&str> = Vec::new();
        for sentence in &sentences {
            if documents.last() != Some(&sentence.doc_id.as_str()) {
                documents.push(&sentence.doc_id);
            }
        }
        let fold: std::collections::HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (*d, i % TAGGER_FOLDS))
            .collect();
        let tagged = tagged_sentences(&sentences);
        let taggers = (0..TAGGER_FOLDS)
            .into_par_iter()
            .map(|k| {
                let training: Vec<TaggedSentence> = sentences
                    .iter()
                    .zip(&tagged)
                    .filter(|(s, _)| fold[s.doc_id.as_str()] != k)
                    .map(|(_, t)| TaggedSentence {
                        words: t.words.clone(),
                        tags: t.tags.clone(),
                    })
                    .collect();
                tagger::train(&training, epochs, SEED)
            })
            .collect();
        let uner = iob2::read(&uner_path(data, "train"))?;
        let paragraphs = paragraph_starts(data, "train")?;
        let fold_of = uner_examples(&uner, &paragraphs)
            .into_iter()
            .filter_map(|(id, e)| {
                let k = fold.get(id.as_str())?;
                Some((xxhash_rust::xxh3::xxh3_64(e.text.as_bytes()), *k))
            })
            .collect();
        let document_fold = fold.iter().map(|(d, k)| (d.to_string(), *k)).collect();
        Ok(HeldOutTaggers {
            taggers,
            fold_of,
            document_fold,
        })
    }

    /// The tagger that did not see EWT train document `doc_id`.
    pub fn for_ewt_document(&self, doc_id: &str) -> Option<&Tagger> {
        self.taggers.get(*self.document_fold.get(doc_id)?)
    }

    fn for_text(&self, text: &str) -> Option<&Tagger> {
        let k = self
            .fold_of
            .get(&xxhash_rust::xxh3::xxh3_64(text.as_bytes()))?;
        self.taggers.get(*k)
    }
}

pub fn prepare_all(
    examples: &[&Example],
    tagger: &Tagger,
    held_out: Option<&HeldOutTaggers>,
) -> Vec<Prepared> {
    let vocabulary = recognizer::type_vocabulary(examples);
    examples
        .par_iter()
        .map(|e| {
            let tagger = held_out.and_then(|h| h.for_text(&e.text)).unwrap_or(tagger);
            recognizer::prepare(e, tagger, &vocabulary)
        })
        .collect()
}

pub fn train_recognizer(examples: &[&Example], tagger: &Tagger, epochs: usize) -> Recognizer {
    train_recognizer_with(examples, tagger, None, epochs)
}

/// [`train_recognizer`], UNER training texts tagged by `held_out` taggers.
pub fn train_recognizer_with(
    examples: &[&Example],
    tagger: &Tagger,
    held_out: Option<&HeldOutTaggers>,
    epochs: usize,
) -> Recognizer {
    recognizer::train(prepare_all(examples, tagger, held_out), epochs, SEED)
}

/// The recogniser's training texts: UNER train and all of Re-DocRED.
pub fn recognizer_examples(data: &Path) -> Result<(Vec<Example>, Vec<Example>)> {
    let uner = iob2::read(&uner_path(data, "train"))?;
    let paragraphs = paragraph_starts(data, "train")?;
    let uner: Vec<Example> = uner_examples(&uner, &paragraphs)
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let redocred = docred::read(&redocred_path(data))?;
    let redocred = redocred.iter().map(docred_example).collect();
    Ok((uner, redocred))
}

/// `percent` in a hundred of `examples`, evenly spread over them: example
/// `i` is kept when `(i + 1) * percent / 100` steps past `i * percent / 100`.
pub fn training_share<T: Copy>(examples: &[T], percent: u32) -> Vec<T> {
    let percent = percent as usize;
    examples
        .iter()
        .enumerate()
        .filter(|(i, _)| (i + 1) * percent / 100 > i * percent / 100)
        .map(|(_, &e)| e)
        .collect()
}

pub fn write_model(dir: &Path, file: &str, bytes: &[u8]) -> Result<usize> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let compressed = model::compress(bytes)?;
    let path = dir.join(file);
    std::fs::write(&path, &compressed).map_err(|e| Error::io(&path, e))?;
    Ok(compressed.len())
}

/// Trains the models and records, in `models/manifest.json`, the lexicon
/// files and corpora each model written was trained with.
pub fn run(args: TrainArgs) -> Result<()> {
    let written = train_models(&args)?;
    model::manifest::record(&args.out, &args.data, &written)?;
    eprintln!(
        "{}: inputs of {} recorded",
        args.out.join(model::manifest::FILE).display(),
        written.join(", ")
    );
    Ok(())
}

/// The word clusters and the parser, which reads them; returns their files.
fn train_parser(
    args: &TrainArgs,
    tagger: &Tagger,
    held_out: &HeldOutTaggers,
) -> Result<Vec<&'static str>> {
    model::parser::train::run(&args.data, &args.out, tagger, held_out, args.parser_epochs)?;
    Ok(vec![model::clusters::FILE, model::parser::FILE])
}

/// Writes the GeoNames place names; the recogniser reads the ones built
/// into the binary, so they must be what this data gives.
fn write_places(data: &Path, out: &Path) -> Result<usize> {
    let places = model::places::Places::derive(&data.join("geonames"))?;
    let mut bytes = Vec::new();
    places.write(&mut bytes);
    let size = write_model(out, model::places::FILE, &bytes)?;
    if &places != model::places::Places::embedded() {
        return Err(Error::Model {
            name: "places".into(),
            message: format!(
                "{} changed: rebuild textkg (cargo build --release) and train again, \
                 so that the recogniser learns from the place names it will read",
                out.join(model::places::FILE).display()
            ),
        });
    }
    Ok(size)
}

/// The models written, by file name.
fn train_models(args: &TrainArgs) -> Result<Vec<&'static str>> {
    let mut written = Vec::new();
    let started = Instant::now();
    if let (true, Some(cache)) = (args.parser_only, &args.parser_cache) {
        let tagger = model::Models::load_tagger(&args.out)?;
        model::parser::train::experiment(&args.data, &args.out, cache, &tagger, args)?;
        return Ok(vec![model::parser::FILE]);
    }
    if args.parser_only {
        let tagger = model::Models::load_tagger(&args.out)?;
        let held_out = HeldOutTaggers::train(&args.data, args.tagger_epochs)?;
        return train_parser(args, &tagger, &held_out);
    }
    if args.relations_only {
        train_relations(args)?;
        return Ok(vec![crate::relations::typed::MODEL_FILE]);
    }
    let size = write_places(&args.data, &args.out)?;
    written.push(model::places::FILE);
    eprintln!(
        "place names: {} ({:.1} MB)",
        model::places::FILE,
        size as f64 / 1e6
    );
    let tagger = if args.keep_tagger || args.recognizer_only {
        model::Models::load_tagger(&args.out)?
    } else {
        let tagger = train_tagger(&args.data, args.tagger_epochs)?;
        let size = write_model(&args.out, model::TAGGER_FILE, &model::tagger_bytes(&tagger))?;
        written.push(model::TAGGER_FILE);
        eprintln!(
            "tagger: {:.1} s, {} ({:.1} MB)",
            started.elapsed().as_secs_f64(),
            model::TAGGER_FILE,
            size as f64 / 1e6
        );
        tagger
    };
    if args.recognizer_epochs == 0 {
        return Ok(written);
    }
    let (uner, redocred) = recognizer_examples(&args.data)?;
    let redocred = if args.uner_only {
        &[][..]
    } else {
        &redocred[..]
    };
    let examples: Vec<&Example> = uner.iter().chain(redocred).collect();
    let examples = training_share(&examples, args.training_share);
    let held_out = HeldOutTaggers::train(&args.data, args.tagger_epochs)?;
    if args.parser_epochs > 0 && !args.recognizer_only {
        written.extend(train_parser(args, &tagger, &held_out)?);
    }
    let recognizer =
        train_recognizer_with(&examples, &tagger, Some(&held_out), args.recognizer_epochs);
    let size = write_model(
        &args.out,
        model::RECOGNIZER_FILE,
        &model::recognizer_bytes(&recognizer),
    )?;
    // An ablation's recogniser is not what the manifest's inputs describe.
    if !args.uner_only && args.training_share == 100 {
        written.push(model::RECOGNIZER_FILE);
    }
    eprintln!(
        "recognizer: {:.1} s total, {} ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        model::RECOGNIZER_FILE,
        size as f64 / 1e6
    );
    if args.skip_relations || args.recognizer_only {
        return Ok(written);
    }
    train_relations(args)?;
    written.push(crate::relations::typed::MODEL_FILE);
    Ok(written)
}

fn train_relations(args: &TrainArgs) -> Result<()> {
    use crate::relations::typed::train::{TrainArgs, TrainOptions, run};
    run(&TrainArgs {
        data: redocred_path(&args.data),
        output: args.out.join(crate::relations::typed::MODEL_FILE),
        bits: TrainOptions::default().bits,
        epochs: TrainOptions::default().epochs,
        threads: None,
        parse: TrainOptions::default().parse,
    })
}

#[cfg(test)]
mod tests {
    use super::training_share;

    #[test]
    fn a_training_share_keeps_that_percentage_evenly_spread() {
        let examples: Vec<usize> = (0..12).collect();
        assert_eq!(training_share(&examples, 100), examples);
        assert_eq!(training_share(&examples, 50), vec![1, 3, 5, 7, 9, 11]);
        assert_eq!(training_share(&examples, 25), vec![3, 7, 11]);
        assert_eq!(training_share(&examples, 1).len(), 0);
    }
}
