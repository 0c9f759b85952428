//! Entity recognition against UNER EWT test and, by 5-fold cross-validation
//! by document, Re-DocRED. Texts go through the real tokenizer, tagger and
//! recogniser; mentions are scored by exact byte span and type.

use super::Common;
use super::score::{CORE_TYPES, SpanScores, format_rows, mean_rows};
use crate::corpus::{docred, iob2};
use crate::document::{Document, EntityType, MentionKind, Span};
use crate::error::{Error, Result};
use crate::model::{Models, recognizer::Example};
use crate::train;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum NerCorpus {
    /// UNER English EWT test (PER/ORG/LOC annotated).
    Uner,
    /// Re-DocRED, 5-fold cross-validation by document.
    Redocred,
    /// GUM Wikinews: mentions with a Wikipedia identifier (PER/ORG/LOC);
    /// `--split test` the reporting half (texts 23–43 in sorted order),
    /// `--split dev` the first 22.
    Gum,
}

#[derive(Debug, clap::Args)]
pub struct NerArgs {
    pub corpus: NerCorpus,
    #[command(flatten)]
    pub common: Common,
    /// Score these predictions (JSON Lines {"id", "entities": [[start, end, "TYPE"]]})
    /// instead of running textkg.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Write the evaluated texts as JSON Lines {"id", "text"} and stop.
    #[arg(long, value_name = "FILE")]
    pub write_texts: Option<PathBuf>,
    /// Also write textkg's predictions as JSON Lines (same format as --predictions).
    #[arg(long, value_name = "FILE")]
    pub write_predictions: Option<PathBuf>,
    /// Number of cross-validation folds for Re-DocRED.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Run only this fold (for quick experiments; the reported figure is the mean of all).
    #[arg(long, hide = true)]
    pub only_fold: Option<usize>,
    /// Train the folds' recognisers without UNER (ablation).
    #[arg(long, hide = true)]
    pub without_uner: bool,
    /// Write, per text, gold mentions, tokens, sentences and POS tags as JSON
    /// Lines (for error analysis) and stop.
    #[arg(long, hide = true, value_name = "FILE")]
    pub write_analysis: Option<PathBuf>,
    /// UNER split (or GUM half) to evaluate: test (reported) or dev (for development).
    #[arg(long, default_value = "test", value_parser = ["test", "dev"])]
    pub split: String,
    /// Score the names and demonyms of the whole mention stage (titles cut
    /// off, hyphens, joins: what `textkg build` outputs) instead of the
    /// recogniser's names alone.
    #[arg(long)]
    pub mention_stage: bool,
    /// Keep each fold's recogniser in this folder and reuse it when present
    /// (for measuring mention-stage changes without retraining).
    #[arg(long, hide = true, value_name = "DIR")]
    pub fold_models: Option<PathBuf>,
    /// Training epochs of each fold's recogniser.
    #[arg(long, default_value_t = train::RECOGNIZER_EPOCHS)]
    pub epochs: usize,
    /// Train each fold's recogniser on this percentage of its training
    /// texts, evenly spread (for a learning curve).
    #[arg(long, hide = true, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub training_share: u32,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TextLine {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PredictionLine {
    pub id: String,
    pub entities: Vec<(usize, usize, String)>,
}

/// Runs the recogniser on a text and returns its entities as byte spans.
pub fn predict(models: &Models, text: &str) -> Vec<(Span, EntityType)> {
    let mut doc = Document::new("", text);
    crate::text::segment(&mut doc);
    let entities = models.annotate(&mut doc);
    entities
        .into_iter()
        .map(|(range, ty)| (doc.token_span(range), ty))
        .collect()
}

/// Runs the recogniser and the mention stage on a text and returns the
/// names and demonyms among its mentions, as `textkg build` sees them.
pub fn predict_mentions(models: &Models, text: &str) -> Vec<(Span, EntityType)> {
    let mut doc = Document::new("", text);
    crate::text::segment(&mut doc);
    let names = models.annotate(&mut doc);
    doc.names = names;
    crate::mentions::add_mentions(&mut doc);
    doc.mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Demonym))
        .map(|m| (m.span, m.ty))
        .collect()
}

/// Texts of GUM's development half (the first 22 in sorted order) or
/// reporting half (the rest), with their mentions that carry a Wikipedia
/// identifier and are a person, organisation or place as gold (pronouns
/// linked to them left out, as `textkg eval entities gum` does). GUM's
/// mentions are noun phrases: a leading "the" is not part of the name.
pub fn gum_examples(data: &Path, development: bool) -> Result<Vec<(String, Example)>> {
    #[derive(Deserialize)]
    struct GumMention {
        start: usize,
        end: usize,
        #[serde(rename = "type")]
        ty: String,
        wikipedia: Option<String>,
        text: String,
    }
    #[derive(Deserialize)]
    struct GumDocument {
        doc: String,
        tokens: Vec<String>,
        mentions: Vec<GumMention>,
    }
    const DEVELOPMENT_TEXTS: usize = 22;
    let dir = data.join("gum-wikinews");
    let mut documents: Vec<GumDocument> = super::read_json_lines(&dir.join("entities.jsonl"))?;
    documents.sort_by(|a, b| a.doc.cmp(&b.doc));
    let chosen = if development {
        documents.truncate(DEVELOPMENT_TEXTS);
        documents
    } else {
        documents.split_off(DEVELOPMENT_TEXTS.min(documents.len()))
    };
    let mut examples = Vec::new();
    for doc in chosen {
        let text_path = dir.join("text").join(format!("{}.txt", doc.doc));
        let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
        let spans = super::entities::align_tokens(&text, &doc.tokens);
        // The header (title, source, date, licence) is no part of the story.
        let body = text.find("\n\n").map_or(0, |i| i + 2);
        let mut gold = Vec::new();
        // A pronoun or "we" linked to a named entity is no name.
        let named = |m: &&GumMention| {
            m.wikipedia.is_some()
                && crate::lexicon::pronoun_type(&m.text).is_none()
                && !matches!(m.text.as_str(), "I" | "We" | "You" | "Us")
                && m.text.chars().any(char::is_uppercase)
        };
        for m in doc.mentions.iter().filter(named) {
            let ty = match m.ty.as_str() {
                "person" => EntityType::Person,
                "organization" => EntityType::Organization,
                "place" => EntityType::Location,
                _ => continue,
            };
            let mut start = m.start;
            while start + 1 < m.end && doc.tokens[start].eq_ignore_ascii_case("the") {
                start += 1;
            }
            let first = spans.get(start).copied().flatten();
            let last = m
                .end
                .checked_sub(1)
                .and_then(|e| spans.get(e).copied().flatten());
            if let (Some(first), Some(last)) = (first, last) {
                let span = Span::new(first.start - body, last.end - body);
                if !gold.contains(&(span, ty)) {
                    gold.push((span, ty));
                }
            }
        }
        gold.sort();
        examples.push((
            doc.doc,
            Example {
                text: text[body..].to_string(),
                gold,
                annotated: CORE_TYPES.to_vec(),
            },
        ));
    }
    Ok(examples)
}

/// The training texts of cross-validation fold `k`: UNER train and the
/// Re-DocRED documents of every other fold.
pub fn fold_training<'a>(
    uner: &'a [Example],
    folds: &[Vec<usize>],
    k: usize,
    document: impl Fn(usize) -> &'a Example,
) -> Vec<&'a Example> {
    uner.iter()
        .chain(
            folds
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .flat_map(|(_, fold)| fold.iter().map(|&i| document(i))),
        )
        .collect()
}

/// Fold `k`'s recogniser from `dir` if an earlier run kept it there, else
/// trained and kept.
fn cached_fold_model(
    dir: &Path,
    k: usize,
    train_fold: impl FnOnce() -> crate::model::Recognizer,
) -> Result<crate::model::Recognizer> {
    let path = dir.join(format!("fold-{k}.bin"));
    if let Ok(bytes) = std::fs::read(&path) {
        return crate::model::Recognizer::read(&mut crate::model::perceptron::Reader {
            name: "fold recogniser",
            bytes: &bytes,
        });
    }
    let recognizer = train_fold();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    std::fs::write(&path, crate::model::recognizer_bytes(&recognizer))
        .map_err(|e| Error::io(&path, e))?;
    Ok(recognizer)
}

/// The Re-DocRED documents of each fold, by document index.
pub fn redocred_folds(documents: usize, folds: usize) -> Vec<Vec<usize>> {
    docred::folds(documents, folds)
}

fn write_texts(path: &Path, texts: &[(String, &Example)]) -> Result<()> {
    let lines: Vec<TextLine> = texts
        .iter()
        .map(|(id, example)| TextLine {
            id: id.clone(),
            text: example.text.clone(),
        })
        .collect();
    write_lines(path, &lines)
}

pub fn read_predictions(path: &Path) -> Result<BTreeMap<String, Vec<(Span, EntityType)>>> {
    let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut predictions = BTreeMap::new();
    for (index, line) in source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let bad = |message: String| Error::BadLine {
            path: path.to_path_buf(),
            line: index + 1,
            message,
        };
        let parsed: PredictionLine = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let mut entities = Vec::new();
        for (start, end, label) in parsed.entities {
            let ty = EntityType::parse(&label)
                .ok_or_else(|| bad(format!("unknown entity type {label:?}")))?;
            if start > end {
                return Err(bad(format!("span {start}..{end} runs backwards")));
            }
            entities.push((Span::new(start, end), ty));
        }
        predictions.insert(parsed.id, entities);
    }
    Ok(predictions)
}

fn analysis_line(models: &Models, id: &str, example: &Example) -> serde_json::Value {
    let mut doc = Document::new("", example.text.as_str());
    crate::text::segment(&mut doc);
    models.annotate(&mut doc);
    serde_json::json!({
        "id": id,
        "gold": example.gold.iter().map(|(s, t)| (s.start, s.end, t.as_str())).collect::<Vec<_>>(),
        "tokens": doc.tokens.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(),
        "sentences": doc.sentences.iter().map(|s| (s.tokens.start, s.tokens.end)).collect::<Vec<_>>(),
        "tags": doc.tags.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>(),
    })
}

type Predictor<'a> = &'a (dyn Fn(&str, &Example) -> Vec<(Span, EntityType)> + Sync);

fn score_with(
    texts: &[(String, &Example)],
    predicted: Predictor<'_>,
    log: &mut Vec<PredictionLine>,
) -> SpanScores {
    let per_doc: Vec<(SpanScores, PredictionLine)> = texts
        .par_iter()
        .map(|(id, example)| {
            let mut scores = SpanScores::default();
            let entities = predicted(id, example);
            scores.add_document(&example.gold, &entities);
            let line = PredictionLine {
                id: id.clone(),
                entities: entities
                    .iter()
                    .map(|(s, t)| (s.start, s.end, t.as_str().to_string()))
                    .collect(),
            };
            (scores, line)
        })
        .collect();
    let mut total = SpanScores::default();
    for (s, line) in per_doc {
        total.merge(&s);
        log.push(line);
    }
    total
}

fn write_lines<T: Serialize>(path: &Path, lines: &[T]) -> Result<()> {
    let mut out = Vec::new();
    for line in lines {
        serde_json::to_writer(&mut out, line).map_err(|e| Error::io(path, e.into()))?;
        out.push(b'\n');
    }
    std::fs::write(path, out).map_err(|e| Error::io(path, e))
}

pub fn run(args: NerArgs) -> Result<()> {
    let data = args.common.data().to_path_buf();
    let (texts, name): (Vec<(String, Example)>, &str) = match args.corpus {
        NerCorpus::Uner => {
            let split = args.split.as_str();
            let sentences = iob2::read(&train::uner_path(&data, split))?;
            let paragraphs = train::paragraph_starts(&data, split)?;
            let name = if split == "dev" {
                "UNER EWT dev"
            } else {
                "UNER EWT test"
            };
            (train::uner_examples(&sentences, &paragraphs), name)
        }
        NerCorpus::Redocred => {
            let docs = docred::read(&train::redocred_path(&data))?;
            let texts = docs
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("redocred-{i}"), train::docred_example(d)))
                .collect();
            (texts, "Re-DocRED")
        }
        NerCorpus::Gum => {
            let dev = args.split == "dev";
            let name = if dev {
                "GUM Wikinews, first 22 texts"
            } else {
                "GUM Wikinews, texts 23-43"
            };
            (gum_examples(&data, dev)?, name)
        }
    };
    let texts: Vec<(String, &Example)> = texts.iter().map(|(id, e)| (id.clone(), e)).collect();
    if let Some(path) = &args.write_texts {
        return write_texts(path, &texts);
    }
    if let Some(path) = &args.write_analysis {
        let models = args.common.models()?;
        let lines: Vec<serde_json::Value> = texts
            .par_iter()
            .map(|(id, example)| analysis_line(&models, id, example))
            .collect();
        return write_lines(path, &lines);
    }
    let external = args
        .predictions
        .as_deref()
        .map(read_predictions)
        .transpose()?;
    let from_file = |id: &str, _: &Example| -> Vec<(Span, EntityType)> {
        external
            .as_ref()
            .and_then(|p| p.get(id).cloned())
            .unwrap_or_default()
    };
    let system = if external.is_some() {
        "predictions from file"
    } else {
        "textkg"
    };
    let predictor = if args.mention_stage {
        predict_mentions
    } else {
        predict
    };
    let mut log = Vec::new();
    match args.corpus {
        NerCorpus::Uner | NerCorpus::Gum => {
            let scores = if external.is_some() {
                score_with(&texts, &from_file, &mut log)
            } else {
                let models = args.common.models()?;
                score_with(
                    &texts,
                    &|_, e: &Example| predictor(&models, &e.text),
                    &mut log,
                )
            };
            // UNER and GUM's linked names are only PERSON, ORGANIZATION and LOCATION: rows for
            // the other types would count every prediction of them as wrong.
            let rows: Vec<_> = scores
                .rows()
                .into_iter()
                .filter(|(label, _, _)| {
                    label.starts_with("core") || CORE_TYPES.iter().any(|t| t.as_str() == label)
                })
                .collect();
            println!("{}", format_rows(&format!("{name}, {system}"), &rows));
        }
        NerCorpus::Redocred => {
            let folds = redocred_folds(texts.len(), args.folds.max(2));
            let mut fold_scores = Vec::new();
            // With --mention-stage, the recogniser alone too, from the same folds.
            let mut recogniser_scores = Vec::new();
            let shared = if external.is_some() {
                None
            } else {
                let models = args.common.models()?;
                let (uner, _) = train::recognizer_examples(&data)?;
                let held_out = train::HeldOutTaggers::train(&data, train::TAGGER_EPOCHS)?;
                Some((models, uner, held_out))
            };
            for (k, fold) in folds.iter().enumerate() {
                if args.only_fold.is_some_and(|only| only != k) {
                    continue;
                }
                let test: Vec<(String, &Example)> =
                    fold.iter().map(|&i| texts[i].clone()).collect();
                let scores = match &shared {
                    None => score_with(&test, &from_file, &mut log),
                    Some((models, uner, held_out)) => {
                        let uner = if args.without_uner {
                            &[][..]
                        } else {
                            &uner[..]
                        };
                        let training = train::training_share(
                            &fold_training(uner, &folds, k, |i| texts[i].1),
                            args.training_share,
                        );
                        let train_fold = || {
                            train::train_recognizer_with(
                                &training,
                                &models.tagger,
                                Some(held_out),
                                args.epochs,
                            )
                        };
                        let recognizer = match &args.fold_models {
                            Some(dir) => cached_fold_model(dir, k, train_fold)?,
                            None => train_fold(),
                        };
                        let fold_models = Models {
                            tagger: models.tagger.clone(),
                            recognizer,
                        };
                        if args.mention_stage {
                            recogniser_scores.push(score_with(
                                &test,
                                &|_, e: &Example| predict(&fold_models, &e.text),
                                &mut Vec::new(),
                            ));
                        }
                        score_with(
                            &test,
                            &|_, e: &Example| predictor(&fold_models, &e.text),
                            &mut log,
                        )
                    }
                };
                let core = scores.total(&CORE_TYPES).prf().f1;
                let all = scores.total(&EntityType::ALL).prf().f1;
                eprintln!(
                    "fold {k}: core F1 {:.1}, all F1 {:.1}",
                    core * 100.0,
                    all * 100.0
                );
                fold_scores.push(scores);
            }
            if !recogniser_scores.is_empty() {
                let title = format!("{name} {}-fold CV mean, recogniser alone", folds.len());
                println!("{}\n", format_rows(&title, &mean_rows(&recogniser_scores)));
            }
            let title = format!("{name} {}-fold CV mean, {system}", folds.len());
            println!("{}", format_rows(&title, &mean_rows(&fold_scores)));
        }
    }
    if let Some(path) = &args.write_predictions {
        write_lines(path, &log)?;
    }
    Ok(())
}
