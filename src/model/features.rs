//! Per-token descriptions computed once and read by both the tagger and the
//! recogniser: hashes of the word, its lower case, shape and affixes, plus
//! orthographic and gazetteer bits.

use crate::lexicon::{self, phrase};
use std::sync::OnceLock;
use xxhash_rust::xxh3::xxh3_64;

pub mod flag {
    pub const INITIAL_CAPITAL: u32 = 1;
    pub const ALL_CAPITALS: u32 = 1 << 1;
    pub const HAS_DIGIT: u32 = 1 << 2;
    pub const ALL_DIGITS: u32 = 1 << 3;
    pub const HAS_HYPHEN: u32 = 1 << 4;
    pub const HAS_PERIOD: u32 = 1 << 5;
    pub const PUNCTUATION: u32 = 1 << 6;
    pub const INNER_CAPITAL: u32 = 1 << 7;
    pub const YEAR: u32 = 1 << 8;
    /// Bits below `1 << COUNT` are the word's own; the tagger reads only those.
    pub const COUNT: u32 = 9;
    /// A line break separates the token from the one before it.
    pub const LINE_BREAK_BEFORE: u32 = 1 << 9;
}

/// The lexicon files behind the gazetteer bits, read through
/// `lexicon::is_title` (titles, their modifiers and portfolios, and the
/// function words a portfolio cannot be), `country_names` (countries and
/// aliases), `demonym_country`, `given_name_gender`, the suffix, month,
/// weekday, function word and abbreviation lists. The recogniser learns
/// from these bits, so a change in one of these files needs `textkg train`;
/// `models/manifest.json` records their hashes. The tagger reads none.
pub const LEXICON_FILES: [&str; 13] = [
    "abbreviations.txt",
    "countries.txt",
    "country_aliases.txt",
    "function_words.txt",
    "given_names.txt",
    "legal_forms.txt",
    "location_suffixes.txt",
    "month_names.txt",
    "organization_suffixes.txt",
    "portfolio_offices.txt",
    "title_modifiers.txt",
    "titles.txt",
    "weekdays.txt",
];

pub mod gazetteer {
    pub const COUNTRY_START: u32 = 1;
    pub const COUNTRY_INSIDE: u32 = 1 << 1;
    pub const DEMONYM: u32 = 1 << 2;
    pub const TITLE: u32 = 1 << 3;
    pub const ORGANIZATION_SUFFIX: u32 = 1 << 4;
    pub const LOCATION_SUFFIX: u32 = 1 << 5;
    pub const MONTH_OR_WEEKDAY: u32 = 1 << 6;
    pub const FUNCTION_WORD: u32 = 1 << 7;
    pub const ABBREVIATION: u32 = 1 << 8;
    /// A common given name ("Mary", "David"), written with a capital.
    pub const GIVEN_NAME: u32 = 1 << 9;
    pub const COUNT: u32 = 10;
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub prefixes: [u64; 3],
    pub suffixes: [u64; 4],
    pub flags: u32,
    pub gazetteer: u32,
}

/// Describes every token of a token sequence (a document or a sentence).
pub fn describe<S: AsRef<str>>(words: &[S]) -> Vec<TokenInfo> {
    let mut shape = String::new();
    let mut short_shape = String::new();
    // A word's description depends on the word alone: each is made once.
    let mut described: HashMap<&str, TokenInfo> =
        HashMap::with_capacity_and_hasher(words.len() / 2, Default::default());
    let mut infos: Vec<TokenInfo> = words
        .iter()
        .map(|w| {
            *described
                .entry(w.as_ref())
                .or_insert_with_key(|w| describe_word(w, &mut shape, &mut short_shape))
        })
        .collect();
    mark_phrases(words, &mut infos);
    infos
}

/// Marks tokens that a line break separates from the token before them.
pub fn mark_line_breaks(text: &str, tokens: &[crate::document::Span], infos: &mut [TokenInfo]) {
    for (k, pair) in tokens.windows(2).enumerate() {
        if text[pair[0].end..pair[1].start].contains('\n') {
            infos[k + 1].flags |= flag::LINE_BREAK_BEFORE;
        }
    }
}

fn describe_word(word: &str, shape: &mut String, short_shape: &mut String) -> TokenInfo {
    let lower_owned;
    let lower = if word.chars().any(char::is_uppercase) {
        lower_owned = word.to_lowercase();
        lower_owned.as_str()
    } else {
        word
    };
    shape.clear();
    short_shape.clear();
    let mut run = 0;
    let mut last = '\0';
    let (mut upper, mut letters, mut digits, mut others) = (0, 0, 0, 0);
    let mut inner_capital = false;
    for (i, c) in word.chars().enumerate() {
        let class = if c.is_uppercase() {
            upper += 1;
            letters += 1;
            inner_capital |= i > 0;
            'X'
        } else if c.is_alphabetic() {
            letters += 1;
            'x'
        } else if c.is_ascii_digit() {
            digits += 1;
            'd'
        } else {
            others += 1;
            c
        };
        if class == last {
            run += 1;
        } else {
            run = 1;
            last = class;
            short_shape.push(class);
        }
        if run <= 4 {
            shape.push(class);
        }
    }
    let mut flags = 0;
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    if first_upper {
        flags |= flag::INITIAL_CAPITAL;
    }
    if upper > 0 && upper == letters && letters > 1 {
        flags |= flag::ALL_CAPITALS;
    }
    if inner_capital && upper < letters {
        flags |= flag::INNER_CAPITAL;
    }
    if digits > 0 {
        flags |= flag::HAS_DIGIT;
        if digits == word.len() {
            flags |= flag::ALL_DIGITS;
            if word.len() == 4 && (word.starts_with("1") || word.starts_with("20")) {
                flags |= flag::YEAR;
            }
        }
    }
    if word.contains('-') {
        flags |= flag::HAS_HYPHEN;
    }
    if word.contains('.') {
        flags |= flag::HAS_PERIOD;
    }
    if letters == 0 && digits == 0 && others > 0 {
        flags |= flag::PUNCTUATION;
    }
    let mut info = TokenInfo {
        word: xxh3_64(word.as_bytes()),
        lower: xxh3_64(lower.as_bytes()),
        shape: xxh3_64(shape.as_bytes()),
        short_shape: xxh3_64(short_shape.as_bytes()),
        flags,
        ..TokenInfo::default()
    };
    // A word shorter than an affix gets the whole word for it.
    let mut prefix_ends = lower.char_indices().map(|(i, _)| i).skip(1);
    for slot in info.prefixes.iter_mut() {
        let end = prefix_ends.next().unwrap_or(lower.len());
        *slot = xxh3_64(&lower.as_bytes()[..end]);
    }
    let mut suffix_starts = lower.char_indices().rev().map(|(i, _)| i);
    for slot in info.suffixes.iter_mut() {
        let start = suffix_starts.next().unwrap_or(0);
        *slot = xxh3_64(&lower.as_bytes()[start..]);
    }
    let mut gaz = 0;
    if lexicon::is_organization_suffix(word) {
        gaz |= gazetteer::ORGANIZATION_SUFFIX;
    }
    if first_upper && lexicon::is_location_suffix(word) {
        gaz |= gazetteer::LOCATION_SUFFIX;
    }
    if lexicon::is_month_or_weekday(word) {
        gaz |= gazetteer::MONTH_OR_WEEKDAY;
    }
    if lexicon::is_sentence_starter(lower) {
        gaz |= gazetteer::FUNCTION_WORD;
    }
    if word.ends_with('.') && lexicon::is_abbreviation(word) {
        gaz |= gazetteer::ABBREVIATION;
    }
    if first_upper && lexicon::demonym_country(word).is_some() {
        gaz |= gazetteer::DEMONYM;
    }
    if first_upper && lexicon::given_name_gender(word).is_some() {
        gaz |= gazetteer::GIVEN_NAME;
    }
    info.gazetteer = gaz;
    info
}

type HashSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

fn country_phrases() -> &'static HashSet<&'static str> {
    static PHRASES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    PHRASES.get_or_init(|| lexicon::country_names().map(|(name, _)| name).collect())
}

const LONGEST_PHRASE: usize = 4;

/// Marks multi-word gazetteer entries: countries ("North Korea") and titles
/// ("Prime Minister").
fn mark_phrases<S: AsRef<str>>(words: &[S], infos: &mut [TokenInfo]) {
    enum Phrase {
        Country,
        Title,
    }
    let countries = country_phrases();
    let mut phrase = String::new();
    for i in 0..words.len() {
        let first = words[i].as_ref();
        if !first.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // Countries as written, titles whatever their case.
        let found = phrase::longest_at(i, words.len(), LONGEST_PHRASE, |range| {
            phrase.clear();
            for (k, word) in words[range.clone()].iter().enumerate() {
                if k > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(word.as_ref());
            }
            if countries.contains(phrase.as_str()) {
                Some(Phrase::Country)
            } else if range.len() <= 3 && lexicon::is_title(&phrase) {
                Some(Phrase::Title)
            } else {
                None
            }
        });
        match found {
            Some((range, Phrase::Country)) => {
                infos[range.start].gazetteer |= gazetteer::COUNTRY_START;
                for info in &mut infos[range.start + 1..range.end] {
                    info.gazetteer |= gazetteer::COUNTRY_INSIDE;
                }
            }
            Some((range, Phrase::Title)) => {
                for info in &mut infos[range] {
                    info.gazetteer |= gazetteer::TITLE;
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteers_mark_countries_titles_and_suffixes() {
        let infos = describe(&[
            "Prime", "Minister", "visited", "North", "Korea", "and", "RAND", "Corp.",
        ]);
        assert_ne!(infos[0].gazetteer & gazetteer::TITLE, 0);
        assert_ne!(infos[1].gazetteer & gazetteer::TITLE, 0);
        assert_ne!(infos[3].gazetteer & gazetteer::COUNTRY_START, 0);
        assert_ne!(infos[4].gazetteer & gazetteer::COUNTRY_INSIDE, 0);
        assert_ne!(infos[7].gazetteer & gazetteer::ORGANIZATION_SUFFIX, 0);
        assert_ne!(infos[6].flags & flag::ALL_CAPITALS, 0);
        assert_eq!(infos[2].gazetteer & gazetteer::TITLE, 0);
        let names = describe(&["Mary", "mary", "Korea"]);
        assert_ne!(names[0].gazetteer & gazetteer::GIVEN_NAME, 0);
        assert_eq!(names[1].gazetteer & gazetteer::GIVEN_NAME, 0);
        assert_eq!(names[2].gazetteer & gazetteer::GIVEN_NAME, 0);
    }

    #[test]
    fn line_breaks_mark_the_token_after_them() {
        use crate::document::Span;
        let text = "Thanks, Ola\nMarta";
        let tokens = [
            Span::new(0, 6),
            Span::new(6, 7),
            Span::new(8, 11),
            Span::new(12, 17),
        ];
        let mut infos = describe(&["Thanks", ",", "Ola", "Marta"]);
        mark_line_breaks(text, &tokens, &mut infos);
        let marked: Vec<bool> = infos
            .iter()
            .map(|i| i.flags & flag::LINE_BREAK_BEFORE != 0)
            .collect();
        assert_eq!(marked, [false, false, false, true]);
    }

    #[test]
    fn shapes_and_affixes_ignore_case_where_they_should() {
        let a = describe(&["Running"]);
        let b = describe(&["running"]);
        assert_eq!(a[0].lower, b[0].lower);
        assert_eq!(a[0].suffixes, b[0].suffixes);
        assert_ne!(a[0].shape, b[0].shape);
        assert_ne!(a[0].word, b[0].word);
    }
}
