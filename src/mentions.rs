//! Stage 3: tokens → entity mentions.
//!
//! Names come from the trained recogniser (`model`); this stage adds what a
//! name recogniser does not: the title or role written before a person's name,
//! demonyms standing for their country, and pronouns for coreference.

use crate::document::{Document, EntityType, Mention, MentionKind, Span, Upos};
use crate::lexicon::{self, phrase};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A name found by a recogniser: a token range and its type.
pub type NameSpan = (Range<usize>, EntityType);

/// Turns recognised names into mentions and adds roles, demonyms and pronouns.
pub fn add_mentions(doc: &mut Document, names: Vec<NameSpan>) {
    let names = datelines(doc, headline_names(doc, split_at_verbs(doc, names)));
    let names = extend_over_hyphens(doc, names);
    let names = names_after_prefix_compounds(doc, names);
    let mut names = split_person_of_place(doc, names);
    people_with_surname_particles(doc, &mut names);
    let mut names = join_split_titles(doc, split_hyphenated_pairs(doc, names));
    organizations_read_as_people(doc, &mut names);
    names.extend(name_parts_elsewhere(doc, &names));
    names.extend(role_owners(doc, &names));
    let mut names = names_ending_in_a_country(doc, names);
    names.extend(organizations_by_last_word(doc, &names));
    short_forms_of_organizations(doc, &mut names);
    names.extend(organizations_over_prepositions(doc, &names));
    news_organizations(doc, &mut names);
    surnames_read_as_places(doc, &mut names);
    known_places_and_companies(doc, &mut names);
    organizations_by_apposition(doc, &mut names);
    names_run_into_a_noun(doc, &mut names);
    names.extend(organizations_named_by_apposition(doc, &names));
    owners_of_corporate_titles(doc, &mut names);
    storms_are_events(doc, &mut names);
    names.extend(lone_names_elsewhere(doc, &names));
    names.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    // Organisations and places by the token they end before, for titles
    // that name their owner: "NATO Secretary General Jens Stoltenberg".
    let organizations: Vec<Range<usize>> = names
        .iter()
        .filter(|(_, ty)| *ty == EntityType::Organization)
        .map(|(range, _)| range.clone())
        .collect();
    let mut owner_ending_at: HashMap<usize, usize> = HashMap::new();
    for (range, _) in names
        .iter()
        .filter(|(_, ty)| matches!(ty, EntityType::Organization | EntityType::Location))
    {
        let start = owner_ending_at.entry(range.end).or_insert(range.start);
        *start = (*start).min(range.start);
    }
    let mut mentions = Vec::with_capacity(names.len() * 2);
    let mut covered = vec![false; doc.tokens.len()];
    let mut last_end = 0;
    for (range, ty) in names {
        if range.start < last_end || range.is_empty() {
            continue;
        }
        let Some((range, ty, mut role)) = refine_name(doc, range, ty) else {
            continue;
        };
        if role.is_none() && ty == EntityType::Person {
            role = occupation_at_owner(doc, range.clone(), &owner_ending_at)
                .or_else(|| role_after(doc, range.clone()));
        }
        if let Some(span) = role.filter(|r| !lexicon::is_honorific(doc.slice(*r))) {
            let role_start = doc.tokens.partition_point(|t| t.start < span.start);
            // "Environment Canada spokeswoman": the role read "Canada
            // spokeswoman", but the organisation's name starts earlier.
            let inside_organization = organizations
                .iter()
                .find(|owner| owner.start < role_start && role_start < owner.end);
            let same_sentence =
                |t: usize| doc.sentence_of_token(t) == doc.sentence_of_token(role_start);
            // "pro-Moscow politician": a place in a compound owns nothing.
            let compound =
                |owner_start: usize| owner_start > 0 && doc.token_text(owner_start - 1) == "-";
            if let Some(&owner_start) = owner_ending_at
                .get(&role_start)
                .filter(|&&owner_start| same_sentence(owner_start) && !compound(owner_start))
            {
                role = Some(Span::new(doc.tokens[owner_start].start, span.end));
            } else if let Some(owner) = inside_organization {
                role = Some(Span::new(doc.tokens[owner.start].start, span.end));
            }
        }
        // "I", "We", "He" at a sentence start are pronouns, not names.
        let word = doc.token_text(range.start);
        // "WHO" and "US" in capitals are names; "BY" of "CC BY" is not.
        let shouted = (word.len() >= 3 || lexicon::country(word).is_some())
            && word.chars().all(|c| c.is_ascii_uppercase());
        if range.len() == 1 && lexicon::is_function_word(word) && !shouted {
            continue;
        }
        let is_demonym = lexicon::demonym_country(doc.slice(doc.token_span(range.clone())))
            .is_some()
            && ty != EntityType::Person;
        if is_demonym && names_a_language(doc, range.clone()) {
            continue;
        }
        last_end = range.end;
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
        let kind = if is_demonym {
            MentionKind::Demonym
        } else {
            MentionKind::Name
        };
        mentions.push(make_mention(doc, range, ty, kind, role));
    }
    for range in demonym_ranges(doc, &covered) {
        if names_a_language(doc, range.clone()) {
            continue;
        }
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
        mentions.push(make_mention(
            doc,
            range,
            EntityType::Location,
            MentionKind::Demonym,
            None,
        ));
    }
    for (token, _) in covered.iter().enumerate().filter(|(_, c)| !**c) {
        // "it" only where it stands for a speaker ("NASA said it had
        // postponed"); elsewhere it is as often the weather or a clause.
        let speaker_it = doc.token_text(token).eq_ignore_ascii_case("it")
            && reporting_verb_before(doc, token).is_some();
        let ty = lexicon::pronoun_type(doc.token_text(token))
            .or(speaker_it.then_some(EntityType::Organization));
        if let Some(ty) = ty {
            mentions.push(make_mention(
                doc,
                token..token + 1,
                ty,
                MentionKind::Pronoun,
                None,
            ));
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    doc.mentions = mentions;
}

/// Which tokens some name covers.
fn covered_tokens(doc: &Document, names: &[NameSpan]) -> Vec<bool> {
    let mut covered = vec![false; doc.tokens.len()];
    for (range, _) in names {
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// "Fan Expo Canada", "Air Canada", "Statistics Canada": proper nouns the
/// recogniser left out right before a country make with it the name of an
/// organisation or an event, not the country ("Northern Italy" is still
/// the place).
fn names_ending_in_a_country(doc: &Document, mut names: Vec<NameSpan>) -> Vec<NameSpan> {
    let covered = covered_tokens(doc, &names);
    for (range, ty) in names.iter_mut() {
        if *ty != EntityType::Location
            || lexicon::country(doc.slice(doc.token_span(range.clone()))).is_none()
        {
            continue;
        }
        let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
            .tokens
            .start;
        let mut start = range.start;
        while start > sentence_start
            && !covered[start - 1]
            && doc.tags.get(start - 1) == Some(&Upos::Propn)
            && doc.token_text(start - 1).starts_with(char::is_uppercase)
            && !lexicon::is_function_word(doc.token_text(start - 1))
            && !lexicon::is_title(doc.token_text(start - 1))
            && !lexicon::is_month_or_weekday(doc.token_text(start - 1))
        {
            start -= 1;
        }
        if start < range.start {
            *range = start..range.end;
            *ty = EntityType::Organization;
        }
    }
    names
}

/// "Ford Motor Co issued", "the Justice Department said": capitalised
/// words ending in a company's legal form or an organisation's last word
/// are an organisation's name, where the recogniser found none.
fn organizations_by_last_word(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let covered = covered_tokens(doc, names);
    let tag = |t: usize| doc.tags.get(t).copied().unwrap_or(Upos::X);
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let sentence = sentence.tokens.clone();
        if capitalises_every_content_word(doc, sentence.clone()) {
            continue;
        }
        for end in sentence.clone() {
            let word = doc.token_text(end);
            let legal_form = lexicon::is_legal_form(word);
            let last_word = lexicon::ends_organization_name(word) || lexicon::is_club_suffix(word);
            if covered[end] || !(legal_form || last_word) {
                continue;
            }
            let mut start = end;
            while start > sentence.start
                && !covered[start - 1]
                && end - start < 5
                && doc.token_text(start - 1).starts_with(char::is_uppercase)
                && !lexicon::is_function_word(doc.token_text(start - 1))
            {
                start -= 1;
            }
            // "Castlegate Rovers", "Halvorsen Semiconductor": the recogniser
            // named only the first words; the name goes on into the suffix.
            if let Some((name, _)) = names.iter().find(|(name, ty)| {
                name.end == start
                    && name.start >= sentence.start
                    && (*ty == EntityType::Location
                        || (*ty == EntityType::Person && could_name_a_company(doc, name)))
                    && doc.token_text(name.end - 1).starts_with(char::is_uppercase)
            }) {
                start = name.start;
            }
            // "Party officials said": a capital at the sentence start may be
            // only that; a legal form or a proper noun there says more.
            let named = legal_form || start > sentence.start || tag(start) == Upos::Propn;
            // "run as a Hybrid Organization": a description, not a name;
            // "the author of “Foreign Service: Five Decades”": a title.
            let indefinite = start > sentence.start
                && matches!(
                    doc.token_text(start - 1).to_lowercase().as_str(),
                    "a" | "an" | "“" | "\"" | "‘"
                );
            if start < end && named && !indefinite {
                found.push((start..end + 1, EntityType::Organization));
            }
        }
    }
    found
}

/// "the Committee to Protect Journalists", "the Joint Council for the
/// Welfare of Immigrants", "the Office for National Statistics": an
/// organisation named by its kind goes on over a preposition and the
/// capitalised words after it (with "the", and further "of" or "and"
/// phrases), taking in the names the recogniser found there, unless one is
/// a person's. Returns the organisations so joined; the names inside give
/// way to them.
fn organizations_over_prepositions(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let mut name_ending_at: HashMap<usize, (usize, EntityType)> = HashMap::new();
    let mut person_at = vec![false; doc.tokens.len()];
    for (range, ty) in names {
        name_ending_at.insert(range.end, (range.start, *ty));
        if *ty == EntityType::Person {
            person_at[range.clone()].iter_mut().for_each(|p| *p = true);
        }
    }
    let capitalised = |t: usize| {
        doc.token_text(t).starts_with(char::is_uppercase)
            && !lexicon::is_month_or_weekday(doc.token_text(t))
            && !person_at[t]
    };
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let sentence = sentence.tokens.clone();
        if capitalises_every_content_word(doc, sentence.clone()) {
            continue;
        }
        for preposition in sentence.start + 1..sentence.end {
            let kind = doc.token_text(preposition - 1);
            // "on" names a body's subject ("Council on Foreign Relations"),
            // elsewhere a date or an occasion ("Kennedy Space Center on
            // STS-135").
            let connects = match doc.token_text(preposition) {
                "to" | "for" | "against" | "of" => true,
                "on" => matches!(kind, "Committee" | "Council" | "Commission" | "Panel"),
                _ => false,
            };
            // "Centers for Disease Control": a kind in the plural too.
            let names_a_kind = lexicon::ends_organization_name(kind)
                || kind
                    .strip_suffix('s')
                    .is_some_and(lexicon::ends_organization_name);
            if !connects || !names_a_kind || person_at[preposition - 1] {
                continue;
            }
            // Where the organisation's name starts: the name the recogniser
            // found, or the capitalised words before its kind.
            let start = match name_ending_at.get(&preposition) {
                Some(&(start, ty)) if ty != EntityType::Person => start,
                Some(_) => continue,
                None => {
                    let mut start = preposition - 1;
                    while start > sentence.start
                        && capitalised(start - 1)
                        && !lexicon::is_function_word(doc.token_text(start - 1))
                        && preposition - start < 4
                    {
                        start -= 1;
                    }
                    start
                }
            };
            // The words after: [the] Capitalised+, then ("of" | "and") [the]
            // Capitalised+ again.
            let mut end = preposition;
            let mut at = preposition + 1;
            loop {
                let joint = at - 1;
                let article = at < sentence.end && doc.token_text(at) == "the";
                if article {
                    at += 1;
                }
                let run_start = at;
                while at < sentence.end && at - preposition <= 10 && capitalised(at) {
                    at += 1;
                }
                if at == run_start {
                    break;
                }
                let run = doc.slice(doc.token_span(run_start..at));
                // "University of Sheffield of the UK": the country says
                // where, it does not name; "MIT and Colorado State
                // University": a second organisation.
                let country = article && lexicon::country(run).is_some();
                let second_organization = doc.token_text(joint) == "and"
                    && (run_start..at).any(|t| lexicon::ends_organization_name(doc.token_text(t)));
                if country || second_organization {
                    break;
                }
                end = at;
                if at + 1 < sentence.end && matches!(doc.token_text(at), "of" | "and" | "&") {
                    at += 1;
                } else {
                    break;
                }
            }
            // "of" after a kind the recogniser already named in full
            // ("University of Texas") needs nothing from here.
            let already = name_ending_at
                .get(&end)
                .is_some_and(|&(name_start, _)| name_start <= start);
            if end > preposition && !already {
                found.push((start..end, EntityType::Organization));
            }
        }
    }
    found
}

/// The last words of the names read as people in full ("Paris" of
/// "Valeska Paris").
fn surnames_of_full_names<'a>(doc: &'a Document, names: &[NameSpan]) -> HashSet<&'a str> {
    names
        .iter()
        .filter(|(range, ty)| *ty == EntityType::Person && range.len() > 1)
        .map(|(range, _)| doc.token_text(range.end - 1))
        .collect()
}

/// Whether a name ending in this word is an organisation's: a suffix or
/// trade the mention stage reads ("Bank", "Semiconductor"), or a legal form.
fn ends_like_an_organization(word: &str) -> bool {
    lexicon::ends_organization_name(word) || lexicon::is_legal_form(word)
}

/// Whether a name the recogniser read as a person could be a company's
/// first words: no given name or title starts it ("Halvorsen", not
/// "Jennifer Lopez" of "Jennifer Lopez News").
fn could_name_a_company(doc: &Document, range: &Range<usize>) -> bool {
    let first = doc.token_text(range.start);
    lexicon::given_name_gender(first).is_none() && !lexicon::is_title(first)
}

/// "Halvorsen Semiconductor said": a name the recogniser read as a person
/// but that ends in an organisation's last word, with no given name
/// before it, is an organisation ("Tom Church" stays a person); a person
/// or place ending in a club's last word is the club.
fn organizations_read_as_people(doc: &Document, names: &mut [NameSpan]) {
    for (range, ty) in names.iter_mut() {
        if range.len() < 2 {
            continue;
        }
        let last = doc.token_text(range.end - 1);
        let person = *ty == EntityType::Person
            && ends_like_an_organization(last)
            && could_name_a_company(doc, &(range.start..range.end - 1));
        // "Rivermouth United", "Castlegate Rovers": a club, not its town.
        let club = matches!(ty, EntityType::Person | EntityType::Location)
            && lexicon::is_club_suffix(last);
        if person || club {
            *ty = EntityType::Organization;
        }
    }
}

/// "Halvorsen's chief executive", "Castlegate's manager": the short form
/// of an organisation named by its last word is the organisation too, read
/// as a person unless a person of the text bears it as a surname, read as
/// a place only when the last word is a club's.
fn short_forms_of_organizations(doc: &Document, names: &mut [NameSpan]) {
    let text_of = |range: &Range<usize>| doc.slice(doc.token_span(range.clone()));
    let mut short_forms: HashMap<&str, bool> = HashMap::new();
    for (range, ty) in names.iter() {
        if *ty != EntityType::Organization || range.len() < 2 {
            continue;
        }
        let last = doc.token_text(range.end - 1);
        let club = lexicon::is_club_suffix(last);
        if club || ends_like_an_organization(last) {
            let place_too = short_forms
                .entry(text_of(&(range.start..range.end - 1)))
                .or_default();
            *place_too |= club;
        }
    }
    let surnames = surnames_of_full_names(doc, names);
    for (range, ty) in names.iter_mut() {
        let text = text_of(range);
        let Some(&place_too) = short_forms.get(text) else {
            continue;
        };
        let person = *ty == EntityType::Person
            && !surnames.contains(text)
            && could_name_a_company(doc, range);
        if person || (place_too && *ty == EntityType::Location) {
            *ty = EntityType::Organization;
        }
    }
}

/// "Paris was born in Switzerland" after "Valeska Paris": a surname of a
/// person the text names in full, read as a place, is that person unless a
/// preposition of place comes before it ("moved to Paris").
fn surnames_read_as_places(doc: &Document, names: &mut [NameSpan]) {
    let surnames = surnames_of_full_names(doc, names);
    for (range, ty) in names.iter_mut() {
        if range.len() != 1 || *ty != EntityType::Location {
            continue;
        }
        let word = doc.token_text(range.start);
        if !surnames.contains(word) || lexicon::country(word).is_some() {
            continue;
        }
        let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
            .tokens
            .start;
        let locative = range.start > sentence_start
            && lexicon::is_place_preposition(doc.token_text(range.start - 1));
        if !locative {
            *ty = EntityType::Person;
        }
    }
}

/// "Brussels might respond", "Nvidia's shares rose": a capital named alone
/// is the place (or its government) and a large company's bare name is the
/// company, whatever type the recogniser gave them, unless the text also
/// names a person with that word ("George Washington", "Nikola Tesla").
fn known_places_and_companies(doc: &Document, names: &mut [NameSpan]) {
    let text_of = |range: &Range<usize>| doc.slice(doc.token_span(range.clone()));
    // "Lockheed Martin" read as a person is the company, not a bearer.
    let person_words: HashSet<&str> = names
        .iter()
        .filter(|(range, ty)| {
            *ty == EntityType::Person && range.len() > 1 && !lexicon::is_company(text_of(range))
        })
        .flat_map(|(range, _)| range.clone().map(|t| doc.token_text(t)))
        .collect();
    for (range, ty) in names.iter_mut() {
        let text = text_of(range);
        if text.split(' ').any(|word| person_words.contains(word)) {
            continue;
        }
        // "the Amazon" is the river.
        let after_the =
            range.start > 0 && doc.token_text(range.start - 1).eq_ignore_ascii_case("the");
        if matches!(ty, EntityType::Person | EntityType::Misc) && lexicon::is_capital(text) {
            *ty = EntityType::Location;
        } else if *ty != EntityType::Organization && lexicon::is_company(text) && !after_the {
            *ty = EntityType::Organization;
        }
    }
}

/// "the Orion capsule", "the Artemis program": a common noun in lower case
/// after a name is what the name modifies, not part of it.
fn names_run_into_a_noun(doc: &Document, names: &mut [NameSpan]) {
    for (range, ty) in names.iter_mut() {
        if matches!(ty, EntityType::Date | EntityType::Number) {
            continue;
        }
        while range.len() > 1
            && doc.tags.get(range.end - 1) == Some(&Upos::Noun)
            && doc
                .token_text(range.end - 1)
                .chars()
                .all(|c| c.is_lowercase())
            && doc
                .token_text(range.end - 2)
                .starts_with(char::is_uppercase)
        {
            range.end -= 1;
        }
    }
}

/// "Gensler, an architecture firm", "British bank Barclays", "the IG
/// Metall union": a name the text itself calls a company, a charity or a
/// party is an organisation; so is a "person" the text says "which" of.
fn organizations_by_apposition(doc: &Document, names: &mut [NameSpan]) {
    // Names the text itself calls organisations: the same name elsewhere in
    // the document is one too ("buy Lumeris, a French maker of sensors.
    // Lumeris was founded").
    let mut called: HashSet<&str> = HashSet::new();
    for (range, ty) in names.iter_mut() {
        // A name the recogniser ran into the noun after it ("three-party"
        // is no name).
        if range.len() > 1
            && is_organization_noun(doc, range.end - 1)
            && doc
                .token_text(range.end - 2)
                .starts_with(char::is_uppercase)
        {
            range.end -= 1;
            *ty = EntityType::Organization;
            continue;
        }
        if *ty == EntityType::Organization
            || lexicon::country(doc.slice(doc.token_span(range.clone()))).is_some()
        {
            continue;
        }
        let sentence = &doc.sentences[doc.sentence_of_token(range.start).index()].tokens;
        // "British bank Barclays", "The construction firm, Ridgeway Builders,".
        let before = range.start > sentence.start && is_organization_noun(doc, range.start - 1)
            || range.start > sentence.start + 1
                && doc.token_text(range.start - 1) == ","
                && is_organization_noun(doc, range.start - 2)
                && range.end < sentence.end
                && doc.token_text(range.end) == ",";
        // "Teras Maju, which won a contract": "which" is never said of a
        // person.
        let which_after = *ty == EntityType::Person
            && range.end + 1 < sentence.end
            && doc.token_text(range.end) == ","
            && doc.token_text(range.end + 1) == "which";
        // "chief economist at Harambee Capital": where a profession is
        // practised, unless the text names a country or capital.
        let works_at = range.start > sentence.start + 1
            && doc.token_text(range.start - 1) == "at"
            && is_profession(doc, range.start - 2)
            && !lexicon::is_capital(doc.slice(doc.token_span(range.clone())));
        if before || which_after || works_at || called_an_organization_after(doc, range.end) {
            *ty = EntityType::Organization;
            called.insert(doc.slice(doc.token_span(range.clone())));
        }
    }
    same_names_as_organizations(doc, names, &called);
}

/// Every name written as one the text showed to be an organisation is one.
fn same_names_as_organizations(doc: &Document, names: &mut [NameSpan], shown: &HashSet<&str>) {
    if shown.is_empty() {
        return;
    }
    for (range, ty) in names.iter_mut() {
        if *ty != EntityType::Organization
            && range.start < range.end
            && shown.contains(doc.slice(doc.token_span(range.clone())))
        {
            *ty = EntityType::Organization;
        }
    }
}

/// "economist", "professor": a lower-case occupation or title.
fn is_profession(doc: &Document, token: usize) -> bool {
    let word = doc.token_text(token);
    doc.tags.get(token) == Some(&Upos::Noun)
        && word.starts_with(char::is_lowercase)
        && (lexicon::is_occupation(word) || lexicon::is_title(word))
}

fn is_organization_noun(doc: &Document, token: usize) -> bool {
    // The tagger reads an unknown compound ("drugmaker") as an adjective
    // as often as a noun; "giant" alone is an adjective too.
    let tagged = match doc.tags.get(token) {
        Some(Upos::Noun) => true,
        Some(Upos::Adj) => doc.token_text(token) != "giant",
        _ => false,
    };
    tagged
        && doc.token_text(token).starts_with(char::is_lowercase)
        && lexicon::is_organization_noun(&doc.token_text(token).to_lowercase())
}

/// ", a Norwegian shipping company" right after a name (at `end`).
fn called_an_organization_after(doc: &Document, end: usize) -> bool {
    let tag = |t: usize| doc.tags.get(t).copied().unwrap_or(Upos::X);
    let sentence = &doc.sentences[doc.sentence_of_token(end.saturating_sub(1)).index()].tokens;
    if end + 1 >= sentence.end || doc.token_text(end) != "," {
        return false;
    }
    let mut t = end + 1;
    if tag(t) == Upos::Det {
        t += 1;
    }
    let phrase_start = t;
    while t < sentence.end
        && t - phrase_start < 5
        && matches!(tag(t), Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num)
    {
        t += 1;
    }
    let possessed = t < sentence.end && matches!(doc.token_text(t), "'s" | "’s");
    t > phrase_start && !possessed && is_organization_noun(doc, t - 1)
}

/// "SpaceX, the rocket company founded by ...": proper nouns the recogniser
/// left out that the text calls an organisation right after them.
fn organizations_named_by_apposition(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let covered = covered_tokens(doc, names);
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let mut start = sentence.tokens.start;
        for end in sentence.tokens.clone() {
            let proper = !covered[end]
                && doc.tags.get(end) == Some(&Upos::Propn)
                && doc.token_text(end).starts_with(char::is_uppercase)
                && !lexicon::is_function_word(doc.token_text(end));
            if proper {
                continue;
            }
            if start < end && end - start <= 4 && called_an_organization_after(doc, end) {
                found.push((start..end, EntityType::Organization));
            }
            start = end + 1;
        }
    }
    found
}

/// "Tesla chief executive Elon Musk", "the founder of Patagonia": what a
/// company's title belongs to is a company, whatever type the recogniser
/// gave it (countries aside: a state has no chief executive).
fn owners_of_corporate_titles(doc: &Document, names: &mut [NameSpan]) {
    let text = |range: Range<usize>| doc.slice(doc.token_span(range));
    let mut shown: HashSet<&str> = HashSet::new();
    for (range, ty) in names.iter_mut() {
        if *ty == EntityType::Organization || lexicon::country(text(range.clone())).is_some() {
            continue;
        }
        let sentence = &doc.sentences[doc.sentence_of_token(range.start).index()].tokens;
        let mut after = range.end;
        if after < sentence.end && matches!(doc.token_text(after), "'s" | "’s") {
            after += 1;
        }
        let title_after = (1..=3)
            .filter(|width| after + width <= sentence.end)
            .any(|width| lexicon::is_corporate_title(text(after..after + width)));
        let of = range
            .start
            .checked_sub(1)
            .filter(|&t| t > sentence.start && doc.token_text(t) == "of");
        let title_before = of.is_some_and(|of| {
            (1..=3)
                .filter(|&width| of >= sentence.start + width)
                .any(|width| lexicon::is_corporate_title(text(of - width..of)))
        });
        if title_after || title_before {
            *ty = EntityType::Organization;
            shown.insert(text(range.clone()));
        }
    }
    same_names_as_organizations(doc, names, &shown);
}

/// "Hurricane Delia", "Typhoon Haiyan": a storm's name is an event's, not
/// a person's.
fn storms_are_events(doc: &Document, names: &mut [NameSpan]) {
    for (range, ty) in names.iter_mut() {
        if range.len() > 1 && lexicon::is_storm_word(doc.token_text(range.start)) {
            *ty = EntityType::Misc;
        }
    }
}

/// News organisations named exactly ("Reuters", "The Washington Post") are
/// organisations, whatever type the recogniser gave them; a match inside a
/// longer capitalised name ("Vice President") is not one.
fn news_organizations(doc: &Document, names: &mut Vec<NameSpan>) {
    let capitalised = |t: usize| doc.token_text(t).starts_with(char::is_uppercase);
    for sentence in &doc.sentences {
        // As written: "The Hill" is an outlet, "the hill" is not.
        let outlets = phrase::leftmost_longest(
            sentence.tokens.clone(),
            lexicon::max_news_organization_words(),
            |range| {
                let words: Vec<&str> = range.map(|w| doc.token_text(w)).collect();
                (lexicon::starts_news_organization(words[0])
                    && lexicon::is_news_organization(&words))
                .then_some(())
            },
        );
        for (range, ()) in outlets {
            let before = range.start > sentence.tokens.start && capitalised(range.start - 1);
            let after = range.end < sentence.tokens.end && capitalised(range.end);
            if before || after {
                continue;
            }
            let overlapping: Vec<usize> = (0..names.len())
                .filter(|&i| names[i].0.start < range.end && range.start < names[i].0.end)
                .collect();
            match overlapping.as_slice() {
                [] => names.push((range, EntityType::Organization)),
                [i] if names[*i].0 == range && names[*i].1 != EntityType::Person => {
                    names[*i].1 = EntityType::Organization;
                }
                // "The Hill" read as "Hill": the name as the outlet writes it.
                [i] if range.contains(&names[*i].0.start) && names[*i].0.end == range.end => {
                    names[*i] = (range, EntityType::Organization);
                }
                _ => {}
            }
        }
    }
}

/// A headline in title case ("Apple Sues Samsung Over Patents") capitalises
/// every word, so a recogniser trained on running text sees names all over
/// it. A headline repeats the names of its story: only what the body also
/// names is kept, cut down to that name and given its type.
fn headline_names(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    // In the first line, only a name another sentence repeats counts as a
    // name: the recogniser may run a whole headline together into one.
    // Further down, a line of names is more often a signature or a list.
    let sentence_of = |range: &Range<usize>| doc.sentence_of_token(range.start);
    let mut sentences_of_text: HashMap<&str, Vec<_>> = HashMap::new();
    for (range, _) in &names {
        sentences_of_text
            .entry(doc.slice(doc.token_span(range.clone())))
            .or_default()
            .push(sentence_of(range));
    }
    let mut in_name = vec![false; doc.tokens.len()];
    for (range, _) in &names {
        let here = sentence_of(range);
        let repeated = sentences_of_text[doc.slice(doc.token_span(range.clone()))]
            .iter()
            .any(|s| *s != here);
        if repeated || here.index() > 0 {
            in_name[range.clone()].iter_mut().for_each(|c| *c = true);
        }
    }
    let headline: Vec<bool> = (0..doc.sentences.len())
        .map(|s| is_title_case_headline(doc, s, &in_name))
        .collect();
    if !headline.iter().any(|h| *h) {
        return names;
    }
    let in_headline = |range: &Range<usize>| headline[doc.sentence_of_token(range.start).index()];
    let text = |range: Range<usize>| doc.slice(doc.token_span(range));
    let body: HashMap<&str, EntityType> = names
        .iter()
        .filter(|(range, _)| !in_headline(range))
        .map(|(range, ty)| (text(range.clone()), *ty))
        .collect();
    names
        .iter()
        .filter_map(|(range, ty)| {
            if !in_headline(range) {
                return Some((range.clone(), *ty));
            }
            (1..=range.len()).rev().find_map(|len| {
                (range.start..=range.end - len).find_map(|start| {
                    let part = start..start + len;
                    body.get(text(part.clone())).map(|ty| (part, *ty))
                })
            })
        })
        .collect()
}

/// No final punctuation, at least three content words, all capitalised,
/// and two of them, after the first word, outside any name the story
/// repeats; not a credit line ("Photo by Kim Hong-Ji/Reuters", "Reporting
/// by ...").
fn is_title_case_headline(doc: &Document, sentence: usize, in_name: &[bool]) -> bool {
    let tokens = doc.sentences[sentence].tokens.clone();
    if tokens.is_empty() || lexicon::is_credit_word(doc.token_text(tokens.start)) {
        return false;
    }
    let capitalised_outside_names = (tokens.start + 1..tokens.end)
        .filter(|&t| !in_name[t])
        .map(|t| doc.token_text(t))
        .filter(|w| w.starts_with(char::is_uppercase) && !lexicon::is_function_word(w))
        .count();
    if capitalised_outside_names < 2 {
        return false;
    }
    if tokens.is_empty() || matches!(doc.token_text(tokens.end - 1), "." | "!" | "?" | "\"" | "”")
    {
        return false;
    }
    // "Coach: Lisa Gilette, Sarah Mulholland, Samuel Pak": a list, not a
    // headline.
    if tokens.clone().filter(|&t| doc.token_text(t) == ",").count() > 1 {
        return false;
    }
    capitalises_every_content_word(doc, tokens)
}

/// "Arsenal Beat Chelsea to Go Top": at least three content words, every
/// one capitalised, as only a title-case line writes them.
pub fn capitalises_every_content_word(doc: &Document, tokens: Range<usize>) -> bool {
    let content: Vec<&str> = tokens
        .map(|t| doc.token_text(t))
        .filter(|w| {
            // Clitics ("n't" of "Doesn't") are written in lower case anyway.
            w.starts_with(char::is_alphabetic)
                && !w.contains(['\'', '’'])
                && !lexicon::is_function_word(w)
        })
        .collect();
    content.len() >= 3 && content.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// "SAN FRANCISCO, March 3 (Reuters) -", "LAGOS, Nigeria —": the capitals
/// that open a news story's first paragraph, before a dash, name the place
/// it was filed from.
fn datelines(doc: &Document, mut names: Vec<NameSpan>) -> Vec<NameSpan> {
    for sentence in &doc.sentences {
        let tokens = sentence.tokens.clone();
        if tokens.is_empty() {
            continue;
        }
        let before = doc.text[..doc.tokens[tokens.start].start].trim_end_matches([' ', '\t', '\r']);
        let starts_paragraph = before.is_empty() || before.ends_with('\n');
        if !starts_paragraph {
            continue;
        }
        let is_capitals = |t: usize| {
            let word = doc.token_text(t);
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && word
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '-')
        };
        let run_end = (tokens.start..tokens.end)
            .find(|&t| !is_capitals(t))
            .unwrap_or(tokens.end);
        if run_end == tokens.start || run_end == tokens.end {
            continue;
        }
        let dash_follows = matches!(doc.token_text(run_end), "," | "(" | "-" | "—" | "–")
            && (run_end..tokens.end.min(run_end + 10))
                .any(|t| matches!(doc.token_text(t), "-" | "—" | "–"));
        if !dash_follows {
            continue;
        }
        let place = tokens.start..run_end;
        names.retain(|(range, _)| range.end <= place.start || range.start >= place.end);
        names.push((place, EntityType::Location));
    }
    names
}

/// "European Central Bank fined Lumen Bank": a name does not run over a
/// verb in lower case; the capitalised words on each side are names of
/// their own.
fn split_at_verbs(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    // "Laurence des/VERB Cars": a particle of a surname is no verb.
    let is_verb = |t: usize| {
        let word = doc.token_text(t);
        word.starts_with(char::is_lowercase)
            && !lexicon::is_function_word(word)
            && !lexicon::is_surname_particle(word)
            && doc.tags.get(t) == Some(&Upos::Verb)
    };
    let capitalised = |t: usize| doc.token_text(t).starts_with(char::is_uppercase);
    let mut split = Vec::with_capacity(names.len());
    for (range, ty) in names {
        let mut start = range.start;
        for t in range.start + 1..range.end {
            if is_verb(t) {
                if start < t {
                    split.push((start..t, ty));
                }
                start = t + 1;
            }
        }
        if start == range.start {
            split.push((range, ty));
        } else if start < range.end && capitalised(start) {
            split.push((start..range.end, ty));
        }
    }
    split
}

/// "Pro-Beijing DAB's Starry Lee", "the anti-Kremlin Yabloko party": a
/// name word joined to a prefix by a hyphen belongs to that modifier, so a
/// name that goes on past it starts after it ("DAB", not "Beijing DAB").
fn names_after_prefix_compounds(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    names
        .into_iter()
        .map(|(range, ty)| {
            let start = range.start;
            let compound = start >= 2
                && range.len() > 1
                && doc.token_text(start - 1) == "-"
                && doc.tokens[start - 2].end == doc.tokens[start - 1].start
                && doc.tokens[start - 1].end == doc.tokens[start].start
                && lexicon::is_compound_prefix(doc.token_text(start - 2));
            if compound {
                (start + 1..range.end, ty)
            } else {
                (range, ty)
            }
        })
        .collect()
}

/// "Ban Ki" of "Ban Ki-moon", "Port-au" of "Port-au-Prince": a name the
/// recogniser cut at a hyphen goes on to the end of the hyphenated word,
/// unless the word is a modifier ("Trump-backed", "Obama-era policies").
fn extend_over_hyphens(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    let mut starts_name = vec![false; doc.tokens.len()];
    for (range, _) in &names {
        starts_name[range.start] = true;
    }
    let attached = |a: usize, b: usize| doc.tokens[a].end == doc.tokens[b].start;
    names
        .into_iter()
        .map(|(range, ty)| {
            let sentence_end = doc.sentences[doc.sentence_of_token(range.start).index()]
                .tokens
                .end;
            let mut end = range.end;
            while end + 1 < sentence_end
                && doc.token_text(end) == "-"
                && attached(end - 1, end)
                && attached(end, end + 1)
                && !starts_name[end + 1]
                && doc.token_text(end + 1).chars().all(char::is_alphabetic)
            {
                let tail = doc.token_text(end + 1);
                let inside_word = doc.token_text(end - 1).starts_with(char::is_lowercase);
                // A full personal name going on with a syllable ("Lee
                // Jae-yong") is one name, whatever the tagger made of it.
                let given_name_syllable = ty == EntityType::Person && range.len() >= 2;
                let fits = if tail.starts_with(char::is_uppercase) {
                    inside_word
                } else {
                    given_name_syllable
                        || !matches!(doc.tags.get(end + 1), Some(Upos::Verb | Upos::Adj))
                };
                if !fits {
                    break;
                }
                end += 2;
            }
            let modifies_noun = end < sentence_end
                && matches!(doc.tags.get(end), Some(Upos::Noun))
                && doc.token_text(end).starts_with(char::is_lowercase);
            if end > range.end && !modifies_noun {
                (range.start..end, ty)
            } else {
                (range, ty)
            }
        })
        .collect()
}

/// "Senate Majority" + "Leader Chuck Schumer": a title the recogniser cut
/// in two, its first half read as a name of its own, is rejoined so that
/// the whole title becomes the person's role; so is a person's name cut in
/// two.
fn join_split_titles(doc: &Document, mut names: Vec<NameSpan>) -> Vec<NameSpan> {
    names.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut out: Vec<NameSpan> = Vec::with_capacity(names.len());
    for (range, ty) in names {
        if let Some((previous, previous_ty)) = out.last() {
            // "Hugh" + "McGuire": a person's name the recogniser cut in two.
            // Two full names side by side are a list ("Pam Butler Renee
            // Ratcliff" of an e-mail's attendees), not one name.
            let same_person = *previous_ty == EntityType::Person
                && ty == EntityType::Person
                && previous.end == range.start
                && (previous.len() == 1 || range.len() == 1)
                && doc.sentence_of_token(previous.start) == doc.sentence_of_token(range.start)
                && doc.text[doc.tokens[previous.end - 1].end..doc.tokens[range.start].start]
                    == *" ";
            if same_person {
                let joined = previous.start..range.end;
                out.pop();
                out.push((joined, EntityType::Person));
                continue;
            }
            let joined = previous.start..range.end;
            let title_crosses = previous.end == range.start
                && leading_title(doc, joined.clone())
                    .is_some_and(|end| end > previous.end && end < range.end);
            if title_crosses {
                out.pop();
                out.push((joined, EntityType::Person));
                continue;
            }
        }
        out.push((range, ty));
    }
    out
}

/// "Laurence des Cars, the museum's director,", read as an organisation: a
/// capitalised word, a surname particle and a capitalised word, with a
/// common given name first or a person's title set off after it, name a
/// person.
fn people_with_surname_particles(doc: &Document, names: &mut [NameSpan]) {
    for (range, ty) in names.iter_mut() {
        if *ty == EntityType::Person || range.len() < 3 {
            continue;
        }
        let particle = (range.start + 1..range.end - 1)
            .any(|t| lexicon::is_surname_particle(doc.token_text(t)));
        let last_capitalised = doc
            .token_text(range.end - 1)
            .starts_with(char::is_uppercase);
        let named_as_a_person = || {
            lexicon::given_name_gender(doc.token_text(range.start)).is_some()
                || role_after(doc, range.clone()).is_some()
        };
        if particle && last_capitalised && named_as_a_person() {
            *ty = EntityType::Person;
        }
    }
}

/// "Senator Tom Whitaker of Ohio": a full name the recogniser ran on over
/// "of" is a person and the place or body they are of ("Catherine of
/// Aragon", one word before "of", stays whole).
fn split_person_of_place(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    let mut out = Vec::with_capacity(names.len());
    for (range, ty) in names {
        let of = range
            .clone()
            .find(|&t| doc.token_text(t) == "of")
            .filter(|&of| {
                ty == EntityType::Person
                    && of >= range.start + 2
                    && of + 1 < range.end
                    && lexicon::given_name_gender(doc.token_text(range.start)).is_some()
                    && (range.start..of).all(|t| doc.token_text(t).starts_with(char::is_uppercase))
                    && doc.token_text(of + 1).starts_with(char::is_uppercase)
            });
        match of {
            Some(of) => {
                let owner = of + 1..range.end;
                let owner_ty = if ends_like_an_organization(doc.token_text(range.end - 1)) {
                    EntityType::Organization
                } else {
                    EntityType::Location
                };
                out.push((range.start..of, ty));
                out.push((owner, owner_ty));
            }
            None => out.push((range, ty)),
        }
    }
    out
}

/// "the Trump-Kim summit": a hyphenated name whose two sides each stand as
/// names elsewhere in the document is two names, not one ("Kim Hong-Ji"
/// stays whole: "Ji" names no one else).
fn split_hyphenated_pairs(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    // Words of names, counted where they are not one side of a hyphenated
    // word: "Coca-Cola" written twice does not make "Coca" a name of its own.
    let attached_hyphen = |t: usize, other: usize| {
        other < doc.tokens.len()
            && doc.token_text(other) == "-"
            && (doc.tokens[t].end == doc.tokens[other].start
                || doc.tokens[other].end == doc.tokens[t].start)
    };
    let mut elsewhere: HashMap<&str, usize> = HashMap::new();
    for (range, _) in &names {
        for t in range.clone() {
            let hyphenated = (t > 0 && attached_hyphen(t, t - 1)) || attached_hyphen(t, t + 1);
            if !hyphenated {
                *elsewhere.entry(doc.token_text(t)).or_default() += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(names.len());
    for (range, ty) in names {
        let hyphen = range.clone().find(|&t| {
            doc.token_text(t) == "-"
                && t > range.start
                && t + 1 < range.end
                && doc.tokens[t - 1].end == doc.tokens[t].start
                && doc.tokens[t].end == doc.tokens[t + 1].start
        });
        let stands_alone = |part: std::ops::Range<usize>| {
            part.len() == 1
                && elsewhere
                    .get(doc.token_text(part.start))
                    .is_some_and(|n| *n > 0)
        };
        match hyphen {
            Some(h) if stands_alone(range.start..h) && stands_alone(h + 1..range.end) => {
                out.push((range.start..h, ty));
                out.push((h + 1..range.end, ty));
            }
            _ => out.push((range, ty)),
        }
    }
    out
}

/// A surname or an organisation's name without its suffix, standing alone
/// elsewhere in the document ("a Brandt spokesman" after "Brandt
/// Corporation"), is a name the recogniser missed: the document tells its type.
fn name_parts_elsewhere(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let mut parts: HashMap<&str, Option<EntityType>> = HashMap::new();
    for (range, ty) in names {
        if range.len() < 2 {
            continue;
        }
        let first = doc.token_text(range.start);
        let last = doc.token_text(range.end - 1);
        let part = match ty {
            EntityType::Person => last,
            EntityType::Organization
                if range.len() == 2 && lexicon::ends_organization_name(last) =>
            {
                first
            }
            _ => continue,
        };
        note_type(&mut parts, part, *ty);
    }
    // "WHO" for "World Health Organization": the initials of an
    // organisation the document names in full.
    let mut acronyms: HashMap<String, Option<EntityType>> = HashMap::new();
    for (range, ty) in names {
        let capitalised: Vec<&str> = range
            .clone()
            .map(|t| doc.token_text(t))
            .filter(|w| w.starts_with(char::is_uppercase))
            .collect();
        if *ty != EntityType::Organization || capitalised.len() < 2 {
            continue;
        }
        let initials: String = capitalised
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        note_type(&mut acronyms, initials, *ty);
    }
    let covered = covered_tokens(doc, names);
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let inner = sentence.tokens.clone();
        for (t, _) in covered[inner.clone()]
            .iter()
            .zip(inner)
            .filter(|(covered, _)| !**covered)
            .map(|(c, t)| (t, c))
        {
            let word = doc.token_text(t);
            // The tagger may read an acronym that is also a word ("WHO") as
            // that word.
            let bare: String = word.chars().filter(|c| *c != '.').collect();
            // Two letters stand for too many things ("CC" of a licence
            // line is not "Collins College").
            if bare.len() >= 3 && bare.chars().all(|c| c.is_ascii_uppercase()) {
                if let Some(Some(ty)) = acronyms.get(&bare) {
                    found.push((t..t + 1, *ty));
                    continue;
                }
            }
            if doc.tags.get(t) != Some(&Upos::Propn) || word.len() < 2 {
                continue;
            }
            if let Some(Some(ty)) = parts.get(word) {
                found.push((t..t + 1, *ty));
            }
        }
    }
    found
}

/// "Apple" named once as an organisation or place is that name where the
/// recogniser missed it ("fined Apple 1.8 billion euros"). A lone word
/// read as a person is as often a thing ("Stardust").
fn lone_names_elsewhere(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let mut lone: HashMap<&str, Option<EntityType>> = HashMap::new();
    for (range, ty) in names.iter().filter(|(range, _)| range.len() == 1) {
        note_type(&mut lone, doc.token_text(range.start), *ty);
    }
    let covered = covered_tokens(doc, names);
    let capitalised =
        |t: usize| t < doc.tokens.len() && doc.token_text(t).starts_with(char::is_uppercase);
    // Only a word standing alone in lower-case text: "Full Color Catalog",
    // "PPA Guaranty" and a heading in capitals are something else.
    let alone = |t: usize| {
        let word = doc.token_text(t);
        word.chars().any(char::is_lowercase)
            && !(t > 0 && capitalised(t - 1))
            && !capitalised(t + 1)
    };
    (0..doc.tokens.len())
        .filter(|&t| !covered[t] && doc.tags.get(t) == Some(&Upos::Propn) && alone(t))
        .filter_map(|t| match lone.get(doc.token_text(t)) {
            Some(Some(ty @ (EntityType::Organization | EntityType::Location))) => {
                Some((t..t + 1, *ty))
            }
            _ => None,
        })
        .collect()
}

/// "Boeing chief executive Dave Calhoun": a capitalised name right before a
/// role in lower case, itself before a person's name, names the
/// organisation the role belongs to, even where the recogniser missed it.
fn role_owners(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let covered = covered_tokens(doc, names);
    let mut found = Vec::new();
    for (range, ty) in names {
        if *ty != EntityType::Person {
            continue;
        }
        let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
            .tokens
            .start;
        // The title before the name, or at its start ("Chairman Ines Araujo").
        let title_start = match leading_title(doc, range.clone()) {
            Some(end) if end < range.end => range.start,
            _ => match title_ending_at(doc, sentence_start, range.start) {
                Some(start) => start,
                None => continue,
            },
        };
        if lexicon::is_honorific(doc.token_text(title_start)) {
            continue;
        }
        let lower_case = doc.token_text(title_start).starts_with(char::is_lowercase);
        let owner = capitalised_run_before(doc, sentence_start, title_start)..title_start;
        // A sentence's first word is capitalised anyway, and the tagger
        // may read an unknown name there as a verb ("Boeing"): what rules
        // it out is being an adjective or adverb ("Former", "Then"). Before
        // a capitalised title, only a proper noun will do.
        // "Environment Canada spokeswoman": a place the recogniser found at
        // the end of the run is part of the organisation's name.
        let place_at_end = names
            .iter()
            .find(|(place, ty)| {
                *ty == EntityType::Location && place.end == title_start && place.start > owner.start
            })
            .map(|(place, _)| place.start);
        let own_words = owner.start..place_at_end.unwrap_or(owner.end);
        let is_name = !own_words.is_empty()
            && own_words.clone().all(|t| {
                !covered[t]
                    && !lexicon::is_month_or_weekday(doc.token_text(t))
                    && !lexicon::is_sentence_starter(&doc.token_text(t).to_lowercase())
                    && match doc.tags.get(t) {
                        Some(Upos::Propn) => true,
                        Some(Upos::Noun | Upos::Verb | Upos::X) => lower_case,
                        _ => false,
                    }
            });
        if !is_name {
            continue;
        }
        let text = doc.slice(doc.token_span(owner.clone()));
        if lexicon::country(text).is_none() && lexicon::demonym_country(text).is_none() {
            found.push((owner, EntityType::Organization));
        }
    }
    found
}

/// Records that `key` names an entity of type `ty`; a key two types share
/// tells nothing and is kept as `None`.
fn note_type<K: std::hash::Hash + Eq>(
    known: &mut HashMap<K, Option<EntityType>>,
    key: K,
    ty: EntityType,
) {
    known
        .entry(key)
        .and_modify(|seen| {
            if *seen != Some(ty) {
                *seen = None;
            }
        })
        .or_insert(Some(ty));
}

fn make_mention(
    doc: &Document,
    tokens: Range<usize>,
    ty: EntityType,
    kind: MentionKind,
    role: Option<Span>,
) -> Mention {
    Mention {
        span: doc.token_span(tokens.clone()),
        sentence: doc.sentence_of_token(tokens.start),
        tokens,
        ty,
        kind,
        role,
    }
}

/// "Rojas said he", "NASA said on Thursday that it", "Devocht told
/// Montalvo he": the verb of saying, thinking or telling whose clause a
/// subject pronoun at `token` opens, right before it, or before its
/// "that" with at most a short phrase (or the one told) between.
pub fn reporting_verb_before(doc: &Document, token: usize) -> Option<usize> {
    let before = token.checked_sub(1)?;
    let is_reporting = |t: usize| {
        doc.tags.get(t) == Some(&Upos::Verb)
            && lexicon::is_reporting_verb(&doc.token_text(t).to_lowercase())
    };
    if is_reporting(before) {
        return Some(before);
    }
    let sentence_start = doc.sentences[doc.sentence_of_token(token).index()]
        .tokens
        .start;
    let clause = if doc.token_text(before) == "that" {
        before
    } else {
        token
    };
    // "told Montalvo he", "warned the court that it": a verb of telling,
    // the one told, then the clause.
    let is_telling = |t: usize| {
        doc.tags.get(t) == Some(&Upos::Verb)
            && lexicon::is_telling_verb(&doc.token_text(t).to_lowercase())
    };
    let told = (sentence_start..clause)
        .rev()
        .take(5)
        .take_while(|&t| {
            is_telling(t)
                || matches!(
                    doc.tags.get(t),
                    Some(Upos::Propn | Upos::Noun | Upos::Pron | Upos::Det)
                )
        })
        .find(|&t| is_telling(t))
        .filter(|&verb| verb + 1 < clause);
    if told.is_some() || clause == token {
        return told;
    }
    (sentence_start..before)
        .rev()
        .take(5)
        .take_while(|&t| {
            is_reporting(t)
                || !matches!(doc.tags.get(t), Some(Upos::Verb | Upos::Aux | Upos::Punct))
        })
        .find(|&t| is_reporting(t))
}

/// Trims a recognised name: a leading title becomes the role, a leading
/// article or a trailing possessive is dropped.
fn refine_name(
    doc: &Document,
    mut range: Range<usize>,
    mut ty: EntityType,
) -> Option<(Range<usize>, EntityType, Option<Span>)> {
    // "I'll", "We're": a pronoun and its clitic name nothing.
    let names_nothing = range.clone().all(|t| {
        let word = doc.token_text(t);
        lexicon::is_function_word(word) || word.starts_with(['\'', '’'])
    });
    if names_nothing && range.len() > 1 {
        return None;
    }
    while range.len() > 1 && matches!(doc.token_text(range.start), "The" | "the" | "A" | "An") {
        // Keep "The" of a name that starts with it mid-sentence ("The Hill").
        let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
            .tokens
            .start;
        if range.start != sentence_start {
            break;
        }
        range.start += 1;
    }
    // "Rathbun the Scientology": a lower-case article inside a name ends
    // it, unless a preposition leads to it ("Superior Court of the District
    // of Columbia", "Court of Appeals for the Third Circuit").
    if let Some(article) = (range.start + 1..range.end).find(|&t| {
        doc.token_text(t) == "the"
            && !matches!(
                doc.token_text(t - 1),
                "of" | "for" | "on" | "in" | "at" | "to"
            )
    }) {
        range.end = article;
    }
    // "District Court for" (of "... for the Northern District"): a name
    // does not end in a lower-case function word.
    while range.len() > 1 && {
        let last = doc.token_text(range.end - 1);
        // "Moon Jae-in" ends in a syllable, not in a preposition.
        let hyphenated = doc.token_text(range.end - 2) == "-"
            && doc.tokens[range.end - 2].end == doc.tokens[range.end - 1].start;
        matches!(last, "'s" | "’s" | "'" | "’" | "," | "-")
            || (last.starts_with(char::is_lowercase)
                && lexicon::is_function_word(last)
                && !hyphenated)
    } {
        range.end -= 1;
    }
    // "interviewed by Wikinews Saturday, January 31": a weekday ends no
    // name of a person, organisation or place ("Black Friday" is MISC).
    while range.len() > 1
        && matches!(
            ty,
            EntityType::Person | EntityType::Organization | EntityType::Location
        )
        && lexicon::is_weekday(doc.token_text(range.end - 1))
    {
        range.end -= 1;
    }
    let mut role = None;
    // "General Motors", "Crown Prosecution Service": a title word that
    // starts an organisation's name.
    let organization_name = lexicon::ends_organization_name(doc.token_text(range.end - 1));
    if let Some(title_end) = leading_title(doc, range.clone()).filter(|_| !organization_name) {
        if title_end < range.end {
            // "Director-General" of which the recogniser kept "General".
            let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
                .tokens
                .start;
            let title_start = title_ending_at(doc, sentence_start, title_end)
                .map_or(range.start, |start| start.min(range.start));
            role = Some(doc.token_span(title_start..title_end));
            range.start = title_end;
            ty = EntityType::Person;
        } else {
            return None;
        }
    }
    if role.is_none() && ty == EntityType::Person {
        role = role_before(doc, range.clone(), true);
    } else if role.is_none() && looks_like_personal_name(doc, range.clone()) {
        // "the head of Interpol, Jurgen Stock": a title before a name says
        // it is a person's, whatever type the recogniser guessed; any noun
        // could be ("her novel Angel Catbird").
        role = role_before(doc, range.clone(), false);
        if role.is_some() {
            ty = EntityType::Person;
        }
    }
    Some((range, ty, role))
}

/// Two or three capitalised words with no organisation or place suffix.
fn looks_like_personal_name(doc: &Document, range: Range<usize>) -> bool {
    let words: Vec<&str> = range.map(|t| doc.token_text(t)).collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            !lexicon::ends_organization_name(w)
                && !lexicon::is_location_suffix(w)
                && !lexicon::is_function_word(w)
        })
}

/// The end of the longest title at the start of `range`, if any.
fn leading_title(doc: &Document, range: Range<usize>) -> Option<usize> {
    let mut end = None;
    let mut start = range.start;
    // Titles stack: "Then Vice President", "former Secretary of State".
    loop {
        let found = phrase::longest_at(start, range.end, lexicon::max_title_words(), |words| {
            lexicon::is_title(doc.slice(doc.token_span(words))).then_some(())
        });
        match found {
            Some((title, ())) => {
                end = Some(title.end);
                start = title.end;
            }
            None => return end,
        }
    }
}

/// The role written just before a person's name, with the country or
/// organisation it belongs to when the text names one: "North Korean
/// leader", "former senator", "Acme's chief executive, Laura Chen", "Tesla
/// founder", "the head of Interpol, Jurgen Stock".
fn role_before(doc: &Document, name: Range<usize>, any_noun: bool) -> Option<Span> {
    let name_start = name.start;
    let sentence = &doc.sentences[doc.sentence_of_token(name_start).index()].tokens;
    let sentence_start = sentence.start;
    // An apposition ("its founder, Henrik Dahl") needs a sign that the
    // phrase before the comma is that person's role and not a separate
    // noun, and it closes after the name: in "On his website, Sarvis
    // notes", the name is the subject of what follows.
    let comma = name_start > sentence_start && doc.token_text(name_start - 1) == ",";
    let closed = name.end >= sentence.end
        || matches!(doc.token_text(name.end), "," | "." | ")" | ";" | "—" | "–");
    let end = if comma { name_start - 1 } else { name_start };
    if any_noun && (closed || !comma) {
        if let Some(start) = possessed_noun_role(doc, sentence_start, end) {
            return Some(doc.token_span(start..end));
        }
    }
    let (start, owner_after) = match title_ending_at(doc, sentence_start, end) {
        Some(mut start) => {
            // "Detective Chief Inspector": capitalised titles stacked on
            // one another are one role.
            while let Some(earlier) = title_ending_at(doc, sentence_start, start)
                .filter(|&t| doc.token_text(t).starts_with(char::is_uppercase))
            {
                start = earlier;
            }
            (start, false)
        }
        None if comma => (of_owner_role(doc, sentence_start, end)?, true),
        None => return None,
    };
    let lower_case = doc.token_text(start).starts_with(char::is_lowercase);
    let mut role_start = start;
    let mut owner_before = false;
    // A demonym or country before the title: "North Korean leader".
    let country_owner = phrase::longest_ending_at(sentence_start, role_start, 3, |words| {
        let modifier = doc.slice(doc.token_span(words));
        (lexicon::demonym_country(modifier).is_some() || lexicon::country(modifier).is_some())
            .then_some(())
    });
    if let Some((modifier, ())) = country_owner {
        role_start = modifier.start;
        // "the United States Trade Representative": the article is
        // not part of the role.
        if doc.token_text(role_start).eq_ignore_ascii_case("the") {
            role_start += 1;
        }
        owner_before = true;
    }
    if !owner_before && !owner_after {
        let possessive =
            role_start > sentence_start && matches!(doc.token_text(role_start - 1), "'s" | "’s");
        let run_end = if possessive {
            role_start - 1
        } else {
            role_start
        };
        let run_start = capitalised_run_before(doc, sentence_start, run_end);
        // "pro-Moscow politician": a place in a compound owns nothing.
        let compound = run_start > sentence_start && doc.token_text(run_start - 1) == "-";
        // "Boeing chief executive": a capitalised name right before a role
        // in lower case modifies it; before a capitalised title
        // ("Monday President ...") the run could be anything.
        if run_start < run_end && (possessive || lower_case) {
            if !compound {
                role_start = run_start;
                owner_before = true;
            }
        } else if possessive {
            // "the site's founder": the possessor is part of the role.
            let mut noun_start = run_end;
            while noun_start > sentence_start
                && run_end - noun_start < 3
                && matches!(doc.tags.get(noun_start - 1), Some(Upos::Noun | Upos::Adj))
            {
                noun_start -= 1;
            }
            if noun_start < run_end {
                role_start = noun_start;
            }
        }
    }
    // A title that names its owner is a role even where the apposition is
    // left open ("Malaysia's Prime Minister, Najib Razak said").
    if comma && !closed && !owner_before && !owner_after {
        return None;
    }
    let before = if role_start > sentence_start {
        doc.token_text(role_start - 1).to_lowercase()
    } else {
        String::new()
    };
    if comma && !owner_before && !owner_after {
        let determined = matches!(
            before.as_str(),
            "the" | "its" | "their" | "his" | "her" | "our" | "whose" | "'s" | "’s"
        );
        if !determined {
            return None;
        }
    }
    // "her spokesman", "whose crown prince": the possessive is the owner.
    if !owner_before && !owner_after && matches!(before.as_str(), "his" | "her" | "its" | "whose") {
        role_start -= 1;
    }
    Some(doc.token_span(role_start..end))
}

/// "Goldman Sachs economist Jan Hatzius", "NASA astronaut Christina Koch": an
/// occupation in lower case between an organisation or place and a
/// person's name is the person's role there. The owner must be a name the
/// stage holds ("Monday morning John said" has none).
fn occupation_at_owner(
    doc: &Document,
    name: Range<usize>,
    owner_ending_at: &HashMap<usize, usize>,
) -> Option<Span> {
    let sentence_start = doc.sentences[doc.sentence_of_token(name.start).index()]
        .tokens
        .start;
    let occupation = |t: usize| {
        let word = doc.token_text(t);
        doc.tags.get(t) == Some(&Upos::Noun)
            && word.starts_with(char::is_lowercase)
            && (!word.ends_with('s') || word.ends_with("ss"))
            && !lexicon::is_function_word(word)
    };
    let mut start = name.start;
    while start > sentence_start && name.start - start < 2 && occupation(start - 1) {
        start -= 1;
    }
    if start == name.start {
        return None;
    }
    let owner_start = *owner_ending_at.get(&start)?;
    // "pro-Beijing veteran politician": a place in a compound owns nothing.
    let compound = owner_start > sentence_start && doc.token_text(owner_start - 1) == "-";
    (owner_start >= sentence_start && !compound).then(|| doc.token_span(owner_start..name.start))
}

/// "Alexander Stubb, a former prime minister,", "Brad Smith, the company's
/// president,", "Brad Smith, Microsoft's president,": a title set off by
/// commas after a person's name is their role. Only lower-case words
/// besides the title and a possessor before it, so that an organisation
/// or place elsewhere in the phrase is read as an edge, not folded into a
/// role.
fn role_after(doc: &Document, name: Range<usize>) -> Option<Span> {
    let sentence = doc.sentences[doc.sentence_of_token(name.start).index()]
        .tokens
        .clone();
    let tag = |t: usize| doc.tags.get(t).copied().unwrap_or(Upos::X);
    // "The board named Ana Ruiz interim chairman": the title the verb gives.
    let appointed =
        name.start > sentence.start && lexicon::is_appointment_verb(doc.token_text(name.start - 1));
    if name.end + 1 >= sentence.end || !(appointed || doc.token_text(name.end) == ",") {
        return None;
    }
    let mut start = name.end + usize::from(doc.token_text(name.end) == ",");
    if matches!(
        doc.token_text(start).to_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    ) {
        start += 1;
    }
    let mut end = start;
    // Tags aside, a capitalised word or a possessive ("the WHO's", read as
    // a pronoun and a verb) can be part of the phrase.
    while end < sentence.end
        && end - start < 6
        && (matches!(tag(end), Upos::Adj | Upos::Noun | Upos::Propn | Upos::Part)
            || matches!(doc.token_text(end), "'s" | "’s")
            || doc.token_text(end).starts_with(char::is_uppercase))
    {
        end += 1;
    }
    let closes = |t: usize| t == sentence.end || matches!(doc.token_text(t), "," | "." | ";");
    // "Hans Kluge, the WHO's regional director for Europe,", "Marta Vidal, a
    // senior economist at the Nordic Trade Institute,": a phrase after the
    // title, up to the comma that closes the apposition, is not part of
    // the role; the open reader reads its edge.
    let phrase_closes = || {
        !appointed
            && end < sentence.end
            && tag(end) == Upos::Adp
            // "the leader of the Labour Party": the open reader reads the
            // title with its owner.
            && doc.token_text(end) != "of"
            && (end + 1..sentence.end.min(end + 9))
                .take_while(|&t| {
                    matches!(
                        tag(t),
                        Upos::Adp | Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Part
                    ) || doc.token_text(t) == "-"
                })
                .any(|t| closes(t + 1))
    };
    let closed = appointed || closes(end) || phrase_closes();
    if !closed || end == start {
        return None;
    }
    let title_start = (start..end).find(|&t| {
        lexicon::is_title(doc.slice(doc.token_span(t..end)))
            || (t + 1 == end && lexicon::is_occupation(doc.token_text(t)))
    })?;
    // Before the title: "former", "senior", "the company's", or a named
    // possessor, "Microsoft's", whose edge the role gives.
    let capitalised = |t: usize| doc.token_text(t).starts_with(char::is_uppercase);
    // "the NSC leader": a capitalised name right before a role in lower
    // case owns it, as before a name ("Boeing chief executive").
    let owner_run_end = (start..title_start)
        .find(|&t| !capitalised(t))
        .unwrap_or(title_start);
    let lower_case_role = doc.token_text(title_start).starts_with(char::is_lowercase);
    let possessor_end = (start..title_start)
        .find(|&t| matches!(doc.token_text(t), "'s" | "’s"))
        .unwrap_or(if lower_case_role {
            owner_run_end
        } else {
            start
        });
    let possessor =
        (start..possessor_end).all(capitalised) || (start..possessor_end).all(|t| !capitalised(t));
    // "a former Google engineer": lower-case modifiers, then a capitalised
    // owner right before the title.
    let modifiers_only = possessor
        && (possessor_end..title_start).all(|t| {
            let word = doc.token_text(t);
            word.starts_with(char::is_lowercase)
                || matches!(word, "'s" | "’s")
                || (lower_case_role && (t..title_start).all(capitalised))
        });
    let lower_case_title = doc
        .slice(doc.token_span(title_start..end))
        .starts_with(char::is_lowercase);
    let possessive = (start..title_start).any(|t| matches!(doc.token_text(t), "'s" | "’s"));
    // "the company's president" is a role; "Smith, President," is a
    // heading more often than an apposition, so a capitalised title needs
    // a word before it.
    (modifiers_only && (lower_case_title || title_start > start || possessive))
        .then(|| doc.token_span(start..end))
}

/// "his lawyer, Chidi Nwosu", "Okonkwo's lawyer Chidi Nwosu": a noun
/// (after adjectives) that a person or organisation possesses, right
/// before a name, is that name's role towards the possessor, whether or not
/// the noun is a known title. Returns where the role starts: the pronoun,
/// or the possessor's capitalised name.
fn possessed_noun_role(doc: &Document, sentence_start: usize, end: usize) -> Option<usize> {
    if end == sentence_start || doc.tags.get(end - 1) != Some(&Upos::Noun) {
        return None;
    }
    let mut start = end - 1;
    while start > sentence_start
        && end - start < 3
        && matches!(doc.tags.get(start - 1), Some(Upos::Adj | Upos::Noun))
    {
        start -= 1;
    }
    if (start..end).any(|t| !doc.token_text(t).starts_with(char::is_lowercase)) {
        return None;
    }
    let before = start.checked_sub(1).filter(|&b| b >= sentence_start)?;
    match doc.token_text(before).to_lowercase().as_str() {
        // "their" so often stands for a group no name was given to that it
        // is left out.
        // "the United Arab Emirates, whose crown prince, Mohammed bin Zayed".
        "his" | "her" | "its" | "whose" => Some(before),
        "'s" | "’s" => {
            let owner = capitalised_run_before(doc, sentence_start, before);
            (owner < before).then_some(owner)
        }
        _ => None,
    }
}

/// The start of the longest title that ends at token `end`.
fn title_ending_at(doc: &Document, sentence_start: usize, end: usize) -> Option<usize> {
    let found =
        phrase::longest_ending_at(sentence_start, end, lexicon::max_title_words(), |words| {
            let single = words.len() == 1;
            let text = doc.slice(doc.token_span(words));
            let occupation = single && lexicon::is_occupation(text)
                || lexicon::is_corporate_title(text) && !text.ends_with('s');
            ((lexicon::is_title(text) || occupation) && !text.contains(',')).then_some(())
        });
    found.map(|(title, ())| title.start)
}

/// "the head of Interpol" before a comma: a title, "of", then a
/// capitalised name; returns where the title starts.
fn of_owner_role(doc: &Document, sentence_start: usize, end: usize) -> Option<usize> {
    let owner_start = capitalised_run_before(doc, sentence_start, end);
    if owner_start == end
        || owner_start == sentence_start
        || doc.token_text(owner_start - 1) != "of"
    {
        return None;
    }
    title_ending_at(doc, sentence_start, owner_start - 1)
}

/// Where the run of capitalised words (at most four, not function words)
/// that ends at `end` begins; `end` itself when there is none.
fn capitalised_run_before(doc: &Document, sentence_start: usize, end: usize) -> usize {
    let mut start = end;
    while start > sentence_start && end - start < 6 {
        let word = doc.token_text(start - 1);
        // "Jong-un": a hyphenated syllable belongs to the capitalised word
        // before it.
        let syllable = start >= sentence_start + 3
            && word.starts_with(char::is_lowercase)
            && doc.token_text(start - 2) == "-"
            && doc.tokens[start - 3].end == doc.tokens[start - 2].start
            && doc.tokens[start - 2].end == doc.tokens[start - 1].start
            && doc.token_text(start - 3).starts_with(char::is_uppercase);
        if syllable {
            start -= 2;
            continue;
        }
        if !word.starts_with(char::is_uppercase)
            || lexicon::is_function_word(word)
            || lexicon::is_title(word)
        {
            break;
        }
        start -= 1;
    }
    start
}

/// "studied English at", "translated into Arabic": a demonym standing
/// alone as the object of a verb or preposition names a language, no
/// country ("is French" and "the French" are kept).
fn names_a_language(doc: &Document, range: Range<usize>) -> bool {
    let tag = |t: usize| doc.tags.get(t).copied().unwrap_or(Upos::Punct);
    let word = doc.token_text(range.start);
    range.len() == 1
        && range.start > 0
        && !word.ends_with('s')
        && matches!(tag(range.start - 1), Upos::Verb | Upos::Adp)
        && !matches!(
            tag(range.end),
            Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num
        )
}

/// Demonyms outside names: "North Korean", "Libyan", "Americans".
fn demonym_ranges(doc: &Document, covered: &[bool]) -> Vec<Range<usize>> {
    // As written and capitalised: "French", not "french fries".
    phrase::leftmost_longest(0..doc.tokens.len(), 3, |words| {
        let text = doc.slice(doc.token_span(words.clone()));
        let demonym = !covered[words].iter().any(|c| *c)
            && text.starts_with(char::is_uppercase)
            && lexicon::demonym_country(text).is_some();
        demonym.then_some(())
    })
    .into_iter()
    .map(|(range, ())| range)
    .collect()
}

#[cfg(test)]
mod tests {
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

    /// A segmented, tagged document and the token range of each listed
    /// word sequence (first occurrence at or after the previous one).
    fn doc_with(text: &str, parts: &[&str]) -> (Document, Vec<Range<usize>>) {
        let mut doc = Document::new("t", text);
        crate::text::segment(&mut doc);
        crate::model::Models::embedded().annotate(&mut doc);
        let mut from = 0;
        let ranges = parts
            .iter()
            .map(|part| {
                let start = from + doc.text[from..].find(part).expect("part in text");
                let end = start + part.len();
                from = end;
                let first = doc.tokens.partition_point(|t| t.start < start);
                let last = doc.tokens.partition_point(|t| t.start < end);
                first..last
            })
            .collect();
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
            "Attendees: Pam Butler Renee Ratcliff. Hugh McGuire came.",
            &["Pam Butler", "Renee Ratcliff", "Hugh", "McGuire"],
        );
        let names: Vec<NameSpan> = r.iter().map(|r| (r.clone(), EntityType::Person)).collect();
        let joined = join_split_titles(&doc, names);
        let texts: Vec<&str> = joined
            .iter()
            .map(|(r, _)| doc.slice(doc.token_span(r.clone())))
            .collect();
        assert_eq!(texts, ["Pam Butler", "Renee Ratcliff", "Hugh McGuire"]);
    }

    #[test]
    fn a_hyphenated_name_splits_only_where_its_sides_stand_alone() {
        let (doc, r) = doc_with(
            "Coca-Cola built a plant. Coca-Cola said so. The Trump-Kim summit: Trump met Kim.",
            &["Coca-Cola", "Coca-Cola", "Trump-Kim", "Trump", "Kim"],
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
            ["Coca-Cola", "Coca-Cola", "Trump", "Kim", "Trump", "Kim"]
        );
    }

    #[test]
    fn an_article_after_a_preposition_stays_in_the_name() {
        let (doc, r) = doc_with(
            "He sat on the Superior Court of the District of Columbia.",
            &["Superior Court of the District of Columbia"],
        );
        let (range, _, _) =
            refine_name(&doc, r[0].clone(), EntityType::Organization).expect("a name");
        assert_eq!(range, r[0]);
    }

    #[test]
    fn a_name_run_on_into_a_weekday_ends_before_it() {
        let doc =
            Pipeline::default().annotate("t", "interviewed by Harbour Times Saturday, March 3");
        let (range, ..) = refine_name(&doc, 2..5, EntityType::Organization).expect("a name");
        assert_eq!(doc.slice(doc.token_span(range)), "Harbour Times");
        let (range, ..) = refine_name(&doc, 2..5, EntityType::Misc).expect("a name");
        assert_eq!(doc.slice(doc.token_span(range)), "Harbour Times Saturday");
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
        let doc = Pipeline::default()
            .annotate("t", "The Harbour Council fined Nordvik Shipping on Monday.");
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
    fn a_lone_organisation_or_place_is_that_name_where_the_recogniser_missed_it() {
        let (doc, ranges) = doc_with(
            "Velmont said on Monday that regulators fined Velmont for it.",
            &["Velmont", "Velmont"],
        );
        let known = [(ranges[0].clone(), EntityType::Organization)];
        assert_eq!(
            lone_names_elsewhere(&doc, &known),
            [(ranges[1].clone(), EntityType::Organization)]
        );
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
        let found = mentions(
            "Photo by Ana Soto/Reuters. Vice President Ana Soto told The Washington Post.",
        );
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
        let types = retyped(&doc, ranges, organizations_by_apposition);
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
    fn what_a_company_title_belongs_to_is_an_organisation() {
        let (doc, ranges) = doc_with(
            "Elon Musk, the chief executive of Tesla, met Nordvik chief executive Anna Holm \
             and the founder of Lumen, Lars Dahl, in Norway. Norway's chief executive was absent. \
             A former executive of Construtora Norte testified.",
            &[
                "Elon Musk",
                "Tesla",
                "Nordvik",
                "Anna Holm",
                "Lumen",
                "Norway",
                "Norway",
                "Construtora Norte",
            ],
        );
        let types = retyped(&doc, ranges, owners_of_corporate_titles);
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
                Organization
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
        let (doc, ranges) = doc_with("OK, I'll do it.", &["I'll"]);
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
        let found = mentions("Pro-Beijing DAB's Starry Lee won a seat in Kowloon.");
        let names: Vec<&str> = found.iter().map(|(text, ..)| text.as_str()).collect();
        assert!(names.contains(&"DAB"), "{names:?}");
        assert!(
            !names.iter().any(|n| n.contains("Beijing DAB")),
            "{names:?}"
        );
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
            "Ana Ruiz of the Joint Council for the Welfare of Migrants spoke. The Office for \
             National Statistics said prices rose. Researchers at the University of Leeds of \
             the UK agreed. The United States Centers for Disease Control and Prevention sent a team. \
             She sat on the Council for the",
        );
        let names: Vec<&str> = found.iter().map(|(text, ..)| text.as_str()).collect();
        for name in [
            "Joint Council for the Welfare of Migrants",
            "Office for National Statistics",
            "United States Centers for Disease Control and Prevention",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.ends_with("the UK")), "{names:?}");
    }

    #[test]
    fn capitalised_words_ending_in_an_organisations_last_word_name_one() {
        let (doc, ranges) = doc_with(
            "Later the Justice Department charged Ana Ruiz. Ford Motor Co issued a recall. \
             Party officials met. They work as a Hybrid Organization. \
             She wrote “Foreign Service: Five Decades”.",
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
        let (doc, ranges) = doc_with(
            "Northwind, the shipping company founded by Ola Berg, grew. \
             The deal with the Tekna Metall union was signed by a three-party group.",
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
            "Valeska Paris joined the group. Paris was born in Bern. She later moved to Paris.",
            &["Valeska Paris", "Paris", "Bern", "Paris"],
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
}
