//! Typed relations: Wikidata properties (those of Re-DocRED) predicted for
//! ordered entity pairs across the whole document.
//!
//! One logistic regression per property over hashed pair features
//! ([`features`]), scored only for the (head type, tail type) combinations
//! the property had in training and that reached some confidence in
//! cross-validation, then mapped through an isotonic calibration fitted on
//! cross-validated scores, so a confidence of 0.7 means about seven in ten
//! such edges are right (on Wikipedia-like text).
//!
//! Scoring is most of a build's cost, so it is arranged for the cache: a
//! feature's weights for all properties lie side by side (one row read per
//! feature, not one scattered read per property), sums are exact integer
//! sums of the stored i16 weights, and what an entity contributes to every
//! pair it is in is summed once per entity.

pub mod docred;
pub mod eval;
pub mod features;
mod shared_word_sums;
pub(crate) mod stage2;
pub mod threshold;
pub mod train;
mod view;

use crate::collections::HashMap;
use crate::document::{Document, EntityId, Relation, RelationKind};
use crate::error::{Error, Result};
use features::{Candidate, DocFeatures, GeoConflict, Pair, Role, TYPE_PAIRS};
use serde::{Deserialize, Serialize};
use shared_word_sums::SharedWordSums;
use std::sync::OnceLock;

pub use eval::{TypedEvalArgs, run};
pub use train::{TrainOptions, train};

const MAGIC: &[u8; 8] = b"TKGTREL2";
const FORMAT: u32 = 2;

/// At prediction, only entity pairs whose nearest mentions lie this many
/// sentences apart or fewer are scored: in Re-DocRED's introductions that
/// is nearly every pair, and in a long text, whose entities are mostly
/// named in one passage, it keeps the pairs from growing with the square
/// of the entity count (see `docs/evaluation.md`).
pub const MAX_SENTENCE_GAP: usize = 10;

/// The file name of the typed relation model under `models/`.
pub const MODEL_FILE: &str = "relations.bin";

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../models/relations.bin");

/// The size of the model built into the binary, compressed.
pub fn embedded_size() -> usize {
    EMBEDDED_BYTES.len()
}

/// A Wikidata property the model predicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Property {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Meta {
    pub format: u32,
    pub bits: u32,
    /// Weight = stored i16 × scale.
    pub scale: f32,
    pub properties: Vec<Property>,
    /// Per type pair (`features::Pair::types`), the property indices scored.
    pub allowed: Vec<Vec<u16>>,
    /// Per property, its place in a feature's row of weights: the most
    /// frequent properties first, so a type pair whose properties are all
    /// frequent reads only the start of each row.
    pub offsets: Vec<u16>,
    /// Isotonic map from raw score to probability: (score, probability)
    /// knots, interpolated linearly, increasing in both.
    pub calibration: Vec<(f32, f32)>,
    /// The threshold that gave the best cross-validated F1.
    pub default_min_confidence: f32,
    /// What the model was trained on.
    pub source: String,
    /// The second stage, when the model has one: `calibration` then maps
    /// its combined score, not the raw score.
    #[serde(default)]
    pub stage2: Option<stage2::Stage2>,
    /// Trained on parsed texts: reads the dependency-path features of
    /// documents that have trees (`features/path.rs`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reads_trees: bool,
}

/// A trained typed-relation model.
#[derive(Debug, Clone)]
pub struct TypedModel {
    pub(crate) meta: Meta,
    /// The 2^bits quantised weights, then the first [`row_padding`] of them
    /// again, so a feature's row, read in whole vectors, never wraps around
    /// the end.
    weights: Vec<i16>,
    /// Per type pair, how much of a row its properties need.
    row_len: Vec<usize>,
    /// Per property, the [`features::GeoConflict`] that rules it out
    /// (`None`: none does); see [`features::PLACED_IN_COUNTRY`].
    ruled_out_by: Vec<GeoConflict>,
}

/// A candidate triple with its raw score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub pair: usize,
    pub property: u16,
    pub score: f32,
}

impl TypedModel {
    /// The model shipped inside the binary, decoded on first use. Should it
    /// not decode (a build with a broken model file), this warns once and
    /// returns a model that predicts nothing rather than failing the run;
    /// [`TypedModel::try_embedded`] reports the error instead.
    pub fn embedded() -> &'static TypedModel {
        static FALLBACK: OnceLock<TypedModel> = OnceLock::new();
        match Self::try_embedded() {
            Ok(model) => model,
            Err(e) => FALLBACK.get_or_init(|| {
                eprintln!("textkg: warning: typed relations disabled: {e}");
                TypedModel::empty()
            }),
        }
    }

    /// A model with no property: predicts nothing.
    pub fn empty() -> TypedModel {
        TypedModel {
            meta: Meta {
                format: FORMAT,
                bits: 8,
                scale: 1.0,
                properties: Vec::new(),
                allowed: vec![Vec::new(); TYPE_PAIRS],
                offsets: Vec::new(),
                calibration: Vec::new(),
                default_min_confidence: 0.5,
                source: String::new(),
                stage2: None,
                reads_trees: false,
            },
            weights: vec![0; 1 << 8],
            row_len: vec![0; TYPE_PAIRS],
            ruled_out_by: Vec::new(),
        }
    }

    /// A model over a table of 2^`meta.bits` quantised weights.
    pub(crate) fn new(meta: Meta, mut weights: Vec<i16>) -> TypedModel {
        debug_assert_eq!(weights.len(), 1 << meta.bits);
        let pad = row_padding(meta.properties.len()).min(weights.len());
        weights.extend_from_within(..pad);
        let ruled_out_by = meta
            .properties
            .iter()
            .map(|p| {
                features::PLACED_IN_COUNTRY
                    .iter()
                    .find(|(id, _)| *id == p.id)
                    .map_or(GeoConflict::None, |&(_, conflict)| conflict)
            })
            .collect();
        let mut model = TypedModel {
            meta,
            weights,
            row_len: Vec::new(),
            ruled_out_by,
        };
        model.set_allowed(model.meta.allowed.clone());
        model
    }

    /// Whether GeoNames contradicts `property` between a pair's ends.
    fn ruled_out(&self, property: u16, conflict: GeoConflict) -> bool {
        conflict != GeoConflict::None && self.ruled_out_by[usize::from(property)] == conflict
    }

    /// Sets the properties scored per type pair.
    pub(crate) fn set_allowed(&mut self, allowed: Vec<Vec<u16>>) {
        self.row_len = allowed
            .iter()
            .map(|list| {
                list.iter()
                    .map(|&p| usize::from(self.meta.offsets[usize::from(p)]) + 1)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        self.meta.allowed = allowed;
    }

    /// The table without its padding.
    fn table(&self) -> &[i16] {
        &self.weights[..1 << self.meta.bits]
    }

    pub fn try_embedded() -> Result<&'static TypedModel> {
        static MODEL: OnceLock<std::result::Result<TypedModel, String>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                // The error below names the model: keep only the message, so
                // it does not say "model relations:" twice.
                TypedModel::from_bytes(EMBEDDED_BYTES).map_err(|e| match e {
                    Error::Model { message, .. } => message,
                    other => other.to_string(),
                })
            })
            .as_ref()
            .map_err(|message| Error::Model {
                name: "relations".into(),
                message: message.clone(),
            })
    }

    pub fn properties(&self) -> &[Property] {
        &self.meta.properties
    }

    /// The threshold that maximised cross-validated F1 in training.
    pub fn default_min_confidence(&self) -> f32 {
        self.meta.default_min_confidence
    }

    /// Where the model's training data came from (for `--version`/credits).
    pub fn source(&self) -> &str {
        &self.meta.source
    }

    /// Typed relations between the document's entities with a calibrated
    /// confidence of at least `min_confidence`, ordered by head, tail and
    /// property id.
    pub fn predict(&self, doc: &Document, min_confidence: f32) -> Vec<Relation> {
        self.predict_within(doc, min_confidence, MAX_SENTENCE_GAP)
    }

    /// [`TypedModel::predict`] over entity pairs whose nearest mentions lie
    /// at most `max_gap` sentences apart.
    pub fn predict_within(
        &self,
        doc: &Document,
        min_confidence: f32,
        max_gap: usize,
    ) -> Vec<Relation> {
        let features = DocFeatures::new(doc, self.meta.reads_trees);
        if let Some(stage) = &self.meta.stage2 {
            return self.predict_two_stage(doc, &features, stage, min_confidence, max_gap);
        }
        let min_score = self.min_score(min_confidence);
        let mut relations = Vec::new();
        self.score_doc(&features, max_gap, |pair, property, score| {
            if score < min_score {
                return;
            }
            let confidence = self.calibrate(score);
            if confidence < min_confidence || confidence <= 0.0 {
                return;
            }
            relations.push(self.relation(
                doc,
                pair.head,
                pair.tail,
                &pair.evidence,
                property,
                confidence,
            ));
        });
        relations.sort_by(|a, b| (a.head, a.tail, &a.property).cmp(&(b.head, b.tail, &b.property)));
        relations
    }

    fn relation(
        &self,
        doc: &Document,
        head: usize,
        tail: usize,
        evidence: &[usize],
        property: u16,
        confidence: f32,
    ) -> Relation {
        let property = &self.meta.properties[usize::from(property)];
        Relation {
            head: EntityId::from(head),
            tail: EntityId::from(tail),
            kind: RelationKind::Typed,
            label: property.label.clone(),
            property: Some(property.id.clone()),
            confidence,
            negated: false,
            hedged: false,
            evidence: evidence
                .iter()
                .filter_map(|&s| doc.sentences.get(s).map(|s| s.span))
                .collect(),
        }
    }

    /// Prediction with the second stage: every candidate that could reach
    /// `min_confidence`, or could be evidence for another, is kept, then
    /// each is rescored with its evidence.
    fn predict_two_stage(
        &self,
        doc: &Document,
        features: &DocFeatures,
        stage: &stage2::Stage2,
        min_confidence: f32,
        max_gap: usize,
    ) -> Vec<Relation> {
        // Candidates below the first stage's floor keep their first-stage
        // confidence and are no evidence.
        let keep_above = min_score(&stage.first, min_confidence.min(stage2::EVIDENCE_FLOOR));
        let mut cands: Vec<stage2::Cand> = Vec::new();
        let mut evidence: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
        self.score_doc(features, max_gap, |pair, property, score| {
            if score < keep_above {
                return;
            }
            evidence
                .entry((pair.head, pair.tail))
                .or_insert_with(|| pair.evidence.clone());
            cands.push(stage2::Cand {
                head: pair.head as u32,
                tail: pair.tail as u32,
                property,
                score,
            });
        });
        let first: Vec<f32> = cands
            .iter()
            .map(|c| calibrate(&stage.first, c.score))
            .collect();
        let found = stage.index().evidence(&cands, &first);
        let mut relations = Vec::new();
        for ((c, e), &f) in cands.iter().zip(found).zip(&first) {
            let confidence = stage.confidence(&self.meta.calibration, f, stage.combine(c.score, e));
            if confidence < min_confidence || confidence <= 0.0 {
                continue;
            }
            let (h, t) = (c.head as usize, c.tail as usize);
            relations.push(self.relation(doc, h, t, &evidence[&(h, t)], c.property, confidence));
        }
        relations.sort_by(|a, b| (a.head, a.tail, &a.property).cmp(&(b.head, b.tail, &b.property)));
        relations
    }

    /// A raw score below which no confidence reaches `min_confidence`:
    /// the calibration only rises, so most candidates need no calibrating.
    fn min_score(&self, min_confidence: f32) -> f32 {
        min_score(&self.meta.calibration, min_confidence)
    }

    /// Adds each feature's row of property weights to `sums`. Integer sums
    /// are exact, so the order of features, and how they are split between
    /// entity and pair, never changes a score.
    fn accumulate(&self, sums: &mut [i32], mut features: impl Iterator<Item = u64>) {
        const BATCH: usize = 32;
        if sums.is_empty() {
            return;
        }
        let mut bases = [0usize; BATCH];
        loop {
            let mut count = 0;
            for (base, f) in bases.iter_mut().zip(&mut features) {
                *base = base_slot(self.meta.bits, f);
                count += 1;
            }
            self.add_rows(&bases[..count], sums);
            if count < BATCH {
                return;
            }
        }
    }

    /// Adds the rows starting at `bases` to `sums`, in whole vectors of 8
    /// columns held in registers: a row is read past the last column
    /// `sums` needs (the table's padding keeps that in bounds, see
    /// [`TypedModel::new`]) and those columns' sums are dropped.
    fn add_rows(&self, bases: &[usize], sums: &mut [i32]) {
        match sums.len().div_ceil(8) {
            1 => self.add_rows_fixed::<8>(bases, sums),
            2 => self.add_rows_fixed::<16>(bases, sums),
            3 => self.add_rows_fixed::<24>(bases, sums),
            4 => self.add_rows_fixed::<32>(bases, sums),
            5 => self.add_rows_fixed::<40>(bases, sums),
            6 => self.add_rows_fixed::<48>(bases, sums),
            7 => self.add_rows_fixed::<56>(bases, sums),
            8 => self.add_rows_fixed::<64>(bases, sums),
            9 => self.add_rows_fixed::<72>(bases, sums),
            10 => self.add_rows_fixed::<80>(bases, sums),
            11 => self.add_rows_fixed::<88>(bases, sums),
            12 => self.add_rows_fixed::<96>(bases, sums),
            _ => {
                let n = sums.len();
                for &base in bases {
                    for (s, &w) in sums.iter_mut().zip(&self.weights[base..base + n]) {
                        *s += i32::from(w);
                    }
                }
            }
        }
    }

    /// Rows are placed at random in a table larger than the cache, so a
    /// batch's rows are all touched (a load per cache line) before any is
    /// added: the misses are then in flight together.
    fn add_rows_fixed<const W: usize>(&self, bases: &[usize], sums: &mut [i32]) {
        let n = sums.len();
        let weights = self.weights.as_slice();
        let row =
            |base: usize| -> &[i16; W] { weights[base..base + W].try_into().expect("W columns") };
        let mut touched = 0;
        for &base in bases {
            let row = row(base);
            for k in (0..W).step_by(32) {
                touched ^= row[k];
            }
            touched ^= row[W - 1];
        }
        std::hint::black_box(touched);
        let mut start = [0i32; W];
        start[..n].copy_from_slice(sums);
        // The sums are the closure's own, so they can stay in registers.
        let added = crate::simd::wide(
            #[inline(always)]
            || {
                let mut acc = start;
                for &base in bases {
                    for (s, &w) in acc.iter_mut().zip(row(base)) {
                        *s += i32::from(w);
                    }
                }
                acc
            },
        );
        sums.copy_from_slice(&added[..n]);
    }

    /// Raw scores of every allowed (pair, property) candidate.
    pub(crate) fn score_pairs(&self, pairs: &[Pair]) -> Vec<Scored> {
        let mut out = Vec::new();
        let mut sums = vec![0i32; self.meta.properties.len()];
        for (i, pair) in pairs.iter().enumerate() {
            sums.fill(0);
            self.accumulate(&mut sums, pair.features.iter().copied());
            let Some(allowed) = self.meta.allowed.get(usize::from(pair.types)) else {
                continue;
            };
            for &property in allowed {
                if self.ruled_out(property, pair.geo_conflict) {
                    continue;
                }
                out.push(Scored {
                    pair: i,
                    property,
                    score: self.raw(&sums, property),
                });
            }
        }
        out
    }

    /// Passes every allowed (candidate pair, property, raw score) to
    /// `emit`: the same scores [`TypedModel::score_pairs`] gives the pairs'
    /// full features, with each entity's part summed once per role rather
    /// than once per pair.
    pub(crate) fn score_doc(
        &self,
        features: &DocFeatures,
        max_gap: usize,
        mut emit: impl FnMut(&Candidate, u16, f32),
    ) {
        let entities = &features.entities;
        let mut parts = EntityParts(vec![Vec::new(); entities.own.len() * 2]);
        let allowed = |types: u8| self.row_len.get(usize::from(types)).is_some_and(|&n| n > 0);
        let mut sums = vec![0i32; self.meta.properties.len()];
        let widest = self.row_len.iter().copied().max().unwrap_or(0);
        let mut shared_words = SharedWordSums::new(widest);
        features.for_each_pair_for_scoring(max_gap, allowed, |pair| {
            let n = self.row_len[usize::from(pair.types)];
            let h = parts.get(self, entities, pair.head, Role::Head);
            let t = parts.get(self, entities, pair.tail, Role::Tail);
            let sums = &mut sums[..n];
            for ((s, &a), &b) in sums.iter_mut().zip(&parts.0[h]).zip(&parts.0[t]) {
                *s = a + b;
            }
            self.accumulate(sums, pair.features.iter().copied());
            shared_words.add(self, features, pair, sums);
            for &property in &self.meta.allowed[usize::from(pair.types)] {
                if !self.ruled_out(property, pair.geo_conflict) {
                    emit(pair, property, self.raw(sums, property));
                }
            }
        });
    }

    fn raw(&self, sums: &[i32], property: u16) -> f32 {
        sums[usize::from(self.meta.offsets[usize::from(property)])] as f32 * self.meta.scale
    }

    /// Raw score → probability through the isotonic knots.
    pub fn calibrate(&self, score: f32) -> f32 {
        calibrate(&self.meta.calibration, score)
    }

    /// The model file's bytes: magic, then zstd-compressed (metadata JSON,
    /// i16 weights); zstd decodes several times faster than deflate, which
    /// a one-file `textkg build` notices.
    pub fn to_bytes(&self) -> Vec<u8> {
        let meta = serde_json::to_vec(&self.meta).expect("metadata serialises");
        let mut body = Vec::with_capacity(4 + meta.len() + 2 * self.table().len());
        body.extend_from_slice(&(meta.len() as u32).to_le_bytes());
        body.extend_from_slice(&meta);
        for &w in self.table() {
            body.extend_from_slice(&w.to_le_bytes());
        }
        let mut out = MAGIC.to_vec();
        out.extend(zstd::bulk::compress(&body, 19).expect("compressing in memory"));
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<TypedModel> {
        let bad = |message: String| Error::Model {
            name: "relations".into(),
            message,
        };
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| bad("not a textkg typed-relation model (bad magic)".into()))?;
        let raw = crate::model::decompress_frame(body)
            .map_err(|e| bad(format!("corrupt model data: {e}")))?;
        let meta_len = raw
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| bad("truncated header".into()))?;
        let meta_bytes = raw
            .get(4..4 + meta_len)
            .ok_or_else(|| bad("truncated metadata".into()))?;
        let meta: Meta =
            serde_json::from_slice(meta_bytes).map_err(|e| bad(format!("bad metadata: {e}")))?;
        if meta.format != FORMAT {
            return Err(bad(format!(
                "format {} (this textkg reads {FORMAT})",
                meta.format
            )));
        }
        if !(8..=28).contains(&meta.bits) {
            return Err(bad(format!("bad table size 2^{}", meta.bits)));
        }
        if meta.allowed.len() != TYPE_PAIRS
            || meta
                .allowed
                .iter()
                .flatten()
                .any(|&p| usize::from(p) >= meta.properties.len())
            || meta.offsets.len() != meta.properties.len()
            || meta
                .offsets
                .iter()
                .any(|&o| usize::from(o) >= meta.properties.len())
        {
            return Err(bad("bad property table".into()));
        }
        let weights_bytes = &raw[4 + meta_len..];
        if weights_bytes.len() != 2usize << meta.bits {
            return Err(bad(format!(
                "{} weight bytes, expected {}",
                weights_bytes.len(),
                2usize << meta.bits
            )));
        }
        // Room for the padding `new` appends, so the table is not copied again.
        let mut weights = Vec::with_capacity((1 << meta.bits) + row_padding(meta.properties.len()));
        weights.extend(
            weights_bytes
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]])),
        );
        Ok(TypedModel::new(meta, weights))
    }
}

/// Per (entity, role), the entity's part of its pairs' sums, computed on
/// first use: as much of each row as the widest type pair it can be in
/// needs. `get` gives its index.
struct EntityParts(Vec<Vec<i32>>);

impl EntityParts {
    fn get(
        &mut self,
        model: &TypedModel,
        entities: &features::Entities,
        entity: usize,
        role: Role,
    ) -> usize {
        let own_type = entities.types[entity];
        let k = match role {
            Role::Head => entity * 2,
            Role::Tail => entity * 2 + 1,
        };
        if self.0[k].is_empty() {
            let n = (0..6)
                .map(|other| match role {
                    Role::Head => model.row_len[own_type * 6 + other],
                    Role::Tail => model.row_len[other * 6 + own_type],
                })
                .max()
                .unwrap_or(0);
            let mut sums = vec![0i32; n];
            model.accumulate(&mut sums, entities.role_features(entity, role));
            self.0[k] = sums;
        }
        k
    }
}

/// Features are already well-mixed hashes: one multiply-shift places a
/// feature, and its weights for the properties lie side by side from there,
/// so scoring one pair for every property reads a few cache lines per
/// feature instead of one line per property.
pub(crate) fn slot(bits: u32, feature: u64, key: u64) -> usize {
    let base = base_slot(bits, feature) as u64;
    (base.wrapping_add(key) & ((1u64 << bits) - 1)) as usize
}

/// How far past the table a row may be read: every property's column,
/// rounded up to the vectors of 8 that [`TypedModel::add_rows`] reads.
fn row_padding(properties: usize) -> usize {
    properties.next_multiple_of(8)
}

fn base_slot(bits: u32, feature: u64) -> usize {
    (feature.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

pub(crate) fn quantize(w: f32, scale: f32) -> i16 {
    (w / scale).round().clamp(-32767.0, 32767.0) as i16
}

/// A score below which no confidence through `knots` reaches
/// `min_confidence`.
fn min_score(knots: &[(f32, f32)], min_confidence: f32) -> f32 {
    match knots
        .iter()
        .position(|&(_, y)| y >= min_confidence && y > 0.0)
    {
        _ if knots.is_empty() => f32::NEG_INFINITY,
        None => f32::INFINITY,
        Some(0) => f32::NEG_INFINITY,
        Some(i) => knots[i - 1].0,
    }
}

pub(crate) fn calibrate(knots: &[(f32, f32)], score: f32) -> f32 {
    let Some(&(x0, y0)) = knots.first() else {
        return 1.0 / (1.0 + (-score).exp());
    };
    let (xn, yn) = knots[knots.len() - 1];
    if score <= x0 {
        return y0;
    }
    if score >= xn {
        return yn;
    }
    let i = knots.partition_point(|&(x, _)| x <= score);
    let (xa, ya) = knots[i - 1];
    let (xb, yb) = knots[i];
    if xb <= xa {
        return yb;
    }
    ya + (yb - ya) * (score - xa) / (xb - xa)
}

#[cfg(test)]
mod tests;
