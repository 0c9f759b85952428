//! The one phrase matcher: the longest run of tokens, at most `max_words`
//! long, that the caller's `matches` accepts. The matcher knows nothing of
//! case; each caller's `matches` looks the phrase up under its list's case
//! rule (written at the top of each lexicon file).

use std::ops::Range;

/// The longest phrase starting at `start` and ending at or before `end`.
pub fn longest_at<T>(
    start: usize,
    end: usize,
    max_words: usize,
    mut matches: impl FnMut(Range<usize>) -> Option<T>,
) -> Option<(Range<usize>, T)> {
    let longest = max_words.min(end.saturating_sub(start));
    (1..=longest).rev().find_map(|words| {
        let phrase = start..start + words;
        matches(phrase.clone()).map(|found| (phrase, found))
    })
}

/// The longest phrase ending at `end` and starting at or after `floor`.
pub fn longest_ending_at<T>(
    floor: usize,
    end: usize,
    max_words: usize,
    mut matches: impl FnMut(Range<usize>) -> Option<T>,
) -> Option<(Range<usize>, T)> {
    let longest = max_words.min(end.saturating_sub(floor));
    (1..=longest).rev().find_map(|words| {
        let phrase = end - words..end;
        matches(phrase.clone()).map(|found| (phrase, found))
    })
}

/// Every phrase in `tokens`, leftmost first, each the longest there, none
/// overlapping: after a match the scan goes on at its end.
pub fn leftmost_longest<T>(
    tokens: Range<usize>,
    max_words: usize,
    mut matches: impl FnMut(Range<usize>) -> Option<T>,
) -> Vec<(Range<usize>, T)> {
    let mut found = Vec::new();
    let mut start = tokens.start;
    while start < tokens.end {
        match longest_at(start, tokens.end, max_words, &mut matches) {
            Some((phrase, value)) => {
                start = phrase.end;
                found.push((phrase, value));
            }
            None => start += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: [&str; 6] = ["the", "New", "York", "Times", "said", "so"];

    fn phrase_in(list: &'static [&'static str]) -> impl FnMut(Range<usize>) -> Option<()> {
        move |range: Range<usize>| {
            list.contains(&WORDS[range].join(" ").as_str())
                .then_some(())
        }
    }

    #[test]
    fn the_longest_phrase_wins_at_either_end() {
        let list = &["New York", "New York Times", "Times", "York Times"];
        assert_eq!(
            longest_at(1, 6, 4, phrase_in(list)).map(|m| m.0),
            Some(1..4)
        );
        assert_eq!(
            longest_at(1, 3, 4, phrase_in(list)).map(|m| m.0),
            Some(1..3)
        );
        assert_eq!(longest_at(1, 6, 1, phrase_in(list)), None);
        assert_eq!(
            longest_ending_at(0, 4, 4, phrase_in(list)).map(|m| m.0),
            Some(1..4)
        );
        assert_eq!(
            longest_ending_at(2, 4, 4, phrase_in(list)).map(|m| m.0),
            Some(2..4)
        );
    }

    #[test]
    fn a_scan_takes_the_leftmost_longest_phrases_without_overlap() {
        let list = &["New York", "York Times", "said", "so"];
        let found: Vec<Range<usize>> = leftmost_longest(0..6, 3, phrase_in(list))
            .into_iter()
            .map(|m| m.0)
            .collect();
        assert_eq!(found, [1..3, 4..5, 5..6]);
    }
}
