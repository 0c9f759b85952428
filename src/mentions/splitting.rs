//! Rules that cut or join the recogniser's names: at verbs, at hyphens, at
//! "of", over prefix compounds, and titles or names cut in two.

use super::*;

/// "European Central Bank fined Lumen Bank": a name does not run over a
/// verb in lower case; the capitalised words on each side are names of
/// their own.
pub(super) fn split_at_verbs(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    // "Laurence des/VERB Cars": a particle of a surname is no verb.
    let is_verb = |t: usize| {
        let word = doc.token_text(t);
        word.starts_with(char::is_lowercase)
            && !lexicon::is_function_word(word)
            && !lexicon::is_surname_particle(word)
            && doc.tags.get(t) == Some(&Upos::Verb)
    };
    let capitalised = |t: usize| doc.token_text(t).starts_with(char::is_uppercase);
    let mut split = Vec::with_capacity(names.len());
    for (range, ty) in names {
        let mut start = range.start;
        for t in range.start + 1..range.end {
            if is_verb(t) {
                if start < t {
                    split.push((start..t, ty));
                }
                start = t + 1;
            }
        }
        if start == range.start {
            split.push((range, ty));
        } else if start < range.end && capitalised(start) {
            split.push((start..range.end, ty));
        }
    }
    split
}

/// "Ban Ki" of "Ban Ki-moon", "Port-au" of "Port-au-Prince": a name the
/// recogniser cut at a hyphen goes on to the end of the hyphenated word,
/// unless the word is a modifier ("Trump-backed", "Obama-era policies").
pub(super) fn extend_over_hyphens(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    let mut starts_name = vec![false; doc.tokens.len()];
    for (range, _) in &names {
        starts_name[range.start] = true;
    }
    let attached = |a: usize, b: usize| doc.tokens[a].end == doc.tokens[b].start;
    names
        .into_iter()
        .map(|(range, ty)| {
            let sentence_end = doc.sentences[doc.sentence_of_token(range.start).index()]
                .tokens
                .end;
            let mut end = range.end;
            while end + 1 < sentence_end
                && doc.token_text(end) == "-"
                && attached(end - 1, end)
                && attached(end, end + 1)
                && !starts_name[end + 1]
                && doc.token_text(end + 1).chars().all(char::is_alphabetic)
            {
                let tail = doc.token_text(end + 1);
                let inside_word = doc.token_text(end - 1).starts_with(char::is_lowercase);
                // A full personal name going on with a syllable ("Lee
                // Jae-yong") is one name, whatever the tagger made of it.
                let given_name_syllable = ty == EntityType::Person && range.len() >= 2;
                let fits = if tail.starts_with(char::is_uppercase) {
                    inside_word
                } else {
                    given_name_syllable
                        || !matches!(doc.tags.get(end + 1), Some(Upos::Verb | Upos::Adj))
                };
                if !fits {
                    break;
                }
                end += 2;
            }
            let modifies_noun = end < sentence_end
                && matches!(doc.tags.get(end), Some(Upos::Noun))
                && doc.token_text(end).starts_with(char::is_lowercase);
            if end > range.end && !modifies_noun {
                (range.start..end, ty)
            } else {
                (range, ty)
            }
        })
        .collect()
}

/// "Pro-Brussels EPP's Anna Berg", "the anti-Kremlin Yabloko party": a
/// name word joined to a prefix by a hyphen belongs to that modifier, so a
/// name that goes on past it starts after it ("EPP", not "Brussels EPP").
pub(super) fn names_after_prefix_compounds(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    names
        .into_iter()
        .map(|(range, ty)| {
            let start = range.start;
            let compound = start >= 2
                && range.len() > 1
                && doc.token_text(start - 1) == "-"
                && doc.tokens[start - 2].end == doc.tokens[start - 1].start
                && doc.tokens[start - 1].end == doc.tokens[start].start
                && lexicon::is_compound_prefix(doc.token_text(start - 2));
            if compound {
                (start + 1..range.end, ty)
            } else {
                (range, ty)
            }
        })
        .collect()
}

/// "Senator Tom Whitaker of Ohio": a full name the recogniser ran on over
/// "of" is a person and the place or body they are of ("Catherine of
/// Aragon", one word before "of", stays whole).
pub(super) fn split_person_of_place(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    let mut out = Vec::with_capacity(names.len());
    for (range, ty) in names {
        let of = range
            .clone()
            .find(|&t| doc.token_text(t) == "of")
            .filter(|&of| {
                ty == EntityType::Person
                    && of >= range.start + 2
                    && of + 1 < range.end
                    && lexicon::given_name_gender(doc.token_text(range.start)).is_some()
                    && (range.start..of).all(|t| doc.token_text(t).starts_with(char::is_uppercase))
                    && doc.token_text(of + 1).starts_with(char::is_uppercase)
            });
        match of {
            Some(of) => {
                let owner = of + 1..range.end;
                let owner_ty = if ends_like_an_organization(doc.token_text(range.end - 1)) {
                    EntityType::Organization
                } else {
                    EntityType::Location
                };
                out.push((range.start..of, ty));
                out.push((owner, owner_ty));
            }
            None => out.push((range, ty)),
        }
    }
    out
}

/// "the Trump-Kim summit": a hyphenated name whose two sides each stand as
/// names elsewhere in the document is two names, not one ("Kim Hong-Ji"
/// stays whole: "Ji" names no one else).
pub(super) fn split_hyphenated_pairs(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    // Words of names, counted where they are not one side of a hyphenated
    // word: "Rolls-Royce" written twice does not make "Rolls" a name of its own.
    let attached_hyphen = |t: usize, other: usize| {
        other < doc.tokens.len()
            && doc.token_text(other) == "-"
            && (doc.tokens[t].end == doc.tokens[other].start
                || doc.tokens[other].end == doc.tokens[t].start)
    };
    let mut elsewhere: HashMap<&str, usize> = HashMap::default();
    for (range, _) in &names {
        for t in range.clone() {
            let hyphenated = (t > 0 && attached_hyphen(t, t - 1)) || attached_hyphen(t, t + 1);
            if !hyphenated {
                *elsewhere.entry(doc.token_text(t)).or_default() += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(names.len());
    for (range, ty) in names {
        let hyphen = range.clone().find(|&t| {
            doc.token_text(t) == "-"
                && t > range.start
                && t + 1 < range.end
                && doc.tokens[t - 1].end == doc.tokens[t].start
                && doc.tokens[t].end == doc.tokens[t + 1].start
        });
        let stands_alone = |part: std::ops::Range<usize>| {
            part.len() == 1
                && elsewhere
                    .get(doc.token_text(part.start))
                    .is_some_and(|n| *n > 0)
        };
        match hyphen {
            Some(h) if stands_alone(range.start..h) && stands_alone(h + 1..range.end) => {
                out.push((range.start..h, ty));
                out.push((h + 1..range.end, ty));
            }
            _ => out.push((range, ty)),
        }
    }
    out
}

/// "Senate Majority" + "Leader Chuck Schumer": a title the recogniser cut
/// in two, its first half read as a name of its own, is rejoined so that
/// the whole title becomes the person's role; so is a person's name cut in
/// two.
pub(super) fn join_split_titles(doc: &Document, mut names: Vec<NameSpan>) -> Vec<NameSpan> {
    names.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut out: Vec<NameSpan> = Vec::with_capacity(names.len());
    for (range, ty) in names {
        if let Some((previous, previous_ty)) = out.last() {
            // "Pavel" + "Orlov": a person's name the recogniser cut in two.
            // Two full names side by side are a list ("Ines Varga Tomas
            // Lind" of an e-mail's attendees), not one name.
            let same_person = *previous_ty == EntityType::Person
                && ty == EntityType::Person
                && previous.end == range.start
                && (previous.len() == 1 || range.len() == 1)
                && doc.sentence_of_token(previous.start) == doc.sentence_of_token(range.start)
                && doc.text[doc.tokens[previous.end - 1].end..doc.tokens[range.start].start]
                    == *" ";
            if same_person {
                let joined = previous.start..range.end;
                out.pop();
                out.push((joined, EntityType::Person));
                continue;
            }
            let joined = previous.start..range.end;
            let title_crosses = previous.end == range.start
                && leading_title(doc, joined.clone())
                    .is_some_and(|end| end > previous.end && end < range.end);
            if title_crosses {
                out.pop();
                out.push((joined, EntityType::Person));
                continue;
            }
        }
        out.push((range, ty));
    }
    out
}
