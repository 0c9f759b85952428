use super::*;
use crate::pipeline::Pipeline;

fn mentions(text: &str) -> Vec<(String, EntityType, MentionKind, Option<String>)> {
    let doc = Pipeline::default().annotate("t", text);
    doc.mentions
        .iter()
        .map(|m| {
            (
                doc.slice(m.span).to_string(),
                m.ty,
                m.kind,
                m.role.map(|r| doc.slice(r).to_string()),
            )
        })
        .collect()
}

fn has_mention(
    found: &[(String, EntityType, MentionKind, Option<String>)],
    text: &str,
    ty: EntityType,
) -> bool {
    let present = found.iter().any(|m| m.0 == text && m.1 == ty);
    if !present {
        eprintln!("no {ty:?} {text} in {found:?}");
    }
    present
}

/// The types a name-typing rule gives the names at `ranges`, each read
/// first as a person's.
fn role_of(
    found: &[(String, EntityType, MentionKind, Option<String>)],
    name: &str,
) -> Option<String> {
    found
        .iter()
        .find(|m| m.0 == name)
        .unwrap_or_else(|| panic!("{name} in {found:?}"))
        .3
        .clone()
}
fn retyped(
    doc: &Document,
    ranges: Vec<Range<usize>>,
    rule: fn(&Document, &mut [NameSpan]),
) -> Vec<EntityType> {
    let mut names: Vec<NameSpan> = ranges
        .into_iter()
        .map(|range| (range, EntityType::Person))
        .collect();
    rule(doc, &mut names);
    names.into_iter().map(|(_, ty)| ty).collect()
}

/// [`retyped`] for a rule that may add names too: the types of the names
/// given, in order.
fn edited(
    doc: &Document,
    ranges: Vec<Range<usize>>,
    rule: fn(&Document, &mut Vec<NameSpan>),
) -> Vec<EntityType> {
    let given = ranges.len();
    let mut names: Vec<NameSpan> = ranges
        .into_iter()
        .map(|range| (range, EntityType::Person))
        .collect();
    rule(doc, &mut names);
    names.into_iter().take(given).map(|(_, ty)| ty).collect()
}

/// A hand-tagged document (see [`testing::tagged`]) and the token range of
/// each listed word sequence (first occurrence at or after the previous one).
fn doc_with(text: &str, parts: &[&str]) -> (Document, Vec<Range<usize>>) {
    doc_tagged(text, &[], parts)
}

fn doc_tagged(text: &str, tags: &[(&str, Upos)], parts: &[&str]) -> (Document, Vec<Range<usize>>) {
    let doc = testing::tagged(text, tags);
    let ranges = testing::ranges(&doc, parts);
    (doc, ranges)
}

#[test]
fn a_full_name_run_on_over_of_is_a_person_and_a_place() {
    let (doc, r) = doc_with(
        "Senator Tom Whitaker of Ohio led the opposition. Catherine of Aragon was queen.",
        &["Tom Whitaker of Ohio", "Catherine of Aragon"],
    );
    let names: Vec<NameSpan> = r.iter().map(|r| (r.clone(), EntityType::Person)).collect();
    let split: Vec<(&str, EntityType)> = split_person_of_place(&doc, names)
        .into_iter()
        .map(|(range, ty)| (doc.slice(doc.token_span(range)), ty))
        .collect();
    assert_eq!(
        split,
        [
            ("Tom Whitaker", EntityType::Person),
            ("Ohio", EntityType::Location),
            ("Catherine of Aragon", EntityType::Person)
        ]
    );
}

#[test]
fn two_full_names_side_by_side_stay_two() {
    let (doc, r) = doc_with(
        "Attendees: Ines Varga Tomas Lind. Pavel Orlov came.",
        &["Ines Varga", "Tomas Lind", "Pavel", "Orlov"],
    );
    let names: Vec<NameSpan> = r.iter().map(|r| (r.clone(), EntityType::Person)).collect();
    let joined = join_split_titles(&doc, names);
    let texts: Vec<&str> = joined
        .iter()
        .map(|(r, _)| doc.slice(doc.token_span(r.clone())))
        .collect();
    assert_eq!(texts, ["Ines Varga", "Tomas Lind", "Pavel Orlov"]);
}

#[test]
fn a_hyphenated_name_splits_only_where_its_sides_stand_alone() {
    let (doc, r) = doc_with(
        "Rolls-Royce built a plant. Rolls-Royce said so. The Trump-Kim summit: Trump met Kim.",
        &["Rolls-Royce", "Rolls-Royce", "Trump-Kim", "Trump", "Kim"],
    );
    let names: Vec<NameSpan> = r
        .iter()
        .map(|r| (r.clone(), EntityType::Organization))
        .collect();
    let split = split_hyphenated_pairs(&doc, names);
    let texts: Vec<&str> = split
        .iter()
        .map(|(r, _)| doc.slice(doc.token_span(r.clone())))
        .collect();
    assert_eq!(
        texts,
        ["Rolls-Royce", "Rolls-Royce", "Trump", "Kim", "Trump", "Kim"]
    );
}

#[test]
fn an_article_after_a_preposition_stays_in_the_name() {
    let (doc, r) = doc_with(
        "He sat on the Supreme Court of the State of Ohio.",
        &["Supreme Court of the State of Ohio"],
    );
    let (range, _, _) = refine_name(&doc, r[0].clone(), EntityType::Organization).expect("a name");
    assert_eq!(range, r[0]);
}

#[test]
fn a_name_run_on_into_a_weekday_ends_before_it() {
    let doc = testing::tagged("interviewed by Harbour Times Saturday, March 3", &[]);
    let (range, ..) = refine_name(&doc, 2..5, EntityType::Organization).expect("a name");
    assert_eq!(doc.slice(doc.token_span(range)), "Harbour Times");
    let (range, ..) = refine_name(&doc, 2..5, EntityType::Misc).expect("a name");
    assert_eq!(doc.slice(doc.token_span(range)), "Harbour Times Saturday");
}

#[test]
fn a_name_run_on_over_a_preposition_and_a_weekday_loses_both() {
    let doc = testing::tagged("Regulators fined Velmora Bank on Tuesday.", &[]);
    let (range, ..) = refine_name(&doc, 2..6, EntityType::Organization).expect("a name");
    assert_eq!(doc.slice(doc.token_span(range)), "Velmora Bank");
}

#[test]
fn a_headline_the_recogniser_ran_together_keeps_only_the_names_the_story_gives() {
    let found = mentions(
        "Regulators Fine Velmora Bank Over Data Breach\n\n\
         Photo by Ines Araujo\n\n\
         The Harbour Authority fined Velmora Bank on Tuesday.",
    );
    let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
    assert!(
        names
            .iter()
            .all(|t| !t.contains("Regulators") && !t.contains("Breach")),
        "{names:?}"
    );
    assert!(
        names.contains(&"Ines Araujo"),
        "a credit line keeps its names: {names:?}"
    );
    assert!(names.contains(&"Velmora Bank"), "{names:?}");
}

#[test]
fn a_name_does_not_run_over_a_lower_case_verb() {
    let doc =
        Pipeline::default().annotate("t", "The Harbour Council fined Nordvik Shipping on Monday.");
    let council = 1..3;
    let split = split_at_verbs(
        &doc,
        vec![
            (1..6, EntityType::Organization),
            (council, EntityType::Organization),
        ],
    );
    let texts: Vec<&str> = split
        .iter()
        .map(|(range, _)| doc.slice(doc.token_span(range.clone())))
        .collect();
    assert_eq!(
        texts,
        ["Harbour Council", "Nordvik Shipping", "Harbour Council"]
    );
}

#[test]
fn stacked_titles_are_one_role() {
    let found = mentions("Detective Chief Inspector Sarah Jones appealed for witnesses.");
    assert_eq!(found[0].0, "Sarah Jones");
    assert_eq!(found[0].3.as_deref(), Some("Detective Chief Inspector"));
}

#[test]
fn titles_become_roles_and_are_not_part_of_the_name() {
    let found = mentions("Later, Secretary of State Mike Pompeo met Mr. Lee.");
    assert!(found.contains(&(
        "Mike Pompeo".into(),
        EntityType::Person,
        MentionKind::Name,
        Some("Secretary of State".into())
    )));
    assert!(found.iter().any(|(t, ty, _, r)| t == "Lee"
        && *ty == EntityType::Person
        && r.as_deref() == Some("Mr.")));
}

#[test]
fn a_long_title_is_one_role_even_where_the_recogniser_cut_it() {
    let found = mentions("Senate Majority Leader Chuck Schumer said he would try again.");
    assert!(found.contains(&(
        "Chuck Schumer".into(),
        EntityType::Person,
        MentionKind::Name,
        Some("Senate Majority Leader".into())
    )));
    assert!(found.iter().all(|(t, ..)| !t.starts_with("Senate")));
}

#[test]
fn a_title_case_headline_keeps_only_the_names_its_story_gives() {
    let found = mentions(
        "Velmont Sues Corvix Over Battery Patents In Texas Court\n\n\
         Velmont sued Corvix on Monday in Austin, Texas, saying Corvix copied its design.",
    );
    let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
    assert!(
        names
            .iter()
            .all(|t| !t.contains("Sues") && !t.contains("Court")),
        "{names:?}"
    );
    assert!(
        names.iter().filter(|t| **t == "Velmont").count() >= 2,
        "{names:?}"
    );
}

#[test]
fn a_dateline_names_a_place() {
    let found = mentions(
        "NORTH VELMONT, March 3 (Reuters) - Velmont Inc said on Monday it would close a plant.",
    );
    assert!(found.contains(&(
        "NORTH VELMONT".into(),
        EntityType::Location,
        MentionKind::Name,
        None
    )));
}

#[test]
fn hyphenated_names_stay_whole_but_modifiers_do_not_join() {
    let found = mentions(
        "Moon Jae-in met Ban Ki-moon in Port-au-Prince. \
         The Ruiz-backed plan and Obama-era rules were dropped.",
    );
    let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
    for whole in ["Moon Jae-in", "Ban Ki-moon", "Port-au-Prince"] {
        assert!(names.contains(&whole), "{whole} in {names:?}");
    }
    assert!(
        names
            .iter()
            .all(|n| !n.contains("backed") && !n.contains("era")),
        "{names:?}"
    );
}

#[test]
fn initials_of_an_organisation_named_in_full_are_its_name() {
    let found = mentions(
        "The World Health Organization met in Geneva. \
         WHO Director-General Tedros Adhanom Ghebreyesus spoke first.",
    );
    assert!(found.contains(&(
        "WHO".into(),
        EntityType::Organization,
        MentionKind::Name,
        None
    )));
    assert!(
        found
            .iter()
            .any(|(t, _, _, role)| t == "Tedros Adhanom Ghebreyesus"
                && role.as_deref() == Some("WHO Director-General"))
    );
}

#[test]
fn lower_case_roles_keep_their_country() {
    let found = mentions("He met Chilean president Ana Soto in Lima.");
    let ana = found
        .iter()
        .find(|m| m.0 == "Ana Soto")
        .expect("Ana Soto found");
    assert_eq!(ana.3.as_deref(), Some("Chilean president"));
}

#[test]
fn a_surname_particle_read_as_a_verb_keeps_the_name_whole_and_a_person() {
    let found = mentions(
        "Laurence des Cars, the museum's director, told senators that cameras had failed.",
    );
    assert!(has_mention(&found, "Laurence des Cars", EntityType::Person));
}

#[test]
fn a_storm_is_an_event() {
    let found = mentions("Hurricane Delia made landfall near Tampico on Thursday.");
    let doc = Pipeline::default().annotate(
        "t",
        "Hurricane Delia made landfall near Tampico. Delia weakened over land.",
    );
    let delia = doc
        .entities
        .iter()
        .find(|e| e.label == "Hurricane Delia")
        .expect("storm found");
    assert!(delia.aliases.contains(&"Delia".to_string()));
    assert!(has_mention(&found, "Hurricane Delia", EntityType::Misc));
}

#[test]
fn a_demonym_standing_for_a_language_is_no_mention() {
    let found = mentions(
        "Osei studied English at Legon and wrote in French. The English team won. \
         She is French.",
    );
    let demonyms: Vec<&str> = found
        .iter()
        .filter(|m| m.2 == MentionKind::Demonym)
        .map(|m| m.0.as_str())
        .collect();
    assert_eq!(demonyms, ["English", "French"]);
}

#[test]
fn demonyms_and_pronouns_are_mentions_of_their_own_kind() {
    let found = mentions("The Peruvian minister said she would visit Canada.");
    assert!(
        found
            .iter()
            .any(|m| m.0 == "Peruvian" && m.2 == MentionKind::Demonym)
    );
    assert!(
        found
            .iter()
            .any(|m| m.0 == "she" && m.2 == MentionKind::Pronoun)
    );
    assert!(
        found
            .iter()
            .any(|m| m.0 == "Canada" && m.1 == EntityType::Location)
    );
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    let found = mentions("Analysts expect growth. Markets rose in Oslo.");
    assert!(!found.iter().any(|m| m.0 == "Analysts" || m.0 == "Markets"));
    assert!(
        found
            .iter()
            .any(|m| m.0 == "Oslo" && m.1 == EntityType::Location)
    );
}

#[test]
fn news_organisations_are_organisations_but_not_inside_longer_names() {
    let found =
        mentions("Photo by Ana Soto/Reuters. Vice President Ana Soto told The Washington Post.");
    assert!(
        found
            .iter()
            .any(|m| m.0 == "Reuters" && m.1 == EntityType::Organization)
    );
    assert!(
        found
            .iter()
            .any(|m| m.0 == "The Washington Post" && m.1 == EntityType::Organization)
    );
    assert!(!found.iter().any(|m| m.0 == "Vice"));
}

#[test]
fn a_capital_or_company_named_alone_is_one_unless_a_person_bears_the_name() {
    let (doc, ranges) = doc_with(
        "Sefcovic said Brussels might respond. George Washington wrote to Washington. \
         Nvidia's shares rose. Nikola Tesla met Tesla. Lockheed Martin built it.",
        &[
            "Brussels",
            "George Washington",
            "Washington",
            "Nvidia",
            "Nikola Tesla",
            "Tesla",
            "Lockheed Martin",
        ],
    );
    let types = retyped(&doc, ranges, known_places_and_companies);
    use EntityType::{Location, Organization, Person};
    assert_eq!(
        types,
        [
            Location,
            Person,
            Person,
            Organization,
            Person,
            Person,
            Organization
        ]
    );
}

#[test]
fn geonames_capitals_and_large_cities_named_alone_are_places() {
    let (doc, ranges) = doc_with(
        "Lagos voted on Monday. Ouagadougou replied. Victoria said no. Oakhurst agreed. \
         Talks in Victoria ended. Trust in Victoria's aide fell.",
        &[
            "Lagos",
            "Ouagadougou",
            "Victoria",
            "Oakhurst",
            "Victoria",
            "Victoria",
        ],
    );
    let types = retyped(&doc, ranges, known_places_and_companies);
    use EntityType::{Location, Person};
    // A given name and a name GeoNames lacks keep the recogniser's type; a
    // given name after a preposition of place is the city.
    assert_eq!(
        types,
        [Location, Location, Person, Person, Location, Person]
    );
}

#[test]
fn a_name_called_a_unit_or_subsidiary_of_a_company_is_an_organisation() {
    let (doc, ranges) = doc_with(
        "Kestrel agreed to sell its truck unit Haldor to investors. Brightwave, a \
         subsidiary of Kestrel, makes engines. Anna Holm, a former Kestrel engineer, \
         left.",
        &[
            "Kestrel",
            "Haldor",
            "Brightwave",
            "Kestrel",
            "Anna Holm",
            "Kestrel",
        ],
    );
    let types = edited(&doc, ranges, organizations_by_apposition);
    use EntityType::{Organization, Person};
    assert_eq!(
        types,
        [Person, Organization, Organization, Person, Person, Person]
    );
}

#[test]
fn a_name_set_off_after_a_noun_inside_a_prepositional_phrase_is_not_that_nouns() {
    let (doc, ranges) = doc_with(
        "A spokesman for the agency, Paolo Ferri, declined to comment. The construction \
         firm, Ridgeway Builders, pleaded guilty.",
        &["Paolo Ferri", "Ridgeway Builders"],
    );
    let types = edited(&doc, ranges, organizations_by_apposition);
    assert_eq!(types, [EntityType::Person, EntityType::Organization]);
}

#[test]
fn an_apposition_with_a_hyphened_modifier_still_calls_the_name_an_organisation() {
    let (doc, ranges) = doc_tagged(
        "Kessel bought Halvard Controls, a Leeds-based maker of pumps, in May. \
         Tomas Brel, a Lyon-born writer of novels, spoke.",
        &[("based", Upos::Verb), ("born", Upos::Verb)],
        &["Halvard Controls", "Tomas Brel"],
    );
    let types = edited(&doc, ranges, organizations_by_apposition);
    assert_eq!(types, [EntityType::Organization, EntityType::Person]);
}

#[test]
fn an_apposition_after_a_possessor_names_what_the_name_is() {
    let (doc, ranges) = doc_with(
        "Critics in the Velting, Iceland's parliament, rejected the plan. Mara Lind, \
         the company's chief executive, resigned. Grenholt, Norway's largest bank, \
         posted a loss.",
        &["Velting", "Mara Lind", "Grenholt"],
    );
    let types = edited(&doc, ranges, organizations_by_apposition);
    use EntityType::{Organization, Person};
    assert_eq!(types, [Organization, Person, Organization]);
}

#[test]
fn a_name_the_text_calls_a_firm_is_an_organisation() {
    let (doc, ranges) = doc_with(
        "It was designed by Gensler, an architecture firm. British bank Barclays \
         hired Wei Chen, a former Google engineer. The construction firm, Ridgeway \
         Builders, pleaded guilty. Gensler was founded in 1965. Ana Ruiz, chief \
         economist at Harambee Capital, met a doctor at Nairobi. It was funded by \
         the drugmaker Nordpharma.",
        &[
            "Gensler",
            "Barclays",
            "Wei Chen",
            "Google",
            "Ridgeway Builders",
            "Gensler",
            "Ana Ruiz",
            "Harambee Capital",
            "Nairobi",
            "Nordpharma",
        ],
    );
    let types = edited(&doc, ranges, organizations_by_apposition);
    assert_eq!(
        types,
        [
            EntityType::Organization,
            EntityType::Organization,
            EntityType::Person,
            EntityType::Person,
            EntityType::Organization,
            EntityType::Organization,
            EntityType::Person,
            EntityType::Organization,
            EntityType::Person,
            EntityType::Organization
        ]
    );
}

#[test]
fn an_office_named_by_its_portfolio_is_a_role() {
    let found = mentions("Trade Commissioner Maros Sefcovic said talks would go on.");
    let sefcovic = found
        .iter()
        .find(|m| m.0 == "Maros Sefcovic")
        .expect("the name without its title");
    assert_eq!(sefcovic.3.as_deref(), Some("Trade Commissioner"));
}

#[test]
fn a_company_is_named_by_its_legal_form_even_after_a_title_word() {
    let found = mentions("Ford Motor Co issued a recall. General Motors said it would follow.");
    assert!(
        found
            .iter()
            .any(|m| m.0 == "Ford Motor Co" && m.1 == EntityType::Organization)
    );
    let general_motors = found
        .iter()
        .find(|m| m.0.ends_with("Motors") && m.0 != "Ford Motor Co")
        .expect("General Motors found");
    assert_eq!(general_motors.0, "General Motors");
    assert_eq!(general_motors.3, None);
}

#[test]
fn a_common_noun_opening_a_sentence_owns_only_a_companys_title() {
    let (doc, parts) = doc_tagged(
        "Opposition senator Ana Ruiz spoke. Kestrel chief executive Tom Berg agreed. \
         LIMA (Reuters) - Government spokesman Eva Lind said so. Senators met Nordvik \
         spokesman Lars Dahl. Transport Peru spokesman Ivo Rios agreed. Club president \
         Rui Leal resigned.",
        &[
            ("Opposition", Upos::Noun),
            ("Kestrel", Upos::Noun),
            ("Government", Upos::Noun),
            ("Senators", Upos::Noun),
            ("spoke", Upos::Verb),
            ("agreed", Upos::Verb),
            ("said", Upos::Verb),
            ("met", Upos::Verb),
            ("Transport", Upos::Noun),
        ],
        &[
            "Ana Ruiz",
            "Tom Berg",
            "LIMA",
            "Reuters",
            "Eva Lind",
            "Lars Dahl",
            "Peru",
            "Ivo Rios",
            "Rui Leal",
        ],
    );
    let types = [
        EntityType::Person,
        EntityType::Person,
        EntityType::Location,
        EntityType::Organization,
        EntityType::Person,
        EntityType::Person,
        EntityType::Location,
        EntityType::Person,
        EntityType::Person,
    ];
    let names: Vec<NameSpan> = parts.into_iter().zip(types).collect();
    let owners: Vec<&str> = role_owners(&doc, &names)
        .into_iter()
        .map(|(range, _)| doc.slice(doc.token_span(range)))
        .collect();
    assert_eq!(owners, ["Kestrel", "Nordvik", "Transport Peru"]);
}

#[test]
fn a_kind_of_place_alone_before_a_title_owns_no_role() {
    let (doc, parts) = doc_tagged(
        "District Judge Mara Whitlow ruled. State Senator Colin Dreyer voted. \
         Velmont Judge Ivo Rios ruled.",
        &[("ruled", Upos::Verb), ("voted", Upos::Verb)],
        &["Mara Whitlow", "Colin Dreyer", "Ivo Rios"],
    );
    let names: Vec<NameSpan> = parts
        .into_iter()
        .map(|range| (range, EntityType::Person))
        .collect();
    let owners: Vec<&str> = role_owners(&doc, &names)
        .into_iter()
        .map(|(range, _)| doc.slice(doc.token_span(range)))
        .collect();
    assert_eq!(owners, ["Velmont"]);
}

#[test]
fn what_a_company_title_belongs_to_is_an_organisation() {
    let (doc, ranges) = doc_tagged(
        "Elon Musk, the chief executive of Tesla, met Nordvik chief executive Anna Holm \
         and the founder of Lumen, Lars Dahl, in Norway. Norway's chief executive was absent. \
         A former executive of Construtora Norte testified. Velda Andes's former chief \
         executive, Rui Mata, testified. Rui Mata's former wife spoke.",
        &[("former", Upos::Adj)],
        &[
            "Elon Musk",
            "Tesla",
            "Nordvik",
            "Anna Holm",
            "Lumen",
            "Norway",
            "Norway",
            "Construtora Norte",
            "Velda Andes",
            "Rui Mata",
            "Rui Mata",
        ],
    );
    let types = edited(&doc, ranges, owners_of_corporate_titles);
    use EntityType::{Organization, Person};
    assert_eq!(
        types,
        [
            Person,
            Organization,
            Organization,
            Person,
            Organization,
            Person,
            Person,
            Organization,
            Organization,
            Person,
            Person
        ]
    );
}

#[test]
fn proper_nouns_before_a_country_name_an_organisation_and_clitics_name_nothing() {
    let (doc, ranges) = doc_with(
        "Statistics Canada said prices rose in Canada.",
        &["Canada", "Canada"],
    );
    let names: Vec<NameSpan> = ranges
        .iter()
        .map(|range| (range.clone(), EntityType::Location))
        .collect();
    let names = names_ending_in_a_country(&doc, names);
    let texts: Vec<(&str, EntityType)> = names
        .iter()
        .map(|(range, ty)| (doc.slice(doc.token_span(range.clone())), *ty))
        .collect();
    assert_eq!(
        texts,
        [
            ("Statistics Canada", EntityType::Organization),
            ("Canada", EntityType::Location)
        ]
    );
    let (doc, ranges) = doc_with("Fine, I'll see.", &["I'll"]);
    assert_eq!(refine_name(&doc, ranges[0].clone(), EntityType::Misc), None);
}

#[test]
fn a_lower_case_noun_after_a_name_is_not_part_of_it() {
    let found = mentions(
        "NASA said on Thursday that it had postponed the landing, citing problems with \
         the heat shield of the Orion capsule and delays at SpaceX.",
    );
    let names: Vec<&str> = found.iter().map(|(text, ..)| text.as_str()).collect();
    assert!(names.contains(&"Orion"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("capsule")), "{names:?}");
}

#[test]
fn a_name_word_in_a_prefix_compound_belongs_to_the_modifier() {
    let found = mentions("Pro-Brussels EPP's Anna Berg won a seat in Ghent.");
    let names: Vec<&str> = found.iter().map(|(text, ..)| text.as_str()).collect();
    assert!(names.contains(&"EPP"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.contains("Brussels EPP")),
        "{names:?}"
    );
}

#[test]
fn an_age_may_stand_between_a_name_and_its_role() {
    let found = mentions(
        "Tomas Reyes, 52, a former finance minister, leads the party. Eva Lund, 41, \
         said the vote was close.",
    );
    assert_eq!(
        role_of(&found, "Tomas Reyes").as_deref(),
        Some("former finance minister")
    );
    assert_eq!(role_of(&found, "Eva Lund"), None);
}

#[test]
fn an_occupation_before_or_set_off_after_a_name_is_a_role() {
    let found = mentions(
        "Police freed journalist Emre Kaya on Thursday. Ingrid Berg, a veteran \
         economist, said the film starring Tom Hanks was weak. The team was led by \
         neurologist Kadri Tamm.",
    );
    for (name, role) in [
        ("Emre Kaya", Some("journalist")),
        ("Kadri Tamm", Some("neurologist")),
        ("Ingrid Berg", Some("veteran economist")),
        ("Tom Hanks", None),
    ] {
        assert_eq!(role_of(&found, name).as_deref(), role, "{name}");
    }
}

/// (text, the name the recogniser read, the name and role after refining).
#[test]
fn an_occupation_opening_a_sentence_before_a_full_name_is_a_role() {
    for (text, read, name, role) in [
        (
            "Striker Lucas Ferreira scored twice.",
            "Striker Lucas Ferreira",
            "Lucas Ferreira",
            Some("Striker"),
        ),
        (
            "Economist Ingrid Berg disagreed on Monday.",
            "Economist Ingrid Berg",
            "Ingrid Berg",
            Some("Economist"),
        ),
        // A two-word name keeps its first word: it may be a given name.
        ("Mason Berg disagreed.", "Mason Berg", "Mason Berg", None),
        // Not at the sentence's start, a capitalised word is the name's.
        (
            "Fans cheered Striker Lucas Ferreira.",
            "Striker Lucas Ferreira",
            "Striker Lucas Ferreira",
            None,
        ),
    ] {
        let (doc, ranges) = doc_with(text, &[read]);
        let (range, _, found_role) =
            refine_name(&doc, ranges[0].clone(), EntityType::Person).expect("a name");
        assert_eq!(doc.slice(doc.token_span(range)), name, "{text}");
        assert_eq!(found_role.map(|r| doc.slice(r)), role, "{text}");
    }
}

#[test]
fn adjectives_between_the_article_and_a_title_set_off_by_a_comma_are_part_of_the_role() {
    let found = mentions(
        "The new foreign minister, Eva Lindqvist, flew to Vienna. The outgoing economy \
         minister, Ola Brekke, stayed home. The long report, Tove Rask said, was late.",
    );
    for (name, role) in [
        ("Eva Lindqvist", Some("new foreign minister")),
        ("Ola Brekke", Some("outgoing economy minister")),
        ("Tove Rask", None),
    ] {
        assert_eq!(role_of(&found, name).as_deref(), role, "{name}");
    }
}

#[test]
fn a_portfolio_in_lower_case_before_an_office_is_a_role() {
    let found = mentions(
        "The agriculture minister, Tove Rask, opened the fair. The Danish fisheries \
         minister, Per Holm, visited Esbjerg. The prize was founded by the \
         industrialist Arne Voll. The minister, Ola Brekke, left early.",
    );
    for (name, role) in [
        ("Tove Rask", Some("agriculture minister")),
        ("Per Holm", Some("Danish fisheries minister")),
        ("Arne Voll", Some("industrialist")),
    ] {
        assert_eq!(role_of(&found, name).as_deref(), role, "{name}");
    }
}

#[test]
fn organisations_and_clubs_read_as_people_or_places_are_organisations() {
    let found = mentions(
        "Halvorsen Semiconductor said it would hire 200 engineers. Halvorsen's chief \
         executive, Maria Lindqvist, praised Tom Church.",
    );
    let type_of = |name: &str| {
        found
            .iter()
            .find(|(text, ..)| text == name)
            .map(|(_, ty, ..)| *ty)
    };
    assert_eq!(
        type_of("Halvorsen Semiconductor"),
        Some(EntityType::Organization)
    );
    assert_eq!(type_of("Halvorsen"), Some(EntityType::Organization));
    assert_eq!(type_of("Tom Church"), Some(EntityType::Person));
    let found = mentions(
        "Lena Okafor scored twice as Rivermouth United beat Castlegate Rovers 3-1. \
         Castlegate's manager, Sean Doyle, blamed the referee.",
    );
    let type_of = |name: &str| {
        found
            .iter()
            .find(|(text, ..)| text == name)
            .map(|(_, ty, ..)| *ty)
    };
    for club in ["Rivermouth United", "Castlegate Rovers", "Castlegate"] {
        assert_eq!(type_of(club), Some(EntityType::Organization), "{club}");
    }
    assert_eq!(type_of("Lena Okafor"), Some(EntityType::Person));
    // A club named by its first word, then by the rest of its name.
    let found = mentions(
        "Velmont reached the final after a 2-1 win over holders Real Corvix. Corvix had \
         led through a penalty, and Corvix president Javier Molina praised the fans.",
    );
    for club in ["Real Corvix", "Corvix"] {
        let ty = found.iter().find(|(text, ..)| text == club).map(|m| m.1);
        assert_eq!(ty, Some(EntityType::Organization), "{club}");
    }
    let found = mentions("Fauzi took 2 million ringgit from Teras Maju, which won a contract.");
    let teras = found.iter().find(|(text, ..)| text == "Teras Maju");
    assert_eq!(teras.map(|m| m.1), Some(EntityType::Organization));
}

#[test]
fn an_organisation_named_by_its_kind_goes_on_over_a_preposition() {
    let found = mentions(
        "The Committee to Protect Journalists urged Ana Ruiz to act. The Council met on \
         Monday.",
    );
    let names: Vec<&str> = found.iter().map(|(text, ..)| text.as_str()).collect();
    assert!(
        names.contains(&"Committee to Protect Journalists"),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Monday") && n.contains("Council"))
    );
    let found = mentions(
        "Ana Ruiz of the National Council for the Care of Veterans spoke. The Office for \
         National Statistics said prices rose. Researchers at the University of Twente of \
         the Netherlands agreed. The United States Centers for Disease Control and Prevention sent a team. \
         She sat on the Council for the",
    );
    let names: Vec<&str> = found.iter().map(|(text, ..)| text.as_str()).collect();
    for name in [
        "National Council for the Care of Veterans",
        "Office for National Statistics",
        "United States Centers for Disease Control and Prevention",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert!(
        !names.iter().any(|n| n.ends_with("the Netherlands")),
        "{names:?}"
    );
    // "to" before a name ending like an organisation's: two parties.
    let found = mentions("Halvard Group sold Lumeris Systems to Kessel Industrie last year.");
    let names: Vec<&str> = found.iter().map(|(text, ..)| text.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains(" to ")), "{names:?}");
}

#[test]
fn an_organisation_over_a_preposition_goes_on_over_a_hyphened_word_to_a_continent() {
    let (doc, parts) = doc_tagged(
        "The Agency for Maritime Safety and Co-operation in Africa sent a team. \
         The Office for Harbour Safety in Lisbon said so. The Fund for Non-aligned \
         Research and Development of Asia paid.",
        &[
            ("sent", Upos::Verb),
            ("said", Upos::Verb),
            ("paid", Upos::Verb),
        ],
        &["The Agency for Maritime Safety", "Africa", "Lisbon", "Asia"],
    );
    let names = vec![
        (parts[0].clone(), EntityType::Organization),
        (parts[1].clone(), EntityType::Location),
        (parts[2].clone(), EntityType::Location),
        (parts[3].clone(), EntityType::Location),
    ];
    let found: Vec<&str> = organizations_over_prepositions(&doc, &names)
        .into_iter()
        .map(|(range, _)| doc.slice(doc.token_span(range)))
        .collect();
    assert_eq!(
        found,
        [
            "The Agency for Maritime Safety and Co-operation in Africa",
            "Office for Harbour Safety",
            "Fund for Non-aligned Research and Development of Asia",
        ]
    );
}

#[test]
fn capitalised_words_ending_in_an_organisations_last_word_name_one() {
    let (doc, ranges) = doc_tagged(
        "Later the Justice Department charged Ana Ruiz. Ford Motor Co issued a recall. \
         Party officials met. They trade as a Holding Company. \
         She wrote “Foreign Service: Five Decades”.",
        &[("Party", Upos::Noun), ("charged", Upos::Verb)],
        &["Ana Ruiz"],
    );
    let names: Vec<NameSpan> = ranges
        .into_iter()
        .map(|range| (range, EntityType::Person))
        .collect();
    let found: Vec<(String, EntityType)> = organizations_by_last_word(&doc, &names)
        .into_iter()
        .map(|(range, ty)| (doc.slice(doc.token_span(range)).to_string(), ty))
        .collect();
    assert_eq!(
        found,
        [
            ("Justice Department".to_string(), EntityType::Organization),
            ("Ford Motor Co".to_string(), EntityType::Organization)
        ]
    );
}

#[test]
fn a_proper_noun_the_text_calls_a_company_is_one_and_a_name_loses_the_noun_it_ran_into() {
    let (doc, ranges) = doc_tagged(
        "Northwind, the shipping company founded by Ola Berg, grew. \
         The deal with the Tekna Metall union was signed by a three-party group.",
        &[("founded", Upos::Verb), ("signed", Upos::Verb)],
        &["Ola Berg", "Tekna Metall union", "three-party"],
    );
    let mut names: Vec<NameSpan> = ranges
        .into_iter()
        .map(|range| (range, EntityType::Misc))
        .collect();
    names[0].1 = EntityType::Person;
    organizations_by_apposition(&doc, &mut names);
    let text = |range: &Range<usize>| doc.slice(doc.token_span(range.clone())).to_string();
    assert_eq!(text(&names[1].0), "Tekna Metall");
    assert_eq!(names[1].1, EntityType::Organization);
    assert_eq!(text(&names[2].0), "three-party");
    assert_eq!(names[2].1, EntityType::Misc);
    let found: Vec<String> = organizations_named_by_apposition(&doc, &names)
        .iter()
        .map(|(range, _)| text(range))
        .collect();
    assert_eq!(found, ["Northwind"]);
    // The same name elsewhere, read as a person, is the organisation too.
    let (doc, ranges) = doc_tagged(
        "Northwind, the shipping company, grew. Analysts said Northwind was sold.",
        &[
            ("said", Upos::Verb),
            ("sold", Upos::Verb),
            ("grew", Upos::Verb),
        ],
        &["Analysts said", "Northwind"],
    );
    let mut names = vec![(ranges[1].clone(), EntityType::Person)];
    add_organizations_named_by_apposition(&doc, &mut names);
    let types: Vec<(String, EntityType)> = names
        .iter()
        .map(|(range, ty)| (doc.slice(doc.token_span(range.clone())).to_string(), *ty))
        .collect();
    assert_eq!(
        types,
        [
            ("Northwind".to_string(), EntityType::Organization),
            ("Northwind".to_string(), EntityType::Organization)
        ]
    );
}

#[test]
fn a_title_set_off_after_a_name_is_its_role() {
    let found = mentions(
        "Ingrid Berg, a former prime minister, visited Oslo. Tom Lee, the company's \
         president, resigned. Karl Holm, the leader of the Labour Party, spoke.",
    );
    let role = |name: &str| role_of(&found, name);
    assert_eq!(
        role("Ingrid Berg").as_deref(),
        Some("former prime minister")
    );
    assert_eq!(role("Tom Lee").as_deref(), Some("company's president"));
    // An organisation inside is an edge of its own, not folded into a role.
    assert_eq!(role("Karl Holm"), None);
    let found = mentions(
        "Brad Smith, Microsoft's president, said sales rose. Marta Vidal, a senior \
         economist at the Nordic Trade Institute, called the deal a turning point.",
    );
    assert_eq!(
        role_of(&found, "Brad Smith").as_deref(),
        Some("Microsoft's president")
    );
    assert_eq!(
        role_of(&found, "Marta Vidal").as_deref(),
        Some("senior economist")
    );
    let found = mentions("Pieter Omtzigt, the NSC leader, said his party would leave.");
    assert_eq!(
        role_of(&found, "Pieter Omtzigt").as_deref(),
        Some("NSC leader")
    );
    let appointed = mentions("The board named Ana Ruiz interim chairman on Monday.");
    assert_eq!(appointed[0].3.as_deref(), Some("interim chairman"));
}

#[test]
fn a_surname_read_as_a_place_is_the_person_unless_a_preposition_of_place_says_otherwise() {
    let (doc, ranges) = doc_with(
        "Ana Florence joined the group. Florence was born in Bern. She later moved to Florence.",
        &["Ana Florence", "Florence", "Bern", "Florence"],
    );
    let mut names: Vec<NameSpan> = ranges
        .into_iter()
        .map(|range| (range, EntityType::Location))
        .collect();
    names[0].1 = EntityType::Person;
    surnames_read_as_places(&doc, &mut names);
    let types: Vec<EntityType> = names.iter().map(|(_, ty)| *ty).collect();
    assert_eq!(
        types,
        [
            EntityType::Person,
            EntityType::Person,
            EntityType::Location,
            EntityType::Location
        ]
    );
}

#[test]
fn an_occupation_between_an_organisation_and_a_name_is_a_role_there() {
    let found = mentions(
        "Goldman Sachs economist Jan Hatzius said the euro could fall. \
         On Monday morning John Smith left. The pro-Moscow politician Ivan Petrov resigned.",
    );
    let role_of = |name: &str| role_of(&found, name);
    assert_eq!(
        role_of("Jan Hatzius").as_deref(),
        Some("Goldman Sachs economist")
    );
    assert_eq!(role_of("John Smith"), None);
    assert_eq!(role_of("Ivan Petrov").as_deref(), Some("politician"));
}

#[test]
fn every_rule_has_its_own_name() {
    let mut seen = HashSet::default();
    for rule in &RULES {
        assert!(seen.insert(rule.name()), "{} named twice", rule.name());
    }
}

#[test]
fn a_mention_records_the_rule_that_last_changed_it() {
    let mut doc = testing::tagged(
        "Hurricane Delia reached Tampico. Reuters said so.",
        &[("reached", Upos::Verb), ("said", Upos::Verb)],
    );
    let mut names = testing::names(&doc, &["Hurricane Delia"], EntityType::Person);
    names.extend(testing::names(&doc, &["Tampico"], EntityType::Location));
    doc.names = names;
    add_mentions(&mut doc);
    let found: Vec<(&str, &str)> = doc
        .mentions
        .iter()
        .map(|m| (doc.slice(m.span), m.found_by))
        .collect();
    assert_eq!(
        found,
        [
            ("Hurricane Delia", "storms-are-events"),
            ("Tampico", RECOGNISER),
            ("Reuters", "news-organizations")
        ]
    );
}

#[test]
fn capitalised_names_after_a_title_are_people() {
    // (text, names the recogniser gave, the people the rule adds)
    let table: &[(&str, &[&str], &[&str])] = &[
        (
            "Foreign Minister Dahl will travel to Lima.",
            &["Lima"],
            &["Dahl"],
        ),
        ("Senator Ana Ruiz met the board.", &[], &["Ana Ruiz"]),
        ("Senator Ana Ruiz met the board.", &["Ana Ruiz"], &[]),
        ("The senator Ruiz met the board.", &[], &[]),
        ("The Minister Met The Board In Lima", &[], &[]),
    ];
    for &(text, given, expected) in table {
        let (doc, ranges) = doc_with(text, given);
        let names: Vec<NameSpan> = ranges
            .into_iter()
            .map(|range| (range, EntityType::Location))
            .collect();
        let added: Vec<&str> = people_after_titles(&doc, &names)
            .into_iter()
            .map(|(range, ty)| {
                assert_eq!(ty, EntityType::Person);
                doc.slice(doc.token_span(range))
            })
            .collect();
        assert_eq!(added, expected, "{text}");
    }
}

#[test]
fn a_name_ending_in_a_legal_form_is_a_company_in_full() {
    let cases = [
        // The recogniser names the legal form alone.
        (
            "Halvorsen Shipping ASA bought a ferry operator.",
            "Halvorsen Shipping ASA",
        ),
        // The recogniser reads the whole name as a place.
        (
            "Kvarn Mutual AB has agreed to buy Aalto Risk Oyj.",
            "Aalto Risk Oyj",
        ),
        (
            "Shares of Brasmar Alimentos SA fell after the report.",
            "Brasmar Alimentos SA",
        ),
    ];
    for (text, name) in cases {
        assert!(
            has_mention(&mentions(text), name, EntityType::Organization),
            "{text}"
        );
    }
    // A name ending in an organisation's last word that is no legal form
    // keeps the recogniser's place.
    assert!(has_mention(
        &mentions("Settlers moved into the West Bank last year."),
        "West Bank",
        EntityType::Location
    ));
}

#[test]
fn a_name_after_a_noun_of_an_organisation_is_one() {
    let cases = [
        (
            "Its largest shareholder, the pension fund NVP, backed the offer.",
            "NVP",
        ),
        ("Danish brewer Hjelmsted raised prices.", "Hjelmsted"),
        (
            "Analysts at Quito-based brokerage Valdivia Ruiz said prices rose.",
            "Valdivia Ruiz",
        ),
        (
            "The regulator fined the messaging app Trellby last year.",
            "Trellby",
        ),
    ];
    for (text, name) in cases {
        assert!(
            has_mention(&mentions(text), name, EntityType::Organization),
            "{text}"
        );
    }
    // A title or a day after the noun names no organisation.
    let found =
        mentions("The company Chairman Lars Berg resigned. The bank Monday said profits rose.");
    assert!(has_mention(&found, "Lars Berg", EntityType::Person));
    assert!(
        found.iter().all(|m| m.1 != EntityType::Organization),
        "{found:?}"
    );
}

#[test]
fn a_name_written_with_an_inner_capital_after_a_noun_of_an_organisation_is_one_there_and_elsewhere()
{
    // The tagger reads such unknown words as adjectives as often as proper
    // nouns; the recogniser finds none of the three.
    let found = mentions(
        "A court fined the airline SkyVane on Monday. SkyVane, which is owned by a \
         fund, will appeal. SkyVane flies to ten cities.",
    );
    let organisations = found
        .iter()
        .filter(|m| m.0 == "SkyVane" && m.1 == EntityType::Organization)
        .count();
    assert_eq!(organisations, 3, "{found:?}");
    let cases = [
        ("SkyVane", true),
        ("McAllister", true),
        ("Dutch", false),
        ("CEO", false),
        ("iPhone", false),
        ("U.S.", false),
    ];
    for (word, expected) in cases {
        assert_eq!(written_as_a_name(word), expected, "{word}");
    }
    // A name running on from a capitalised word elsewhere stays as it was.
    let found = mentions(
        "Analysts praised the airline SkyVane. Analysts said SkyVane Cargo would be sold.",
    );
    assert!(
        found
            .iter()
            .all(|m| m.0 != "SkyVane" || m.1 == EntityType::Organization),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|m| m.0 == "SkyVane").count(),
        1,
        "{found:?}"
    );
}

#[test]
fn an_adjective_of_a_people_or_region_read_as_a_place_is_no_name() {
    let (doc, ranges) = doc_tagged(
        "Growth in the Nordic biotech sector slowed. The Korean steelmaker grew. \
         Milan police came. Ties with the Balkan states and the Baltic grew. \
         Floods hit Quzhan province and the Sarkan region.",
        &[
            ("biotech", Upos::Adj),
            ("slowed", Upos::Verb),
            ("grew", Upos::Verb),
            ("came", Upos::Verb),
            ("hit", Upos::Verb),
        ],
        &[
            "Nordic", "Korean", "Milan", "Balkan", "Baltic", "Quzhan", "Sarkan",
        ],
    );
    let names: Vec<NameSpan> = ranges
        .into_iter()
        .map(|range| (range, EntityType::Location))
        .collect();
    let kept: Vec<String> = adjectives_read_as_places(&doc, names)
        .iter()
        .map(|(range, _)| doc.slice(doc.token_span(range.clone())).to_string())
        .collect();
    // A place GeoNames knows, one standing alone and one before a place's
    // own noun stay.
    assert_eq!(kept, ["Milan", "Baltic", "Quzhan", "Sarkan"]);
}

#[test]
fn a_form_of_address_kept_in_a_persons_name_is_its_role() {
    let (doc, r) = doc_with(
        "Mr Dunbury denied it. Mrs Olwen Hatch agreed. Mr Veltra aired.",
        &["Mr Dunbury", "Mrs Olwen Hatch", "Mr Veltra"],
    );
    let refined = |range: Range<usize>, ty| {
        let (range, ty, role) = refine_name(&doc, range, ty).expect("a name");
        (
            doc.slice(doc.token_span(range)).to_string(),
            ty,
            role.map(|r| doc.slice(r).to_string()),
        )
    };
    assert_eq!(
        refined(r[0].clone(), EntityType::Person),
        ("Dunbury".into(), EntityType::Person, Some("Mr".into()))
    );
    assert_eq!(
        refined(r[1].clone(), EntityType::Person),
        ("Olwen Hatch".into(), EntityType::Person, Some("Mrs".into()))
    );
    // Only a person's name loses it: a show's keeps it.
    assert_eq!(
        refined(r[2].clone(), EntityType::Misc),
        ("Mr Veltra".into(), EntityType::Misc, None)
    );
    // A role set off before the form of address is the role, whether the
    // recogniser's name holds the form or not.
    let (doc, r) = doc_with(
        "Its secretary general, Dr. Olwen Hatch, spoke. Its treasurer, Dr. Ivo Marr, left.",
        &["Dr. Olwen Hatch", "Ivo Marr"],
    );
    let (range, _, role) = refine_name(&doc, r[0].clone(), EntityType::Person).expect("a name");
    assert_eq!(doc.slice(doc.token_span(range)), "Olwen Hatch");
    assert_eq!(role.map(|r| doc.slice(r)), Some("Its secretary general"));
    let (_, _, role) = refine_name(&doc, r[1].clone(), EntityType::Person).expect("a name");
    assert_eq!(role.map(|r| doc.slice(r)), Some("Its treasurer"));
}

#[test]
fn an_apposed_role_names_its_owner_past_an_adjective_an_article_or_an_acronym() {
    let cases = [
        (
            "Ternfield Oil's former chief executive, Bram Oduya, said so.",
            "Bram Oduya",
            "Ternfield Oil's former chief executive",
        ),
        (
            "The director of the SPX, Hella Quarn, said so.",
            "Hella Quarn",
            "director of the SPX",
        ),
        (
            "A WHO spokeswoman, Ines Valbo, said so.",
            "Ines Valbo",
            "WHO spokeswoman",
        ),
        // A noun in lower case the tagger read as a proper noun.
        (
            "Veltria's foreign ministry spokeswoman, Ines Valbo, said so.",
            "Ines Valbo",
            "Veltria's foreign ministry spokeswoman",
        ),
    ];
    let tags = [
        ("former", Upos::Adj),
        ("foreign", Upos::Adj),
        ("ministry", Upos::Propn),
    ];
    for (text, name, role) in cases {
        let (doc, r) = doc_tagged(text, &tags, &[name]);
        let found = role_before(&doc, r[0].clone(), true).map(|span| doc.slice(span).to_string());
        assert_eq!(found.as_deref(), Some(role), "{text}");
    }
    // A lower-case word in capitals' place is still a function word.
    let (doc, r) = doc_with("Sources who spoke, Ines Valbo, said so.", &["Ines Valbo"]);
    assert_eq!(role_before(&doc, r[0].clone(), true), None);
}

#[test]
fn a_participle_before_a_possessed_noun_is_part_of_the_role() {
    let found = mentions(
        "Harrow Lane Capital is based in Leeds. Its managing partner, Ruth Okoye, will \
         join the board. Kessler Mills, whose leading investor, Omar Vell, left, fell.",
    );
    for (name, role) in [
        ("Ruth Okoye", Some("Its managing partner")),
        ("Omar Vell", Some("whose leading investor")),
    ] {
        assert_eq!(role_of(&found, name).as_deref(), role, "{name}");
    }
}

/// `company_suffixes.txt`: a trade word ending a name the recogniser read
/// as a person's makes it a company; a surname does not.
#[test]
fn a_name_ending_in_a_trade_word_is_a_company() {
    let (doc, ranges) = doc_with(
        "Halden Biosciences recalled a drug. Vester Foods and Weber Dairy cut jobs. \
         Erik Halden resigned.",
        &[
            "Halden Biosciences",
            "Vester Foods",
            "Weber Dairy",
            "Erik Halden",
        ],
    );
    use EntityType::*;
    assert_eq!(
        retyped(&doc, ranges, organizations_read_as_people),
        [Organization, Organization, Organization, Person]
    );
}

#[test]
fn a_noun_phrase_after_a_fronted_phrase_or_an_occupation_calls_nothing_an_organisation() {
    let doc = testing::tagged(
        "In 1998, the group disbanded. After the Winter Campaign, the company moved. \
         The ballad was written by Ana Ruiz, which made her famous. The studio was \
         founded by Lena Hart, the film producer. Velmora, a Danish shipping company, grew.",
        &[("After", Upos::Adp), ("Danish", Upos::Adj)],
    );
    let typed = [
        ("1998", EntityType::Date),
        ("Winter Campaign", EntityType::Misc),
        ("Ana Ruiz", EntityType::Person),
        ("Lena Hart", EntityType::Person),
        ("Velmora", EntityType::Location),
    ];
    let parts: Vec<&str> = typed.iter().map(|(part, _)| *part).collect();
    let mut names: Vec<NameSpan> = testing::ranges(&doc, &parts)
        .into_iter()
        .zip(typed.iter().map(|(_, ty)| *ty))
        .collect();
    organizations_by_apposition(&doc, &mut names);
    let types: Vec<EntityType> = names.iter().map(|(_, ty)| *ty).collect();
    assert_eq!(
        types,
        [
            EntityType::Date,
            EntityType::Misc,
            EntityType::Person,
            EntityType::Person,
            EntityType::Organization
        ]
    );
}

#[test]
fn a_language_the_recogniser_named_and_a_month_called_may_are_kept() {
    let mut doc = testing::tagged(
        "The ballad was sung in Spanish in May. Ana Ruiz taught in French.",
        &[("sung", Upos::Verb), ("taught", Upos::Verb)],
    );
    let mut names = testing::names(&doc, &["Spanish"], EntityType::Misc);
    names.extend(testing::names(&doc, &["May"], EntityType::Date));
    names.extend(testing::names(&doc, &["Ana Ruiz"], EntityType::Person));
    names.extend(testing::names(&doc, &["French"], EntityType::Location));
    doc.names = names;
    add_mentions(&mut doc);
    let found: Vec<(&str, EntityType, MentionKind)> = doc
        .mentions
        .iter()
        .filter(|m| m.kind != MentionKind::Pronoun)
        .map(|m| (doc.slice(m.span), m.ty, m.kind))
        .collect();
    assert_eq!(
        found,
        [
            ("Spanish", EntityType::Misc, MentionKind::Name),
            ("May", EntityType::Date, MentionKind::Name),
            ("Ana Ruiz", EntityType::Person, MentionKind::Name),
        ]
    );
}

#[test]
fn an_article_inside_a_name_ends_it_unless_a_preposition_a_title_or_an_epithet_holds_it() {
    let mut doc = testing::tagged(
        "Nils Berg the Labour leader spoke. Storm Against the Tide played in Oslo. \
         The band sang Follow the River. Harald the Fair ruled. Ana Ruiz and the \
         Velmora Trust gave.",
        &[
            ("spoke", Upos::Verb),
            ("played", Upos::Verb),
            ("sang", Upos::Verb),
            ("Follow", Upos::Verb),
            ("ruled", Upos::Verb),
            ("gave", Upos::Verb),
        ],
    );
    let mut names = testing::names(&doc, &["Nils Berg the Labour"], EntityType::Person);
    names.extend(testing::names(
        &doc,
        &["Storm Against the Tide"],
        EntityType::Organization,
    ));
    names.extend(testing::names(
        &doc,
        &["Follow the River"],
        EntityType::Misc,
    ));
    names.extend(testing::names(
        &doc,
        &["Harald the Fair"],
        EntityType::Person,
    ));
    names.extend(testing::names(
        &doc,
        &["Ana Ruiz and the Velmora Trust"],
        EntityType::Organization,
    ));
    doc.names = names;
    add_mentions(&mut doc);
    let found: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| doc.slice(m.span))
        .collect();
    assert_eq!(
        found,
        [
            "Nils Berg",
            "Storm Against the Tide",
            "Follow the River",
            "Harald the Fair",
            "Ana Ruiz"
        ]
    );
}

#[test]
fn a_title_opening_a_work_or_a_name_going_on_in_lower_case_is_no_role() {
    let mut doc = testing::tagged(
        "She won Miss Nordland in 2001 and starred in Queen of the Fjords. Doctor Ana Ruiz \
         came.",
        &[
            ("won", Upos::Verb),
            ("starred", Upos::Verb),
            ("came", Upos::Verb),
        ],
    );
    let mut names = testing::names(&doc, &["Miss Nordland"], EntityType::Misc);
    names.extend(testing::names(
        &doc,
        &["Queen of the Fjords", "Doctor Ana Ruiz"],
        EntityType::Person,
    ));
    doc.names = names;
    add_mentions(&mut doc);
    let found: Vec<(&str, EntityType)> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| (doc.slice(m.span), m.ty))
        .collect();
    assert_eq!(
        found,
        [
            ("Miss Nordland", EntityType::Misc),
            ("Queen of the Fjords", EntityType::Person),
            ("Ana Ruiz", EntityType::Person)
        ]
    );
}

#[test]
fn a_name_the_text_calls_a_place_is_one_everywhere() {
    let doc = testing::tagged(
        "Korvala (formerly Korvela) is a village in Eastern Tarnia. Korvala has a church. \
         Ana Ruiz moved to the municipality of Eskedal. Before the Long Winter, the town was \
         small. Tove Berg, a village elder, spoke.",
        &[
            ("moved", Upos::Verb),
            ("spoke", Upos::Verb),
            ("Before", Upos::Adp),
            ("small", Upos::Adj),
        ],
    );
    let parts = [
        "Korvala",
        "Eastern Tarnia",
        "Korvala",
        "Ana Ruiz",
        "Eskedal",
        "Long Winter",
        "Tove Berg",
    ];
    let types = retyped(&doc, testing::ranges(&doc, &parts), places_by_apposition);
    assert_eq!(
        types,
        [
            EntityType::Location,
            EntityType::Person,
            EntityType::Location,
            EntityType::Person,
            EntityType::Location,
            EntityType::Person,
            EntityType::Person
        ]
    );
}

#[test]
fn a_name_opening_its_sentence_that_a_copula_calls_a_company_is_one() {
    let (doc, ranges) = doc_with(
        "Velmora is a Danish shipping company. Velmora grew. Ana Ruiz is a company \
         director.",
        &["Velmora", "Velmora", "Ana Ruiz"],
    );
    let types = edited(&doc, ranges, organizations_by_apposition);
    assert_eq!(
        types,
        [
            EntityType::Organization,
            EntityType::Organization,
            EntityType::Person
        ]
    );
}

#[test]
fn a_list_of_years_is_one_date_a_year_and_a_length_of_time_is_a_date() {
    let doc = testing::tagged(
        "Velmora won in 1998, 2001 and 2004, on 3 May 2005, and for eight years after, \
         with 12 boats and a 40 years old skipper.",
        &[],
    );
    let mut names = testing::names(
        &doc,
        &["1998, 2001 and 2004", "3 May 2005"],
        EntityType::Date,
    );
    names.extend(testing::names(
        &doc,
        &["eight", "12", "40"],
        EntityType::Number,
    ));
    let mut names = split_lists_of_years(&doc, names);
    lengths_of_time(&doc, &mut names);
    let found: Vec<(&str, EntityType)> = names
        .iter()
        .map(|(range, ty)| (doc.slice(doc.token_span(range.clone())), *ty))
        .collect();
    assert_eq!(
        found,
        [
            ("1998", EntityType::Date),
            ("2001", EntityType::Date),
            ("2004", EntityType::Date),
            ("3 May 2005", EntityType::Date),
            ("eight years", EntityType::Date),
            ("12", EntityType::Number),
            ("40", EntityType::Number)
        ]
    );
}

#[test]
fn a_quoted_title_of_function_words_is_kept() {
    let mut doc = testing::tagged(
        "She sang \"Without Us\" and I'll go.",
        &[("sang", Upos::Verb), ("go", Upos::Verb)],
    );
    let mut names = testing::names(&doc, &["Without Us"], EntityType::Misc);
    names.extend(testing::names(&doc, &["I'll"], EntityType::Person));
    doc.names = names;
    add_mentions(&mut doc);
    let found: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| doc.slice(m.span))
        .collect();
    assert_eq!(found, ["Without Us"]);
}

#[test]
fn a_name_filling_its_brackets_keeps_its_lower_case_word() {
    let doc = testing::tagged(
        "The snow crow (Corvus nivalis) nests near Velmora harbour.",
        &[("nests", Upos::Verb), ("near", Upos::Adp)],
    );
    let mut names = testing::names(&doc, &["Corvus nivalis"], EntityType::Misc);
    names.extend(testing::names(
        &doc,
        &["Velmora harbour"],
        EntityType::Location,
    ));
    names_run_into_a_noun(&doc, &mut names);
    let found: Vec<&str> = names
        .iter()
        .map(|(range, _)| doc.slice(doc.token_span(range.clone())))
        .collect();
    assert_eq!(found, ["Corvus nivalis", "Velmora"]);
}
