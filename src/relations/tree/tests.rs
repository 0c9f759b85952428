//! Every row of `patterns.tsv` on its own hand-built tree, so that a
//! retrained parser cannot break a row's test; the clauses that are never
//! asserted; and a few sentences through the whole pipeline.

use super::patterns::{Pattern, parse_table, patterns};
use super::{extract, extract_with};
use crate::document::Mention;
use crate::document::{
    Dependency, Document, Entity, EntityId, EntityType, MentionId, MentionKind, MergeRule,
    Relation, RelationKind, Sentence, SentenceId, Span, Upos,
};
use crate::pipeline::{Options, Pipeline};

/// A one-sentence document from `word/UPOS/head/relation` tokens, heads
/// counted from 1 (0 for the root), entity names in brackets (a person's
/// opening with `[+`, every other an organisation's).
fn hand_built(example: &str) -> Document {
    let mut doc = Document::new("example", "");
    let mut open: Option<usize> = None;
    let mut names = Vec::new();
    let mut people = Vec::new();
    for (i, item) in example.split_whitespace().enumerate() {
        let mut item = item;
        if let Some(rest) = item.strip_prefix('[') {
            open = Some(i);
            item = rest;
            if let Some(rest) = item.strip_prefix('+') {
                people.push(i);
                item = rest;
            }
        }
        let closes = item.ends_with(']') && item.len() > 1;
        let item = if closes {
            &item[..item.len() - 1]
        } else {
            item
        };
        let parts: Vec<&str> = item.rsplitn(4, '/').collect();
        let [relation, head, tag, word] = parts[..] else {
            panic!("bad token {item:?} in {example:?}");
        };
        if !doc.text.is_empty() {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(word);
        doc.tokens.push(Span::new(start, doc.text.len()));
        doc.tags
            .push(Upos::parse(tag).unwrap_or_else(|| panic!("no tag {tag:?} in {example:?}")));
        let head: usize = head.parse().expect("a head number");
        doc.dependencies.push(Dependency {
            head: head.checked_sub(1),
            relation: Box::leak(relation.to_string().into_boxed_str()),
        });
        if closes {
            names.push(open.take().expect("a bracket opened")..i + 1);
        }
    }
    // Every word reaches the root: an example tree with a cycle is a typo.
    for start in 0..doc.dependencies.len() {
        let mut at = start;
        for _ in 0..=doc.dependencies.len() {
            match doc.dependencies[at].head {
                Some(head) => at = head,
                None => break,
            }
        }
        assert!(
            doc.dependencies[at].head.is_none(),
            "word {} is in a cycle in {example:?}: {:?}",
            start + 1,
            doc.dependencies.iter().map(|d| d.head).collect::<Vec<_>>()
        );
    }
    doc.sentences.push(Sentence {
        span: Span::new(0, doc.text.len()),
        tokens: 0..doc.tokens.len(),
    });
    for tokens in names {
        let ty = if people.contains(&tokens.start) {
            EntityType::Person
        } else {
            EntityType::Organization
        };
        let span = doc.token_span(tokens.clone());
        let id = MentionId::from(doc.mentions.len());
        doc.mentions.push(Mention {
            span,
            tokens,
            sentence: SentenceId::from(0),
            ty,
            kind: MentionKind::Name,
            role: None,
            found_by: "test",
        });
        doc.mention_entity
            .push(Some(EntityId::from(doc.entities.len())));
        doc.entities.push(Entity {
            ty,
            label: doc.slice(span).to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: vec![(id, MergeRule::Canonical)],
        });
    }
    doc
}

fn triple(doc: &Document, r: &Relation) -> String {
    let mut text = format!(
        "{} | {} | {}",
        doc.entities[r.head.index()].label,
        r.label,
        doc.entities[r.tail.index()].label
    );
    if r.hedged {
        text.push_str(" | hedged");
    }
    if r.negated {
        text.push_str(" | negated");
    }
    text
}

fn triples(doc: &Document, relations: &[Relation]) -> Vec<String> {
    let mut all: Vec<String> = relations.iter().map(|r| triple(doc, r)).collect();
    all.sort();
    all
}

fn expected(gives: &str) -> Vec<String> {
    let mut all: Vec<String> = gives.split(" ; ").map(|t| t.trim().to_string()).collect();
    all.sort();
    all
}

#[test]
fn the_table_loads_and_has_rows() {
    assert!(patterns().len() >= 15);
    let mut names: Vec<&str> = patterns().iter().map(|p| p.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), patterns().len(), "row names are unique");
}

#[test]
fn every_row_gives_its_triples_on_its_example_and_is_needed_for_them() {
    for (i, pattern) in patterns().iter().enumerate() {
        let doc = hand_built(&pattern.example);
        let relations = extract(&doc);
        assert!(relations.iter().all(|r| r.kind == RelationKind::Open));
        assert!(
            relations
                .iter()
                .all(|r| r.evidence == vec![doc.sentences[0].span])
        );
        assert_eq!(
            triples(&doc, &relations),
            expected(&pattern.gives),
            "row {} on {:?}",
            pattern.name,
            doc.text
        );
        let without: Vec<Pattern> = patterns()
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, p)| p.clone())
            .collect();
        assert_ne!(
            triples(&doc, &extract_with(&doc, &without)),
            expected(&pattern.gives),
            "row {} is not needed for its own example",
            pattern.name
        );
    }
}

#[test]
fn a_bad_table_is_refused_with_its_line() {
    let header =
        "name\tpredicate\tsubject\tobject\trequires\tunless\tlabel\thedged\texample\tgives\n";
    let bad_step = format!("{header}x\tVERB\tnsubj[of\tobj\t-\t-\t{{pred}}\tno\te\tg\n");
    let error = parse_table(&bad_step).unwrap_err();
    assert!(
        error.contains("line 2") && error.contains("bracket"),
        "{error}"
    );
    let bad_tag = format!("{header}x\tVERBS\tnsubj\tobj\t-\t-\t{{pred}}\tno\te\tg\n");
    assert!(parse_table(&bad_tag).unwrap_err().contains("VERBS"));
    let bad_class = format!("{header}x\tNOUN\t^obj@heavy/nsubj\tobj\t-\t-\t{{pred}}\tno\te\tg\n");
    assert!(parse_table(&bad_class).unwrap_err().contains("heavy"));
    let class_on_itself = format!("{header}x\tNOUN\tnsubj\t.@light\t-\t-\t{{pred}}\tno\te\tg\n");
    assert!(parse_table(&class_on_itself).is_err());
    assert!(parse_table("name\tpredicate\n").is_err());
}

/// Sentences whose clause is never asserted, each with the triple it gives.
const NOT_ASSERTED: [(&str, &str); 6] = [
    // "Did Kestrel Mining buy Weber Dairy ?"
    (
        "Did/AUX/4/aux [Kestrel/PROPN/3/compound Mining/PROPN/4/nsubj] buy/VERB/0/root \
         [Weber/PROPN/6/compound Dairy/PROPN/4/obj] ?/PUNCT/4/punct",
        "Kestrel Mining | buy | Weber Dairy | hedged",
    ),
    // "If Kestrel Mining buys Weber Dairy , prices rise ."
    (
        "If/SCONJ/4/mark [Kestrel/PROPN/3/compound Mining/PROPN/4/nsubj] buys/VERB/9/advcl \
         [Weber/PROPN/6/compound Dairy/PROPN/4/obj] ,/PUNCT/4/punct prices/NOUN/9/nsubj \
         rise/VERB/0/root ./PUNCT/9/punct",
        "Kestrel Mining | buys | Weber Dairy | hedged",
    ),
    // "Analysts asked whether Kestrel Mining bought Weber Dairy ."
    (
        "Analysts/NOUN/2/nsubj asked/VERB/0/root whether/SCONJ/6/mark \
         [Kestrel/PROPN/5/compound Mining/PROPN/6/nsubj] bought/VERB/2/ccomp \
         [Weber/PROPN/8/compound Dairy/PROPN/6/obj] ./PUNCT/2/punct",
        "Kestrel Mining | bought | Weber Dairy | hedged",
    ),
    // "Jon Dahl denied that Kestrel Mining bought Weber Dairy ."
    (
        "[Jon/PROPN/3/nsubj Dahl/PROPN/1/flat] denied/VERB/0/root that/SCONJ/7/mark \
         [Kestrel/PROPN/6/compound Mining/PROPN/7/nsubj] bought/VERB/3/ccomp \
         [Weber/PROPN/9/compound Dairy/PROPN/7/obj] ./PUNCT/3/punct",
        "Kestrel Mining | bought | Weber Dairy | hedged",
    ),
    // "Kestrel Mining may buy Weber Dairy ."
    (
        "[Kestrel/PROPN/2/compound Mining/PROPN/4/nsubj] may/AUX/4/aux buy/VERB/0/root \
         [Weber/PROPN/6/compound Dairy/PROPN/4/obj] ./PUNCT/4/punct",
        "Kestrel Mining | buy | Weber Dairy | hedged",
    ),
    // "Anna Holm did not set up Brightwave ."
    (
        "[Anna/PROPN/5/nsubj Holm/PROPN/1/flat] did/AUX/5/aux not/PART/5/advmod set/VERB/0/root \
         up/ADP/5/compound:prt [Brightwave/PROPN/5/obj] ./PUNCT/5/punct",
        "Anna Holm | set up | Brightwave | negated",
    ),
];

#[test]
fn questions_conditions_whether_denials_and_modals_are_never_asserted() {
    for (example, gives) in NOT_ASSERTED {
        let doc = hand_built(example);
        assert_eq!(
            triples(&doc, &extract(&doc)),
            vec![gives.to_string()],
            "{}",
            doc.text
        );
    }
}

#[test]
fn a_relative_pronoun_stands_for_the_noun_its_clause_describes() {
    // "Sunrise Textiles , which Tarun Mehta founded , grew ."
    let doc = hand_built(
        "[Sunrise/PROPN/2/compound Textiles/PROPN/9/nsubj] ,/PUNCT/7/punct which/PRON/7/obj \
         [Tarun/PROPN/7/nsubj Mehta/PROPN/5/flat] founded/VERB/2/acl:relcl ,/PUNCT/7/punct \
         grew/VERB/0/root ./PUNCT/9/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Tarun Mehta | founded | Sunrise Textiles".to_string()]
    );
    // "Tarun Mehta , who founded Sunrise Textiles , retired ."
    let doc = hand_built(
        "[Tarun/PROPN/9/nsubj Mehta/PROPN/1/flat] ,/PUNCT/5/punct who/PRON/5/nsubj \
         founded/VERB/1/acl:relcl [Sunrise/PROPN/7/compound Textiles/PROPN/5/obj] \
         ,/PUNCT/5/punct retired/VERB/0/root ./PUNCT/9/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Tarun Mehta | founded | Sunrise Textiles".to_string()]
    );
}

#[test]
fn coordinated_objects_are_each_an_argument() {
    // "Anna Holm bought Brightwave and Weber Dairy ."
    let doc = hand_built(
        "[Anna/PROPN/3/nsubj Holm/PROPN/1/flat] bought/VERB/0/root [Brightwave/PROPN/3/obj] \
         and/CCONJ/7/cc [Weber/PROPN/7/compound Dairy/PROPN/4/conj] ./PUNCT/3/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec![
            "Anna Holm | bought | Brightwave".to_string(),
            "Anna Holm | bought | Weber Dairy".to_string()
        ]
    );
}

#[test]
fn without_trees_the_reader_reads_nothing() {
    let mut doc = hand_built(&patterns()[0].example);
    assert!(!extract(&doc).is_empty());
    doc.dependencies.clear();
    assert!(extract(&doc).is_empty());
}

fn through_the_pipeline(text: &str) -> (Document, Vec<String>) {
    let doc = Pipeline::new(Options {
        tree_reader: true,
        ..Options::default()
    })
    .annotate("t", text);
    let open: Vec<Relation> = doc
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Open)
        .cloned()
        .collect();
    let found = triples(&doc, &open);
    (doc, found)
}

#[test]
fn the_pipeline_reads_a_plain_clause_and_a_passive_from_its_own_trees() {
    let (doc, found) =
        through_the_pipeline("Maria Lindqvist founded Nordvik Bank in Oslo in 1994.");
    assert_eq!(doc.dependencies.len(), doc.tokens.len());
    assert!(
        found
            .iter()
            .any(|t| t == "Maria Lindqvist | founded | Nordvik Bank"),
        "{found:?}"
    );
    let (_, found) = through_the_pipeline("Nordvik Bank was founded by Maria Lindqvist.");
    assert!(
        found
            .iter()
            .any(|t| t == "Maria Lindqvist | founded | Nordvik Bank"),
        "{found:?}"
    );
}

#[test]
fn the_pipeline_never_asserts_what_is_urged() {
    let (_, found) = through_the_pipeline(
        "The union urged Pedro Alves to leave Kestrel Mining before the vote.",
    );
    assert!(
        found
            .iter()
            .filter(|t| t.contains("Pedro Alves |") && t.contains("Kestrel Mining"))
            .all(|t| t.ends_with("hedged")),
        "{found:?}"
    );
}

#[test]
fn the_default_pipeline_neither_parses_nor_reads_trees() {
    let doc = Pipeline::default().annotate("t", "Maria Lindqvist founded Nordvik Bank.");
    assert!(doc.dependencies.is_empty());
}

#[test]
fn relation_ids_are_those_of_the_document() {
    let doc = hand_built(&patterns()[0].example);
    for r in extract(&doc) {
        assert!(r.head.index() < doc.entities.len() && r.tail.index() < doc.entities.len());
        assert_eq!(r.confidence, 0.7);
        assert!(r.property.is_none());
    }
}

#[test]
fn a_source_and_a_date_are_no_arguments() {
    // "According to Nordvik Bank , Kestrel Mining bought Weber Dairy ."
    let doc = hand_built(
        "According/VERB/4/case to/ADP/1/fixed [Nordvik/PROPN/4/compound Bank/PROPN/8/obl] \
         ,/PUNCT/4/punct [Kestrel/PROPN/7/compound Mining/PROPN/8/nsubj] bought/VERB/0/root \
         [Weber/PROPN/10/compound Dairy/PROPN/8/obj] ./PUNCT/8/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Kestrel Mining | bought | Weber Dairy".to_string()]
    );
    // "Kestrel Mining bought Weber Dairy on Monday ."
    let mut doc = hand_built(
        "[Kestrel/PROPN/2/compound Mining/PROPN/3/nsubj] bought/VERB/0/root \
         [Weber/PROPN/5/compound Dairy/PROPN/3/obj] on/ADP/7/case [Monday/PROPN/3/obl] \
         ./PUNCT/3/punct",
    );
    assert_eq!(extract(&doc).len(), 2);
    doc.entities[2].ty = EntityType::Date;
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Kestrel Mining | bought | Weber Dairy".to_string()]
    );
}

#[test]
fn a_particle_belongs_to_the_label_however_it_is_attached() {
    // "Jon Dahl sat down with Anna Holm ."
    for particle in ["compound:prt", "advmod"] {
        let doc = hand_built(&format!(
            "[Jon/PROPN/3/nsubj Dahl/PROPN/1/flat] sat/VERB/0/root down/ADP/3/{particle} \
             with/ADP/6/case [Anna/PROPN/3/obl Holm/PROPN/6/flat] ./PUNCT/3/punct"
        ));
        assert_eq!(
            triples(&doc, &extract(&doc)),
            vec!["Jon Dahl | sat down with | Anna Holm".to_string()]
        );
    }
}

#[test]
fn a_title_the_tagger_read_as_an_adjective_is_still_a_role() {
    // "Maria Lindqvist , the chief executive of Nordvik Bank , resigned ."
    let doc = hand_built(
        "[Maria/PROPN/11/nsubj Lindqvist/PROPN/1/flat] ,/PUNCT/6/punct the/DET/6/det \
         chief/ADJ/6/amod executive/ADJ/1/appos of/ADP/9/case \
         [Nordvik/PROPN/9/compound Bank/PROPN/6/nmod] ,/PUNCT/6/punct resigned/VERB/0/root \
         ./PUNCT/11/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Maria Lindqvist | chief executive of | Nordvik Bank".to_string()]
    );
}

#[test]
fn a_noun_over_a_name_is_a_role_only_when_it_names_a_position() {
    // "Kestrel founder Anna Holm spoke ." gives a role; "Kestrel photo :
    // Anna Holm" (a picture credit) gives none.
    let role = hand_built(
        "[Kestrel/PROPN/2/compound] founder/NOUN/5/nsubj [Anna/PROPN/2/appos Holm/PROPN/3/flat] \
         spoke/VERB/0/root ./PUNCT/5/punct",
    );
    assert_eq!(
        triples(&role, &extract(&role)),
        vec!["Anna Holm | founder of | Kestrel".to_string()]
    );
    let credit = hand_built(
        "[Kestrel/PROPN/2/compound] photo/NOUN/0/root :/PUNCT/4/punct \
         [Anna/PROPN/2/appos Holm/PROPN/4/flat] ./PUNCT/2/punct",
    );
    assert!(
        extract(&credit).is_empty(),
        "{:?}",
        triples(&credit, &extract(&credit))
    );
}

#[test]
fn a_title_describes_its_own_name_not_the_names_coordinated_with_it() {
    // "Nordvik Ambassador Jon Dahl and Anna Holm spoke ."
    let doc = hand_built(
        "[Nordvik/ADJ/2/amod] Ambassador/PROPN/3/nmod:desc [Jon/PROPN/8/nsubj Dahl/PROPN/3/flat] \
         and/CCONJ/6/cc [Anna/PROPN/3/conj Holm/PROPN/6/flat] spoke/VERB/0/root ./PUNCT/8/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Jon Dahl | ambassador of | Nordvik".to_string()]
    );
}

#[test]
fn an_adjective_the_verb_predicates_of_its_object_belongs_to_the_label() {
    // "Nordvik will hold Kestrel responsible ."
    let doc = hand_built(
        "[Nordvik/PROPN/3/nsubj] will/AUX/3/aux hold/VERB/0/root [Kestrel/PROPN/3/obj] \
         responsible/ADJ/3/xcomp ./PUNCT/3/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Nordvik | hold responsible | Kestrel".to_string()]
    );
}

#[test]
fn a_title_heading_its_name_stands_for_the_name() {
    // "Reporter Anna Holm visited Kestrel ." with the name under the title.
    let doc = hand_built(
        "Reporter/NOUN/4/nsubj [Anna/PROPN/1/flat Holm/PROPN/2/flat] visited/VERB/0/root \
         [Kestrel/PROPN/4/obj] ./PUNCT/4/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Anna Holm | visited | Kestrel".to_string()]
    );
}

#[test]
fn a_phrase_on_the_verb_or_on_its_object_gives_one_label() {
    // "Jon Dahl joined the research program at Nordvik ."
    for (head, relation) in [(3, "obl"), (6, "nmod")] {
        let doc = hand_built(&format!(
            "[Jon/PROPN/3/nsubj Dahl/PROPN/1/flat] joined/VERB/0/root the/DET/6/det \
             research/NOUN/6/compound program/NOUN/3/obj at/ADP/8/case \
             [Nordvik/PROPN/{head}/{relation}] ./PUNCT/3/punct"
        ));
        assert_eq!(
            triples(&doc, &extract(&doc)),
            vec!["Jon Dahl | joined research program at | Nordvik".to_string()],
            "{relation}"
        );
    }
}

#[test]
fn a_title_keeps_every_word_however_its_words_are_attached() {
    // "Nordvik 's national security adviser Jon Dahl resigned ."
    for head in [4, 5] {
        let doc = hand_built(&format!(
            "[Nordvik/PROPN/5/nmod:poss] 's/PART/1/case national/ADJ/{head}/amod \
             security/NOUN/5/compound adviser/NOUN/6/compound \
             [Jon/PROPN/8/nsubj Dahl/PROPN/6/flat] resigned/VERB/0/root ./PUNCT/8/punct"
        ));
        assert_eq!(
            triples(&doc, &extract(&doc)),
            vec!["Jon Dahl | national security adviser of | Nordvik".to_string()]
        );
    }
}

#[test]
fn an_apposition_is_a_role_only_for_a_role_word() {
    // "Kestrel 's robot , Robo , won ." names no role.
    let thing = hand_built(
        "[Kestrel/PROPN/3/nmod:poss] 's/PART/1/case robot/NOUN/7/nsubj ,/PUNCT/5/punct \
         [Robo/PROPN/3/appos] ,/PUNCT/5/punct won/VERB/0/root ./PUNCT/7/punct",
    );
    assert!(extract(&thing).is_empty());
    // "Anna Holm 's brother , Jon Dahl , spoke ."
    let kin = hand_built(
        "[Anna/PROPN/4/nmod:poss Holm/PROPN/1/flat] 's/PART/1/case brother/NOUN/9/nsubj \
         ,/PUNCT/6/punct [Jon/PROPN/4/appos Dahl/PROPN/6/flat] ,/PUNCT/6/punct \
         spoke/VERB/0/root ./PUNCT/9/punct",
    );
    assert_eq!(
        triples(&kin, &extract(&kin)),
        vec!["Jon Dahl | brother of | Anna Holm".to_string()]
    );
}

#[test]
fn a_participle_after_its_clause_and_a_verb_after_the_object_share_nothing() {
    // "Ines Moreau received letters coming from Nordvik ."
    let participle = hand_built(
        "[Ines/PROPN/3/nsubj Moreau/PROPN/1/flat] received/VERB/0/root letters/NOUN/3/obj \
         coming/VERB/3/advcl from/ADP/7/case [Nordvik/PROPN/5/obl] ./PUNCT/3/punct",
    );
    assert!(extract(&participle).is_empty());
    // "Anna Holm interviewed Jon Dahl , known as the Fox ."
    let doc = hand_built(
        "[Anna/PROPN/3/nsubj Holm/PROPN/1/flat] interviewed/VERB/0/root \
         [Jon/PROPN/3/obj Dahl/PROPN/4/flat] ,/PUNCT/7/punct known/VERB/3/conj as/ADP/10/case \
         the/DET/10/det Fox/NOUN/7/obl ./PUNCT/3/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Anna Holm | interviewed | Jon Dahl".to_string()]
    );
}

#[test]
fn a_place_in_apposition_to_a_name_is_no_party() {
    // "Nordvik , Oslo , hired Jon Dahl ."
    let doc = hand_built(
        "[Nordvik/PROPN/5/nsubj] ,/PUNCT/3/punct [Oslo/PROPN/1/appos] ,/PUNCT/3/punct \
         hired/VERB/0/root [Jon/PROPN/5/obj Dahl/PROPN/6/flat] ./PUNCT/5/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Nordvik | hired | Jon Dahl".to_string()]
    );
}

#[test]
fn of_two_subjects_the_parser_gave_the_nearer_is_read() {
    // "Nordvik co-founder Anna Holm wrote to Jon Dahl ." with both names as
    // subjects, as the parser sometimes attaches them.
    let doc = hand_built(
        "[Nordvik/PROPN/5/nsubj] co-founder/ADJ/3/amod [Anna/PROPN/5/nsubj Holm/PROPN/3/flat] \
         wrote/VERB/0/root to/ADP/7/case [Jon/PROPN/5/obl Dahl/PROPN/7/flat] ./PUNCT/5/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Anna Holm | wrote to | Jon Dahl".to_string()]
    );
}

#[test]
fn a_wanted_sale_keeps_its_object_noun_and_preposition() {
    // "Kestrel Mining wants to sell its terminal to Nordvik ."
    let doc = hand_built(
        "[Kestrel/PROPN/2/compound Mining/PROPN/3/nsubj] wants/VERB/0/root to/PART/5/mark \
         sell/VERB/3/xcomp its/PRON/7/nmod:poss terminal/NOUN/5/obj to/ADP/9/case \
         [Nordvik/PROPN/5/obl] ./PUNCT/3/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Kestrel Mining | sell terminal to | Nordvik | hedged".to_string()]
    );
    let on_the_noun = hand_built(
        "[Kestrel/PROPN/2/compound Mining/PROPN/3/nsubj] wants/VERB/0/root to/PART/5/mark \
         sell/VERB/3/xcomp its/PRON/7/nmod:poss terminal/NOUN/5/obj to/ADP/9/case \
         [Nordvik/PROPN/7/nmod] ./PUNCT/3/punct",
    );
    assert_eq!(
        triples(&on_the_noun, &extract(&on_the_noun)),
        vec!["Kestrel Mining | sell terminal to | Nordvik | hedged".to_string()]
    );
}

#[test]
fn a_role_coordinated_with_another_shares_its_preposition() {
    // "Jon Dahl is a senior fellow and chair at Nordvik ."
    let doc = hand_built(
        "[Jon/PROPN/6/nsubj Dahl/PROPN/1/flat] is/AUX/6/cop a/DET/6/det senior/ADJ/6/amod \
         fellow/NOUN/0/root and/CCONJ/8/cc chair/NOUN/6/conj at/ADP/10/case \
         [Nordvik/PROPN/8/nmod] ./PUNCT/6/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Jon Dahl | senior fellow at | Nordvik".to_string()]
    );
}

#[test]
fn a_common_noun_as_a_second_subject_does_not_hide_the_name() {
    // "Nordvik , the bank whose chief resigned , will hold Kestrel responsible ."
    // with "bank" attached as a second subject ("will" is no modal of doubt).
    let doc = hand_built(
        "[Nordvik/PROPN/10/nsubj] ,/PUNCT/1/punct the/DET/4/det bank/NOUN/10/nsubj \
         whose/PRON/6/nmod:poss chief/NOUN/7/nsubj resigned/VERB/4/acl:relcl ,/PUNCT/4/punct \
         will/AUX/10/aux hold/VERB/0/root [Kestrel/PROPN/10/obj] responsible/ADJ/10/xcomp \
         ./PUNCT/10/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        vec!["Nordvik | hold responsible | Kestrel".to_string()]
    );
}

#[test]
fn an_agent_the_parser_hung_on_the_object_name_is_still_the_agent() {
    let doc = hand_built(
        "The/DET/2/det acquisition/NOUN/10/nsubj:pass of/ADP/5/case [Weber/PROPN/5/compound Dairy/PROPN/2/nmod] by/ADP/8/case [Kestrel/PROPN/8/compound Mining/PROPN/5/nmod] was/AUX/10/aux:pass completed/VERB/0/root ./PUNCT/10/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        ["Kestrel Mining | acquisition of | Weber Dairy"]
    );
    // The same with the agent read as a list item of the object.
    let doc = hand_built(
        "The/DET/2/det acquisition/NOUN/10/nsubj:pass of/ADP/5/case [Weber/PROPN/5/compound Dairy/PROPN/2/nmod] by/ADP/8/case [Kestrel/PROPN/8/compound Mining/PROPN/5/list] was/AUX/10/aux:pass completed/VERB/0/root ./PUNCT/10/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        ["Kestrel Mining | acquisition of | Weber Dairy"]
    );
}

#[test]
fn a_name_hung_inside_a_fronted_participle_clause_is_the_main_verbs_subject() {
    let doc = hand_built(
        "Born/VERB/9/advcl in/ADP/3/case [Lyon/PROPN/1/obl] ,/PUNCT/5/punct [France/PROPN/3/appos] ,/PUNCT/7/punct [Ines/PROPN/3/appos Moreau/PROPN/7/flat] joined/VERB/0/root [Nordvik/PROPN/11/compound Bank/PROPN/9/obj] ./PUNCT/9/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Ines Moreau | born in | Lyon",
            "Ines Moreau | joined | Nordvik Bank"
        ]
    );
    // The name's second word hung on the place, not on the first word.
    let doc = hand_built(
        "Born/VERB/7/advcl in/ADP/3/case [Lyon/PROPN/1/obl] ,/PUNCT/5/punct [Ines/PROPN/3/appos Moreau/PROPN/3/flat] joined/VERB/0/root [Nordvik/PROPN/7/obj] ./PUNCT/7/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Ines Moreau | born in | Lyon",
            "Ines Moreau | joined | Nordvik"
        ]
    );
    // A fronted clause with its own subject keeps its apposition.
    let doc = hand_built(
        "After/SCONJ/3/mark [Jon/PROPN/3/nsubj] left/VERB/10/advcl [Lyon/PROPN/3/obj] ,/PUNCT/6/punct [Ines/PROPN/4/appos Moreau/PROPN/6/flat] ,/PUNCT/10/punct then/ADV/10/advmod joined/VERB/0/root [Nordvik/PROPN/10/obj] ./PUNCT/10/punct",
    );
    assert_eq!(triples(&doc, &extract(&doc)), ["Jon | left | Lyon"]);
}

#[test]
fn a_light_verb_in_the_passive_gives_its_agent_the_act() {
    let doc = hand_built(
        "The/DET/2/det signing/NOUN/7/nsubj:pass of/ADP/4/case [Jon/PROPN/2/nmod Dahl/PROPN/4/flat] was/AUX/7/aux:pass completed/VERB/0/root by/ADP/10/case [Kestrel/PROPN/10/compound Rovers/PROPN/7/obl:agent] ./PUNCT/7/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        ["Kestrel Rovers | signed | Jon Dahl"]
    );
}

#[test]
fn an_act_blocked_planned_or_only_possible_is_not_asserted() {
    // Blocking a takeover is no takeover: only the verb's own label.
    let doc = hand_built(
        "[Nordvik/PROPN/2/compound Bank/PROPN/3/nsubj] blocked/VERB/0/root the/DET/5/det takeover/NOUN/3/obj of/ADP/7/case [Brightwave/PROPN/5/nmod] ./PUNCT/3/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        ["Nordvik Bank | blocked takeover of | Brightwave"]
    );
    let doc = hand_built(
        "[Nordvik/PROPN/2/compound Bank/PROPN/5/nmod:poss] 's/PART/2/case proposed/VERB/5/amod takeover/NOUN/11/nsubj of/ADP/7/case [Brightwave/PROPN/5/nmod] has/AUX/11/aux been/AUX/11/aux:pass widely/ADV/11/advmod criticised/VERB/0/root ./PUNCT/11/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        ["Nordvik Bank | took over | Brightwave | hedged"]
    );
    let doc = hand_built(
        "[Nordvik/PROPN/2/compound Bank/PROPN/4/nsubj] has/AUX/4/aux agreed/VERB/0/root a/DET/7/det possible/ADJ/7/amod takeover/NOUN/4/obj of/ADP/9/case [Brightwave/PROPN/7/nmod] ./PUNCT/4/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        ["Nordvik Bank | agreed takeover of | Brightwave | hedged"]
    );
    let doc = hand_built(
        "[Kestrel/PROPN/2/compound Rovers/PROPN/4/nsubj] could/AUX/4/aux complete/VERB/0/root the/DET/6/det signing/NOUN/4/obj of/ADP/8/case [Jon/PROPN/6/nmod Dahl/PROPN/8/flat] ./PUNCT/4/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Kestrel Rovers | complete signing of | Jon Dahl | hedged",
            "Kestrel Rovers | signed | Jon Dahl | hedged"
        ]
    );
}
#[test]
fn a_name_after_a_roles_phrase_is_the_roles_apposition() {
    // "Co-founder of Kestrel , Anna Holm , met Jon Dahl ." with the name
    // read as a second item of "Kestrel".
    let doc = hand_built(
        "Co-founder/NOUN/9/nsubj of/ADP/3/case [Kestrel/PROPN/1/nmod] ,/PUNCT/5/punct [+Anna/PROPN/3/conj Holm/PROPN/5/flat] ,/PUNCT/5/punct personally/ADV/9/advmod met/VERB/0/root [+Jon/PROPN/9/obj Dahl/PROPN/10/flat] ./PUNCT/9/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Anna Holm | co-founder of | Kestrel",
            "Anna Holm | met | Jon Dahl"
        ]
    );
    // The same with the name as an `nmod` of the role without a preposition.
    let doc = hand_built(
        "The/DET/2/det founder/NOUN/10/nsubj of/ADP/4/case [Kestrel/PROPN/2/nmod] ,/PUNCT/6/punct [+Anna/PROPN/2/nmod Holm/PROPN/6/flat] ,/PUNCT/6/punct personally/ADV/10/advmod met/VERB/0/root [+Jon/PROPN/10/obj Dahl/PROPN/11/flat] ./PUNCT/10/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Anna Holm | founder of | Kestrel",
            "Anna Holm | met | Jon Dahl"
        ]
    );
    // A place in apposition to the role's place is no holder of the role,
    // nor a list of names with a conjunction.
    let doc = hand_built(
        "The/DET/2/det mayor/NOUN/8/nsubj of/ADP/4/case [Lyon/PROPN/2/nmod] ,/PUNCT/6/punct [France/PROPN/4/appos] ,/PUNCT/4/punct resigned/VERB/0/root ./PUNCT/8/punct",
    );
    assert!(
        extract(&doc).is_empty(),
        "{:?}",
        triples(&doc, &extract(&doc))
    );
    let doc = hand_built(
        "The/DET/2/det founders/NOUN/11/nsubj of/ADP/4/case [Kestrel/PROPN/2/nmod] ,/PUNCT/6/punct [+Anna/PROPN/4/conj] and/CCONJ/8/cc [+Jon/PROPN/4/conj] ,/PUNCT/4/punct also/ADV/11/advmod left/VERB/0/root ./PUNCT/11/punct",
    );
    assert!(
        extract(&doc).is_empty(),
        "{:?}",
        triples(&doc, &extract(&doc))
    );
}

#[test]
fn a_name_read_as_a_second_subject_after_its_title_is_the_titles_name() {
    let doc = hand_built(
        "[Kestrel/PROPN/2/compound] co-founder/NOUN/5/nsubj [+Anna/PROPN/5/nsubj Holm/PROPN/3/flat] wrote/VERB/0/root [Brightwave/PROPN/5/obj] ./PUNCT/5/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Anna Holm | co-founder of | Kestrel",
            "Anna Holm | wrote | Brightwave"
        ]
    );
}

#[test]
fn a_role_after_a_name_read_as_a_coordination_is_the_names_apposition() {
    // "Kestrel hired Anna Holm , chief executive of Nordvik ." with the
    // role read as a second verb phrase.
    let doc = hand_built(
        "[Kestrel/PROPN/2/nsubj] hired/VERB/0/root [+Anna/PROPN/2/obj Holm/PROPN/3/flat] ,/PUNCT/7/punct chief/ADJ/7/amod executive/NOUN/2/conj of/ADP/9/case [Nordvik/PROPN/7/nmod] ./PUNCT/2/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Anna Holm | chief executive of | Nordvik",
            "Kestrel | hired | Anna Holm"
        ]
    );
    // The same with the title read as an adjective.
    let doc = hand_built(
        "[Kestrel/PROPN/2/nsubj] hired/VERB/0/root [+Anna/PROPN/2/obj Holm/PROPN/3/flat] ,/PUNCT/7/punct chief/ADJ/7/amod executive/ADJ/2/conj of/ADP/9/case [Nordvik/PROPN/7/nmod] ./PUNCT/2/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        [
            "Anna Holm | chief executive of | Nordvik",
            "Kestrel | hired | Anna Holm"
        ]
    );
    // With a conjunction it is a list.
    let doc = hand_built(
        "[Kestrel/PROPN/2/nsubj] hired/VERB/0/root [+Anna/PROPN/2/obj Holm/PROPN/3/flat] ,/PUNCT/8/punct and/CCONJ/8/cc chief/ADJ/8/amod executive/NOUN/2/conj of/ADP/10/case [Nordvik/PROPN/8/nmod] ./PUNCT/2/punct",
    );
    assert_eq!(
        triples(&doc, &extract(&doc)),
        ["Kestrel | hired | Anna Holm"]
    );
}
