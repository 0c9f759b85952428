//! The parser's features: words, tags and word clusters at the stack's and
//! buffer's first places and their dependents, in the manner of Zhang and
//! Nivre (2011), with the vectors' clusters where they used words.

use super::{NONE, State};
use crate::document::Upos;
use crate::model::clusters::WordClusters;
use crate::model::features::TokenInfo;
use crate::model::perceptron::{feature, mix};

/// What the features read of one word, hashed once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Token {
    pub lower: u64,
    pub tag: u64,
    pub cluster: u64,
    pub coarse: u64,
    pub fine: u64,
    pub suffix: u64,
}

const ABSENT: Token = Token {
    lower: 0x5eed_0001,
    tag: 0x5eed_0002,
    cluster: 0x5eed_0003,
    coarse: 0x5eed_0004,
    fine: 0x5eed_0005,
    suffix: 0x5eed_0006,
};

const ROOT: Token = Token {
    lower: 0x7007_0001,
    tag: 0x7007_0002,
    cluster: 0x7007_0003,
    coarse: 0x7007_0004,
    fine: 0x7007_0005,
    suffix: 0x7007_0006,
};

#[derive(Default)]
pub(crate) struct Scratch {
    pub features: Vec<u64>,
    pub scores: Vec<f32>,
    /// The transition scores of each word at each place, once computed:
    /// `word * PLACES + place`, the root and the absent word last.
    pub place_scores: Vec<Option<[f32; 3]>>,
    pub place_features: Vec<u64>,
}

/// Describes a sentence's words for the parser. A word the vectors do not
/// know falls back on its shape for its clusters.
pub(crate) fn tokens(
    words: &[&str],
    infos: &[TokenInfo],
    tags: &[Upos],
    clusters: &WordClusters,
) -> Vec<Token> {
    words
        .iter()
        .zip(infos)
        .zip(tags)
        .map(|((word, info), tag)| {
            let tag = 1 + *tag as u64;
            match clusters.get(word) {
                Some(c) => Token {
                    lower: info.lower,
                    tag,
                    cluster: u64::from(c.row) + 1,
                    coarse: u64::from(c.coarse[0]) + 1,
                    fine: u64::from(c.coarse[1]) + 1,
                    suffix: info.suffixes[1],
                },
                None => Token {
                    lower: info.lower,
                    tag,
                    cluster: mix(1, info.short_shape),
                    coarse: mix(2, info.short_shape),
                    fine: mix(3, info.short_shape),
                    suffix: info.suffixes[1],
                },
            }
        })
        .collect()
}

fn at(tokens: &[Token], state: &State, index: usize) -> Token {
    if index == NONE {
        ABSENT
    } else if index == state.n {
        ROOT
    } else {
        tokens[index]
    }
}

fn label_at(state: &State, index: usize) -> u64 {
    if index == NONE || index >= state.n {
        0
    } else {
        1 + u64::from(state.labels[index])
    }
}

fn label_set(sets: &[u64], index: usize) -> u64 {
    if index == NONE { u64::MAX } else { sets[index] }
}

fn child(children: &[[usize; 2]], index: usize, k: usize) -> usize {
    if index == NONE {
        NONE
    } else {
        children[index][k]
    }
}

fn count(counts: &[u8], index: usize) -> u64 {
    if index == NONE {
        99
    } else {
        u64::from(counts[index].min(4))
    }
}

fn distance(a: usize, b: usize) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// Pushes `feature(template, value)` with templates numbered in order.
struct Emit<'a> {
    out: &'a mut Vec<u64>,
    template: u32,
}

impl Emit<'_> {
    fn one(&mut self, value: u64) {
        self.out.push(feature(self.template, value));
        self.template += 1;
    }
    fn two(&mut self, a: u64, b: u64) {
        self.one(mix(a, b));
    }
    fn three(&mut self, a: u64, b: u64, c: u64) {
        self.one(mix(mix(a, b), c));
    }
}

/// The six places whose words the transition features read alone: the
/// stack's top three, the buffer's first three.
pub(crate) const PLACES: usize = 6;
const PLACE_TEMPLATES: [u32; PLACES] = [1001, 1008, 1015, 1022, 1025, 1028];
const STATE_TEMPLATES: u32 = 1031;

/// The words at the places, in the order of [`PLACE_TEMPLATES`]: s0, b0,
/// s1, b1, b2, s2 (`NONE` where there is none, `state.n` for the root).
pub(crate) fn places(state: &State) -> [usize; PLACES] {
    let b0 = state.next;
    let b1 = if b0 < state.n { b0 + 1 } else { NONE };
    let b2 = if b0 + 2 <= state.n { b0 + 2 } else { NONE };
    [state.top(0), b0, state.top(1), b1, b2, state.top(2)]
}

/// The features of one word at one place: they depend on the word alone,
/// so a parse can score them once per word and place instead of per move.
pub(crate) fn place_features(word: Token, place: usize, out: &mut Vec<u64>) {
    let mut e = Emit {
        out,
        template: PLACE_TEMPLATES[place],
    };
    if place < 3 {
        // The stack's top two and the buffer's first: words, clusters, suffixes.
        e.one(word.lower);
        e.one(word.tag);
        e.two(word.lower, word.tag);
        e.one(word.cluster);
        e.one(word.fine);
        e.two(word.fine, word.tag);
        e.one(word.suffix);
    } else {
        e.one(word.tag);
        e.two(word.lower, word.tag);
        e.one(word.fine);
    }
}

/// The feature every state has.
pub(crate) fn bias() -> u64 {
    feature(1000, 1)
}

/// The word at a state index: `NONE` and the root's index give stand-ins.
pub(crate) fn word_at(tokens: &[Token], state: &State, index: usize) -> Token {
    at(tokens, state, index)
}

/// Every transition feature of a state: those of the words at the places,
/// then those of the state ([`state_features`]).
pub(crate) fn transition_features(tokens: &[Token], state: &State, out: &mut Vec<u64>) {
    out.push(bias());
    for (place, index) in places(state).into_iter().enumerate() {
        place_features(at(tokens, state, index), place, out);
    }
    state_features(tokens, state, out);
}

/// The transition features that read more than one word at one place.
pub(crate) fn state_features(tokens: &[Token], state: &State, out: &mut Vec<u64>) {
    let [i0, b0i, i1, b1i, b2i, i2] = places(state);
    let s0 = at(tokens, state, i0);
    let s1 = at(tokens, state, i1);
    let s2 = at(tokens, state, i2);
    let b0 = at(tokens, state, b0i);
    let b1 = at(tokens, state, b1i);
    let b2 = at(tokens, state, b2i);
    let s0l = child(&state.left, i0, 0);
    let s0l2 = child(&state.left, i0, 1);
    let s0r = child(&state.right, i0, 0);
    let s0r2 = child(&state.right, i0, 1);
    let s1l = child(&state.left, i1, 0);
    let s1r = child(&state.right, i1, 0);
    let b0l = child(&state.left, b0i, 0);
    let b0l2 = child(&state.left, b0i, 1);
    let t = |i: usize| at(tokens, state, i).tag;
    let d = distance(i0, b0i);
    let d01 = distance(i1, i0);
    let mut e = Emit {
        out,
        template: STATE_TEMPLATES,
    };
    // Pairs of the stack's top, the word under it and the buffer's first.
    e.three(s0.lower, s0.tag, mix(b0.lower, b0.tag));
    e.three(s0.lower, s0.tag, b0.lower);
    e.three(s0.lower, b0.lower, b0.tag);
    e.three(s0.lower, s0.tag, b0.tag);
    e.three(s0.tag, b0.lower, b0.tag);
    e.two(s0.lower, b0.lower);
    e.two(s0.tag, b0.tag);
    e.two(b0.tag, b1.tag);
    e.two(s0.cluster, b0.cluster);
    e.two(s0.fine, b0.fine);
    e.two(s0.coarse, b0.coarse);
    e.two(s0.tag, b0.fine);
    e.two(s0.fine, b0.tag);
    e.two(s1.tag, s0.tag);
    e.two(s1.fine, s0.fine);
    e.two(s1.lower, s0.lower);
    e.three(s1.lower, s1.tag, s0.tag);
    e.three(s1.tag, s0.lower, s0.tag);
    e.two(s1.tag, b0.tag);
    e.two(s1.lower, b0.lower);
    e.two(s1.fine, b0.fine);
    // Triples of tags.
    e.three(b0.tag, b1.tag, b2.tag);
    e.three(s0.tag, b0.tag, b1.tag);
    e.three(s1.tag, s0.tag, b0.tag);
    e.three(s2.tag, s1.tag, s0.tag);
    e.three(s1.tag, s0.tag, b1.tag);
    e.three(s0.tag, t(s0l), b0.tag);
    e.three(s0.tag, t(s0r), b0.tag);
    e.three(s0.tag, b0.tag, t(b0l));
    e.three(s0.tag, b0.tag, t(b0l2));
    e.three(s1.tag, t(s1r), s0.tag);
    e.three(s1.tag, t(s1l), s0.tag);
    e.three(s1.tag, s0.tag, t(s0r));
    e.three(s1.tag, s0.tag, t(s0l));
    e.three(s0.tag, t(s0l), t(s0l2));
    e.three(s0.tag, t(s0r), t(s0r2));
    e.three(b0.tag, t(b0l), t(b0l2));
    // Distance.
    e.two(s0.lower, d);
    e.two(s0.tag, d);
    e.two(b0.lower, d);
    e.two(b0.tag, d);
    e.three(s0.tag, b0.tag, d);
    e.three(s0.lower, b0.lower, d);
    e.three(s1.tag, s0.tag, d01);
    e.three(s1.lower, s0.lower, d01);
    // Valency.
    e.three(s0.lower, s0.tag, count(&state.left_count, i0));
    e.three(s0.lower, s0.tag, count(&state.right_count, i0));
    e.three(s1.lower, s1.tag, count(&state.right_count, i1));
    e.three(b0.lower, b0.tag, count(&state.left_count, b0i));
    e.three(s1.tag, s0.tag, count(&state.right_count, i1));
    // Dependents' words, tags and relations.
    for k in [s0l, s0r, b0l, s1r] {
        e.one(at(tokens, state, k).lower);
        e.one(t(k));
        e.one(label_at(state, k));
    }
    e.two(s0.tag, label_at(state, s0l));
    e.two(s0.tag, label_at(state, s0r));
    e.two(b0.tag, label_at(state, b0l));
    e.three(s0.tag, label_at(state, s0l), label_at(state, s0l2));
    e.three(s0.tag, label_at(state, s0r), label_at(state, s0r2));
    e.three(b0.tag, label_at(state, b0l), label_at(state, b0l2));
    e.three(s1.tag, label_at(state, s1r), s0.tag);
    e.three(s0.tag, b0.tag, label_at(state, s0r));
    // The relations each word already has on either side.
    let s0_left = label_set(&state.left_labels, i0);
    let s0_right = label_set(&state.right_labels, i0);
    let b0_left = label_set(&state.left_labels, b0i);
    e.two(s0.lower, s0_left);
    e.two(s0.tag, s0_left);
    e.two(s0.lower, s0_right);
    e.two(s0.tag, s0_right);
    e.two(b0.lower, b0_left);
    e.two(b0.tag, b0_left);
    e.three(s1.tag, label_set(&state.right_labels, i1), s0.tag);
    // Second dependents' words.
    for k in [s0l2, s0r2, b0l2] {
        e.one(at(tokens, state, k).lower);
    }
    // The same with word clusters where words are too rare to learn from.
    e.two(s0.cluster, b0.tag);
    e.two(s0.tag, b0.cluster);
    e.two(s1.cluster, s0.cluster);
    e.two(s1.coarse, s0.coarse);
    e.two(s1.coarse, b0.coarse);
    e.three(s0.fine, b0.fine, b1.tag);
    e.three(s0.coarse, b0.coarse, d);
    e.three(s1.coarse, s0.coarse, d01);
    e.two(b1.cluster, b0.tag);
    // How much of the sentence is left.
    e.two(
        s0.tag,
        (state.stack.len().min(4) as u64) << 8 | u64::from(b0i == state.n),
    );
}

pub(crate) fn label_features(
    tokens: &[Token],
    state: &State,
    head: usize,
    dependent: usize,
    out: &mut Vec<u64>,
) {
    let h = at(tokens, state, head);
    let d = at(tokens, state, dependent);
    let direction = u64::from(dependent < head);
    let dist = distance(head, dependent) | direction << 4;
    let t = |i: usize| at(tokens, state, i).tag;
    let before = if dependent > 0 {
        at(tokens, state, dependent - 1)
    } else {
        ABSENT
    };
    let after = at(tokens, state, dependent + 1);
    let dl = child(&state.left, dependent, 0);
    let dl2 = child(&state.left, dependent, 1);
    let dr = child(&state.right, dependent, 0);
    let hl = child(&state.left, head, 0);
    let hr = child(&state.right, head, 0);
    let mut e = Emit {
        out,
        template: 2000,
    };
    e.one(direction);
    e.two(h.tag, direction);
    e.two(d.tag, direction);
    e.three(h.tag, d.tag, direction);
    e.three(h.tag, d.tag, dist);
    e.three(h.lower, d.tag, direction);
    e.three(h.tag, d.lower, direction);
    e.three(h.lower, d.lower, direction);
    e.two(d.lower, direction);
    e.two(h.lower, direction);
    e.three(d.lower, d.tag, direction);
    e.three(h.fine, d.fine, direction);
    e.three(h.cluster, d.tag, direction);
    e.three(h.tag, d.cluster, direction);
    e.three(h.tag, d.fine, direction);
    e.three(h.fine, d.tag, direction);
    e.three(h.coarse, d.coarse, direction);
    e.two(d.suffix, direction);
    e.three(h.suffix, d.tag, direction);
    e.three(h.tag, d.suffix, direction);
    // The dependent's own dependents: a preposition, a determiner, a marker.
    e.three(d.tag, at(tokens, state, dl).lower, direction);
    e.three(h.tag, at(tokens, state, dl).lower, direction);
    e.three(h.tag, t(dl), d.tag);
    e.three(h.tag, label_at(state, dl), d.tag);
    e.three(h.tag, label_at(state, dl2), d.tag);
    e.three(label_at(state, dl), label_at(state, dl2), d.tag);
    e.three(h.tag, label_at(state, dr), d.tag);
    e.three(d.tag, at(tokens, state, dr).lower, direction);
    e.three(
        d.tag,
        count(&state.left_count, dependent),
        count(&state.right_count, dependent),
    );
    // The head's other dependents: an auxiliary of the passive, a subject.
    e.three(h.tag, label_at(state, hl), d.tag | direction << 8);
    e.three(h.tag, label_at(state, hr), d.tag | direction << 8);
    e.three(h.lower, label_at(state, hl), direction);
    e.three(
        label_at(state, hl),
        at(tokens, state, hl).lower,
        d.tag | direction << 8,
    );
    let head_side = if dependent < head {
        label_set(&state.left_labels, head)
    } else {
        label_set(&state.right_labels, head)
    };
    e.three(h.tag, head_side, d.tag | direction << 8);
    e.three(h.lower, head_side, direction);
    // Neighbours of the dependent.
    e.three(before.tag, d.tag, h.tag | direction << 8);
    e.three(d.tag, after.tag, h.tag | direction << 8);
    e.three(before.lower, d.tag, direction);
    e.two(u64::from(head == state.n), d.tag);
    e.three(h.cluster, d.cluster, direction);
    e.two(d.fine, direction);
    e.two(d.cluster, direction);
    e.three(h.coarse, d.tag, dist);
}
