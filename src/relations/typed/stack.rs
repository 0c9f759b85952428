//! Second stage: a pair's own features plus what the first stage believes
//! about the pair, its reverse, and two-step paths through third entities.
//! This is where "located in X, X in country Y ⇒ country Y" and inverse
//! properties ("part of" / "has part") are learned.

use super::features::{Pair, mix};
use std::collections::BTreeMap;

/// Stage-1 probabilities of at least [`FLOOR`], per (head, tail).
pub type PairProbs = BTreeMap<(usize, usize), Vec<(u16, f32)>>;

const FLOOR: f32 = 0.05;
const PATH_FLOOR: f32 = 0.2;

fn bucket(p: f32) -> u64 {
    match p {
        p if p < 0.15 => 1,
        p if p < 0.3 => 2,
        p if p < 0.5 => 3,
        p if p < 0.7 => 4,
        p if p < 0.9 => 5,
        _ => 6,
    }
}

pub fn collect(pairs: &[Pair], scores: impl Iterator<Item = (usize, u16, f32)>) -> PairProbs {
    let mut probs = PairProbs::new();
    for (i, property, score) in scores {
        let p = 1.0 / (1.0 + (-score).exp());
        if p >= FLOOR {
            let pair = &pairs[i];
            probs.entry((pair.head, pair.tail)).or_default().push((property, p));
        }
    }
    probs
}

fn feature(tag: u64, a: u16, b: u16, p: f32) -> u64 {
    mix(mix(tag, u64::from(a) << 16 | u64::from(b)), bucket(p))
}

/// Pairs with the stacked features added.
pub fn augment(pairs: &[Pair], probs: &PairProbs) -> Vec<Pair> {
    let mut outgoing: BTreeMap<usize, Vec<(usize, u16, f32)>> = BTreeMap::new();
    let mut incoming: BTreeMap<usize, Vec<(usize, u16, f32)>> = BTreeMap::new();
    for (&(h, t), list) in probs {
        for &(q, p) in list.iter().filter(|(_, p)| *p >= PATH_FLOOR) {
            outgoing.entry(h).or_default().push((t, q, p));
            incoming.entry(t).or_default().push((h, q, p));
        }
    }
    let strong = |a: usize, b: usize| {
        probs
            .get(&(a, b))
            .into_iter()
            .flatten()
            .filter(|(_, p)| *p >= PATH_FLOOR)
    };
    pairs
        .iter()
        .map(|pair| {
            let (h, t) = (pair.head, pair.tail);
            let mut extra = Vec::new();
            for &(q, p) in probs.get(&(h, t)).into_iter().flatten() {
                extra.push(feature(1, q, 0, p));
            }
            for &(q, p) in probs.get(&(t, h)).into_iter().flatten() {
                extra.push(feature(2, q, 0, p));
            }
            for &(z, q1, p1) in outgoing.get(&h).into_iter().flatten() {
                if z == t {
                    continue;
                }
                // h → z → t
                for &(q2, p2) in strong(z, t) {
                    extra.push(feature(3, q1, q2, p1.min(p2)));
                }
                // h → z ← t
                for &(q2, p2) in strong(t, z) {
                    extra.push(feature(4, q1, q2, p1.min(p2)));
                }
            }
            // h ← z → t
            for &(z, q1, p1) in incoming.get(&h).into_iter().flatten() {
                if z == t {
                    continue;
                }
                for &(q2, p2) in strong(z, t) {
                    extra.push(feature(5, q1, q2, p1.min(p2)));
                }
            }
            let mut features = pair.features.clone();
            features.extend(extra);
            features.sort_unstable();
            features.dedup();
            Pair {
                features,
                ..pair.clone()
            }
        })
        .collect()
}
