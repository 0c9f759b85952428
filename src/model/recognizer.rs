//! Entity recogniser: BIO labels over six types, a structured averaged
//! perceptron with Viterbi decoding, trained from partially labelled corpora,
//! and a second pass that sees how the first labelled the same word elsewhere
//! in the document.

use super::features::{self, TokenInfo};
use super::perceptron::{Dense, HashKeyed, Reader, Rng, Score, Trainer, Weights, feature, mix};
use crate::document::{Document, EntityType, Span, Upos};
use crate::error::Result;
use rayon::prelude::*;
use std::collections::HashSet;
use std::ops::Range;
use xxhash_rust::xxh3::xxh3_64;

mod train;
pub use train::*;
pub mod world;
use world::WorldInfo;
#[cfg(test)]
mod tests;

const ROW_BITS: u32 = 19;
/// Models trained with different sentence orders and averaged (see
/// [`train_ensemble`]).
const MEMBERS: usize = 3;
const TYPES: usize = EntityType::ALL.len();
/// O, then B and I for each type.
const LABELS: usize = 1 + 2 * TYPES;
const START: usize = LABELS;
const TRANSITION_BITS: u32 = 4;
const ALL_LABELS: u16 = (1 << LABELS) - 1;
const MAGIC: &[u8] = b"textkg-recognizer-5\n";

fn begin(ty: usize) -> usize {
    1 + 2 * ty
}

fn inside(ty: usize) -> usize {
    2 + 2 * ty
}

fn type_of(label: usize) -> Option<usize> {
    (label > 0).then(|| (label - 1) / 2)
}

fn is_inside(label: usize) -> bool {
    label > 0 && label.is_multiple_of(2)
}

fn type_index(ty: EntityType) -> usize {
    EntityType::ALL
        .iter()
        .position(|t| *t == ty)
        .expect("listed")
}

/// I-X may only follow B-X or I-X.
fn valid(prev: usize, label: usize) -> bool {
    !is_inside(label) || (prev != START && type_of(prev) == type_of(label))
}

#[derive(Debug, Clone, PartialEq)]
struct Pass {
    emissions: Weights,
    transitions: Weights,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recognizer {
    /// Both passes' emission weights side by side (first pass's labels, then
    /// the second's): one lookup serves both for the features they share.
    emissions: Weights,
    first_transitions: Weights,
    second_transitions: Weights,
    /// Lower-cased word hash → how often the training texts capitalise it
    /// inside a sentence (see [`case_class`]): common words written with a
    /// capital are rarely names.
    case_classes: HashKeyed<u8>,
    names: Names,
    /// The same names matched whatever their case ("san francisco").
    lower_names: Names,
}

/// 1: almost always lower case; 2: mostly; 3: mostly capitalised; 4: almost
/// always; 0: seen fewer than twice.
fn case_class(capitalised: u32, total: u32) -> u8 {
    if total < 2 {
        return 0;
    }
    let ratio = f64::from(capitalised) / f64::from(total);
    match ratio {
        r if r < 0.1 => 1,
        r if r < 0.5 => 2,
        r if r < 0.9 => 3,
        _ => 4,
    }
}

/// Reads a count, then that many (64-bit key, byte) entries.
fn read_byte_map(reader: &mut Reader<'_>, what: &str) -> Result<HashKeyed<u8>> {
    let count = reader.u64()? as usize;
    // Each entry takes 9 bytes: a count beyond that is a damaged file.
    if count > reader.bytes.len() / 9 {
        return Err(reader.error(&format!("truncated {what}")));
    }
    let mut map = HashKeyed::with_capacity_and_hasher(count, Default::default());
    for _ in 0..count {
        let key = reader.u64()?;
        map.insert(key, reader.take(1)?[0]);
    }
    Ok(map)
}

fn count_cases(docs: &[&Prepared]) -> HashKeyed<u8> {
    let mut counts: HashKeyed<(u32, u32)> = HashKeyed::default();
    for doc in docs {
        for sentence in &doc.sentences {
            for info in &doc.infos[sentence.start + 1..sentence.end.max(sentence.start + 1)] {
                if info.flags & (features::flag::HAS_DIGIT | features::flag::PUNCTUATION) != 0 {
                    continue;
                }
                let entry = counts.entry(info.lower).or_default();
                entry.0 += u32::from(info.flags & features::flag::INITIAL_CAPITAL != 0);
                entry.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|(word, (capitalised, total))| (word, case_class(capitalised, total)))
        .filter(|(_, class)| *class != 0)
        .collect()
}

fn case_classes_of(classes: &HashKeyed<u8>, infos: &[TokenInfo]) -> Vec<u64> {
    infos
        .iter()
        .map(|i| u64::from(classes.get(&i.lower).copied().unwrap_or(0)))
        .collect()
}

/// A sentence's tokens with everything the features read.
struct View<'a> {
    infos: &'a [TokenInfo],
    tags: &'a [Upos],
    cases: &'a [u64],
    world: &'a [WorldInfo],
    names: &'a [u64],
    lower_names: &'a [u64],
    /// What the first pass said about the same word elsewhere (0: nothing).
    hints: Option<&'a [u64]>,
}

mod template {
    pub const BIAS: u32 = 0;
    pub const WORD: u32 = 1;
    pub const LOWER: u32 = 2;
    pub const SHAPE: u32 = 3;
    pub const SHORT_SHAPE: u32 = 4;
    pub const PREFIX: u32 = 5;
    pub const SUFFIX: u32 = 8;
    pub const FLAG: u32 = 12;
    pub const GAZETTEER_AT: u32 = 13;
    pub const LOWER_AT: u32 = 16;
    pub const SHAPE_AT: u32 = 20;
    pub const TAG: u32 = 24;
    pub const TAG_AT: u32 = 25;
    pub const TAG_PAIR_LEFT: u32 = 29;
    pub const TAG_PAIR_RIGHT: u32 = 30;
    pub const SHAPE_TRIGRAM: u32 = 31;
    pub const WORD_TAG: u32 = 32;
    pub const BIGRAM_LEFT: u32 = 33;
    pub const BIGRAM_RIGHT: u32 = 34;
    pub const ORGANIZATION_SUFFIX_AHEAD: u32 = 35;
    pub const SENTENCE_START_SHAPE: u32 = 36;
    pub const DOCUMENT_HINT: u32 = 37;
    pub const DOCUMENT_HINT_SHAPE: u32 = 38;
    pub const DOCUMENT_HINT_PREV: u32 = 39;
    pub const DOCUMENT_HINT_NEXT: u32 = 40;
    pub const WORD_AT: u32 = 41;
    pub const CASE: u32 = 45;
    pub const CASE_FLAGS: u32 = 46;
    pub const CASE_AT: u32 = 47;
    pub const CASE_SENTENCE_START: u32 = 49;
    pub const CONTEXT_CAPITAL: u32 = 50;
    pub const SUFFIX_AT: u32 = 52;
    pub const TRIGRAM: u32 = 54;
    pub const TAG_TRIGRAM: u32 = 55;
    pub const NAME: u32 = 56;
    pub const NAME_AT: u32 = 57;
    pub const NAME_SHAPE: u32 = 59;
    pub const LOWER_NAME: u32 = 60;
    pub const LINE_BREAK: u32 = 62;
}

fn extract(view: &View<'_>, i: usize, out: &mut Vec<u64>) {
    use template::*;
    let infos = view.infos;
    let t = &infos[i];
    let n = infos.len();
    out.push(feature(BIAS, 0));
    out.push(feature(WORD, t.word));
    out.push(feature(LOWER, t.lower));
    out.push(feature(SHAPE, t.shape));
    out.push(feature(SHORT_SHAPE, t.short_shape));
    for (k, p) in t.prefixes.iter().enumerate() {
        out.push(feature(PREFIX + k as u32, *p));
    }
    for (k, s) in t.suffixes.iter().enumerate() {
        out.push(feature(SUFFIX + k as u32, *s));
    }
    for bit in 0..features::flag::COUNT {
        if t.flags & (1 << bit) != 0 {
            out.push(feature(FLAG, u64::from(bit)));
        }
    }
    let at = |offset: isize| -> Option<usize> {
        let j = i as isize + offset;
        (j >= 0 && (j as usize) < n).then_some(j as usize)
    };
    for (k, offset) in [-1isize, 0, 1].into_iter().enumerate() {
        if let Some(j) = at(offset) {
            for bit in 0..features::gazetteer::COUNT {
                if infos[j].gazetteer & (1 << bit) != 0 {
                    out.push(feature(GAZETTEER_AT + k as u32, u64::from(bit)));
                }
            }
        }
    }
    for (k, offset) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        let k = k as u32;
        let j = at(offset);
        out.push(feature(LOWER_AT + k, j.map_or(NONE, |j| infos[j].lower)));
        out.push(feature(
            SHAPE_AT + k,
            j.map_or(NONE, |j| infos[j].short_shape),
        ));
        out.push(feature(TAG_AT + k, j.map_or(NONE, |j| view.tags[j] as u64)));
        if offset.abs() == 1 {
            out.push(feature(WORD_AT + k, j.map_or(NONE, |j| infos[j].word)));
        }
    }
    let tag = view.tags[i] as u64;
    let prev_tag = at(-1).map_or(NONE, |j| view.tags[j] as u64);
    let next_tag = at(1).map_or(NONE, |j| view.tags[j] as u64);
    out.push(feature(TAG, tag));
    out.push(feature(TAG_PAIR_LEFT, mix(prev_tag, tag)));
    out.push(feature(TAG_PAIR_RIGHT, mix(tag, next_tag)));
    let prev_shape = at(-1).map_or(NONE, |j| infos[j].short_shape);
    let next_shape = at(1).map_or(NONE, |j| infos[j].short_shape);
    out.push(feature(
        SHAPE_TRIGRAM,
        mix(mix(prev_shape, t.short_shape), next_shape),
    ));
    out.push(feature(WORD_TAG, mix(t.word, tag)));
    let prev_lower = at(-1).map_or(NONE, |j| infos[j].lower);
    let next_lower = at(1).map_or(NONE, |j| infos[j].lower);
    out.push(feature(BIGRAM_LEFT, mix(prev_lower, t.lower)));
    out.push(feature(BIGRAM_RIGHT, mix(t.lower, next_lower)));
    for distance in 1..=3 {
        if let Some(j) = at(distance) {
            if infos[j].gazetteer & features::gazetteer::ORGANIZATION_SUFFIX != 0 {
                out.push(feature(ORGANIZATION_SUFFIX_AHEAD, distance as u64));
                break;
            }
        }
    }
    if i == 0 {
        out.push(feature(SENTENCE_START_SHAPE, t.short_shape));
    }
    let capital =
        u64::from(t.flags & (features::flag::INITIAL_CAPITAL | features::flag::ALL_CAPITALS));
    out.push(feature(CONTEXT_CAPITAL, mix(prev_lower, capital)));
    out.push(feature(CONTEXT_CAPITAL + 1, mix(next_lower, capital)));
    out.push(feature(
        SUFFIX_AT,
        at(-1).map_or(NONE, |j| infos[j].suffixes[2]),
    ));
    out.push(feature(
        SUFFIX_AT + 1,
        at(1).map_or(NONE, |j| infos[j].suffixes[2]),
    ));
    out.push(feature(TRIGRAM, mix(mix(prev_lower, t.lower), next_lower)));
    out.push(feature(TAG_TRIGRAM, mix(mix(prev_tag, tag), next_tag)));
    let name = view.names[i];
    out.push(feature(NAME, name));
    out.push(feature(NAME_AT, at(-1).map_or(NONE, |j| view.names[j])));
    out.push(feature(NAME_AT + 1, at(1).map_or(NONE, |j| view.names[j])));
    out.push(feature(NAME_SHAPE, mix(name, t.short_shape)));
    // A name seldom runs on across a line break ("Ola\nMarta,").
    if i > 0 && t.flags & features::flag::LINE_BREAK_BEFORE != 0 {
        out.push(feature(LINE_BREAK, t.short_shape));
    }
    if at(1).is_some_and(|j| infos[j].flags & features::flag::LINE_BREAK_BEFORE != 0) {
        out.push(feature(LINE_BREAK + 1, t.short_shape));
    }
    let lower_name = view.lower_names[i];
    if lower_name != 0 && name == 0 {
        out.push(feature(LOWER_NAME, mix(lower_name, t.short_shape)));
        out.push(feature(LOWER_NAME + 1, lower_name));
    }
    let case = view.cases[i];
    out.push(feature(CASE, case));
    out.push(feature(CASE_FLAGS, mix(case, u64::from(t.flags))));
    out.push(feature(CASE_AT, at(-1).map_or(NONE, |j| view.cases[j])));
    out.push(feature(CASE_AT + 1, at(1).map_or(NONE, |j| view.cases[j])));
    if i == 0 {
        out.push(feature(CASE_SENTENCE_START, case));
    }
    world::extract(view.world, infos, i, out);
    if let Some(hints) = view.hints {
        extract_hints(view.infos, hints, i, out);
    }
}

const NONE: u64 = 0x5EED;

/// The second pass's own features: what the first pass said about the same
/// words elsewhere in the document.
fn extract_hints(infos: &[TokenInfo], hints: &[u64], i: usize, out: &mut Vec<u64>) {
    use template::*;
    let hint = hints[i];
    out.push(feature(DOCUMENT_HINT, hint));
    out.push(feature(
        DOCUMENT_HINT_SHAPE,
        mix(hint, infos[i].short_shape),
    ));
    let prev = if i > 0 { hints[i - 1] } else { NONE };
    out.push(feature(DOCUMENT_HINT_PREV, prev));
    out.push(feature(
        DOCUMENT_HINT_NEXT,
        hints.get(i + 1).copied().unwrap_or(NONE),
    ));
}

/// Transition scores `[prev][label]`, invalid moves at minus infinity.
fn transition_matrix(transitions: &impl Score) -> [[f32; LABELS]; LABELS + 1] {
    let mut matrix = [[0f32; LABELS]; LABELS + 1];
    for (prev, row) in matrix.iter_mut().enumerate() {
        transitions.add_scores(&[prev as u64], row);
        for (label, score) in row.iter_mut().enumerate() {
            if !valid(prev, label) {
                *score = f32::NEG_INFINITY;
            }
        }
    }
    matrix
}

impl Pass {
    fn emissions(&self, view: &View<'_>, features: &mut Vec<u64>) -> Vec<[f32; LABELS]> {
        (0..view.infos.len())
            .map(|i| {
                features.clear();
                extract(view, i, features);
                let mut scores = [0f32; LABELS];
                self.emissions.add_scores(features, &mut scores);
                scores
            })
            .collect()
    }
}

/// Best label sequence, each token limited to the labels in `allowed`.
fn viterbi(
    emissions: &[[f32; LABELS]],
    transitions: &[[f32; LABELS]; LABELS + 1],
    allowed: Option<&[u16]>,
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let permitted = |i: usize, label: usize| allowed.is_none_or(|a| a[i] & (1 << label) != 0);
    let mut scores = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for label in 0..LABELS {
        if permitted(0, label) {
            scores[0][label] = transitions[START][label] + emissions[0][label];
        }
    }
    // Previous labels in the outer loop, so the inner one runs across
    // labels, four at a time (rows padded to 16); each label still sees
    // `prev` in order, so ties break as before.
    const LANES: usize = 16;
    let mut rows = [[f32::NEG_INFINITY; LANES]; LABELS];
    for (row, from) in rows.iter_mut().zip(transitions) {
        row[..LABELS].copy_from_slice(from);
    }
    crate::simd::wide(
        #[inline(always)]
        || viterbi_steps(emissions, &rows, permitted, &mut scores, &mut back),
    );
    let mut label = super::tagger::argmax(&scores[n - 1]);
    let mut labels = vec![0; n];
    for i in (0..n).rev() {
        labels[i] = label;
        label = back[i][label] as usize;
    }
    labels
}

/// The scores and back pointers of every token after the first. Inlined
/// whole into [`crate::simd::wide`]'s wide code, however large the caller.
#[inline(always)]
fn viterbi_steps<const LANES: usize>(
    emissions: &[[f32; LABELS]],
    rows: &[[f32; LANES]; LABELS],
    permitted: impl Fn(usize, usize) -> bool,
    scores: &mut [[f32; LABELS]],
    back: &mut [[u8; LABELS]],
) {
    for i in 1..emissions.len() {
        let mut best = [f32::NEG_INFINITY; LANES];
        let mut best_prev = [0i32; LANES];
        for (prev, row) in rows.iter().enumerate() {
            let before = scores[i - 1][prev];
            for label in 0..LANES {
                let s = before + row[label];
                // All ones where `s` is better: a select without branches.
                let take = -i32::from(s > best[label]);
                let kept = best[label].to_bits() & !take as u32;
                best[label] = f32::from_bits((s.to_bits() & take as u32) | kept);
                best_prev[label] = (prev as i32 & take) | (best_prev[label] & !take);
            }
        }
        for label in 0..LABELS {
            if permitted(i, label) {
                scores[i][label] = best[label] + emissions[i][label];
                back[i][label] = best_prev[label] as u8;
            }
        }
    }
}

fn spans_of(labels: &[usize], offset: usize, out: &mut Vec<(Range<usize>, EntityType)>) {
    let mut i = 0;
    while i < labels.len() {
        match type_of(labels[i]) {
            Some(ty) if !is_inside(labels[i]) => {
                let mut end = i + 1;
                while end < labels.len() && labels[end] == inside(ty) {
                    end += 1;
                }
                out.push((offset + i..offset + end, EntityType::ALL[ty]));
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// Names are the names alone: a person's leading title ("President") and a
/// trailing possessive ("'s") are not part of them.
fn tidy(infos: &[TokenInfo], entities: &mut [(Range<usize>, EntityType)]) {
    let possessives = ["'s", "\u{2019}s", "'", "\u{2019}"].map(|p| xxh3_64(p.as_bytes()));
    for (range, ty) in entities.iter_mut() {
        while range.len() > 1 && possessives.contains(&infos[range.end - 1].lower) {
            range.end -= 1;
        }
        if *ty == EntityType::Person {
            while range.len() > 1 && infos[range.start].gazetteer & features::gazetteer::TITLE != 0
            {
                range.start += 1;
            }
        }
    }
}

/// For each token, the type the first pass gave the same word at its other
/// occurrences in the document (1 + type index; 0 when none).
fn document_hints(infos: &[TokenInfo], entities: &[(Range<usize>, EntityType)]) -> Vec<u64> {
    let mut labelled = vec![None; infos.len()];
    let mut counts: HashKeyed<[u32; TYPES]> = HashKeyed::default();
    for (range, ty) in entities {
        for j in range.clone() {
            if infos[j].flags & features::flag::PUNCTUATION == 0 {
                labelled[j] = Some(type_index(*ty));
                counts.entry(infos[j].word).or_default()[type_index(*ty)] += 1;
            }
        }
    }
    infos
        .iter()
        .zip(&labelled)
        .map(|(info, own)| {
            let Some(type_counts) = counts.get(&info.word) else {
                return 0;
            };
            let mut type_counts = *type_counts;
            if let Some(ty) = own {
                type_counts[*ty] -= 1;
            }
            let best = (0..TYPES).max_by_key(|&t| (type_counts[t], std::cmp::Reverse(t)));
            match best {
                Some(t) if type_counts[t] > 0 => 1 + t as u64,
                _ => 0,
            }
        })
        .collect()
}

impl Recognizer {
    /// Entities of a document as token ranges; needs `doc.tags`.
    pub fn recognize(&self, doc: &Document) -> Vec<(Range<usize>, EntityType)> {
        let words: Vec<&str> = doc.tokens.iter().map(|s| &doc.text[s.range()]).collect();
        let mut infos = features::describe(&words);
        features::mark_line_breaks(&doc.text, &doc.tokens, &mut infos);
        let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        self.recognize_with(&words, &infos, &doc.tags, &sentences)
    }

    pub fn recognize_with(
        &self,
        words: &[&str],
        infos: &[TokenInfo],
        tags: &[Upos],
        sentences: &[Range<usize>],
    ) -> Vec<(Range<usize>, EntityType)> {
        let world = world::describe(words, infos);
        self.recognize_described(infos, &world, tags, sentences)
    }

    /// [`Recognizer::recognize_with`] for tokens whose world knowledge
    /// ([`world::describe`]) is already known.
    pub fn recognize_described(
        &self,
        infos: &[TokenInfo],
        world: &[WorldInfo],
        tags: &[Upos],
        sentences: &[Range<usize>],
    ) -> Vec<(Range<usize>, EntityType)> {
        if tags.len() != infos.len() || world.len() != infos.len() {
            return Vec::new();
        }
        let cases = case_classes_of(&self.case_classes, infos);
        let names = self.names.matches(infos, SEQUENCE_KEY);
        let lower_names = self.lower_names.matches(infos, LOWER_KEY);
        let mut features = Vec::new();
        let mut slots = Vec::new();
        let mut next = Vec::new();
        let mut shared = vec![[0f32; 2 * LABELS]; infos.len()];
        for sentence in sentences {
            let view = View {
                infos: &infos[sentence.clone()],
                tags: &tags[sentence.clone()],
                cases: &cases[sentence.clone()],
                world: &world[sentence.clone()],
                names: &names[sentence.clone()],
                lower_names: &lower_names[sentence.clone()],
                hints: None,
            };
            // Each token's rows are asked for while the token before is summed.
            if !sentence.is_empty() {
                features.clear();
                extract(&view, 0, &mut features);
                self.emissions.prefetch(&features, &mut slots);
            }
            for i in 0..sentence.len() {
                next.clear();
                if i + 1 < sentence.len() {
                    features.clear();
                    extract(&view, i + 1, &mut features);
                    self.emissions.prefetch(&features, &mut next);
                }
                self.emissions
                    .add_rows(&slots, &mut shared[sentence.start + i]);
                std::mem::swap(&mut slots, &mut next);
            }
        }
        let pass_scores = |sentence: &Range<usize>, first_pass: bool| -> Vec<[f32; LABELS]> {
            let offset = if first_pass { 0 } else { LABELS };
            shared[sentence.clone()]
                .iter()
                .map(|s| {
                    s[offset..offset + LABELS]
                        .try_into()
                        .expect("LABELS scores")
                })
                .collect()
        };
        let transitions = transition_matrix(&self.first_transitions);
        let mut first = Vec::new();
        for sentence in sentences {
            let labels = viterbi(&pass_scores(sentence, true), &transitions, None);
            spans_of(&labels, sentence.start, &mut first);
        }
        let hints = document_hints(infos, &first);
        let transitions = transition_matrix(&self.second_transitions);
        let mut entities = Vec::new();
        // The hint features take few values (most tokens have no hint on
        // either side), so their sums are looked up once per document.
        let mut hint_sums: HashKeyed<(Vec<u64>, [f32; LABELS])> = HashKeyed::default();
        for sentence in sentences {
            let mut emissions = pass_scores(sentence, false);
            let sentence_hints = &hints[sentence.clone()];
            for (i, scores) in emissions.iter_mut().enumerate() {
                features.clear();
                extract_hints(&infos[sentence.clone()], sentence_hints, i, &mut features);
                let key = features.iter().fold(0, |key, &f| mix(key, f));
                let sum = |features: &[u64]| {
                    let mut extra = [0f32; LABELS];
                    self.emissions.add_columns(features, LABELS, &mut extra);
                    extra
                };
                let cached = hint_sums
                    .entry(key)
                    .or_insert_with(|| (features.clone(), sum(&features)));
                let extra = if cached.0 == features {
                    cached.1
                } else {
                    sum(&features)
                };
                for (score, e) in scores.iter_mut().zip(extra.iter()) {
                    *score += e;
                }
            }
            let labels = viterbi(&emissions, &transitions, None);
            spans_of(&labels, sentence.start, &mut entities);
        }
        tidy(infos, &mut entities);
        entities
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        let mut cases: Vec<(u64, u8)> = self.case_classes.iter().map(|(w, c)| (*w, *c)).collect();
        cases.sort_unstable();
        out.extend_from_slice(&(cases.len() as u64).to_le_bytes());
        for (word, class) in cases {
            out.extend_from_slice(&word.to_le_bytes());
            out.push(class);
        }
        self.names.write(out);
        self.lower_names.write(out);
        self.emissions.write(out);
        self.first_transitions.write(out);
        self.second_transitions.write(out);
    }

    pub fn read(reader: &mut Reader<'_>) -> Result<Self> {
        reader.expect_magic(MAGIC)?;
        let case_classes = read_byte_map(reader, "case dictionary")?;
        let names = Names::read(reader)?;
        let lower_names = Names::read(reader)?;
        let emissions = Weights::read(reader)?;
        let first_transitions = Weights::read(reader)?;
        let second_transitions = Weights::read(reader)?;
        if emissions.classes() != 2 * LABELS
            || first_transitions.classes() != LABELS
            || second_transitions.classes() != LABELS
        {
            return Err(reader.error("recogniser has the wrong number of labels"));
        }
        Ok(Recognizer {
            emissions,
            first_transitions,
            second_transitions,
            case_classes,
            names,
            lower_names,
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn decode(
    pass: &Pass,
    infos: &[TokenInfo],
    tags: &[Upos],
    cases: &[u64],
    world: &[WorldInfo],
    names: (&[u64], &[u64]),
    sentences: &[Range<usize>],
    hints: Option<&[u64]>,
) -> Vec<(Range<usize>, EntityType)> {
    let transitions = transition_matrix(&pass.transitions);
    let mut features = Vec::new();
    let mut entities = Vec::new();
    for sentence in sentences {
        let view = View {
            infos: &infos[sentence.clone()],
            tags: &tags[sentence.clone()],
            cases: &cases[sentence.clone()],
            world: &world[sentence.clone()],
            names: &names.0[sentence.clone()],
            lower_names: &names.1[sentence.clone()],
            hints: hints.map(|h| &h[sentence.clone()]),
        };
        let emissions = pass.emissions(&view, &mut features);
        let labels = viterbi(&emissions, &transitions, None);
        spans_of(&labels, sentence.start, &mut entities);
    }
    entities
}

const LONGEST_NAME: usize = 6;

/// How a name's tokens make its key: each token's word as written, or
/// its lower case, mixed in order into a seed.
#[derive(Clone, Copy)]
pub(crate) struct NameKey {
    seed: u64,
    part: fn(&TokenInfo) -> u64,
}

pub(crate) const SEQUENCE_KEY: NameKey = NameKey {
    seed: 0x9AE1,
    part: |info| info.word,
};

pub(crate) const LOWER_KEY: NameKey = NameKey {
    seed: 0x10E1,
    part: |info| info.lower,
};

impl NameKey {
    fn of(self, infos: &[TokenInfo]) -> u64 {
        infos
            .iter()
            .fold(self.seed, |key, info| mix(key, (self.part)(info)))
    }
}

/// Names the training data labels, as hashes of their token sequences, each
/// with the type it usually has; kept when the sequence is a name at least
/// half the times it occurs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    types: HashKeyed<u8>,
    /// One bit per key's hash bits: every start of a sentence is looked up
    /// at six lengths in two lists, and most phrases are no name, so a
    /// clear bit (16 KB, in cache) spares the map's probe.
    filter: Vec<u64>,
}

const NAME_FILTER_BITS: u32 = 17;

fn name_filter_bit(key: u64) -> usize {
    (key >> (64 - NAME_FILTER_BITS)) as usize
}

impl Names {
    fn new(types: HashKeyed<u8>) -> Names {
        let mut filter = vec![0u64; (1 << NAME_FILTER_BITS) / 64];
        for key in types.keys() {
            let bit = name_filter_bit(*key);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Names { types, filter }
    }

    fn get(&self, key: u64) -> Option<u8> {
        let bit = name_filter_bit(key);
        let maybe = self
            .filter
            .get(bit / 64)
            .is_none_or(|w| w & (1 << (bit % 64)) != 0);
        if maybe {
            self.types.get(&key).copied()
        } else {
            None
        }
    }

    /// Known names as written (`key` = [`SEQUENCE_KEY`]) or whatever their
    /// case ([`LOWER_KEY`]).
    fn collect(docs: &[&Prepared], key: NameKey) -> Names {
        let sequence_key = |infos: &[TokenInfo]| key.of(infos);
        let mut labelled: HashKeyed<[u32; TYPES]> = HashKeyed::default();
        for doc in docs {
            for (range, ty) in &doc.gold {
                if range.len() <= LONGEST_NAME {
                    labelled
                        .entry(sequence_key(&doc.infos[range.clone()]))
                        .or_default()[*ty] += 1;
                }
            }
        }
        let mut occurrences: HashKeyed<u32> = HashKeyed::default();
        for doc in docs {
            for start in 0..doc.infos.len() {
                let longest = LONGEST_NAME.min(doc.infos.len() - start);
                for length in 1..=longest {
                    let key = sequence_key(&doc.infos[start..start + length]);
                    if labelled.contains_key(&key) {
                        *occurrences.entry(key).or_default() += 1;
                    }
                }
            }
        }
        let types = labelled
            .into_iter()
            .filter_map(|(key, counts)| {
                let total: u32 = counts.iter().sum();
                let seen = occurrences.get(&key).copied().unwrap_or(total);
                let best = (0..TYPES).max_by_key(|&t| (counts[t], std::cmp::Reverse(t)))?;
                (total * 2 >= seen).then_some((key, best as u8))
            })
            .collect();
        Names::new(types)
    }

    /// Per token: 0, or 1 + 4 × type + position (begin, inside, last, unit)
    /// in the longest known name starting leftmost.
    fn matches(&self, infos: &[TokenInfo], key: NameKey) -> Vec<u64> {
        let mut out = vec![0u64; infos.len()];
        let parts: Vec<u64> = infos.iter().map(key.part).collect();
        // Leftmost longest, as `phrase::leftmost_longest` finds phrases,
        // with each start's keys for every length built word by word once.
        let mut found = Vec::new();
        let mut start = 0;
        while start < parts.len() {
            let words = &parts[start..parts.len().min(start + LONGEST_NAME)];
            let mut keys = [0u64; LONGEST_NAME];
            let mut k = key.seed;
            for (slot, &part) in keys.iter_mut().zip(words) {
                k = mix(k, part);
                *slot = k;
            }
            let longest = (1..=words.len())
                .rev()
                .find_map(|length| Some((length, self.get(keys[length - 1])?)));
            match longest {
                Some((length, ty)) => {
                    found.push((start..start + length, ty));
                    start += length;
                }
                None => start += 1,
            }
        }
        for (range, ty) in found {
            let length = range.len();
            for (k, slot) in out[range].iter_mut().enumerate() {
                let position = match (k, length) {
                    (_, 1) => 3,
                    (0, _) => 0,
                    (k, l) if k + 1 == l => 2,
                    _ => 1,
                };
                *slot = 1 + 4 * u64::from(ty) + position;
            }
        }
        out
    }

    fn write(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<(u64, u8)> = self.types.iter().map(|(k, t)| (*k, *t)).collect();
        entries.sort_unstable();
        out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for (key, ty) in entries {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(ty);
        }
    }

    fn read(reader: &mut Reader<'_>) -> Result<Names> {
        Ok(Names::new(read_byte_map(reader, "name list")?))
    }
}
