//! Which entity pairs of a long or dense text are scored: each entity's
//! nearest partners, within a budget that grows with the text.

use super::{Ctx, Ent};

/// At prediction, an entity heads at most this many candidate pairs: those
/// with its nearest partners (by sentence gap, then entity order). A news
/// text's entity has fewer partners within the sentence gap (at most 105
/// in the GUM texts); one naming thousands of entities in a few sentences
/// would otherwise give pairs with the square of their number.
pub const MAX_PARTNERS: usize = 128;

/// The candidate pairs a document may have, at least: every GUM text has
/// fewer, whatever its length.
pub const MIN_PAIR_BUDGET: usize = 8192;

/// The candidate pairs a document may have per token beyond
/// [`MIN_PAIR_BUDGET`]: GUM texts longer than that have under 2.3 pairs
/// per token. A text over budget has each entity's partners cut to the
/// same number, the most that keeps it in budget, so entities with few
/// partners keep them all.
pub const PAIRS_PER_TOKEN: usize = 3;

/// Finds an entity's partners within a sentence gap from the entities of
/// nearby sentences, nearest first, rather than by trying every entity.
pub(super) struct Partners {
    /// Per entity, the smallest gap found so far for the current head.
    gap: Vec<usize>,
    touched: Vec<usize>,
}

impl Partners {
    pub(super) fn new(entities: usize) -> Partners {
        Partners {
            gap: vec![usize::MAX; entities],
            touched: Vec::new(),
        }
    }

    /// The partners of each head, nearest first: when the document's pairs
    /// exceed its budget, the most partners a head may keep.
    pub(super) fn limit(&mut self, ctx: &Ctx, max_gap: usize) -> usize {
        let counts: Vec<usize> = ctx
            .ents
            .iter()
            .enumerate()
            .filter_map(|(h, he)| he.as_ref().map(|he| (h, he)))
            .map(|(h, he)| {
                let found = self.gather(ctx, h, he, max_gap, MAX_PARTNERS).len();
                found.min(MAX_PARTNERS)
            })
            .collect();
        let budget = MIN_PAIR_BUDGET.max(PAIRS_PER_TOKEN * ctx.word_hash.len());
        let pairs = |cap: usize| counts.iter().map(|&n| n.min(cap)).sum::<usize>();
        if pairs(MAX_PARTNERS) <= budget {
            return MAX_PARTNERS;
        }
        let (mut low, mut high) = (1, MAX_PARTNERS);
        while low < high {
            let mid = (low + high).div_ceil(2);
            if pairs(mid) <= budget {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        low
    }

    /// The head's partners within `max_gap` sentences, by increasing gap,
    /// stopping after the first gap that brings `limit` or more: (gap,
    /// entity) pairs, unsorted.
    fn gather(
        &mut self,
        ctx: &Ctx,
        h: usize,
        he: &Ent,
        max_gap: usize,
        limit: usize,
    ) -> Vec<(usize, usize)> {
        let last_sentence = ctx.by_sentence.len().saturating_sub(1);
        for gap in 0..=max_gap.min(last_sentence) {
            for &s in &he.sentences {
                let below = s.checked_sub(gap);
                let above = Some(s + gap).filter(|&a| a <= last_sentence && gap > 0);
                for other in below.into_iter().chain(above) {
                    for &t in &ctx.by_sentence[other] {
                        if t != h && self.gap[t] == usize::MAX {
                            self.gap[t] = gap;
                            self.touched.push(t);
                        }
                    }
                }
            }
            if self.touched.len() >= limit {
                break;
            }
        }
        let found = self.touched.iter().map(|&t| (self.gap[t], t)).collect();
        for &t in &self.touched {
            self.gap[t] = usize::MAX;
        }
        self.touched.clear();
        found
    }

    /// The `limit` nearest partners of the head within `max_gap`
    /// sentences (by gap, then entity order), in entity order.
    pub(super) fn nearest(
        &mut self,
        ctx: &Ctx,
        h: usize,
        he: &Ent,
        max_gap: usize,
        limit: usize,
    ) -> Vec<usize> {
        let mut found = self.gather(ctx, h, he, max_gap, limit);
        if found.len() > limit {
            found.select_nth_unstable(limit - 1);
            found.truncate(limit);
        }
        let mut tails: Vec<usize> = found.into_iter().map(|(_, t)| t).collect();
        tails.sort_unstable();
        tails
    }
}
