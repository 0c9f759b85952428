use crate::document::{Document, RelationKind};
use crate::pipeline::Pipeline;

struct Edge {
    head: String,
    tail: String,
    label: String,
    negated: bool,
    hedged: bool,
    evidence: String,
    property: Option<String>,
}

/// The reader's edges alone (the typed model's are left out).
fn edges(text: &str) -> Vec<Edge> {
    let doc: Document = Pipeline::default().annotate("t", text);
    super::extract(&doc)
        .iter()
        .map(|r| Edge {
            head: doc.entities[r.head.index()].label.clone(),
            tail: doc.entities[r.tail.index()].label.clone(),
            label: r.label.clone(),
            negated: r.negated,
            hedged: r.hedged,
            evidence: doc.slice(r.evidence[0]).to_string(),
            property: (r.kind == RelationKind::Typed)
                .then(|| r.property.clone())
                .flatten(),
        })
        .collect()
}

/// The head and tail of the typed edge with this property.
fn typed(found: &[Edge], property: &str) -> (String, String) {
    let edge = found
        .iter()
        .find(|e| e.property.as_deref() == Some(property))
        .unwrap_or_else(|| panic!("no {property} edge"));
    (edge.head.clone(), edge.tail.clone())
}

fn find<'a>(edges: &'a [Edge], head: &str, tail: &str) -> &'a Edge {
    edges
        .iter()
        .find(|e| e.head == head && e.tail == tail && e.property.is_none())
        .unwrap_or_else(|| {
            let all: Vec<String> = edges
                .iter()
                .map(|e| format!("{} -[{}]-> {}", e.head, e.label, e.tail))
                .collect();
            panic!("no edge {head} -> {tail} in {all:?}")
        })
}

#[test]
fn subject_verb_object_with_preposition() {
    let text = "Senator Ana Ruiz canceled her meeting with Lars Dahl on Friday.";
    let found = edges(text);
    let edge = find(&found, "Ana Ruiz", "Lars Dahl");
    assert_eq!(edge.label, "canceled meeting with");
    assert!(!edge.negated);
    assert_eq!(edge.evidence, text);
}

#[test]
fn negation_and_hedging_are_marked() {
    let found = edges("Mayor Tom Berg could not persuade Anna Holm to stay. Berg may visit Oslo.");
    let edge = find(&found, "Tom Berg", "Anna Holm");
    assert!(edge.negated);
    assert!(edge.label.contains("persuade"));
    let visit = find(&found, "Tom Berg", "Oslo");
    assert!(visit.hedged && !visit.negated);
    let forecast = edges("Karl Holm is favoured to succeed Ingrid Berg as leader.");
    assert!(find(&forecast, "Karl Holm", "Ingrid Berg").hedged);
}

#[test]
fn passive_voice_turns_the_direction() {
    let found =
        edges("The treaty was signed in Paris. Governor Eva Lind was defeated by Karl Moen.");
    let edge = find(&found, "Karl Moen", "Eva Lind");
    assert_eq!(edge.label, "defeated");
    let found = edges("Jonas Berg will be replaced by Sofia Lind in May.");
    assert_eq!(find(&found, "Sofia Lind", "Jonas Berg").label, "replaced");
    let found = edges("Jonas Berg could not be persuaded by Sofia Lind.");
    let edge = find(&found, "Sofia Lind", "Jonas Berg");
    assert_eq!(
        (edge.label.as_str(), edge.negated, edge.hedged),
        ("not persuaded", true, true)
    );
}

#[test]
fn relative_clause_subject_is_the_antecedent() {
    let found = edges(
        "Minister Lars Dahl, who has handled the talks with Gabriel Rojas since June, resigned.",
    );
    let edge = find(&found, "Lars Dahl", "Gabriel Rojas");
    assert!(edge.label.contains("handled"));
}

#[test]
fn coordinated_subjects_each_get_an_edge() {
    let found = edges("Chile and Peru will likely hold Bolivia responsible for the delay.");
    for subject in ["Chile", "Peru"] {
        let edge = find(&found, subject, "Bolivia");
        assert!(edge.label.contains("responsible"), "{}", edge.label);
        assert!(edge.hedged);
    }
}

#[test]
fn apposition_gives_the_relation_it_names() {
    let found = edges(
        "Chilean president Gabriel Rojas spoke on Monday. Later, Tomas Vial, uncle of \
         the Chilean president, criticised the plan.",
    );
    let edge = find(&found, "Tomas Vial", "Gabriel Rojas");
    assert_eq!(edge.label, "uncle of");
}

#[test]
fn copula_with_an_organisation() {
    let found = edges("Marta Vidal is a senior economist at the Nordic Trade Institute.");
    let edge = find(&found, "Marta Vidal", "Nordic Trade Institute");
    assert!(edge.label.contains("economist"), "{}", edge.label);
    assert!(edge.label.ends_with("at"));
}

#[test]
fn pronoun_subjects_are_resolved() {
    let found = edges("President Ana Ruiz arrived in Lima on Monday. She thanked Lars Dahl.");
    let edge = find(&found, "Ana Ruiz", "Lars Dahl");
    assert_eq!(edge.label, "thanked");
}

#[test]
fn roles_that_name_a_country_give_edges() {
    let found = edges("Peruvian president Ana Ruiz met reporters in Peru on Monday.");
    assert!(
        found
            .iter()
            .any(|e| e.head == "Ana Ruiz" && e.tail == "Peru" && e.label == "president of")
    );
    assert_eq!(find(&found, "Ana Ruiz", "Peru").evidence, found[0].evidence);
    assert_eq!(typed(&found, "P35"), ("Peru".into(), "Ana Ruiz".into()));
}

#[test]
fn a_phrase_of_manner_stays_in_the_label_and_an_attribution_is_no_predicate() {
    let found = edges("Mark Rutte spoke by phone with Nikos Andreou on Thursday.");
    assert_eq!(
        find(&found, "Mark Rutte", "Nikos Andreou").label,
        "spoke by phone with"
    );
    let found = edges(
        "Giorgia Meloni asked for help. Ursula von der Leyen, the commission's president, \
         spoke with Meloni by phone, according to a statement from Brussels.",
    );
    assert!(
        found.iter().all(|e| e.tail != "Brussels"),
        "{:?}",
        found.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
}

#[test]
fn a_preposition_read_as_an_adjective_stays_in_the_label() {
    let found = edges("Sarah Collins was seized near Kaduna while travelling to a clinic.");
    assert_eq!(find(&found, "Sarah Collins", "Kaduna").label, "seized near");
}

#[test]
fn a_second_verb_phrase_keeps_the_subject() {
    let found = edges(
        "Margaret Osei was born in Kumasi in 1943 and studied English at the University \
         of Ghana.",
    );
    assert_eq!(
        find(&found, "Margaret Osei", "University of Ghana").label,
        "studied at"
    );
    assert!(
        found
            .iter()
            .all(|e| e.head != "Kumasi" && e.tail != "Kumasi" || e.head == "Margaret Osei")
    );
}

#[test]
fn an_infinitive_after_an_object_control_verb_takes_the_object() {
    let found = edges("Haruto Sato invited Emma Clarke to visit Tokyo next year.");
    let edge = find(&found, "Emma Clarke", "Tokyo");
    assert_eq!((edge.label.as_str(), edge.hedged), ("visit", true));
    assert!(
        found
            .iter()
            .all(|e| !(e.head == "Haruto Sato" && e.tail == "Tokyo"))
    );
}

#[test]
fn an_infinitive_of_purpose_takes_the_clauses_subject_and_is_hedged() {
    let found = edges(
        "Foreign Minister Lars Dahl will travel to Santiago next month to meet President \
         Gabriel Rojas.",
    );
    let travel = find(&found, "Lars Dahl", "Santiago");
    assert_eq!(travel.label, "will travel to");
    let meet = find(&found, "Lars Dahl", "Gabriel Rojas");
    assert_eq!(meet.label, "meet");
    assert!(meet.hedged && !meet.negated);
    assert!(!found.iter().any(|e| e.head == "Santiago"));
    // After a date and its preposition, and with a pronoun as the object.
    let found = edges(
        "Chancellor Tomas Rua lost the vote. President Pavel Orlov called Rua on Sunday \
         to congratulate him.",
    );
    assert!(found.iter().any(|e| e.head == "Pavel Orlov"
        && e.tail == "Tomas Rua"
        && e.label == "congratulate"
        && e.hedged));
    assert!(!found.iter().any(|e| e.head == "Tomas Rua"));
}

#[test]
fn roles_that_name_an_organisation_give_edges() {
    // Owner before the title, after it, "former" before either, a
    // country by its demonym, and "former" before a person possessor,
    // which is that person's.
    for (text, person, owner, label) in [
        (
            "Velmont's chief executive, Ines Araujo, said the plant would close.",
            "Ines Araujo",
            "Velmont",
            "chief executive of",
        ),
        (
            "Corvix founder Tomas Reyes sold his shares on Monday.",
            "Tomas Reyes",
            "Corvix",
            "founder of",
        ),
        (
            "The head of Interpol, Jurgen Stock, visited Lyon in May.",
            "Jurgen Stock",
            "Interpol",
            "head of",
        ),
        (
            "Nexora was founded by David Chen, a former Halvorsen Systems engineer.",
            "David Chen",
            "Halvorsen Systems",
            "former engineer of",
        ),
        (
            "After a former executive of Construtora Norte, Tiago Mendes, testified, \
             the case went on.",
            "Tiago Mendes",
            "Construtora Norte",
            "former executive of",
        ),
        (
            "Turkish President Recep Erdogan met Ana Ruiz in Ankara.",
            "Recep Erdogan",
            "Turkey",
            "president of",
        ),
        (
            "Police charged former mayor Ana Ruiz's deputy, Tomas Reyes, on Monday.",
            "Tomas Reyes",
            "Ana Ruiz",
            "deputy of",
        ),
        (
            "The director of the Ravel Institute, Hella Quarn, said it would close.",
            "Hella Quarn",
            "Ravel Institute",
            "director of",
        ),
        (
            "Velmont's former chief executive, Bram Oduya, was cleared on Friday.",
            "Bram Oduya",
            "Velmont",
            "former chief executive of",
        ),
        (
            "The World Health Organization (WHO) met on Monday. A WHO spokeswoman, \
             Ines Valbo, told reporters in Lyon that tests went on.",
            "Ines Valbo",
            "World Health Organization",
            "spokeswoman of",
        ),
        (
            "Medics Abroad's coordinator, Tove Lind, said the clinic had closed.",
            "Tove Lind",
            "Medics Abroad",
            "coordinator of",
        ),
        (
            "Dynamo Varna's sporting director, Ivo Stanev, confirmed the deal.",
            "Ivo Stanev",
            "Dynamo Varna",
            "sporting director of",
        ),
    ] {
        assert_eq!(find(&edges(text), person, owner).label, label, "{text}");
    }
    let found = edges("Corvix founder Tomas Reyes sold his shares on Monday.");
    assert_eq!(
        typed(&found, "P112"),
        ("Corvix".into(), "Tomas Reyes".into())
    );
    // A demonym before an occupation is where the person is from.
    let found = edges("Turkish journalist Emre Kaya met Ana Ruiz in Ankara.");
    assert!(found.iter().all(|e| e.label != "journalist of"));
    assert_eq!(typed(&found, "P27"), ("Emre Kaya".into(), "Turkey".into()));
    let found = edges("Fulham was sold by its American owner, Brian Kessler, in May.");
    assert!(found.iter().all(|e| e.label != "owner of"));
    assert_eq!(
        typed(&found, "P27"),
        ("Brian Kessler".into(), "United States".into())
    );
    // A role with no owner before a comma is a description of its own.
    let found = edges("After the director, Ines Araujo spoke to Tomas Reyes.");
    assert!(found.iter().all(|e| e.label != "director of"));
}

#[test]
fn the_kind_of_an_organisation_named_before_owns_a_role() {
    let found = edges(
        "Nordic Savings Bank cut its rate on Monday. The bank's governor, Eva Lund, \
         said prices had slowed.",
    );
    assert_eq!(
        find(&found, "Eva Lund", "Nordic Savings Bank").label,
        "governor of"
    );
    // Two banks named before: the description could be either.
    let found = edges(
        "Nordic Savings Bank cut its rate. Vestal Bank did not. The bank's governor, Eva \
         Lund, said prices had slowed.",
    );
    assert!(found.iter().all(|e| e.label != "governor of"), "no owner");
    // A portfolio in lower case after a demonym: the country's minister.
    let found = edges("The Danish fisheries minister, Per Holm, visited Esbjerg on Friday.");
    assert_eq!(
        find(&found, "Per Holm", "Denmark").label,
        "fisheries minister of"
    );
}

#[test]
fn an_office_before_a_name_names_what_the_person_is_of() {
    let found = edges("Mayor Ines Arriaga of Valencia opened the new bridge on Friday.");
    assert_eq!(find(&found, "Ines Arriaga", "Valencia").label, "mayor of");
    let found = edges("Judge Petra Lindqvist of the Supreme Court rejected the appeal.");
    assert_eq!(
        find(&found, "Petra Lindqvist", "Supreme Court").label,
        "judge of"
    );
    // A form of address, an abbreviation or an occupation is no office.
    for text in [
        "Mr Tomas Reyes of Valencia opened the new bridge on Friday.",
        "Dr Tomas Reyes of Valencia opened the new bridge on Friday.",
        "The veteran politician Tomas Reyes of Valencia opened the new bridge on Friday.",
    ] {
        assert_eq!(find(&edges(text), "Tomas Reyes", "Valencia").label, "of");
    }
}

#[test]
fn a_companys_title_goes_to_the_organisation_the_text_is_about() {
    let text = "Halvard Industries said on Monday it would close its plant in Bergen. Halvard \
                Industries blamed the cost of power. The company's chief executive, Eva Lund, \
                said jobs would move to Oslo.";
    assert_eq!(
        find(&edges(text), "Eva Lund", "Halvard Industries").label,
        "chief executive of"
    );
    // Two organisations named as often: the description could be either.
    let text = "Halvard Industries sued Brekke Motors on Monday. The company's chief executive, \
                Eva Lund, said the case was strong.";
    assert!(
        edges(text).iter().all(|e| e.label != "chief executive of"),
        "no owner"
    );
    // A title no company alone has is left to the text.
    let text = "Halvard Industries said on Monday it would close its plant in Bergen. The \
                company's spokesman, Per Holm, declined to comment.";
    assert!(edges(text).iter().all(|e| e.label != "spokesman of"));
}

#[test]
fn a_name_set_off_by_of_belongs_to_what_follows() {
    let found = edges("Senator Ola Brekke, of the Centre Party, voted against the bill.");
    assert_eq!(find(&found, "Ola Brekke", "Centre Party").label, "of");
    let found = edges("The mayor, Ana Ruiz of Valdemar, opened the bridge with Tomas Reyes.");
    assert!(
        found
            .iter()
            .all(|e| e.label != "of" || e.head != "Tomas Reyes")
    );
}

#[test]
fn a_demonym_describing_an_organisation_gives_its_country() {
    for text in [
        "The Dutch chipmaker Veldhoven Systems bought a plant in Dresden.",
        "Analysts said Veldhoven Systems, a Dutch maker of chips, bought a plant.",
        "Brekke United signed a winger from Dutch side Veldhoven Systems on Friday.",
    ] {
        assert_eq!(
            typed(&edges(text), "P17"),
            ("Veldhoven Systems".into(), "Netherlands".into()),
            "{text}"
        );
    }
    let found = edges("Airbus, the European planemaker, sold jets. Dutch officials met Airbus.");
    assert!(found.iter().all(|e| e.property.as_deref() != Some("P17")));
}

#[test]
fn a_possessed_noun_before_a_name_is_a_role_towards_the_possessor() {
    let found =
        edges("Tomas Reyes denied the charges. His lawyer, Ines Araujo, spoke to reporters.");
    assert_eq!(
        find(&found, "Ines Araujo", "Tomas Reyes").label,
        "lawyer of"
    );
    let found = edges("Maria Silva's husband Paulo Silva was arrested in Recife.");
    assert_eq!(
        find(&found, "Paulo Silva", "Maria Silva").label,
        "husband of"
    );
    assert!(found.iter().any(|e| e.property.as_deref() == Some("P26")));
    let found = edges(
        "Ana Ruiz denied it. Her spokesman, Lars Dahl, said so. \
         The delegation of Velmont, whose foreign minister, Ines Araujo, arrived late, left.",
    );
    assert_eq!(find(&found, "Lars Dahl", "Ana Ruiz").label, "spokesman of");
    assert_eq!(
        find(&found, "Ines Araujo", "Velmont").label,
        "foreign minister of"
    );
    // "their" is left out: it too often stands for a group with no name.
    let found = edges("Ana Ruiz and Lars Dahl won. Their coach, Ines Araujo, cried.");
    assert!(found.iter().all(|e| e.label != "coach of"));
}

#[test]
fn a_capitalised_title_after_an_organisation_is_its_role() {
    let found = edges("Corvix Chairman Ines Araujo met Tomas Reyes in Lima.");
    assert_eq!(find(&found, "Ines Araujo", "Corvix").label, "chairman of");
    assert!(found.iter().any(|e| e.property.as_deref() == Some("P488")));
}

#[test]
fn a_headline_without_a_full_stop_does_not_reach_into_the_next_sentence() {
    let found = edges("Talks in Oslo grind on\n\nAna Ruiz welcomed Lars Dahl to Oslo on Monday.");
    assert_eq!(find(&found, "Ana Ruiz", "Lars Dahl").label, "welcomed");
}

#[test]
fn a_clause_after_as_or_after_has_its_own_subject() {
    let found = edges("Ana Ruiz scored twice as Velmont beat Corvix United on Sunday.");
    assert_eq!(find(&found, "Velmont", "Corvix United").label, "beat");
    // Followed by no verb, the name after "as" stays a prepositional object.
    let found = edges("Known as Velmont in Lima, the firm hired Ines Araujo.");
    assert!(found.iter().all(|e| e.head != "Velmont"));
}

#[test]
fn place_comma_country_is_located_in() {
    let found = edges("The talks took place in Bergen, Norway, last week.");
    assert_eq!(typed(&found, "P17"), ("Bergen".into(), "Norway".into()));
}

/// (text, place, region): GeoNames has the place in one country, not the
/// one named after it, so the region is a state of the same name.
#[test]
fn a_place_in_a_state_named_like_a_country_lies_in_the_state() {
    for (text, place, region) in [
        (
            "Kestrel Mining will build a plant near Savannah, Georgia, next year.",
            "Savannah",
            "Georgia",
        ),
        (
            "The festival opened in Savannah, Georgia, on Friday.",
            "Savannah",
            "Georgia",
        ),
    ] {
        let found = edges(text);
        assert!(
            found.iter().all(|e| e.property.as_deref() != Some("P17")),
            "{text}"
        );
        assert_eq!(
            typed(&found, "P131"),
            (place.into(), region.into()),
            "{text}"
        );
    }
}

#[test]
fn labels_keep_particles_and_the_adjectives_of_their_noun() {
    let e = edges("Maria Okafor caught up with Peter Lindqvist in Lagos on Tuesday.");
    assert_eq!(
        find(&e, "Maria Okafor", "Peter Lindqvist").label,
        "caught up with"
    );
    let e = edges("Tomas Herrera contacted senior officials of Amnesty International last year.");
    assert_eq!(
        find(&e, "Tomas Herrera", "Amnesty International").label,
        "contacted senior officials of"
    );
}

#[test]
fn one_of_a_group_keeps_the_group_in_a_copula_label() {
    let e = edges("Ada Lindgren was one of the founders of Nordvik Labs.");
    assert_eq!(
        find(&e, "Ada Lindgren", "Nordvik Labs").label,
        "was one of founders of"
    );
}

#[test]
fn an_agency_named_after_its_country_owns_the_role_not_the_country() {
    let e = edges("Fisheries Norway spokeswoman Ingrid Dahl said the quota would hold.");
    let edge = find(&e, "Ingrid Dahl", "Fisheries Norway");
    assert_eq!(edge.label, "spokeswoman of");
    assert!(!e.iter().any(|e| e.tail == "Norway"));
}

#[test]
fn a_subject_set_off_by_its_role_still_heads_the_clause() {
    let e =
        edges("The union's leader, Joseph Mbeki, told Radio Harbour that the strike would go on.");
    assert_eq!(find(&e, "Joseph Mbeki", "Radio Harbour").label, "told");
    let e = edges("Its chairman, Moussa Faki, will travel to Nairobi on Thursday.");
    assert_eq!(find(&e, "Moussa Faki", "Nairobi").label, "will travel to");
}

#[test]
fn an_apposition_label_keeps_the_words_up_to_its_preposition() {
    let e = edges("Velcor, an engineering firm based in Lisbon, built the bridge.");
    assert_eq!(
        find(&e, "Velcor", "Lisbon").label,
        "engineering firm based in"
    );
}

#[test]
fn when_it_happened_is_not_part_of_the_predicate() {
    let found = edges("Prime Minister Mark Carney on Tuesday appointed Helen Okafor as envoy.");
    assert_eq!(
        find(&found, "Mark Carney", "Helen Okafor").label,
        "appointed"
    );
}

#[test]
fn after_a_relative_clause_the_clause_goes_on_with_its_owner() {
    let found = edges(
        "Nordvik Bank, which is based in Oslo, was founded in 1998 by Lars Dahl and Anna Holm.",
    );
    assert_eq!(find(&found, "Nordvik Bank", "Oslo").label, "based in");
    // Passive and coordinated: each founder is the head.
    assert_eq!(find(&found, "Lars Dahl", "Nordvik Bank").label, "founded");
    assert_eq!(find(&found, "Anna Holm", "Nordvik Bank").label, "founded");
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Oslo" || e.tail == "Lars Dahl")
    );
}

#[test]
fn coordinated_objects_each_get_an_edge_but_not_a_new_subject() {
    let found = edges("Senator Ana Ruiz met Lars Dahl and Anna Holm in Bergen.");
    assert_eq!(find(&found, "Ana Ruiz", "Lars Dahl").label, "met");
    assert_eq!(find(&found, "Ana Ruiz", "Anna Holm").label, "met");
    for text in [
        "Senator Ana Ruiz met Lars Dahl, and Anna Holm visited Bergen.",
        "The Red Cross sent teams from Lima, and Chile and Colombia offered rescue workers.",
    ] {
        let found = edges(text);
        assert!(
            !found
                .iter()
                .any(|e| ["Anna Holm", "Chile", "Colombia"].contains(&e.tail.as_str())),
            "{text}: {:?}",
            found
                .iter()
                .map(|e| (&e.head, &e.label, &e.tail))
                .collect::<Vec<_>>()
        );
    }
    let found = edges("The Red Cross sent teams to Lima, Cusco and Arequipa.");
    assert_eq!(find(&found, "Red Cross", "Arequipa").label, "sent teams to");
}

#[test]
fn serving_as_keeps_the_position_held() {
    let found =
        edges("Helen Okafor, who previously served as ambassador to Japan, will lead the talks.");
    assert_eq!(
        find(&found, "Helen Okafor", "Japan").label,
        "served as ambassador to"
    );
}

#[test]
fn a_title_case_headline_gives_no_open_edge() {
    let found = edges(
        "Corvane United Beat Halden Rovers to Go Top of the Premier League\n\nCorvane United \
         defeated Halden Rovers on Saturday. Halden Rovers have lost three games in the \
         Premier League.",
    );
    let headline_labels: Vec<&str> = found
        .iter()
        .filter(|e| e.evidence.starts_with("Corvane United Beat"))
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(headline_labels, Vec::<&str>::new());
    assert_eq!(
        find(&found, "Corvane United", "Halden Rovers").label,
        "defeated"
    );
}

#[test]
fn a_place_ending_the_line_before_does_not_own_a_title() {
    let found = edges(
        "Senator Ana Ruiz Meets Lars Dahl in Oslo\n\nSenator Ana Ruiz met Lars Dahl in Oslo \
         on Monday.",
    );
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Ana Ruiz" && e.tail == "Oslo"),
        "{:?}",
        found.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    assert_eq!(find(&found, "Ana Ruiz", "Lars Dahl").label, "met");
}

#[test]
fn a_passive_with_a_measure_and_a_verb_with_its_complement() {
    let found = edges(
        "Nordvik Bank has been fined 2.4 billion euros by the European Commission. \
         Microsoft agreed to buy Lumen Systems for $69 billion.",
    );
    assert_eq!(
        find(&found, "European Commission", "Nordvik Bank").label,
        "fined"
    );
    assert_eq!(
        find(&found, "Microsoft", "Lumen Systems").label,
        "agreed to buy"
    );
}

#[test]
fn a_former_role_says_so_and_an_opposition_leader_heads_no_state() {
    let found = edges(
        "Former British Prime Minister Boris Johnson criticised the plan. \
         Venezuela's opposition leader Maria Corina Machado won the prize.",
    );
    assert_eq!(
        find(&found, "Boris Johnson", "United Kingdom").label,
        "former prime minister of"
    );
    assert_eq!(
        find(&found, "Maria Corina Machado", "Venezuela").label,
        "opposition leader of"
    );
    assert!(
        !found
            .iter()
            .any(|e| e.property.as_deref() == Some("P35") && e.tail == "Maria Corina Machado")
    );
}

#[test]
fn a_weekday_is_a_date_in_a_predicate_but_owns_the_name_after_it() {
    let found = edges("President Joe Biden on Sunday pardoned his son Hunter Biden.");
    assert_eq!(find(&found, "Joe Biden", "Hunter Biden").label, "pardoned");
    let found = edges("The Bergen Harbour Fair opened with fireworks on Friday Night.");
    assert!(found.iter().all(|e| !e.tail.contains("Night")));
}

#[test]
fn an_age_opens_a_parenthetical_and_a_title_after_the_verb_stays_in_the_label() {
    let found = edges(
        "Lars Dahl, 54, a former banker from Bergen, was named chief executive of Nordvik Bank.",
    );
    assert_eq!(
        find(&found, "Lars Dahl", "Nordvik Bank").label,
        "named chief executive of"
    );
}

#[test]
fn a_comma_list_closed_by_a_conjunction_is_coordinated() {
    let found = edges("Senator Ana Ruiz visited France, Germany and Norway in May.");
    for country in ["France", "Germany", "Norway"] {
        assert_eq!(find(&found, "Ana Ruiz", country).label, "visited");
    }
    // A place and its country are not a list.
    let found = edges("Senator Ana Ruiz visited Bergen, Norway, in May.");
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Ana Ruiz" && e.tail == "Norway" && e.label == "visited")
    );
}

#[test]
fn a_possessor_before_a_name_is_its_affiliation_not_an_argument() {
    let found = edges(
        "Russia's Vladimir Putin met China's Xi Jinping. Oslo-based Nordvik Bank hired Anna Berg.",
    );
    assert_eq!(find(&found, "Vladimir Putin", "Xi Jinping").label, "met");
    assert_eq!(find(&found, "Vladimir Putin", "Russia").label, "of");
    assert_eq!(find(&found, "Xi Jinping", "China").label, "of");
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Vladimir Putin" && e.tail == "China")
    );
    assert_eq!(find(&found, "Nordvik Bank", "Oslo").label, "based in");
    assert_eq!(find(&found, "Nordvik Bank", "Anna Berg").label, "hired");
}

#[test]
fn a_participle_after_a_list_modifies_its_last_item_only() {
    let found = edges("The fund holds Telenor, Equinor and Aker Solutions bought by Nordvik Bank.");
    assert_eq!(
        find(&found, "Aker Solutions", "Nordvik Bank").label,
        "bought by"
    );
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Telenor" || e.head == "Equinor")
    );
    let both = edges("Lars Dahl and Anna Holm were hired by Nordvik Bank.");
    assert_eq!(find(&both, "Nordvik Bank", "Lars Dahl").label, "hired");
    assert_eq!(find(&both, "Nordvik Bank", "Anna Holm").label, "hired");
}

#[test]
fn a_relative_clause_ending_in_a_phrase_still_hands_the_clause_back() {
    let found =
        edges("Ingrid Solberg, who governed Norway for nine years, succeeded Lars Dahl in March.");
    assert_eq!(find(&found, "Ingrid Solberg", "Norway").label, "governed");
    assert_eq!(
        find(&found, "Ingrid Solberg", "Lars Dahl").label,
        "succeeded"
    );
    assert!(!found.iter().any(|e| e.head == "Norway"));
}

#[test]
fn an_apposition_reaches_an_object_with_a_noun_before_it() {
    let found =
        edges("Karl Brandt, the leader of the opposition Labour Party, criticised the plan.");
    assert_eq!(
        find(&found, "Karl Brandt", "Labour Party").label,
        "leader of"
    );
}

#[test]
fn a_person_of_an_organisation_belongs_to_it_but_passes_nothing_on() {
    let found = edges(
        "Councillors Mary Tan of the Green Party and Peter Ng of the Liberal Party were re-elected.",
    );
    assert_eq!(find(&found, "Mary Tan", "Green Party").label, "of");
    assert_eq!(find(&found, "Peter Ng", "Liberal Party").label, "of");
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Mary Tan" && e.tail == "Peter Ng")
    );
    let aged = edges("John Carter, 45, of Leeds, was arrested by Interpol.");
    assert_eq!(find(&aged, "John Carter", "Leeds").label, "of");
    assert_eq!(find(&aged, "Interpol", "John Carter").label, "arrested");
    assert!(
        !aged
            .iter()
            .any(|e| e.tail == "Leeds" && e.head == "Interpol")
    );
    // A description with an article is no affiliation.
    let described = edges("Critics called Oskar Lind the Napoleon of Sweden.");
    assert!(
        !described
            .iter()
            .any(|e| e.tail == "Sweden" && e.label == "of")
    );
}

#[test]
fn a_demonym_before_the_object_is_part_of_its_noun_phrase() {
    let cases = [
        (
            "Brekke Group bought Danish ferry operator Stenholm Lines.",
            "Brekke Group",
            "Stenholm Lines",
            "bought",
        ),
        (
            "Swedish insurer Kvarn Mutual has agreed to buy Finnish broker Aalto Risk for 300 million euros.",
            "Kvarn Mutual",
            "Aalto Risk",
            "agreed to buy",
        ),
    ];
    for (text, head, tail, label) in cases {
        assert_eq!(find(&edges(text), head, tail).label, label, "{text}");
    }
}

#[test]
fn an_apposition_with_a_title_or_a_longer_description_gives_the_role() {
    let cases = [
        (
            "Gareth Pryce, the chief executive of Malvest, resigned.",
            "chief executive of",
        ),
        (
            "A court sentenced Gareth Pryce, the former chief executive of payments firm \
             Malvest, to nine years.",
            "former chief executive of",
        ),
    ];
    for (text, label) in cases {
        assert_eq!(
            find(&edges(text), "Gareth Pryce", "Malvest").label,
            label,
            "{text}"
        );
    }
}

#[test]
fn the_unit_of_a_measure_is_no_part_of_the_label() {
    let e = edges("Brekke Group opened a 2 billion euro battery plant in Narvik on Monday.");
    assert_eq!(
        find(&e, "Brekke Group", "Narvik").label,
        "opened battery plant in"
    );
}

#[test]
fn an_apposition_opened_by_a_participle_or_naming_a_base_describes_the_name_before_it() {
    // A participle and its agent set off by commas are a passive, and the
    // clause goes on with the name before them.
    let found = edges("The Farmers League, led by Senator Ilse Varga, won seats in Portugal.");
    let led = find(&found, "Ilse Varga", "Farmers League");
    assert_eq!(led.label, "led");
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Ilse Varga" && e.tail == "Portugal")
    );
    // Where the agent is may close the phrase.
    let found =
        edges("The Varde Observatory, run by Halden University in Bergen, recorded the tremor.");
    assert_eq!(
        find(&found, "Halden University", "Varde Observatory").label,
        "run"
    );
    // So may when, after the agent; not a phrase going on past it.
    for (text, label) in [
        (
            "Varde United, owned by the businessman Ivo Brandt since 2019, won the cup.",
            "owned",
        ),
        (
            "Varde United, bought by Ivo Brandt in March 2019, won the cup.",
            "bought",
        ),
    ] {
        let found = edges(text);
        assert_eq!(
            find(&found, "Ivo Brandt", "Varde United").label,
            label,
            "{text}"
        );
        assert!(
            !found
                .iter()
                .any(|e| e.head == "Ivo Brandt" && e.label == "won"),
            "{text}"
        );
    }
    let found = edges("Varde United, owned by Ivo Brandt since 2019 and his son Tom, won the cup.");
    assert!(!found.iter().any(|e| e.label == "owned"));
    // "-based" and the nouns it describes, set off by commas.
    let found = edges("Halden Group, the Oslo-based industrial conglomerate, hired Anna Berg.");
    assert_eq!(find(&found, "Halden Group", "Oslo").label, "based in");
    // Not when the apposition says more than where the name is based.
    let found = edges("Halden Group, the Oslo-based rival of Anna Berg, grew fast.");
    assert!(!found.iter().any(|e| e.label == "based in"));
    // What the nouns make, after "of", is still part of the apposition.
    let found = edges("Corvane Robotics, a Lyon-based maker of warehouse robots, hired Anna Berg.");
    assert_eq!(find(&found, "Corvane Robotics", "Lyon").label, "based in");
    // After a preposition's object, the participle may describe another noun.
    let found = edges("She held a report critical of Nordvik Bank, written by Ilse Varga.");
    assert!(
        !found.iter().any(|e| e.head == "Ilse Varga"),
        "{:?}",
        found.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
}

#[test]
fn a_passive_agent_after_a_place_and_a_date_is_the_agent() {
    let found = edges("Nordvik Bank was founded in Bergen in 1998 by Lars Dahl and Anna Holm.");
    assert_eq!(find(&found, "Nordvik Bank", "Bergen").label, "founded in");
    assert_eq!(find(&found, "Lars Dahl", "Nordvik Bank").label, "founded");
    assert_eq!(find(&found, "Anna Holm", "Nordvik Bank").label, "founded");
    // An active verb's place is no passive's.
    let found = edges("Anna Holm travelled to Bergen in May by Norwegian Air Shuttle.");
    assert!(found.iter().any(|e| e.tail == "Bergen"));
    assert!(found.iter().all(|e| e.head != "Norwegian Air Shuttle"));
}

/// (text, subject, object, label) of clauses whose predicate is read past
/// what stands between a name and its verb or object.
#[test]
fn ages_appositions_and_hyphened_modifiers_are_no_part_of_the_predicate() {
    for (text, head, tail, label) in [
        (
            "Tomas Reyes, 52, a former finance minister, leads the Civic Union.",
            "Tomas Reyes",
            "Civic Union",
            "leads",
        ),
        (
            "Tomas Reyes, 52, leads the Civic Union.",
            "Tomas Reyes",
            "Civic Union",
            "leads",
        ),
        (
            "Ana Ruiz leads the centre-right Civic Union in Valencia.",
            "Ana Ruiz",
            "Civic Union",
            "leads",
        ),
        (
            "Ana Ruiz joined the state-owned Nordvik Bank in 2019.",
            "Ana Ruiz",
            "Nordvik Bank",
            "joined",
        ),
    ] {
        assert_eq!(find(&edges(text), head, tail).label, label, "{text}");
    }
}

#[test]
fn a_clause_goes_on_after_an_apposition_with_a_hyphenated_modifier() {
    let found =
        edges("Halden Group, the Oslo-based industrial conglomerate, bought Velcor Systems.");
    assert_eq!(
        find(&found, "Halden Group", "Velcor Systems").label,
        "bought"
    );
}

#[test]
fn a_relative_clause_naming_nothing_is_skipped() {
    let found = edges("Nordvik Bank, which lost money last year, was bought by Lars Dahl.");
    assert_eq!(find(&found, "Lars Dahl", "Nordvik Bank").label, "bought");
    let found = edges("Anna Holm, who was born in 1950, joined Nordvik Bank in May.");
    assert_eq!(find(&found, "Anna Holm", "Nordvik Bank").label, "joined");
}

/// The open role labels ("foreign minister of") from `person` to `place`.
fn role_labels<'a>(found: &'a [Edge], person: &str, place: &str) -> Vec<&'a str> {
    found
        .iter()
        .filter(|e| {
            e.head == person && e.tail == place && e.property.is_none() && e.label.ends_with(" of")
        })
        .map(|e| e.label.as_str())
        .collect()
}

/// Rule `dateline-head-of-state` on ministers: (text, person, the open
/// label to the dateline's country, or none).
#[test]
fn a_bare_ministers_title_belongs_to_the_datelines_country() {
    let cases = [
        (
            "WARSAW, March 3 (Reuters) - Foreign Minister Jan Kowalczyk said Poland \
             would close two crossings.",
            "Jan Kowalczyk",
            Some("foreign minister of"),
        ),
        (
            "WARSAW, March 3 - Deputy Finance Minister Ewa Nowicka said Poland's \
             budget was sound.",
            "Ewa Nowicka",
            Some("deputy finance minister of"),
        ),
        (
            "WARSAW, March 3 - German Finance Minister Klaus Berger said Poland \
             would back the plan.",
            "Klaus Berger",
            None,
        ),
        (
            "WARSAW, March 3 - Foreign Minister Rokas Valaitis of Lithuania met \
             traders from Poland.",
            "Rokas Valaitis",
            None,
        ),
        (
            "WARSAW, March 3 - Lithuanian Foreign Minister Rokas Valaitis arrived \
             on Tuesday. Foreign Minister Valaitis met traders from Poland.",
            "Rokas Valaitis",
            None,
        ),
        (
            "WARSAW, March 3 - Visiting Foreign Minister Rokas Valaitis met traders \
             from Poland.",
            "Rokas Valaitis",
            None,
        ),
        (
            "WARSAW, March 3 - Foreign Minister Rokas Valaitis, on a visit to \
             Poland, met traders.",
            "Rokas Valaitis",
            None,
        ),
        (
            "WARSAW, March 3 - Shadow Foreign Minister Jan Kowalczyk said Poland \
             would lose.",
            "Jan Kowalczyk",
            None,
        ),
        (
            "Foreign Minister Jan Kowalczyk said Poland would close two crossings.",
            "Jan Kowalczyk",
            None,
        ),
        // Another country's ministry of the same portfolio: either's minister.
        (
            "WARSAW, March 3 - Poland raised duties on Czech steel. Czechia's trade \
             ministry called the move unfair. Trade Minister Pavel Dvorak said \
             Czechia would answer.",
            "Pavel Dvorak",
            None,
        ),
        (
            "WARSAW, March 3 - Poland raised duties on steel. The Czech trade minister \
             called the move unfair. Finance Minister Ewa Nowicka said Poland would \
             hold firm.",
            "Ewa Nowicka",
            Some("finance minister of"),
        ),
    ];
    for (text, person, expected) in cases {
        let found = edges(text);
        let labels = role_labels(&found, person, "Poland");
        assert_eq!(labels, expected.into_iter().collect::<Vec<_>>(), "{text}");
    }
}

/// Rule `dateline-head-of-state` on a US state's offices: (text, person, the
/// open label to Georgia, or none).
#[test]
fn a_bare_state_office_belongs_to_the_state_of_a_us_datelines_city() {
    let cases = [
        (
            "ATLANTA, May 4 (AP) - Governor Mark Ellison signed a bill that limits \
             water use in Georgia.",
            "Mark Ellison",
            Some("governor of"),
        ),
        (
            "SAVANNAH, Georgia (AP) - Lt. Gov. Lena Pruitt said the port would grow.",
            "Lena Pruitt",
            Some("lt. gov. of"),
        ),
        (
            "ATLANTA, May 4 - Florida Governor Ana Ruiz met traders from Georgia.",
            "Ana Ruiz",
            None,
        ),
        (
            "ATLANTA, May 4 - Governor Ana Ruiz of Florida met traders from Georgia.",
            "Ana Ruiz",
            None,
        ),
        (
            "WASHINGTON, May 4 - Attorney General Lena Pruitt said Georgia would lose.",
            "Lena Pruitt",
            None,
        ),
        (
            "TBILISI, May 4 - Governor Nino Beridze met traders from Georgia.",
            "Nino Beridze",
            None,
        ),
        (
            "Governor Mark Ellison signed a bill that limits water use in Georgia.",
            "Mark Ellison",
            None,
        ),
        // A US state is not the country of the same name.
        (
            "SAVANNAH, Georgia (AP) - President Mark Ellison said the port would grow.",
            "Mark Ellison",
            None,
        ),
    ];
    for (text, person, expected) in cases {
        let found = edges(text);
        let labels = role_labels(&found, person, "Georgia");
        assert_eq!(labels, expected.into_iter().collect::<Vec<_>>(), "{text}");
    }
    let found = edges(
        "ATLANTA, May 4 (AP) - Governor Mark Ellison signed a bill that limits water use \
         in Georgia.",
    );
    assert_eq!(
        typed(&found, "P6"),
        ("Georgia".to_string(), "Mark Ellison".to_string())
    );
}

/// The country, open label and property a bare title gives.
type Owner = Option<(&'static str, &'static str, &'static str)>;

/// Rule `dateline-head-of-state`: (text, person, the country the bare title
/// gives, or none).
#[test]
fn a_bare_head_of_states_title_belongs_to_the_datelines_country() {
    let cases: [(&str, &str, Owner); 6] = [
        (
            "ACCRA, May 2 (Reuters) - President Kofi Anseh opened a port on Friday. \
             Ghana's exports rose.",
            "Kofi Anseh",
            Some(("Ghana", "president of", "P35")),
        ),
        (
            "VARNA, Bulgaria, June 22 - Prime Minister Dara Velkova thanked the \
             organisers.",
            "Dara Velkova",
            Some(("Bulgaria", "prime minister of", "P6")),
        ),
        (
            "ACCRA, May 2 - Prime Minister Tomas Rua of Fiji met traders from Ghana.",
            "Tomas Rua",
            None,
        ),
        (
            "ACCRA, May 2 - French President Marc Lenoir met traders from Ghana.",
            "Marc Lenoir",
            None,
        ),
        (
            "President Kofi Anseh opened a port on Friday. Ghana's exports rose.",
            "Kofi Anseh",
            None,
        ),
        (
            "LAGOS, May 2 (AP) - President Ade Bello opened a port in Kenya.",
            "Ade Bello",
            None,
        ),
    ];
    for (text, person, expected) in cases {
        let found = edges(text);
        let countries: Vec<&Edge> = found
            .iter()
            .filter(|e| {
                e.head == person
                    && e.property.is_none()
                    && e.label.ends_with(" of")
                    && matches!(e.tail.as_str(), "Ghana" | "Bulgaria" | "Kenya")
            })
            .collect();
        match expected {
            Some((country, label, property)) => {
                assert_eq!(countries.len(), 1, "{text}");
                assert_eq!(countries[0].tail, country, "{text}");
                assert_eq!(countries[0].label, label, "{text}");
                assert_eq!(
                    typed(&found, property),
                    (country.to_string(), person.to_string())
                );
            }
            None => assert!(countries.is_empty(), "{text}: {:?}", countries[0].label),
        }
    }
}

/// (text, person, owner, the role's label, the copula's object and label).
#[test]
fn a_copula_with_a_possessed_role_gives_the_role_and_its_object() {
    let cases = [
        (
            "Tomas Rua was Fiji's ambassador to Japan before he became prime minister.",
            "Tomas Rua",
            "Fiji",
            "ambassador of",
            Some(("Japan", "was ambassador to")),
        ),
        (
            "Ida Kralova, 52, was previously Slovakia's ambassador to Austria.",
            "Ida Kralova",
            "Slovakia",
            "ambassador of",
            Some(("Austria", "was ambassador to")),
        ),
        (
            "Anna Berg is Corvane Robotics' chief executive.",
            "Anna Berg",
            "Corvane Robotics",
            "chief executive of",
            None,
        ),
        (
            "Anna Berg is Corvane Robotics' former chief executive.",
            "Anna Berg",
            "Corvane Robotics",
            "former chief executive of",
            None,
        ),
    ];
    for (text, person, owner, label, object) in cases {
        let found = edges(text);
        assert_eq!(find(&found, person, owner).label, label, "{text}");
        if let Some((object, copula)) = object {
            assert_eq!(find(&found, person, object).label, copula, "{text}");
        }
    }
    let found = edges("Anna Berg is Corvane Robotics' chief executive.");
    assert_eq!(
        typed(&found, "P108"),
        ("Anna Berg".to_string(), "Corvane Robotics".to_string())
    );
    // Not a copula: the possessor's role is someone else's.
    let found = edges("Anna Berg met Fiji's ambassador to Japan.");
    assert!(
        !found.iter().any(|e| e.label.contains("ambassador")),
        "{:?}",
        found.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
}

#[test]
fn a_participle_after_the_subjects_clause_takes_its_subject() {
    let found = edges(
        "Marta Ilves won the runoff on Sunday, defeating the incumbent, Juhan Kask, by nine \
         points.",
    );
    assert_eq!(find(&found, "Marta Ilves", "Juhan Kask").label, "defeating");
    // The object of the first verb is not the participle's subject, and a
    // participle working as a preposition opens no clause.
    let found = edges(
        "Police arrested Tarmo Sild on Monday, accusing Juhan Kask of fraud. Marta Ilves met \
         the ministers, including Juhan Kask.",
    );
    let wrong: Vec<String> = found
        .iter()
        .filter(|e| (e.head == "Tarmo Sild" || e.head == "Marta Ilves") && e.tail == "Juhan Kask")
        .map(|e| e.label.clone())
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn a_places_government_stands_for_the_place_in_a_clause() {
    for text in [
        "The government of Norway signed a trade deal with Chile on Tuesday.",
        "Norway's new government signed a trade deal with Chile on Tuesday.",
        "The Norwegian government signed a trade deal with Chile on Tuesday.",
    ] {
        let found = edges(text);
        assert_eq!(
            find(&found, "Norway", "Chile").label,
            "signed trade deal with",
            "{text}"
        );
    }
    // A noun of government modifying another is no place's stand-in.
    let found = edges("Norway's government spokesman, Ola Berg, met Chile's envoy.");
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Norway" && e.tail == "Chile"),
        "{:?}",
        found.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
}

#[test]
fn a_second_verb_phrase_after_an_object_naming_nothing_keeps_the_subject() {
    let cases = [
        (
            "Tomas Brandl, a former banker, pleaded guilty in May and testified against \
             Ilse Varga.",
            "Tomas Brandl",
            "Ilse Varga",
            "testified against",
            false,
        ),
        (
            "Prime Minister Henrik Moe accepted the resignation and named Lise Aker as \
             finance minister.",
            "Henrik Moe",
            "Lise Aker",
            "named",
            false,
        ),
        (
            "Senator Ana Ruiz may leave the party next year and join Lars Dahl.",
            "Ana Ruiz",
            "Lars Dahl",
            "join",
            true,
        ),
    ];
    for (text, head, tail, label, hedged) in cases {
        let found = edges(text);
        let edge = find(&found, head, tail);
        assert_eq!(
            (edge.label.as_str(), edge.hedged),
            (label, hedged),
            "{text}"
        );
    }
    // A passive first verb makes the second one passive too.
    let found =
        edges("Goalkeeper Tomas Brel was carried off with an injury and replaced by Ivo Kranjc.");
    let edge = find(&found, "Ivo Kranjc", "Tomas Brel");
    assert_eq!(edge.label, "replaced");
    // The second verb of an infinitive is not the subject's.
    let found =
        edges("Mayor Ana Ruiz could not persuade Congress to fund the plan or get Chile to pay.");
    assert!(!found.iter().any(|e| e.tail == "Chile"));
}

#[test]
fn the_party_an_object_came_from_is_the_acts_other_party() {
    let cases = [
        (
            "Corvane United signed striker Paulo Mendes from Atletico Brava for 20 million \
             euros.",
            "Corvane United",
            "Atletico Brava",
            "signed from",
        ),
        (
            "Paulo Mendes joined Atletico Brava from Brazilian club Serra Azul FC in 2020.",
            "Paulo Mendes",
            "Serra Azul FC",
            "joined from",
        ),
        (
            "Halvard Group sold Lumeris Systems to Nordvik Bank last year.",
            "Halvard Group",
            "Nordvik Bank",
            "sold to",
        ),
    ];
    for (text, head, tail, label) in cases {
        assert_eq!(find(&edges(text), head, tail).label, label, "{text}");
    }
    // A city after "from" says where the object is from.
    let found = edges("Ana Ruiz interviewed Lars Dahl from Bergen.");
    assert!(
        !found
            .iter()
            .any(|e| e.head == "Ana Ruiz" && e.tail == "Bergen")
    );
}

#[test]
fn a_preposition_said_again_after_and_coordinates_its_objects() {
    let found = edges("Velmora Motors builds vans in Windsor and in Puebla.");
    assert_eq!(
        find(&found, "Velmora Motors", "Puebla").label,
        "builds vans in"
    );
    assert_eq!(
        find(&found, "Velmora Motors", "Windsor").label,
        "builds vans in"
    );
    // Another preposition starts a phrase of its own.
    let found = edges("Velmora Motors builds vans in Windsor and near Puebla.");
    assert!(
        !found
            .iter()
            .any(|e| e.tail == "Puebla" && e.label == "builds vans in")
    );
}

#[test]
fn a_gerund_after_a_verbs_particle_is_part_of_the_predicate() {
    let found = edges("Ines Varga has ruled out working with Tomas Lind.");
    assert_eq!(
        find(&found, "Ines Varga", "Tomas Lind").label,
        "ruled out working with"
    );
}

#[test]
fn a_date_after_a_name_with_its_role_leaves_it_the_object() {
    let found = edges("Orlov sold the club to the banker Brian Hale last year.");
    assert_eq!(find(&found, "Orlov", "Brian Hale").label, "sold club to");
}

#[test]
fn a_measure_on_a_countrys_goods_named_by_demonym_is_towards_the_country() {
    let found = edges("Mexico banned imports of Canadian potatoes after a pest was found.");
    assert_eq!(find(&found, "Mexico", "Canada").label, "banned imports of");
    let found = edges("Canada will impose new tariffs on Chinese steel and aluminium.");
    assert_eq!(
        find(&found, "Canada", "China").label,
        "will impose new tariffs on"
    );
    let found = edges("Brazil said it would retaliate with duties on Argentine wine.");
    assert_eq!(
        find(&found, "Brazil", "Argentina").label,
        "would retaliate with duties on"
    );
    // Not a measure, nor goods that go on into a name.
    let found = edges("Norway praised the quality of Chilean wine.");
    assert!(!found.iter().any(|e| e.tail == "Chile"));
    let found = edges("Mexico banned imports of Canadian beef Valdor Farms sold.");
    assert!(!found.iter().any(|e| e.tail == "Canada"));
}

#[test]
fn an_act_on_a_countrys_people_named_by_demonym_is_towards_the_country() {
    let found = edges("Norway expelled three Russian diplomats on Friday.");
    assert_eq!(
        find(&found, "Norway", "Russia").label,
        "expelled diplomats of"
    );
    let found = edges("Later, Russia ordered two Norwegian diplomats to leave Moscow.");
    assert_eq!(
        find(&found, "Russia", "Norway").label,
        "ordered diplomats of"
    );
    for text in [
        "Brekke Group bought a Danish company last year.",
        "Velta United hired a German coach in June.",
        "Brekke Group bought Danish ferry operator Stenholm Lines.",
        "Lars Holm repeated the Danish proposal on Monday.",
        "Lars Holm, grandfather of the current Danish leader, agreed.",
        "Lars Holm was the coach of the German national team.",
    ] {
        let found = edges(text);
        assert!(
            !found
                .iter()
                .any(|e| e.property.is_none() && matches!(e.tail.as_str(), "Denmark" | "Germany")),
            "{text}"
        );
    }
}

#[test]
fn the_object_of_a_possessed_noun_is_what_the_act_was_done_to() {
    let found = edges("Judge Ana Ruiz blocked Kessel Group's planned purchase of Lumo Systems.");
    let blocked = find(&found, "Ana Ruiz", "Lumo Systems");
    assert_eq!(
        (blocked.label.as_str(), blocked.hedged),
        ("blocked purchase of", false)
    );
    let purchase = find(&found, "Kessel Group", "Lumo Systems");
    assert_eq!(
        (purchase.label.as_str(), purchase.hedged),
        ("purchase of", true)
    );
    // A noun of no act gives the possessor nothing.
    let found = edges("Ana Ruiz praised Kessel Group's report on Lumo Systems.");
    assert_eq!(
        find(&found, "Ana Ruiz", "Lumo Systems").label,
        "praised report on"
    );
    assert!(!found.iter().any(|e| e.head == "Kessel Group"));
}

#[test]
fn after_an_affiliation_the_clause_goes_on_with_the_person() {
    let found =
        edges("Judge Maria Lenz of the Bergen District Court found Tomas Brandl guilty of fraud.");
    assert_eq!(
        find(&found, "Maria Lenz", "Tomas Brandl").label,
        "found guilty"
    );
    assert!(!found.iter().any(|e| e.head == "Bergen District Court"));
}

#[test]
fn an_infinitive_right_after_its_subject_is_hedged() {
    let found = edges(
        "Ines Alba said her country supported Chile and urged the European Union to \
         impose sanctions on Peru.",
    );
    assert!(find(&found, "European Union", "Peru").hedged);
}

#[test]
fn an_organisation_named_with_its_kind_is_the_object() {
    let found =
        edges("Rodrigo Paz, 61, who led the Accion Civica party until 2019, denied the charges.");
    assert_eq!(find(&found, "Rodrigo Paz", "Accion Civica").label, "led");
    // A person's name before a noun still modifies it.
    let found = edges("Ana Ruiz criticised the Dahl administration.");
    assert!(!found.iter().any(|e| e.tail == "Dahl"));
}

#[test]
fn the_agent_of_a_noun_stays_an_object_before_the_nouns_verb() {
    let found = edges(
        "Health Minister Kari Dahl resigned on Friday after a report by the National \
         Audit Office found failures.",
    );
    assert_eq!(
        find(&found, "Kari Dahl", "National Audit Office").label,
        "resigned after report by"
    );
}

#[test]
fn a_participles_agent_after_a_date_founded_the_name_before() {
    let found =
        edges("Lumeris, founded in 2004 by the engineer Pieter Jansma, makes sensors in Delft.");
    assert_eq!(find(&found, "Pieter Jansma", "Lumeris").label, "founded");
}

#[test]
fn a_role_at_a_described_organisation_goes_to_the_one_named_before() {
    let cases = [
        (
            "Analysts at Halden Savings Bank said the price was fair. \"Prices will rise,\" \
             said Ingrid Solheim, an analyst at the bank.",
            "Ingrid Solheim",
            "Halden Savings Bank",
            "analyst at",
        ),
        (
            "The Estonian Maritime Agency closed the harbour. A spokesman for the agency, \
             Mart Kask, said it would reopen.",
            "Mart Kask",
            "Estonian Maritime Agency",
            "spokesman for",
        ),
        (
            "The Norwegian Board of Health Supervision published a report. The board's \
             director, Torunn Lie, said patients were at risk.",
            "Torunn Lie",
            "Norwegian Board of Health Supervision",
            "director of",
        ),
        (
            "Prime Minister Henrik Moe met unions on Friday. The talks will go on next week, \
             a spokesman for the prime minister, Jonas Vik, said.",
            "Jonas Vik",
            "Henrik Moe",
            "spokesman for",
        ),
    ];
    for (text, person, owner, label) in cases {
        assert_eq!(find(&edges(text), person, owner).label, label, "{text}");
    }
    // Two banks named before: either could be meant.
    let found = edges(
        "Nordhavn Bank and Vestal Bank gained. Ingrid Solheim, an analyst at the bank, \
         said so.",
    );
    assert!(found.iter().all(|e| e.label != "analyst at"));
}

/// A demonym before a role: (text, person, country, the open label it gives,
/// or none when it gives citizenship).
#[test]
fn a_demonym_before_a_role_that_is_no_national_office_is_citizenship() {
    let cases = [
        (
            "Velta United appointed Spanish coach Diego Soler on Monday.",
            "Diego Soler",
            "Spain",
            None,
        ),
        (
            "Velta United hired Tomas Varga, a Hungarian coach, in June.",
            "Tomas Varga",
            "Hungary",
            None,
        ),
        // The demonym describes the team, whose coach may be from anywhere.
        (
            "The Hungarian team's coach, Tomas Varga, resigned.",
            "Tomas Varga",
            "Hungary",
            Some("coach of"),
        ),
        (
            "Dutch chief executive Pieter Kalma sold his shares.",
            "Pieter Kalma",
            "Netherlands",
            None,
        ),
        (
            "Brazilian striker Tiago Mendes scored twice.",
            "Tiago Mendes",
            "Brazil",
            None,
        ),
        (
            "Spanish Foreign Minister Ana Lucero met traders.",
            "Ana Lucero",
            "Spain",
            Some("foreign minister of"),
        ),
        (
            "Chilean President Rosa Ibarra met traders.",
            "Rosa Ibarra",
            "Chile",
            Some("president of"),
        ),
        // An occupation says a nationality, even one that serves a country.
        (
            "Russian envoy Oleg Panin left on Friday.",
            "Oleg Panin",
            "Russia",
            None,
        ),
    ];
    for (text, person, country, label) in cases {
        let found = edges(text);
        let open: Vec<&str> = found
            .iter()
            .filter(|e| e.head == person && e.tail == country && e.property.is_none())
            .map(|e| e.label.as_str())
            .collect();
        let citizen = found
            .iter()
            .any(|e| e.head == person && e.tail == country && e.property.as_deref() == Some("P27"));
        match label {
            Some(label) => assert_eq!((open.as_slice(), citizen), (&[label][..], false), "{text}"),
            None => assert_eq!((open.as_slice(), citizen), (&[][..], true), "{text}"),
        }
    }
}

#[test]
fn a_demonym_before_an_occupation_in_an_apposition_is_citizenship() {
    let found = edges("Its owner, Khalid Hamdan, a Qatari businessman, bought the club in 2019.");
    assert_eq!(
        typed(&found, "P27"),
        ("Khalid Hamdan".to_string(), "Qatar".to_string())
    );
    // A company's maker is no occupation of the person before.
    let found = edges("Tomas Brel, a French maker of violins, spoke.");
    assert!(
        found
            .iter()
            .all(|e| e.property.as_deref() != Some("P27") || e.tail != "France")
    );
}

#[test]
fn an_act_on_what_a_name_holds_is_towards_the_holder() {
    let cases = [
        (
            "Foreign Minister Tomas Lind summoned Belarus's ambassador on Monday.",
            "Tomas Lind",
            "Belarus",
            "summoned ambassador of",
        ),
        (
            "Ana Ruiz criticised Kessel Group's decision.",
            "Ana Ruiz",
            "Kessel Group",
            "criticised decision of",
        ),
    ];
    for (text, head, tail, label) in cases {
        assert_eq!(find(&edges(text), head, tail).label, label, "{text}");
    }
    // Not from a verb of saying, nor where the holder's noun has a verb.
    for text in [
        "Analysts said Kessel Group's shares fell.",
        "Ana Ruiz expects Kessel Group's shares to rise.",
        "Ana Ruiz explained Kessel Group's interest in shares began early.",
    ] {
        assert!(
            edges(text).iter().all(|e| !e.label.contains("shares")),
            "{text}"
        );
    }
}

/// Rule `bare-title-of-an-institution`: (text, person, owner, the open
/// label to it, or none).
#[test]
fn a_bare_title_of_an_institution_belongs_to_the_one_named_before() {
    let cases = [
        (
            "The Reserve Bank of Norland kept rates unchanged. Governor Elsa Varga said \
             inflation was falling.",
            "Elsa Varga",
            "Reserve Bank of Norland",
            Some("governor of"),
        ),
        (
            "The Reserve Bank of Norland kept rates unchanged. Deputy Governor Elsa Varga \
             said inflation was falling.",
            "Elsa Varga",
            "Reserve Bank of Norland",
            Some("deputy governor of"),
        ),
        (
            "The Supreme Court of Norland heard the appeal. Justice Tomas Brandt said the \
             law was clear.",
            "Tomas Brandt",
            "Supreme Court of Norland",
            Some("justice of"),
        ),
        // Two banks: either may be his.
        (
            "The Reserve Bank of Norland and Kestrel Bank disagreed. Governor Elsa Varga \
             said inflation was falling.",
            "Elsa Varga",
            "Reserve Bank of Norland",
            None,
        ),
        // Named only after the title.
        (
            "Governor Elsa Varga said the Reserve Bank of Norland would wait.",
            "Elsa Varga",
            "Reserve Bank of Norland",
            None,
        ),
        // A US dateline's governor is the state's.
        (
            "ATLANTA, May 4 (AP) - Pine Bank opened a branch. Governor Mark Ellison \
             praised it.",
            "Mark Ellison",
            "Pine Bank",
            None,
        ),
    ];
    for (text, person, owner, expected) in cases {
        let found = edges(text);
        let labels = role_labels(&found, person, owner);
        assert_eq!(labels, expected.into_iter().collect::<Vec<_>>(), "{text}");
    }
}
