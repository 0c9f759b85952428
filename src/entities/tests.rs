use super::*;
use crate::pipeline::{Options, Pipeline};

fn resolved(text: &str) -> Document {
    resolved_with(text, AliasRules::default())
}

fn resolved_with(text: &str, aliases: AliasRules) -> Document {
    let options = Options {
        aliases,
        ..Options::default()
    };
    Pipeline::new(options).annotate("t", text)
}

/// The label of the entity the first (or last) mention reading `word`
/// stands for.
fn resolved_label<'a>(doc: &'a Document, word: &str) -> Option<&'a str> {
    resolved_label_at(doc, word, false)
}

fn resolved_label_at<'a>(doc: &'a Document, word: &str, last: bool) -> Option<&'a str> {
    let reads = |m: &Mention| doc.slice(m.span) == word;
    let at = if last {
        doc.mentions.iter().rposition(reads)
    } else {
        doc.mentions.iter().position(reads)
    }
    .unwrap_or_else(|| panic!("a mention for {word}"));
    doc.mention_entity[at].map(|e| doc.entities[e.index()].label.as_str())
}

fn entity<'a>(doc: &'a Document, label: &str) -> &'a Entity {
    doc.entities
        .iter()
        .find(|e| e.label == label)
        .unwrap_or_else(|| panic!("no entity {label}: {:?}", doc.entities))
}

#[test]
fn titles_and_surnames_merge_into_the_full_name() {
    let doc = resolved(
        "Secretary of State Maria Okafor arrived in Nairobi on Monday. \
         Okafor said the talks went well. Later, Ms. Okafor left.",
    );
    let maria = entity(&doc, "Maria Okafor");
    assert_eq!(maria.ty, EntityType::Person);
    assert_eq!(maria.roles, ["Secretary of State"]);
    assert!(maria.aliases.contains(&"Okafor".to_string()));
    assert_eq!(maria.mentions.len(), 3);
}

#[test]
fn shared_given_names_stay_apart() {
    let doc = resolved("Mike Alvarez met Mike Brennan in Paris. Alvarez then left.");
    assert_ne!(
        doc.entities.iter().position(|e| e.label == "Mike Alvarez"),
        doc.entities.iter().position(|e| e.label == "Mike Brennan")
    );
    let alvarez = entity(&doc, "Mike Alvarez");
    assert!(alvarez.aliases.contains(&"Alvarez".to_string()));
}

#[test]
fn ambiguous_short_forms_are_refused_not_guessed() {
    let doc = resolved(
        "Anna Berg and Tomas Berg spoke at the forum in Oslo. Berg said the plan would work.",
    );
    assert_eq!(doc.refused_merges.len(), 1);
    assert!(doc.refused_merges[0].reason.contains("ambiguous"));
}

#[test]
fn countries_merge_their_short_forms_and_demonyms() {
    let doc = resolved(
        "The United States said the plan would fail. Officials in the U.S. agreed. \
         American diplomats left.",
    );
    let us = entity(&doc, "United States");
    assert!(us.aliases.contains(&"U.S.".to_string()));
    assert!(
        us.mentions
            .iter()
            .any(|(_, rule)| *rule == MergeRule::Demonym)
    );
    assert!(!doc.entities.iter().any(|e| e.label == "American"));
}

#[test]
fn a_country_named_only_by_its_demonym_is_the_country() {
    let doc = resolved("Chilean president Ana Soto spoke to reporters on Monday.");
    let chile = entity(&doc, "Chile");
    assert_eq!(chile.ty, EntityType::Location);
    assert!(chile.aliases.is_empty());
    assert_eq!(chile.mentions[0].1, MergeRule::Demonym);
    assert!(!doc.entities.iter().any(|e| e.label == "Chilean"));
}

#[test]
fn acronyms_and_suffixless_names_join_organisations() {
    let doc = resolved(
        "She works for the Global Health Organization in Geneva. GHO staff agreed. \
         The analysts at Brandt Corporation disagreed. A Brandt spokesman said so.",
    );
    let gho = entity(&doc, "Global Health Organization");
    assert!(gho.aliases.contains(&"GHO".to_string()));
    let brandt = entity(&doc, "Brandt Corporation");
    assert!(brandt.aliases.contains(&"Brandt".to_string()));
}

#[test]
fn a_company_goes_by_its_first_word_unless_two_share_it() {
    let doc = resolved(
        "Velmont Robotics Inc. will buy a plant in New Lisbon. \
         Velmont said the deal would close in May.",
    );
    let velmont = entity(&doc, "Velmont Robotics Inc.");
    assert!(velmont.aliases.contains(&"Velmont".to_string()));
    let doc = resolved("Velmont Robotics and Velmont Foods both reported losses. Velmont fell.");
    assert!(
        doc.entities
            .iter()
            .all(|e| !e.aliases.contains(&"Velmont".to_string()) || e.label == "Velmont"),
        "an ambiguous first word joins neither company"
    );
    let doc = resolved(
        "Vikram Rao bought a stake in the football club Fulham on Monday. Kessler bought \
         Fulham in 2013. The group Fulham Supporters Trust was not consulted.",
    );
    assert!(
        !entity(&doc, "Fulham Supporters Trust")
            .aliases
            .contains(&"Fulham".to_string()),
        "a name the prose gives before the longer one is its own"
    );
    let doc = resolved(
        "Velmont agrees to buy Lumeris for 2 billion euros\n\nVelmont Robotics Inc. will \
         buy the French firm Lumeris.",
    );
    assert!(
        entity(&doc, "Velmont Robotics Inc.")
            .aliases
            .contains(&"Velmont".to_string()),
        "a headline's short form joins the full name below it"
    );
}

#[test]
fn a_company_read_as_a_place_by_its_first_word_joins_the_company() {
    let doc = resolved(
        "Regulators cleared Varnek Foods to buy a dairy in Ghent. Workers at Varnek \
         said on Monday that the plant would stay open. Shares in Varnek rose.",
    );
    let read_as_a_place = doc
        .mentions
        .iter()
        .any(|m| doc.slice(m.span) == "Varnek" && m.ty == EntityType::Location);
    assert!(read_as_a_place, "the case this rule is for");
    assert_eq!(
        resolved_label_at(&doc, "Varnek", true),
        Some("Varnek Foods")
    );
    // A place a gazetteer knows stays the place.
    let doc = resolved("The Boston Globe hired ten reporters. The paper has offices in Boston.");
    assert_eq!(resolved_label(&doc, "Boston"), Some("Boston"));
}

#[test]
fn a_pronoun_after_a_nameless_description_is_left_to_it() {
    let doc = resolved(
        "Ana Ruiz worked at Velmont Robotics until 2010. She then taught for twenty \
         years. The jury met in March. Its chairman praised her.",
    );
    assert_eq!(resolved_label(&doc, "Its"), None);
    let doc = resolved(
        "Velmont Robotics cut 200 jobs on Monday. The company blamed weak demand. Its \
         shares fell by 4%.",
    );
    assert_eq!(resolved_label(&doc, "Its"), Some("Velmont Robotics"));
    // Adjectives and a demonym before the noun; places named around it are
    // where it acted, not what it is.
    let doc = resolved(
        "Estonia summoned the Russian envoy in Tallinn. The Latvian coast guard said it \
         had stopped two boats near Lithuania. Its spokeswoman, Ilze Berzina, declined \
         to comment.",
    );
    assert_eq!(resolved_label(&doc, "Its"), None);
}

#[test]
fn an_institution_goes_by_its_name_without_its_country() {
    let doc = resolved(
        "The U.S. Senate rejected the bill on Wednesday. The Senate will vote again in May.",
    );
    let senate = entity(&doc, "U.S. Senate");
    assert!(senate.aliases.contains(&"Senate".to_string()));
}

#[test]
fn a_name_after_a_preposition_of_place_is_no_antecedent_for_he() {
    // The recogniser reads "Addis Ababa" as a person here; "in" says
    // otherwise, and "he" stays with the subject before.
    let doc = resolved(
        "Lars Dahl took office in April. \
         Critics in Addis Ababa say he has made too many concessions to Ana Ruiz.",
    );
    assert_eq!(resolved_label(&doc, "he"), Some("Lars Dahl"));
}

#[test]
fn a_role_with_a_curly_possessive_keeps_its_text() {
    // The possessive pronoun check must not cut inside "’" (three bytes).
    let doc = resolved("Ruizo’s national security advisor Lars Dahl spoke in Lima.");
    let dahl = entity(&doc, "Lars Dahl");
    assert_eq!(
        dahl.roles,
        vec!["Ruizo’s national security advisor".to_string()]
    );
}

#[test]
fn pronouns_resolve_but_are_not_aliases() {
    let doc = resolved("Governor Ana Ruiz visited Lima. She met farmers there.");
    let ruiz = entity(&doc, "Ana Ruiz");
    assert!(
        ruiz.mentions
            .iter()
            .any(|(_, rule)| *rule == MergeRule::Pronoun)
    );
    assert!(!ruiz.aliases.iter().any(|a| a == "She"));
}

#[test]
fn the_subject_pronoun_of_what_a_name_says_is_that_name() {
    let doc = resolved(
        "Carlos Mendes won the vote in Porto on Sunday. Mendes thanked his voters, and \
         Mendes promised reform. His rival Rui Tavares said he would appeal.",
    );
    assert_eq!(resolved_label_at(&doc, "he", true), Some("Rui Tavares"));
    assert_eq!(resolved_label_at(&doc, "His", true), Some("Carlos Mendes"));
}

#[test]
fn a_dateline_names_no_antecedent() {
    let doc =
        resolved("PORTO, Jan 14 (AP) - Sporting Lumiar sacked its coach, Rui Antunes, on Sunday.");
    assert_eq!(resolved_label(&doc, "its"), Some("Sporting Lumiar"));
}

#[test]
fn a_place_hyphened_to_a_modifier_is_not_the_subject() {
    let doc = resolved(
        "Tariffs rose again. Bergen-based Kvarstad Metals, the largest mill, welcomed the \
         duties. Its chief executive, Ola Brekke, said so.",
    );
    assert_eq!(resolved_label(&doc, "Its"), Some("Kvarstad Metals"));
}

#[test]
fn an_object_pronoun_never_stands_for_its_verbs_subject() {
    let doc = resolved(
        "Geert Wilders lost the vote in The Hague. Pieter Omtzigt left the talks. \
         Wilders accused him of betraying voters.",
    );
    assert_eq!(resolved_label(&doc, "him"), Some("Pieter Omtzigt"));
    let doc = resolved(
        "A court sentenced Ricardo Alves on Monday. Tiago Mendes, a former executive, \
         agreed to testify against him.",
    );
    assert_eq!(resolved_label(&doc, "him"), Some("Ricardo Alves"));
    // A second verb phrase has the subject that opens the sentence.
    let doc = resolved(
        "President Ivo Serra welcomed Prime Minister Tomas Rua. Rua thanked Serra for \
         the dinner and invited him to visit Suva.",
    );
    assert_eq!(resolved_label(&doc, "him"), Some("Ivo Serra"));
    // An infinitive after the object has the clause's subject, or the
    // object's after a verb of asking.
    let doc = resolved(
        "Chancellor Tomas Rua lost the vote. President Pavel Orlov called Rua on Sunday \
         to congratulate him.",
    );
    assert_eq!(resolved_label(&doc, "him"), Some("Tomas Rua"));
    let doc = resolved(
        "Chancellor Tomas Rua lost the vote. President Pavel Orlov asked Ivo Serra on \
         Sunday to call him.",
    );
    assert_eq!(resolved_label(&doc, "him"), Some("Pavel Orlov"));
    // Not past a clause of its own: the song propelled the singer.
    let doc = resolved(
        "Tomas Rua rose to fame with a song, which became a hit and propelled him to \
         stardom.",
    );
    assert_eq!(resolved_label(&doc, "him"), Some("Tomas Rua"));
}

#[test]
fn a_description_counts_only_after_the_text_ties_it_and_not_beside_another_name() {
    let descriptions_of = |doc: &Document, label: &str| -> Vec<usize> {
        entity(doc, label)
            .mentions
            .iter()
            .filter(|(_, rule)| *rule == MergeRule::Description)
            .map(|(m, _)| doc.mentions[m.index()].span.start)
            .collect()
    };
    let doc = resolved(
        "The union leader was not consulted. Union leader Ana Ruiz said on Monday that \
         talks had failed. The union leader called a strike.",
    );
    let last = doc.text.rfind("union leader").unwrap();
    assert_eq!(descriptions_of(&doc, "Ana Ruiz"), [last]);
    let doc = resolved(
        "Union leader Ana Ruiz called a strike. Tomas Reyes, the union leader in Porto, \
         disagreed.",
    );
    assert!(descriptions_of(&doc, "Ana Ruiz").is_empty());
    // An owner named after the description makes it another's.
    let doc = resolved(
        "The Farmers League, whose leader Ana Ruiz spoke on Monday, grew. The king will \
         meet the leader of the largest party. Later the leader called a strike.",
    );
    let last = doc.text.rfind("leader").unwrap();
    assert_eq!(descriptions_of(&doc, "Ana Ruiz"), [last]);
}

#[test]
fn the_subject_pronoun_of_what_a_name_tells_someone_is_that_name() {
    let doc = resolved(
        "Lars Dahl left the party in May. He flew to Oslo to meet with Tomas Reyes, who \
         had told Dahl he would help him.",
    );
    assert_eq!(resolved_label_at(&doc, "he", true), Some("Tomas Reyes"));
    assert_eq!(resolved_label_at(&doc, "him", true), Some("Lars Dahl"));
    let doc = resolved("Lars Dahl met Tomas Reyes. Reyes told Dahl that he would resign.");
    assert_eq!(resolved_label(&doc, "he"), Some("Tomas Reyes"));
}

#[test]
fn it_stands_for_a_speaker_and_nothing_else() {
    let doc = resolved(
        "Halvorsen Semiconductor said on Monday that it had agreed to buy Brightline \
         Devices. It rained in Oslo, and it was cold.",
    );
    let its: Vec<Option<&str>> = doc
        .mentions
        .iter()
        .zip(&doc.mention_entity)
        .filter(|(m, _)| doc.slice(m.span).eq_ignore_ascii_case("it"))
        .map(|(_, e)| e.map(|e| doc.entities[e.index()].label.as_str()))
        .collect();
    assert_eq!(its, [Some("Halvorsen Semiconductor")]);
    let doc = resolved(
        "The Nordic Trade Institute, which tracked the talks, said it would publish the \
         figures.",
    );
    assert_eq!(resolved_label(&doc, "it"), Some("Nordic Trade Institute"));
}

#[test]
fn descriptions_tied_to_a_person_join_them() {
    let doc = resolved(
        "Chilean president Ana Soto spoke on Monday. Critics said the Chilean president \
         was wrong.",
    );
    let soto = entity(&doc, "Ana Soto");
    assert!(
        soto.mentions
            .iter()
            .any(|(_, rule)| *rule == MergeRule::Description)
    );
}

#[test]
fn user_rules_force_merges_splits_and_labels() {
    let rules = AliasRules::parse(
        "# test\nsame: Acme Ltd | Acme Widgets\ndifferent: Lopez | Ana Lopez\nlabel: Acme Ltd = Acme Limited\n",
    )
    .unwrap();
    let doc = resolved_with(
        "Acme Ltd hired Ana Lopez. Acme Widgets grew. Lopez left.",
        rules,
    );
    let acme = entity(&doc, "Acme Limited");
    assert_eq!(acme.mentions.len(), 2);
    let ana = entity(&doc, "Ana Lopez");
    assert!(!ana.aliases.contains(&"Lopez".to_string()));
    assert!(AliasRules::parse("bogus line").is_err());
}

/// A group as the stage builds it from a name written `form`, first named
/// at `first_token` in prose.
fn group(form: &str, ty: EntityType, first_token: usize) -> Group {
    Group {
        ty,
        mentions: Vec::new(),
        words: form
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(str::to_string)
            .collect(),
        form: form.to_string(),
        country: None,
        first_token,
        introduced_in_prose: true,
    }
}

#[test]
fn short_form_rules_name_each_merge() {
    use EntityType::*;
    // (short form, its type, full name, its type, the rule that joins them)
    let table: &[(&str, EntityType, &str, EntityType, Option<MergeRule>)] = &[
        (
            "NTC",
            Organization,
            "Nordic Trade Council",
            Organization,
            Some(MergeRule::Acronym),
        ),
        (
            "N.T.C.",
            Organization,
            "Nordic Trade Council",
            Organization,
            Some(MergeRule::Acronym),
        ),
        (
            "Okafor",
            Person,
            "Maria Okafor",
            Person,
            Some(MergeRule::PersonNamePart),
        ),
        (
            "Maria",
            Person,
            "Maria Okafor",
            Person,
            Some(MergeRule::PersonNamePart),
        ),
        (
            "Okafor",
            Organization,
            "Maria Okafor",
            Person,
            Some(MergeRule::PersonNamePart),
        ),
        (
            "Li Hua",
            Person,
            "Chen Li Hua",
            Person,
            Some(MergeRule::PersonNamePart),
        ),
        ("Jong", Person, "Kim Jong Un", Person, None),
        (
            "De Vries",
            Person,
            "Anouk de Vries",
            Person,
            Some(MergeRule::PersonNamePart),
        ),
        (
            "Van der Laan",
            Person,
            "Joost van der Laan",
            Person,
            Some(MergeRule::PersonNamePart),
        ),
        (
            "Andes Plata",
            Organization,
            "Andes Plata Minerals",
            Organization,
            Some(MergeRule::WithoutSuffix),
        ),
        // Only a particle's case may differ.
        ("De vries", Person, "Anouk de Vries", Person, None),
        ("Okafor", Location, "Maria Okafor", Person, None),
        (
            "Halvorsen",
            Organization,
            "Halvorsen Group",
            Organization,
            Some(MergeRule::WithoutSuffix),
        ),
        (
            "Acme",
            Organization,
            "Acme Robotics",
            Organization,
            Some(MergeRule::FirstWord),
        ),
        ("New", Location, "New Amsterdam", Location, None),
        (
            "Senate",
            Organization,
            "U.S. Senate",
            Organization,
            Some(MergeRule::WithoutCountry),
        ),
        (
            "Foreign Ministry",
            Organization,
            "Chinese Foreign Ministry",
            Organization,
            Some(MergeRule::WithoutCountry),
        ),
        (
            "Delia",
            Misc,
            "Hurricane Delia",
            Misc,
            Some(MergeRule::StormName),
        ),
        (
            "Corvix",
            Organization,
            "Real Corvix",
            Organization,
            Some(MergeRule::ClubName),
        ),
        // A city a club is named after stays the city.
        ("Madrid", Location, "Real Madrid", Organization, None),
        (
            "Robotics",
            Organization,
            "Acme Robotics",
            Organization,
            None,
        ),
        ("Maria Okafor", Person, "Maria Okafor", Person, None),
    ];
    for &(short, short_ty, full, full_ty, expected) in table {
        let got = short_form_of(&group(short, short_ty, 9), &group(full, full_ty, 1));
        assert_eq!(
            got, expected,
            "{short:?} ({short_ty:?}) for {full:?} ({full_ty:?})"
        );
    }
}

#[test]
fn a_first_word_named_before_the_full_name_is_a_name_of_its_own() {
    let full = group("Fulham Supporters Trust", EntityType::Organization, 20);
    let early = group("Fulham", EntityType::Organization, 3);
    assert_eq!(short_form_of(&early, &full), None);
    let later = group("Fulham", EntityType::Organization, 30);
    assert_eq!(short_form_of(&later, &full), Some(MergeRule::FirstWord));
    let full = group("Danish Broadcasting Network", EntityType::Organization, 1);
    let language = group("Danish", EntityType::Misc, 9);
    assert_eq!(short_form_of(&language, &full), None);
}

#[test]
fn a_title_with_a_lower_case_word_is_a_description_not_part_of_an_alias() {
    let doc = resolved(
        "Finance minister Tom Kiprop met Prime Minister Ada Wanjiru. Kiprop and \
         Wanjiru then left.",
    );
    let kiprop = entity(&doc, "Tom Kiprop");
    assert_eq!(kiprop.roles, ["Finance minister"]);
    assert!(
        kiprop.aliases.iter().all(|a| !a.contains("minister")),
        "{:?}",
        kiprop.aliases
    );
    let wanjiru = entity(&doc, "Ada Wanjiru");
    assert!(
        wanjiru
            .aliases
            .contains(&"Prime Minister Ada Wanjiru".to_string()),
        "{:?}",
        wanjiru.aliases
    );
}

#[test]
fn a_place_named_only_in_a_datelines_capitals_is_labelled_as_geonames_writes_it() {
    let doc = Pipeline::default().annotate(
        "t",
        "CHISINAU, Nov. 3 - Elena Rusu won the runoff in Moldova on Sunday.",
    );
    let labels: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.ty == EntityType::Location)
        .map(|e| e.label.as_str())
        .collect();
    assert!(labels.contains(&"Chisinau"), "{labels:?}");
    assert!(!labels.contains(&"CHISINAU"), "{labels:?}");
}

/// The label of the entity the description reading `words` is tied to, or
/// `None` when it stands for none.
fn description_label<'a>(doc: &'a Document, words: &str) -> Option<&'a str> {
    doc.mentions
        .iter()
        .zip(&doc.mention_entity)
        .find(|(m, _)| m.found_by == KIND_DESCRIPTION && doc.slice(m.span) == words)
        .and_then(|(_, e)| *e)
        .map(|e| doc.entities[e.index()].label.as_str())
}

#[test]
fn a_description_of_a_kind_stands_for_the_one_entity_of_that_kind_named_before() {
    let table: &[(&str, &str, Option<&str>)] = &[
        (
            "Halvorsen Semiconductor reported higher sales on Tuesday. \
             The company was acquired by Nordvik Robotics in 2019.",
            "The company",
            Some("Halvorsen Semiconductor"),
        ),
        (
            "Estonia will open a new border crossing next year, officials said. \
             The country signed an agreement with Latvia in March.",
            "The country",
            Some("Estonia"),
        ),
        (
            "Regulators fined Nordvik Savings Bank on Wednesday in Oslo. \
             The bank had failed to report suspicious transfers.",
            "The bank",
            Some("Nordvik Savings Bank"),
        ),
        (
            "Nordvik Savings Bank reported transfers to the Ministry of Finance. \
             The ministry fined Tarrow Steel on Monday.",
            "The ministry",
            Some("Ministry of Finance"),
        ),
        // No organisation named before: a company the text has not named.
        (
            "Prices rose sharply across Norway in the spring. The company \
             said demand was weak.",
            "The company",
            None,
        ),
        // Two companies named: the description could be either.
        (
            "Halvorsen Semiconductor agreed to buy Brightline Devices on Monday. \
             The company said the deal would close in May.",
            "The company",
            None,
        ),
        // Of two companies, the one named in a later sentence.
        (
            "Halvorsen Semiconductor reported higher sales on Tuesday. \
             Brightline Devices said its orders fell. The company cut 200 jobs.",
            "The company",
            Some("Brightline Devices"),
        ),
        // A bank is not a club, and a name the text never typed is no bank.
        (
            "FC Lindholm signed a new striker on Friday in Bergen. The bank \
             lent the money for the transfer.",
            "The bank",
            None,
        ),
        // Named too long ago.
        (
            "Halvorsen Semiconductor reported higher sales on Tuesday. Prices \
             rose in the spring. Analysts were surprised by the figures. \
             Many traders sold their shares. The company declined to comment.",
            "The company",
            None,
        ),
        // A generic use and a description that names its own entity.
        (
            "Halvorsen Semiconductor reported higher sales on Tuesday. The \
             company Brightline Devices said it would follow.",
            "The company",
            None,
        ),
        (
            "Estonia will open a new border crossing next year, officials said. \
             The country of origin must be declared at the border.",
            "The country",
            None,
        ),
    ];
    for (text, words, expected) in table {
        let doc = resolved(text);
        assert_eq!(description_label(&doc, words), *expected, "{text}");
    }
}

#[test]
fn a_kind_said_in_an_apposition_lets_a_specific_description_follow() {
    let doc = resolved(
        "Lumeris, a Norwegian chipmaker, reported higher sales on Tuesday. \
         The chipmaker said it would hire 400 workers in Trondheim.",
    );
    assert_eq!(description_label(&doc, "The chipmaker"), Some("Lumeris"));
    let doc = resolved(
        "Shares of Lumeris, a Norwegian chipmaker, rose sharply on Tuesday. \
         The chipmaker said it would hire 400 workers in Trondheim.",
    );
    assert_eq!(description_label(&doc, "The chipmaker"), Some("Lumeris"));
}

/// Each open edge (head, label, tail) by entity label.
fn open_edges(doc: &Document) -> Vec<(&str, &str, &str)> {
    doc.relations
        .iter()
        .filter(|r| r.kind == crate::document::RelationKind::Open)
        .map(|r| {
            (
                doc.entities[r.head.index()].label.as_str(),
                r.label.as_str(),
                doc.entities[r.tail.index()].label.as_str(),
            )
        })
        .collect()
}

#[test]
fn a_description_tied_to_its_entity_is_an_argument_of_open_relations() {
    let table: &[(&str, (&str, &str, &str))] = &[
        (
            "Halvorsen Semiconductor said on Tuesday that its quarterly revenue \
             rose by 12 percent. The company was acquired by Nordvik Robotics in \
             2019.",
            ("Nordvik Robotics", "acquired", "Halvorsen Semiconductor"),
        ),
        (
            "Estonia will open a new border crossing next year, officials in \
             Tallinn said on Monday. The country signed an agreement with Latvia \
             in March.",
            ("Estonia", "signed agreement with", "Latvia"),
        ),
        (
            "Estonia will open a new border crossing next year. Tartu will host \
             the opening ceremony. The city is twinned with Turku.",
            ("Tartu", "twinned with", "Turku"),
        ),
        (
            "Real Corvix sacked its coach on Friday after a fifth straight \
             defeat. The club appointed Jonas Berg as interim coach.",
            ("Real Corvix", "appointed", "Jonas Berg"),
        ),
        (
            "The bank had failed to report suspicious transfers to the Ministry \
             of Finance. The ministry later fined Tarrow Steel for the same \
             failure.",
            ("Ministry of Finance", "fined", "Tarrow Steel"),
        ),
    ];
    for (text, edge) in table {
        let doc = resolved(text);
        assert!(
            open_edges(&doc).contains(edge),
            "{text}: {:?}",
            open_edges(&doc)
        );
    }
}
