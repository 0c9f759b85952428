//! Training the recogniser: examples prepared with the tagger's tags,
//! passes trained as averaged perceptrons, the ensemble and its hints.

use super::*;

/// A training text: its gold entities as byte spans and which types its
/// corpus annotates (a type it does not annotate may hide under "outside").
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub gold: Vec<(Span, EntityType)>,
    pub annotated: Vec<EntityType>,
}

/// The lower-cased words seen inside gold mentions of each type, in the
/// texts that annotate it. Where a corpus does not annotate a type, its
/// "outside" tokens may hide that type only on such words (or on digits, for
/// dates and numbers): free rein would let the model explain any unlabelled
/// word as, say, a date and never be corrected.
pub struct TypeVocabulary {
    words: Vec<HashSet<String>>,
}

pub fn type_vocabulary(examples: &[&Example]) -> TypeVocabulary {
    let mut words = vec![HashSet::new(); TYPES];
    for example in examples {
        let tokens = crate::text::tokenize(&example.text);
        for (span, ty) in &example.gold {
            let first = tokens.partition_point(|t| t.end <= span.start);
            for token in tokens[first..].iter().take_while(|t| t.start < span.end) {
                words[type_index(*ty)].insert(example.text[token.range()].to_lowercase());
            }
        }
    }
    TypeVocabulary { words }
}

impl TypeVocabulary {
    fn allows(&self, ty: usize, word: &str, info: &TokenInfo) -> bool {
        let numeric = matches!(EntityType::ALL[ty], EntityType::Date | EntityType::Number);
        (numeric && info.flags & features::flag::HAS_DIGIT != 0)
            || self.words[ty].contains(&word.to_lowercase())
    }
}

/// A training text run through the tokenizer and tagger, with the labels
/// each token may take.
pub struct Prepared {
    pub(super) infos: Vec<TokenInfo>,
    pub(super) tags: Vec<Upos>,
    pub(super) sentences: Vec<Range<usize>>,
    pub(super) allowed: Vec<u16>,
    pub(super) cases: Vec<u64>,
    pub(super) world: Vec<WorldInfo>,
    /// Gold entities that align with tokens: token range and type index.
    pub(super) gold: Vec<(Range<usize>, usize)>,
    /// Known-name matches (see [`Names`]), from names of other documents.
    pub(super) names: Vec<u64>,
    pub(super) lower_names: Vec<u64>,
}

/// Tokenizes, tags and describes a training example.
pub fn prepare(
    example: &Example,
    tagger: &super::super::Tagger,
    vocabulary: &TypeVocabulary,
) -> Prepared {
    let mut doc = Document::new("", example.text.clone());
    crate::text::segment(&mut doc);
    let words: Vec<&str> = doc.tokens.iter().map(|s| &doc.text[s.range()]).collect();
    let mut infos = features::describe(&words);
    features::mark_line_breaks(&doc.text, &doc.tokens, &mut infos);
    let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    let tags = tagger.tag_with(&infos, &sentences);
    let world = world::describe(&words, &infos);
    let unannotated: Vec<usize> = (0..TYPES)
        .filter(|k| !example.annotated.contains(&EntityType::ALL[*k]))
        .collect();
    let mut allowed: Vec<u16> = words
        .iter()
        .zip(&infos)
        .map(|(word, info)| {
            let mut labels = 1u16;
            for &k in &unannotated {
                if vocabulary.allows(k, word, info) {
                    labels |= (1 << begin(k)) | (1 << inside(k));
                }
            }
            labels
        })
        .collect();
    let mut fixed = vec![false; doc.tokens.len()];
    let mut gold_ranges = Vec::new();
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
        if aligned {
            gold_ranges.push((first..end, k));
        }
    }
    Prepared {
        infos,
        tags,
        sentences,
        allowed,
        cases: Vec::new(),
        world,
        gold: gold_ranges,
        names: Vec::new(),
        lower_names: Vec::new(),
    }
}

pub(super) struct PassTrainer {
    emissions: Trainer,
    transitions: Trainer,
}

pub(super) fn train_pass(
    docs: &[&Prepared],
    hints: Option<&[Vec<u64>]>,
    epochs: usize,
    seed: u64,
) -> Pass {
    let (emissions, transitions) = train_pass_dense(docs, hints, epochs, seed);
    Pass {
        emissions: Dense::mean(&[emissions]),
        transitions: Dense::mean(&[transitions]),
    }
}

/// Passes trained with different seeds (sentence orders), averaged.
pub(super) fn train_ensemble(
    docs: &[&Prepared],
    hints: Option<&[Vec<u64>]>,
    epochs: usize,
    seed: u64,
    members: usize,
) -> Pass {
    let trained: Vec<(Dense, Dense)> = (0..members as u64)
        .into_par_iter()
        .map(|k| train_pass_dense(docs, hints, epochs, seed ^ (k << 8)))
        .collect();
    let (emissions, transitions): (Vec<Dense>, Vec<Dense>) = trained.into_iter().unzip();
    Pass {
        emissions: Dense::mean(&emissions),
        transitions: Dense::mean(&transitions),
    }
}

pub(super) fn train_pass_dense(
    docs: &[&Prepared],
    hints: Option<&[Vec<u64>]>,
    epochs: usize,
    seed: u64,
) -> (Dense, Dense) {
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
                cases: &doc.cases[range.clone()],
                world: &doc.world[range.clone()],
                names: &doc.names[range.clone()],
                lower_names: &doc.lower_names[range.clone()],
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
    (
        trainer.emissions.average_dense(),
        trainer.transitions.average_dense(),
    )
}

/// Trains both passes. The second pass learns from first-pass document hints
/// produced by models that did not see the document (two-fold jackknife), so
/// it learns how far to trust them.
pub fn train(mut docs: Vec<Prepared>, epochs: usize, seed: u64) -> Recognizer {
    let all: Vec<&Prepared> = docs.iter().collect();
    let case_classes = count_cases(&all);
    // Each training document sees only the names of the other half, as new
    // text sees names it was not trained on.
    let even: Vec<&Prepared> = docs.iter().step_by(2).collect();
    let odd: Vec<&Prepared> = docs.iter().skip(1).step_by(2).collect();
    let half_names = [&even, &odd].map(|half| {
        (
            Names::collect(half, SEQUENCE_KEY),
            Names::collect(half, LOWER_KEY),
        )
    });
    let names = Names::collect(&all, SEQUENCE_KEY);
    let lower_names = Names::collect(&all, LOWER_KEY);
    let cases: Vec<Vec<u64>> = docs
        .iter()
        .map(|doc| case_classes_of(&case_classes, &doc.infos))
        .collect();
    for (d, (doc, cases)) in docs.iter_mut().zip(cases).enumerate() {
        doc.cases = cases;
        let other = &half_names[1 - d % 2];
        doc.names = other.0.matches(&doc.infos, SEQUENCE_KEY);
        doc.lower_names = other.1.matches(&doc.infos, LOWER_KEY);
    }
    let docs = &docs[..];
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
        || train_ensemble(&all, None, epochs, seed ^ 2, MEMBERS),
    );
    let hints: Vec<Vec<u64>> = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let other = if d % 2 == 0 { &on_odd } else { &on_even };
            let entities = decode(
                other,
                &doc.infos,
                &doc.tags,
                &doc.cases,
                &doc.world,
                (&doc.names, &doc.lower_names),
                &doc.sentences,
                None,
            );
            document_hints(&doc.infos, &entities)
        })
        .collect();
    let second = train_ensemble(&all, Some(&hints), epochs, seed ^ 3, MEMBERS);
    Recognizer {
        emissions: Weights::stack(&first.emissions, &second.emissions),
        first_transitions: first.transitions,
        second_transitions: second.transitions,
        case_classes,
        names,
        lower_names,
    }
}
