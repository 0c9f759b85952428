//! Open relations: the text's own predicate between two entities of a clause.
//!
//! A shallow reading over part-of-speech tags and resolved mentions, clause
//! by clause: subject–verb–object and prepositional objects ("canceled
//! meeting with"), passives (direction turned), relative clauses ("Pompeo,
//! who ... handled the dialogue with Kim"), coordinated subjects, appositions
//! ("Kim Il Sung, grandfather of ..."), copulas ("is a senior fellow at") and
//! object complements ("hold X responsible").

use crate::document::{Document, EntityId, MentionKind, Relation, RelationKind, Span, Upos};
use crate::lexicon;

/// The longest stretch of words read as one predicate.
const MAX_PREDICATE_TOKENS: usize = 14;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Argument {
    entity: EntityId,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, PartialEq)]
struct Predicate {
    label: String,
    negated: bool,
    hedged: bool,
    /// The first argument is the object: "X was defeated by Y".
    passive: bool,
}

fn tag(doc: &Document, token: usize) -> Upos {
    doc.tags.get(token).copied().unwrap_or(Upos::X)
}

fn lower(doc: &Document, token: usize) -> String {
    doc.token_text(token).to_lowercase()
}

fn is_negation(word: &str) -> bool {
    matches!(word, "not" | "n't" | "never" | "no")
}

fn is_hedge(word: &str) -> bool {
    matches!(
        word,
        "may"
            | "might"
            | "would"
            | "could"
            | "should"
            | "likely"
            | "unlikely"
            | "reportedly"
            | "allegedly"
            | "apparently"
            | "possibly"
            | "probably"
            | "perhaps"
            | "seems"
            | "seem"
            | "seemed"
    )
}

fn is_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "'re"
    )
}

fn is_relative_pronoun(word: &str) -> bool {
    matches!(word, "who" | "which" | "that" | "whom")
}

fn is_clause_break(doc: &Document, token: usize) -> bool {
    matches!(
        doc.token_text(token),
        ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”"
    ) || (tag(doc, token) == Upos::Sconj && !matches!(lower(doc, token).as_str(), "than"))
}

/// The arguments of one sentence: mentions of resolved entities that can
/// stand as subject or object (demonyms are modifiers, not arguments).
fn arguments(doc: &Document, sentence: usize) -> Vec<Argument> {
    let mut args: Vec<Argument> = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence.index() == sentence && m.kind != MentionKind::Demonym)
        .filter_map(|(i, m)| {
            Some(Argument {
                entity: doc.mention_entity.get(i).copied().flatten()?,
                start: m.tokens.start,
                end: m.tokens.end,
            })
        })
        .collect();
    args.sort_by_key(|a| (a.start, a.end));
    args.dedup_by_key(|a| a.start);
    args
}

/// Extracts open relations from every sentence.
pub fn extract(doc: &Document) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let args = arguments(doc, s);
        let mut subjects: Vec<Argument> = Vec::new();
        for pair in args.windows(2) {
            let (left, right) = (pair[0], pair[1]);
            if is_coordination(doc, left.end, right.start) {
                if subjects.last() != Some(&left) {
                    subjects = vec![left];
                }
                subjects.push(right);
                continue;
            }
            let group = if subjects.last() == Some(&left) {
                std::mem::take(&mut subjects)
            } else {
                subjects.clear();
                vec![left]
            };
            let Some(predicate) = read_predicate(doc, left.end, right.start, right.end) else {
                continue;
            };
            for subject in group {
                let (head, tail) = if predicate.passive {
                    (right.entity, subject.entity)
                } else {
                    (subject.entity, right.entity)
                };
                if head == tail {
                    continue;
                }
                relations.push(Relation {
                    head,
                    tail,
                    kind: RelationKind::Open,
                    label: predicate.label.clone(),
                    property: None,
                    confidence: 0.7,
                    negated: predicate.negated,
                    hedged: predicate.hedged,
                    evidence: vec![sentence.span],
                });
            }
        }
        relations.extend(located_in(doc, &args, sentence.span));
    }
    relations.extend(role_relations(doc));
    relations
}

/// "China and South Korea", "Japan, China and Korea": only a conjunction or
/// comma between two arguments.
fn is_coordination(doc: &Document, from: usize, to: usize) -> bool {
    let words: Vec<String> = (from..to).map(|t| lower(doc, t)).collect();
    matches!(
        words
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["and"] | ["or"] | [","] | [",", "and"] | ["&"]
    )
}

/// Reads the predicate between an argument ending at `from` and one
/// spanning `to..to_end`.
fn read_predicate(doc: &Document, from: usize, to: usize, to_end: usize) -> Option<Predicate> {
    let mut start = from;
    // A possessive ending belongs to the subject: "Gaddafi's demise".
    if start < to && matches!(doc.token_text(start), "'s" | "’s") {
        return None;
    }
    if start < to && doc.token_text(start) == "," {
        let close = (start + 1..to).find(|&t| doc.token_text(t) == ",");
        let opener = start + 1 < to && is_relative_pronoun(&lower(doc, start + 1));
        match close {
            // Apposition naming the object: "X, grandfather of Y".
            None if !opener => return apposition(doc, start + 1, to),
            // Relative clause: the predicate is inside it.
            None => start += 2,
            // A parenthetical after the subject: skip it.
            Some(close) if !opener => start = close + 1,
            Some(_) => start += 2,
        }
    }
    // Determiners and adjectives right before the object belong to its
    // noun phrase: "at the nonprofit, nonpartisan RAND Corporation".
    let mut end = to;
    while end > start
        && (matches!(tag(doc, end - 1), Upos::Det | Upos::Adj | Upos::Num)
            || (doc.token_text(end - 1) == ","
                && end - 1 > start
                && tag(doc, end - 2) == Upos::Adj))
    {
        end -= 1;
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
    let first_verb = tokens
        .iter()
        .position(|&t| matches!(tag(doc, t), Upos::Verb | Upos::Aux))?;
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
    for (i, &t) in tokens.iter().enumerate().skip(first_verb) {
        match tag(doc, t) {
            Upos::Noun | Upos::Propn => seen_object = true,
            Upos::Cconj if seen_object => {
                let next = tokens[i + 1..]
                    .iter()
                    .find(|&&n| !matches!(tag(doc, n), Upos::Adv | Upos::Part | Upos::Aux));
                if next.is_some_and(|&n| tag(doc, n) == Upos::Verb) {
                    return None;
                }
            }
            _ => {}
        }
    }
    let words: Vec<String> = tokens.iter().map(|&t| lower(doc, t)).collect();
    let negated = words.iter().any(|w| is_negation(w));
    let hedged = words.iter().any(|w| is_hedge(w));
    let passive = tokens.len() >= 3
        && words.last().is_some_and(|w| w == "by")
        && words.iter().any(|w| is_be(w))
        && tokens[..tokens.len() - 1]
            .iter()
            .rev()
            .find(|&&t| tag(doc, t) != Upos::Adv)
            .is_some_and(|&t| tag(doc, t) == Upos::Verb);
    let copula = words.iter().take(2).any(|w| is_be(w))
        && tokens
            .iter()
            .any(|&t| matches!(tag(doc, t), Upos::Noun | Upos::Adj));
    let mut label_tokens: Vec<usize> = tokens
        .iter()
        .copied()
        .filter(|&t| keeps_in_label(doc, t))
        .collect();
    if passive {
        // "was defeated by" → "defeated"; the direction carries the voice.
        label_tokens.retain(|&t| !is_be(&lower(doc, t)) && lower(doc, t) != "by");
    } else if copula {
        // "is a senior fellow and distinguished chair ... at" → "is senior fellow at".
        label_tokens = copula_label(doc, &tokens);
    }
    // Object complement: "hold X responsible".
    let mut complement = to_end;
    while complement < doc.tokens.len() && tag(doc, complement) == Upos::Adv {
        complement += 1;
    }
    let mut label: Vec<String> = label_tokens
        .iter()
        .map(|&t| doc.token_text(t).to_string())
        .collect();
    if complement < doc.tokens.len()
        && tag(doc, complement) == Upos::Adj
        && label_tokens
            .last()
            .is_some_and(|&t| tag(doc, t) == Upos::Verb)
        && doc.sentence_of_token(complement) == doc.sentence_of_token(to)
    {
        label.push(doc.token_text(complement).to_string());
    }
    if label.is_empty() {
        return None;
    }
    Some(Predicate {
        label: label.join(" "),
        negated,
        hedged,
        passive,
    })
}

/// Words a label keeps: verbs, negation, particles, nouns, prepositions;
/// not determiners, pronouns or manner adverbs.
fn keeps_in_label(doc: &Document, token: usize) -> bool {
    let word = lower(doc, token);
    if is_negation(&word) {
        return true;
    }
    match tag(doc, token) {
        Upos::Verb | Upos::Aux | Upos::Noun | Upos::Adp | Upos::Part | Upos::Cconj => true,
        Upos::Adj => false,
        _ => false,
    }
}

/// The label of a copula: the verb, the first noun phrase's adjectives and
/// head, and the preposition before the object.
fn copula_label(doc: &Document, tokens: &[usize]) -> Vec<usize> {
    let mut label = vec![tokens[0]];
    let mut in_phrase = false;
    for &t in &tokens[1..] {
        match tag(doc, t) {
            Upos::Adj | Upos::Noun | Upos::Propn => {
                label.push(t);
                in_phrase = true;
            }
            Upos::Det | Upos::Adv | Upos::Num if !in_phrase => {}
            _ => break,
        }
    }
    if let Some(&last) = tokens.last() {
        if tag(doc, last) == Upos::Adp && !label.contains(&last) {
            label.push(last);
        }
    }
    label
}

/// "X, grandfather of Y": a noun and a preposition right before the object.
fn apposition(doc: &Document, start: usize, to: usize) -> Option<Predicate> {
    let tokens: Vec<usize> = (start..to).collect();
    if tokens.is_empty() || tokens.len() > 6 {
        return None;
    }
    let noun = tokens
        .iter()
        .position(|&t| matches!(tag(doc, t), Upos::Noun))?;
    let preposition = tokens[noun + 1..]
        .iter()
        .find(|&&t| tag(doc, t) == Upos::Adp)?;
    if tokens[..noun].iter().any(|&t| {
        !matches!(
            tag(doc, t),
            Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn
        )
    }) {
        return None;
    }
    Some(Predicate {
        label: format!(
            "{} {}",
            doc.token_text(tokens[noun]),
            doc.token_text(*preposition)
        ),
        negated: false,
        hedged: false,
        passive: false,
    })
}

/// "in Seoul, South Korea": a place, a comma, then the country or region
/// it lies in.
fn located_in(doc: &Document, args: &[Argument], evidence: Span) -> Vec<Relation> {
    let mut relations = Vec::new();
    for pair in args.windows(2) {
        let (place, region) = (pair[0], pair[1]);
        let types_fit = [place.entity, region.entity]
            .iter()
            .all(|e| doc.entities[e.index()].ty == crate::document::EntityType::Location);
        if !types_fit || place.entity == region.entity {
            continue;
        }
        if region.start != place.end + 1 || doc.token_text(place.end) != "," {
            continue;
        }
        let is_country = lexicon::country(&doc.entities[region.entity.index()].label).is_some();
        let (property, label) = if is_country {
            ("P17", "country")
        } else {
            ("P131", "located in the administrative territorial entity")
        };
        relations.push(Relation {
            head: place.entity,
            tail: region.entity,
            kind: RelationKind::Typed,
            label: label.to_string(),
            property: Some(property.to_string()),
            confidence: 0.85,
            negated: false,
            hedged: false,
            evidence: vec![evidence],
        });
    }
    relations
}

/// A role that names its country or organisation ("North Korean leader Kim
/// Jong Un", "RAND president Ana Soto") gives an edge from the person to it.
fn role_relations(doc: &Document) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (m, mention) in doc.mentions.iter().enumerate() {
        let (Some(role), Some(person)) =
            (mention.role, doc.mention_entity.get(m).copied().flatten())
        else {
            continue;
        };
        // The role's modifier: a mention inside the role span.
        let owner = doc.mentions.iter().enumerate().find_map(|(o, other)| {
            (o != m && role.contains(other.span))
                .then(|| doc.mention_entity.get(o).copied().flatten())
                .flatten()
                .map(|entity| (entity, other.span))
        });
        let Some((owner, owner_span)) = owner else {
            continue;
        };
        let title = doc.text[owner_span.end..role.end].trim().to_string();
        if title.is_empty() || owner == person {
            continue;
        }
        let sentence = doc.sentences[mention.sentence.index()].span;
        relations.push(Relation {
            head: person,
            tail: owner,
            kind: RelationKind::Open,
            label: format!("{} of", title.to_lowercase()),
            property: None,
            confidence: 0.8,
            negated: false,
            hedged: false,
            evidence: vec![sentence],
        });
        if let Some((property, label, country_first)) = role_property(&title.to_lowercase()) {
            let owner_ty = doc.entities[owner.index()].ty;
            let fits = if country_first {
                owner_ty == crate::document::EntityType::Location
            } else {
                owner_ty == crate::document::EntityType::Organization
            };
            if fits {
                let (head, tail) = if country_first {
                    (owner, person)
                } else {
                    (person, owner)
                };
                relations.push(Relation {
                    head,
                    tail,
                    kind: RelationKind::Typed,
                    label: label.to_string(),
                    property: Some(property.to_string()),
                    confidence: 0.8,
                    negated: false,
                    hedged: false,
                    evidence: vec![sentence],
                });
            }
        }
    }
    relations
}

/// The Wikidata property a role word implies, and whether the property's
/// head is the country (head of state) rather than the person (employer).
fn role_property(title: &str) -> Option<(&'static str, &'static str, bool)> {
    let last = title.split_whitespace().last()?;
    match last {
        "president" | "leader" | "king" | "queen" | "emperor" | "monarch" | "dictator" => {
            Some(("P35", "head of state", true))
        }
        "minister" | "premier" | "chancellor" if title.contains("prime") || last != "minister" => {
            Some(("P6", "head of government", true))
        }
        "ceo" | "chairman" | "chairwoman" | "director" | "fellow" | "researcher" | "analyst"
        | "employee" | "spokesman" | "spokeswoman" | "spokesperson" | "economist" | "professor"
        | "editor" | "reporter" | "correspondent" => Some(("P108", "employer", false)),
        _ => None,
    }
}
