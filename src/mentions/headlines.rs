//! Rules for lines that are no running text: title-case headlines and
//! datelines.

use super::*;

/// A headline in title case ("Apple Sues Samsung Over Patents") capitalises
/// every word, so a recogniser trained on running text sees names all over
/// it. A headline repeats the names of its story: only what the body also
/// names is kept, cut down to that name and given its type.
pub(super) fn headline_names(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    // In the first line, only a name another sentence repeats counts as a
    // name: the recogniser may run a whole headline together into one.
    // Further down, a line of names is more often a signature or a list.
    let sentence_of = |range: &Range<usize>| doc.sentence_of_token(range.start);
    let mut sentences_of_text: HashMap<&str, Vec<_>> = HashMap::default();
    for (range, _) in &names {
        sentences_of_text
            .entry(doc.slice(doc.token_span(range.clone())))
            .or_default()
            .push(sentence_of(range));
    }
    let mut in_name = vec![false; doc.tokens.len()];
    for (range, _) in &names {
        let here = sentence_of(range);
        let repeated = sentences_of_text[doc.slice(doc.token_span(range.clone()))]
            .iter()
            .any(|s| *s != here);
        if repeated || here.index() > 0 {
            in_name[range.clone()].iter_mut().for_each(|c| *c = true);
        }
    }
    let headline: Vec<bool> = (0..doc.sentences.len())
        .map(|s| is_title_case_headline(doc, s, &in_name))
        .collect();
    if !headline.iter().any(|h| *h) {
        return names;
    }
    let in_headline = |range: &Range<usize>| headline[doc.sentence_of_token(range.start).index()];
    let text = |range: Range<usize>| doc.slice(doc.token_span(range));
    let body: HashMap<&str, EntityType> = names
        .iter()
        .filter(|(range, _)| !in_headline(range))
        .map(|(range, ty)| (text(range.clone()), *ty))
        .collect();
    names
        .iter()
        .filter_map(|(range, ty)| {
            if !in_headline(range) {
                return Some((range.clone(), *ty));
            }
            (1..=range.len()).rev().find_map(|len| {
                (range.start..=range.end - len).find_map(|start| {
                    let part = start..start + len;
                    body.get(text(part.clone())).map(|ty| (part, *ty))
                })
            })
        })
        .collect()
}

/// No final punctuation, at least three content words, all capitalised,
/// and two of them, after the first word, outside any name the story
/// repeats; not a credit line ("Photo by Kim Hong-Ji/Reuters", "Reporting
/// by ...").
pub(super) fn is_title_case_headline(doc: &Document, sentence: usize, in_name: &[bool]) -> bool {
    let tokens = doc.sentences[sentence].tokens.clone();
    if tokens.is_empty() || lexicon::is_credit_word(doc.token_text(tokens.start)) {
        return false;
    }
    let capitalised_outside_names = (tokens.start + 1..tokens.end)
        .filter(|&t| !in_name[t])
        .map(|t| doc.token_text(t))
        .filter(|w| w.starts_with(char::is_uppercase) && !lexicon::is_function_word(w))
        .count();
    if capitalised_outside_names < 2 {
        return false;
    }
    if tokens.is_empty() || matches!(doc.token_text(tokens.end - 1), "." | "!" | "?" | "\"" | "”")
    {
        return false;
    }
    // "Cast: Ana Ruiz, Tom Berg, Ola Lind": a list, not a headline.
    if tokens.clone().filter(|&t| doc.token_text(t) == ",").count() > 1 {
        return false;
    }
    capitalises_every_content_word(doc, tokens)
}

/// "SAN FRANCISCO, March 3 (Reuters) -", "LAGOS, Nigeria —": the capitals
/// that open a news story's first paragraph, before a dash, name the place
/// it was filed from.
pub(super) fn datelines(doc: &Document, mut names: Vec<NameSpan>) -> Vec<NameSpan> {
    for sentence in &doc.sentences {
        let tokens = sentence.tokens.clone();
        if tokens.is_empty() {
            continue;
        }
        let before = doc.text[..doc.tokens[tokens.start].start].trim_end_matches([' ', '\t', '\r']);
        let starts_paragraph = before.is_empty() || before.ends_with('\n');
        if !starts_paragraph {
            continue;
        }
        let is_capitals = |t: usize| {
            let word = doc.token_text(t);
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && word
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '-')
        };
        let run_end = (tokens.start..tokens.end)
            .find(|&t| !is_capitals(t))
            .unwrap_or(tokens.end);
        if run_end == tokens.start || run_end == tokens.end {
            continue;
        }
        let dash_follows = matches!(doc.token_text(run_end), "," | "(" | "-" | "—" | "–")
            && (run_end..tokens.end.min(run_end + 10))
                .any(|t| matches!(doc.token_text(t), "-" | "—" | "–"));
        if !dash_follows {
            continue;
        }
        let place = tokens.start..run_end;
        names.retain(|(range, _)| range.end <= place.start || range.start >= place.end);
        names.push((place, EntityType::Location));
    }
    names
}
