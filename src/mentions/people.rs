//! Rules that find or type people's names from the rest of the document:
//! surname particles, surnames read as places, parts of names and lone
//! names named elsewhere.

use super::*;

/// "Laurence des Cars, the museum's director,", read as an organisation: a
/// capitalised word, a surname particle and a capitalised word, with a
/// common given name first or a person's title set off after it, name a
/// person.
pub(super) fn people_with_surname_particles(doc: &Document, names: &mut [NameSpan]) {
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

/// The last words of the names read as people in full ("Florence" of
/// "Ana Florence").
pub(super) fn surnames_of_full_names<'a>(
    doc: &'a Document,
    names: &[NameSpan],
) -> HashSet<&'a str> {
    names
        .iter()
        .filter(|(range, ty)| *ty == EntityType::Person && range.len() > 1)
        .map(|(range, _)| doc.token_text(range.end - 1))
        .collect()
}

/// "Florence was born in Bern" after "Ana Florence": a surname of a
/// person the text names in full, read as a place, is that person unless a
/// preposition of place comes before it ("moved to Florence").
pub(super) fn surnames_read_as_places(doc: &Document, names: &mut [NameSpan]) {
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

/// A surname or an organisation's name without its suffix, standing alone
/// elsewhere in the document ("a Brandt spokesman" after "Brandt
/// Corporation"), is a name the recogniser missed: the document tells its type.
pub(super) fn name_parts_elsewhere(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let mut parts: HashMap<&str, Option<EntityType>> = HashMap::default();
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
    let mut acronyms: HashMap<String, Option<EntityType>> = HashMap::default();
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
            // line is not "Carter College").
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

/// "Foreign Minister Dahl will travel": one to three capitalised proper
/// nouns right after a capitalised title, that no name covers, are a
/// person. Not in a title-case line, where every word is capitalised.
pub(super) fn people_after_titles(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let mut covered = vec![false; doc.tokens.len()];
    for (range, _) in names {
        covered[range.clone()].fill(true);
    }
    let name_word = |t: usize| {
        let word = doc.token_text(t);
        !covered[t]
            && doc.tags[t] == Upos::Propn
            && word.starts_with(char::is_uppercase)
            && !lexicon::is_function_word(word)
            && !lexicon::is_title(word)
            && !lexicon::is_month_or_weekday(word)
    };
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let tokens = sentence.tokens.clone();
        if capitalises_every_content_word(doc, tokens.clone()) {
            continue;
        }
        let mut t = tokens.start + 1;
        while t < tokens.end {
            let after_title = name_word(t)
                && title_ending_at(doc, tokens.start, t)
                    .is_some_and(|start| doc.token_text(start).starts_with(char::is_uppercase));
            if !after_title {
                t += 1;
                continue;
            }
            let mut end = t + 1;
            while end < tokens.end && end - t < 3 && name_word(end) {
                end += 1;
            }
            found.push((t..end, EntityType::Person));
            t = end;
        }
    }
    found
}
