use super::*;
use crate::model::clusters::WordClusters;
use crate::model::{Models, features};

/// Parses a sentence written here with the built-in models and returns,
/// for each word, (word, head word or "ROOT", relation).
fn parse(sentence: &str) -> Vec<(String, String, String)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let infos = features::describe(&words);
    let tags = Models::embedded()
        .tagger
        .tag_with(&infos, std::slice::from_ref(&(0..words.len())));
    let parser = Parser::embedded();
    let parsed = parser.parse(&words, &infos, &tags, WordClusters::embedded());
    parsed
        .iter()
        .zip(&words)
        .map(|(d, w)| {
            let head = d.head.map_or("ROOT", |h| words[h]);
            (
                w.to_string(),
                head.to_string(),
                parser.label_of(*d).to_string(),
            )
        })
        .collect()
}

fn arc(parsed: &[(String, String, String)], word: &str) -> (String, String) {
    let (_, head, label) = parsed
        .iter()
        .find(|(w, _, _)| w == word)
        .unwrap_or_else(|| panic!("{word} not in {parsed:?}"));
    (head.clone(), label.clone())
}

#[test]
fn constructions_get_their_heads_and_relations() {
    // (sentence, word, its head, the relation)
    let table = [
        (
            "The company bought Weber Molkerei in March .",
            "company",
            "bought",
            "nsubj",
        ),
        // A name's first word heads it in UD English ("flat").
        (
            "The company bought Weber Molkerei in March .",
            "Weber",
            "bought",
            "obj",
        ),
        (
            "The company bought Weber Molkerei in March .",
            "bought",
            "ROOT",
            "root",
        ),
        (
            "The merger was approved by regulators in Brussels .",
            "merger",
            "approved",
            "nsubj:pass",
        ),
        (
            "The merger was approved by regulators in Brussels .",
            "regulators",
            "approved",
            "obl:agent",
        ),
        (
            "The bank , which Maria Lopez founded in 1990 , reported a loss .",
            "founded",
            "bank",
            "acl:relcl",
        ),
        (
            "The bank , which Maria Lopez founded in 1990 , reported a loss .",
            "Maria",
            "founded",
            "nsubj",
        ),
        (
            "The bank , which Maria Lopez founded in 1990 , reported a loss .",
            "Lopez",
            "Maria",
            "flat",
        ),
        (
            "The minister urged the council to drop the plan .",
            "drop",
            "urged",
            "xcomp",
        ),
        (
            "Kenya 's president met the envoy on Tuesday .",
            "Kenya",
            "president",
            "nmod:poss",
        ),
    ];
    let mut wrong = Vec::new();
    for (sentence, word, head, label) in table {
        let got = arc(&parse(sentence), word);
        if got != (head.to_string(), label.to_string()) {
            wrong.push(format!(
                "{sentence}: {word} → {got:?}, expected {head} {label}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_word_gets_one_head_and_the_tree_has_one_root() {
    let parsed =
        parse("Officials said the storm , which hit the coast on Monday , killed 12 people .");
    assert_eq!(parsed.iter().filter(|(_, h, _)| h == "ROOT").count(), 1);
    assert_eq!(parsed.len(), 16);
}

#[test]
fn the_parser_round_trips_through_bytes() {
    let parser = Parser::embedded();
    let mut bytes = Vec::new();
    parser.write(&mut bytes);
    let read = Parser::read(&mut Reader {
        name: "parser",
        bytes: &bytes,
    })
    .unwrap();
    assert_eq!(&read, parser);
    assert!(parser.labels().iter().any(|l| l == "obl:agent"));
}

#[test]
fn the_parse_layer_gives_every_token_a_head_in_its_own_sentence() {
    let text = "Northwind hired Ana Ruiz on Monday. The board said she would lead the office.";
    let doc = crate::pipeline::Pipeline::new(crate::pipeline::Options {
        parse: true,
        ..Default::default()
    })
    .annotate("t", text);
    assert_eq!(doc.dependencies.len(), doc.tokens.len());
    for sentence in &doc.sentences {
        let arcs = &doc.dependencies[sentence.tokens.clone()];
        assert_eq!(arcs.iter().filter(|d| d.head.is_none()).count(), 1);
        for arc in arcs {
            assert!(arc.head.is_none_or(|h| sentence.tokens.contains(&h)));
        }
    }
    let token = |word: &str| {
        (0..doc.tokens.len())
            .find(|&t| doc.token_text(t) == word)
            .unwrap()
    };
    // Heads are document indices: "said" is in the second sentence.
    let said = token("said");
    assert_eq!(doc.dependencies[token("board")].head, Some(said));
    assert_eq!(doc.dependencies[token("board")].relation, "nsubj");
    assert_eq!(
        doc.dependencies[token("Northwind")].head,
        Some(token("hired"))
    );
}

#[test]
fn scoring_words_once_per_place_gives_the_scores_of_every_feature() {
    let words: Vec<&str> =
        "The council , which met on Friday , rejected the plan to close two schools ."
            .split(' ')
            .collect();
    let infos = features::describe(&words);
    let tags = Models::embedded()
        .tagger
        .tag_with(&infos, std::slice::from_ref(&(0..words.len())));
    let tokens = super::features::tokens(&words, &infos, &tags, WordClusters::embedded());
    let parser = Parser::embedded();
    let mut scratch = Scratch::default();
    scratch
        .place_scores
        .resize((tokens.len() + 2) * super::features::PLACES, None);
    let mut state = State::new(tokens.len());
    let mut moves = 0;
    while !state.is_final() {
        let cached = parser.transition_scores(&tokens, &state, &mut scratch);
        let mut every = Vec::new();
        super::features::transition_features(&tokens, &state, &mut every);
        let mut full = [0f32; 3];
        parser.transitions.add_scores(&every, &mut full);
        for (a, b) in cached.iter().zip(full) {
            assert!(
                (a - b).abs() < 1e-3 * (1.0 + b.abs()),
                "{cached:?} against {full:?}"
            );
        }
        state.apply(argmax_allowed(&state, &full), 0);
        moves += 1;
    }
    assert_eq!(moves, 2 * tokens.len());
}
