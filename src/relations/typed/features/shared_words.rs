//! The `sw` features of a pair: the distinct stems of the words of its
//! first shared sentences that lie outside both entities' mentions. They
//! are about a third of a pair's features, and the pairs of one sentence
//! share most of them, so a scorer may sum a sentence's words once and take
//! out, per entity, the words that only its mentions hold
//! ([`DocFeatures::sentence_words`], [`DocFeatures::words_inside`]).

use super::closest::mentions_in;
use super::{Ctx, DocFeatures, Ent, Sink, mix, name};

/// A pair's first shared sentences, at most this many, give its `sw` features.
const SENTENCES: usize = 3;

const TEMPLATE: u64 = name("sw");

/// The shared sentences whose words are a pair's `sw` features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SharedSentences {
    ids: [usize; SENTENCES],
    len: usize,
}

impl SharedSentences {
    /// The first of `shared` (sorted sentence numbers), or `None` when
    /// the pair shares no sentence.
    pub(super) fn of(shared: &[usize]) -> Option<SharedSentences> {
        if shared.is_empty() {
            return None;
        }
        let len = shared.len().min(SENTENCES);
        let mut ids = [0; SENTENCES];
        ids[..len].copy_from_slice(&shared[..len]);
        Some(SharedSentences { ids, len })
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.ids[..self.len].iter().copied()
    }
}

/// Calls `visit` with each word token (punctuation left out) of the
/// sentences, and whether it lies inside a mention of one of `ents`.
fn visit_words(
    ctx: &Ctx,
    sentences: SharedSentences,
    ents: &[&Ent],
    mut visit: impl FnMut(usize, bool),
) {
    for s in sentences.iter() {
        let Some(range) = ctx.sentences.get(s) else {
            continue;
        };
        let mut inside = vec![false; range.len()];
        for m in ents.iter().flat_map(|e| mentions_in(e, s)) {
            let (from, to) = (m.start.max(range.start), m.end.min(range.end));
            for flag in inside
                .iter_mut()
                .take(to.saturating_sub(range.start))
                .skip(from.saturating_sub(range.start))
            {
                *flag = true;
            }
        }
        for (i, &inside) in range.clone().zip(&inside) {
            if !ctx.punct[i] {
                visit(i, inside);
            }
        }
    }
}

/// Adds the pair's `sw` features: the words outside both entities' mentions.
pub(super) fn add(ctx: &Ctx, (he, te): (&Ent, &Ent), sentences: SharedSentences, sink: &mut Sink) {
    visit_words(ctx, sentences, &[he, te], |i, inside| {
        if !inside {
            sink.add(TEMPLATE, &[ctx.stem_hash[i]]);
        }
    });
}

/// Each distinct `sw` feature with the number of tokens giving it, sorted.
fn counted(mut features: Vec<u64>) -> Vec<(u64, u32)> {
    features.sort_unstable();
    let mut counts: Vec<(u64, u32)> = Vec::new();
    for f in features {
        match counts.last_mut() {
            Some((last, n)) if *last == f => *n += 1,
            _ => counts.push((f, 1)),
        }
    }
    counts
}

impl DocFeatures {
    /// Every word of the sentences as an `sw` feature, with its count of
    /// tokens: a pair's `sw` features are these less the words whose every
    /// token lies inside its entities' mentions.
    pub fn sentence_words(&self, sentences: SharedSentences) -> Vec<(u64, u32)> {
        let ctx = &self.ctx;
        let tokens = sentences
            .iter()
            .filter_map(|s| ctx.sentences.get(s))
            .flat_map(Clone::clone);
        counted(
            tokens
                .filter(|&i| !ctx.punct[i])
                .map(|i| mix(TEMPLATE, ctx.stem_hash[i]))
                .collect(),
        )
    }

    /// The words of the sentences inside `entity`'s mentions, as `sw`
    /// features with their counts of tokens (a token inside two of its
    /// mentions counted once).
    pub fn words_inside(&self, entity: usize, sentences: SharedSentences) -> Vec<(u64, u32)> {
        let ctx = &self.ctx;
        let Some(ent) = &ctx.ents[entity] else {
            return Vec::new();
        };
        let mut features = Vec::new();
        for s in sentences.iter() {
            let Some(range) = ctx.sentences.get(s) else {
                continue;
            };
            // Mentions are sorted by start: past `done`, no token is counted twice.
            let mut done = range.start;
            for m in mentions_in(ent, s) {
                let (from, to) = (m.start.max(done), m.end.min(range.end));
                for i in from..to {
                    if !ctx.punct[i] {
                        features.push(mix(TEMPLATE, ctx.stem_hash[i]));
                    }
                }
                done = done.max(to);
            }
        }
        counted(features)
    }

    /// The pair's `sw` features, distinct and sorted, as a [`Candidate`]
    /// built with them would hold them.
    ///
    /// [`Candidate`]: super::Candidate
    pub fn pair_words(&self, head: usize, tail: usize, sentences: SharedSentences) -> Vec<u64> {
        let ctx = &self.ctx;
        let (Some(he), Some(te)) = (&ctx.ents[head], &ctx.ents[tail]) else {
            return Vec::new();
        };
        let mut sink = Sink { out: Vec::new() };
        add(ctx, (he, te), sentences, &mut sink);
        sink.out.sort_unstable();
        sink.out.dedup();
        sink.out
    }
}
