//! Names the text itself calls places.

use super::*;
use organizations::{apposition_head_after, copula_head_after, in_fronted_phrase};

/// "Korvala is a village in Finland", "Tarn, a town on the coast", "the
/// municipality of Eskedal": a name the text calls a place is one, and so
/// is the same name elsewhere in the document.
pub(super) fn places_by_apposition(doc: &Document, names: &mut [NameSpan]) {
    let text_of = |range: &Range<usize>| doc.slice(doc.token_span(range.clone()));
    let called: HashSet<&str> = names
        .iter()
        .filter(|(range, ty)| {
            !matches!(ty, EntityType::Date | EntityType::Number)
                && !lexicon::ends_organization_name(doc.token_text(range.end - 1))
                && (apposition_head_after(doc, range.end)
                    .filter(|_| !in_fronted_phrase(doc, range.start))
                    .or_else(|| copula_head_after(doc, range.clone()))
                    .is_some_and(|head| is_place_noun(doc, head))
                    || after_a_place_noun_and_of(doc, range.start))
        })
        .map(|(range, _)| text_of(range))
        .collect();
    for (range, ty) in names.iter_mut() {
        if !matches!(ty, EntityType::Date | EntityType::Number) && called.contains(text_of(range)) {
            *ty = EntityType::Location;
        }
    }
}

/// "the municipality of Eskedal": a place's kind and "of" right before
/// the name.
fn after_a_place_noun_and_of(doc: &Document, start: usize) -> bool {
    let sentence = &doc.sentences[doc.sentence_of_token(start).index()].tokens;
    start >= sentence.start + 2
        && doc.token_text(start - 1) == "of"
        && is_place_noun(doc, start - 2)
}

fn is_place_noun(doc: &Document, token: usize) -> bool {
    let word = doc.token_text(token);
    matches!(doc.tags.get(token), Some(Upos::Noun | Upos::X))
        && word.starts_with(char::is_lowercase)
        && lexicon::is_place_noun(word)
}

/// The endings of words naming a people or a region's things ("Nordic",
/// "Korean", "Balkan", "Maltese", "Flemish").
const ADJECTIVE_ENDINGS: [&str; 4] = ["an", "ic", "ese", "ish"];

/// "the Nordic biotech sector", "the Korean steelmaker Hanbit": a one-word
/// place GeoNames does not know, ending like an adjective of a people or a
/// region and modifying the lower-case noun or adjective after it, is no
/// place's name (a demonym of one country is read as its country
/// elsewhere; "Korean" or "Nordic" names no one place).
pub(super) fn adjectives_read_as_places(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    names
        .into_iter()
        .filter(|(range, ty)| {
            if *ty != EntityType::Location || range.len() != 1 {
                return true;
            }
            let word = doc.token_text(range.start);
            // "Sichuan province", "the Kurdistan region": a place's own
            // noun after it says it is a place's name.
            let modifies = range.end < doc.tokens.len()
                && doc.token_text(range.end).starts_with(char::is_lowercase)
                && matches!(doc.tags.get(range.end), Some(Upos::Noun | Upos::Adj))
                && !lexicon::is_place_noun(doc.token_text(range.end));
            let adjective = word.starts_with(char::is_uppercase)
                && ADJECTIVE_ENDINGS
                    .iter()
                    .any(|ending| word.ends_with(ending));
            !(modifies
                && adjective
                && place_named(doc, range.clone()).is_none()
                && lexicon::country(word).is_none()
                && lexicon::demonym_country(word).is_none())
        })
        .collect()
}
