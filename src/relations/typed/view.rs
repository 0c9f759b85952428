//! The pipeline's reading of the training texts: the pipelines that read
//! them, and which gold entities a predicted entity stands for, to carry
//! gold triples over to its pairs.
//!
//! Scoring maps each predicted entity to one gold entity by exact mention
//! spans (`eval::map_entities`). Training labels are read more widely, so
//! that the model is not taught that a true pair is false: Re-DocRED often
//! keeps "the" in a name ("the United States") where the pipeline's
//! mention starts after it, and it makes a demonym ("Swedish") an entity
//! of its own where the pipeline joins it to its country.

use super::train::{TrainOptions, fold_of};
use crate::document::{Document, Span};
use crate::error::Result;
use crate::model::Models;
use crate::pipeline::{Options, Pipeline};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Per predicted entity, the gold entities sharing a mention span with it
/// (a gold span read also without a leading "the"), sorted.
pub(crate) fn carried_entities(predicted: &Document, gold: &Document) -> Vec<Vec<usize>> {
    let mut gold_span: HashMap<Span, Vec<usize>> = HashMap::new();
    for (g, entity) in gold.entities.iter().enumerate() {
        for &(m, _) in &entity.mentions {
            let Some(mention) = gold.mentions.get(m.index()) else {
                continue;
            };
            let span = mention.span;
            gold_span.entry(span).or_default().push(g);
            let text = gold.text.get(span.start..span.end).unwrap_or("");
            if let Some(rest) = text
                .strip_prefix("the ")
                .or_else(|| text.strip_prefix("The "))
            {
                let without = Span {
                    start: span.end - rest.len(),
                    end: span.end,
                };
                gold_span.entry(without).or_default().push(g);
            }
        }
    }
    predicted
        .entities
        .iter()
        .map(|entity| {
            let mut found = BTreeSet::new();
            for &(m, _) in &entity.mentions {
                if let Some(mention) = predicted.mentions.get(m.index()) {
                    found.extend(gold_span.get(&mention.span).into_iter().flatten());
                }
            }
            found.into_iter().collect()
        })
        .collect()
}

/// The gold properties of a pair whose ends stand for these gold entities.
pub(crate) fn carried_labels(
    by_pair: &HashMap<(usize, usize), Vec<u16>>,
    heads: &[usize],
    tails: &[usize],
) -> Vec<u16> {
    let mut labels = Vec::new();
    for &h in heads {
        for &t in tails.iter().filter(|&&t| t != h) {
            labels.extend(by_pair.get(&(h, t)).into_iter().flatten());
        }
    }
    labels.sort_unstable();
    labels.dedup();
    labels
}

/// What the pipeline runs when reading the training texts.
pub(crate) fn pipeline_options(options: &TrainOptions) -> Options {
    Options {
        parse: options.parse,
        ..Options::default()
    }
}

/// The pipeline for each fold (document index % folds), or one pipeline
/// with the shipped models.
pub(super) fn pipelines(path: &Path, docs: usize, options: &TrainOptions) -> Result<Vec<Pipeline>> {
    if !options.jackknife_recognizer {
        return Ok(vec![Pipeline::new(pipeline_options(options))]);
    }
    let redocred_dir = path.parent().unwrap_or(Path::new("."));
    let data = redocred_dir.parent().unwrap_or(Path::new("."));
    let (uner, mut redocred) = crate::train::recognizer_examples(data)?;
    redocred.truncate(docs);
    let models = Models::embedded();
    let folds = options.folds.max(2);
    Ok((0..folds)
        .into_par_iter()
        .map(|k| {
            let examples: Vec<&crate::model::recognizer::Example> = uner
                .iter()
                .chain(
                    redocred
                        .iter()
                        .enumerate()
                        .filter(|(d, _)| fold_of(*d, folds) != k)
                        .map(|(_, e)| e),
                )
                .collect();
            let recognizer = crate::train::train_recognizer(
                &examples,
                &models.tagger,
                crate::train::RECOGNIZER_EPOCHS,
            );
            Pipeline::with_models(
                pipeline_options(options),
                Models {
                    tagger: models.tagger.clone(),
                    recognizer,
                },
            )
        })
        .collect())
}
