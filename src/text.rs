//! Stage 1: text → tokens and sentences, as byte spans into the original.
//!
//! Tokens follow the conventions of the Universal Dependencies English
//! treebank: punctuation, hyphens between words, possessive `'s` and
//! contractions (`does|n't`) are tokens of their own; abbreviations
//! ("U.S.", "Mr.") and initials ("W.") keep their period.

use crate::document::{Document, Sentence, Span};
use crate::lexicon;

/// Splits the document's text into tokens and sentences.
pub fn segment(doc: &mut Document) {
    doc.tokens = tokenize(&doc.text);
    doc.sentences = split_sentences(&doc.text, &doc.tokens);
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x200D)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// A token is cut into pieces of at most this many bytes: no word or URL of
/// a news text is longer, and a run of thousands of letters is no word.
pub const MAX_TOKEN_BYTES: usize = 512;

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut tokens = tokenize_uncapped(text);
    if tokens.iter().any(|t| t.len() > MAX_TOKEN_BYTES) {
        tokens = tokens
            .into_iter()
            .flat_map(|token| cut_token(text, token))
            .collect();
    }
    tokens
}

/// Cuts a token longer than [`MAX_TOKEN_BYTES`] at character boundaries.
fn cut_token(text: &str, token: Span) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut start = token.start;
    while token.end - start > MAX_TOKEN_BYTES {
        let mut end = start + MAX_TOKEN_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        pieces.push(Span::new(start, end));
        start = end;
    }
    pieces.push(Span::new(start, token.end));
    pieces
}

fn tokenize_uncapped(text: &str) -> Vec<Span> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chunk_start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                split_chunk(text, start, i, &mut tokens);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(text, start, text.len(), &mut tokens);
    }
    tokens
}

/// Splits one whitespace-free chunk into tokens.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let chunk = &text[start..end];
    if is_url_or_email(chunk) {
        let trimmed = chunk.trim_end_matches(['.', ',', ')', ';', ':', '!', '?', '"', '\'']);
        out.push(Span::new(start, start + trimmed.len()));
        split_punct_run(text, start + trimmed.len(), end, out);
        return;
    }
    let mut pos = start;
    while pos < end {
        let c = text[pos..].chars().next().expect("pos < end");
        if is_word_char(c) {
            let word_end = scan_word(text, pos, end);
            pos = push_word(text, pos, word_end, end, out);
        } else {
            let len = punct_token_len(text, pos, end);
            out.push(Span::new(pos, pos + len));
            pos += len;
        }
    }
}

fn split_punct_run(text: &str, mut pos: usize, end: usize, out: &mut Vec<Span>) {
    while pos < end {
        let len = punct_token_len(text, pos, end);
        out.push(Span::new(pos, pos + len));
        pos += len;
    }
}

fn is_url_or_email(chunk: &str) -> bool {
    let lower = chunk.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (chunk.contains('@')
            && chunk.contains('.')
            && chunk.chars().next().is_some_and(char::is_alphanumeric))
}

/// Length of a punctuation token starting at `pos`: runs of the same
/// character ("...", "--", "!!") stay together.
fn punct_token_len(text: &str, pos: usize, end: usize) -> usize {
    let c = text[pos..end].chars().next().expect("pos < end");
    let mut len = c.len_utf8();
    if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_') {
        for next in text[pos + len..end].chars() {
            if next == c {
                len += next.len_utf8();
            } else {
                break;
            }
        }
    }
    len
}

/// End of the word starting at `pos`: letters and digits, with inner
/// periods (abbreviations, decimals), inner commas and colons between digits
/// ("1,000", "10:30") and inner apostrophes that are not clitics ("O'Brien").
fn scan_word(text: &str, pos: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    loop {
        while i < end {
            let c = text[i..].chars().next().expect("i < end");
            if is_word_char(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if i + 1 >= end {
            return i;
        }
        let sep = bytes[i];
        if !sep.is_ascii() {
            return i;
        }
        let next = text[i + 1..].chars().next().expect("i + 1 < end");
        let prev = text[..i].chars().next_back().expect("i > pos");
        let joins = match sep {
            b'.' => is_word_char(next) && (prev.is_ascii_digit() == next.is_ascii_digit()),
            b',' | b':' => prev.is_ascii_digit() && next.is_ascii_digit(),
            b'\'' => next.is_alphabetic() && !is_clitic_at(text, i, end) && prev.is_alphabetic(),
            b'&' => prev.is_uppercase() && next.is_uppercase(),
            _ => false,
        };
        if joins {
            i += 1;
        } else {
            return i;
        }
    }
}

const CLITICS: [&str; 7] = ["s", "re", "ve", "ll", "d", "m", "t"];

fn is_clitic_at(text: &str, apostrophe: usize, end: usize) -> bool {
    let rest = &text[apostrophe + 1..end];
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = rest[..word_len].to_ascii_lowercase();
    CLITICS.contains(&word.as_str())
}

/// Pushes the word `[start, word_end)`, splitting clitics and deciding
/// whether a following period belongs to it; returns where the next token starts.
fn push_word(
    text: &str,
    start: usize,
    word_end: usize,
    chunk_end: usize,
    out: &mut Vec<Span>,
) -> usize {
    let word = &text[start..word_end];
    // Trailing period of an abbreviation or initial: "Mr.", "U.S.", "W."
    if text[word_end..chunk_end].starts_with('.')
        && !text[word_end..chunk_end].starts_with("..")
        && takes_period(word)
    {
        out.push(Span::new(start, word_end + 1));
        return word_end + 1;
    }
    // "don't" → "do" "n't"; "can't" → "ca" "n't".
    let lower = word.to_ascii_lowercase();
    if lower.ends_with('n') && word.len() > 2 {
        let after = &text[word_end..chunk_end];
        let mut chars = after.chars();
        if let (Some(apostrophe), Some(t)) = (chars.next(), chars.next()) {
            let clitic_end = word_end + apostrophe.len_utf8() + t.len_utf8();
            let is_nt = is_apostrophe(apostrophe) && (t == 't' || t == 'T');
            let closes = is_nt
                && text[clitic_end..chunk_end]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
            if closes {
                out.push(Span::new(start, word_end - 1));
                out.push(Span::new(word_end - 1, clitic_end));
                return clitic_end;
            }
        }
    }
    out.push(Span::new(start, word_end));
    // "Gaddafi's", "we're": the clitic is the next token.
    let after = &text[word_end..chunk_end];
    if let Some(apostrophe) = after.chars().next().filter(|c| is_apostrophe(*c)) {
        let clitic_start = word_end + apostrophe.len_utf8();
        let rest = &text[clitic_start..chunk_end];
        let clitic_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let clitic = rest[..clitic_len].to_ascii_lowercase();
        if clitic_len > 0 && CLITICS.contains(&clitic.as_str()) && clitic != "t" {
            out.push(Span::new(word_end, clitic_start + clitic_len));
            return clitic_start + clitic_len;
        }
    }
    word_end
}

/// Whether a word followed by "." keeps the period: abbreviations, initials,
/// dotted acronyms.
fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let single_letter = first.is_some_and(char::is_alphabetic) && chars.next().is_none();
    if single_letter && first.is_some_and(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    lexicon::is_abbreviation(word)
}

/// A sentence is cut after this many tokens: news sentences are far
/// shorter, and the later stages' work grows faster than a sentence's length.
pub const MAX_SENTENCE_TOKENS: usize = 200;

/// Groups tokens into sentences.
pub fn split_sentences(text: &str, tokens: &[Span]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let last = i + 1 == tokens.len();
        if last || i + 1 - first >= MAX_SENTENCE_TOKENS || ends_sentence(text, tokens, i) {
            sentences.push(Sentence {
                span: Span::new(tokens[first].start, tokens[i].end),
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    sentences
}

fn is_closing(token: &str) -> bool {
    matches!(token, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

/// Whether a sentence ends after token `i`.
fn ends_sentence(text: &str, tokens: &[Span], i: usize) -> bool {
    let next = tokens[i + 1];
    let gap = &text[tokens[i].end..next.start];
    let newlines = gap.matches('\n').count();
    if newlines >= 2 {
        return true;
    }
    let token = &text[tokens[i].range()];
    let next_text = &text[next.range()];
    if is_closing(next_text) && gap.is_empty() {
        return false;
    }
    if newlines == 1 && line_break_ends_sentence(text, tokens, i) {
        return true;
    }
    let terminal =
        |t: &str| t.starts_with(['.', '!', '?', '…']) && t.chars().all(|c| ".!?…".contains(c));
    let mut j = i;
    // Closing quotes and brackets after the terminal belong to the sentence.
    if is_closing(token) && i > 0 && terminal(&text[tokens[i - 1].range()]) {
        j = i - 1;
    }
    let ender = &text[tokens[j].range()];
    let starts_next = next_text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'([".contains(c));
    if gap.is_empty() {
        return false;
    }
    if terminal(ender) {
        // A period standing alone was refused by every abbreviation rule, so
        // even a lower-case word after it starts a new sentence (web text).
        let lower_word_next = next_text.chars().next().is_some_and(char::is_lowercase);
        return starts_next || ender != "." || lower_word_next;
    }
    // An abbreviation that ends a sentence: "... in the U.S. The ..." —
    // only when the next word cannot continue a name.
    if ender.ends_with('.') && ender.len() > 2 && starts_next {
        let next_lower = next_text.to_lowercase();
        return !lexicon::is_abbreviation(ender) && lexicon::is_sentence_starter(&next_lower);
    }
    false
}

/// A single line break ends a sentence unless the line was hard-wrapped in
/// the middle of a sentence (a long line that ends without punctuation).
fn line_break_ends_sentence(text: &str, tokens: &[Span], i: usize) -> bool {
    let line_start = text[..tokens[i].end].rfind('\n').map_or(0, |p| p + 1);
    let line = text[line_start..tokens[i].end].trim();
    let ends_with_punct = line.ends_with(['.', '!', '?', ':', ';', '"', '”', ')']);
    ends_with_punct || line.chars().count() < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            words("Mr. Smith met George W. Bush in the U.S. capital."),
            [
                "Mr.", "Smith", "met", "George", "W.", "Bush", "in", "the", "U.S.", "capital", "."
            ]
        );
    }

    #[test]
    fn hyphens_possessives_and_contractions_split() {
        assert_eq!(
            words("The Trump-Kim summit doesn't end Gaddafi's story."),
            [
                "The", "Trump", "-", "Kim", "summit", "does", "n't", "end", "Gaddafi", "'s",
                "story", "."
            ]
        );
    }

    #[test]
    fn quotes_numbers_and_unicode() {
        assert_eq!(
            words("“Five Decades,” he said: $1,000.50 on 10:30 in Zürich…"),
            [
                "“", "Five", "Decades", ",", "”", "he", "said", ":", "$", "1,000.50", "on",
                "10:30", "in", "Zürich", "…"
            ]
        );
    }

    #[test]
    fn curly_apostrophes_after_n_do_not_split_characters() {
        assert_eq!(words("don’t"), ["do", "n’t"]);
        assert_eq!(words("in”"), ["in", "”"]);
        assert_eq!(words("ené"), ["ené"]);
    }

    #[test]
    fn offsets_slice_the_original_text() {
        let text = "Ünïcödé — “quoted” text's end.";
        for span in tokenize(text) {
            assert!(!text[span.range()].trim().is_empty());
        }
    }

    #[test]
    fn sentences_split_on_terminals_not_abbreviations() {
        let text = "Mr. Kim met Dr. Lee in the U.S. on Monday. They talked! Then: \"Yes.\" Done";
        let tokens = tokenize(text);
        let sentences: Vec<&str> = split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.span.range()])
            .collect();
        assert_eq!(
            sentences,
            [
                "Mr. Kim met Dr. Lee in the U.S. on Monday.",
                "They talked!",
                "Then: \"Yes.\"",
                "Done"
            ]
        );
    }

    #[test]
    fn long_tokens_and_sentences_are_cut() {
        let text = format!("{} ü{}", "a".repeat(1200), "é".repeat(300));
        let tokens = tokenize(&text);
        assert!(tokens.iter().all(|t| t.len() <= MAX_TOKEN_BYTES));
        assert_eq!(tokens[0], Span::new(0, MAX_TOKEN_BYTES));
        assert_eq!(tokens.last().unwrap().end, text.len());
        let words = "Word ".repeat(2 * MAX_SENTENCE_TOKENS + 1);
        let sentences = split_sentences(&words, &tokenize(&words));
        let lengths: Vec<usize> = sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lengths, [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 1]);
    }

    #[test]
    fn headlines_on_their_own_line_are_sentences() {
        let text = "Summit Cancelled\n\nMay 25, 2018\nThe talks ended.";
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        assert_eq!(sentences.len(), 3);
    }
}
