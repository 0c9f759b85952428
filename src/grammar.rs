//! Facts about a tagged sentence that more than one stage reads: whether a
//! line is in title case, and the verb of saying whose clause a pronoun
//! opens.

use crate::document::{Document, Upos};
use crate::lexicon;
use std::ops::Range;

/// "Arsenal Beat Chelsea to Go Top": at least three content words, every
/// one capitalised, as only a title-case line writes them.
pub fn capitalises_every_content_word(doc: &Document, tokens: Range<usize>) -> bool {
    let mut capitalised = 0;
    for t in tokens {
        let w = doc.token_text(t);
        // Clitics ("n't" of "Doesn't") are written in lower case anyway.
        if !w.starts_with(char::is_alphabetic) || w.contains(['\'', '’']) {
            continue;
        }
        if w.starts_with(char::is_uppercase) {
            // Past three, whether a capitalised word is content changes nothing.
            if capitalised < 3 && !lexicon::is_function_word(w) {
                capitalised += 1;
            }
        } else if !lexicon::is_function_word(w) {
            return false;
        }
    }
    capitalised >= 3
}

/// "Rojas said he", "the ministry said on Thursday that it", "Ruiz told
/// Berg he": the verb of saying, thinking or telling whose clause a
/// subject pronoun at `token` opens, right before it, or before its
/// "that" with at most a short phrase (or the one told) between.
pub fn reporting_verb_before(doc: &Document, token: usize) -> Option<usize> {
    let before = token.checked_sub(1)?;
    let is_reporting = |t: usize| {
        doc.tags.get(t) == Some(&Upos::Verb)
            && lexicon::is_reporting_verb(&doc.token_text(t).to_lowercase())
    };
    if is_reporting(before) {
        return Some(before);
    }
    let sentence_start = doc.sentences[doc.sentence_of_token(token).index()]
        .tokens
        .start;
    let clause = if doc.token_text(before) == "that" {
        before
    } else {
        token
    };
    // "told Berg he", "warned the court that it": a verb of telling,
    // the one told, then the clause.
    let is_telling = |t: usize| {
        doc.tags.get(t) == Some(&Upos::Verb)
            && lexicon::is_telling_verb(&doc.token_text(t).to_lowercase())
    };
    let told = (sentence_start..clause)
        .rev()
        .take(5)
        .take_while(|&t| {
            is_telling(t)
                || matches!(
                    doc.tags.get(t),
                    Some(Upos::Propn | Upos::Noun | Upos::Pron | Upos::Det)
                )
        })
        .find(|&t| is_telling(t))
        .filter(|&verb| verb + 1 < clause);
    if told.is_some() || clause == token {
        return told;
    }
    (sentence_start..before)
        .rev()
        .take(5)
        .take_while(|&t| {
            is_reporting(t)
                || !matches!(doc.tags.get(t), Some(Upos::Verb | Upos::Aux | Upos::Punct))
        })
        .find(|&t| is_reporting(t))
}
