//! The mentions of two entities nearest each other.

use super::{Ent, M};

/// The mentions of `ent` in sentence `s`: mentions are sorted by start, and
/// a sentence's mentions are contiguous.
pub(super) fn mentions_in(ent: &Ent, s: usize) -> &[M] {
    let from = ent.mentions.partition_point(|m| m.sentence < s);
    let to = ent.mentions.partition_point(|m| m.sentence <= s);
    &ent.mentions[from..to]
}

/// Pairs of mentions compared exactly by [`closest`] before it narrows the
/// search (entities named this often are rare outside lists).
const EXACT_CLOSEST: usize = 1 << 14;

/// The closest pair of mentions: fewest sentences apart, then fewest
/// tokens, then first. In one sentence, or in the whole text.
pub(super) fn closest(he: &Ent, te: &Ent, sentence: Option<usize>) -> Option<(M, M)> {
    let (heads, tails) = match sentence {
        Some(s) => (mentions_in(he, s), mentions_in(te, s)),
        None => (he.mentions.as_slice(), te.mentions.as_slice()),
    };
    type Key = (usize, usize, usize, usize);
    let mut best: Option<(Key, M, M)> = None;
    let mut consider = |a: M, b: M| {
        let gap = if a.end <= b.start {
            b.start - a.end
        } else {
            a.start.saturating_sub(b.end)
        };
        let key = (a.sentence.abs_diff(b.sentence), gap, a.start, b.start);
        if best.as_ref().is_none_or(|(k, _, _)| key < *k) {
            best = Some((key, a, b));
        }
    };
    if heads.len().saturating_mul(tails.len()) <= EXACT_CLOSEST {
        for &a in heads {
            for &b in tails {
                consider(a, b);
            }
        }
    } else {
        // Only the tails' mentions around each head mention's position.
        for &a in heads {
            let at = tails.partition_point(|b| b.start < a.start);
            for &b in &tails[at.saturating_sub(8)..(at + 2).min(tails.len())] {
                consider(a, b);
            }
        }
    }
    best.map(|(_, a, b)| (a, b))
}
