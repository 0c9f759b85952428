//! Rules that find or type organisations (and storms): by their last word,
//! by what the text calls them, by the titles they give, by lists of
//! outlets and companies, and by the GeoNames capitals and large cities.

use super::*;

/// "Air Canada", "Statistics Canada", "Radio Norway": proper nouns the
/// recogniser left out right before a country make with it the name of an
/// organisation or an event, not the country ("Northern Italy" is still
/// the place).
pub(super) fn names_ending_in_a_country(doc: &Document, mut names: Vec<NameSpan>) -> Vec<NameSpan> {
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
pub(super) fn organizations_by_last_word(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
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
            // "Halvorsen Shipping ASA": a legal form the recogniser named
            // alone still takes the capitalised words before it.
            let named_alone = legal_form
                && names
                    .iter()
                    .any(|(name, _)| name.start == end && name.end == end + 1);
            if (covered[end] && !named_alone) || !(legal_form || last_word) {
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
            // "trades as a Holding Company": a description, not a name;
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

/// "the Committee to Protect Journalists", "the National Council for the
/// Care of Veterans", "the Office for National Statistics": an
/// organisation named by its kind goes on over a preposition and the
/// capitalised words after it (with "the", and further "of" or "and"
/// phrases), taking in the names the recogniser found there, unless one is
/// a person's. Returns the organisations so joined; the names inside give
/// way to them.
pub(super) fn organizations_over_prepositions(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let mut name_ending_at: HashMap<usize, (usize, EntityType)> = HashMap::default();
    let mut person_at = vec![false; doc.tokens.len()];
    // "The Organization for Security" of a longer name: the recogniser's
    // name runs over the preposition and stops short.
    let mut name_over: HashMap<usize, usize> = HashMap::default();
    for (range, ty) in names {
        name_ending_at.insert(range.end, (range.start, *ty));
        if *ty != EntityType::Person {
            for t in range.start + 1..range.end {
                name_over.insert(t, range.start);
            }
        }
        if *ty == EntityType::Person {
            person_at[range.clone()].iter_mut().for_each(|p| *p = true);
        }
    }
    let capitalised = |t: usize| {
        doc.token_text(t).starts_with(char::is_uppercase)
            && !lexicon::is_month_or_weekday(doc.token_text(t))
            && !person_at[t]
    };
    // "Co-operation", "Confidence-building": the lower-case half of a
    // capitalised word joined by a hyphen (returns the token after it).
    let attached = |a: usize, b: usize| doc.tokens[a].end == doc.tokens[b].start;
    let past_hyphen = |t: usize, end: usize| {
        if t + 2 < end
            && doc.token_text(t + 1) == "-"
            && attached(t, t + 1)
            && attached(t + 1, t + 2)
            && doc.token_text(t + 2).chars().all(char::is_alphabetic)
        {
            t + 3
        } else {
            t + 1
        }
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
            // elsewhere a date or an occasion ("Bergen Concert Hall on
            // New Year's Eve").
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
                None if name_over.contains_key(&preposition) => name_over[&preposition],
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
                while at < sentence.end && at - preposition <= 12 && capitalised(at) {
                    at = past_hyphen(at, sentence.end);
                }
                if at == run_start {
                    break;
                }
                let run = doc.slice(doc.token_span(run_start..at));
                // "University of Twente of the Netherlands": the country
                // says where, it does not name; "MIT and Oslo Metropolitan
                // University": a second organisation.
                let country = article && lexicon::country(run).is_some();
                let second_organization = doc.token_text(joint) == "and"
                    && (run_start..at).any(|t| lexicon::ends_organization_name(doc.token_text(t)));
                if country || second_organization || receives_from(doc, joint, run_start..at) {
                    break;
                }
                end = at;
                if at + 1 < sentence.end && matches!(doc.token_text(at), "of" | "and" | "&") {
                    at += 1;
                } else {
                    break;
                }
            }
            // "… and Co-operation in Europe": a continent closes the name;
            // any other place says where the body is.
            if end > preposition
                && end + 1 < sentence.end
                && doc.token_text(end) == "in"
                && lexicon::is_continent(doc.token_text(end + 1))
            {
                end += 2;
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

/// "sold Lumeris Systems to Kessel Industrie": after "to" or "against", a
/// run of capitalised words that ends like an organisation's name is a
/// second organisation, the other party of an act, not the rest of the
/// first's name ("Committee to Protect Journalists").
fn receives_from(doc: &Document, joint: usize, run: Range<usize>) -> bool {
    matches!(doc.token_text(joint), "to" | "against")
        && run.end > run.start
        && ends_like_an_organization(doc.token_text(run.end - 1))
}

/// Whether a name ending in this word is an organisation's: a suffix or
/// trade the mention stage reads ("Bank", "Semiconductor"), or a legal form.
pub(super) fn ends_like_an_organization(word: &str) -> bool {
    lexicon::ends_organization_name(word) || lexicon::is_legal_form(word)
}

/// Whether a name the recogniser read as a person could be a company's
/// first words: no given name or title starts it ("Halvorsen", not
/// "Ingrid Berg" of "Ingrid Berg Media").
pub(super) fn could_name_a_company(doc: &Document, range: &Range<usize>) -> bool {
    let first = doc.token_text(range.start);
    lexicon::given_name_gender(first).is_none() && !lexicon::is_title(first)
}

/// "Halvorsen Semiconductor said": a name the recogniser read as a person
/// but that ends in an organisation's last word, with no given name
/// before it, is an organisation ("Tom Church" stays a person); a person
/// or place ending in a club's last word is the club; any name ending in
/// a legal form is a company.
pub(super) fn organizations_read_as_people(doc: &Document, names: &mut [NameSpan]) {
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
        // "Aalto Risk Oyj": no place or work ends in a company's legal form
        // (where "Bank" also ends "West Bank").
        let legal_form = lexicon::is_legal_form(last);
        if person || club || legal_form {
            *ty = EntityType::Organization;
        }
    }
}

/// "Halvorsen's chief executive", "Castlegate's manager": the short form
/// of an organisation named by its last word is the organisation too, read
/// as a person unless a person of the text bears it as a surname, read as
/// a place only when the last word is a club's.
pub(super) fn short_forms_of_organizations(doc: &Document, names: &mut [NameSpan]) {
    let text_of = |range: &Range<usize>| doc.slice(doc.token_span(range.clone()));
    let mut short_forms: HashMap<&str, bool> = HashMap::default();
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
        if let Some(short) = super::clubs::club_short_form(doc, range) {
            *short_forms.entry(text_of(&short)).or_default() = true;
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

/// "Brussels might respond", "Nvidia's shares rose": a capital or large
/// city named alone (GeoNames) is the place (or its government) and a large company's bare name is the
/// company, whatever type the recogniser gave them, unless the text also
/// names a person with that word ("George Washington", "Nikola Tesla").
pub(super) fn known_places_and_companies(doc: &Document, names: &mut [NameSpan]) {
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
        // "told reporters in Sofia": a city named like a given name is the
        // city after a preposition of place.
        let locative = range.start > 0
            && lexicon::is_place_preposition(doc.token_text(range.start - 1))
            && doc.sentence_of_token(range.start - 1) == doc.sentence_of_token(range.start)
            && !(range.end < doc.tokens.len() && matches!(doc.token_text(range.end), "'s" | "’s"));
        let major_city = is_major_city(doc, range.clone())
            || (locative && names_a_major_city(doc, range.clone()));
        if matches!(ty, EntityType::Person | EntityType::Misc) && major_city {
            *ty = EntityType::Location;
        } else if *ty != EntityType::Organization && lexicon::is_company(text) && !after_the {
            *ty = EntityType::Organization;
        }
    }
}

/// "the Orion capsule", "the Artemis program": a common noun in lower case
/// after a name is what the name modifies, not part of it.
pub(super) fn names_run_into_a_noun(doc: &Document, names: &mut [NameSpan]) {
    // "(Corvus nivalis)", "\"Tyomna noch\"": a name filling its brackets or
    // quotation marks is whole, a species' or a foreign title's lower-case
    // word with it.
    let enclosed = |range: &Range<usize>| {
        range.start > 0
            && range.end < doc.tokens.len()
            && matches!(
                (doc.token_text(range.start - 1), doc.token_text(range.end)),
                ("(", ")") | ("\"", "\"") | ("“", "”")
            )
    };
    for (range, ty) in names.iter_mut() {
        if matches!(ty, EntityType::Date | EntityType::Number) || enclosed(range) {
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
pub(super) fn organizations_by_apposition(doc: &Document, names: &mut Vec<NameSpan>) {
    // Names the text itself calls organisations: the same name elsewhere in
    // the document is one too ("buy Lumeris, a French maker of sensors.
    // Lumeris was founded").
    let mut called: HashSet<&str> = HashSet::default();
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
        if matches!(
            *ty,
            EntityType::Organization | EntityType::Date | EntityType::Number
        ) || lexicon::country(doc.slice(doc.token_span(range.clone()))).is_some()
        {
            continue;
        }
        let sentence = &doc.sentences[doc.sentence_of_token(range.start).index()].tokens;
        // "British bank Barclays", "The construction firm, Ridgeway Builders,".
        let before = range.start > sentence.start && is_organization_noun(doc, range.start - 1)
            || range.start > sentence.start + 1
                && doc.token_text(range.start - 1) == ","
                && is_organization_noun(doc, range.start - 2)
                && !object_of_a_preposition(doc, range.start - 2, sentence.start)
                && range.end < sentence.end
                && doc.token_text(range.end) == ",";
        // "Teras Maju, which won a contract": "which" is never said of a
        // person.
        // "a song performed by Ana Ruiz, which ...": after a passive's
        // agent named like a person, "which" goes back to the subject.
        let agent = range.start > sentence.start
            && doc.token_text(range.start - 1) == "by"
            && looks_like_personal_name(doc, range.clone());
        let which_after = *ty == EntityType::Person
            && !agent
            && range.end + 1 < sentence.end
            && doc.token_text(range.end) == ","
            && doc.token_text(range.end + 1) == "which";
        // "chief economist at Harambee Capital": where a profession is
        // practised, unless the text names a country or capital.
        let works_at = range.start > sentence.start + 1
            && doc.token_text(range.start - 1) == "at"
            && is_profession(doc, range.start - 2)
            && !is_major_city(doc, range.clone());
        // "founded by Ana Ruiz, the film producer": a noun a person can
        // be calls no person an organisation.
        let called_after = (called_an_organization_after(doc, range.end)
            && !in_fronted_phrase(doc, range.start)
            || copula_head_after(doc, range.clone()).is_some_and(|h| is_organization_noun(doc, h))
                && !lexicon::is_location_suffix(doc.token_text(range.end - 1)))
            && !(*ty == EntityType::Person && occupation_after(doc, range.end));
        if before || which_after || works_at || called_after {
            *ty = EntityType::Organization;
            called.insert(doc.slice(doc.token_span(range.clone())));
        }
    }
    same_names_as_organizations(doc, names, &called);
}

/// "A spokesman for the agency, Paolo Benedetti,": a noun inside a
/// prepositional phrase is not what the name after the comma stands for;
/// the phrase's head before the preposition is.
fn object_of_a_preposition(doc: &Document, noun: usize, sentence_start: usize) -> bool {
    let mut t = noun;
    while t > sentence_start
        && matches!(
            doc.tags.get(t - 1),
            Some(Upos::Det | Upos::Adj | Upos::Noun)
        )
    {
        t -= 1;
    }
    t > sentence_start && doc.tags.get(t - 1) == Some(&Upos::Adp)
}

/// Every name written as one the text showed to be an organisation is one,
/// and so is the same name standing alone where the recogniser found
/// nothing ("the airline Skyvane ... Skyvane, which is owned by").
pub(super) fn same_names_as_organizations(
    doc: &Document,
    names: &mut Vec<NameSpan>,
    shown: &HashSet<&str>,
) {
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
    let left_out = same_names_left_out(doc, names, shown);
    names.extend(left_out);
}

/// The places the words of a shown name stand alone again: no name covers
/// them and no capitalised proper noun runs on from either side.
fn same_names_left_out(doc: &Document, names: &[NameSpan], shown: &HashSet<&str>) -> Vec<NameSpan> {
    let longest = names
        .iter()
        .filter(|(range, _)| shown.contains(doc.slice(doc.token_span(range.clone()))))
        .map(|(range, _)| range.len())
        .max()
        .unwrap_or(0);
    let covered = covered_tokens(doc, names);
    let runs_on = |t: usize| {
        doc.tags.get(t) == Some(&Upos::Propn) && doc.token_text(t).starts_with(char::is_uppercase)
    };
    let mut more = Vec::new();
    for sentence in &doc.sentences {
        let tokens = sentence.tokens.clone();
        let mut start = tokens.start;
        while start < tokens.end {
            let found = (1..=longest).find(|len| {
                let end = start + len;
                end <= tokens.end
                    && !covered[start..end].iter().any(|&c| c)
                    && shown.contains(doc.slice(doc.token_span(start..end)))
                    && (start == tokens.start || !runs_on(start - 1))
                    && (end == tokens.end || !runs_on(end))
            });
            match found {
                Some(len) => {
                    more.push((start..start + len, EntityType::Organization));
                    start += len;
                }
                None => start += 1,
            }
        }
    }
    more
}

/// "economist", "professor": a lower-case occupation or title.
pub(super) fn is_profession(doc: &Document, token: usize) -> bool {
    let word = doc.token_text(token);
    doc.tags.get(token) == Some(&Upos::Noun)
        && word.starts_with(char::is_lowercase)
        && (lexicon::is_occupation(word) || lexicon::is_title(word))
}

pub(super) fn is_organization_noun(doc: &Document, token: usize) -> bool {
    // The tagger reads an unknown compound ("drugmaker") as an adjective
    // as often as a noun, or gives up on it ("X"); "giant" alone is an
    // adjective too.
    let tagged = match doc.tags.get(token) {
        Some(Upos::Noun | Upos::X) => true,
        Some(Upos::Adj) => doc.token_text(token) != "giant",
        _ => false,
    };
    tagged
        && doc.token_text(token).starts_with(char::is_lowercase)
        && lexicon::is_organization_noun(&doc.token_text(token).to_lowercase())
}

/// ", a Norwegian shipping company" right after a name (at `end`).
pub(super) fn called_an_organization_after(doc: &Document, end: usize) -> bool {
    apposition_head_after(doc, end).is_some_and(|head| is_organization_noun(doc, head))
}

/// ", the film producer" right after a name (at `end`): a noun a person
/// can be.
fn occupation_after(doc: &Document, end: usize) -> bool {
    apposition_head_after(doc, end)
        .is_some_and(|head| lexicon::is_occupation(&doc.token_text(head).to_lowercase()))
}

/// "In 1998, the group ...", "After the Winter War, the company ...": a
/// name in a prepositional phrase that opens its sentence or clause; the
/// noun phrase after the comma is the next clause's subject, no
/// apposition to the name.
pub(super) fn in_fronted_phrase(doc: &Document, start: usize) -> bool {
    let sentence = &doc.sentences[doc.sentence_of_token(start).index()].tokens;
    let tag = |t: usize| doc.tags.get(t).copied().unwrap_or(Upos::X);
    let mut t = start;
    while t > sentence.start && matches!(tag(t - 1), Upos::Det | Upos::Adj | Upos::Num) {
        t -= 1;
    }
    // "following the war" opens with a verb in "-ing" used as a preposition.
    let preposition = t > sentence.start
        && (tag(t - 1) == Upos::Adp
            || (tag(t - 1) == Upos::Verb && doc.token_text(t - 1).ends_with("ing")));
    preposition && (t - 1 == sentence.start || doc.token_text(t - 2) == ",")
}

/// The last noun of the noun phrase set off by a comma right after a name
/// (at `end`), unless it is possessed ("X, the firm's founder").
pub(super) fn apposition_head_after(doc: &Document, end: usize) -> Option<usize> {
    let sentence = &doc.sentences[doc.sentence_of_token(end.saturating_sub(1)).index()].tokens;
    if end + 1 >= sentence.end || doc.token_text(end) != "," {
        return None;
    }
    noun_phrase_head_from(doc, end + 1)
}

/// "Velmora is a Danish shipping company": the last noun of the noun
/// phrase a copula says a name opening its sentence is.
pub(super) fn copula_head_after(doc: &Document, name: Range<usize>) -> Option<usize> {
    let sentence = &doc.sentences[doc.sentence_of_token(name.start).index()].tokens;
    let opens = name.start == sentence.start
        || (name.start == sentence.start + 1
            && doc.token_text(sentence.start).eq_ignore_ascii_case("the"));
    // "Velmora (VLM) is a ...": brackets after the name are skipped.
    let mut end = name.end;
    while end < sentence.end && doc.token_text(end) == "(" {
        let close = (end + 1..sentence.end.min(end + 30)).find(|&t| doc.token_text(t) == ")")?;
        end = close + 1;
    }
    let copula =
        end + 1 < sentence.end && matches!(doc.token_text(end), "is" | "was" | "are" | "were");
    (opens && copula && doc.tags.get(end + 1) == Some(&Upos::Det))
        .then(|| noun_phrase_head_from(doc, end + 1))
        .flatten()
}

/// The last noun of the noun phrase starting at `from` (its determiner
/// skipped); a possessor is skipped too: the head of "Norway's
/// parliament" is "parliament", of "the company's chief" "chief".
fn noun_phrase_head_from(doc: &Document, from: usize) -> Option<usize> {
    let tag = |t: usize| doc.tags.get(t).copied().unwrap_or(Upos::X);
    let sentence = &doc.sentences[doc.sentence_of_token(from).index()].tokens;
    let mut t = from;
    if tag(t) == Upos::Det {
        t += 1;
    }
    let phrase_start = t;
    while t < sentence.end
        && t - phrase_start < 5
        && (matches!(tag(t), Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num)
            || hyphen_joined(doc, t))
    {
        t += 1;
    }
    let possessed = t < sentence.end && matches!(doc.token_text(t), "'s" | "’s");
    if possessed && t > phrase_start && t + 1 < sentence.end {
        return noun_phrase_head_from(doc, t + 1);
    }
    (t > phrase_start && !possessed).then_some(t - 1)
}

/// "a Birmingham-based maker": the hyphen between two words written
/// together, and the word after it, whatever their tags.
fn hyphen_joined(doc: &Document, token: usize) -> bool {
    let touching = |a: usize, b: usize| {
        b < doc.tokens.len() && a < b && doc.tokens[a].end == doc.tokens[b].start
    };
    let hyphen =
        |h: usize| h > 0 && doc.token_text(h) == "-" && touching(h - 1, h) && touching(h, h + 1);
    hyphen(token) || (token > 0 && hyphen(token - 1))
}

/// "the pension fund Eikvik", "Danish brewer Hjelmsted": a noun of an
/// organisation in a noun phrase right before `start` (not a title or a
/// date after it, which name no organisation).
pub(super) fn called_an_organization_before(doc: &Document, start: usize) -> bool {
    let sentence = &doc.sentences[doc.sentence_of_token(start).index()].tokens;
    if start <= sentence.start + 1 || !is_organization_noun(doc, start - 1) {
        return false;
    }
    let first = doc.token_text(start);
    let in_noun_phrase = matches!(
        doc.tags.get(start - 2),
        Some(Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn)
    );
    in_noun_phrase && !lexicon::is_title(first) && !lexicon::is_month_or_weekday(first)
}

/// Adds what [`organizations_named_by_apposition`] finds; a name written
/// the same elsewhere ("the software company Kestrel ... Kestrel was
/// founded") is the organisation too, whatever the recogniser read there.
pub(super) fn add_organizations_named_by_apposition(doc: &Document, names: &mut Vec<NameSpan>) {
    let found = organizations_named_by_apposition(doc, names);
    let shown: HashSet<&str> = found
        .iter()
        .map(|(range, _)| doc.slice(doc.token_span(range.clone())))
        .collect();
    names.extend(found);
    same_names_as_organizations(doc, names, &shown);
}

/// "the airline Skyvane": a word with a capital after a lower-case letter
/// is written as a name, whatever the tagger read it as (it reads such
/// unknown words as adjectives too).
pub(super) fn written_as_a_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_alphabetic)
        && word
            .chars()
            .zip(word.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// "SpaceX, the rocket company founded by ...", "the pension fund Eikvik":
/// proper nouns the recogniser left out that the text calls an
/// organisation right after or right before them.
pub(super) fn organizations_named_by_apposition(
    doc: &Document,
    names: &[NameSpan],
) -> Vec<NameSpan> {
    let covered = covered_tokens(doc, names);
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let mut start = sentence.tokens.start;
        for end in sentence.tokens.clone() {
            let proper = !covered[end]
                && (doc.tags.get(end) == Some(&Upos::Propn)
                    && doc.token_text(end).starts_with(char::is_uppercase)
                    || written_as_a_name(doc.token_text(end)))
                && !lexicon::is_function_word(doc.token_text(end));
            if proper {
                continue;
            }
            if start < end
                && end - start <= 4
                && (called_an_organization_after(doc, end) && !in_fronted_phrase(doc, start)
                    || called_an_organization_before(doc, start))
            {
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
pub(super) fn owners_of_corporate_titles(doc: &Document, names: &mut Vec<NameSpan>) {
    let text = |range: Range<usize>| doc.slice(doc.token_span(range));
    let mut shown: HashSet<&str> = HashSet::default();
    for (range, ty) in names.iter_mut() {
        if *ty == EntityType::Organization || lexicon::country(text(range.clone())).is_some() {
            continue;
        }
        let sentence = &doc.sentences[doc.sentence_of_token(range.start).index()].tokens;
        let mut after = range.end;
        if after < sentence.end && matches!(doc.token_text(after), "'s" | "’s") {
            after += 1;
            after = after_time_adjectives(doc, after, sentence.end);
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

/// "Andina's former chief executive", "Kvarn's new chairman": the
/// position after at most two lower-case adjectives that say when or how
/// a title is held.
fn after_time_adjectives(doc: &Document, from: usize, end: usize) -> usize {
    let mut at = from;
    while at < end
        && at - from < 2
        && doc.tags.get(at) == Some(&Upos::Adj)
        && doc.token_text(at).starts_with(char::is_lowercase)
    {
        at += 1;
    }
    at
}

/// News organisations named exactly ("Reuters", "The Washington Post") are
/// organisations, whatever type the recogniser gave them; a match inside a
/// longer capitalised name ("Vice President") is not one.
pub(super) fn news_organizations(doc: &Document, names: &mut Vec<NameSpan>) {
    let capitalised = |t: usize| doc.token_text(t).starts_with(char::is_uppercase);
    for sentence in &doc.sentences {
        // As written: "The Hill" is an outlet, "the hill" is not.
        // Each start is tried at every length: its first word is tested once.
        let mut first_word = (usize::MAX, false);
        let outlets = phrase::leftmost_longest(
            sentence.tokens.clone(),
            lexicon::max_news_organization_words(),
            |range| {
                if first_word.0 != range.start {
                    let starts = lexicon::starts_news_organization(doc.token_text(range.start));
                    first_word = (range.start, starts);
                }
                // Most words start no outlet's name: then no list is built.
                if !first_word.1 {
                    return None;
                }
                let words: Vec<&str> = range.map(|w| doc.token_text(w)).collect();
                lexicon::is_news_organization(&words).then_some(())
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

/// "Hurricane Delia", "Typhoon Haiyan": a storm's name is an event's, not
/// a person's.
pub(super) fn storms_are_events(doc: &Document, names: &mut [NameSpan]) {
    for (range, ty) in names.iter_mut() {
        if range.len() > 1 && lexicon::is_storm_word(doc.token_text(range.start)) {
            *ty = EntityType::Misc;
        }
    }
}
