//! Models: small-slice training beats trivial baselines, saved models load
//! to identical predictions, training is deterministic, and the models built
//! into the binary load and work. Reads ../shared/data (beside the checkout).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use textkg::corpus::{conllu, iob2};
use textkg::document::{Document, EntityType, Upos};
use textkg::eval::score::{CORE_TYPES, SpanScores};
use textkg::model::{self, Models, Tagger, recognizer::Example, tagger};
use textkg::train;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

fn small_tagger() -> (Tagger, Vec<conllu::Sentence>) {
    let sentences = conllu::read(&train::ewt_path(&data(), "train")).expect("EWT train");
    let slice = train::tagged_sentences(&sentences[..600]);
    let dev = conllu::read(&train::ewt_path(&data(), "dev")).expect("EWT dev");
    (tagger::train(&slice, 4, 7), dev[..300].to_vec())
}

fn small_uner() -> (Vec<Example>, Vec<Example>) {
    let train_sentences = iob2::read(&train::uner_path(&data(), "train")).expect("UNER train");
    let test_sentences = iob2::read(&train::uner_path(&data(), "dev")).expect("UNER dev");
    let none = HashSet::new();
    let take = |sentences: &[iob2::Sentence], n: usize| -> Vec<Example> {
        train::uner_examples(sentences, &none)
            .into_iter()
            .map(|(_, e)| e)
            .take(n)
            .collect()
    };
    (take(&train_sentences, 120), take(&test_sentences, 60))
}

fn recognizer_f1(models: &Models, examples: &[Example]) -> f64 {
    let mut scores = SpanScores::default();
    for example in examples {
        let predicted = textkg::eval::ner::predict(models, &example.text);
        scores.add_document(&example.gold, &predicted);
    }
    scores.total(&CORE_TYPES).prf().f1
}

#[test]
fn small_slice_training_beats_trivial_baselines_and_reloads_identically() {
    let (tagger, dev) = small_tagger();
    let (correct, total) = textkg::eval::tagger::accuracy(&tagger, &dev);
    let accuracy = correct as f64 / total as f64;
    let nouns = dev
        .iter()
        .flat_map(|s| &s.words)
        .filter(|w| w.upos == Upos::Noun)
        .count();
    let majority = nouns as f64 / total as f64;
    assert!(
        accuracy > majority + 0.5,
        "tagger {accuracy:.3} vs majority tag {majority:.3}"
    );

    let (training, held_out) = small_uner();
    let examples: Vec<&Example> = training.iter().collect();
    let recognizer = train::train_recognizer(&examples, &tagger, 4);
    let models = Models {
        tagger: tagger.clone(),
        recognizer,
    };
    // The trivial baseline, predicting no entity, scores 0.
    let f1 = recognizer_f1(&models, &held_out);
    assert!(
        f1 > 0.2,
        "recogniser F1 {f1:.3} on held-out UNER dev documents"
    );

    let tagger_bytes = model::compress(&model::tagger_bytes(&models.tagger)).unwrap();
    let recognizer_bytes = model::compress(&model::recognizer_bytes(&models.recognizer)).unwrap();
    let reloaded = Models::from_compressed(&tagger_bytes, &recognizer_bytes).unwrap();
    assert!(reloaded.tagger == models.tagger);
    assert!(reloaded.recognizer == models.recognizer);
    for example in &held_out {
        assert_eq!(
            textkg::eval::ner::predict(&reloaded, &example.text),
            textkg::eval::ner::predict(&models, &example.text)
        );
    }

    // Same data, same seed: the same bytes, whatever the thread count.
    let again = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| train::train_recognizer(&examples, &tagger, 4));
    assert_eq!(
        model::recognizer_bytes(&again),
        model::recognizer_bytes(&models.recognizer)
    );
}

#[test]
fn corrupt_model_bytes_are_reported_not_panicked_on() {
    let error = Models::from_compressed(b"not zstd", b"x")
        .err()
        .expect("must fail");
    assert!(error.to_string().contains("tagger"), "{error}");
    let header_only = model::compress(b"textkg-tagger-2\n").unwrap();
    assert!(Models::from_compressed(&header_only, &header_only).is_err());
}

#[test]
fn embedded_models_load_and_find_names() {
    let models = Models::embedded();
    let mut doc = Document::new(
        "t",
        "President Barack Obama met Angela Merkel in Berlin on Monday.",
    );
    textkg::text::segment(&mut doc);
    let tagged = models.tagger.tag(&doc);
    assert_eq!(tagged.len(), doc.tokens.len());
    doc.tags = tagged;
    let entities: Vec<(String, EntityType)> = models
        .recognizer
        .recognize(&doc)
        .into_iter()
        .map(|(range, ty)| (doc.slice(doc.token_span(range)).to_string(), ty))
        .collect();
    assert!(
        entities.contains(&("Barack Obama".to_string(), EntityType::Person)),
        "{entities:?}"
    );
    assert!(
        entities.contains(&("Berlin".to_string(), EntityType::Location)),
        "{entities:?}"
    );
    assert_eq!(doc.tags[1], Upos::Propn);
}

fn models_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models")
}

#[test]
fn the_manifest_matches_the_lexicon_corpora_and_models_in_the_tree() {
    let recorded = model::manifest::read(&models_dir()).expect("models/manifest.json");
    let current = model::manifest::current(&models_dir(), &data()).expect("hash the inputs");
    let differences = model::manifest::differences(&recorded, &current);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn every_model_file_declares_what_it_is_trained_from() {
    for entry in std::fs::read_dir(models_dir()).expect("models/") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("UTF-8");
        if name.ends_with(".md") || name == model::manifest::FILE {
            continue;
        }
        assert!(
            model::manifest::inputs(&name).is_some(),
            "models/{name}: declare its lexicon files and corpora in model::manifest::MODELS, \
             then run textkg train"
        );
    }
}
