//! Dependency parser: greedy arc-hybrid transitions (the root at the end of
//! the buffer) scored by an averaged perceptron, trained on UD English EWT
//! with a dynamic oracle (`train.rs`); a second perceptron labels each arc
//! with its UD relation, subtypes kept ("nsubj:pass", "obl:agent").
//! Features (`features.rs`) read the tagger's tags and the word clusters of
//! the static vectors.

mod features;
mod table;
pub mod train;

use super::clusters::WordClusters;
use super::features::TokenInfo;
use super::perceptron::{Reader, Weights};
use crate::document::Upos;
use crate::error::Result;
use features::{Scratch, Token};
use table::MoveTable;

pub const FILE: &str = "parser.bin.zst";
const MAGIC: &[u8] = b"textkg-parser-2\n";
static BYTES: &[u8] = include_bytes!("../../../models/parser.bin.zst");

/// Transitions of the arc-hybrid system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
pub(crate) enum Move {
    /// The buffer's first word goes onto the stack.
    Shift = 0,
    /// The stack's top takes the buffer's first word as its head.
    Left = 1,
    /// The stack's top takes the word under it as its head.
    Right = 2,
}

const MOVES: [Move; 3] = [Move::Shift, Move::Left, Move::Right];

/// One word's head and relation, within its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dependency {
    /// The head's index in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// Index into [`Parser::labels`].
    pub label: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    transitions: MoveTable,
    relations: Weights,
    /// The relations' names, in class order ("acl", "acl:relcl", ...).
    labels: Vec<String>,
}

/// A parser state: the stack, the buffer's first word and the arcs so far.
/// Word `n` (one past the sentence) stands for the root.
pub(crate) struct State {
    pub stack: Vec<usize>,
    pub next: usize,
    pub n: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<u8>,
    /// The two leftmost and two rightmost dependents of each word (and the root).
    pub left: Vec<[usize; 2]>,
    pub right: Vec<[usize; 2]>,
    pub left_count: Vec<u8>,
    pub right_count: Vec<u8>,
    /// The relations of each word's left and right dependents, as bit sets.
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
}

pub(crate) const NONE: usize = usize::MAX;

impl State {
    pub fn new(n: usize) -> State {
        State {
            stack: Vec::with_capacity(n),
            next: 0,
            n,
            heads: vec![NONE; n],
            labels: vec![0; n],
            left: vec![[NONE; 2]; n + 1],
            right: vec![[NONE; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.next == self.n
    }

    pub fn top(&self, depth: usize) -> usize {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map_or(NONE, |k| self.stack[k])
    }

    pub fn allowed(&self, step: Move) -> bool {
        match step {
            Move::Shift => self.next < self.n,
            // One root: the root takes the last word left on the stack only.
            Move::Left => !self.stack.is_empty() && (self.next < self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// The arc `step` would add, as (head, dependent).
    pub fn arc(&self, step: Move) -> Option<(usize, usize)> {
        match step {
            Move::Shift => None,
            Move::Left => Some((self.next, self.top(0))),
            Move::Right => Some((self.top(1), self.top(0))),
        }
    }

    pub fn apply(&mut self, step: Move, label: u8) {
        match self.arc(step) {
            None => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Some((head, dependent)) => {
                self.stack.pop();
                self.heads[dependent] = head;
                self.labels[dependent] = label;
                if dependent < head {
                    let left = &mut self.left[head];
                    if left[0] == NONE || dependent < left[0] {
                        *left = [dependent, left[0]];
                    } else if left[1] == NONE || dependent < left[1] {
                        left[1] = dependent;
                    }
                    self.left_count[head] = self.left_count[head].saturating_add(1);
                    self.left_labels[head] |= 1 << (label % 64);
                } else {
                    let right = &mut self.right[head];
                    if right[0] == NONE || dependent > right[0] {
                        *right = [dependent, right[0]];
                    } else if right[1] == NONE || dependent > right[1] {
                        right[1] = dependent;
                    }
                    self.right_count[head] = self.right_count[head].saturating_add(1);
                    self.right_labels[head] |= 1 << (label % 64);
                }
            }
        }
    }
}

fn argmax_allowed(state: &State, scores: &[f32; 3]) -> Move {
    let mut best: Option<(f32, Move)> = None;
    for step in MOVES {
        if state.allowed(step) && best.is_none_or(|(s, _)| scores[step as usize] > s) {
            best = Some((scores[step as usize], step));
        }
    }
    best.expect("some move is always allowed").1
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (k, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = k;
        }
    }
    best
}

impl Parser {
    /// The parser built into the binary, decompressed on first use.
    pub fn embedded() -> &'static Parser {
        static PARSER: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();
        PARSER.get_or_init(|| {
            Parser::from_compressed(BYTES)
                .unwrap_or_else(|e| panic!("the parser built into textkg is unusable: {e}"))
        })
    }

    pub fn embedded_size() -> usize {
        BYTES.len()
    }

    pub fn from_compressed(bytes: &[u8]) -> Result<Parser> {
        let bytes = super::decompress("parser", bytes)?;
        Parser::read(&mut Reader {
            name: "parser",
            bytes: &bytes,
        })
    }

    /// Loads the parser `textkg train` wrote into a directory.
    pub fn load(dir: &std::path::Path) -> Result<Parser> {
        let path = dir.join(FILE);
        let bytes = std::fs::read(&path).map_err(|e| crate::error::Error::io(&path, e))?;
        Parser::from_compressed(&bytes)
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn label_of(&self, dependency: Dependency) -> &str {
        &self.labels[dependency.label as usize]
    }

    /// Parses one sentence of words with their descriptions and tags.
    pub fn parse(
        &self,
        words: &[&str],
        infos: &[TokenInfo],
        tags: &[Upos],
        clusters: &WordClusters,
    ) -> Vec<Dependency> {
        let tokens = features::tokens(words, infos, tags, clusters);
        self.parse_tokens(&tokens, &mut Scratch::default())
    }

    /// Parses every sentence of a tagged document: one arc per token, heads
    /// as token indices in the document. A token outside every sentence
    /// stays a root.
    pub fn annotate(
        &'static self,
        doc: &crate::document::Document,
        clusters: &WordClusters,
    ) -> Vec<crate::document::Dependency> {
        let unattached = crate::document::Dependency {
            head: None,
            relation: "dep",
        };
        let mut arcs = vec![unattached; doc.tokens.len()];
        let mut scratch = Scratch::default();
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            let (Some(tags), Some(arcs)) =
                (doc.tags.get(range.clone()), arcs.get_mut(range.clone()))
            else {
                continue;
            };
            let words: Vec<&str> = range.clone().map(|t| doc.token_text(t)).collect();
            let infos = super::features::describe(&words);
            let tokens = features::tokens(&words, &infos, tags, clusters);
            for (arc, dependency) in arcs
                .iter_mut()
                .zip(self.parse_tokens(&tokens, &mut scratch))
            {
                *arc = crate::document::Dependency {
                    head: dependency.head.map(|h| h + range.start),
                    relation: &self.labels[dependency.label as usize],
                };
            }
        }
        arcs
    }

    /// The three moves' scores: the features of the words at the places
    /// scored once per word and place, the rest per move.
    fn transition_scores(
        &self,
        tokens: &[Token],
        state: &State,
        scratch: &mut Scratch,
    ) -> [f32; 3] {
        let n = tokens.len();
        scratch.features.clear();
        scratch.features.push(features::bias());
        features::state_features(tokens, state, &mut scratch.features);
        let mut scores = [0f32; 3];
        self.transitions.add_scores(&scratch.features, &mut scores);
        for (place, index) in features::places(state).into_iter().enumerate() {
            let word = if index == NONE { n + 1 } else { index };
            let part = match scratch.place_scores[word * features::PLACES + place] {
                Some(part) => part,
                None => {
                    scratch.place_features.clear();
                    features::place_features(
                        features::word_at(tokens, state, index),
                        place,
                        &mut scratch.place_features,
                    );
                    let mut part = [0f32; 3];
                    self.transitions
                        .add_scores(&scratch.place_features, &mut part);
                    scratch.place_scores[word * features::PLACES + place] = Some(part);
                    part
                }
            };
            for (score, p) in scores.iter_mut().zip(part) {
                *score += p;
            }
        }
        scores
    }

    pub(crate) fn parse_tokens(&self, tokens: &[Token], scratch: &mut Scratch) -> Vec<Dependency> {
        let n = tokens.len();
        let mut state = State::new(n);
        scratch.place_scores.clear();
        scratch
            .place_scores
            .resize((n + 2) * features::PLACES, None);
        while !state.is_final() {
            let scores = self.transition_scores(tokens, &state, scratch);
            let step = argmax_allowed(&state, &scores);
            let label = match state.arc(step) {
                Some((head, dependent)) => {
                    scratch.features.clear();
                    features::label_features(
                        tokens,
                        &state,
                        head,
                        dependent,
                        &mut scratch.features,
                    );
                    scratch.scores.clear();
                    scratch.scores.resize(self.labels.len(), 0.0);
                    self.relations
                        .add_scores(&scratch.features, &mut scratch.scores);
                    argmax(&scratch.scores) as u8
                }
                None => 0,
            };
            state.apply(step, label);
        }
        state
            .heads
            .iter()
            .zip(&state.labels)
            .map(|(&head, &label)| Dependency {
                head: (head < tokens.len()).then_some(head),
                label,
            })
            .collect()
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for label in &self.labels {
            out.extend_from_slice(&(label.len() as u32).to_le_bytes());
            out.extend_from_slice(label.as_bytes());
        }
        self.transitions.write(out);
        self.relations.write(out);
    }

    pub fn read(reader: &mut Reader<'_>) -> Result<Parser> {
        reader.expect_magic(MAGIC)?;
        let count = reader.u32()? as usize;
        if count == 0 || count > 64 {
            return Err(reader.error("bad relation count"));
        }
        let mut labels = Vec::with_capacity(count);
        for _ in 0..count {
            let len = reader.u32()? as usize;
            let bytes = reader.take(len)?;
            let label = std::str::from_utf8(bytes)
                .map_err(|_| reader.error("relation name is not UTF-8"))?;
            labels.push(label.to_string());
        }
        let transitions = MoveTable::read(reader)?;
        let relations = Weights::read(reader)?;
        if relations.classes() != count {
            return Err(reader.error("the relation table does not match the relations"));
        }
        Ok(Parser {
            transitions,
            relations,
            labels,
        })
    }
}

#[cfg(test)]
mod tests;
