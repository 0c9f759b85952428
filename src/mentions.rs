//! Stage 3: tokens → entity mentions.
//!
//! Names come from a recogniser (the trained model, or the capitalisation
//! rules below when no model is given); this stage then adds what a name
//! recogniser does not: the title or role written before a person's name,
//! demonyms standing for their country, and pronouns for coreference.

use crate::document::{Document, EntityType, Mention, MentionKind, SentenceId, Span};
use crate::lexicon;
use std::collections::HashMap;
use std::ops::Range;

/// A name found by a recogniser: a token range and its type.
pub type NameSpan = (Range<usize>, EntityType);

/// Detects mentions with the capitalisation rules.
pub fn detect(doc: &mut Document) {
    let names = rule_names(doc);
    add_mentions(doc, names);
}

/// Turns recognised names into mentions and adds roles, demonyms and pronouns.
pub fn add_mentions(doc: &mut Document, mut names: Vec<NameSpan>) {
    names.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut mentions = Vec::with_capacity(names.len() * 2);
    let mut covered = vec![false; doc.tokens.len()];
    let mut last_end = 0;
    for (range, ty) in names {
        if range.start < last_end || range.is_empty() {
            continue;
        }
        let Some((range, ty, role)) = refine_name(doc, range, ty) else {
            continue;
        };
        last_end = range.end;
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
        let kind = if lexicon::demonym_country(doc.slice(doc.token_span(range.clone()))).is_some()
            && ty != EntityType::Person
        {
            MentionKind::Demonym
        } else {
            MentionKind::Name
        };
        mentions.push(make_mention(doc, range, ty, kind, role));
    }
    for range in demonym_ranges(doc, &covered) {
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
        if let Some(ty) = pronoun_type(doc.token_text(token)) {
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

/// Personal and possessive pronouns that can stand for a named entity.
pub fn pronoun_type(word: &str) -> Option<EntityType> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => {
            Some(EntityType::Person)
        }
        "they" | "them" | "their" | "its" | "itself" => Some(EntityType::Misc),
        _ => None,
    }
}

/// Pronouns for a female referent, to keep them from male names' entities.
pub fn pronoun_gender(word: &str) -> Option<char> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some('m'),
        "she" | "her" | "hers" | "herself" => Some('f'),
        _ => None,
    }
}

/// Trims a recognised name: a leading title becomes the role, a leading
/// article or a trailing possessive is dropped.
fn refine_name(
    doc: &Document,
    mut range: Range<usize>,
    mut ty: EntityType,
) -> Option<(Range<usize>, EntityType, Option<Span>)> {
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
    while range.len() > 1 && matches!(doc.token_text(range.end - 1), "'s" | "’s" | "'" | "’") {
        range.end -= 1;
    }
    let mut role = None;
    if let Some(title_end) = leading_title(doc, range.clone()) {
        if title_end < range.end {
            role = Some(doc.token_span(range.start..title_end));
            range.start = title_end;
            ty = EntityType::Person;
        } else {
            return None;
        }
    }
    if role.is_none() && ty == EntityType::Person {
        role = role_before(doc, range.start);
    }
    Some((range, ty, role))
}

/// The end of the longest title at the start of `range`, if any.
fn leading_title(doc: &Document, range: Range<usize>) -> Option<usize> {
    let mut end = None;
    let mut start = range.start;
    // Titles stack: "Then Vice President", "former Secretary of State".
    loop {
        let mut found = None;
        for words in (1..=lexicon::max_title_words()).rev() {
            if start + words > range.end {
                continue;
            }
            let span = doc.token_span(start..start + words);
            if lexicon::is_title(doc.slice(span)) {
                found = Some(start + words);
                break;
            }
        }
        match found {
            Some(next) => {
                end = Some(next);
                start = next;
            }
            None => return end,
        }
    }
}

/// A title written in lower case just before a person's name, with the
/// place or organisation it belongs to: "North Korean leader", "former
/// senator".
fn role_before(doc: &Document, name_start: usize) -> Option<Span> {
    let sentence_start = doc.sentences[doc.sentence_of_token(name_start).index()]
        .tokens
        .start;
    for words in (1..=lexicon::max_title_words()).rev() {
        if name_start < sentence_start + words {
            continue;
        }
        let start = name_start - words;
        let span = doc.token_span(start..name_start);
        let text = doc.slice(span);
        if !lexicon::is_title(text) || text.contains(',') {
            continue;
        }
        let mut role_start = start;
        // Extend over a demonym or country before the title: "North Korean leader".
        for width in (1..=3).rev() {
            if role_start < sentence_start + width {
                continue;
            }
            let modifier = doc.slice(doc.token_span(role_start - width..role_start));
            if lexicon::demonym_country(modifier).is_some() || lexicon::country(modifier).is_some()
            {
                role_start -= width;
                break;
            }
        }
        return Some(doc.token_span(role_start..name_start));
    }
    None
}

/// Demonyms outside names: "North Korean", "Libyan", "Americans".
fn demonym_ranges(doc: &Document, covered: &[bool]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut token = 0;
    while token < doc.tokens.len() {
        let mut matched = None;
        for width in (1..=3).rev() {
            let end = token + width;
            if end > doc.tokens.len() || covered[token..end].iter().any(|c| *c) {
                continue;
            }
            let text = doc.slice(doc.token_span(token..end));
            if text.starts_with(char::is_uppercase) && lexicon::demonym_country(text).is_some() {
                matched = Some(token..end);
                break;
            }
        }
        match matched {
            Some(range) => {
                token = range.end;
                ranges.push(range);
            }
            None => token += 1,
        }
    }
    ranges
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "de" | "du" | "da" | "von" | "van" | "der" | "al" | "bin" | "la" | "le" | "&" | "-"
    )
}

/// Capitalised runs with a type from their words: the fallback recogniser
/// used when no trained model is loaded.
pub fn rule_names(doc: &Document) -> Vec<NameSpan> {
    let mut candidates: Vec<(Range<usize>, bool)> = Vec::new();
    for sentence in &doc.sentences {
        let mut token = sentence.tokens.start;
        while token < sentence.tokens.end {
            let word = doc.token_text(token);
            let at_start = token == sentence.tokens.start
                || (token == sentence.tokens.start + 1
                    && !doc
                        .token_text(sentence.tokens.start)
                        .starts_with(char::is_alphanumeric));
            if !is_capitalised(word) || (at_start && lexicon::is_function_word(word)) {
                token += 1;
                continue;
            }
            let mut end = token + 1;
            while end < sentence.tokens.end {
                let next = doc.token_text(end);
                if is_capitalised(next) && !lexicon::is_month_or_weekday(next) {
                    end += 1;
                } else if is_connector(next)
                    && end + 1 < sentence.tokens.end
                    && is_capitalised(doc.token_text(end + 1))
                    && (next != "-" || doc.tokens[end].start == doc.tokens[end - 1].end)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            candidates.push((token..end, at_start));
            token = end;
        }
    }
    // Words seen capitalised mid-sentence are names wherever they stand.
    let mid_sentence: std::collections::HashSet<&str> = candidates
        .iter()
        .filter(|(range, at_start)| !at_start || range.len() > 1)
        .flat_map(|(range, _)| {
            std::iter::once(doc.slice(doc.token_span(range.clone())))
                .chain(range.clone().map(|t| doc.token_text(t)))
        })
        .collect();
    let headline: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| is_headline(doc, s.tokens.clone()))
        .collect();
    let mut names: Vec<NameSpan> = Vec::new();
    for (range, at_start) in split_hyphenated_pairs(doc, candidates, &mid_sentence) {
        let text = doc.slice(doc.token_span(range.clone()));
        let known_elsewhere = mid_sentence.contains(text) || lexicon::country(text).is_some();
        let acronym = text.len() >= 2 && text.chars().all(|c| c.is_uppercase() || c == '.');
        if at_start && range.len() == 1 && !known_elsewhere && !acronym {
            continue;
        }
        // Title case says nothing in a headline: keep only names known from prose.
        if headline[doc.sentence_of_token(range.start).index()] && !known_elsewhere {
            continue;
        }
        if let Some(ty) = classify(doc, range.clone()) {
            names.push((range, ty));
        }
    }
    names.extend(date_and_number_names(doc));
    names.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    resolve_single_words(doc, &mut names);
    names
}

/// A line in title case without closing punctuation: a headline.
fn is_headline(doc: &Document, tokens: Range<usize>) -> bool {
    let last = doc.token_text(tokens.end - 1);
    if matches!(last, "." | "!" | "?") {
        return false;
    }
    let words: Vec<&str> = tokens
        .map(|t| doc.token_text(t))
        .filter(|w| w.chars().any(char::is_alphabetic) && !lexicon::is_function_word(w))
        .collect();
    let capitalised = words.iter().filter(|w| is_capitalised(w)).count();
    words.len() >= 3 && capitalised * 5 >= words.len() * 4
}

/// "Trump-Kim": a hyphenated run whose parts are each names elsewhere in
/// the document is two names, not one.
fn split_hyphenated_pairs(
    doc: &Document,
    candidates: Vec<(Range<usize>, bool)>,
    known: &std::collections::HashSet<&str>,
) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::with_capacity(candidates.len());
    for (range, at_start) in candidates {
        let hyphen = range.clone().find(|&t| doc.token_text(t) == "-");
        match hyphen {
            Some(h) if h > range.start && h + 1 < range.end => {
                let left = doc.slice(doc.token_span(range.start..h));
                let right = doc.slice(doc.token_span(h + 1..range.end));
                let standalone =
                    |part: &str| known.contains(part) && doc.text.matches(part).count() > 1;
                if standalone(left) && standalone(right) && !left.contains(' ') {
                    out.push((range.start..h, at_start));
                    out.push((h + 1..range.end, false));
                } else {
                    out.push((range, at_start));
                }
            }
            _ => out.push((range, at_start)),
        }
    }
    out
}

/// Types a capitalised run from its own words and the word before it.
fn classify(doc: &Document, range: Range<usize>) -> Option<EntityType> {
    let text = doc.slice(doc.token_span(range.clone()));
    let first = doc.token_text(range.start);
    let last = doc.token_text(range.end - 1);
    if lexicon::is_month_or_weekday(first) {
        return None;
    }
    if lexicon::country(text).is_some() {
        return Some(EntityType::Location);
    }
    if lexicon::demonym_country(text).is_some() {
        return Some(EntityType::Misc);
    }
    if lexicon::is_organization_suffix(last) {
        return Some(EntityType::Organization);
    }
    if lexicon::is_location_suffix(last) {
        return Some(EntityType::Location);
    }
    if leading_title(doc, range.clone()).is_some() {
        return Some(EntityType::Person);
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if range.len() == 1 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return Some(EntityType::Organization);
    }
    let before = range
        .start
        .checked_sub(1)
        .map(|t| doc.token_text(t).to_lowercase());
    if range.len() == 1
        && matches!(
            before.as_deref(),
            Some("in" | "at" | "from" | "near" | "to")
        )
    {
        return Some(EntityType::Location);
    }
    let words = doc.tokens[range.clone()]
        .iter()
        .filter(|s| doc.slice(**s).chars().any(char::is_alphabetic))
        .count();
    if (2..=4).contains(&words) && !text.contains(" of ") {
        return Some(EntityType::Person);
    }
    Some(EntityType::Misc)
}

/// A single word standing for a longer name of the document takes that
/// name's type: "Kim" after "Kim Jong Un", "RAND" after "RAND Corporation".
fn resolve_single_words(doc: &Document, names: &mut [NameSpan]) {
    let mut part_types: HashMap<&str, EntityType> = HashMap::new();
    for (range, ty) in names.iter() {
        if range.len() > 1 && matches!(ty, EntityType::Person | EntityType::Organization) {
            for token in range.clone() {
                part_types.entry(doc.token_text(token)).or_insert(*ty);
            }
        }
    }
    for (range, ty) in names.iter_mut() {
        if range.len() == 1 && matches!(ty, EntityType::Misc | EntityType::Location) {
            let word = doc.token_text(range.start);
            if lexicon::country(word).is_some() {
                continue;
            }
            if let Some(known) = part_types.get(word) {
                *ty = *known;
            }
        }
    }
}

/// Dates ("May 25, 2018", "June 12", "1994") and numbers.
fn date_and_number_names(doc: &Document) -> Vec<NameSpan> {
    let mut names = Vec::new();
    let is_year =
        |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y));
    let is_day = |w: &str| w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let mut token = 0;
    while token < doc.tokens.len() {
        let word = doc.token_text(token);
        let sentence_end = doc.sentences[doc.sentence_of_token(token).index()]
            .tokens
            .end;
        let text_at = |t: usize| (t < sentence_end).then(|| doc.token_text(t));
        if lexicon::is_month_or_weekday(word) && is_capitalised(word) {
            let mut end = token + 1;
            if text_at(end).is_some_and(is_day) {
                end += 1;
            }
            if text_at(end) == Some(",") && text_at(end + 1).is_some_and(is_year) {
                end += 2;
            } else if text_at(end).is_some_and(is_year) {
                end += 1;
            }
            let is_month = !matches!(
                word,
                "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
            );
            // "May" alone is more often the verb.
            if end > token + 1 || !is_month || word != "May" {
                names.push((token..end, EntityType::Date));
            }
            token = end;
            continue;
        }
        if is_year(word) {
            names.push((token..token + 1, EntityType::Date));
        } else if word.starts_with(|c: char| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            let mut end = token + 1;
            if text_at(end).is_some_and(|w| {
                matches!(
                    w,
                    "million" | "billion" | "trillion" | "thousand" | "hundred" | "percent"
                )
            }) {
                end += 1;
            }
            names.push((token..end, EntityType::Number));
            token = end;
            continue;
        }
        token += 1;
    }
    names
}

/// The sentence a mention lies in.
pub fn sentence_span(doc: &Document, sentence: SentenceId) -> Span {
    doc.sentences[sentence.index()].span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    fn mentions(text: &str) -> Vec<(String, EntityType, MentionKind, Option<String>)> {
        let mut doc = Document::new("t", text);
        text::segment(&mut doc);
        detect(&mut doc);
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
    fn lower_case_roles_keep_their_country() {
        let found = mentions("He met Chilean president Ana Soto in Lima.");
        let ana = found
            .iter()
            .find(|m| m.0 == "Ana Soto")
            .expect("Ana Soto found");
        assert_eq!(ana.3.as_deref(), Some("Chilean president"));
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
}
