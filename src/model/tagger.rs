//! Part-of-speech tagger: greedy left-to-right averaged perceptrons over
//! word, affix, shape, context and ambiguity-class features. A second pass
//! also sees the first pass's tags to the right.

use super::features::{self, TokenInfo};
use super::perceptron::{HashKeyed, Reader, Rng, Trainer, Weights, feature, mix};
use crate::document::{Document, Upos};
use crate::error::Result;
use rayon::prelude::*;
use std::ops::Range;

const ROW_BITS: u32 = 19;
const TAGS: usize = Upos::ALL.len();
const START: u64 = TAGS as u64;
const MAGIC: &[u8] = b"textkg-tagger-3\n";
const JACKKNIFE_FOLDS: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    /// Both passes' weights side by side (first pass's tags, then the
    /// second's), so one lookup serves both for the features they share.
    weights: Weights,
    /// Lower-cased word hash → bit set of the tags it had in training.
    ambiguity: HashKeyed<u32>,
}

mod template {
    pub const BIAS: u32 = 0;
    pub const WORD: u32 = 1;
    pub const LOWER: u32 = 2;
    pub const PREFIX: u32 = 3;
    pub const SUFFIX: u32 = 7;
    pub const SHAPE: u32 = 11;
    pub const SHORT_SHAPE: u32 = 12;
    pub const FLAG: u32 = 13;
    pub const AMBIGUITY: u32 = 14;
    pub const LOWER_AT: u32 = 20;
    pub const SUFFIX3_AT: u32 = 26;
    pub const SHAPE_AT: u32 = 32;
    pub const AMBIGUITY_AT: u32 = 38;
    pub const BIGRAM_LEFT: u32 = 44;
    pub const BIGRAM_RIGHT: u32 = 45;
    pub const AMBIGUITY_PAIR: u32 = 46;
    pub const LOWER_NEXT_AMBIGUITY: u32 = 47;
    pub const SENTENCE_START_SHAPE: u32 = 48;
    pub const PREV_TAG: u32 = 50;
    pub const PREV_TWO_TAGS: u32 = 51;
    pub const PREV_PREV_TAG: u32 = 52;
    pub const PREV_TAG_LOWER: u32 = 53;
    pub const PREV_TAG_AMBIGUITY: u32 = 54;
    pub const PREV_TAG_SUFFIX: u32 = 55;
    pub const PREV_TAG_NEXT_AMBIGUITY: u32 = 56;
    pub const NEXT_WORD: u32 = 57;
    pub const PREV_WORD: u32 = 58;
    pub const NEXT_SUFFIX2: u32 = 59;
    pub const LOWER_SHAPE: u32 = 60;
    pub const FIRST_PASS_TAG: u32 = 61;
    pub const FIRST_PASS_NEXT: u32 = 62;
    pub const FIRST_PASS_NEXT_TWO: u32 = 63;
    pub const PREV_AND_FIRST_PASS_NEXT: u32 = 64;
    pub const LOWER_AND_FIRST_PASS_NEXT: u32 = 65;
    pub const FIRST_PASS_TAG_LOWER: u32 = 66;
}

impl Tagger {
    fn ambiguity_of(&self, info: &TokenInfo) -> u64 {
        u64::from(self.ambiguity.get(&info.lower).copied().unwrap_or(0))
    }

    /// Tags the document's tokens, sentence by sentence.
    pub fn tag(&self, doc: &Document) -> Vec<Upos> {
        let words: Vec<&str> = doc.tokens.iter().map(|s| &doc.text[s.range()]).collect();
        let infos = features::describe(&words);
        let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        self.tag_with(&infos, &sentences)
    }

    /// Tags tokens already described, one sentence (token range) at a time.
    pub fn tag_with(&self, infos: &[TokenInfo], sentences: &[Range<usize>]) -> Vec<Upos> {
        let mut tags = vec![Upos::X; infos.len()];
        let mut scratch = Scratch::default();
        for sentence in sentences {
            self.tag_sentence(
                &infos[sentence.clone()],
                &mut scratch,
                &mut tags[sentence.clone()],
            );
        }
        tags
    }

    fn tag_sentence(&self, infos: &[TokenInfo], scratch: &mut Scratch, tags: &mut [Upos]) {
        scratch.ambiguity.clear();
        scratch
            .ambiguity
            .extend(infos.iter().map(|i| self.ambiguity_of(i)));
        let features = &mut scratch.features;
        let next = &mut scratch.next;
        let ambiguity = &scratch.ambiguity;
        let slots = &mut scratch.slots;
        let shared = &mut scratch.shared;
        let first = &mut scratch.first;
        let second = &mut scratch.second;
        // Each token's rows are asked for while the token before is summed.
        if !infos.is_empty() {
            features.clear();
            extract_static(infos, ambiguity, 0, features);
            self.weights.prefetch(features, slots);
        }
        shared.clear();
        shared.extend((0..infos.len()).map(|i| {
            next.clear();
            if i + 1 < infos.len() {
                features.clear();
                extract_static(infos, ambiguity, i + 1, features);
                self.weights.prefetch(features, next);
            }
            let mut scores = [0f32; 2 * TAGS];
            self.weights.add_rows(slots, &mut scores);
            std::mem::swap(slots, next);
            scores
        }));
        // Each pass reads only its own half of the dynamic features' rows.
        // The next token's rows are asked for with a guess at this token's
        // tag (the one its static features alone give in the first pass,
        // the first pass's in the second), and their slots kept when the
        // guess was right; a wrong guess costs a second look-up, never a
        // different score.
        first.clear();
        self.dynamic_pass(
            infos,
            ambiguity,
            shared,
            None,
            first,
            (&mut *features, &mut *slots, &mut *next),
        );
        second.clear();
        self.dynamic_pass(
            infos,
            ambiguity,
            shared,
            Some(first),
            second,
            (&mut *features, &mut *slots, &mut *next),
        );
        for (tag, &t) in tags.iter_mut().zip(second.iter()) {
            *tag = Upos::ALL[t];
        }
    }

    /// One greedy pass over the sentence's tokens: the first
    /// (`first_pass` none) or the second, which reads the first's tags.
    fn dynamic_pass(
        &self,
        infos: &[TokenInfo],
        ambiguity: &[u64],
        shared: &[[f32; 2 * TAGS]],
        first_pass: Option<&[usize]>,
        tags: &mut Vec<usize>,
        (features, slots, next): (&mut Vec<u64>, &mut Vec<u32>, &mut Vec<u32>),
    ) {
        let columns = match first_pass {
            None => 0..TAGS,
            Some(_) => TAGS..2 * TAGS,
        };
        let guess = |i: usize, shared_scores: &[f32; 2 * TAGS]| match first_pass {
            None => argmax(&shared_scores[..TAGS]),
            Some(first) => first[i],
        };
        // The tag assumed for the token before when `slots` were found.
        let mut assumed = None;
        for (i, shared_scores) in shared.iter().enumerate() {
            if i == 0 || assumed != Some(tags[i - 1]) {
                features.clear();
                extract_dynamic(infos, ambiguity, tags, first_pass, i, features);
                self.weights
                    .prefetch_columns(features, columns.clone(), slots);
            }
            assumed = None;
            if i + 1 < infos.len() {
                let guessed = guess(i, shared_scores);
                tags.push(guessed);
                features.clear();
                extract_dynamic(infos, ambiguity, tags, first_pass, i + 1, features);
                self.weights
                    .prefetch_columns(features, columns.clone(), next);
                tags.pop();
                assumed = Some(guessed);
            }
            let mut scores: [f32; TAGS] = shared_scores[columns.clone()].try_into().expect("TAGS");
            self.weights
                .add_row_columns(slots, columns.start, &mut scores);
            tags.push(argmax(&scores));
            std::mem::swap(slots, next);
        }
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        let mut entries: Vec<(u64, u32)> = self.ambiguity.iter().map(|(k, v)| (*k, *v)).collect();
        entries.sort_unstable();
        out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for (word, tags) in entries {
            out.extend_from_slice(&word.to_le_bytes());
            out.extend_from_slice(&tags.to_le_bytes());
        }
        self.weights.write(out);
    }

    pub fn read(reader: &mut Reader<'_>) -> Result<Self> {
        reader.expect_magic(MAGIC)?;
        let count = reader.u64()? as usize;
        if count > reader.bytes.len() / 12 {
            return Err(reader.error("truncated tag dictionary"));
        }
        let mut ambiguity = HashKeyed::with_capacity_and_hasher(count, Default::default());
        for _ in 0..count {
            let word = reader.u64()?;
            ambiguity.insert(word, reader.u32()?);
        }
        let weights = Weights::read(reader)?;
        if weights.classes() != 2 * TAGS {
            return Err(reader.error("tagger has the wrong number of tags"));
        }
        Ok(Tagger { weights, ambiguity })
    }
}

#[derive(Default)]
struct Scratch {
    features: Vec<u64>,
    slots: Vec<u32>,
    next: Vec<u32>,
    shared: Vec<[f32; 2 * TAGS]>,
    first: Vec<usize>,
    second: Vec<usize>,
    ambiguity: Vec<u64>,
}

fn greedy(
    weights: &Weights,
    infos: &[TokenInfo],
    ambiguity: &[u64],
    first_pass: Option<&[usize]>,
    features: &mut Vec<u64>,
) -> Vec<usize> {
    let mut tags: Vec<usize> = Vec::with_capacity(infos.len());
    for i in 0..infos.len() {
        features.clear();
        extract(infos, ambiguity, &tags, first_pass, i, features);
        let mut scores = [0f32; TAGS];
        weights.add_scores(features, &mut scores);
        tags.push(argmax(&scores));
    }
    tags
}

pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// Features of token `i` given the tags already chosen to its left (and in
/// the second pass, the first pass's tags).
fn extract(
    infos: &[TokenInfo],
    ambiguity: &[u64],
    tags: &[usize],
    first_pass: Option<&[usize]>,
    i: usize,
    out: &mut Vec<u64>,
) {
    extract_static(infos, ambiguity, i, out);
    extract_dynamic(infos, ambiguity, tags, first_pass, i, out);
}

const NONE: u64 = 0x5EED;

/// The features that do not depend on any tag: the same in both passes.
fn extract_static(infos: &[TokenInfo], ambiguity: &[u64], i: usize, out: &mut Vec<u64>) {
    use template::*;
    let t = &infos[i];
    out.push(feature(BIAS, 0));
    out.push(feature(WORD, t.word));
    out.push(feature(LOWER, t.lower));
    for (n, p) in t.prefixes.iter().enumerate() {
        out.push(feature(PREFIX + n as u32, *p));
    }
    for (n, s) in t.suffixes.iter().enumerate() {
        out.push(feature(SUFFIX + n as u32, *s));
    }
    out.push(feature(SHAPE, t.shape));
    out.push(feature(SHORT_SHAPE, t.short_shape));
    for bit in 0..features::flag::COUNT {
        if t.flags & (1 << bit) != 0 {
            out.push(feature(FLAG, u64::from(bit)));
        }
    }
    let amb = ambiguity[i];
    out.push(feature(AMBIGUITY, amb));
    let at = |offset: isize| -> Option<usize> {
        let j = i as isize + offset;
        (j >= 0 && (j as usize) < infos.len()).then_some(j as usize)
    };
    for (k, offset) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        let k = k as u32;
        match at(offset) {
            Some(j) => {
                out.push(feature(LOWER_AT + k, infos[j].lower));
                out.push(feature(SUFFIX3_AT + k, infos[j].suffixes[2]));
                out.push(feature(SHAPE_AT + k, infos[j].short_shape));
                out.push(feature(AMBIGUITY_AT + k, ambiguity[j]));
            }
            None => out.push(feature(LOWER_AT + k, NONE)),
        }
    }
    let prev_lower = at(-1).map_or(NONE, |j| infos[j].lower);
    let next_lower = at(1).map_or(NONE, |j| infos[j].lower);
    let next_amb = at(1).map_or(NONE, |j| ambiguity[j]);
    out.push(feature(BIGRAM_LEFT, mix(prev_lower, t.lower)));
    out.push(feature(BIGRAM_RIGHT, mix(t.lower, next_lower)));
    out.push(feature(AMBIGUITY_PAIR, mix(amb, next_amb)));
    out.push(feature(LOWER_NEXT_AMBIGUITY, mix(t.lower, next_amb)));
    if i == 0 {
        out.push(feature(SENTENCE_START_SHAPE, t.short_shape));
    }
    out.push(feature(NEXT_WORD, at(1).map_or(NONE, |j| infos[j].word)));
    out.push(feature(PREV_WORD, at(-1).map_or(NONE, |j| infos[j].word)));
    out.push(feature(
        NEXT_SUFFIX2,
        at(1).map_or(NONE, |j| infos[j].suffixes[1]),
    ));
    out.push(feature(LOWER_SHAPE, mix(t.lower, t.short_shape)));
}

/// The features that read the tags chosen so far or the first pass's.
fn extract_dynamic(
    infos: &[TokenInfo],
    ambiguity: &[u64],
    tags: &[usize],
    first_pass: Option<&[usize]>,
    i: usize,
    out: &mut Vec<u64>,
) {
    use template::*;
    let t = &infos[i];
    let amb = ambiguity[i];
    let next_amb = ambiguity.get(i + 1).copied().unwrap_or(NONE);
    let prev = if i >= 1 { tags[i - 1] as u64 } else { START };
    let prev2 = if i >= 2 { tags[i - 2] as u64 } else { START };
    out.push(feature(PREV_TAG, prev));
    out.push(feature(PREV_PREV_TAG, prev2));
    out.push(feature(PREV_TWO_TAGS, mix(prev, prev2)));
    out.push(feature(PREV_TAG_LOWER, mix(prev, t.lower)));
    out.push(feature(PREV_TAG_AMBIGUITY, mix(prev, amb)));
    out.push(feature(PREV_TAG_SUFFIX, mix(prev, t.suffixes[2])));
    out.push(feature(PREV_TAG_NEXT_AMBIGUITY, mix(prev, next_amb)));
    if let Some(first) = first_pass {
        let next = first.get(i + 1).map_or(START, |t| *t as u64);
        let next_two = first.get(i + 2).map_or(START, |t| *t as u64);
        let own = first[i] as u64;
        out.push(feature(FIRST_PASS_TAG, own));
        out.push(feature(FIRST_PASS_NEXT, next));
        out.push(feature(FIRST_PASS_NEXT_TWO, mix(next, next_two)));
        out.push(feature(PREV_AND_FIRST_PASS_NEXT, mix(prev, next)));
        out.push(feature(LOWER_AND_FIRST_PASS_NEXT, mix(t.lower, next)));
        out.push(feature(FIRST_PASS_TAG_LOWER, mix(own, t.lower)));
    }
}

/// One gold-tagged sentence for training.
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub tags: Vec<Upos>,
}

/// Trains a tagger; the same sentences, epochs and seed give the same model.
pub fn train(sentences: &[TaggedSentence], epochs: usize, seed: u64) -> Tagger {
    let described: Vec<Vec<TokenInfo>> = sentences
        .iter()
        .map(|s| features::describe(&s.words))
        .collect();
    let mut counts: HashKeyed<[u32; TAGS]> = HashKeyed::default();
    for (sentence, infos) in sentences.iter().zip(&described) {
        for (tag, info) in sentence.tags.iter().zip(infos) {
            counts.entry(info.lower).or_insert([0; TAGS])[*tag as usize] += 1;
        }
    }
    let mut ambiguity = HashKeyed::default();
    for (word, tag_counts) in &counts {
        let total: u32 = tag_counts.iter().sum();
        if total < 2 {
            continue;
        }
        let mut mask = 0u32;
        for (tag, count) in tag_counts.iter().enumerate() {
            if *count * 20 >= total {
                mask |= 1 << tag;
            }
        }
        ambiguity.insert(*word, mask);
    }
    let mut tagger = Tagger {
        weights: Weights::new(0, TAGS),
        ambiguity,
    };
    let ambiguity: Vec<Vec<u64>> = described
        .iter()
        .map(|infos| infos.iter().map(|i| tagger.ambiguity_of(i)).collect())
        .collect();
    let data = PassData {
        described: &described,
        ambiguity: &ambiguity,
        sentences,
    };
    // First-pass tags for the second pass's training come from models that
    // did not see the sentence, so they are as wrong as they will be on new text.
    let folds: Vec<Vec<usize>> = (0..JACKKNIFE_FOLDS)
        .map(|k| {
            (0..sentences.len())
                .filter(|i| i % JACKKNIFE_FOLDS != k)
                .collect()
        })
        .collect();
    let all: Vec<usize> = (0..sentences.len()).collect();
    let mut jobs: Vec<&[usize]> = folds.iter().map(Vec::as_slice).collect();
    jobs.push(&all);
    let mut models: Vec<Weights> = jobs
        .par_iter()
        .enumerate()
        .map(|(k, indices)| train_pass(&data, None, indices, epochs, seed ^ k as u64))
        .collect();
    let first = models.pop().expect("the full model");
    let mut first_pass = vec![Vec::new(); sentences.len()];
    let mut features = Vec::new();
    for (index, slot) in first_pass.iter_mut().enumerate() {
        let model = &models[index % JACKKNIFE_FOLDS];
        *slot = greedy(
            model,
            &described[index],
            &ambiguity[index],
            None,
            &mut features,
        );
    }
    let second = train_pass(&data, Some(&first_pass), &all, epochs, seed ^ 0xF1);
    tagger.weights = Weights::stack(&first, &second);
    tagger
}

struct PassData<'a> {
    described: &'a [Vec<TokenInfo>],
    ambiguity: &'a [Vec<u64>],
    sentences: &'a [TaggedSentence],
}

fn train_pass(
    data: &PassData<'_>,
    first_pass: Option<&[Vec<usize>]>,
    indices: &[usize],
    epochs: usize,
    seed: u64,
) -> Weights {
    let mut trainer = Trainer::new(ROW_BITS, TAGS);
    let mut order = indices.to_vec();
    let mut rng = Rng(seed);
    let mut features = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &index in &order {
            let infos = &data.described[index];
            let gold = &data.sentences[index].tags;
            let lookahead = first_pass.map(|f| f[index].as_slice());
            let mut tags = Vec::with_capacity(infos.len());
            for (i, gold_tag) in gold.iter().enumerate() {
                features.clear();
                extract(
                    infos,
                    &data.ambiguity[index],
                    &tags,
                    lookahead,
                    i,
                    &mut features,
                );
                let mut scores = [0f32; TAGS];
                trainer.weights().add_scores(&features, &mut scores);
                let guess = argmax(&scores);
                let truth = *gold_tag as usize;
                if guess != truth {
                    trainer.update(&features, truth, 1.0);
                    trainer.update(&features, guess, -1.0);
                }
                trainer.tick();
                tags.push(guess);
            }
        }
    }
    trainer.average()
}
