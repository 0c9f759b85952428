//! Copulas, appositions, places and the edges that roles give: what a
//! title or a noun in apposition says of a person.

use super::*;

/// The label of a copula: the verb, the first noun phrase's adjectives and
/// head ("one of" before it included), and the preposition before the object.
pub(super) fn copula_label(doc: &Document, tokens: &[usize]) -> Vec<usize> {
    let mut label = vec![tokens[0]];
    let mut in_phrase = false;
    let mut quantity = None;
    for &t in &tokens[1..] {
        match tag(doc, t) {
            Upos::Adj | Upos::Noun | Upos::Propn => {
                label.push(t);
                in_phrase = true;
            }
            Upos::Num if !in_phrase => quantity = Some(t),
            // "was one of the two founders of"
            Upos::Adp if !in_phrase && quantity.is_some() && lower(doc, t) == "of" => {
                label.extend(quantity.take());
                label.push(t);
            }
            Upos::Det | Upos::Adv if !in_phrase => {}
            _ => break,
        }
    }
    if let Some(&last) = tokens.last() {
        if tag(doc, last) == Upos::Adp && !label.contains(&last) {
            label.push(last);
        }
    }
    label
}

/// "X, grandfather of Y": a noun and a preposition right before the object.
pub(super) fn apposition(doc: &Document, start: usize, to: usize) -> Option<Predicate> {
    // "the former chief executive of payments firm X": up to eight words.
    let tokens: Vec<usize> = (start..to).collect();
    if tokens.is_empty() || tokens.len() > 8 {
        return None;
    }
    // "Ana Ruiz, of the Centre Party,": whose member or where from.
    let words: Vec<String> = tokens.iter().map(|&t| lower(doc, t)).collect();
    if matches!(words.as_slice(), [of] | [of, _] if of == "of")
        && words.get(1).is_none_or(|the| the == "the")
    {
        return Some(Predicate::plain("of"));
    }
    // "the chief executive of": a title's last word is its noun, whatever
    // the tagger made of it ("executive" reads as an adjective as often).
    let title_word = |i: usize| {
        tokens
            .get(i + 1)
            .is_some_and(|&next| tag(doc, next) == Upos::Adp)
            && (0..=i).any(|from| {
                let words: Vec<&str> = tokens[from..=i]
                    .iter()
                    .map(|&t| doc.token_text(t))
                    .collect();
                let words = words.join(" ");
                lexicon::is_title(&words) || lexicon::is_corporate_title(&words)
            })
    };
    let noun = (0..tokens.len()).find(|&i| tag(doc, tokens[i]) == Upos::Noun || title_word(i))?;
    // "grandfather of the current leader": one preposition, then only the
    // object's determiners, adjectives and at most two nouns modifying it
    // ("leader of the opposition Christian Democrats").
    let offset = tokens[noun + 1..]
        .iter()
        .position(|&t| tag(doc, t) == Upos::Adp)?;
    let preposition = &tokens[noun + 1 + offset];
    let object_phrase = &tokens[noun + 2 + offset..];
    if object_phrase
        .iter()
        .any(|&t| !matches!(tag(doc, t), Upos::Det | Upos::Adj | Upos::Noun))
        || object_phrase
            .iter()
            .filter(|&&t| tag(doc, t) == Upos::Noun)
            .count()
            > 2
    {
        return None;
    }
    if tokens[..noun].iter().any(|&t| {
        !matches!(
            tag(doc, t),
            Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn
        )
    }) {
        return None;
    }
    // "a longtime member of": adjectives right before the noun stay.
    let mut first = noun;
    while first > 0 && tag(doc, tokens[first - 1]) == Upos::Adj {
        first -= 1;
    }
    // "an architecture firm based in": the words up to the preposition
    // say what the relation is, when they are the noun phrase's own.
    let between = &tokens[noun + 1..noun + 1 + offset];
    let whole = between
        .iter()
        .all(|&t| matches!(tag(doc, t), Upos::Noun | Upos::Adj | Upos::Verb))
        && noun + 2 + offset - first <= MAX_LABEL_WORDS;
    let head_end = if whole { noun + offset } else { noun };
    let words: Vec<&str> = tokens[first..=head_end]
        .iter()
        .chain(std::iter::once(preposition))
        .map(|&t| doc.token_text(t))
        .collect();
    Some(Predicate::plain(&words.join(" ")))
}

/// "in Seoul, South Korea": a place, a comma, then the country or region
/// it lies in.
pub(super) fn located_in(doc: &Document, args: &[Argument], evidence: Span) -> Vec<Relation> {
    let mut relations = Vec::new();
    for pair in args.windows(2) {
        let (place, region) = (pair[0], pair[1]);
        let types_fit = [place.entity, region.entity]
            .iter()
            .all(|e| doc.entities[e.index()].ty == crate::document::EntityType::Location);
        if !types_fit || place.entity == region.entity {
            continue;
        }
        if region.start != place.end + 1 || doc.token_text(place.end) != "," {
            continue;
        }
        // "China, Japan and South Korea" is a list, and a country lies in no other.
        let place_label = &doc.entities[place.entity.index()].label;
        let listed = region.end < doc.tokens.len()
            && matches!(doc.token_text(region.end), "and" | "or")
            || (place.start > 0 && doc.token_text(place.start - 1) == ",");
        if listed || lexicon::country(place_label).is_some() {
            continue;
        }
        let region_label = &doc.entities[region.entity.index()].label;
        let is_country = lexicon::country(region_label).is_some()
            && !in_another_country(place_label, region_label);
        let (property, label) = if is_country {
            ("P17", "country")
        } else {
            ("P131", "located in the administrative territorial entity")
        };
        relations.push(rule_typed(
            (place.entity, region.entity),
            (property, label),
            0.85,
            evidence,
        ));
    }
    relations
}

/// "Savannah, Georgia", "Athens, Georgia": GeoNames has the place in one
/// country only and it is not the country named after it, so that name is
/// a region's of the same name (a US state), not the country's.
fn in_another_country(place: &str, country: &str) -> bool {
    use crate::model::places::{PlaceKind, Places};
    let places = Places::embedded();
    match (places.get_any_case(place), places.get_any_case(country)) {
        (Some(place), Some(country)) => {
            !place.several_countries
                && country.kind == PlaceKind::Country
                && place.country != country.country
        }
        _ => false,
    }
}

/// A typed edge a reading rule gives: (head, tail), (property, label).
pub(super) fn rule_typed(
    (head, tail): (EntityId, EntityId),
    (property, label): (&str, &str),
    confidence: f32,
    evidence: Span,
) -> Relation {
    Relation {
        head,
        tail,
        kind: RelationKind::Typed,
        label: label.to_string(),
        property: Some(property.to_string()),
        confidence,
        negated: false,
        hedged: false,
        evidence: vec![evidence],
    }
}

/// A role that names its country or organisation ("North Korean leader Kim
/// Jong Un", "RAND president Ana Soto") gives an edge from the person to it.
pub(super) fn role_relations(doc: &Document) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (m, mention) in doc.mentions.iter().enumerate() {
        let (Some(role), Some(person)) =
            (mention.role, doc.mention_entity.get(m).copied().flatten())
        else {
            continue;
        };
        // The role's modifier: a mention inside the role span.
        let owner = doc
            .mentions
            .iter()
            .enumerate()
            .find_map(|(o, other)| {
                (o != m && role.contains(other.span))
                    .then(|| doc.mention_entity.get(o).copied().flatten())
                    .flatten()
                    .map(|entity| (entity, other.span))
            })
            .or_else(|| whose_antecedent(doc, role))
            .or_else(|| described_owner(doc, role))
            .or_else(|| institution_of_a_bare_title(doc, role));
        let Some((owner, owner_span)) = owner else {
            continue;
        };
        // The owner before the title ("Acme's chief executive") or after it
        // ("head of Interpol").
        let title = if owner_span.end < role.end {
            let after = doc.text[owner_span.end..role.end].trim_start();
            after
                .strip_prefix("'s")
                .or_else(|| after.strip_prefix("’s"))
                .unwrap_or(after)
        } else {
            let before = doc.text[role.start..owner_span.start].trim_end();
            // "director of the SFO": the article goes with "of".
            before
                .strip_suffix(" of the")
                .or_else(|| before.strip_suffix(" of"))
                .unwrap_or(before)
        };
        // "Danish club's coach": the person's title is what follows the
        // last possessive.
        let title = match title.rfind(['\'', '’']) {
            Some(apostrophe) => {
                let rest = &title[apostrophe..];
                let rest = rest.trim_start_matches(['\'', '’']);
                rest.strip_prefix('s').unwrap_or(rest)
            }
            None => title,
        };
        let title = title.trim().to_string();
        if title.is_empty() || owner == person {
            continue;
        }
        // "Turkish journalist Emre Kaya", "Spanish coach Diego Soler": a
        // demonym says where the person is from, not whose journalist or
        // coach they are.
        let demonym_owner = doc
            .mentions
            .iter()
            .any(|other| other.span == owner_span && other.kind == MentionKind::Demonym);
        // "the Afghan team's coach": the demonym describes the team.
        let possessed =
            owner_span.end < role.end && doc.text[owner_span.end..role.end].contains(['\'', '’']);
        let nationality = if possessed {
            lexicon::is_occupation(&title) || says_who_not_what(&title)
        } else {
            demonym_says_nationality(&title)
        };
        if demonym_owner && nationality {
            if is_a_country(doc, owner) {
                relations.push(rule_typed(
                    (person, owner),
                    ("P27", "country of citizenship"),
                    0.8,
                    doc.sentences[mention.sentence.index()].span,
                ));
            }
            continue;
        }
        // "Former British Prime Minister": the word before the owner says
        // the role is over; before a person ("former mayor Gérard Collomb's
        // deputy") it is that person's.
        let sentence = doc.sentences[mention.sentence.index()].span;
        // "a former executive of Construtora Norte": before the title when
        // the owner follows it.
        let owner_first = owner_span.end < role.end;
        let before = if owner_first {
            owner_span.start
        } else {
            role.start
        };
        let former = doc.entities[owner.index()].ty != EntityType::Person
            && doc.text[sentence.start..before]
                .split_whitespace()
                .rev()
                .take_while(|w| !w.ends_with([',', '.', ';']))
                .take(3)
                .any(|w| w.eq_ignore_ascii_case("former"));
        relations.push(Relation {
            head: person,
            tail: owner,
            kind: RelationKind::Open,
            label: format!(
                "{}{} of",
                if former { "former " } else { "" },
                lower_case_words(&title)
            ),
            property: None,
            confidence: 0.8,
            negated: false,
            hedged: false,
            evidence: vec![sentence],
        });
        if let Some(role) = role_property(&title.to_lowercase()) {
            if doc.entities[owner.index()].ty == role.owner_type {
                let (head, tail) = if role.owner_is_head {
                    (owner, person)
                } else {
                    (person, owner)
                };
                relations.push(rule_typed(
                    (head, tail),
                    (role.property, role.label),
                    0.8,
                    sentence,
                ));
            }
        }
    }
    relations
}

/// Before an occupation or any role that is no office held for a country
/// ("Spanish coach", "Turkish journalist", "Dutch chief executive") a
/// demonym says the holder's nationality; before an office
/// (`lexicon::is_national_office`: "Spanish foreign minister", "Chilean
/// president") it says whose office it is.
pub(super) fn demonym_says_nationality(role: &str) -> bool {
    lexicon::is_occupation(role) || says_who_not_what(role) || !lexicon::is_national_office(role)
}

/// "the United Arab Emirates, whose crown prince": the name before ", whose"
/// owns the role. Returns its entity and the span of "whose", which stands
/// for it inside the role.
pub(super) fn whose_antecedent(doc: &Document, role: Span) -> Option<(EntityId, Span)> {
    let whose = doc.tokens.partition_point(|t| t.start < role.start);
    if whose < 2 || !doc.token_text(whose).eq_ignore_ascii_case("whose") {
        return None;
    }
    if doc.token_text(whose - 1) != "," {
        return None;
    }
    let antecedent = doc.mentions.iter().position(|m| {
        m.tokens.end == whose - 1 && matches!(m.kind, MentionKind::Name | MentionKind::Nominal)
    })?;
    let entity = doc.mention_entity.get(antecedent).copied().flatten()?;
    Some((entity, doc.tokens[whose]))
}

/// "the bank's governor": a possessor that is an organisation's kind
/// ("bank", "university") stands for the one organisation named before
/// whose name holds that word ("Nordic Savings Bank"); when no name holds
/// it, a company's title ("the company's chief executive") goes to the
/// organisation the text names most just before. Returns its entity and
/// the possessor's span; nothing when several fit.
pub(super) fn described_owner(doc: &Document, role: Span) -> Option<(EntityId, Span)> {
    let first = doc.tokens.partition_point(|t| t.start < role.start);
    let possessive = first + 1;
    if possessive >= doc.tokens.len()
        || doc.tokens[possessive].start >= role.end
        || !matches!(doc.token_text(possessive), "'s" | "’s")
    {
        return None;
    }
    let kind = doc.token_text(first);
    if !kind.starts_with(char::is_lowercase) || !lexicon::is_organization_noun(kind) {
        return None;
    }
    let mut fitting = doc.entities.iter().enumerate().filter(|(e, entity)| {
        entity.ty == EntityType::Organization
            && entity
                .label
                .split_whitespace()
                .any(|word| word.eq_ignore_ascii_case(kind))
            && doc.mentions.iter().enumerate().any(|(m, mention)| {
                mention.span.end <= role.start
                    && doc.mention_entity.get(m).copied().flatten() == Some(EntityId::from(*e))
            })
    });
    let owner = match (fitting.next(), fitting.next()) {
        (Some((entity, _)), None) => EntityId::from(entity),
        (Some(_), Some(_)) => return None,
        (None, _) => {
            let title = doc.text[doc.tokens[possessive].end..role.end].trim();
            if !lexicon::is_corporate_title(title) {
                return None;
            }
            salient_organization(doc, role)?
        }
    };
    Some((owner, doc.tokens[first]))
}

/// Rule `bare-title-of-an-institution`: "Governor Zoltan Kiss", "Justice
/// Ann Reid": a capitalised title that belongs to one kind of institution
/// (`institution_titles.txt`: a governor's is a bank, a justice's a court)
/// goes to the one organisation named before whose name holds the kind's
/// word ("the Central Bank of Kenya", "the Federal Court"); nothing when
/// several do, nor for a governor in a story datelined in a US state, whose
/// office the dateline's state is. Returns the owner and an empty span at
/// the role's start, so the whole role is the title.
fn institution_of_a_bare_title(doc: &Document, role: Span) -> Option<(EntityId, Span)> {
    let title = doc.slice(role).trim();
    if !title.starts_with(char::is_uppercase) {
        return None;
    }
    let kind = lexicon::institution_of_title(title)?;
    if lexicon::is_state_office(title) && dateline_in_the_us(doc) {
        return None;
    }
    let owner = organization_of_kind(doc, kind, role.start)?;
    Some((
        owner,
        Span {
            start: role.start,
            end: role.start,
        },
    ))
}

/// Whether the story's dateline is a place GeoNames has in the United
/// States only ("ATLANTA", "SAVANNAH, Georgia").
fn dateline_in_the_us(doc: &Document) -> bool {
    use crate::model::places::Places;
    let Some(places) = dateline_places(doc) else {
        return false;
    };
    places.first().is_some_and(|&place| {
        let label = &doc.entities[place.index()].label;
        Places::embedded()
            .get_any_case(label)
            .is_some_and(|p| p.country == *b"US" && !p.several_countries)
    })
}

/// "Halvorsen said it would appeal. The company's chief executive, ...": a
/// company's title whose possessor no name fits ("company", "firm") belongs
/// to the organisation named most often in the sentence and the three
/// before it; nothing on a tie.
fn salient_organization(doc: &Document, role: Span) -> Option<EntityId> {
    let sentence = doc.sentences.partition_point(|s| s.span.end <= role.start);
    let mut counts: Vec<(EntityId, usize)> = Vec::new();
    for (m, mention) in doc.mentions.iter().enumerate() {
        if mention.span.end > role.start || mention.sentence.index() + 3 < sentence {
            continue;
        }
        let Some(entity) = doc.mention_entity.get(m).copied().flatten() else {
            continue;
        };
        if doc.entities[entity.index()].ty != EntityType::Organization {
            continue;
        }
        match counts.iter_mut().find(|(e, _)| *e == entity) {
            Some((_, n)) => *n += 1,
            None => counts.push((entity, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(entity, _)] => Some(*entity),
        [(entity, most), (_, next), ..] if most > next => Some(*entity),
        _ => None,
    }
}

/// "Secretary General" → "secretary general", but "CEO" stays "CEO".
pub(super) fn lower_case_words(text: &str) -> String {
    text.split_whitespace()
        .map(|word| {
            if word.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !word.chars().any(char::is_lowercase)
            {
                word.to_string()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Wikidata property a role implies between a person and the country
/// or organisation the role names.
pub(super) struct RoleProperty {
    property: &'static str,
    label: &'static str,
    owner_type: EntityType,
    /// The property runs from the owner to the person (a country's head of
    /// state, an organisation's founder), not from the person (employer).
    owner_is_head: bool,
}

pub(super) fn role_property(title: &str) -> Option<RoleProperty> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let last = *words.last()?;
    let of_country = |property, label| RoleProperty {
        property,
        label,
        owner_type: EntityType::Location,
        owner_is_head: true,
    };
    let of_organisation = |property, label, owner_is_head| RoleProperty {
        property,
        label,
        owner_type: EntityType::Organization,
        owner_is_head,
    };
    // "his wife, Ana": the possessor's wife (spouse), son (child), father.
    let of_person = |property, label| RoleProperty {
        property,
        label,
        owner_type: EntityType::Person,
        owner_is_head: true,
    };
    // "opposition leader", "vice president": not the one who heads it.
    let second = words
        .iter()
        .any(|w| matches!(*w, "opposition" | "deputy" | "vice" | "party" | "assistant"));
    let role = match last {
        _ if second => return None,
        "president" | "leader" | "king" | "queen" | "emperor" | "monarch" | "dictator" => {
            of_country("P35", "head of state")
        }
        "minister" | "premier" | "chancellor" if words.contains(&"prime") || last != "minister" => {
            of_country("P6", "head of government")
        }
        "founder" | "co-founder" | "cofounder" => of_organisation("P112", "founded by", true),
        "wife" | "husband" | "spouse" | "widow" | "widower" => of_person("P26", "spouse"),
        "son" | "daughter" | "child" => of_person("P40", "child"),
        "father" => of_person("P22", "father"),
        "mother" => of_person("P25", "mother"),
        "brother" | "sister" | "sibling" => of_person("P3373", "sibling"),
        "chairman" | "chairwoman" | "chair" | "chairperson" if words.len() == 1 => {
            of_organisation("P488", "chairperson", true)
        }
        "ceo" | "executive" | "officer" | "chairman" | "chairwoman" | "director" | "fellow"
        | "researcher" | "analyst" | "employee" | "spokesman" | "spokeswoman" | "spokesperson"
        | "economist" | "professor" | "editor" | "reporter" | "correspondent" | "strategist"
        | "director-general" | "secretary-general" | "manager" | "coach" | "administrator" => {
            of_organisation("P108", "employer", false)
        }
        _ => return None,
    };
    Some(role)
}

/// Rule `dateline-head-of-state`: "SANTIAGO, Sept 3 (AP) - President
/// Ignacio Valverde welcomed …": wire copy gives a foreign leader a
/// country ("French President X") and the home country's leader and
/// ministers none, so a head of state's or government's title, or a
/// minister's with a portfolio ("Foreign Minister X", "Defence Secretary
/// X"), that names no owner belongs to the country the dateline places the
/// story in: the country the dateline names ("VARNA, Bulgaria, June 22
/// -"), or the one GeoNames puts the dateline's place in, when the text
/// names it. A US state's office ("Governor X", `state_offices.txt`)
/// belongs likewise to the state of a US dateline city ("ATLANTA -":
/// Georgia, when the text names it). Never for a person some other reading
/// already ties to a place ("Prime Minister X of Vanuatu", "Lithuanian
/// Foreign Minister X" before), nor for one named beside a visit
/// ("Visiting Foreign Minister X", "on a visit to Warsaw"): the visitor's
/// country is another; nor for a portfolio the text gives another country
/// ("Mexico's economy ministry … Economy Minister X").
pub(super) fn heads_of_the_dateline_country(doc: &Document, so_far: &[Relation]) -> Vec<Relation> {
    let Some(dateline) = dateline_places(doc) else {
        return Vec::new();
    };
    let (country, state) = (
        dateline_country(doc, &dateline),
        dateline_state(doc, &dateline),
    );
    let mut relations = Vec::new();
    let mut done: Vec<EntityId> = Vec::new();
    for (m, mention) in doc.mentions.iter().enumerate() {
        let (Some(role), Some(person)) =
            (mention.role, doc.mention_entity.get(m).copied().flatten())
        else {
            continue;
        };
        if done.contains(&person) || doc.entities[person.index()].ty != EntityType::Person {
            continue;
        }
        let title = doc.slice(role).trim();
        let (former, office) = match title.strip_prefix("former ") {
            Some(office) => (true, office.trim()),
            None => (false, title),
        };
        // Only the title's own capitalised words: "Chilean President" and
        // "Acme President" name an owner, also when the owner's name was
        // left outside the role ("Florida Governor X").
        let role_start = doc.tokens.partition_point(|t| t.start < role.start);
        let bare = office.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                && lexicon::country(w).is_none()
                && lexicon::demonym_country(w).is_none()
        }) && !doc.mentions.iter().any(|other| {
            other.span != mention.span && role.contains(other.span)
                || other.tokens.end == role_start
                    && matches!(other.ty, EntityType::Location | EntityType::Organization)
        });
        let head_of_state = role_property(&office.to_lowercase())
            .filter(|p| matches!(p.property, "P35" | "P6"))
            .map(|p| (p.property, p.label));
        let (owner, property) = if lexicon::is_state_office(office) {
            let governor = matches!(office.to_lowercase().as_str(), "governor" | "gov.");
            (state, governor.then_some(("P6", "head of government")))
        } else if head_of_state.is_some() || is_portfolio_minister(office) {
            (country, head_of_state)
        } else {
            continue;
        };
        let Some(owner) = owner.filter(|_| bare) else {
            continue;
        };
        let placed_elsewhere = so_far.iter().any(|r| {
            r.head == person
                && r.kind == RelationKind::Open
                && r.label.ends_with(" of")
                && doc.entities[r.tail.index()].ty != EntityType::Person
        });
        if placed_elsewhere
            || person == owner
            || named_beside_a_visit(doc, person)
            || portfolio_held_elsewhere(doc, office, owner)
        {
            continue;
        }
        done.push(person);
        let sentence = doc.sentences[mention.sentence.index()].span;
        relations.push(Relation {
            head: person,
            tail: owner,
            kind: RelationKind::Open,
            label: format!(
                "{}{} of",
                if former { "former " } else { "" },
                lower_case_words(office)
            ),
            property: None,
            confidence: 0.7,
            negated: false,
            hedged: false,
            evidence: vec![sentence],
        });
        if let Some(property) = property.filter(|_| !former) {
            relations.push(rule_typed((owner, person), property, 0.7, sentence));
        }
    }
    relations
}

/// "Foreign Minister", "Deputy Finance Minister", "Defence Secretary": an
/// office of `portfolio_offices.txt` after the capitalised portfolio it
/// holds; not a shadow minister's, a party's or a general secretary.
fn is_portfolio_minister(title: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    let Some((office, before)) = words.split_last() else {
        return false;
    };
    lexicon::is_portfolio_office(office)
        && !before.is_empty()
        && !before
            .iter()
            .any(|w| matches!(w.as_str(), "shadow" | "party" | "general" | "opposition"))
}

/// Whether the text gives the portfolio of a minister's `title` to a
/// country other than `owner`, by name or demonym just before the
/// portfolio ("Mexico's economy ministry", "the Mexican economy
/// minister"): a story datelined in one country about two countries'
/// ministers, whose bare "Economy Minister X" may be either's.
fn portfolio_held_elsewhere(doc: &Document, title: &str, owner: EntityId) -> bool {
    let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    let Some((_, portfolio)) = words.split_last() else {
        return false;
    };
    let Some(first) = portfolio.first() else {
        return false;
    };
    let owner = &doc.entities[owner.index()];
    doc.mentions.iter().any(|mention| {
        let text = doc.slice(mention.span);
        let country = match mention.kind {
            MentionKind::Demonym => lexicon::demonym_country(text),
            _ => lexicon::country(text).map(|_| text),
        };
        let after = mention.tokens.end;
        country.is_some_and(|c| c != owner.label && !owner.aliases.iter().any(|a| a == c))
            && (after..(after + 2).min(doc.tokens.len()))
                .find(|&t| lower(doc, t) != "'s")
                .is_some_and(|t| lower(doc, t) == *first)
    })
}

/// Whether a sentence naming the person speaks of a visit as a noun or a
/// visitor ("Visiting Foreign Minister X", "X, on a visit to Warsaw,"),
/// which a dateline's own officials do not pay their own country; "X will
/// visit Minsk" is a verb, and a trip abroad.
fn named_beside_a_visit(doc: &Document, person: EntityId) -> bool {
    doc.mentions.iter().enumerate().any(|(m, mention)| {
        doc.mention_entity.get(m).copied().flatten() == Some(person)
            && doc.sentences[mention.sentence.index()]
                .tokens
                .clone()
                .any(|t| match lower(doc, t).as_str() {
                    "visiting" | "visitor" | "visitors" => true,
                    "visit" | "visits" => tag(doc, t) == Upos::Noun,
                    _ => false,
                })
    })
}

/// The places named in a dateline among the document's first three
/// sentences ("VARNA, Bulgaria, June 22 -": Varna and Bulgaria), the first
/// the story's own.
fn dateline_places(doc: &Document) -> Option<Vec<EntityId>> {
    let entity_at = |m: usize| doc.mention_entity.get(m).copied().flatten();
    for sentence in doc.sentences.iter().take(3) {
        let tokens = sentence.tokens.clone();
        let before = doc.text[..sentence.span.start].trim_end_matches([' ', '\t', '\r']);
        let first = doc.token_text(tokens.start);
        let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && first.chars().all(|c| !c.is_lowercase());
        if !(before.is_empty() || before.ends_with('\n')) || !capitals {
            continue;
        }
        let Some(dash) = (tokens.start..tokens.end.min(tokens.start + 12))
            .find(|&t| matches!(doc.token_text(t), "-" | "—" | "–"))
        else {
            continue;
        };
        let places: Vec<EntityId> = doc
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.kind == MentionKind::Name
                    && m.ty == EntityType::Location
                    && m.tokens.start >= tokens.start
                    && m.tokens.end <= dash
            })
            .filter_map(|(m, _)| entity_at(m))
            .collect();
        return (!places.is_empty()).then_some(places);
    }
    None
}

/// The country of a dateline: a country it names after its place (not a
/// US state of a country's name, "SAVANNAH, Georgia"), or else the country
/// GeoNames puts the place in, when the text names that country.
fn dateline_country(doc: &Document, places: &[EntityId]) -> Option<EntityId> {
    use crate::model::places::{PlaceKind, Places};
    let place = *places.first()?;
    let label = |entity: EntityId| doc.entities[entity.index()].label.as_str();
    if let Some(&named) = places
        .iter()
        .find(|&&e| is_a_country(doc, e) && !in_another_country(label(place), label(e)))
    {
        return Some(named);
    }
    // "ACCRA" when the dateline is its only mention: GeoNames writes "Accra".
    let lookup = |entity: EntityId| Places::embedded().get_any_case(label(entity));
    let code = lookup(place)?.country;
    (0..doc.entities.len()).map(EntityId::from).find(|&e| {
        is_a_country(doc, e)
            && lookup(e).is_some_and(|p| p.kind == PlaceKind::Country && p.country == code)
    })
}

/// The US state of a dateline, when the text names it: the state the
/// dateline names after its city ("SAVANNAH, Georgia"), or else the one
/// GeoNames has the city in ("ATLANTA": Georgia). Not Washington's
/// District of Columbia, whose offices are the nation's.
fn dateline_state(doc: &Document, places: &[EntityId]) -> Option<EntityId> {
    use crate::model::places::{PlaceKind, Places};
    let geo = Places::embedded();
    let as_written = |entity: EntityId| {
        let label = &doc.entities[entity.index()].label;
        geo.recased(label).unwrap_or_else(|| label.clone())
    };
    let (&place, after) = places.split_first()?;
    let city = geo.get_any_case(&as_written(place));
    // "NEW YORK": a state's name whose city GeoNames reads as the state.
    let own = city
        .filter(|city| city.kind == PlaceKind::State)
        .and_then(|_| geo.state_code(&as_written(place)));
    let code = after
        .iter()
        .find_map(|&e| geo.state_code(&as_written(e)))
        .or(own)
        .or(city.and_then(|city| city.state))
        .filter(|code| code != b"DC")?;
    let name = geo.state_name(code)?;
    (0..doc.entities.len())
        .map(EntityId::from)
        .find(|&e| doc.entities[e.index()].ty == EntityType::Location && as_written(e) == name)
}

/// "Tomas Rua was Fiji's ambassador to Japan", "Kralova is now Acme's
/// chief executive": a person, a form of "be" (adverbs and an age set off
/// by commas allowed before and after it), a possessor, and a role the
/// lexicon knows as a title, an occupation or a company's title. The
/// person holds the role of the possessor ("ambassador of" Fiji, with the
/// role's Wikidata property), and, when a preposition and a name follow at
/// once, the copula's edge to that name ("was ambassador to" Japan).
pub(super) fn possessed_roles_after_a_copula(
    doc: &Document,
    args: &[Argument],
    evidence: Span,
) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (k, pair) in args.windows(2).enumerate() {
        let (person, owner) = (pair[0], pair[1]);
        if entity_type(doc, person) != EntityType::Person
            || !matches!(
                entity_type(doc, owner),
                EntityType::Organization | EntityType::Location
            )
            || owner.end + 1 >= doc.tokens.len()
            || !is_possessive_ending(doc, owner)
        {
            continue;
        }
        // "Rua, 58, was previously": an age, then the verb and adverbs.
        let mut t = person.end;
        if doc.token_text(t) == "," && tag(doc, t + 1) == Upos::Num && doc.token_text(t + 2) == ","
        {
            t += 3;
        }
        while t < owner.start && tag(doc, t) == Upos::Adv {
            t += 1;
        }
        let Some(be) = (t < owner.start && is_be(&lower(doc, t))).then_some(t) else {
            continue;
        };
        t += 1;
        while t < owner.start && tag(doc, t) == Upos::Adv {
            t += 1;
        }
        if t != owner.start {
            continue;
        }
        // The role: lower-case words after the possessive ("chief" reads as
        // an adverb as often), the longest run ending in a title.
        let role_start = owner.end + 1;
        let sentence_end = doc.sentences[doc.sentence_of_token(person.start).index()]
            .tokens
            .end;
        let mut run_end = role_start;
        while run_end < sentence_end
            && run_end - role_start < 4
            && matches!(tag(doc, run_end), Upos::Adj | Upos::Noun | Upos::Adv)
            && doc.token_text(run_end).starts_with(char::is_lowercase)
        {
            run_end += 1;
        }
        let run: Vec<&str> = (role_start..run_end).map(|t| doc.token_text(t)).collect();
        let is_role = |words: &[&str]| {
            let title = words.join(" ");
            lexicon::is_title(&title)
                || lexicon::is_corporate_title(&title)
                || lexicon::is_occupation(&title)
        };
        let Some((from, end)) = (1..=run.len()).rev().find_map(|end| {
            (0..end)
                .find(|&from| is_role(&run[from..end]))
                .map(|from| (from, end))
        }) else {
            continue;
        };
        let role_words = &run[..end];
        let role_end = role_start + end;
        let role = role_words.join(" ");
        let former = role_words[..from].contains(&"former");
        let title = role_words[from..].join(" ");
        relations.push(Relation {
            head: person.entity,
            tail: owner.entity,
            kind: RelationKind::Open,
            label: format!("{}{title} of", if former { "former " } else { "" }),
            property: None,
            confidence: 0.8,
            negated: false,
            hedged: false,
            evidence: vec![evidence],
        });
        if let Some(property) = role_property(&title).filter(|_| !former)
            && entity_type(doc, owner) == property.owner_type
        {
            let (head, tail) = if property.owner_is_head {
                (owner.entity, person.entity)
            } else {
                (person.entity, owner.entity)
            };
            relations.push(rule_typed(
                (head, tail),
                (property.property, property.label),
                0.8,
                evidence,
            ));
        }
        // "… ambassador to Japan": the copula's own object.
        if let Some(object) = args.get(k + 2)
            && role_end < sentence_end
            && tag(doc, role_end) == Upos::Adp
            && (object.start == role_end + 1
                || object.start == role_end + 2 && tag(doc, role_end + 1) == Upos::Det)
            && object.entity != person.entity
        {
            relations.push(Relation {
                head: person.entity,
                tail: object.entity,
                kind: RelationKind::Open,
                label: format!("{} {role} {}", lower(doc, be), lower(doc, role_end)),
                property: None,
                confidence: 0.7,
                negated: false,
                hedged: false,
                evidence: vec![evidence],
            });
        }
    }
    relations
}

/// "Fiji's", and "Acme Robotics'" after a name ending in "s".
fn is_possessive_ending(doc: &Document, owner: Argument) -> bool {
    match doc.token_text(owner.end) {
        "'s" | "’s" => true,
        "'" | "’" => doc.token_text(owner.end - 1).ends_with('s'),
        _ => false,
    }
}
