//! What one party did to another where the second party is not the verb's
//! own object: the party an object came from or went to ("signed Moreira
//! from Sporting Almada"), a country named only by the demonym of its
//! people ("expelled four Belarusian diplomats"), and the object of a
//! possessed noun ("blocked Kessler's purchase of Halmer").

use super::*;

/// The prepositions that name where an object came from or went to.
const SOURCE_OR_DESTINATION: [&str; 2] = ["from", "to"];

/// "Ashford signed Thiago Moreira from Sporting Almada", "sold Veltrona to
/// Kessler": after a verb and its named object, "from" or "to" and an
/// organisation or country (at most a few describing words between: "from
/// Portuguese side Sporting Almada") is the other party of the act. The
/// label is the verb's with the preposition ("signed from"). Not after a
/// verb with its own preposition ("met with Ruiz from Lima" describes
/// Ruiz), nor to a city (where the object is from, not whom).
pub(super) fn source_or_destination(
    doc: &Document,
    object: Argument,
    party: Argument,
    said: &Predicate,
) -> Option<Predicate> {
    let preposition = object.end;
    let direct_object = object.start > 0 && tag(doc, object.start - 1) == Upos::Verb;
    let opens = preposition < party.start
        && SOURCE_OR_DESTINATION.contains(&lower(doc, preposition).as_str());
    if said.passive || !direct_object || !opens || party.start - preposition > 4 {
        return None;
    }
    let describing_only = (preposition + 1..party.start).all(|t| {
        lexicon::demonym_country(doc.token_text(t)).is_some()
            || matches!(tag(doc, t), Upos::Det | Upos::Adj | Upos::Noun)
                && doc.token_text(t).starts_with(char::is_lowercase)
    });
    let a_party = match entity_type(doc, party) {
        EntityType::Organization => true,
        EntityType::Location => is_a_country(doc, party.entity),
        _ => false,
    };
    let label = format!("{} {}", said.label, lower(doc, preposition));
    (describing_only && a_party && label.split(' ').count() <= MAX_LABEL_WORDS).then(|| Predicate {
        label,
        ..said.clone()
    })
}

/// "Poland expelled four Belarusian diplomats", "Iran seized a British
/// tanker": a verb's object is the people, offices or craft that act for a
/// country (`country_agents.txt`), named by the demonym before them, so
/// the act is towards that country; the label names what was acted on
/// ("expelled diplomats of"). Only where the noun phrase ends there ("bought
/// Dutch maker Veltrona" says where the name is from), after a verb (not a
/// copula or apposition: "grandfather of the Chilean leader"), and
/// not for one of many ("a British national").
pub(super) fn acts_on_a_countrys_people(
    doc: &Document,
    args: &[Argument],
    evidence: Span,
) -> Vec<Relation> {
    let mut relations = Vec::new();
    let sentence_tokens = sentence_tokens_of(doc, evidence);
    for (demonym, country, (start, end)) in demonym_phrases_in(doc, &sentence_tokens) {
        let nouns: Vec<String> = (demonym.tokens.end..end).map(|t| lower(doc, t)).collect();
        let Some(head) = nouns.last() else {
            continue;
        };
        let one_of_many = start < demonym.tokens.start
            && matches!(lower(doc, start).as_str(), "a" | "an" | "one");
        let phrase_goes_on = end < sentence_tokens.end
            && (matches!(tag(doc, end), Upos::Propn | Upos::Noun | Upos::Adj)
                || matches!(doc.token_text(end), "'s" | "’s" | "-"));
        let acted_on =
            start > sentence_tokens.start && matches!(tag(doc, start - 1), Upos::Verb | Upos::Adp);
        if one_of_many || phrase_goes_on || !acted_on || !lexicon::is_agent_of_a_country(head) {
            continue;
        }
        let Some(&subject) = args.iter().rev().find(|a| a.end <= start) else {
            continue;
        };
        let verb = (subject.end..start).any(|t| tag(doc, t) == Upos::Verb);
        let Some(predicate) =
            read_predicate(doc, subject.start, clause_from(doc, subject), start, end)
                .filter(|p| verb && !p.passive && !p.label.split(' ').next().is_some_and(is_be))
        else {
            continue;
        };
        let label = format!("{} {} of", predicate.label, nouns.join(" "));
        if label.split(' ').count() > MAX_LABEL_WORDS + 1 {
            continue;
        }
        let object = Argument {
            entity: country,
            start,
            end,
            appositive: false,
        };
        relations.extend(relation(
            subject,
            object,
            &Predicate { label, ..predicate },
            evidence,
        ));
    }
    relations
}

/// The tokens of the sentence holding `evidence`.
fn sentence_tokens_of(doc: &Document, evidence: Span) -> std::ops::Range<usize> {
    let sentence = doc.sentence_of_token(doc.tokens.partition_point(|t| t.start < evidence.start));
    doc.sentences[sentence.index()].tokens.clone()
}

/// Each demonym of a country in the sentence of `sentence_tokens`, with
/// the country and the bounds of the noun phrase it modifies.
fn demonym_phrases_in<'a>(
    doc: &'a Document,
    sentence_tokens: &'a std::ops::Range<usize>,
) -> impl Iterator<Item = (&'a Mention, EntityId, (usize, usize))> + 'a {
    demonyms_of_countries(doc)
        .filter(|(demonym, _)| sentence_tokens.contains(&demonym.tokens.start))
        .map(|(demonym, country)| {
            let phrase = demonyms_noun_phrase(doc, demonym, sentence_tokens);
            (demonym, country, phrase)
        })
}

/// The noun phrase a demonym modifies, as token bounds: the determiners,
/// numbers and adjectives before it ("four Belarusian") and up to three
/// lower-case nouns after it ("diplomats", "steel imports").
fn demonyms_noun_phrase(
    doc: &Document,
    demonym: &Mention,
    sentence_tokens: &std::ops::Range<usize>,
) -> (usize, usize) {
    let mut start = demonym.tokens.start;
    while start > sentence_tokens.start
        && matches!(tag(doc, start - 1), Upos::Det | Upos::Num | Upos::Adj)
    {
        start -= 1;
    }
    let mut end = demonym.tokens.end;
    while end < sentence_tokens.end
        && end - demonym.tokens.end < 3
        && tag(doc, end) == Upos::Noun
        && doc.token_text(end).starts_with(char::is_lowercase)
    {
        end += 1;
    }
    (start, end)
}

/// "Mexico banned imports of Canadian potatoes", "Canada will impose
/// tariffs on Chinese steel": a verb's object is a measure against goods
/// (`trade_measures.txt`) that a country's demonym says are that country's,
/// so the act is towards the country, labelled as the text says it
/// ("banned imports of"). Only where the noun phrase of the goods ends
/// there, and the measure is the verb's object or follows it after one
/// preposition ("retaliate with tariffs on").
pub(super) fn measures_on_a_countrys_goods(
    doc: &Document,
    args: &[Argument],
    evidence: Span,
) -> Vec<Relation> {
    let mut relations = Vec::new();
    let sentence_tokens = sentence_tokens_of(doc, evidence);
    let describing = |t: usize| matches!(tag(doc, t), Upos::Det | Upos::Num | Upos::Adj);
    for (demonym, country, (start, end)) in demonym_phrases_in(doc, &sentence_tokens) {
        let goods = end > demonym.tokens.end;
        let phrase_goes_on = end < sentence_tokens.end
            && (matches!(tag(doc, end), Upos::Propn | Upos::Noun | Upos::Adj)
                || matches!(doc.token_text(end), "'s" | "’s" | "-"));
        let Some(measure) = start.checked_sub(2).filter(|&m| {
            m >= sentence_tokens.start
                && tag(doc, m + 1) == Upos::Adp
                && lexicon::is_trade_measure(&lower(doc, m))
        }) else {
            continue;
        };
        let mut before = measure;
        while before > sentence_tokens.start && describing(before - 1) {
            before -= 1;
        }
        let after_verb = |t: usize| t > sentence_tokens.start && tag(doc, t - 1) == Upos::Verb;
        let acted_on = after_verb(before)
            || (before > sentence_tokens.start + 1
                && tag(doc, before - 1) == Upos::Adp
                && after_verb(before - 1));
        if !goods || phrase_goes_on || !acted_on {
            continue;
        }
        let Some(&subject) = args.iter().rev().find(|a| a.end <= before) else {
            continue;
        };
        let Some(predicate) =
            read_predicate(doc, subject.start, clause_from(doc, subject), start, end)
                .filter(|p| !p.passive && !p.label.split(' ').next().is_some_and(is_be))
        else {
            continue;
        };
        let object = Argument {
            entity: country,
            start,
            end,
            appositive: false,
        };
        relations.extend(relation(subject, object, &predicate, evidence));
    }
    relations
}

/// "The authority blocked Kessler's earlier purchase of Halmer Controls":
/// the verb's object is a noun the possessor holds, and the name after its
/// preposition is what the act was done to ("blocked purchase of"). Where
/// the noun names an act between two parties (`event_nouns.txt`), the
/// possessor is its agent: "purchase of", hedged, as the text says only
/// that it was meant or tried.
pub(super) fn possessed_acts(doc: &Document, args: &[Argument], evidence: Span) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (k, &possessor) in args.iter().enumerate().skip(1) {
        let Some(&object) = args.get(k + 1) else {
            break;
        };
        if !possessive_after(doc, possessor) {
            continue;
        }
        let mut preposition = possessor.end + 1;
        // "Kessel's planned purchase": a participle may describe the noun.
        while preposition < object.start
            && matches!(tag(doc, preposition), Upos::Adj | Upos::Noun | Upos::Verb)
            && doc.token_text(preposition).starts_with(char::is_lowercase)
        {
            preposition += 1;
        }
        let nouns: Vec<usize> = (possessor.end + 1..preposition)
            .filter(|&t| tag(doc, t) == Upos::Noun)
            .collect();
        let Some(&head) = nouns.last() else {
            continue;
        };
        // "met Fiji's ambassador to Japan": a person the possessor has,
        // whom the verb is done to.
        let head_word = lower(doc, head);
        if lexicon::is_title(&head_word)
            || lexicon::is_occupation(&head_word)
            || lexicon::is_corporate_title(&head_word)
        {
            continue;
        }
        let reaches = tag(doc, preposition) == Upos::Adp
            && (preposition + 1..object.start).all(|t| tag(doc, t) == Upos::Det)
            && object.start - preposition <= 2
            && tag(doc, preposition - 1) == Upos::Noun;
        if !reaches {
            continue;
        }
        let subject = args[k - 1];
        // The possessor stands as the object the verb reads: the tokens
        // after it are checked here, not there.
        let Some(predicate) = read_predicate(
            doc,
            subject.start,
            clause_from(doc, subject),
            possessor.start,
            preposition,
        )
        .filter(|p| !p.passive) else {
            continue;
        };
        let noun_words: Vec<String> = nouns.iter().map(|&t| lower(doc, t)).collect();
        let act = format!("{} {}", noun_words.join(" "), lower(doc, preposition));
        let label = format!("{} {}", predicate.label, act);
        if label.split(' ').count() > MAX_LABEL_WORDS {
            continue;
        }
        relations.extend(relation(
            subject,
            object,
            &Predicate {
                label,
                ..predicate.clone()
            },
            evidence,
        ));
        if is_event_noun(&head_word) {
            relations.extend(relation(
                possessor,
                object,
                &Predicate {
                    label: act,
                    negated: false,
                    hedged: true,
                    passive: false,
                },
                evidence,
            ));
        }
    }
    relations
}

fn is_event_noun(word: &str) -> bool {
    crate::relations::tree::patterns::event_verb(word).is_some()
}

/// Where a subject's clause goes on: after the comma that closes the
/// apposition before its name ("Its chief executive, Sanne Verhoef, will
/// join").
fn clause_from(doc: &Document, subject: Argument) -> usize {
    let closes_apposition =
        subject.appositive && subject.end < doc.tokens.len() && doc.token_text(subject.end) == ",";
    subject.end + usize::from(closes_apposition)
}

/// "Wrona summoned Belarus's ambassador", "Verhoef will join Kessler's
/// management board": the verb's object is a noun the name before it holds
/// (its office, body, act or property), and nothing named follows, so the
/// act is towards the holder ("summoned ambassador of"). A name set off
/// after the noun ("Belarus's ambassador, Viktor Hlushko") is the object
/// itself, read as a role elsewhere.
pub(super) fn acts_on_what_a_name_holds(
    doc: &Document,
    args: &[Argument],
    evidence: Span,
) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (k, &possessor) in args.iter().enumerate().skip(1) {
        if !possessive_after(doc, possessor) {
            continue;
        }
        let sentence_end = doc.sentences[doc.sentence_of_token(possessor.start).index()]
            .tokens
            .end;
        let lower_case = |t: usize| doc.token_text(t).starts_with(char::is_lowercase);
        let mut end = possessor.end + 1;
        while end < sentence_end
            && lower_case(end)
            && (matches!(tag(doc, end), Upos::Adj | Upos::Noun)
                // "Kessler's planned purchase": a participle before a noun.
                || tag(doc, end) == Upos::Verb
                    && end + 1 < sentence_end
                    && matches!(tag(doc, end + 1), Upos::Adj | Upos::Noun))
        {
            end += 1;
        }
        if end == possessor.end + 1 || tag(doc, end - 1) != Upos::Noun {
            continue;
        }
        let next = args.get(k + 1).map(|a| a.start);
        // "explained Warhol's obsession with celebrities began": a verb
        // before the next comma or clause makes the noun phrase its subject.
        let opens_a_clause = |t: usize| {
            tag(doc, t) == Upos::Sconj
                || matches!(
                    lower(doc, t).as_str(),
                    "after" | "before" | "until" | "since" | "as" | "when" | "while"
                )
        };
        let subject_of_a_verb = (end..sentence_end)
            .take_while(|&t| tag(doc, t) != Upos::Punct && !opens_a_clause(t))
            .any(|t| matches!(tag(doc, t), Upos::Verb | Upos::Aux));
        let closes = !subject_of_a_verb
            && (end == sentence_end
                || matches!(tag(doc, end), Upos::Punct | Upos::Cconj | Upos::Adp));
        // "purchase of Halmer" (`possessed_acts`), ", Viktor Hlushko,".
        let names_after = next.is_some_and(|n| n <= end + 2);
        if !closes || names_after {
            continue;
        }
        let subject = args[k - 1];
        let verb = (subject.end..possessor.start).any(|t| tag(doc, t) == Upos::Verb);
        let Some(predicate) = read_predicate(
            doc,
            subject.start,
            clause_from(doc, subject),
            possessor.start,
            end,
        )
        .filter(|p| verb && !p.passive && !p.label.split(' ').next().is_some_and(is_be)) else {
            continue;
        };
        let nouns: Vec<String> = (possessor.end + 1..end)
            .filter(|&t| tag(doc, t) == Upos::Noun)
            .map(|t| lower(doc, t))
            .collect();
        let label = format!("{} {} of", predicate.label, nouns.join(" "));
        if label.split(' ').count() > MAX_LABEL_WORDS + 1 {
            continue;
        }
        relations.extend(relation(
            subject,
            possessor,
            &Predicate { label, ..predicate },
            evidence,
        ));
    }
    relations
}

/// Whether a possessive ending follows the argument: "Kessler's".
fn possessive_after(doc: &Document, arg: Argument) -> bool {
    arg.end < doc.tokens.len() && matches!(doc.token_text(arg.end), "'s" | "’s")
}
