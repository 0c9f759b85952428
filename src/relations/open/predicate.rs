//! Reading the predicate between two arguments of a clause, and what a
//! label keeps of it.

use super::*;

/// Nouns of a span of time that an adjective before them makes a date the
/// recogniser may leave out ("last year", "next week").
const UNITS_OF_TIME: [&str; 14] = [
    "year", "month", "week", "day", "night", "morning", "evening", "weekend", "season", "quarter",
    "decade", "spring", "summer", "winter",
];

/// Reads the predicate between an argument ending at `from` and one
/// spanning `to..to_end`.
pub(super) fn read_predicate(
    doc: &Document,
    from_start: usize,
    from: usize,
    to: usize,
    to_end: usize,
) -> Option<Predicate> {
    let mut start = from;
    // Look-ahead stops at the sentence's end: a headline without a full
    // stop is followed by a sentence of its own.
    let sentence_end = doc.sentences[doc.sentence_of_token(to).index()].tokens.end;
    // A possessive ending belongs to the subject: "Gaddafi's demise"; a
    // hyphen or noun after a name makes it a modifier: "the Trump-Kim summit".
    if start < to && is_modifier_follower(doc, start) {
        return None;
    }
    if to_end < sentence_end
        && is_modifier_follower(doc, to_end)
        && !names_its_own_kind(doc, to, to_end, sentence_end)
        && !is_misread_complement(doc, to_end)
    {
        return None;
    }
    // "the EU trade bloc": adjectives, then the noun it modifies; not a
    // date ("sold it to the banker Brian Hale last year").
    let mut after = to_end;
    while after < sentence_end && tag(doc, after) == Upos::Adj {
        after += 1;
    }
    let determined = to > 0 && tag(doc, to - 1) == Upos::Det;
    let date_follows = to_end < sentence_end
        && (date_tokens(doc, to_end..to_end + 1).contains(&to_end)
            || (after > to_end
                && after < sentence_end
                && UNITS_OF_TIME.contains(&lower(doc, after).as_str())));
    if determined
        && !date_follows
        && after > to_end
        && after < sentence_end
        && tag(doc, after) == Upos::Noun
    {
        return None;
    }
    // A prepositional object ("According to Ruiz, ...", "a clerk for the
    // Oslo office was") is not the subject of a verb after it.
    let sentence_start = doc.sentences[doc.sentence_of_token(from_start).index()]
        .tokens
        .start;
    let mut before = from_start;
    while before > sentence_start
        && matches!(tag(doc, before - 1), Upos::Det | Upos::Adj | Upos::Num)
    {
        before -= 1;
    }
    let mut object_of_preposition = before > sentence_start && tag(doc, before - 1) == Upos::Adp;
    if start < to && doc.token_text(start) == "," {
        let close = (start + 1..to).find(|&t| doc.token_text(t) == ",");
        let opener = start + 1 < to && is_relative_pronoun(&lower(doc, start + 1));
        // "by Lars Dahl, who led the talks": the relative pronoun is the subject.
        object_of_preposition &= !opener;
        match close {
            // Apposition naming the object: "X, grandfather of Y".
            // "a report critical of Nordvik Bank, written by Ilse Varga": after
            // a preposition's object the participle may describe a noun
            // before it.
            None if !opener => {
                return reduced_passive(doc, start + 1, to, to_end)
                    .filter(|_| !object_of_preposition)
                    .or_else(|| apposition(doc, start + 1, to));
            }
            // Relative clause: the predicate is inside it.
            None => start += 2,
            // A parenthetical after the subject, or a relative clause
            // naming nothing ("X, who finished seventh last season, are
            // owned by Y"): skip it; after an age, the apposition that
            // follows it too ("X, 52, a former minister, leads Y").
            Some(close) => {
                let age = close == start + 2
                    && doc
                        .token_text(start + 1)
                        .bytes()
                        .all(|b| b.is_ascii_digit());
                start = close + 1;
                if age && let Some(next) = (start..to).find(|&t| doc.token_text(t) == ",") {
                    start = next + 1;
                }
            }
        }
    }
    // What follows the last verb or preposition belongs to the object's
    // noun phrase: "at the nonprofit, nonpartisan RAND Corporation".
    let mut end = to;
    // "the state-owned": a participle hyphened to the word before it is a
    // modifier, not a verb of the clause.
    let hyphened = |t: usize| {
        t >= 2 && doc.token_text(t - 1) == "-" && doc.tokens[t - 1].end == doc.tokens[t].start
    };
    if let Some(last_head) = (start..to)
        .rev()
        .find(|&t| matches!(tag(doc, t), Upos::Verb | Upos::Aux | Upos::Adp) && !hyphened(t))
    {
        // A demonym is a modifier whatever its tag: "bought Dutch developer X".
        let modifiers_only = (last_head + 1..to).all(|t| {
            matches!(
                tag(doc, t),
                Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Adv
            ) || doc.token_text(t) == ","
                || hyphened(t)
                || lexicon::demonym_country(doc.token_text(t)).is_some()
                // "the centre-right Civic Alliance": a hyphen joining two words.
                || (doc.token_text(t) == "-"
                    && t > last_head + 1
                    && t + 1 < to
                    && doc.tokens[t - 1].end == doc.tokens[t].start
                    && doc.tokens[t].end == doc.tokens[t + 1].start)
        });
        if modifiers_only && tag(doc, last_head) != Upos::Aux {
            end = last_head + 1;
        }
    }
    let tokens: Vec<usize> = (start..end).collect();
    if tokens.is_empty() || tokens.len() > MAX_PREDICATE_TOKENS {
        return None;
    }
    if tokens
        .iter()
        .any(|&t| is_clause_break(doc, t) || doc.token_text(t) == ",")
    {
        return None;
    }
    // A proper noun between the two is a name the recogniser missed: the
    // predicate may belong to it ("Davis Cup, Chile beat Peru");
    // a demonym is none ("studied English at").
    let dates = date_tokens(doc, start..end);
    if tokens.iter().any(|&t| {
        tag(doc, t) == Upos::Propn
            && !dates.contains(&t)
            && lexicon::demonym_country(doc.token_text(t)).is_none()
    }) {
        return None;
    }
    // "on Friday Night": a name right after a date belongs to the date.
    if dates.contains(&(to - 1)) {
        return None;
    }
    // "on Tuesday appointed", "was founded in 2011 by": when it happened is
    // not part of what happened.
    let tokens: Vec<usize> = tokens
        .iter()
        .copied()
        .filter(|&t| !(dates.contains(&t) || tag(doc, t) == Upos::Adp && dates.contains(&(t + 1))))
        .collect();
    if tokens.is_empty() {
        return None;
    }
    // "X and Y was invited": X is not the subject of what follows.
    if tag(doc, tokens[0]) == Upos::Cconj {
        return None;
    }
    // The object followed by a verb is the subject of a clause of its own,
    // unless it is the agent of a noun ("after a report by the board
    // found", the noun phrase is that clause's subject).
    let agent_of_a_noun = tokens.len() >= 2
        && lower(doc, tokens[tokens.len() - 1]) == "by"
        && tag(doc, tokens[tokens.len() - 2]) == Upos::Noun;
    if to_end < sentence_end
        && matches!(tag(doc, to_end), Upos::Verb | Upos::Aux)
        && !agent_of_a_noun
    {
        return None;
    }
    let first_verb = tokens
        .iter()
        .position(|&t| matches!(tag(doc, t), Upos::Verb | Upos::Aux))?;
    // "as Boca beat River", "after Lima signed": a word that is both a
    // preposition and a conjunction, its name followed at once by a verb,
    // opens a clause with that name as its subject.
    let opens_clause = before > sentence_start
        && matches!(
            lower(doc, before - 1).as_str(),
            "as" | "after" | "before" | "since" | "until" | "till"
        )
        && tokens
            .iter()
            .find(|&&t| tag(doc, t) != Upos::Adv)
            .is_some_and(|&t| matches!(tag(doc, t), Upos::Verb | Upos::Aux));
    if object_of_preposition && !opens_clause {
        return None;
    }
    let reporting = tokens.windows(2).any(|pair| {
        tag(doc, pair[0]) == Upos::Verb
            && (lexicon::is_reporting_verb(&lower(doc, pair[0]))
                || is_complementizer(&lower(doc, pair[1])))
    });
    let ends_reporting = tokens
        .last()
        .is_some_and(|&t| tag(doc, t) == Upos::Verb && lexicon::is_reporting_verb(&lower(doc, t)));
    // "according to a statement from Brussels" says where a claim comes
    // from, not what the subject did.
    let attribution = tokens.iter().any(|&t| lower(doc, t) == "according");
    if reporting || ends_reporting || attribution {
        return None;
    }
    // A relative pronoun after the verb starts a clause with its own subject.
    if tokens[first_verb..]
        .iter()
        .any(|&t| is_relative_pronoun(&lower(doc, t)) && tag(doc, t) != Upos::Det)
    {
        return None;
    }
    // "fund the program or get Japan": a second verb phrase whose subject
    // is not the argument before it.
    let mut seen_object = false;
    for (i, &t) in tokens.iter().enumerate() {
        match tag(doc, t) {
            Upos::Noun | Upos::Propn => seen_object = true,
            Upos::Cconj if seen_object => {
                let next = tokens[i + 1..]
                    .iter()
                    .find(|&&n| !matches!(tag(doc, n), Upos::Adv | Upos::Part | Upos::Aux));
                if next.is_some_and(|&n| tag(doc, n) == Upos::Verb) {
                    return second_verb_phrase(doc, from_start, &tokens[..i], t, to, to_end);
                }
            }
            _ => {}
        }
    }
    let words: Vec<String> = tokens.iter().map(|&t| lower(doc, t)).collect();
    let negated = words.iter().any(|w| is_negation(w));
    // "urged the European Union to impose sanctions on Belarus": an
    // infinitive right after its subject says what is wanted, not done.
    let infinitive = words[0] == "to"
        && tag(doc, tokens[0]) == Upos::Part
        && tokens.get(1).is_some_and(|&t| tag(doc, t) == Upos::Verb);
    let hedged = infinitive || words.iter().any(|w| is_hedge(w));
    // "was helped by senior officials of Interpol": the agent is
    // the noun after "by", and the object here only qualifies it.
    let by_inside =
        words[..words.len() - 1].iter().any(|w| w == "by") && words.iter().any(|w| is_be(w));
    if by_inside {
        return None;
    }
    // "was beaten by", "has been fined 2.4 billion euros by": a form of
    // "be", a participle, at most a measure of it, then "by".
    let participle = words
        .last()
        .filter(|w| *w == "by" && tokens.len() >= 3)
        .and_then(|_| {
            let before_by = &tokens[..tokens.len() - 1];
            let verb = before_by.iter().rposition(|&t| tag(doc, t) == Upos::Verb)?;
            let measure_only = before_by[verb + 1..].iter().all(|&t| {
                matches!(
                    tag(doc, t),
                    Upos::Adv | Upos::Det | Upos::Num | Upos::Noun | Upos::Adj | Upos::Sym
                )
            });
            (measure_only && words[..verb].iter().any(|w| is_be(w))).then_some(tokens[verb])
        });
    let passive = participle.is_some();
    // A copula whose clause holds no other verb: "is a senior fellow at".
    let copula = words.iter().take(2).any(|w| is_be(w))
        && tokens
            .iter()
            .any(|&t| matches!(tag(doc, t), Upos::Noun | Upos::Adj))
        && !tokens.iter().any(|&t| tag(doc, t) == Upos::Verb);
    let mut label_tokens: Vec<usize> = tokens
        .iter()
        .copied()
        .filter(|&t| keeps_in_label(doc, t) || is_verb_particle(doc, t) || is_noun_modifier(doc, t))
        .filter(|&t| !is_unit_of_a_measure(doc, t))
        // A preposition stays when it leads somewhere: "victim to", not "at least".
        .filter(|&t| {
            tag(doc, t) != Upos::Adp
                || t + 1 == end
                || is_verb_particle(doc, t)
                || matches!(
                    tag(doc, t + 1),
                    Upos::Noun | Upos::Propn | Upos::Verb | Upos::Det
                )
        })
        .collect();
    if let Some(participle) = participle {
        // "was beaten by" → "beaten"; the direction carries the voice,
        // and a measure ("2.4 billion euros") is not part of the relation.
        // A modal would not read with the participle ("will replaced"):
        // the flags keep what it says.
        label_tokens.retain(|&t| {
            !is_be(&lower(doc, t))
                && tag(doc, t) != Upos::Aux
                && (t <= participle || (t == participle + 1 && is_particle(&lower(doc, t))))
        });
    } else if copula {
        // "is a senior fellow and distinguished chair ... at" → "is senior fellow at".
        label_tokens = copula_label(doc, &tokens);
    }
    // Object complement: "hold X responsible".
    let mut complement = to_end;
    while complement < doc.tokens.len() && tag(doc, complement) == Upos::Adv {
        complement += 1;
    }
    if !copula {
        label_tokens = compact(doc, &label_tokens);
        if !is_verb_phrase(doc, &label_tokens) {
            return None;
        }
    }
    let mut label: Vec<String> = label_tokens
        .iter()
        .map(|&t| doc.token_text(t).to_string())
        .collect();
    // Only where the adjective closes the clause or takes its own
    // complement ("responsible for"), not "joined the navy aged 18".
    let closes = complement + 1 >= doc.tokens.len()
        || matches!(tag(doc, complement + 1), Upos::Punct | Upos::Adp);
    if complement < doc.tokens.len()
        && closes
        && (tag(doc, complement) == Upos::Adj || is_misread_complement(doc, complement))
        && label_tokens
            .last()
            .is_some_and(|&t| tag(doc, t) == Upos::Verb)
        && doc.sentence_of_token(complement) == doc.sentence_of_token(to)
    {
        label.push(doc.token_text(complement).to_string());
    }
    if label.is_empty() || label.len() > MAX_LABEL_WORDS {
        return None;
    }
    Some(Predicate {
        label: label.join(" "),
        negated,
        hedged,
        passive,
    })
}

/// An adjective of `object_complements.txt` followed by its preposition or the end of
/// the clause, whatever its tag.
fn is_misread_complement(doc: &Document, token: usize) -> bool {
    let closes = doc
        .tags
        .get(token + 1)
        .is_none_or(|t| matches!(t, Upos::Adp | Upos::Punct));
    lexicon::is_object_complement(doc.token_text(token)) && closes
}

/// "led the Fuerza Civica party in Congress": a name of an organisation
/// followed by the noun of its own kind is the whole object, not a
/// modifier of a noun (unlike "the Trump administration", a person's name).
fn names_its_own_kind(doc: &Document, to: usize, to_end: usize, sentence_end: usize) -> bool {
    let organization = doc.mentions.iter().any(|m| {
        m.tokens == (to..to_end) && m.kind == MentionKind::Name && m.ty == EntityType::Organization
    });
    // A lower-case word is no name whatever its tag.
    let kind = matches!(tag(doc, to_end), Upos::Noun | Upos::Propn)
        && doc.token_text(to_end).starts_with(char::is_lowercase)
        && lexicon::is_organization_noun(&lower(doc, to_end));
    let closes = to_end + 1 >= sentence_end
        || !matches!(tag(doc, to_end + 1), Upos::Noun | Upos::Propn | Upos::Part);
    organization && kind && closes
}

/// "Marroquin pleaded guilty last year and testified against Salcedo": a
/// verb phrase whose object names nothing, then a conjunction and a second
/// verb phrase of the same subject, which says what the subject did to the
/// object. Not after an infinitive ("persuade Congress to fund the program
/// or get Japan": the second verb is the infinitive's). A modal or negation
/// before the first verb stands for both.
fn second_verb_phrase(
    doc: &Document,
    from_start: usize,
    first: &[usize],
    conjunction: usize,
    to: usize,
    to_end: usize,
) -> Option<Predicate> {
    let opening = first
        .iter()
        .position(|&t| !matches!(tag(doc, t), Upos::Aux | Upos::Adv | Upos::Part))?;
    let infinitive = first
        .iter()
        .any(|&t| lower(doc, t) == "to" && tag(doc, t) == Upos::Part);
    if infinitive || tag(doc, first[opening]) != Upos::Verb {
        return None;
    }
    let mut predicate = read_predicate(doc, from_start, conjunction + 1, to, to_end)?;
    let scope: Vec<String> = first[..opening].iter().map(|&t| lower(doc, t)).collect();
    predicate.negated |= scope.iter().any(|w| is_negation(w));
    predicate.hedged |= scope.iter().any(|w| is_hedge(w));
    // "was substituted off and replaced by Ben Mustapha": the first verb's
    // "be" makes the second a passive too.
    if scope.iter().any(|w| is_be(w))
        && let Some(participle) = predicate.label.strip_suffix(" by")
        && !participle.contains(' ')
    {
        predicate.label = participle.to_string();
        predicate.passive = true;
    }
    Some(predicate)
}

/// "The Civic Union, led by Prime Minister Adrian Kostic,": a participle
/// right after a comma, its agent after "by", is a passive of the name
/// before the comma; the participle alone is the label.
pub(super) fn reduced_passive(
    doc: &Document,
    start: usize,
    to: usize,
    to_end: usize,
) -> Option<Predicate> {
    // "founded in 2004 by the engineer X": when is no part of it.
    let dates = date_tokens(doc, start..to);
    let tokens: Vec<usize> = (start..to)
        .filter(|&t| tag(doc, t) != Upos::Adv)
        .filter(|&t| !(dates.contains(&t) || tag(doc, t) == Upos::Adp && dates.contains(&(t + 1))))
        .collect();
    let [participle, by, rest @ ..] = tokens.as_slice() else {
        return None;
    };
    let sentence_end = doc.sentences[doc.sentence_of_token(to).index()].tokens.end;
    let closes = |end: usize| end >= sentence_end || matches!(doc.token_text(end), "," | "." | ";");
    // "run by Bogazici University in Istanbul,": where the agent is
    // closes the phrase too.
    let placed_agent = to_end + 1 < sentence_end
        && lexicon::is_location_preposition(&lower(doc, to_end))
        && doc.mentions.iter().any(|m| {
            m.tokens.start == to_end + 1
                && m.ty == EntityType::Location
                && m.kind == MentionKind::Name
                && closes(m.tokens.end)
        });
    // "owned by Robert Kessler since 2019,": when, after the agent, closes
    // it too.
    let date_closes = |start: usize| {
        doc.mentions
            .iter()
            .any(|m| m.tokens.start == start && m.ty == EntityType::Date && closes(m.tokens.end))
    };
    let dated_agent = to_end < sentence_end
        && (date_closes(to_end)
            || to_end + 1 < sentence_end
                && matches!(tag(doc, to_end), Upos::Adp | Upos::Sconj)
                && date_closes(to_end + 1));
    let agent_closes = closes(to_end) || placed_agent || dated_agent;
    let reads = tag(doc, *participle) == Upos::Verb
        && doc.token_text(*participle).starts_with(char::is_lowercase)
        && lower(doc, *by) == "by"
        && rest.iter().all(|&t| tag(doc, t) == Upos::Det)
        && agent_closes;
    reads.then(|| Predicate {
        label: lower(doc, *participle),
        negated: false,
        hedged: false,
        passive: true,
    })
}

/// The tokens of `range` inside date mentions, and the names of months
/// and weekdays the recogniser left out.
pub(super) fn date_tokens(doc: &Document, range: Range<usize>) -> Vec<usize> {
    let first = doc
        .mentions
        .partition_point(|m| m.tokens.start < range.start);
    let mut dates: Vec<usize> = doc.mentions[first..]
        .iter()
        .take_while(|m| m.tokens.start < range.end)
        .filter(|m| m.ty == EntityType::Date)
        .flat_map(|m| m.tokens.start..m.tokens.end.min(range.end))
        .collect();
    dates.extend(range.filter(|&t| lexicon::is_month_or_weekday(doc.token_text(t))));
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// Particles of phrasal verbs: "came back from", "pushed back against".
pub(super) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "up" | "down"
            | "out"
            | "off"
            | "back"
            | "over"
            | "away"
            | "in"
            | "on"
            | "about"
            | "around"
            | "through"
            | "along"
    )
}

/// Whether a label reads as one predicate: modals and negation, a verb (or
/// verbs joined by a conjunction), an optional particle, then optionally a
/// noun phrase that ends in a preposition ("canceled meeting with",
/// "handled dialogue with"). Words gathered from different parts of a
/// sentence ("term pushing against", "chose hashtag and to") do not.
pub(super) fn is_verb_phrase(doc: &Document, tokens: &[usize]) -> bool {
    // A possessive ending inside belongs to a noun phrase the label cut.
    if tokens
        .iter()
        .any(|&t| matches!(doc.token_text(t), "'s" | "’s") && tag(doc, t) == Upos::Part)
    {
        return false;
    }
    let mut i = 0;
    let word = |i: usize| lower(doc, tokens[i]);
    while i < tokens.len()
        && (matches!(tag(doc, tokens[i]), Upos::Aux | Upos::Part) || is_negation(&word(i)))
        && !(tag(doc, tokens[i]) == Upos::Aux && i + 1 == tokens.len())
    {
        i += 1;
    }
    // The verb group.
    let verbs_start = i;
    while i < tokens.len() {
        match tag(doc, tokens[i]) {
            Upos::Verb => i += 1,
            Upos::Aux if i > verbs_start => return false,
            Upos::Cconj
                if i > verbs_start
                    && i + 1 < tokens.len()
                    && tag(doc, tokens[i + 1]) == Upos::Verb =>
            {
                i += 2
            }
            // "agreed to buy"
            Upos::Part
                if i > verbs_start
                    && word(i) == "to"
                    && i + 1 < tokens.len()
                    && tag(doc, tokens[i + 1]) == Upos::Verb =>
            {
                i += 2
            }
            _ => break,
        }
        // Two verbs in a row without a conjunction are two predicates.
        if i < tokens.len()
            && i > verbs_start + 1
            && tag(doc, tokens[i - 1]) == Upos::Verb
            && tag(doc, tokens[i - 2]) == Upos::Verb
        {
            return false;
        }
    }
    if i == verbs_start {
        // No verb: only "is in", "was at" (where something is) reads as a predicate.
        let locative = i == 1
            && tokens.len() == 2
            && is_be(&word(0))
            && matches!(
                word(1).as_str(),
                "in" | "at" | "on" | "near" | "inside" | "from"
            );
        return locative;
    }
    if i < tokens.len() && is_particle(&word(i)) && i + 1 < tokens.len() {
        i += 1;
        // "has ruled out working with": a gerund after the particle is
        // what the verb is about.
        if i + 1 < tokens.len() && tag(doc, tokens[i]) == Upos::Verb && word(i).ends_with("ing") {
            i += 1;
        }
    }
    if i == tokens.len() {
        return true;
    }
    // "served as ambassador to": the position the verb's subject held.
    if i + 1 < tokens.len()
        && word(i) == "as"
        && matches!(tag(doc, tokens[i + 1]), Upos::Noun | Upos::Adj)
    {
        i += 1;
    }
    // An optional noun phrase, then a single closing preposition.
    while i < tokens.len() && matches!(tag(doc, tokens[i]), Upos::Noun | Upos::Adj) {
        i += 1;
    }
    // "spoke by phone with", "talked at length with": a phrase of manner
    // (a preposition and one or two nouns) before the closing preposition.
    if i + 2 < tokens.len() && tag(doc, tokens[i]) == Upos::Adp {
        let mut j = i + 1;
        while j < tokens.len() && j - i <= 2 && matches!(tag(doc, tokens[j]), Upos::Noun) {
            j += 1;
        }
        if j > i + 1 && j + 1 == tokens.len() {
            i = j;
        }
    }
    i + 1 == tokens.len() && matches!(tag(doc, tokens[i]), Upos::Adp | Upos::Part)
        || (i == tokens.len() && tag(doc, tokens[i - 1]) == Upos::Noun)
}

/// Drops what only carries tense or hedging before the main verb: "seems
/// to have handled" → "handled" (the hedge is marked apart); modals and
/// negation stay ("could not persuade").
pub(super) fn compact(doc: &Document, tokens: &[usize]) -> Vec<usize> {
    let Some(main) = tokens.iter().rposition(|&t| tag(doc, t) == Upos::Verb) else {
        return tokens.to_vec();
    };
    let mut kept: Vec<usize> = Vec::with_capacity(tokens.len());
    for (i, &t) in tokens.iter().enumerate() {
        let word = lower(doc, t);
        let before_main = i < main;
        // "agreed to buy": the "to" of a verb's own complement stays.
        let after_kept_verb = kept.last().is_some_and(|&k| tag(doc, k) == Upos::Verb);
        let tense_or_hedge =
            matches!(
                word.as_str(),
                "has"
                    | "have"
                    | "had"
                    | "having"
                    | "do"
                    | "does"
                    | "did"
                    | "seems"
                    | "seem"
                    | "seemed"
                    | "appears"
                    | "appeared"
            ) || (word == "to" && i + 1 < tokens.len() && before_main && !after_kept_verb)
                || (is_be(&word) && tag(doc, tokens[main]) == Upos::Verb && !is_negation(&word));
        if before_main && tense_or_hedge && !is_negation(&word) {
            continue;
        }
        kept.push(t);
    }
    kept
}

/// Words a label keeps: verbs, negation, particles, nouns, prepositions;
/// not determiners, pronouns or manner adverbs.
pub(super) fn keeps_in_label(doc: &Document, token: usize) -> bool {
    let word = lower(doc, token);
    if is_negation(&word) {
        return true;
    }
    matches!(
        tag(doc, token),
        Upos::Verb | Upos::Aux | Upos::Noun | Upos::Adp | Upos::Part | Upos::Cconj
    )
}

/// "came back from", "pushed back against": the particle is part of the verb,
/// whichever tag it got.
pub(super) fn is_verb_particle(doc: &Document, token: usize) -> bool {
    token > 0
        && tag(doc, token - 1) == Upos::Verb
        && is_particle(&lower(doc, token))
        && token + 1 < doc.tokens.len()
        && tag(doc, token + 1) == Upos::Adp
}

/// "contacted senior officials of": an adjective of the noun the label keeps
/// changes what the noun means.
///
/// "named chief executive of", "remained loyal to": adjectives right after
/// a verb and before its preposition are what the verb makes of the subject
/// (or a noun the tagger read as an adjective).
pub(super) fn is_noun_modifier(doc: &Document, token: usize) -> bool {
    if tag(doc, token) != Upos::Adj
        || token == 0
        || !matches!(tag(doc, token - 1), Upos::Verb | Upos::Det | Upos::Adj)
    {
        return false;
    }
    let mut next = token + 1;
    while next < doc.tokens.len() && tag(doc, next) == Upos::Adj {
        next += 1;
    }
    let mut first = token;
    while first > 0 && tag(doc, first - 1) == Upos::Adj {
        first -= 1;
    }
    next < doc.tokens.len()
        && (tag(doc, next) == Upos::Noun
            || (tag(doc, next) == Upos::Adp && first > 0 && tag(doc, first - 1) == Upos::Verb))
}

/// "a 17 billion dollar factory": a noun between a number and the noun it
/// measures is the measure's unit, no part of what was done.
pub(super) fn is_unit_of_a_measure(doc: &Document, token: usize) -> bool {
    token > 0
        && token + 1 < doc.tokens.len()
        && tag(doc, token) == Upos::Noun
        && tag(doc, token - 1) == Upos::Num
        && matches!(tag(doc, token + 1), Upos::Noun | Upos::Adj)
}

/// Only "by", after at most a date and its preposition: "in 1998 by".
pub(super) fn agent_follows(doc: &Document, from: usize, to: usize) -> bool {
    let dates = date_tokens(doc, from..to);
    let Some(by) = (from..to).rev().find(|&t| tag(doc, t) != Upos::Det) else {
        return false;
    };
    lower(doc, by) == "by"
        && (from..by)
            .all(|t| dates.contains(&t) || (tag(doc, t) == Upos::Adp && dates.contains(&(t + 1))))
}

/// The participle of the passive the last reading read ("was founded in"
/// → "founded"), as a passive predicate of its own.
pub(super) fn passive_verb_of(
    doc: &Document,
    readers: &[Argument],
    object: Argument,
    said: &Predicate,
) -> Option<Predicate> {
    if said.passive || said.negated {
        return None;
    }
    let reader_end = readers.iter().map(|r| r.end).max()?;
    let participle = (reader_end..object.start).find(|&t| tag(doc, t) == Upos::Verb)?;
    let be = (reader_end..participle)
        .rev()
        .find(|&t| tag(doc, t) != Upos::Adv)
        .is_some_and(|t| is_be(&lower(doc, t)));
    let only_a_phrase_after = (participle + 1..object.start)
        .all(|t| matches!(tag(doc, t), Upos::Adp | Upos::Det | Upos::Adj));
    (be && only_a_phrase_after).then(|| Predicate {
        label: lower(doc, participle),
        negated: false,
        hedged: said.hedged,
        passive: true,
    })
}
