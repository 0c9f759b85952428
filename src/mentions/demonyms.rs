//! Demonyms standing for their country, and where one names a language.

use super::*;

/// "studied English at", "translated into Arabic": a demonym standing
/// alone as the object of a verb or preposition names a language, no
/// country ("is French" and "the French" are kept).
pub(super) fn names_a_language(doc: &Document, range: Range<usize>) -> bool {
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
pub(super) fn demonym_ranges(doc: &Document, covered: &[bool]) -> Vec<Range<usize>> {
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
