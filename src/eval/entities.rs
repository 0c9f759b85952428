//! Entity resolution: GUM Wikinews clustering of named mentions (B³) and
//! pronoun resolution accuracy; Re-DocRED entity-level P/R/F1 by 5-fold
//! cross-validation.

use super::Common;
use super::score::CORE_TYPES;
use crate::corpus::docred;
use crate::document::{Document, EntityType, MentionKind, Span};
use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, TypeFilter, node_id};
use crate::lexicon::pronoun_type;
use crate::model::{Models, recognizer::Example};
use crate::pipeline::Options;
use crate::pipeline::Pipeline;
use crate::train;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum EntityCorpus {
    /// GUM Wikinews: B³ over named mentions, pronoun accuracy.
    Gum,
    /// Re-DocRED: entity-level P/R/F1, 5-fold cross-validation by document.
    Redocred,
}

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    pub corpus: EntityCorpus,
    /// Print every GUM pronoun with its resolution and whether it is right.
    #[arg(long)]
    pub verbose: bool,
    /// Number of cross-validation folds for Re-DocRED.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Training epochs of each fold's recogniser.
    #[arg(long, default_value_t = train::RECOGNIZER_EPOCHS)]
    pub epochs: usize,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Deserialize)]
struct GumDocument {
    doc: String,
    tokens: Vec<String>,
    mentions: Vec<GumMention>,
}

#[derive(Debug, Deserialize)]
struct GumMention {
    start: usize,
    end: usize,
    entity_id: String,
    wikipedia: Option<String>,
    text: String,
}

/// Finds each token of `tokens` in `text`, in order; `None` for a token the
/// text spells differently.
pub(crate) fn align_tokens(text: &str, tokens: &[String]) -> Vec<Option<Span>> {
    // The text files open with a header (title, source, date, licence) and
    // a blank line; the gold tokens start after it.
    let mut cursor = text.find("\n\n").map_or(0, |i| i + 2);
    tokens
        .iter()
        .map(|token| {
            let window_end = (cursor + token.len() + 64).min(text.len());
            let window_end = (window_end..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            let found = text[cursor..window_end].find(token.as_str())?;
            let start = cursor + found;
            cursor = start + token.len();
            Some(Span::new(start, cursor))
        })
        .collect()
}

/// Figures of one evaluation run.
#[derive(Debug, Default, Clone, Copy)]
pub struct GumScores {
    pub named_gold: usize,
    pub named_detected: usize,
    pub b3_precision: f64,
    pub b3_recall: f64,
    pub pronouns: usize,
    pub pronouns_correct: usize,
    /// Descriptions of a kind ("the company") tied to an entity, in the
    /// development half only, and how many GUM puts in that entity's
    /// cluster.
    pub descriptions_linked: usize,
    pub descriptions_right: usize,
    /// B³ (precision, recall) over the whole collection, gold clusters by
    /// Wikipedia identifier: nodes by document-level id only, then after
    /// the cross-document joins of `KnowledgeGraph::merge`.
    pub collection_by_id: (f64, f64),
    pub collection_joined: (f64, f64),
    pub collection_mentions: usize,
    pub collection_joins: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl GumScores {
    pub fn b3_f1(&self) -> f64 {
        let (p, r) = (self.b3_precision, self.b3_recall);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

struct DocScore {
    named_gold: usize,
    /// (predicted cluster, gold cluster) of each detected named mention.
    pairs: Vec<(usize, String)>,
    /// (span, Wikipedia identifier, document-level node id) of each detected named mention.
    linked: Vec<(Span, String, String)>,
    graph: KnowledgeGraph,
    pronouns: usize,
    pronouns_correct: usize,
    descriptions_linked: usize,
    descriptions_right: usize,
}

/// How many GUM files, first in sorted order, are the development half:
/// the only ones read for finding errors.
const GUM_DEV_FILES: usize = 22;

fn score_gum_document(
    pipeline: &Pipeline,
    text: &str,
    gold: &GumDocument,
    verbose: bool,
    dev: bool,
) -> DocScore {
    let doc: Document = pipeline.annotate(&gold.doc, text);
    let spans = align_tokens(text, &gold.tokens);
    let span_of = |m: &GumMention| -> Option<Span> {
        let first = spans.get(m.start).copied().flatten()?;
        let last = spans.get(m.end.checked_sub(1)?).copied().flatten()?;
        Some(Span::new(first.start, last.end))
    };
    let named_clusters: std::collections::HashSet<&str> = gold
        .mentions
        .iter()
        .filter(|m| m.wikipedia.is_some())
        .map(|m| m.entity_id.as_str())
        .collect();
    // Each of our names maps to the smallest gold mention containing it
    // (GUM mentions are whole noun phrases: "Chemist Ana Ruiz").
    let gold_spans: Vec<Option<Span>> = gold.mentions.iter().map(&span_of).collect();
    let is_named = |m: &GumMention| {
        m.wikipedia.is_some()
            && pronoun_type(&m.text).is_none()
            && !matches!(
                m.text.as_str(),
                "I" | "We" | "we" | "You" | "you" | "me" | "us" | "Us"
            )
            && m.text.chars().any(char::is_uppercase)
    };
    let mut pairs = Vec::new();
    let mut linked = Vec::new();
    let named_gold = gold.mentions.iter().filter(|m| is_named(m)).count();
    let mut seen = std::collections::HashSet::new();
    // Which gold clusters each of our entities was matched to (for pronouns).
    let mut entity_gold: HashMap<usize, Vec<&str>> = HashMap::new();
    for (i, ours) in doc.mentions.iter().enumerate() {
        if ours.kind != MentionKind::Name {
            continue;
        }
        let Some(entity) = doc.mention_entity[i] else {
            continue;
        };
        let container = gold_spans
            .iter()
            .enumerate()
            .filter_map(|(g, span)| span.map(|span| (g, span)))
            .filter(|(_, span)| span.contains(ours.span))
            .min_by_key(|(g, span)| (span.len(), *g));
        let Some((g, _)) = container else { continue };
        let m = &gold.mentions[g];
        if !is_named(m) || !seen.insert(g) {
            continue;
        }
        pairs.push((entity.index(), m.entity_id.clone()));
        if let Some(wikipedia) = &m.wikipedia {
            let entity = &doc.entities[entity.index()];
            linked.push((
                ours.span,
                wikipedia.clone(),
                node_id(entity.ty, &entity.label),
            ));
        }
        entity_gold
            .entry(entity.index())
            .or_default()
            .push(&m.entity_id);
    }
    let mut pronouns = 0;
    let mut pronouns_correct = 0;
    let our_pronoun_at: HashMap<Span, usize> = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MentionKind::Pronoun)
        .map(|(i, m)| (m.span, i))
        .collect();
    for m in &gold.mentions {
        if !named_clusters.contains(m.entity_id.as_str()) || pronoun_type(&m.text).is_none() {
            continue;
        }
        let Some(span) = span_of(m) else { continue };
        pronouns += 1;
        let resolved = our_pronoun_at
            .get(&span)
            .and_then(|&i| doc.mention_entity[i]);
        let correct = resolved.is_some_and(|entity| {
            entity_gold
                .get(&entity.index())
                .is_some_and(|clusters| clusters.contains(&m.entity_id.as_str()))
        });
        if verbose {
            let ours = resolved.map(|e| doc.entities[e.index()].label.clone());
            let context = &text[span.start.saturating_sub(80)..span.end];
            eprintln!(
                "{} {:?} -> {:?} | gold entity {} | ...{}",
                if correct { "right" } else { "wrong" },
                m.text,
                ours,
                m.entity_id,
                context.replace('\n', " ")
            );
        }
        if let Some(entity) = resolved {
            if entity_gold
                .get(&entity.index())
                .is_some_and(|clusters| clusters.contains(&m.entity_id.as_str()))
            {
                pronouns_correct += 1;
            }
        }
    }
    let (descriptions_linked, descriptions_right) = if dev {
        score_descriptions(&doc, text, gold, &gold_spans, verbose)
    } else {
        (0, 0)
    };
    DocScore {
        descriptions_linked,
        descriptions_right,
        named_gold,
        pairs,
        linked,
        graph: KnowledgeGraph::from_document(&doc, &gold.doc, &TypeFilter::all()),
        pronouns,
        pronouns_correct,
    }
}

/// Descriptions of a kind tied to an entity, and how many are right: GUM
/// puts the noun phrase the description opens ("the company 's") into a cluster that also
/// holds a name of the entity. Each of our names stands for the smallest
/// gold mention containing it.
fn score_descriptions(
    doc: &Document,
    text: &str,
    gold: &GumDocument,
    gold_spans: &[Option<Span>],
    verbose: bool,
) -> (usize, usize) {
    let smallest = |span: Span, same_start: bool| {
        gold_spans
            .iter()
            .enumerate()
            .filter_map(|(g, gold)| gold.map(|gold| (g, gold)))
            .filter(|(_, gold)| gold.contains(span) && (!same_start || gold.start == span.start))
            .min_by_key(|(g, gold)| (gold.len(), *g))
            .map(|(g, _)| gold.mentions[g].entity_id.as_str())
    };
    let mut clusters_of: HashMap<usize, Vec<&str>> = HashMap::new();
    for (m, mention) in doc.mentions.iter().enumerate() {
        if let (MentionKind::Name, Some(entity)) = (mention.kind, doc.mention_entity[m])
            && let Some(cluster) = smallest(mention.span, false)
        {
            clusters_of.entry(entity.index()).or_default().push(cluster);
        }
    }
    let (mut linked, mut right) = (0, 0);
    for (m, mention) in doc.mentions.iter().enumerate() {
        if mention.found_by != crate::entities::KIND_DESCRIPTION {
            continue;
        }
        let Some(entity) = doc.mention_entity[m] else {
            continue;
        };
        linked += 1;
        let cluster = smallest(mention.span, true);
        let correct = cluster.is_some_and(|cluster| {
            clusters_of
                .get(&entity.index())
                .is_some_and(|clusters| clusters.contains(&cluster))
        });
        right += usize::from(correct);
        if verbose {
            let span = mention.span;
            eprintln!(
                "description {} {:?} -> {:?} | gold cluster {:?} | ...{}",
                if correct { "right" } else { "wrong" },
                doc.slice(span),
                doc.entities[entity.index()].label,
                cluster,
                text[span.start.saturating_sub(120)..span.end].replace('\n', " ")
            );
        }
    }
    if verbose {
        // The descriptions GUM ties to a name of ours that no link found.
        let named: std::collections::HashSet<&str> =
            clusters_of.values().flatten().copied().collect();
        let ours: std::collections::HashSet<usize> = doc
            .mentions
            .iter()
            .filter(|m| m.found_by == crate::entities::KIND_DESCRIPTION)
            .map(|m| m.span.start)
            .collect();
        for (g, mention) in gold.mentions.iter().enumerate() {
            let mut words = mention.text.split_whitespace();
            let determiner = words
                .next()
                .is_some_and(|w| matches!(w, "the" | "The" | "this" | "This"));
            let kind = words.next().and_then(crate::lexicon::description_kind);
            let Some(span) = gold_spans[g] else { continue };
            if determiner
                && kind.is_some()
                && named.contains(mention.entity_id.as_str())
                && !ours.contains(&span.start)
            {
                eprintln!(
                    "description missed {:?} | gold cluster {} | ...{}",
                    mention.text,
                    mention.entity_id,
                    text[span.start.saturating_sub(120)..span.end].replace('\n', " ")
                );
            }
        }
    }
    (linked, right)
}

/// B³ precision and recall over mentions, each document's clusters apart.
fn b_cubed(docs: &[DocScore]) -> (f64, f64, usize) {
    let (mut precision, mut recall, mut count) = (0.0, 0.0, 0usize);
    for doc in docs {
        let mut predicted: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut gold: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (p, g)) in doc.pairs.iter().enumerate() {
            predicted.entry(*p).or_default().push(i);
            gold.entry(g.as_str()).or_default().push(i);
        }
        for (p, g) in &doc.pairs {
            let ours = &predicted[p];
            let theirs = &gold[g.as_str()];
            let both = ours.iter().filter(|i| theirs.contains(i)).count() as f64;
            precision += both / ours.len() as f64;
            recall += both / theirs.len() as f64;
            count += 1;
        }
    }
    if count == 0 {
        return (0.0, 0.0, 0);
    }
    (precision / count as f64, recall / count as f64, count)
}

/// B³ precision and recall of (predicted cluster, gold cluster) pairs.
fn b_cubed_pairs(pairs: &[(&str, &str)]) -> (f64, f64) {
    let mut predicted: HashMap<&str, usize> = HashMap::new();
    let mut gold: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for &(p, g) in pairs {
        *predicted.entry(p).or_default() += 1;
        *gold.entry(g).or_default() += 1;
        *both.entry((p, g)).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for &(p, g) in pairs {
        let shared = both[&(p, g)] as f64;
        precision += shared / predicted[p] as f64;
        recall += shared / gold[g] as f64;
    }
    let n = pairs.len().max(1) as f64;
    (precision / n, recall / n)
}

/// Collection-level B³: each detected named mention, keyed by document and
/// span, in its node before and after the cross-document joins.
fn collection_b_cubed(scored: Vec<DocScore>) -> ((f64, f64), (f64, f64), usize, usize) {
    let mut by_id = Vec::new();
    let mut graphs = Vec::new();
    for doc in scored {
        let id = doc.graph.documents[0].id.clone();
        for (span, wikipedia, node) in doc.linked {
            by_id.push(((id.clone(), span.start, span.end), wikipedia, node));
        }
        graphs.push(doc.graph);
    }
    let merged = KnowledgeGraph::merge(graphs);
    let node_at: HashMap<(&str, usize, usize), &str> = merged
        .nodes()
        .flat_map(|n| {
            n.mentions
                .iter()
                .map(move |m| ((m.doc.as_str(), m.start, m.end), n.id.as_str()))
        })
        .collect();
    let before: Vec<(&str, &str)> = by_id
        .iter()
        .map(|(_, wikipedia, node)| (node.as_str(), wikipedia.as_str()))
        .collect();
    let after: Vec<(&str, &str)> = by_id
        .iter()
        .map(|((doc, start, end), wikipedia, node)| {
            let joined = node_at
                .get(&(doc.as_str(), *start, *end))
                .copied()
                .unwrap_or(node.as_str());
            (joined, wikipedia.as_str())
        })
        .collect();
    (
        b_cubed_pairs(&before),
        b_cubed_pairs(&after),
        by_id.len(),
        merged.cross_document.merged.len(),
    )
}

pub fn evaluate_gum(pipeline: &Pipeline, data: &Path, verbose: bool) -> Result<GumScores> {
    let dir = data.join("gum-wikinews");
    let mut gold_docs = Vec::new();
    let mut names: Vec<String> =
        super::read_json_lines::<GumDocument>(&dir.join("entities.jsonl"))?
            .into_iter()
            .map(|doc| doc.doc)
            .collect();
    names.sort();
    names.truncate(GUM_DEV_FILES);
    for doc in super::read_json_lines::<GumDocument>(&dir.join("entities.jsonl"))? {
        let text_path = dir.join("text").join(format!("{}.txt", doc.doc));
        let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
        gold_docs.push((text, doc));
    }
    let scored: Vec<DocScore> = gold_docs
        .par_iter()
        .map(|(text, gold)| {
            let dev = names.contains(&gold.doc);
            score_gum_document(pipeline, text, gold, verbose, dev)
        })
        .collect();
    let (b3_precision, b3_recall, named_detected) = b_cubed(&scored);
    let named_gold = scored.iter().map(|d| d.named_gold).sum();
    let pronouns = scored.iter().map(|d| d.pronouns).sum();
    let pronouns_correct = scored.iter().map(|d| d.pronouns_correct).sum();
    let descriptions_linked = scored.iter().map(|d| d.descriptions_linked).sum();
    let descriptions_right = scored.iter().map(|d| d.descriptions_right).sum();
    let (collection_by_id, collection_joined, collection_mentions, collection_joins) =
        collection_b_cubed(scored);
    Ok(GumScores {
        named_gold,
        named_detected,
        b3_precision,
        b3_recall,
        pronouns,
        pronouns_correct,
        descriptions_linked,
        descriptions_right,
        collection_by_id,
        collection_joined,
        collection_mentions,
        collection_joins,
    })
}

pub fn print_gum(scores: &GumScores) {
    let pct = |x: f64| 100.0 * x;
    println!(
        "GUM Wikinews entity resolution ({} named gold mentions, {} detected)",
        scores.named_gold, scores.named_detected
    );
    println!(
        "  B3 over detected named mentions: P {:.1}  R {:.1}  F1 {:.1}",
        pct(scores.b3_precision),
        pct(scores.b3_recall),
        pct(scores.b3_f1())
    );
    for (what, (p, r)) in [
        ("nodes by id only", scores.collection_by_id),
        ("after cross-document joins", scores.collection_joined),
    ] {
        println!(
            "  B3 over the whole collection ({} mentions, clusters by Wikipedia id), {what}: P {:.1}  R {:.1}  F1 {:.1}",
            scores.collection_mentions,
            pct(p),
            pct(r),
            pct(f1(p, r))
        );
    }
    println!("  cross-document joins: {}", scores.collection_joins);
    let accuracy = if scores.pronouns == 0 {
        0.0
    } else {
        scores.pronouns_correct as f64 / scores.pronouns as f64
    };
    println!(
        "  pronouns referring to named entities: {}/{} resolved correctly ({:.1}%)",
        scores.pronouns_correct,
        scores.pronouns,
        pct(accuracy)
    );
    println!(
        "  descriptions of a kind (\"the company\") tied to an entity, development half (first {GUM_DEV_FILES} files): {} linked, {} right",
        scores.descriptions_linked, scores.descriptions_right
    );
}

pub fn run(args: EntitiesArgs) -> Result<()> {
    match args.corpus {
        EntityCorpus::Gum => {
            let models = args.common.models()?.into_owned();
            let pipeline = Pipeline::with_models(Options::default(), models);
            let scores = evaluate_gum(&pipeline, args.common.data(), args.verbose)?;
            print_gum(&scores);
            Ok(())
        }
        EntityCorpus::Redocred => {
            let scores = evaluate_redocred(&args)?;
            print_redocred(&scores);
            Ok(())
        }
    }
}

/// Entity-level counts over Re-DocRED documents.
#[derive(Debug, Default, Clone, Copy)]
pub struct EntityCounts {
    pub predicted: usize,
    pub predicted_right: usize,
    pub gold: usize,
    pub gold_found: usize,
}

impl EntityCounts {
    fn add(&mut self, other: EntityCounts) {
        self.predicted += other.predicted;
        self.predicted_right += other.predicted_right;
        self.gold += other.gold;
        self.gold_found += other.gold_found;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.predicted_right, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A gold entity of Re-DocRED: its type and mention spans in the rebuilt text.
pub struct GoldEntity {
    pub ty: EntityType,
    pub spans: Vec<Span>,
}

/// The rebuilt text of a Re-DocRED document and its gold entities.
pub fn redocred_gold(doc: &docred::Document) -> (String, Vec<GoldEntity>) {
    let (text, spans) = docred::reconstruct_text(&doc.sents);
    let entities = doc
        .vertex_set
        .iter()
        .map(|cluster| GoldEntity {
            ty: cluster
                .first()
                .and_then(|m| EntityType::parse(&m.ty))
                .unwrap_or(EntityType::Misc),
            spans: cluster
                .iter()
                .map(|m| {
                    let sentence = &spans[m.sent_id];
                    Span::new(sentence[m.pos[0]].start, sentence[m.pos[1] - 1].end)
                })
                .collect(),
        })
        .collect();
    (text, entities)
}

/// Maps each predicted entity to the gold entity it shares the most exact
/// mention spans with (the lowest index on ties), or to none.
pub fn map_entities(doc: &Document, gold: &[GoldEntity]) -> Vec<Option<usize>> {
    let mut gold_of_span: HashMap<Span, Vec<usize>> = HashMap::new();
    for (g, entity) in gold.iter().enumerate() {
        for span in &entity.spans {
            gold_of_span.entry(*span).or_default().push(g);
        }
    }
    doc.entities
        .iter()
        .map(|entity| {
            let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
            for (m, _) in &entity.mentions {
                let mention = &doc.mentions[m.index()];
                if matches!(mention.kind, MentionKind::Pronoun | MentionKind::Nominal) {
                    continue;
                }
                for &g in gold_of_span.get(&mention.span).into_iter().flatten() {
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

fn score_entities(doc: &Document, gold: &[GoldEntity], types: &[EntityType]) -> EntityCounts {
    let mapping = map_entities(doc, gold);
    let mut found = vec![false; gold.len()];
    let mut counts = EntityCounts::default();
    for (entity, mapped) in doc.entities.iter().zip(&mapping) {
        if !types.contains(&entity.ty) {
            continue;
        }
        counts.predicted += 1;
        if let Some(g) = *mapped {
            if gold[g].ty == entity.ty {
                counts.predicted_right += 1;
                found[g] = true;
            }
        }
    }
    for (g, entity) in gold.iter().enumerate() {
        if types.contains(&entity.ty) {
            counts.gold += 1;
            counts.gold_found += usize::from(found[g]);
        }
    }
    counts
}

/// Figures of the Re-DocRED cross-validation: core types and all types.
pub struct RedocredScores {
    pub folds: usize,
    pub core: Vec<EntityCounts>,
    pub all: Vec<EntityCounts>,
}

pub fn evaluate_redocred(args: &EntitiesArgs) -> Result<RedocredScores> {
    let data = args.common.data();
    let docs = docred::read(&train::redocred_path(data))?;
    let examples: Vec<Example> = docs.iter().map(train::docred_example).collect();
    let golds: Vec<(String, Vec<GoldEntity>)> = docs.iter().map(redocred_gold).collect();
    let models = args.common.models()?;
    let (uner, _) = train::recognizer_examples(data)?;
    let folds = docred::folds(docs.len(), args.folds.max(2));
    let mut scores = RedocredScores {
        folds: folds.len(),
        core: Vec::new(),
        all: Vec::new(),
    };
    for (k, fold) in folds.iter().enumerate() {
        let training = super::ner::fold_training(&uner, &folds, k, |i| &examples[i]);
        let recognizer = train::train_recognizer(&training, &models.tagger, args.epochs);
        let pipeline = Pipeline::with_models(
            Options::default(),
            Models {
                tagger: models.tagger.clone(),
                recognizer,
            },
        );
        let per_doc: Vec<(EntityCounts, EntityCounts)> = fold
            .par_iter()
            .map(|&i| {
                let (text, gold) = &golds[i];
                let doc = pipeline.annotate(&format!("redocred-{i}"), text);
                (
                    score_entities(&doc, gold, &CORE_TYPES),
                    score_entities(&doc, gold, &EntityType::ALL),
                )
            })
            .collect();
        let (mut core, mut all) = (EntityCounts::default(), EntityCounts::default());
        for (c, a) in per_doc {
            core.add(c);
            all.add(a);
        }
        eprintln!(
            "fold {}: core F1 {:.1}, all F1 {:.1}",
            k + 1,
            100.0 * core.f1(),
            100.0 * all.f1()
        );
        scores.core.push(core);
        scores.all.push(all);
    }
    Ok(scores)
}

pub fn print_redocred(scores: &RedocredScores) {
    println!(
        "Re-DocRED entity level, {}-fold cross-validation by document (mean of folds)",
        scores.folds
    );
    for (name, rows) in [("core types", &scores.core), ("all types", &scores.all)] {
        let n = rows.len().max(1) as f64;
        let mean = |f: fn(&EntityCounts) -> f64| 100.0 * rows.iter().map(f).sum::<f64>() / n;
        println!(
            "  {name:<10}  P {:.1}  R {:.1}  F1 {:.1}",
            mean(EntityCounts::precision),
            mean(EntityCounts::recall),
            mean(EntityCounts::f1)
        );
    }
}
