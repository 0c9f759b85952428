//! The `sw` part of a pair's sums, from sums kept per shared sentences.
//!
//! A pair's `sw` features are the words of its shared sentences less those
//! whose every token lies inside its two entities' mentions. The pairs of
//! one sentence share the sentence's words, so its rows are summed once;
//! each entity's words found only inside its own mentions are summed once
//! per entity and taken out. Integer sums, so the result is the sum of the
//! pair's own rows exactly.

use super::TypedModel;
use super::features::{Candidate, DocFeatures, SharedSentences};
use crate::collections::HashMap;

/// Per feature (sorted), its number of tokens.
type Counts = Vec<(u64, u32)>;

struct SentencesPart {
    counts: Counts,
    sums: Vec<i32>,
}

struct EntityPart {
    inside: Counts,
    /// The rows of the words that only this entity's mentions hold.
    removed: Vec<i32>,
}

pub(super) struct SharedWordSums {
    width: usize,
    sentences: HashMap<SharedSentences, SentencesPart>,
    entities: HashMap<(usize, SharedSentences), EntityPart>,
}

impl SharedWordSums {
    /// Sums as wide as the widest row any pair reads.
    pub(super) fn new(width: usize) -> SharedWordSums {
        SharedWordSums {
            width,
            sentences: HashMap::default(),
            entities: HashMap::default(),
        }
    }

    /// Adds the rows of the pair's `sw` features to `sums`.
    pub(super) fn add(
        &mut self,
        model: &TypedModel,
        features: &DocFeatures,
        pair: &Candidate,
        sums: &mut [i32],
    ) {
        let Some(shared) = pair.shared_words else {
            return;
        };
        let width = self.width;
        let sentence_part = self.sentences.entry(shared).or_insert_with(|| {
            let counts = features.sentence_words(shared);
            let mut sums = vec![0; width];
            model.accumulate(&mut sums, counts.iter().map(|&(f, _)| f));
            SentencesPart { counts, sums }
        });
        for entity in [pair.head, pair.tail] {
            self.entities.entry((entity, shared)).or_insert_with(|| {
                let inside = features.words_inside(entity, shared);
                let only_inside = inside
                    .iter()
                    .filter(|&&(f, n)| count(&sentence_part.counts, f) == n)
                    .map(|&(f, _)| f);
                let mut removed = vec![0; width];
                model.accumulate(&mut removed, only_inside);
                EntityPart { inside, removed }
            });
        }
        let head = &self.entities[&(pair.head, shared)];
        let tail = &self.entities[&(pair.tail, shared)];
        if share_a_word(&head.inside, &tail.inside) {
            // A word inside both entities' mentions may be inside neither
            // alone everywhere it occurs: the pair's words are read anew.
            model.accumulate(
                sums,
                features
                    .pair_words(pair.head, pair.tail, shared)
                    .into_iter(),
            );
            return;
        }
        let parts = sentence_part
            .sums
            .iter()
            .zip(&head.removed)
            .zip(&tail.removed);
        for (s, ((&all, &h), &t)) in sums.iter_mut().zip(parts) {
            *s += all - h - t;
        }
    }
}

fn count(counts: &Counts, feature: u64) -> u32 {
    counts
        .binary_search_by_key(&feature, |&(f, _)| f)
        .map_or(0, |k| counts[k].1)
}

fn share_a_word(a: &Counts, b: &Counts) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}
