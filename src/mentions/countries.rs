//! Rule `country-names`: a country's name of several words is one place,
//! however the recogniser cut or typed it.

use super::{NameSpan, claim_spans};
use crate::document::{Document, EntityType};
use crate::lexicon;
use crate::model::places::{LONGEST_NAME, PlaceKind, Places};
use std::ops::Range;

/// "Bosnia and Herzegovina", "Sao Tome and Principe", "the Democratic
/// Republic of Congo": the recogniser reads a coordination or an "of" in a
/// country's name as two names, or the whole as an organisation. A run of
/// two to five words that GeoNames (or the country list) names as a
/// country, in the text's spelling or with "the" after its "of" ("Republic
/// of Congo" for GeoNames' "Republic of the Congo"), becomes one place and
/// replaces the names inside it. A longer name around it ("Central Bank of
/// the Dominican Republic") is left alone.
pub(super) fn country_names(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    claim_spans(doc, names, EntityType::Location, country_at)
}

/// The longest country name of two or more words starting at `start`,
/// within one sentence.
fn country_at(doc: &Document, start: usize) -> Option<Range<usize>> {
    if !doc.token_text(start).starts_with(char::is_uppercase) {
        return None;
    }
    let sentence_end = doc
        .sentences
        .get(doc.sentence_of_token(start).index())
        .map_or(doc.tokens.len(), |s| s.tokens.end);
    // GeoNames' longest name starting with this word; "the" added after
    // "of" makes a name one word longer than the text's.
    let longest = Places::embedded()
        .longest_starting_with(doc.token_text(start))
        .min(LONGEST_NAME)
        .min(sentence_end - start);
    (2..=longest).rev().find_map(|len| {
        let words: Vec<&str> = (start..start + len).map(|t| doc.token_text(t)).collect();
        let last = words[len - 1];
        (last.starts_with(char::is_uppercase) && is_country(&words)).then(|| start..start + len)
    })
}

fn is_country(words: &[&str]) -> bool {
    let names_country = |name: &str| {
        Places::embedded()
            .get(name)
            .is_some_and(|place| place.kind == PlaceKind::Country)
            || lexicon::country(name).is_some()
    };
    let name = words.join(" ");
    if names_country(&name) {
        return true;
    }
    let with_the = name.replacen(" of ", " of the ", 1);
    with_the != name && names_country(&with_the)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{names, tagged};
    use super::*;
    use EntityType::*;

    fn text_of(doc: &Document, names: &[NameSpan]) -> Vec<(String, EntityType)> {
        names
            .iter()
            .map(|(range, ty)| (doc.slice(doc.token_span(range.clone())).to_string(), *ty))
            .collect()
    }

    /// (text, the recogniser's names, the names after the rule).
    #[test]
    fn a_country_named_in_several_words_is_one_place() {
        for (text, found, after) in [
            (
                "Delegates from Bosnia and Herzegovina arrived in Vienna on Monday.",
                vec![
                    ("Bosnia", Location),
                    ("Herzegovina", Location),
                    ("Vienna", Location),
                ],
                vec![("Bosnia and Herzegovina", Location), ("Vienna", Location)],
            ),
            (
                "Aid convoys crossed into the Democratic Republic of Congo at dawn.",
                vec![("Democratic Republic of Congo", Organization)],
                vec![("Democratic Republic of Congo", Location)],
            ),
            (
                "Fishing crews from Sao Tome and Principe landed a record catch.",
                vec![("Sao Tome", Person), ("Principe", Person)],
                vec![("Sao Tome and Principe", Location)],
            ),
            (
                "The Central Bank of the Dominican Republic raised rates on Friday.",
                vec![("Central Bank of the Dominican Republic", Organization)],
                vec![("Central Bank of the Dominican Republic", Organization)],
            ),
            (
                "Anna Berg of Kestrel Mining met envoys from Papua New Guinea.",
                vec![("Anna Berg", Person), ("Kestrel Mining", Organization)],
                vec![
                    ("Anna Berg", Person),
                    ("Kestrel Mining", Organization),
                    ("Papua New Guinea", Location),
                ],
            ),
        ] {
            let doc = tagged(text, &[]);
            let mut spans = Vec::new();
            let mut from = 0;
            for (part, ty) in &found {
                let at = from + text[from..].find(part).expect("part in text");
                spans.extend(names(&doc, &[&text[at..at + part.len()]], *ty));
                from = at + part.len();
            }
            let result = text_of(&doc, &country_names(&doc, spans));
            let expected: Vec<(String, EntityType)> =
                after.iter().map(|(t, ty)| (t.to_string(), *ty)).collect();
            assert_eq!(result, expected, "{text}");
        }
    }
}
