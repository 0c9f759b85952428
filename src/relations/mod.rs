//! Stage 5: entities → relations with evidence.
//!
//! Two extractors: [`open`] reads the text's own predicates clause by
//! clause (or [`tree`] from the dependency trees, when
//! `Options::tree_reader` asks); [`typed`] predicts Wikidata properties for entity pairs.
//! Co-mention edges are added only on request.

pub mod open;
pub mod tree;
pub mod typed;

use crate::document::{Document, EntityId, EntityType, MentionKind, Relation, RelationKind};
use crate::pipeline::Options;
use std::collections::BTreeSet;

pub fn extract(doc: &mut Document, options: &Options) {
    let mut relations = open::extract(doc);
    if options.tree_reader {
        // The token reader's typed role edges stay; its open edges give way
        // to the tree reader's, for comparison.
        relations.retain(|r| r.kind != RelationKind::Open);
        relations.extend(tree::extract(doc));
    }
    // The reading rules' typed edges ("X, the chief executive of Y") carry
    // a fixed confidence; like the model's, they go below the threshold.
    relations.retain(|r| r.kind != RelationKind::Typed || r.confidence >= options.min_confidence);
    relations.extend(typed::TypedModel::embedded().predict(doc, options.min_confidence));
    drop_contradicted(doc, &mut relations);
    if options.co_mentions {
        relations.extend(co_mentions(doc));
    }
    doc.relations = relations;
}

/// Drops the typed edges that the rules below find the text contradicts.
/// `textkg eval relations --end-to-end` applies them too.
pub(crate) fn drop_contradicted(doc: &Document, relations: &mut Vec<Relation>) {
    let credits = credited_only(doc);
    let nationalities = nationality_in_roles(doc);
    relations.retain(|r| {
        r.kind != RelationKind::Typed
            || !(office_property_of_a_person(doc, r)
                || credits[r.head.index()]
                || credits[r.tail.index()]
                || citizenship_contradicted(doc, &nationalities, r))
    });
}

/// "applies to jurisdiction" (P1001) holds for an office, a law or a body.
/// Re-DocRED types offices such as "Governor of Texas" as persons (123 of
/// its 247 P1001 triples have a PER head), so the model gives it to
/// persons; here a title is cut from the name into `roles`, and a person's
/// node is the person, never the office.
fn office_property_of_a_person(doc: &Document, relation: &Relation) -> bool {
    relation.property.as_deref() == Some("P1001")
        && doc.entities[relation.head.index()].ty == EntityType::Person
}

/// Rule `dateline-credits`: "OSLO, March 3 (Reuters) -", "LIMA (AP) —":
/// an entity named only in parentheses before a dateline's dash filed the
/// story and is no party to it, so it takes part in no typed edge (the
/// model reads it as lying in the story's country); so does one named
/// only in a byline (rule `byline-credits`). Per entity, whether every
/// name mention of it is such a credit.
fn credited_only(doc: &Document) -> Vec<bool> {
    let mut credited = vec![false; doc.entities.len()];
    let mut named_elsewhere = vec![false; doc.entities.len()];
    for (mention, entity) in doc.mentions.iter().zip(&doc.mention_entity) {
        let Some(entity) = entity else { continue };
        if mention.kind != MentionKind::Name {
            continue;
        }
        let at = |t: Option<usize>| t.map_or("", |t| doc.token_text(t));
        let before = at(mention.tokens.start.checked_sub(1));
        let end = mention.tokens.end;
        let after = at(Some(end).filter(|&t| t < doc.tokens.len()));
        let dash = at(Some(end + 1).filter(|&t| t < doc.tokens.len()));
        let credit = before == "(" && after == ")" && matches!(dash, "-" | "—" | "–");
        if credit || in_byline(doc, mention) {
            credited[entity.index()] = true;
        } else {
            named_elsewhere[entity.index()] = true;
        }
    }
    credited
        .iter()
        .zip(&named_elsewhere)
        .map(|(&credit, &elsewhere)| credit && !elsewhere)
        .collect()
}

/// Rule `nationality-in-role`: "Chilean president Gabriel Rojas", "Marta
/// Vidal, a Peruvian economist": a demonym in a person's role says which
/// country the person is a citizen of. Per entity, that country, when
/// the person's roles name exactly one.
fn nationality_in_roles(doc: &Document) -> Vec<Option<&'static str>> {
    doc.entities
        .iter()
        .map(|entity| {
            if entity.ty != EntityType::Person {
                return None;
            }
            let countries: BTreeSet<&'static str> = entity
                .roles
                .iter()
                .flat_map(|role| demonyms_in(role))
                .collect();
            match countries.len() {
                1 => countries.into_iter().next(),
                _ => None,
            }
        })
        .collect()
}

/// The countries of the demonyms among `words` ("North Korean" before "Korean").
fn demonyms_in(words: &str) -> Vec<&'static str> {
    let words: Vec<&str> = words.split_whitespace().collect();
    let mut countries = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let pair = words.get(i..i + 2).map(|w| w.join(" "));
        if let Some(country) = pair.as_deref().and_then(crate::lexicon::demonym_country) {
            countries.push(country);
            i += 2;
            continue;
        }
        if words[i].starts_with(char::is_uppercase)
            && let Some(country) = crate::lexicon::demonym_country(words[i])
        {
            countries.push(country);
        }
        i += 1;
    }
    countries
}

/// A typed "country of citizenship" (P27) edge from a person whose role
/// names another country's nationality (rule `nationality-in-role`): the
/// model reads citizenship from the story's country, which the role
/// contradicts.
fn citizenship_contradicted(
    doc: &Document,
    nationalities: &[Option<&'static str>],
    relation: &Relation,
) -> bool {
    if relation.kind != RelationKind::Typed || relation.property.as_deref() != Some("P27") {
        return false;
    }
    let Some(nationality) = nationalities[relation.head.index()] else {
        return false;
    };
    let tail = &doc.entities[relation.tail.index()].label;
    crate::lexicon::country(tail).is_some_and(|country| country != nationality)
}

/// Rule `byline-credits`: "By Elena Marsh" on a line of its own names the
/// story's writer, no party to it (the model gave her the story's
/// country as citizenship): a line that opens with "By" and holds only
/// names, "and", commas and no verb.
fn in_byline(doc: &Document, mention: &crate::document::Mention) -> bool {
    let Some(sentence) = doc.sentences.get(mention.sentence.index()) else {
        return false;
    };
    let tokens = sentence.tokens.clone();
    let own_line = |at: usize| {
        let before = doc.text[..at].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with('\n')
    };
    let first = tokens.start;
    let line_after = doc.text[sentence.span.end..]
        .trim_start_matches([' ', '\t'])
        .chars()
        .next()
        .is_none_or(|c| c == '\n');
    doc.token_text(first) == "By"
        && own_line(doc.tokens[first].start)
        && line_after
        && tokens.len() <= 12
        && tokens.clone().skip(1).all(|t| {
            let word = doc.token_text(t);
            word.starts_with(char::is_uppercase) || matches!(word, "and" | "," | "&" | "in")
        })
}

/// Co-mention edges come from the first this many entities a sentence
/// names (by first mention): a news sentence names fewer, and a list of
/// thousands of names would otherwise give millions of edges.
pub const MAX_CO_MENTIONED: usize = 16;

/// One edge per pair of entities named in one sentence; its evidence lists
/// every sentence the pair shares.
fn co_mentions(doc: &Document) -> Vec<Relation> {
    let mut by_sentence: Vec<Vec<(usize, EntityId)>> = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in doc.mentions.iter().enumerate() {
        if !matches!(m.kind, MentionKind::Name | MentionKind::Nominal) {
            continue;
        }
        if let (Some(entity), Some(list)) = (
            doc.mention_entity[i],
            by_sentence.get_mut(m.sentence.index()),
        ) {
            list.push((m.span.start, entity));
        }
    }
    let mut relations = Vec::new();
    for (sentence, mut named) in doc.sentences.iter().zip(by_sentence) {
        named.sort();
        let mut seen = BTreeSet::new();
        named.retain(|&(_, entity)| seen.insert(entity));
        named.truncate(MAX_CO_MENTIONED);
        let entities: BTreeSet<EntityId> = named.into_iter().map(|(_, e)| e).collect();
        let entities: Vec<EntityId> = entities.into_iter().collect();
        for (i, &head) in entities.iter().enumerate() {
            for &tail in &entities[i + 1..] {
                relations.push(Relation {
                    head,
                    tail,
                    kind: RelationKind::CoMention,
                    label: "co-mentioned".to_string(),
                    property: None,
                    confidence: 1.0,
                    negated: false,
                    hedged: false,
                    evidence: vec![sentence.span],
                });
            }
        }
    }
    relations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    #[test]
    fn a_person_never_applies_to_a_jurisdiction() {
        let doc = Pipeline::default().annotate(
            "t",
            "Israeli Prime Minister Benjamin Netanyahu on Sunday fired Defence Minister Yoav \
             Gallant, citing a lack of trust between them during the war in Gaza.",
        );
        let is_office_edge = |r: &Relation| office_property_of_a_person(&doc, r);
        let model_says = typed::TypedModel::embedded().predict(&doc, 0.5);
        assert!(
            model_says.iter().any(is_office_edge),
            "the model gives the person the office's property"
        );
        assert!(!doc.relations.iter().any(is_office_edge));
        assert!(
            doc.relations
                .iter()
                .any(|r| r.property.as_deref() == Some("P6"))
        );
    }

    /// Rule `dateline-credits`: (text, the credited outlet). The model alone
    /// puts both outlets in the story's country.
    #[test]
    fn an_outlet_credited_in_a_dateline_takes_part_in_no_typed_edge() {
        for (text, outlet) in [
            (
                "OSLO, March 3 (Reuters) - Halden Kraft, Norway's largest power producer, \
                 said on Tuesday it would buy Vestfjord Wind for $900 million.\n\nThe \
                 company's chief executive, Eva Lund, said the deal doubled its capacity. \
                 Shares in Halden Kraft rose 3 percent in Oslo.",
                "Reuters",
            ),
            (
                "LIMA (AP) — Rescue teams searched collapsed homes in southern Peru on \
                 Sunday after an earthquake near Arequipa killed 30 people.\n\nPresident \
                 Ana Ruiz flew to Arequipa and declared a state of emergency.",
                "AP",
            ),
        ] {
            let doc = Pipeline::default().annotate("t", text);
            let involves_outlet = |r: &Relation| {
                [r.head, r.tail]
                    .iter()
                    .any(|e| doc.entities[e.index()].label == outlet)
            };
            let model_says = typed::TypedModel::embedded().predict(&doc, 0.3);
            assert!(
                model_says.iter().any(involves_outlet),
                "{outlet}: the model"
            );
            assert!(
                !doc.relations
                    .iter()
                    .any(|r| r.kind == RelationKind::Typed && involves_outlet(r)),
                "{outlet}"
            );
        }
        // Named in the story as well, the outlet is a party to it.
        let doc = Pipeline::default().annotate(
            "t",
            "OSLO, March 3 (Reuters) - Halden Kraft said on Tuesday it would buy Vestfjord \
             Wind.\n\nHalden Kraft told Reuters the deal was done.",
        );
        let credited: Vec<&str> = credited_only(&doc)
            .iter()
            .zip(&doc.entities)
            .filter(|(credited, _)| **credited)
            .map(|(_, e)| e.label.as_str())
            .collect();
        assert!(doc.entities.iter().any(|e| e.label == "Reuters"));
        assert!(!credited.contains(&"Reuters"), "{credited:?}");
    }

    /// Rule `byline-credits`: (text, whether the name is credited only).
    #[test]
    fn a_writer_named_only_in_a_byline_is_credited() {
        for (text, name, credited) in [
            (
                "Harbour Deal Signed\n\nBy Elena Marsh\n\nNorway signed a shipping deal \
                 with Chile on Tuesday, Prime Minister Kari Aasen said in Oslo.",
                "Elena Marsh",
                true,
            ),
            (
                "Talks Resume\n\nBy Elena Marsh and Tomas Berg in Oslo\n\nNorway and \
                 Chile resumed talks on Monday.",
                "Tomas Berg",
                true,
            ),
            // Named in the story too, the writer is a party to it.
            (
                "Talks Resume\n\nBy Elena Marsh\n\nElena Marsh met Kari Aasen in Oslo.",
                "Elena Marsh",
                false,
            ),
            // "By" opening a sentence of the story is no byline.
            (
                "Norway and Chile met in Oslo. By Friday, Kari Aasen had signed the deal.",
                "Kari Aasen",
                false,
            ),
        ] {
            let doc = Pipeline::default().annotate("t", text);
            let credits = credited_only(&doc);
            let entity = doc
                .entities
                .iter()
                .position(|e| e.label == name)
                .unwrap_or_else(|| panic!("{name} in {text}"));
            assert_eq!(credits[entity], credited, "{text}");
        }
    }

    /// Rule `nationality-in-role`: (text, person, the role's country, the
    /// country the model alone also gives as citizenship).
    #[test]
    fn a_demonym_in_a_role_rules_out_citizenship_of_another_country() {
        for (text, person, nationality, story_country) in [
            (
                "The government of Norway signed a fisheries agreement with Chile on \
                 Tuesday. Prime Minister Kari Aasen met Chilean president Gabriel Rojas in Oslo.",
                "Gabriel Rojas",
                "Chile",
                "Norway",
            ),
            (
                "Marta Vidal, a Peruvian economist at the Nordic Trade Institute in Oslo, \
                 said Norway would gain from the deal.",
                "Marta Vidal",
                "Peru",
                "Norway",
            ),
        ] {
            let low = 0.2;
            let doc = Pipeline::new(Options {
                min_confidence: low,
                ..Options::default()
            })
            .annotate("t", text);
            let citizenship = |relations: &[Relation], country: &str| {
                relations.iter().any(|r| {
                    r.property.as_deref() == Some("P27")
                        && doc.entities[r.head.index()].label == person
                        && doc.entities[r.tail.index()].label == country
                })
            };
            let model_says = typed::TypedModel::embedded().predict(&doc, low);
            assert!(
                citizenship(&model_says, story_country),
                "{person}: the model"
            );
            assert!(!citizenship(&doc.relations, story_country), "{person}");
            assert_eq!(
                citizenship(&doc.relations, nationality),
                citizenship(&model_says, nationality),
                "{person}: the role's own country is kept"
            );
        }
    }

    #[test]
    fn demonyms_in_a_role_name_their_countries() {
        for (role, countries) in [
            ("Chilean president", vec!["Chile"]),
            ("former North Korean envoy", vec!["North Korea"]),
            ("Peruvian economist", vec!["Peru"]),
            ("chief executive", vec![]),
            ("Germany's sports minister", vec![]),
        ] {
            assert_eq!(demonyms_in(role), countries, "{role}");
        }
    }

    #[test]
    fn every_typed_edge_obeys_the_threshold() {
        let text = "Maria Lindqvist, the chief executive of Nordvik Bank, met Prime Minister \
                    Anders Holm in Oslo on Monday.";
        let at = |min_confidence: f32| {
            Pipeline::new(Options {
                min_confidence,
                ..Options::default()
            })
            .annotate("t", text)
        };
        let everything = at(0.0);
        let typed = |doc: &Document| {
            doc.relations
                .iter()
                .filter(|r| r.kind == RelationKind::Typed)
                .map(|r| r.confidence)
                .collect::<Vec<f32>>()
        };
        assert!(
            !typed(&everything).is_empty(),
            "the role gives a typed edge (employer)"
        );
        assert!(typed(&at(1.0)).iter().all(|&c| c >= 1.0));
        let middle = 0.82;
        assert!(typed(&at(middle)).iter().all(|&c| c >= middle));
        // Open edges are the text's own words, not scored: no threshold.
        let open = |doc: &Document| {
            doc.relations
                .iter()
                .filter(|r| r.kind == RelationKind::Open)
                .count()
        };
        assert_eq!(open(&at(1.0)), open(&everything));
    }
}
