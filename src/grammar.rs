//! Facts about a tagged sentence that more than one stage reads: whether a
//! line is in title case, the verb of saying whose clause a pronoun
//! opens, and the verbs whose object does what the infinitive after it says.

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

/// "LISBON, Jan 14 (AP) -": where the story starts after a dateline (the
/// token after its dash), when the sentence opens a paragraph with a word
/// in capitals and a dash follows within twelve tokens.
pub fn dateline_end(doc: &Document, tokens: Range<usize>) -> Option<usize> {
    let first = doc.token_text(tokens.clone().next()?);
    let before = doc.text[..doc.tokens[tokens.start].start].trim_end_matches([' ', '\t', '\r']);
    let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first.chars().all(|c| !c.is_lowercase());
    if !(before.is_empty() || before.ends_with('\n')) || !capitals {
        return None;
    }
    (tokens.start + 1..tokens.end.min(tokens.start + 12))
        .find(|&t| matches!(doc.token_text(t), "-" | "—" | "–"))
        .map(|dash| dash + 1)
}

/// "Rojas said he", "the ministry said on Thursday that it", "the
/// ministry said on Thursday it", "Ruiz told Berg he": the verb of saying,
/// thinking or telling whose clause a subject pronoun at `token` opens,
/// right before it, or before its "that" with at most a short phrase (or
/// the one told) between, or before a short phrase of time or place.
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
    if told.is_some() {
        return told;
    }
    if clause == token {
        return reporting_verb_before_adjunct(doc, sentence_start, token, is_reporting);
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

/// Most words of a phrase set between a verb of saying and its clause
/// without "that": "said on Thursday it", "said in a statement it".
const LONGEST_ADJUNCT: usize = 5;

/// The verb of saying before a phrase that opens with a preposition ("on
/// Thursday", "in a statement") or names a day or month ("Tuesday"), right
/// before `token`, where the clause has no "that". A noun phrase there is
/// the verb's object, not such a phrase ("said the plan it drew up").
fn reporting_verb_before_adjunct(
    doc: &Document,
    sentence_start: usize,
    token: usize,
    is_reporting: impl Fn(usize) -> bool,
) -> Option<usize> {
    let verb = (sentence_start..token)
        .rev()
        .take(LONGEST_ADJUNCT + 1)
        .take_while(|&t| {
            is_reporting(t)
                || !matches!(
                    doc.tags.get(t),
                    Some(Upos::Verb | Upos::Aux | Upos::Punct | Upos::Pron | Upos::Sconj)
                )
        })
        .find(|&t| is_reporting(t))?;
    let adjunct = verb + 1..token;
    let opens_with_preposition = doc.tags.get(adjunct.start) == Some(&Upos::Adp);
    let names_a_day = adjunct
        .clone()
        .all(|t| lexicon::is_month_or_weekday(doc.token_text(t)));
    // "thought about the part of it": the pronoun ends the phrase; a
    // clause's subject has its verb after it.
    let ends_the_phrase = doc.tags.get(token - 1) == Some(&Upos::Adp);
    let verb_follows = matches!(
        doc.tags.get(token + 1),
        Some(Upos::Aux | Upos::Verb | Upos::Adv)
    );
    (!adjunct.is_empty()
        && (opens_with_preposition || names_a_day)
        && !ends_the_phrase
        && verb_follows)
        .then_some(verb)
}

/// A verb whose object is the subject of the infinitive after it.
pub fn is_object_control_verb(word: &str) -> bool {
    const VERBS: [&str; 16] = [
        "invite",
        "ask",
        "urge",
        "persuade",
        "allow",
        "force",
        "encourage",
        "order",
        "require",
        "instruct",
        "advise",
        "convince",
        "pressure",
        "permit",
        "enable",
        "tell",
    ];
    word == "told"
        || VERBS.iter().any(|verb| {
            word.strip_prefix(verb)
                .is_some_and(|ending| matches!(ending, "" | "s" | "d" | "ed" | "ted"))
        })
}

/// Verbs whose object is often the subject of the infinitive after it,
/// though they are no verbs of asking ("Ruiz wants Berg to beat him",
/// "helped Berg to find her"): the open relations read them as they read
/// any verb, and a pronoun after the infinitive may be the clause's subject.
const OBJECT_AND_INFINITIVE_VERBS: [&str; 9] = [
    "want", "wish", "expect", "need", "like", "prefer", "help", "get", "cause",
];

/// A form of one of [`OBJECT_AND_INFINITIVE_VERBS`].
pub fn takes_an_object_and_infinitive(word: &str) -> bool {
    OBJECT_AND_INFINITIVE_VERBS.iter().any(|verb| {
        word.strip_prefix(verb)
            .is_some_and(|ending| matches!(ending, "" | "s" | "d" | "ed" | "ing"))
            || (*verb == "get" && matches!(word, "got" | "gotten" | "getting"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn tagged(text: &str) -> Document {
        let mut doc = Document::new("t", text);
        crate::text::segment(&mut doc);
        crate::model::Models::embedded().annotate(&mut doc);
        doc
    }

    /// The verb of saying found for the first "it" or "he" of each sentence.
    #[test]
    fn a_pronoun_opens_the_clause_of_the_verb_of_saying_before_it() {
        let cases = [
            ("Velmont said it would close a plant.", Some("said")),
            (
                "Velmont said on Monday that it would close a plant.",
                Some("said"),
            ),
            (
                "Velmont said on Monday it would close a plant.",
                Some("said"),
            ),
            (
                "Velmont said in a statement it would close a plant.",
                Some("said"),
            ),
            ("Velmont said Tuesday it would close a plant.", Some("said")),
            ("Ruiz told Berg he would resign.", Some("told")),
            // The verb's object, then a relative clause: no clause of saying.
            ("Velmont said the plant it built was old.", None),
            ("Ruiz left Lima because he was ill.", None),
            ("Ruiz thought about the cost of it for weeks.", None),
        ];
        for (text, expected) in cases {
            let doc = tagged(text);
            let pronoun = (0..doc.tokens.len())
                .find(|&t| matches!(doc.token_text(t), "it" | "he"))
                .expect("a pronoun");
            let verb = reporting_verb_before(&doc, pronoun).map(|v| doc.token_text(v));
            assert_eq!(verb, expected, "{text}");
        }
    }
}
