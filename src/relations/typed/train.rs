//! Training: Re-DocRED → per-property logistic regressions (AdaGrad over
//! hashed features), isotonic calibration on cross-validated scores.
//!
//! Deterministic: every model is fitted by one thread in a seeded order, and
//! folds run in parallel only as independent jobs, so the bytes do not
//! depend on the thread count.

use super::docred::{GoldDoc, read_docred, read_rel_info};
use super::eval::map_entities;
use super::features::{Pair, TYPE_PAIRS, doc_pairs};
use super::stage2::{self, Cand, Stage2};
pub use super::threshold::{OPERATING_PRECISION, SELECTION_PRECISION, best_threshold};

use super::view::{carried_entities, carried_labels, pipelines};
use super::{FORMAT, Meta, Property, TypedModel, calibrate, quantize, slot};
use crate::error::{Error, Result};
use crate::model::Models;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// The weight table has 2^bits slots.
    pub bits: u32,
    pub epochs: usize,
    pub learning_rate: f32,
    pub seed: u64,
    /// Features seen in fewer training documents are dropped.
    pub min_doc_freq: u32,
    /// Cross-validation folds for calibration (document index % folds).
    pub folds: usize,
    /// Use only the first documents of the file (tests).
    pub max_docs: Option<usize>,
    /// Also learn from each text as the pipeline reads it (its own mentions,
    /// entities and types), with gold triples carried over to the predicted
    /// entities that share the most mention spans with gold ones: the model
    /// then knows the recogniser's mistakes.
    pub pipeline_view: bool,
    /// For that view, read document d with a recogniser trained without
    /// d's fold (UNER + the other folds of Re-DocRED), as the shipped
    /// recogniser was trained on all of Re-DocRED and would read these texts
    /// better than unseen ones. Off: the shipped recogniser.
    pub jackknife_recognizer: bool,
    /// Add the second stage ([`stage2`]): a triple's confidence also
    /// weighs the confidence of the properties that usually come with it.
    pub stage2: bool,
    /// Parse every text (the gold view's with gold tokens) so the model
    /// learns the features of dependency paths between mentions.
    pub parse: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 23,
            epochs: 3,
            learning_rate: 0.1,
            seed: 0x7e47_6b67,
            min_doc_freq: 1,
            folds: 5,
            max_docs: None,
            pipeline_view: true,
            jackknife_recognizer: true,
            stage2: true,
            parse: false,
        }
    }
}

/// Per document, per pair: gold property indices.
pub(crate) type Labels = Vec<Vec<Vec<u16>>>;

/// The documents as the pipeline reads them, with gold triples carried
/// over to the predicted entities.
pub(crate) struct PipelineView {
    pub docs: Vec<crate::document::Document>,
    pub pairs: Vec<Vec<Pair>>,
    pub gold: Labels,
    /// What training learns from: triples carried over more widely
    /// ([`super::view`]).
    pub train_gold: Labels,
    /// Whether each document was read by a recogniser that never saw it.
    pub jackknifed: bool,
}

/// The documents, their candidate pairs and the gold properties of each pair.
pub(crate) struct Corpus {
    pub docs: Vec<GoldDoc>,
    pub pairs: Vec<Vec<Pair>>,
    /// Per document, per pair: gold property indices.
    pub gold: Labels,
    /// The same documents as the pipeline reads them.
    pub pipeline: Option<PipelineView>,
    pub properties: Vec<Property>,
    pub source: String,
    /// Whether every text was parsed ([`TrainOptions::parse`]).
    pub parsed: bool,
}

impl Corpus {
    pub fn total_gold(&self, docs: impl Iterator<Item = usize>) -> usize {
        docs.map(|d| self.docs[d].triples.len()).sum()
    }
}

pub(crate) fn load_corpus(path: &Path, options: &TrainOptions) -> Result<Corpus> {
    let max_docs = options.max_docs;
    let rel_info_path = path.with_file_name("rel_info.json");
    let names = read_rel_info(&rel_info_path)?;
    let properties: Vec<Property> = names
        .iter()
        .map(|(id, label)| Property {
            id: id.clone(),
            label: label.clone(),
        })
        .collect();
    let index: BTreeMap<&str, u16> = properties
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u16))
        .collect();
    let mut docs = read_docred(path)?;
    if let Some(n) = max_docs {
        docs.truncate(n);
    }
    for (d, doc) in docs.iter().enumerate() {
        if let Some(t) = doc
            .triples
            .iter()
            .find(|t| !index.contains_key(t.property.as_str()))
        {
            return Err(Error::BadInput {
                path: path.to_path_buf(),
                message: format!(
                    "document {d}: property {} is not in {}",
                    t.property,
                    rel_info_path.display()
                ),
            });
        }
    }
    if options.parse {
        docs.par_iter_mut().for_each(|d| parse_gold(&mut d.doc));
    }
    let pairs: Vec<Vec<Pair>> = docs.par_iter().map(|d| doc_pairs(&d.doc)).collect();
    let by_pair: Vec<HashMap<(usize, usize), Vec<u16>>> = docs
        .iter()
        .map(|doc| {
            let mut by_pair: HashMap<(usize, usize), Vec<u16>> = HashMap::new();
            for t in &doc.triples {
                by_pair
                    .entry((t.head, t.tail))
                    .or_default()
                    .push(index[t.property.as_str()]);
            }
            for list in by_pair.values_mut() {
                list.sort_unstable();
            }
            by_pair
        })
        .collect();
    let labels = |d: usize, h: Option<usize>, t: Option<usize>| match (h, t) {
        (Some(h), Some(t)) if h != t => by_pair[d].get(&(h, t)).cloned().unwrap_or_default(),
        _ => Vec::new(),
    };
    let gold = pairs
        .iter()
        .enumerate()
        .map(|(d, pairs)| {
            pairs
                .iter()
                .map(|p| labels(d, Some(p.head), Some(p.tail)))
                .collect()
        })
        .collect();
    let pipeline = if options.pipeline_view {
        let pipelines = pipelines(path, docs.len(), options)?;
        let views: Vec<_> = docs
            .par_iter()
            .enumerate()
            .map(|(d, gold)| {
                let pipeline = &pipelines[d % pipelines.len()];
                let predicted = pipeline.annotate(&gold.doc.id, &gold.doc.text);
                let (mapping, carried) = (
                    map_entities(&predicted, &gold.doc),
                    carried_entities(&predicted, &gold.doc),
                );
                let pairs = doc_pairs(&predicted);
                let (scored, trained) = pairs
                    .iter()
                    .map(|p| {
                        let scored = labels(d, mapping[p.head], mapping[p.tail]);
                        (
                            scored,
                            carried_labels(&by_pair[d], &carried[p.head], &carried[p.tail]),
                        )
                    })
                    .unzip();
                (predicted, pairs, scored, trained)
            })
            .collect();
        let mut view = PipelineView {
            docs: Vec::new(),
            pairs: Vec::new(),
            gold: Vec::new(),
            train_gold: Vec::new(),
            jackknifed: options.jackknife_recognizer,
        };
        for (doc, pairs, gold, train_gold) in views {
            view.docs.push(doc);
            view.pairs.push(pairs);
            view.gold.push(gold);
            view.train_gold.push(train_gold);
        }
        Some(view)
    } else {
        None
    };
    let source = format!(
        "Re-DocRED ({} documents of {})",
        docs.len(),
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    );
    Ok(Corpus {
        docs,
        pairs,
        gold,
        pipeline,
        properties,
        source,
        parsed: options.parse,
    })
}

/// Tags and parses a gold document over its own tokens and sentences.
fn parse_gold(doc: &mut crate::document::Document) {
    doc.tags = Models::embedded().tagger.tag(doc);
    doc.dependencies = crate::model::parser::Parser::embedded()
        .annotate(doc, crate::model::clusters::WordClusters::embedded());
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        super::features::mix(self.0, 0)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Fits an uncalibrated model on the given documents. Its weights have been
/// through quantisation, so it scores exactly as the saved model would.
pub(crate) fn fit(corpus: &Corpus, docs: &[usize], options: &TrainOptions) -> TypedModel {
    fit_single(corpus, docs, options)
}

fn fit_single(corpus: &Corpus, docs: &[usize], options: &TrainOptions) -> TypedModel {
    type View<'a> = (&'a [Vec<Pair>], &'a [Vec<Vec<u16>>]);
    let mut views: Vec<View> = vec![(&corpus.pairs, &corpus.gold)];
    if let Some(view) = &corpus.pipeline {
        views.push((&view.pairs, &view.train_gold));
    }
    let mut counts = vec![BTreeMap::<u16, usize>::new(); TYPE_PAIRS];
    for &(pairs, gold) in &views {
        for &d in docs {
            for (pair, gold) in pairs[d].iter().zip(&gold[d]) {
                for &p in gold {
                    *counts[usize::from(pair.types)].entry(p).or_default() += 1;
                }
            }
        }
    }
    let allowed: Vec<Vec<u16>> = counts.iter().map(|c| c.keys().copied().collect()).collect();
    let mut by_frequency: Vec<(std::cmp::Reverse<usize>, u16)> = (0..corpus.properties.len())
        .map(|p| {
            let p = p as u16;
            let n = counts.iter().filter_map(|c| c.get(&p)).sum();
            (std::cmp::Reverse(n), p)
        })
        .collect();
    by_frequency.sort();
    let mut offsets = vec![0u16; corpus.properties.len()];
    for (rank, &(_, p)) in by_frequency.iter().enumerate() {
        offsets[usize::from(p)] = rank as u16;
    }

    let mut doc_freq: HashMap<u64, u32> = HashMap::new();
    for &d in docs {
        let mut seen: Vec<u64> = views
            .iter()
            .flat_map(|(pairs, _)| &pairs[d])
            .flat_map(|p| p.features.iter().copied())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for f in seen {
            *doc_freq.entry(f).or_default() += 1;
        }
    }
    let kept: HashSet<u64> = doc_freq
        .into_iter()
        .filter(|&(_, n)| n >= options.min_doc_freq)
        .map(|(f, _)| f)
        .collect();

    struct Example<'a> {
        features: Vec<u64>,
        allowed: &'a [u16],
        gold: &'a [u16],
    }
    let mut examples = Vec::new();
    for &(pairs, gold) in &views {
        for &d in docs {
            for (pair, gold) in pairs[d].iter().zip(&gold[d]) {
                let allowed = &allowed[usize::from(pair.types)];
                if allowed.is_empty() {
                    continue;
                }
                examples.push(Example {
                    features: pair
                        .features
                        .iter()
                        .copied()
                        .filter(|f| kept.contains(f))
                        .collect(),
                    allowed,
                    gold,
                });
            }
        }
    }

    let size = 1usize << options.bits;
    let mut weights = vec![0f32; size];
    let mut squares = vec![0f32; size];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(options.seed);
    let mut slots = Vec::new();
    for _ in 0..options.epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let example = &examples[e];
            for &p in example.allowed {
                let key = u64::from(offsets[usize::from(p)]);
                slots.clear();
                slots.extend(example.features.iter().map(|&f| slot(options.bits, f, key)));
                let score: f32 = slots.iter().map(|&i| weights[i]).sum();
                let y = if example.gold.contains(&p) { 1.0 } else { 0.0 };
                let g = sigmoid(score) - y;
                if g.abs() < 1e-4 {
                    continue;
                }
                for &i in &slots {
                    squares[i] += g * g;
                    weights[i] -= options.learning_rate * g / (squares[i] + 1e-2).sqrt();
                }
            }
        }
    }

    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let weights = weights.iter().map(|&w| quantize(w, scale)).collect();
    TypedModel::new(
        Meta {
            format: FORMAT,
            bits: options.bits,
            scale,
            properties: corpus.properties.clone(),
            allowed,
            offsets,
            calibration: Vec::new(),
            default_min_confidence: 0.5,
            source: corpus.source.clone(),
            stage2: None,
            reads_trees: options.parse,
        },
        weights,
    )
}

/// A cross-validated candidate: raw score of a fold model on a held-out document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    pub doc: u32,
    pub head: u32,
    pub tail: u32,
    pub types: u8,
    pub property: u16,
    pub fold: u8,
    pub score: f32,
    pub gold: bool,
}

pub(crate) struct CrossValidation {
    pub models: Vec<TypedModel>,
    /// Held-out candidates between gold entities.
    pub points: Vec<Point>,
    /// Held-out candidates between the pipeline's entities, when the corpus
    /// has the pipeline's view: what the model meets at run time.
    pub pipeline_points: Vec<Point>,
}

pub(crate) fn fold_of(doc: usize, folds: usize) -> usize {
    doc % folds
}

pub(crate) fn cross_validate(corpus: &Corpus, options: &TrainOptions) -> CrossValidation {
    let folds = options.folds.max(2);
    let n = corpus.docs.len();
    let score = |model: &TypedModel, k: usize, pairs: &[Vec<Pair>], gold: &[Vec<Vec<u16>>]| {
        let mut points = Vec::new();
        for d in (0..n).filter(|&d| fold_of(d, folds) == k) {
            for s in model.score_pairs(&pairs[d]) {
                let pair = &pairs[d][s.pair];
                points.push(Point {
                    doc: d as u32,
                    head: pair.head as u32,
                    tail: pair.tail as u32,
                    types: pair.types,
                    property: s.property,
                    fold: k as u8,
                    score: s.score,
                    gold: gold[d][s.pair].contains(&s.property),
                });
            }
        }
        points
    };
    let results: Vec<(TypedModel, Vec<Point>, Vec<Point>)> = (0..folds)
        .into_par_iter()
        .map(|k| {
            let train: Vec<usize> = (0..n).filter(|&d| fold_of(d, folds) != k).collect();
            let model = fit(corpus, &train, options);
            let points = score(&model, k, &corpus.pairs, &corpus.gold);
            let pipeline_points = corpus
                .pipeline
                .as_ref()
                .map(|view| score(&model, k, &view.pairs, &view.gold))
                .unwrap_or_default();
            (model, points, pipeline_points)
        })
        .collect();
    let mut cv = CrossValidation {
        models: Vec::new(),
        points: Vec::new(),
        pipeline_points: Vec::new(),
    };
    for (m, p, q) in results {
        cv.models.push(m);
        cv.points.extend(p);
        cv.pipeline_points.extend(q);
    }
    cv
}

/// Isotonic regression (pool adjacent violators) of gold on score, over
/// equal-count bins so that no knot rests on a handful of candidates.
pub(crate) fn fit_isotonic(points: &[(f32, bool)]) -> Vec<(f32, f32)> {
    let mut sorted: Vec<(f32, bool)> = points.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    const BIN: usize = 200;
    // (sum of scores, sum of gold, count)
    let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
    for chunk in sorted.chunks(BIN) {
        let sx: f64 = chunk.iter().map(|p| f64::from(p.0)).sum();
        let sy: f64 = chunk.iter().filter(|p| p.1).count() as f64;
        blocks.push((sx, sy, chunk.len() as f64));
        while blocks.len() >= 2 {
            let b = blocks[blocks.len() - 1];
            let a = blocks[blocks.len() - 2];
            if a.1 / a.2 < b.1 / b.2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
        }
    }
    blocks
        .iter()
        .map(|&(sx, sy, n)| ((sx / n) as f32, (sy / n) as f32))
        .collect()
}

/// Type pair × property combinations whose cross-validated confidence
/// never reached this are not scored: they cost time and give no edge.
pub(crate) const PRUNE_BELOW: f32 = 0.05;

/// Per (type pair, property), the highest confidence of any of the given
/// held-out candidates.
pub(crate) fn max_confidence<'a>(
    points: impl IntoIterator<Item = (&'a Point, f32)>,
) -> BTreeMap<(u8, u16), f32> {
    let mut best: BTreeMap<(u8, u16), f32> = BTreeMap::new();
    for (p, c) in points {
        let entry = best.entry((p.types, p.property)).or_insert(0.0);
        *entry = entry.max(c);
    }
    best
}

/// Keeps, per type pair, the properties some held-out candidate of that
/// type pair gave a confidence of at least `floor` (`best` from
/// [`max_confidence`]).
pub(crate) fn prune(model: &mut TypedModel, best: &BTreeMap<(u8, u16), f32>, floor: f32) {
    let allowed = model
        .meta
        .allowed
        .iter()
        .enumerate()
        .map(|(types, list)| {
            list.iter()
                .copied()
                .filter(|&p| best.get(&(types as u8, p)).is_some_and(|&c| c >= floor))
                .collect()
        })
        .collect();
    model.set_allowed(allowed);
}

/// The second stage fitted on the points `fit_on` accepts, associations
/// learnt from the gold triples of `train_docs`: the stage, the isotonic
/// calibration of its combined score, and every point's confidence.
pub(crate) fn fit_stage2(
    points: &[Point],
    fit_on: impl Fn(&Point) -> bool,
    corpus: &Corpus,
    train_docs: impl Iterator<Item = usize>,
) -> (Stage2, Vec<(f32, f32)>, Vec<f32>) {
    let raw: Vec<(f32, bool)> = points
        .iter()
        .filter(|p| fit_on(p))
        .map(|p| (p.score, p.gold))
        .collect();
    let first = fit_isotonic(&raw);
    let index: crate::collections::HashMap<&str, u16> = corpus
        .properties
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u16))
        .collect();
    let (reverse, same, path) = stage2::associations(&corpus.docs, train_docs, &index);
    let mut stage = Stage2 {
        first,
        reverse,
        same,
        path,
        weights: [0.0; stage2::FEATURES],
        cache: Default::default(),
    };
    let evidence = points_evidence(points, &stage);
    let first: Vec<f32> = points
        .iter()
        .map(|p| calibrate(&stage.first, p.score))
        .collect();
    let rows: Vec<([f32; stage2::FEATURES], bool)> = points
        .iter()
        .zip(&evidence)
        .zip(&first)
        .filter(|((p, _), f)| fit_on(p) && **f >= stage2::EVIDENCE_FLOOR)
        .map(|((p, e), _)| (p, e))
        .map(|(p, e)| {
            let mut x = [1.0; stage2::FEATURES];
            x[0] = p.score;
            x[1..=stage2::EVIDENCE].copy_from_slice(e);
            (x, p.gold)
        })
        .collect();
    stage.weights = stage2::fit_logistic(&rows);
    let combined: Vec<f32> = points
        .iter()
        .zip(&evidence)
        .map(|(p, &e)| stage.combine(p.score, e))
        .collect();
    let fitted: Vec<(f32, bool)> = points
        .iter()
        .zip(&combined)
        .zip(&first)
        .filter(|((p, _), f)| fit_on(p) && **f >= stage2::EVIDENCE_FLOOR)
        .map(|((p, &z), _)| (z, p.gold))
        .collect();
    let calibration = fit_isotonic(&fitted);
    let confidence = combined
        .iter()
        .zip(&first)
        .map(|(&z, &f)| stage.confidence(&calibration, f, z))
        .collect();
    (stage, calibration, confidence)
}

/// The second stage's evidence for every point: points of one document
/// lie together.
fn points_evidence(points: &[Point], stage: &Stage2) -> Vec<[f32; stage2::EVIDENCE]> {
    let index = stage.index();
    let mut out = Vec::with_capacity(points.len());
    let mut start = 0;
    while start < points.len() {
        let key = (points[start].fold, points[start].doc);
        let end = start
            + points[start..]
                .iter()
                .take_while(|p| (p.fold, p.doc) == key)
                .count();
        let cands: Vec<Cand> = points[start..end]
            .iter()
            .map(|p| Cand {
                head: p.head,
                tail: p.tail,
                property: p.property,
                score: p.score,
            })
            .collect();
        let first: Vec<f32> = cands
            .iter()
            .map(|c| calibrate(&stage.first, c.score))
            .collect();
        out.extend(index.evidence(&cands, &first));
        start = end;
    }
    out
}

/// What [`train_model`] reports beside the model.
#[derive(Debug, Clone)]
pub struct TrainSummary {
    pub documents: usize,
    pub cv_f1: f64,
    pub min_confidence: f32,
}

/// Trains the shipped model: cross-validated scores fit the calibration and
/// the threshold, then one model is fitted on every document.
pub fn train_model(path: &Path, options: &TrainOptions) -> Result<(TypedModel, TrainSummary)> {
    let corpus = load_corpus(path, options)?;
    if corpus.docs.len() < options.folds.max(2) {
        return Err(Error::BadInput {
            path: path.to_path_buf(),
            message: format!("{} documents: too few to cross-validate", corpus.docs.len()),
        });
    }
    let cv = cross_validate(&corpus, options);
    // Calibrate on what the model meets at run time: the pipeline's entities.
    let points = if cv.pipeline_points.is_empty() {
        &cv.points
    } else {
        &cv.pipeline_points
    };
    let all: Vec<usize> = (0..corpus.docs.len()).collect();
    let (stage, calibration, confidence) = if options.stage2 {
        let (stage, calibration, confidence) =
            fit_stage2(points, |_| true, &corpus, all.iter().copied());
        (Some(stage), calibration, confidence)
    } else {
        let raw: Vec<(f32, bool)> = points.iter().map(|p| (p.score, p.gold)).collect();
        let calibration = fit_isotonic(&raw);
        let confidence = raw
            .iter()
            .map(|&(s, _)| calibrate(&calibration, s))
            .collect();
        (None, calibration, confidence)
    };
    let confidences: Vec<(f32, bool)> = points
        .iter()
        .zip(confidence)
        .map(|(p, c)| (c, p.gold))
        .collect();
    let (min_confidence, cv_f1) = best_threshold(
        &confidences,
        corpus.total_gold(all.iter().copied()),
        SELECTION_PRECISION,
    );
    let mut model = fit(&corpus, &all, options);
    model.meta.calibration = calibration;
    model.meta.default_min_confidence = min_confidence;
    model.meta.stage2 = stage;
    let best = max_confidence(points.iter().zip(confidences.iter().map(|c| c.0)));
    prune(&mut model, &best, PRUNE_BELOW);
    Ok((
        model,
        TrainSummary {
            documents: corpus.docs.len(),
            cv_f1,
            min_confidence,
        },
    ))
}

/// Trains on a Re-DocRED file (with `rel_info.json` beside it) and returns
/// the bytes of the model file.
pub fn train(redocred_train_json: &Path, options: &TrainOptions) -> Result<Vec<u8>> {
    train_model(redocred_train_json, options).map(|(model, _)| model.to_bytes())
}

#[derive(Debug, Clone, clap::Args)]
pub struct TrainArgs {
    /// Re-DocRED file, with rel_info.json beside it.
    #[arg(long, default_value = "../shared/data/redocred/train.json")]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long, short = 'o', default_value = "models/relations.bin")]
    pub output: PathBuf,
    /// Weight table size, 2^bits.
    #[arg(long, default_value_t = TrainOptions::default().bits)]
    pub bits: u32,
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// Worker threads (default: all cores); the model is the same for any count.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Parse the training texts, for the dependency-path features.
    #[arg(long)]
    pub parse: bool,
}

pub fn run(args: &TrainArgs) -> Result<()> {
    let options = TrainOptions {
        bits: args.bits,
        epochs: args.epochs,
        parse: args.parse,
        ..TrainOptions::default()
    };
    if !(8..=28).contains(&options.bits) {
        return Err(Error::Usage(format!(
            "--bits {}: expected 8 to 28",
            options.bits
        )));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("--threads: {e}")))?;
    let started = std::time::Instant::now();
    let (model, summary) = pool.install(|| train_model(&args.data, &options))?;
    let bytes = model.to_bytes();
    crate::export::write_atomically(Some(&args.output), |out| {
        out.write_all(&bytes)
            .map_err(|e| Error::io(&args.output, e))
    })?;
    eprintln!(
        "trained on {} documents in {:.0} s: cross-validated F1 {:.1} at min confidence {:.3}; wrote {} ({} bytes)",
        summary.documents,
        started.elapsed().as_secs_f64(),
        100.0 * summary.cv_f1,
        summary.min_confidence,
        args.output.display(),
        bytes.len()
    );
    Ok(())
}
