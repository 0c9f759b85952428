//! Entity recogniser: BIO labels over six types, a structured averaged
//! perceptron with Viterbi decoding, trained from partially labelled corpora,
//! and a second pass that sees how the first labelled the same word elsewhere
//! in the document.

use super::features::{self, TokenInfo};
use super::perceptron::{Reader, Rng, Trainer, Weights, feature, mix};
use crate::document::{Document, EntityType, Span, Upos};
use crate::error::Result;
use std::collections::HashMap;
use std::ops::Range;

const ROW_BITS: u32 = 19;
const TYPES: usize = EntityType::ALL.len();
/// O, then B and I for each type.
const LABELS: usize = 1 + 2 * TYPES;
const START: usize = LABELS;
const TRANSITION_BITS: u32 = 4;
const ALL_LABELS: u16 = (1 << LABELS) - 1;
const MAGIC: &[u8] = b"textkg-recognizer-1\n";

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
    label > 0 && label % 2 == 0
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
    first: Pass,
    second: Pass,
}

/// A sentence's tokens with everything the features read.
struct View<'a> {
    infos: &'a [TokenInfo],
    tags: &'a [Upos],
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
    const NONE: u64 = 0x5EED;
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
    if let Some(hints) = view.hints {
        let hint = hints[i];
        out.push(feature(DOCUMENT_HINT, hint));
        out.push(feature(DOCUMENT_HINT_SHAPE, mix(hint, t.short_shape)));
        out.push(feature(
            DOCUMENT_HINT_PREV,
            at(-1).map_or(NONE, |j| hints[j]),
        ));
        out.push(feature(
            DOCUMENT_HINT_NEXT,
            at(1).map_or(NONE, |j| hints[j]),
        ));
    }
}

/// Transition scores `[prev][label]`, invalid moves at minus infinity.
fn transition_matrix(transitions: &Weights) -> [[f32; LABELS]; LABELS + 1] {
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

    fn write(&self, out: &mut Vec<u8>) {
        self.emissions.write(out);
        self.transitions.write(out);
    }

    fn read(reader: &mut Reader<'_>) -> Result<Self> {
        let emissions = Weights::read(reader)?;
        let transitions = Weights::read(reader)?;
        if emissions.classes() != LABELS || transitions.classes() != LABELS {
            return Err(reader.error("recogniser has the wrong number of labels"));
        }
        Ok(Pass {
            emissions,
            transitions,
        })
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
    for i in 1..n {
        for label in 0..LABELS {
            if !permitted(i, label) {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut best_prev = 0;
            for prev in 0..LABELS {
                let s = scores[i - 1][prev] + transitions[prev][label];
                if s > best {
                    best = s;
                    best_prev = prev;
                }
            }
            scores[i][label] = best + emissions[i][label];
            back[i][label] = best_prev as u8;
        }
    }
    let mut label = super::tagger::argmax(&scores[n - 1]);
    let mut labels = vec![0; n];
    for i in (0..n).rev() {
        labels[i] = label;
        label = back[i][label] as usize;
    }
    labels
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

/// For each token, the type the first pass gave the same word at its other
/// occurrences in the document (1 + type index; 0 when none).
fn document_hints(infos: &[TokenInfo], entities: &[(Range<usize>, EntityType)]) -> Vec<u64> {
    let mut labelled = vec![None; infos.len()];
    let mut counts: HashMap<u64, [u32; TYPES]> = HashMap::new();
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
        let infos = features::describe(&words);
        let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        self.recognize_with(&infos, &doc.tags, &sentences)
    }

    pub fn recognize_with(
        &self,
        infos: &[TokenInfo],
        tags: &[Upos],
        sentences: &[Range<usize>],
    ) -> Vec<(Range<usize>, EntityType)> {
        if tags.len() != infos.len() {
            return Vec::new();
        }
        let first = decode(&self.first, infos, tags, sentences, None);
        let hints = document_hints(infos, &first);
        decode(&self.second, infos, tags, sentences, Some(&hints))
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        self.first.write(out);
        self.second.write(out);
    }

    pub fn read(reader: &mut Reader<'_>) -> Result<Self> {
        reader.expect_magic(MAGIC)?;
        let first = Pass::read(reader)?;
        let second = Pass::read(reader)?;
        Ok(Recognizer { first, second })
    }
}

fn decode(
    pass: &Pass,
    infos: &[TokenInfo],
    tags: &[Upos],
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
            hints: hints.map(|h| &h[sentence.clone()]),
        };
        let emissions = pass.emissions(&view, &mut features);
        let labels = viterbi(&emissions, &transitions, None);
        spans_of(&labels, sentence.start, &mut entities);
    }
    entities
}

/// A training text: its gold entities as byte spans and which types its
/// corpus annotates (a type it does not annotate may hide under "outside").
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub gold: Vec<(Span, EntityType)>,
    pub annotated: Vec<EntityType>,
}

/// A training text run through the tokenizer and tagger, with the labels
/// each token may take.
pub struct Prepared {
    infos: Vec<TokenInfo>,
    tags: Vec<Upos>,
    sentences: Vec<Range<usize>>,
    allowed: Vec<u16>,
}

/// Tokenizes, tags and describes a training example.
pub fn prepare(example: &Example, tagger: &super::Tagger) -> Prepared {
    let mut doc = Document::new("", example.text.clone());
    crate::text::segment(&mut doc);
    let words: Vec<&str> = doc.tokens.iter().map(|s| &doc.text[s.range()]).collect();
    let infos = features::describe(&words);
    let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    let tags = tagger.tag_with(&infos, &sentences);
    let mut outside: u16 = 1;
    for (k, ty) in EntityType::ALL.iter().enumerate() {
        if !example.annotated.contains(ty) {
            outside |= (1 << begin(k)) | (1 << inside(k));
        }
    }
    let mut allowed = vec![outside; doc.tokens.len()];
    let mut fixed = vec![false; doc.tokens.len()];
    let mut gold = example.gold.clone();
    gold.sort_by_key(|(span, ty)| (std::cmp::Reverse(span.len()), span.start, *ty));
    for (span, ty) in gold {
        let first = doc.tokens.partition_point(|t| t.end <= span.start);
        let end = doc.tokens.partition_point(|t| t.start < span.end);
        if first >= end || fixed[first..end].iter().any(|f| *f) {
            continue;
        }
        let aligned = doc.tokens[first].start == span.start && doc.tokens[end - 1].end == span.end;
        let k = type_index(ty);
        for j in first..end {
            allowed[j] = if !aligned {
                ALL_LABELS
            } else if j == first {
                1 << begin(k)
            } else {
                1 << inside(k)
            };
            fixed[j] = true;
        }
    }
    Prepared {
        infos,
        tags,
        sentences,
        allowed,
    }
}

struct PassTrainer {
    emissions: Trainer,
    transitions: Trainer,
}

fn train_pass(docs: &[&Prepared], hints: Option<&[Vec<u64>]>, epochs: usize, seed: u64) -> Pass {
    let mut trainer = PassTrainer {
        emissions: Trainer::new(ROW_BITS, LABELS),
        transitions: Trainer::new(TRANSITION_BITS, LABELS),
    };
    let mut order: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.sentences.len()).map(move |s| (d, s)))
        .collect();
    let mut rng = Rng(seed);
    let mut features = Vec::new();
    let mut token_features: Vec<Vec<u64>> = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &(d, s) in &order {
            let doc = docs[d];
            let range = doc.sentences[s].clone();
            let view = View {
                infos: &doc.infos[range.clone()],
                tags: &doc.tags[range.clone()],
                hints: hints.map(|h| &h[d][range.clone()]),
            };
            let n = range.len();
            token_features.resize_with(n, Vec::new);
            let mut emissions = Vec::with_capacity(n);
            for (i, slot) in token_features.iter_mut().enumerate().take(n) {
                features.clear();
                extract(&view, i, &mut features);
                let mut scores = [0f32; LABELS];
                trainer
                    .emissions
                    .weights()
                    .add_scores(&features, &mut scores);
                emissions.push(scores);
                slot.clear();
                slot.extend_from_slice(&features);
            }
            let transitions = transition_matrix(trainer.transitions.weights());
            let predicted = viterbi(&emissions, &transitions, None);
            let target = viterbi(&emissions, &transitions, Some(&doc.allowed[range.clone()]));
            if predicted != target {
                for i in 0..n {
                    let prev_target = if i == 0 { START } else { target[i - 1] };
                    let prev_predicted = if i == 0 { START } else { predicted[i - 1] };
                    if target[i] != predicted[i] {
                        trainer.emissions.update(&token_features[i], target[i], 1.0);
                        trainer
                            .emissions
                            .update(&token_features[i], predicted[i], -1.0);
                    }
                    if (prev_target, target[i]) != (prev_predicted, predicted[i]) {
                        trainer
                            .transitions
                            .update(&[prev_target as u64], target[i], 1.0);
                        trainer
                            .transitions
                            .update(&[prev_predicted as u64], predicted[i], -1.0);
                    }
                }
            }
            trainer.emissions.tick();
            trainer.transitions.tick();
        }
    }
    Pass {
        emissions: trainer.emissions.average(),
        transitions: trainer.transitions.average(),
    }
}

/// Trains both passes. The second pass learns from first-pass document hints
/// produced by models that did not see the document (two-fold jackknife), so
/// it learns how far to trust them.
pub fn train(docs: &[Prepared], epochs: usize, seed: u64) -> Recognizer {
    let even: Vec<&Prepared> = docs.iter().step_by(2).collect();
    let odd: Vec<&Prepared> = docs.iter().skip(1).step_by(2).collect();
    let all: Vec<&Prepared> = docs.iter().collect();
    let ((on_even, on_odd), first) = rayon::join(
        || {
            rayon::join(
                || train_pass(&even, None, epochs, seed),
                || train_pass(&odd, None, epochs, seed ^ 1),
            )
        },
        || train_pass(&all, None, epochs, seed ^ 2),
    );
    let hints: Vec<Vec<u64>> = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let other = if d % 2 == 0 { &on_odd } else { &on_even };
            let entities = decode(other, &doc.infos, &doc.tags, &doc.sentences, None);
            document_hints(&doc.infos, &entities)
        })
        .collect();
    let second = train_pass(&all, Some(&hints), epochs, seed ^ 3);
    Recognizer { first, second }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constrained_viterbi_respects_allowed_labels_and_transitions() {
        let mut emissions = vec![[0f32; LABELS]; 3];
        emissions[1][inside(0)] = 10.0;
        let matrix = transition_matrix(&Weights::new(TRANSITION_BITS, LABELS));
        let labels = viterbi(&emissions, &matrix, None);
        assert_eq!(labels[0], begin(0), "I-PER needs a B-PER before it");
        let allowed = [1u16, 1, 1];
        assert_eq!(viterbi(&emissions, &matrix, Some(&allowed)), [0, 0, 0]);
    }

    #[test]
    fn hints_come_from_other_occurrences_only() {
        let infos = features::describe(&["Kim", "met", "Kim", "Lee"]);
        let hints = document_hints(&infos, &[(0..1, EntityType::Person)]);
        assert_eq!(hints, [0, 0, 1, 0]);
    }
}
