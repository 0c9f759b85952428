//! Open relations: the text's own predicate between two entities of a clause.
//!
//! A shallow reading over part-of-speech tags and resolved mentions, clause
//! by clause: subject–verb–object and prepositional objects ("canceled
//! meeting with"), passives (direction turned), relative clauses ("Pompeo,
//! who ... handled the dialogue with Kim"), coordinated subjects, appositions
//! ("Kim Il Sung, grandfather of ..."), copulas ("is a senior fellow at") and
//! object complements ("hold X responsible").

use crate::document::{
    Document, EntityId, EntityType, Mention, MentionKind, Relation, RelationKind, Span, Upos,
};
use crate::lexicon;
use std::ops::Range;

mod described;
use described::*;
mod events;
use events::*;
mod predicate;
use predicate::*;
mod roles;
use roles::*;
#[cfg(test)]
mod tests;

/// The longest stretch of words read as one predicate.
const MAX_PREDICATE_TOKENS: usize = 12;

/// The most words a label keeps; longer readings are not one predicate.
const MAX_LABEL_WORDS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Argument {
    entity: EntityId,
    start: usize,
    end: usize,
    /// "The group's leader, Joseph Mbeki, told ...": a role set off by a
    /// comma before the name, so a comma after it closes the apposition.
    appositive: bool,
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
    let tagged = doc.tags.get(token).copied().unwrap_or(Upos::X);
    // "seized near/ADJ Kaduna": before a name or its article, these words
    // are prepositions whatever the tagger read.
    if matches!(tagged, Upos::Adj | Upos::Adv)
        && matches!(
            doc.token_text(token),
            "near" | "despite" | "via" | "towards" | "toward" | "outside" | "inside" | "amid"
        )
        && matches!(
            doc.tags.get(token + 1),
            Some(Upos::Propn | Upos::Det | Upos::Num)
        )
    {
        return Upos::Adp;
    }
    tagged
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
            | "expected"
            | "plans"
            | "planned"
            | "intends"
            | "intended"
            | "favoured"
            | "favored"
            | "poised"
            | "tipped"
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

/// "his meeting", "her decision": a possessive determiner, not an argument.
fn is_possessive(doc: &Document, token: usize) -> bool {
    match lower(doc, token).as_str() {
        "his" | "its" | "their" => true,
        "her" => (token + 1 < doc.tokens.len())
            .then(|| tag(doc, token + 1))
            .is_some_and(|t| matches!(t, Upos::Noun | Upos::Adj | Upos::Propn | Upos::Num)),
        _ => false,
    }
}

/// "government", "authorities": a noun for those who govern a place, which
/// the place's name stands for in a clause ("The government of Norway
/// signed", "Norway's government signed", "The Norwegian government
/// signed" all say Norway signed).
fn governs_a_place(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "government" | "authorities" | "administration"
    )
}

/// The tokens a place's mention stands for as an argument when a noun of
/// government is said of it: before it, "[the] government of [the]";
/// after it, "'s [adjectives] government" (or, for a demonym, "[the]
/// Norwegian government"). `None` when no such noun is.
fn place_as_its_government(doc: &Document, mention: &Mention) -> Option<Range<usize>> {
    let sentence = &doc.sentences[mention.sentence.index()].tokens;
    let (start, end) = (mention.tokens.start, mention.tokens.end);
    let word = |t: usize| doc.token_text(t);
    // The noun heads its phrase: "the government spokesman" is a person.
    let heads = |noun: usize| {
        governs_a_place(word(noun))
            && (noun + 1 >= sentence.end || !matches!(tag(doc, noun + 1), Upos::Noun | Upos::Propn))
    };
    let noun_after = |from: usize, most: usize| {
        (from..sentence.end.min(from + most))
            .find(|&t| !(tag(doc, t) == Upos::Adj && word(t).starts_with(char::is_lowercase)))
    };
    if mention.kind == MentionKind::Demonym {
        let noun = noun_after(end, 2)?;
        let determined = start > sentence.start && tag(doc, start - 1) == Upos::Det;
        return heads(noun).then_some(start - usize::from(determined)..noun + 1);
    }
    let mut of = start;
    if of > sentence.start && word(of - 1).eq_ignore_ascii_case("the") {
        of -= 1;
    }
    if of > sentence.start + 1 && word(of - 1) == "of" && governs_a_place(word(of - 2)) {
        let noun = of - 2;
        let determined = noun > sentence.start && tag(doc, noun - 1) == Upos::Det;
        return Some(noun - usize::from(determined)..end);
    }
    if end + 1 < sentence.end && matches!(word(end), "'s" | "’s") {
        let noun = noun_after(end + 1, 3)?;
        return heads(noun).then_some(start..noun + 1);
    }
    None
}

/// The arguments of one sentence: mentions of resolved entities that can
/// stand as subject or object (demonyms are modifiers, not arguments,
/// unless they say whose government is meant).
fn arguments(doc: &Document, sentence: usize) -> Vec<Argument> {
    let mut args: Vec<Argument> = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence.index() == sentence)
        .filter(|(_, m)| {
            m.kind != MentionKind::Demonym || place_as_its_government(doc, m).is_some()
        })
        .filter(|(_, m)| m.kind != MentionKind::Pronoun || !is_possessive(doc, m.tokens.start))
        // "they" so often stands for a group no name was given to that an
        // edge read from it is more likely wrong than right.
        .filter(|(_, m)| {
            m.kind != MentionKind::Pronoun
                || !matches!(
                    lower(doc, m.tokens.start).as_str(),
                    "they" | "them" | "themselves"
                )
        })
        .filter_map(|(i, m)| {
            let entity = doc.mention_entity.get(i).copied().flatten()?;
            if matches!(
                doc.entities[entity.index()].ty,
                EntityType::Date | EntityType::Number
            ) {
                return None;
            }
            let governed = (doc.entities[entity.index()].ty == EntityType::Location)
                .then(|| place_as_its_government(doc, m))
                .flatten();
            if let Some(tokens) = governed {
                return Some(Argument {
                    entity,
                    start: tokens.start,
                    end: tokens.end,
                    appositive: false,
                });
            }
            // A role before a name belongs to the argument, not the predicate.
            let start = m
                .role
                .and_then(|role| doc.tokens.iter().position(|t| t.start == role.start))
                .filter(|&t| t < m.tokens.start)
                .unwrap_or(m.tokens.start);
            let appositive = (start..m.tokens.start).any(|t| doc.token_text(t) == ",");
            Some(Argument {
                entity,
                start,
                end: m.tokens.end,
                appositive,
            })
        })
        .collect();
    args.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
    // A mention inside another argument's role ("Oslo" of "Oslo Mayor
    // Anne Lind") is part of that argument, not one of its own.
    let mut kept: Vec<Argument> = Vec::with_capacity(args.len());
    for arg in args {
        if kept.last().is_none_or(|last| arg.start >= last.end) {
            kept.push(arg);
        }
    }
    kept
}

/// Extracts open relations from every sentence.
pub fn extract(doc: &Document) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        // A title-case headline capitalises its verbs too; the tags read
        // there are guesses, and the story below says it again in full.
        if crate::grammar::capitalises_every_content_word(doc, sentence.tokens.clone()) {
            continue;
        }
        let all_args = arguments(doc, s);
        relations.extend(based_in(doc, &all_args, sentence.span));
        relations.extend(possessed_roles_after_a_copula(
            doc,
            &all_args,
            sentence.span,
        ));
        let args = fold_possessors(doc, &all_args, sentence.span, &mut relations);
        relations.extend(acts_on_a_countrys_people(doc, &args, sentence.span));
        relations.extend(measures_on_a_countrys_goods(doc, &args, sentence.span));
        relations.extend(possessed_acts(doc, &args, sentence.span));
        relations.extend(acts_on_what_a_name_holds(doc, &args, sentence.span));
        let mut subjects: Vec<Argument> = Vec::new();
        let mut parenthetical_owner: Option<Argument> = None;
        // "Judge Ana Ruiz of the Supreme Court found ...": the person and
        // what they are of, whose clause goes on with the person.
        let mut affiliated: Option<(Argument, Argument)> = None;
        // The subjects, predicate and object of the last reading, for
        // objects coordinated after it: "founded by Raman and David Chen".
        let mut last_reading: Option<(Vec<Argument>, Predicate, Argument)> = None;
        let coordinated = coordinations(doc, &args);
        let pairs = coordinated.len();
        for (k, pair) in args.windows(2).enumerate() {
            let (left, right) = (pair[0], pair[1]);
            // "Lumina, which is based in Palo Alto, was founded by Raman":
            // after the parenthetical, the clause goes on with its owner.
            if let Some(owner) = parenthetical_owner.filter(|o| *o != left)
                && let Some(comma) = clause_resumes_at(doc, left.end, right.start)
            {
                parenthetical_owner = None;
                last_reading = None;
                if let Some(predicate) =
                    read_predicate(doc, owner.start, comma + 1, right.start, right.end)
                {
                    relations.extend(relation(owner, right, &predicate, sentence.span));
                    last_reading = Some((vec![owner], predicate, right));
                }
                subjects.clear();
                continue;
            }
            if opens_parenthetical(doc, left.end, right.start) {
                parenthetical_owner = Some(left);
            }
            // "Dahl will travel to Santiago next month to meet President
            // Rojas": an infinitive of purpose after the object takes the
            // clause's subject, and says what is meant, not yet done.
            if let Some((readers, said, object)) = last_reading.clone()
                && object == left
                && let Some(to) = purpose_infinitive(doc, left.end, right.start)
                && let Some(mut predicate) =
                    read_predicate(doc, readers[0].start, to, right.start, right.end)
            {
                predicate.hedged = true;
                // "Sato invited Clarke to visit Tokyo": Clarke is to visit.
                let readers = if said
                    .label
                    .split(' ')
                    .any(crate::grammar::is_object_control_verb)
                {
                    vec![left]
                } else {
                    readers
                };
                for &subject in &readers {
                    relations.extend(relation(subject, right, &predicate, sentence.span));
                }
                last_reading = Some((readers, predicate, right));
                subjects.clear();
                continue;
            }
            // "was founded in Bergen in 1998 by Lars Dahl": the agent of a
            // passive whose last reading stopped at a place.
            if let Some((readers, said, object)) = last_reading.clone()
                && object == left
                && agent_follows(doc, left.end, right.start)
                && let Some(predicate) = passive_verb_of(doc, &readers, left, &said)
            {
                for &subject in &readers {
                    relations.extend(relation(subject, right, &predicate, sentence.span));
                }
                last_reading = Some((readers, predicate, right));
                subjects.clear();
                continue;
            }
            // "signed Thiago Moreira from Sporting Almada": the party the
            // object came from or went to.
            if let Some((readers, said, object)) = last_reading.clone()
                && object == left
                && let Some(predicate) = source_or_destination(doc, left, right, &said)
            {
                for &subject in &readers {
                    relations.extend(relation(subject, right, &predicate, sentence.span));
                }
                last_reading = Some((readers, predicate, right));
                subjects.clear();
                continue;
            }
            if coordinated[k] {
                // "sent teams from Lima, and Chile and Colombia offered
                // help": a verb after the whole list makes it a new clause.
                let list_end = (k + 1..pairs).find(|&j| !coordinated[j]).unwrap_or(pairs);
                if let Some((readers, predicate, object)) = &mut last_reading
                    && *object == left
                    && !heads_a_clause(doc, args[list_end].end)
                {
                    for subject in readers.iter() {
                        relations.extend(relation(*subject, right, predicate, sentence.span));
                    }
                    *object = right;
                }
                if subjects.last() != Some(&left) {
                    subjects = vec![left];
                }
                subjects.push(right);
                continue;
            }
            // "was born in Kumasi in 1943 and studied English at the
            // University of Ghana": a second verb phrase of the same subject.
            if let Some((readers, _, object)) = last_reading.clone()
                && object == left
                && let Some(conjunction) = verb_phrase_coordinated(doc, left.end, right.start)
                && let Some(predicate) = read_predicate(
                    doc,
                    readers[0].start,
                    conjunction + 1,
                    right.start,
                    right.end,
                )
            {
                for &subject in &readers {
                    relations.extend(relation(subject, right, &predicate, sentence.span));
                }
                last_reading = Some((readers, predicate, right));
                subjects.clear();
                continue;
            }
            let group = if let Some((person, _)) = affiliated.filter(|(_, owner)| *owner == left) {
                subjects.clear();
                vec![person]
            } else if subjects.last() == Some(&left) {
                std::mem::take(&mut subjects)
            } else {
                subjects.clear();
                vec![left]
            };
            affiliated = None;
            let closes_apposition =
                left.appositive && left.end < right.start && doc.token_text(left.end) == ",";
            let from = left.end + usize::from(closes_apposition);
            last_reading = None;
            // "Ann Lee of the Labour Party and Tom Wu of ...": an
            // affiliation belongs to the name right before it and is no
            // predicate for the names coordinated after it.
            if let Some(affiliation) = affiliation(doc, left, right) {
                relations.extend(relation(left, right, &affiliation, sentence.span));
                affiliated = Some((left, right));
                continue;
            }
            let Some(predicate) = read_predicate(doc, group[0].start, from, right.start, right.end)
                .or_else(|| participle_clause(doc, group[0].start, from, right.start, right.end))
            else {
                continue;
            };
            // "Coins and letters found by Berg": a participle
            // right after a list modifies its last item only.
            let reduced_relative = from < right.start
                && tag(doc, from) == Upos::Verb
                && predicate.label.ends_with(" by");
            let group = if reduced_relative { vec![left] } else { group };
            for &subject in &group {
                relations.extend(relation(subject, right, &predicate, sentence.span));
            }
            last_reading = Some((group, predicate, right));
        }
        relations.extend(located_in(doc, &args, sentence.span));
    }
    relations.extend(role_relations(doc));
    relations.extend(roles_of_a_described_organization(doc));
    relations.extend(nationality_in_apposition(doc));
    relations.extend(organizations_of_a_nationality(doc));
    let heads = heads_of_the_dateline_country(doc, &relations);
    relations.extend(heads);
    relations
}

/// Nouns a demonym before them reads as nationality, not as office:
/// "its American owner", "Indian billionaire".
fn says_who_not_what(title: &str) -> bool {
    let head = title.rsplit(' ').next().unwrap_or(title).to_lowercase();
    matches!(
        head.as_str(),
        "owner"
            | "co-owner"
            | "billionaire"
            | "tycoon"
            | "magnate"
            | "citizen"
            | "national"
            | "resident"
            | "tourist"
            | "student"
            | "fan"
            | "woman"
            | "man"
    )
}

fn is_a_country(doc: &Document, entity: EntityId) -> bool {
    let label = &doc.entities[entity.index()].label;
    lexicon::country(label).is_some() && !lexicon::is_continent(label)
}

/// Each demonym mention whose entity is a country, with that country.
fn demonyms_of_countries(doc: &Document) -> impl Iterator<Item = (&Mention, EntityId)> + '_ {
    doc.mentions
        .iter()
        .zip(&doc.mention_entity)
        .filter(|(m, _)| m.kind == MentionKind::Demonym)
        .filter_map(|(m, &e)| Some((m, e.filter(|&c| is_a_country(doc, c))?)))
}

/// "the Dutch chipmaker Veldhoven Systems", "Lumeris, a French maker of
/// sensors": a demonym that describes an organisation gives its country.
fn organizations_of_a_nationality(doc: &Document) -> Vec<Relation> {
    let is_description_word = |t: usize| {
        matches!(tag(doc, t), Upos::Noun | Upos::Adj)
            && doc.token_text(t).starts_with(char::is_lowercase)
    };
    let entity_of = |m: usize| doc.mention_entity.get(m).copied().flatten();
    let mut relations = Vec::new();
    for (d, demonym) in doc.mentions.iter().enumerate() {
        if demonym.kind != MentionKind::Demonym {
            continue;
        }
        // "the European planemaker": a continent is no country.
        let Some(country) = entity_of(d).filter(|c| is_a_country(doc, *c)) else {
            continue;
        };
        let sentence = doc.sentences[demonym.sentence.index()].tokens.clone();
        // Before the name: one to three lower-case words ending in a kind
        // of organisation ("chipmaker", "firm").
        let mut end = demonym.tokens.end;
        while end < sentence.end && end - demonym.tokens.end < 3 && is_description_word(end) {
            end += 1;
        }
        let names_a_kind_of_organization =
            |t: usize| tag(doc, t) == Upos::Noun && lexicon::is_organization_noun(&lower(doc, t));
        let described_after = end > demonym.tokens.end && names_a_kind_of_organization(end - 1);
        let named_after = described_after
            .then(|| doc.mentions.iter().position(|m| m.tokens.start == end))
            .flatten();
        // After the name: "Name, a French maker", the kind at most two
        // words after the demonym.
        let mut start = demonym.tokens.start;
        if start > sentence.start && tag(doc, start - 1) == Upos::Det {
            start -= 1;
        }
        let mut kind = demonym.tokens.end;
        while kind + 1 < sentence.end
            && kind - demonym.tokens.end < 2
            && is_description_word(kind + 1)
        {
            kind += 1;
        }
        let named_before = (start > sentence.start + 1
            && doc.token_text(start - 1) == ","
            && kind < sentence.end
            && names_a_kind_of_organization(kind))
        .then(|| doc.mentions.iter().position(|m| m.tokens.end == start - 1))
        .flatten();
        for named in [named_after, named_before].into_iter().flatten() {
            let mention = &doc.mentions[named];
            let Some(organization) = entity_of(named) else {
                continue;
            };
            if mention.kind != MentionKind::Name
                || doc.entities[organization.index()].ty != EntityType::Organization
            {
                continue;
            }
            relations.push(rule_typed(
                (organization, country),
                ("P17", "country"),
                0.8,
                doc.sentences[demonym.sentence.index()].span,
            ));
        }
    }
    relations
}

/// The "and" or "but" between two arguments that opens a verb phrase with no
/// subject of its own, after at most a few words of time or place with no
/// verb ("in 1943 and studied").
fn verb_phrase_coordinated(doc: &Document, from: usize, to: usize) -> Option<usize> {
    let conjunction = (from..to.min(from + 8)).find(|&t| tag(doc, t) == Upos::Cconj)?;
    let only_modifiers = (from..conjunction).all(|t| {
        matches!(
            tag(doc, t),
            Upos::Adp | Upos::Num | Upos::Det | Upos::Noun | Upos::Adj | Upos::Propn
        )
    });
    let next = (conjunction + 1..to).find(|&t| !matches!(tag(doc, t), Upos::Adv | Upos::Aux))?;
    (only_modifiers && tag(doc, next) == Upos::Verb).then_some(conjunction)
}

/// "Rusu won the runoff on Sunday, defeating the incumbent, Ion Popa": a
/// participle in "-ing" after a comma that closes the subject's own clause
/// takes that subject, and reads as a predicate up to the object. The
/// subject opens its clause (no verb or preposition before it), so the
/// object of the first verb is not read as the participle's subject.
fn participle_clause(
    doc: &Document,
    subject_start: usize,
    from: usize,
    to: usize,
    to_end: usize,
) -> Option<Predicate> {
    let sentence_start = doc.sentences[doc.sentence_of_token(from).index()]
        .tokens
        .start;
    let comma = (from..to)
        .filter(|&t| doc.token_text(t) == ",")
        .find(|&t| t + 1 < to && opens_participle_clause(doc, t + 1))?;
    let finite_clause = (from..comma).any(|t| tag(doc, t) == Upos::Verb)
        && !(from..comma).any(|t| is_clause_break(doc, t) || doc.token_text(t) == ",");
    let opens_sentence = !(sentence_start..subject_start)
        .any(|t| matches!(tag(doc, t), Upos::Verb | Upos::Aux | Upos::Adp));
    if !(finite_clause && opens_sentence) {
        return None;
    }
    read_predicate(doc, subject_start, comma + 1, to, to_end)
}

/// A verb in "-ing" that is a verb of its own, not one of the participles
/// that work as prepositions ("including", "following").
fn opens_participle_clause(doc: &Document, token: usize) -> bool {
    let word = doc.token_text(token);
    tag(doc, token) == Upos::Verb
        && word.ends_with("ing")
        && word.starts_with(char::is_lowercase)
        && !matches!(
            word,
            "including"
                | "excluding"
                | "following"
                | "regarding"
                | "concerning"
                | "considering"
                | "according"
                | "pending"
                | "barring"
                | "involving"
        )
}

/// Where "to" opens an infinitive of purpose between two arguments, after
/// at most a few words of time or manner ("next month to meet"), or a
/// date and its preposition ("on Sunday to congratulate").
fn purpose_infinitive(doc: &Document, from: usize, to: usize) -> Option<usize> {
    let dates = predicate::date_tokens(doc, from..to);
    let mut at = from;
    let mut words = 0;
    while at < to && words < 4 {
        let of_a_date =
            dates.contains(&at) || (tag(doc, at) == Upos::Adp && dates.contains(&(at + 1)));
        if !of_a_date
            && !matches!(
                tag(doc, at),
                Upos::Noun | Upos::Adj | Upos::Det | Upos::Num | Upos::Adv
            )
        {
            break;
        }
        words += usize::from(!of_a_date);
        at += 1;
    }
    (at + 1 < to && doc.token_text(at) == "to" && tag(doc, at + 1) == Upos::Verb).then_some(at)
}

/// The open edge a predicate gives between a subject and an object, turned
/// round for a passive.
fn relation(
    subject: Argument,
    object: Argument,
    predicate: &Predicate,
    evidence: Span,
) -> Option<Relation> {
    let (head, tail) = if predicate.passive {
        (object.entity, subject.entity)
    } else {
        (subject.entity, object.entity)
    };
    (head != tail).then(|| Relation {
        head,
        tail,
        kind: RelationKind::Open,
        label: predicate.label.clone(),
        property: None,
        confidence: 0.7,
        negated: predicate.negated,
        hedged: predicate.hedged,
        evidence: vec![evidence],
    })
}

impl Predicate {
    /// A label the text states as it is: not negated, hedged or passive.
    fn plain(label: &str) -> Predicate {
        Predicate {
            label: label.to_string(),
            negated: false,
            hedged: false,
            passive: false,
        }
    }
}

fn entity_type(doc: &Document, arg: Argument) -> EntityType {
    doc.entities[arg.entity.index()].ty
}

/// A person and an organisation or place they can belong to.
fn person_and_owner(doc: &Document, person: Argument, owner: Argument) -> bool {
    entity_type(doc, person) == EntityType::Person
        && matches!(
            entity_type(doc, owner),
            EntityType::Organization | EntityType::Location
        )
}

/// "China's Xi Jinping", "Apple's Tim Cook": an organisation or place whose
/// possessive stands right before a person's name.
fn possesses(doc: &Document, owner: Argument, person: Argument) -> bool {
    owner.end + 1 == person.start
        && matches!(doc.token_text(owner.end), "'s" | "’s")
        && person_and_owner(doc, person, owner)
}

/// The possessed person's edge to its possessor, and the arguments of the
/// clause with each possessor folded into the name after it: "met China's
/// Xi Jinping" meets Xi Jinping.
fn fold_possessors(
    doc: &Document,
    args: &[Argument],
    evidence: Span,
    relations: &mut Vec<Relation>,
) -> Vec<Argument> {
    let mut folded: Vec<Argument> = Vec::with_capacity(args.len());
    for (k, &arg) in args.iter().enumerate() {
        match k.checked_sub(1).map(|p| args[p]) {
            Some(owner) if possesses(doc, owner, arg) => {
                relations.extend(relation(arg, owner, &Predicate::plain("of"), evidence));
                folded.pop();
                folded.push(Argument {
                    start: owner.start,
                    ..arg
                });
            }
            _ => folded.push(arg),
        }
    }
    folded
}

/// "Oslo-based Nordvik Bank", "the London-based lender Barclays": the
/// organisation or person after "-based" is based in the place before it.
fn based_in(doc: &Document, args: &[Argument], evidence: Span) -> Vec<Relation> {
    let mut pairs = based_in_apposition(doc, args);
    for pair in args.windows(2) {
        let (place, based) = (pair[0], pair[1]);
        if place.end + 2 > based.start || !is_place_based(doc, place) {
            continue;
        }
        let modifiers_only = based.start - (place.end + 2) <= 3
            && (place.end + 2..based.start)
                .all(|t| matches!(tag(doc, t), Upos::Adj | Upos::Noun | Upos::Det));
        if modifiers_only {
            pairs.push((based, place));
        }
    }
    pairs
        .into_iter()
        .filter_map(|(based, place)| {
            relation(based, place, &Predicate::plain("based in"), evidence)
        })
        .collect()
}

/// A place followed by "-based" ("Oslo-based"); the caller has checked
/// that two tokens follow it.
fn is_place_based(doc: &Document, place: Argument) -> bool {
    entity_type(doc, place) == EntityType::Location
        && doc.token_text(place.end) == "-"
        && doc.token_text(place.end + 1).eq_ignore_ascii_case("based")
}

/// "Halvorsen Group, the Oslo-based industrial conglomerate,": an
/// apposition that is nothing but "-based" and the nouns it describes says
/// where the name before it is based. Gives (based, place) pairs.
fn based_in_apposition(doc: &Document, args: &[Argument]) -> Vec<(Argument, Argument)> {
    let mut pairs = Vec::new();
    for pair in args.windows(2) {
        let (based, place) = (pair[0], pair[1]);
        let sentence_end = doc.sentences[doc.sentence_of_token(based.start).index()]
            .tokens
            .end;
        let opens = based.end < place.start
            && doc.token_text(based.end) == ","
            && (based.end + 1..place.start).all(|t| tag(doc, t) == Upos::Det)
            && place.start - based.end <= 2;
        if !opens || place.end + 2 >= sentence_end || !is_place_based(doc, place) {
            continue;
        }
        let close = (place.end + 2..sentence_end)
            .find(|&t| !matches!(tag(doc, t), Upos::Adj | Upos::Noun))
            .unwrap_or(sentence_end);
        let nouns = close - (place.end + 2);
        // "a Berlin-based maker of warehouse robots,": what the nouns make
        // or hold, a short phrase after "of", is still the apposition.
        let close = if close < sentence_end && lower(doc, close) == "of" {
            (close + 1..sentence_end)
                .find(|&t| !matches!(tag(doc, t), Upos::Adj | Upos::Noun | Upos::Det))
                .filter(|&t| t - close <= 4)
                .unwrap_or(close)
        } else {
            close
        };
        let closed = close == sentence_end || matches!(doc.token_text(close), "," | "." | ";");
        if closed && (1..=4).contains(&nouns) {
            pairs.push((based, place));
        }
    }
    pairs
}

/// "Judge Ana Ruiz of the Supreme Court", "Jeremy Hansen of the Canadian
/// Space Agency": a person named with the organisation or place they belong
/// to.
fn affiliation(doc: &Document, person: Argument, owner: Argument) -> Option<Predicate> {
    let word = |t: usize| doc.token_text(t);
    // "John Carter, 45, of Leeds": an age may stand between.
    let aged = person.end + 4 <= owner.start
        && word(person.end) == ","
        && word(person.end + 1).chars().all(|c| c.is_ascii_digit())
        && word(person.end + 2) == ",";
    let from = person.end + if aged { 3 } else { 0 };
    let of_the = match owner.start.checked_sub(from) {
        Some(1) => word(from).eq_ignore_ascii_case("of"),
        Some(2) => {
            word(from).eq_ignore_ascii_case("of") && word(from + 1).eq_ignore_ascii_case("the")
        }
        _ => false,
    };
    // "the Napoleon of crime": a name with an article is a description;
    // "of Norway's Dagbladet": the possessor is not what the person is of.
    let described = person.start > 0 && tag(doc, person.start - 1) == Upos::Det
        || owner.end < doc.tokens.len() && matches!(word(owner.end), "'s" | "’s");
    if !of_the || described || !person_and_owner(doc, person, owner) {
        return None;
    }
    Some(match office_before(doc, person) {
        Some(office) => Predicate::plain(&format!("{} of", lower_case_words(office))),
        None => Predicate::plain("of"),
    })
}

/// "Mayor Ana Ruiz of Valdemar": the office (a title, capitalised) written
/// right before a person's name, which the edge to what the person is of
/// then names. Occupations ("politician X of"), forms of address ("Mr")
/// and abbreviations ("Dr", "Gen.") name none.
fn office_before(doc: &Document, person: Argument) -> Option<&str> {
    let mention = doc.mentions.iter().find(|m| {
        m.kind == MentionKind::Name && m.tokens.end == person.end && m.tokens.start >= person.start
    })?;
    let before = mention.tokens.start.checked_sub(1)?;
    let role = mention.role.filter(|r| r.end == doc.tokens[before].end)?;
    let words = doc.slice(role);
    let spelled_out = words
        .split_whitespace()
        .all(|w| w.len() >= 3 && w.chars().all(char::is_alphabetic));
    let office = words.starts_with(char::is_uppercase) && lexicon::is_title(words);
    (office && spelled_out && !lexicon::is_honorific(words)).then_some(words)
}

/// "Lumina, which ...", "Kim Il Sung, grandfather of ...": a comma after an
/// argument opens a relative clause or an apposition about it.
fn opens_parenthetical(doc: &Document, from: usize, to: usize) -> bool {
    from + 1 < to
        && doc.token_text(from) == ","
        && (is_relative_pronoun(&lower(doc, from + 1))
            // ", 54, a former banker": an age opens one too.
            || matches!(tag(doc, from + 1), Upos::Det | Upos::Adj | Upos::Noun | Upos::Num)
            // ", led by Adrian Kostic,": so does a participle and its agent.
            || (from + 2 < to
                && tag(doc, from + 1) == Upos::Verb
                && lower(doc, from + 2) == "by"))
}

/// A verb, a possessive or a noun right after an argument: it starts a
/// clause or a noun phrase of its own ("and Moon visited", "and Moon's").
fn heads_a_clause(doc: &Document, after: usize) -> bool {
    after < doc.tokens.len()
        && (matches!(tag(doc, after), Upos::Verb | Upos::Aux) || is_modifier_follower(doc, after))
}

/// The comma after which a clause goes on with no subject of its own:
/// ", was founded by", or "for 14 years, replaced" once the parenthetical's
/// last phrase (no verb in it) is closed.
fn clause_resumes_at(doc: &Document, from: usize, to: usize) -> Option<usize> {
    let comma = (from..to.min(from + 6)).find(|&t| doc.token_text(t) == ",")?;
    // "the Oslo-based industrial conglomerate, has agreed": a hyphen and
    // the word it joins are one modifier, whatever the tags.
    let hyphen_joined = |t: usize| {
        let joined = |h: usize| {
            doc.token_text(h) == "-"
                && h > 0
                && doc.tokens[h - 1].end == doc.tokens[h].start
                && doc
                    .tokens
                    .get(h + 1)
                    .is_some_and(|n| n.start == doc.tokens[h].end)
        };
        joined(t) || (t > 0 && joined(t - 1))
    };
    let phrase_only = (from..comma).all(|t| {
        hyphen_joined(t)
            || matches!(
                tag(doc, t),
                Upos::Adp | Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn
            )
    });
    let verb_follows = (comma + 1..to)
        .find(|&t| tag(doc, t) != Upos::Adv)
        .is_some_and(|t| matches!(tag(doc, t), Upos::Verb | Upos::Aux));
    (phrase_only && verb_follows).then_some(comma)
}

/// Whether each argument and the next are coordinated: "China and South
/// Korea" (only a conjunction between them), "France, Germany and Britain"
/// (a comma, in a list of one type that a conjunction closes).
fn coordinations(doc: &Document, args: &[Argument]) -> Vec<bool> {
    let pairs = args.len().saturating_sub(1);
    let between = |k: usize| -> Vec<String> {
        (args[k].end..args[k + 1].start)
            .map(|t| lower(doc, t))
            .collect()
    };
    let ty = |k: usize| doc.entities[args[k].entity.index()].ty;
    let mut coordinated = vec![false; pairs];
    for k in (0..pairs).rev() {
        let words = between(k);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        // "in Windsor and in Puebla": the preposition said again.
        let preposition_before = |word: &str| {
            args[k].start > 0
                && tag(doc, args[k].start - 1) == Upos::Adp
                && lower(doc, args[k].start - 1) == word
        };
        coordinated[k] = match words.as_slice() {
            ["and"] | ["or"] | [",", "and"] | [",", "or"] | ["&"] => true,
            ["and" | "or", again] => preposition_before(again),
            [","] => {
                k + 1 < pairs && coordinated[k + 1] && ty(k) == ty(k + 1) && ty(k + 1) == ty(k + 2)
            }
            _ => false,
        };
    }
    coordinated
}

/// A token after a name that shows the name modifies a noun rather than
/// standing as subject or object.
fn is_modifier_follower(doc: &Document, token: usize) -> bool {
    let word = doc.token_text(token);
    let attached = token > 0 && doc.tokens[token - 1].end == doc.tokens[token].start;
    matches!(word, "'s" | "’s")
        || (word == "-" && attached)
        || matches!(tag(doc, token), Upos::Noun | Upos::Propn)
}

/// Words that open a clause after a verb: "explained what went wrong".
fn is_complementizer(word: &str) -> bool {
    matches!(
        word,
        "that" | "what" | "how" | "why" | "whether" | "if" | "where" | "when"
    )
}
