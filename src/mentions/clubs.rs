//! Rule `clubs-by-first-word`: a sports club named by a club's first word.

use super::{NameSpan, claim_spans};
use crate::document::{Document, EntityType};
use crate::lexicon;
use std::ops::Range;

/// The most capitalised words after a club's first word that its name takes.
const MAX_WORDS_AFTER: usize = 2;

/// "a 2-1 win over holders Real Corvix", "Sporting Arvale beat …": a word
/// of `club_prefixes.txt` followed by one or two capitalised words (not in
/// capitals alone: "Real GDP") names a club, an organisation, whatever the
/// recogniser read there; the names inside it give way, and a longer name
/// around it stays.
pub(super) fn clubs_by_first_word(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    claim_spans(doc, names, EntityType::Organization, club_at)
}

fn club_at(doc: &Document, start: usize) -> Option<Range<usize>> {
    if !lexicon::is_club_prefix(doc.token_text(start)) {
        return None;
    }
    let sentence_end = doc
        .sentences
        .get(doc.sentence_of_token(start).index())
        .map_or(doc.tokens.len(), |s| s.tokens.end);
    let title_case = |t: usize| {
        let word = doc.token_text(t);
        word.starts_with(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase)
            && !lexicon::is_sentence_starter(&word.to_lowercase())
    };
    let end = (start + 1..sentence_end.min(start + 1 + MAX_WORDS_AFTER))
        .take_while(|&t| title_case(t))
        .last()?;
    Some(start..end + 1)
}

/// The club's name without its first word ("Corvix" of "Real Corvix"),
/// for a name `range` that starts with one.
pub(super) fn club_short_form(doc: &Document, range: &Range<usize>) -> Option<Range<usize>> {
    (range.len() >= 2 && lexicon::is_club_prefix(doc.token_text(range.start)))
        .then(|| range.start + 1..range.end)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{names, tagged};
    use super::*;
    use EntityType::*;

    /// (text, the recogniser's names, the club found).
    #[test]
    fn a_clubs_first_word_and_the_capitalised_words_after_it_name_a_club() {
        for (text, found, club) in [
            (
                "Velmont won 2-1 over holders Real Corvix on Wednesday.",
                vec![("Velmont", Organization)],
                Some("Real Corvix"),
            ),
            (
                "Sporting Arvale drew with Velmont in Lisbon.",
                vec![("Arvale", Person), ("Velmont", Organization)],
                Some("Sporting Arvale"),
            ),
            (
                "Real GDP grew by 2 percent in Spain.",
                vec![("Spain", Location)],
                None,
            ),
            (
                "Racing drivers met in Monaco on Sunday.",
                vec![("Monaco", Location)],
                None,
            ),
        ] {
            let doc = tagged(text, &[]);
            let given: Vec<&str> = found.iter().map(|(t, _)| *t).collect();
            let mut spans = Vec::new();
            for ((range, _), (_, ty)) in names(&doc, &given, Person).into_iter().zip(&found) {
                spans.push((range, *ty));
            }
            let after = clubs_by_first_word(&doc, spans);
            let organizations: Vec<&str> = after
                .iter()
                .filter(|(_, ty)| *ty == Organization)
                .map(|(range, _)| doc.slice(doc.token_span(range.clone())))
                .filter(|name| name.contains(' '))
                .collect();
            assert_eq!(
                organizations,
                club.into_iter().collect::<Vec<_>>(),
                "{text}"
            );
        }
    }
}
