//! Cross-validated evaluation of typed relations, on gold entities and end
//! to end from raw text through the pipeline. Prints Markdown.

use super::stage2::Stage2;
use super::train::{
    Corpus, PRUNE_BELOW, Point, TrainOptions, best_threshold, cross_validate, fit_isotonic,
    fit_stage2, load_corpus, max_confidence, prune,
};
use super::{MAX_SENTENCE_GAP, TypedModel, calibrate};
use crate::document::{Document, EntityId, RelationKind, Span};
use crate::error::{Error, Result};
use crate::pipeline::Pipeline;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Clone, clap::Args)]
pub struct TypedEvalArgs {
    /// Re-DocRED file, with rel_info.json beside it.
    #[arg(long, default_value = "../shared/data/redocred/train.json")]
    pub data: PathBuf,
    /// Folds: document index modulo this number.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Confidence threshold; by default each fold's is tuned on the other folds.
    #[arg(long)]
    pub min_confidence: Option<f32>,
    /// Also run the whole pipeline on each held-out raw text.
    #[arg(long)]
    pub end_to_end: bool,
    /// Per-property rows for this many most frequent properties.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Use only the first documents (quick checks).
    #[arg(long)]
    pub max_docs: Option<usize>,
    /// Weight table size, 2^bits.
    #[arg(long, default_value_t = TrainOptions::default().bits)]
    pub bits: u32,
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// Train on gold entities only, not also on the pipeline's reading of each text.
    #[arg(long)]
    pub gold_only: bool,
    /// Worker threads (default: all cores); figures are the same for any count.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Without the second stage (the confidence of properties that come
    /// with a triple).
    #[arg(long)]
    pub no_stage2: bool,
    /// End to end: only the tuned thresholds, with and without the second
    /// stage; no sweeps.
    #[arg(long)]
    pub quick: bool,
    /// Parse every text, for the dependency-path features.
    #[arg(long)]
    pub parse: bool,
    /// Keep the cross-validation (fold models, held-out scores, the
    /// pipeline's reading of each text) in this folder and reuse it when
    /// it is there: for trying decision rules and second stages quickly.
    /// Stale once the features, training or pipeline change.
    #[arg(long, hide = true)]
    pub cache: Option<PathBuf>,
    /// Also write the report to this file.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

type Confusion = BTreeMap<(String, String), usize>;
/// End-to-end counts per property id.
type PerProperty = BTreeMap<String, Counts>;
type Knots = Vec<(f32, f32)>;

/// One fold's calibration, fitted on the other folds: the isotonic knots,
/// the second stage (when used), and per (type pair, property) the highest
/// held-out confidence, for pruning.
#[derive(Clone)]
struct FoldCalibration {
    knots: Knots,
    stage2: Option<Stage2>,
    best: BTreeMap<(u8, u16), f32>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    gold: usize,
    /// Gold triples whose head and tail some predicted entity maps to:
    /// the most an end-to-end reading can find.
    reachable: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }

    fn row(&self) -> String {
        let (p, r, f) = self.prf();
        format!("{p:.1} | {r:.1} | {f:.1}")
    }
}

pub fn run(args: &TypedEvalArgs) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("--threads: {e}")))?;
    let report = pool.install(|| evaluate(args))?;
    print!("{report}");
    if let Some(path) = &args.output {
        std::fs::write(path, &report).map_err(|e| Error::io(path, e))?;
    }
    Ok(())
}

fn evaluate(args: &TypedEvalArgs) -> Result<String> {
    if let Some(t) = args.min_confidence
        && !(0.0..=1.0).contains(&t)
    {
        return Err(Error::Usage(format!(
            "--min-confidence {t}: expected 0 to 1"
        )));
    }
    let options = TrainOptions {
        bits: args.bits,
        epochs: args.epochs,
        folds: args.folds.max(2),
        max_docs: args.max_docs,
        pipeline_view: !args.gold_only,
        parse: args.parse,
        ..TrainOptions::default()
    };
    let started = Instant::now();
    let folds = options.folds;
    let (corpus, cv) = match &args.cache {
        Some(dir) if dir.join("points.bin").exists() => cache::load(dir, &args.data, &options)?,
        _ => {
            let corpus = load_corpus(&args.data, &options)?;
            if corpus.docs.len() < folds {
                return Err(Error::Usage(format!(
                    "{} documents: too few for {folds} folds",
                    corpus.docs.len()
                )));
            }
            let cv = cross_validate(&corpus, &options);
            if let Some(dir) = &args.cache {
                cache::save(dir, &corpus, &cv)?;
            }
            (corpus, cv)
        }
    };
    let cv_seconds = started.elapsed().as_secs_f64();

    let stage2 = !args.no_stage2;
    let (_, thresholds, confidence) =
        cross_calibrate(&cv.points, &corpus, folds, args.min_confidence, stage2);

    let properties = &cv.models[0].meta.properties;
    let mut overall = Counts {
        gold: corpus.total_gold(0..corpus.docs.len()),
        ..Counts::default()
    };
    let mut per_property: BTreeMap<u16, Counts> = BTreeMap::new();
    let index: HashMap<&str, u16> = properties
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u16))
        .collect();
    for doc in &corpus.docs {
        for t in &doc.triples {
            per_property
                .entry(index[t.property.as_str()])
                .or_default()
                .gold += 1;
        }
    }
    for (p, &c) in cv.points.iter().zip(&confidence) {
        if c < thresholds[usize::from(p.fold)] || c <= 0.0 {
            continue;
        }
        let counts = per_property.entry(p.property).or_default();
        if p.gold {
            overall.tp += 1;
            counts.tp += 1;
        } else {
            overall.fp += 1;
            counts.fp += 1;
        }
    }

    let mut out = String::new();
    let n = corpus.docs.len();
    let threshold_text = match args.min_confidence {
        Some(t) => format!("{t}"),
        None => format!(
            "tuned per fold on the other folds ({})",
            thresholds_text(&thresholds)
        ),
    };
    let _ = writeln!(
        out,
        "{n} documents, {} gold triples, {folds} folds (document index mod {folds}), 2^{} weights, {} epochs; min confidence {threshold_text}; cross-validation took {cv_seconds:.0} s.\n",
        overall.gold, options.bits, options.epochs,
    );
    let _ = writeln!(out, "### Gold entities\n");
    let _ = writeln!(out, "| | P | R | F1 |\n|---|---|---|---|");
    let _ = writeln!(
        out,
        "| all {} properties | {} |",
        properties.len(),
        overall.row()
    );
    let _ = writeln!(
        out,
        "\nThreshold sweep (same cross-calibrated confidences):\n"
    );
    let _ = writeln!(out, "| min confidence | P | R | F1 |\n|---|---|---|---|");
    for t in [0.1f32, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let mut c = Counts {
            gold: overall.gold,
            ..Counts::default()
        };
        for (p, &conf) in cv.points.iter().zip(&confidence) {
            if conf >= t {
                if p.gold {
                    c.tp += 1;
                } else {
                    c.fp += 1;
                }
            }
        }
        let _ = writeln!(out, "| {t:.1} | {} |", c.row());
    }

    let mut frequent: Vec<(&u16, &Counts)> = per_property.iter().collect();
    frequent.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then(a.0.cmp(b.0)));
    let _ = writeln!(out, "\nThe {} most frequent properties:\n", args.top);
    let _ = writeln!(
        out,
        "| property | name | gold | P | R | F1 |\n|---|---|---|---|---|---|"
    );
    for &(&p, c) in frequent.iter().take(args.top) {
        let prop = &properties[usize::from(p)];
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            prop.id,
            prop.label,
            c.gold,
            c.row()
        );
    }

    let _ = writeln!(out, "\n### Calibration on gold entities\n");
    let _ = writeln!(
        out,
        "Every scored candidate (a pair whose type combination allows the property), binned by cross-calibrated confidence:\n"
    );
    out.push_str(&reliability(&cv.points, &confidence));

    if args.end_to_end {
        let started = Instant::now();
        let e2e_points = if cv.pipeline_points.is_empty() {
            &cv.points
        } else {
            &cv.pipeline_points
        };
        let (pipeline_calibrations, pipeline_thresholds, pipeline_confidence) =
            cross_calibrate(e2e_points, &corpus, folds, args.min_confidence, stage2);
        let run =
            |setting: Setting<'_>| end_to_end(&corpus, &cv.models, &pipeline_calibrations, setting);
        let (counts, mapped, gold_entities, confusion, e2e_by_property) = run(Setting {
            thresholds: &pipeline_thresholds,
            max_gap: MAX_SENTENCE_GAP,
            prune_below: PRUNE_BELOW,
            with_rules: false,
        });
        let _ = writeln!(out, "\n### End to end\n");
        let _ = writeln!(
            out,
            "Raw text → `Pipeline::annotate` ({}) → fold model; an edge is right when its nodes map (most shared exact mention spans) to the gold head and tail and the property matches. {mapped} of {gold_entities} gold entities were matched by a predicted entity, and {} of {} gold triples have both ends matched (the ceiling of end-to-end recall: {:.1}%). Took {:.0} s.\n",
            match corpus.pipeline.as_ref().map(|v| v.jackknifed) {
                Some(true) => "each text read by a recogniser trained without its fold",
                _ => "the shipped recogniser, which was trained on these texts: optimistic",
            },
            counts.reachable,
            counts.gold,
            100.0 * counts.reachable as f64 / counts.gold.max(1) as f64,
            started.elapsed().as_secs_f64()
        );
        let _ = writeln!(out, "| | P | R | F1 |\n|---|---|---|---|");
        let _ = writeln!(
            out,
            "| end to end{} | {} |",
            if stage2 {
                ", with the second stage"
            } else {
                ""
            },
            counts.row()
        );
        if stage2 {
            let (calibrations, thresholds, confidence) =
                cross_calibrate(e2e_points, &corpus, folds, args.min_confidence, false);
            let (c, _, _, _, _) = end_to_end(
                &corpus,
                &cv.models,
                &calibrations,
                Setting {
                    thresholds: &thresholds,
                    max_gap: MAX_SENTENCE_GAP,
                    prune_below: PRUNE_BELOW,
                    with_rules: false,
                },
            );
            let _ = writeln!(out, "| end to end, first stage only | {} |", c.row());
            if args.quick {
                let _ = writeln!(out, "\nFirst stage only, calibration end to end:\n");
                out.push_str(&reliability(e2e_points, &confidence));
            }
        }
        let by_property =
            per_property_end_to_end(&e2e_by_property, &per_property, properties, args.top);
        if args.quick {
            out.push_str(&by_property);
            let _ = writeln!(
                out,
                "\nThresholds per fold: {}.\n",
                thresholds_text(&pipeline_thresholds)
            );
            out.push_str(&reliability(e2e_points, &pipeline_confidence));
            return Ok(out);
        }
        let (with_rules, _, _, _, _) = run(Setting {
            thresholds: &pipeline_thresholds,
            max_gap: MAX_SENTENCE_GAP,
            prune_below: PRUNE_BELOW,
            with_rules: true,
        });
        let _ = writeln!(
            out,
            "| end to end, with the typed edges `textkg build` reads from roles and \"place, country\", less those its rules find contradicted | {} |",
            with_rules.row()
        );
        out.push_str(&by_property);
        let _ = writeln!(out, "\nThreshold sweep end to end:\n");
        let _ = writeln!(out, "| min confidence | P | R | F1 |\n|---|---|---|---|");
        for t in [0.1f32, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7] {
            let (c, _, _, _, _) = run(Setting {
                thresholds: &vec![t; folds],
                max_gap: MAX_SENTENCE_GAP,
                prune_below: PRUNE_BELOW,
                with_rules: false,
            });
            let _ = writeln!(out, "| {t:.2} | {} |", c.row());
        }
        let _ = writeln!(
            out,
            "\nCandidate pairs by the sentence distance of their nearest mentions (shipped: {}), thresholds as above:\n",
            gap_text(MAX_SENTENCE_GAP)
        );
        let _ = writeln!(out, "| max sentence gap | P | R | F1 |\n|---|---|---|---|");
        for gap in [0, 1, 2, 3, 4, 6, 8, 10, usize::MAX] {
            let (c, _, _, _, _) = run(Setting {
                thresholds: &pipeline_thresholds,
                max_gap: gap,
                prune_below: PRUNE_BELOW,
                with_rules: false,
            });
            let _ = writeln!(out, "| {} | {} |", gap_text(gap), c.row());
        }
        let _ = writeln!(
            out,
            "\nType pair × property combinations pruned below a held-out confidence (shipped: {PRUNE_BELOW}), shipped gap, thresholds as above:\n"
        );
        let _ = writeln!(out, "| pruned below | P | R | F1 |\n|---|---|---|---|");
        for floor in [0.0f32, 0.01, 0.02, 0.05, 0.1] {
            let (c, _, _, _, _) = run(Setting {
                thresholds: &pipeline_thresholds,
                max_gap: MAX_SENTENCE_GAP,
                prune_below: floor,
                with_rules: false,
            });
            let _ = writeln!(out, "| {floor} | {} |", c.row());
        }
        let _ = writeln!(
            out,
            "\nPredicted entities by the type of the gold entity they map to (`-`: none):\n"
        );
        let types = [
            "PERSON",
            "ORGANIZATION",
            "LOCATION",
            "MISC",
            "DATE",
            "NUMBER",
        ];
        let _ = writeln!(out, "| gold \\ predicted | {} |", types.join(" | "));
        let _ = writeln!(out, "|---|{}", "---|".repeat(types.len()));
        for gold in types.iter().chain(&["-"]) {
            let cells: Vec<String> = types
                .iter()
                .map(|p| {
                    confusion
                        .get(&(gold.to_string(), p.to_string()))
                        .copied()
                        .unwrap_or(0)
                        .to_string()
                })
                .collect();
            let _ = writeln!(out, "| {gold} | {} |", cells.join(" | "));
        }
        if !cv.pipeline_points.is_empty() {
            let _ = writeln!(
                out,
                "\n### Calibration end to end\n\nThe shipped model's confidences are calibrated this way: on the pipeline's entities of held-out texts, a candidate counting as right when its entities map to a gold triple's. Thresholds per fold: {}.\n",
                thresholds_text(&pipeline_thresholds)
            );
            out.push_str(&reliability(e2e_points, &pipeline_confidence));
        }
    }
    Ok(out)
}

/// The most frequent properties end to end (with the second stage when
/// used), beside their figures on gold entities.
fn per_property_end_to_end(
    e2e: &PerProperty,
    gold_entities: &BTreeMap<u16, Counts>,
    properties: &[super::Property],
    top: usize,
) -> String {
    let mut out = format!(
        "\nEnd to end, the {top} most frequent properties (reachable: both ends matched):\n\n\
         | property | gold | reachable | P | R | F1 | gold entities F1 |\n|---|---|---|---|---|---|---|\n"
    );
    let mut frequent: Vec<(&String, &Counts)> = e2e.iter().collect();
    frequent.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then(a.0.cmp(b.0)));
    for (id, c) in frequent.into_iter().take(top) {
        let on_gold = properties
            .iter()
            .position(|p| &p.id == id)
            .and_then(|i| gold_entities.get(&u16::try_from(i).ok()?))
            .map_or("-".to_string(), |g| format!("{:.1}", g.prf().2));
        let _ = writeln!(
            out,
            "| {id} | {} | {} | {} | {on_gold} |",
            c.gold,
            c.reachable,
            c.row()
        );
    }
    out
}

fn gap_text(gap: usize) -> String {
    if gap == usize::MAX {
        "any".into()
    } else {
        gap.to_string()
    }
}

/// Predicted entity → gold entity sharing the most exact mention spans.
pub(crate) fn map_entities(predicted: &Document, gold: &Document) -> Vec<Option<usize>> {
    let mut gold_span: HashMap<Span, Vec<usize>> = HashMap::new();
    for (g, entity) in gold.entities.iter().enumerate() {
        for &(m, _) in &entity.mentions {
            if let Some(mention) = gold.mentions.get(m.index()) {
                gold_span.entry(mention.span).or_default().push(g);
            }
        }
    }
    predicted
        .entities
        .iter()
        .map(|entity| {
            let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
            let spans: HashSet<Span> = entity
                .mentions
                .iter()
                .filter_map(|&(m, _)| predicted.mentions.get(m.index()).map(|m| m.span))
                .collect();
            for span in spans {
                for &g in gold_span.get(&span).into_iter().flatten() {
                    *shared.entry(g).or_default() += 1;
                }
            }
            shared
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(g, _)| g)
        })
        .collect()
}

/// What an end-to-end run varies: each fold's threshold, the widest
/// sentence gap scored, the pruning floor, and whether the rule-based typed
/// edges of `relations::open` join the model's.
struct Setting<'a> {
    thresholds: &'a [f32],
    max_gap: usize,
    prune_below: f32,
    with_rules: bool,
}

fn end_to_end(
    corpus: &Corpus,
    models: &[TypedModel],
    calibrations: &[FoldCalibration],
    setting: Setting<'_>,
) -> (Counts, usize, usize, Confusion, PerProperty) {
    let Setting {
        thresholds,
        max_gap,
        prune_below,
        with_rules,
    } = setting;
    let folds = models.len();
    // Each fold's model as it would ship: calibrated and pruned on the
    // other folds.
    let models: Vec<TypedModel> = models
        .iter()
        .zip(calibrations)
        .map(|(m, c)| {
            let mut m = m.clone();
            m.meta.calibration = c.knots.clone();
            m.meta.stage2 = c.stage2.clone();
            prune(&mut m, &c.best, prune_below);
            m
        })
        .collect();
    let pipeline = Pipeline::new(crate::pipeline::Options {
        parse: corpus.parsed,
        ..crate::pipeline::Options::default()
    });
    let view = corpus.pipeline.as_ref();
    let per_doc: Vec<(Counts, usize, usize, Confusion, PerProperty)> = corpus
        .docs
        .par_iter()
        .enumerate()
        .map(|(d, gold)| {
            let k = d % folds;
            let annotated;
            let predicted = match view {
                Some(view) => &view.docs[d],
                None => {
                    annotated = pipeline.annotate(&gold.doc.id, &gold.doc.text);
                    &annotated
                }
            };
            let mut relations = models[k].predict_within(predicted, thresholds[k], max_gap);
            if with_rules {
                // What `textkg build` adds: typed edges read from roles and
                // "place, country" (`relations::open`), once per triple.
                let known: HashSet<(EntityId, EntityId, Option<String>)> = relations
                    .iter()
                    .map(|r| (r.head, r.tail, r.property.clone()))
                    .collect();
                relations.extend(
                    crate::relations::open::extract(predicted)
                        .into_iter()
                        .filter(|r| r.kind == RelationKind::Typed)
                        .filter(|r| !known.contains(&(r.head, r.tail, r.property.clone()))),
                );
                relations.sort_by(|a, b| {
                    (a.head, a.tail, &a.property).cmp(&(b.head, b.tail, &b.property))
                });
                relations.dedup_by(|a, b| {
                    (a.head, a.tail, &a.property) == (b.head, b.tail, &b.property)
                });
                crate::relations::drop_contradicted(predicted, &mut relations);
            }
            let mapping = map_entities(predicted, &gold.doc);
            let gold_triples: HashSet<(usize, usize, &str)> = gold
                .triples
                .iter()
                .map(|t| (t.head, t.tail, t.property.as_str()))
                .collect();
            let mut matched = HashSet::new();
            let mut counts = Counts {
                gold: gold_triples.len(),
                ..Counts::default()
            };
            let mut by_property = PerProperty::new();
            for r in &relations {
                let property = r.property.as_deref().unwrap_or("");
                let key = match (mapping[r.head.index()], mapping[r.tail.index()]) {
                    (Some(h), Some(t)) => Some((h, t, property)),
                    _ => None,
                };
                let row = by_property.entry(property.to_string()).or_default();
                match key {
                    Some(key) if gold_triples.contains(&key) && matched.insert(key) => {
                        counts.tp += 1;
                        row.tp += 1;
                    }
                    _ => {
                        counts.fp += 1;
                        row.fp += 1;
                    }
                }
            }
            let mapped: HashSet<usize> = mapping.iter().flatten().copied().collect();
            for &(h, t, property) in &gold_triples {
                let row = by_property.entry(property.to_string()).or_default();
                row.gold += 1;
                if mapped.contains(&h) && mapped.contains(&t) {
                    row.reachable += 1;
                    counts.reachable += 1;
                }
            }
            let mut confusion = BTreeMap::new();
            for (p, g) in mapping.iter().enumerate() {
                let predicted_type = predicted.entities[p].ty.as_str().to_string();
                let gold_type = g.map_or("-".to_string(), |g| {
                    gold.doc.entities[g].ty.as_str().to_string()
                });
                *confusion.entry((gold_type, predicted_type)).or_default() += 1;
            }
            let entities = gold.doc.entities.len();
            (counts, mapped.len(), entities, confusion, by_property)
        })
        .collect();
    let mut total = (Counts::default(), 0, 0, BTreeMap::new(), PerProperty::new());
    for (c, m, g, confusion, by_property) in per_doc {
        total.0.tp += c.tp;
        total.0.fp += c.fp;
        total.0.gold += c.gold;
        total.0.reachable += c.reachable;
        total.1 += m;
        total.2 += g;
        for (k, v) in confusion {
            *total.3.entry(k).or_default() += v;
        }
        for (property, c) in by_property {
            let row = total.4.entry(property).or_default();
            row.tp += c.tp;
            row.fp += c.fp;
            row.gold += c.gold;
            row.reachable += c.reachable;
        }
    }
    total
}

/// Per fold: isotonic calibration (and the second stage, when `stage2`)
/// fitted on the other folds' held-out scores, the threshold tuned there
/// (unless given), and every point's confidence through its fold's
/// calibration.
/// Per-fold thresholds as "0.16, 0.17, …".
fn thresholds_text(thresholds: &[f32]) -> String {
    thresholds
        .iter()
        .map(|t| format!("{t:.2}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn cross_calibrate(
    points: &[Point],
    corpus: &Corpus,
    folds: usize,
    min_confidence: Option<f32>,
    stage2: bool,
) -> (Vec<FoldCalibration>, Vec<f32>, Vec<f32>) {
    let mut calibrations = Vec::new();
    let mut thresholds = Vec::new();
    let mut confidence = vec![0f32; points.len()];
    for k in 0..folds {
        let fit_on = |p: &Point| usize::from(p.fold) != k;
        let (knots, stage, all) = if stage2 {
            let (stage, knots, confidence) = fit_stage2(
                points,
                fit_on,
                corpus,
                (0..corpus.docs.len()).filter(|d| d % folds != k),
            );
            (knots, Some(stage), confidence)
        } else {
            let others: Vec<(f32, bool)> = points
                .iter()
                .filter(|p| fit_on(p))
                .map(|p| (p.score, p.gold))
                .collect();
            let knots = fit_isotonic(&others);
            let all: Vec<f32> = points.iter().map(|p| calibrate(&knots, p.score)).collect();
            (knots, None, all)
        };
        let others: Vec<(f32, bool)> = points
            .iter()
            .zip(&all)
            .filter(|(p, _)| fit_on(p))
            .map(|(p, &c)| (c, p.gold))
            .collect();
        let threshold = min_confidence.unwrap_or_else(|| {
            let gold = corpus.total_gold((0..corpus.docs.len()).filter(|d| d % folds != k));
            best_threshold(&others, gold, super::train::SELECTION_PRECISION).0
        });
        let best = max_confidence(
            points
                .iter()
                .zip(all.iter().copied())
                .filter(|(p, _)| fit_on(p)),
        );
        for (i, p) in points.iter().enumerate() {
            if !fit_on(p) {
                confidence[i] = all[i];
            }
        }
        calibrations.push(FoldCalibration {
            knots,
            stage2: stage,
            best,
        });
        thresholds.push(threshold);
    }
    (calibrations, thresholds, confidence)
}

/// Reliability table: confidence bins against observed precision, and the
/// expected calibration error.
fn reliability(points: &[Point], confidence: &[f32]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| confidence | candidates | mean confidence | observed precision |\n|---|---|---|---|"
    );
    let mut bins = [(0usize, 0f64, 0usize); 10];
    for (p, &c) in points.iter().zip(confidence) {
        let b = ((c * 10.0) as usize).min(9);
        bins[b].0 += 1;
        bins[b].1 += f64::from(c);
        bins[b].2 += usize::from(p.gold);
    }
    let mut ece = 0.0;
    let mut ece_upper = 0.0;
    let total = points.len().max(1) as f64;
    let upper: usize = bins[1..].iter().map(|b| b.0).sum();
    for (b, &(count, sum, gold)) in bins.iter().enumerate() {
        let range = format!("{:.1}–{:.1}", b as f64 / 10.0, (b + 1) as f64 / 10.0);
        if count == 0 {
            let _ = writeln!(out, "| {range} | 0 | | |");
            continue;
        }
        let mean = sum / count as f64;
        let precision = gold as f64 / count as f64;
        ece += (count as f64 / total) * (mean - precision).abs();
        if b > 0 {
            ece_upper += (count as f64 / upper.max(1) as f64) * (mean - precision).abs();
        }
        let _ = writeln!(out, "| {range} | {count} | {mean:.3} | {precision:.3} |");
    }
    let _ = writeln!(
        out,
        "\nExpected calibration error: {ece:.5} over all candidates, {ece_upper:.4} over those of confidence ≥ 0.1."
    );
    out
}

mod cache;
