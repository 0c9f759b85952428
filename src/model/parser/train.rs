//! Training the parser: the dynamic oracle of Goldberg and Nivre (2013) for
//! the arc-hybrid system. At each step the parser's best move is compared
//! with the best move that loses no more gold arcs than it must; after the
//! first epoch the parser mostly follows its own moves, mistakes included,
//! so it learns to recover from the states it will meet.

use super::features::{self, Scratch, Token};
use super::table::MoveTrainer;
use super::{MOVES, Move, Parser, State, argmax_allowed};
use crate::document::Upos;
use crate::model::clusters::WordClusters;
use crate::model::features::describe;
use crate::model::perceptron::{Dense, Rng, Trainer};
use crate::model::{Tagger, clusters};
use crate::train::{HeldOutTaggers, ewt_path, write_model};
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

/// `textkg train`'s parser step: derives the word clusters from the vectors,
/// then trains the parser on EWT train, each document tagged by the tagger
/// that did not see it. Writes both into `out`.
pub fn run(
    data: &Path,
    out: &Path,
    tagger: &Tagger,
    held_out: &HeldOutTaggers,
    epochs: usize,
) -> crate::error::Result<()> {
    let started = Instant::now();
    let clusters = WordClusters::derive(&data.join("explosion-vectors"))?;
    let mut bytes = Vec::new();
    clusters.write(&mut bytes);
    let size = write_model(out, clusters::FILE, &bytes)?;
    eprintln!(
        "word clusters: {:.1} s, {} ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        clusters::FILE,
        size as f64 / 1e6
    );
    let sentences = crate::corpus::conllu::read(&ewt_path(data, "train"))?;
    let trees: Vec<TreeSentence> = sentences
        .iter()
        .map(|s| {
            let words: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
            let tagger = held_out.for_ewt_document(&s.doc_id).unwrap_or(tagger);
            let infos = describe(&words);
            let tags = tagger.tag_with(&infos, std::slice::from_ref(&(0..words.len())));
            TreeSentence {
                heads: s.words.iter().map(|w| w.head).collect(),
                relations: s.words.iter().map(|w| w.deprel.clone()).collect(),
                words,
                tags,
            }
        })
        .collect();
    let parser = train(&trees, &clusters, epochs, SEED);
    let mut bytes = Vec::new();
    parser.write(&mut bytes);
    let size = write_model(out, super::FILE, &bytes)?;
    eprintln!(
        "parser: {:.1} s, {} ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        super::FILE,
        size as f64 / 1e6
    );
    Ok(())
}

/// A development run: clusters from `out`, held-out tags cached in `cache`;
/// trains, writes the parser into `out` and scores the dev data.
pub fn experiment(
    data: &Path,
    out: &Path,
    cache: &Path,
    tagger: &Tagger,
    args: &crate::train::TrainArgs,
) -> crate::error::Result<()> {
    let started = Instant::now();
    let clusters = WordClusters::load(out)?;
    let sentences = crate::corpus::conllu::read(&ewt_path(data, "train"))?;
    let tags_path = cache.join("parser-train-tags.bin");
    let all_tags: Vec<Vec<Upos>> = match std::fs::read(&tags_path) {
        Ok(bytes) => {
            let mut k = 0;
            sentences
                .iter()
                .map(|s| {
                    let t = bytes[k..k + s.words.len()]
                        .iter()
                        .map(|&b| Upos::ALL[b as usize])
                        .collect();
                    k += s.words.len();
                    t
                })
                .collect()
        }
        Err(_) => {
            let held_out = HeldOutTaggers::train(data, args.tagger_epochs)?;
            let tags: Vec<Vec<Upos>> = sentences
                .iter()
                .map(|s| {
                    let words: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
                    let tagger = held_out.for_ewt_document(&s.doc_id).unwrap_or(tagger);
                    tagger.tag_with(&describe(&words), std::slice::from_ref(&(0..words.len())))
                })
                .collect();
            let bytes: Vec<u8> = tags.iter().flatten().map(|&t| t as u8).collect();
            std::fs::create_dir_all(cache).ok();
            std::fs::write(&tags_path, bytes).ok();
            tags
        }
    };
    let trees: Vec<TreeSentence> = sentences
        .iter()
        .zip(all_tags)
        .map(|(s, tags)| TreeSentence {
            heads: s.words.iter().map(|w| w.head).collect(),
            relations: s.words.iter().map(|w| w.deprel.clone()).collect(),
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            tags,
        })
        .collect();
    let prep = started.elapsed().as_secs_f64();
    let parser = train(&trees, &clusters, args.parser_epochs, SEED);
    let trained = started.elapsed().as_secs_f64() - prep;
    let mut bytes = Vec::new();
    parser.write(&mut bytes);
    let size = write_model(out, super::FILE, &bytes)?;
    let dev = crate::corpus::conllu::read(&ewt_path(data, "dev"))?;
    let ewt = crate::eval::parser::score(&parser, tagger, &clusters, &dev);
    let gum = crate::eval::parser::gum_sentences(data, "dev")?;
    let gum = crate::eval::parser::score(&parser, tagger, &clusters, &gum);
    eprintln!(
        "EXPERIMENT ewt-dev UAS {:.2} LAS {:.2} | gum-dev UAS {:.2} LAS {:.2} | train {:.0} s, {:.1} MB",
        ewt.uas(),
        ewt.las(),
        gum.uas(),
        gum.las(),
        trained,
        size as f64 / 1e6
    );
    Ok(())
}

pub const EPOCHS: usize = 15;
const SEED: u64 = 0x7061_7273_6572;
const TRANSITION_BITS: u32 = 22;
const RELATION_BITS: u32 = 20;
const ENSEMBLE: usize = 3;
/// Epochs before the parser follows its own moves.
const GUIDED_EPOCHS: usize = 1;
/// How often, once exploring, the parser's own move is followed.
const EXPLORE_PERCENT: u64 = 90;

/// A training sentence: its words, tags (as a tagger gives them on unseen
/// text) and gold tree, heads 1-based with 0 for the root.
pub struct TreeSentence {
    pub words: Vec<String>,
    pub tags: Vec<Upos>,
    pub heads: Vec<usize>,
    pub relations: Vec<String>,
}

struct Prepared {
    tokens: Vec<Token>,
    /// Gold heads as state indices: the root is `tokens.len()`.
    heads: Vec<usize>,
    relations: Vec<u8>,
}

/// Gold arcs the move would make unreachable (zero for a perfect move).
fn cost(state: &State, gold: &[usize], step: Move) -> usize {
    let buffer = state.next..state.n;
    let in_buffer_or_root = |h: usize| h >= state.next;
    let s0 = state.top(0);
    match step {
        Move::Shift => {
            let b = state.next;
            let below = &state.stack[..state.stack.len().saturating_sub(1)];
            usize::from(below.contains(&gold[b]))
                + state.stack.iter().filter(|&&x| gold[x] == b).count()
        }
        Move::Left => {
            let head = state.next;
            let lost_head = gold[s0] != head && (gold[s0] == state.top(1) || gold[s0] > head);
            usize::from(lost_head) + buffer.filter(|&d| gold[d] == s0).count()
        }
        Move::Right => {
            let lost_head = gold[s0] != state.top(1) && in_buffer_or_root(gold[s0]);
            usize::from(lost_head) + buffer.filter(|&d| gold[d] == s0).count()
        }
    }
}

fn prepare(sentence: &TreeSentence, clusters: &WordClusters, labels: &[String]) -> Prepared {
    let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
    let infos = describe(&words);
    let n = words.len();
    Prepared {
        tokens: features::tokens(&words, &infos, &sentence.tags, clusters),
        heads: sentence
            .heads
            .iter()
            .map(|&h| if h == 0 { n } else { h - 1 })
            .collect(),
        relations: sentence
            .relations
            .iter()
            .map(|r| labels.binary_search(r).map_or(0, |k| k as u8))
            .collect(),
    }
}

/// Trains a parser on `sentences`; the same sentences and seed give the
/// same parser, byte for byte.
pub fn train(
    sentences: &[TreeSentence],
    clusters: &WordClusters,
    epochs: usize,
    seed: u64,
) -> Parser {
    let mut labels: Vec<String> = sentences
        .iter()
        .flat_map(|s| s.relations.iter().cloned())
        .filter(|r| r != "_")
        .collect();
    labels.sort();
    labels.dedup();
    let prepared: Vec<Prepared> = sentences
        .iter()
        .filter(|s| s.heads.iter().all(|&h| h <= s.words.len()) && !s.words.is_empty())
        .map(|s| prepare(s, clusters, &labels))
        .collect();
    // Several parsers from different orders of the sentences, averaged: an
    // ensemble that costs no more to run than one parser.
    let trained: Vec<(Vec<[f32; 3]>, Dense)> = (0..ENSEMBLE as u64)
        .into_par_iter()
        .map(|k| {
            let mut order: Vec<&Prepared> = prepared.iter().collect();
            let mut transitions = MoveTrainer::new(TRANSITION_BITS);
            let mut relations = Trainer::new(RELATION_BITS, labels.len());
            let mut rng = Rng(seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut scratch = Scratch::default();
            for epoch in 0..epochs {
                rng.shuffle(&mut order);
                let explore = epoch >= GUIDED_EPOCHS;
                for sentence in &order {
                    train_sentence(
                        sentence,
                        &mut transitions,
                        &mut relations,
                        labels.len(),
                        explore.then_some(&mut rng),
                        &mut scratch,
                    );
                }
            }
            (transitions.average(), relations.average_dense())
        })
        .collect();
    let (transitions, relations): (Vec<_>, Vec<Dense>) = trained.into_iter().unzip();
    Parser {
        transitions: MoveTrainer::mean(&transitions),
        relations: Dense::mean(&relations),
        labels,
    }
}

fn train_sentence(
    sentence: &Prepared,
    transitions: &mut MoveTrainer,
    relations: &mut Trainer,
    label_count: usize,
    mut explore: Option<&mut Rng>,
    scratch: &mut Scratch,
) {
    let tokens = &sentence.tokens;
    let gold = &sentence.heads;
    let mut state = State::new(tokens.len());
    while !state.is_final() {
        scratch.features.clear();
        features::transition_features(tokens, &state, &mut scratch.features);
        let scores = transitions.scores(&scratch.features);
        let predicted = argmax_allowed(&state, &scores);
        let costs: Vec<(Move, usize)> = MOVES
            .iter()
            .filter(|&&m| state.allowed(m))
            .map(|&m| (m, cost(&state, gold, m)))
            .collect();
        let least = costs.iter().map(|c| c.1).min().expect("a move is allowed");
        let best_correct = costs
            .iter()
            .filter(|c| c.1 == least)
            .map(|c| c.0)
            .max_by(|a, b| scores[*a as usize].total_cmp(&scores[*b as usize]))
            .expect("a least-cost move");
        let predicted_is_correct = costs.iter().any(|c| c.0 == predicted && c.1 == least);
        if !predicted_is_correct {
            transitions.update(&scratch.features, best_correct as usize, 1.0);
            transitions.update(&scratch.features, predicted as usize, -1.0);
        }
        transitions.tick();
        let own_move = explore
            .as_deref_mut()
            .is_some_and(|rng| rng.next_u64() % 100 < EXPLORE_PERCENT);
        let follow = if own_move { predicted } else { best_correct };
        // The state keeps the relation the parser would give, right or
        // wrong, as it will when parsing: later moves read those relations.
        let label = match state.arc(follow) {
            Some((head, dependent)) => {
                scratch.features.clear();
                features::label_features(tokens, &state, head, dependent, &mut scratch.features);
                scratch.scores.clear();
                scratch.scores.resize(label_count, 0.0);
                relations
                    .weights()
                    .add_scores(&scratch.features, &mut scratch.scores);
                let guess = super::argmax(&scratch.scores);
                if gold[dependent] == head {
                    let truth = sentence.relations[dependent] as usize;
                    if guess != truth {
                        relations.update(&scratch.features, truth, 1.0);
                        relations.update(&scratch.features, guess, -1.0);
                    }
                    relations.tick();
                }
                guess as u8
            }
            None => 0,
        };
        state.apply(follow, label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the least-cost move from the start: on a projective tree it
    /// must rebuild the tree exactly.
    fn oracle_parse(gold: &[usize]) -> Vec<usize> {
        let mut state = State::new(gold.len());
        while !state.is_final() {
            let step = MOVES
                .iter()
                .copied()
                .filter(|&m| state.allowed(m))
                .min_by_key(|&m| cost(&state, gold, m))
                .unwrap();
            state.apply(step, 0);
        }
        state.heads
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "The minister signed the deal in Oslo ." with the root at 5.
        let n = 8;
        let gold = vec![1, 2, n, 4, 2, 6, 2, 2];
        assert_eq!(oracle_parse(&gold), gold);
        // A chain to the right and one to the left.
        assert_eq!(oracle_parse(&[1, 2, 3, 4]), vec![1, 2, 3, 4]);
        assert_eq!(oracle_parse(&[4, 0, 1, 2]), vec![4, 0, 1, 2]);
    }

    #[test]
    fn a_move_that_strands_a_dependent_costs_it() {
        let n = 3;
        // Word 0 heads word 1; word 1 heads word 2; word 0 is the root's.
        let gold = vec![n, 0, 1];
        let mut state = State::new(n);
        state.apply(Move::Shift, 0);
        assert_eq!(cost(&state, &gold, Move::Left), 2, "0 loses its head and 1");
        assert_eq!(cost(&state, &gold, Move::Shift), 0);
    }
}
