//! What an apposition beside a person's name says when it names no owner:
//! "Ingrid Solheim, an analyst at the bank," (the bank the text named
//! before), "a spokesman for the prime minister, Jonas Wik," (the prime
//! minister named before) and "Khalid Hamdan, a Qatari businessman," (a
//! nationality).

use super::*;

/// "an analyst at the bank", "spokesman for the agency", "aide to the
/// prime minister": a person's role and the preposition and description
/// of its owner after it.
struct DescribedRole {
    /// The role's words and the preposition: "analyst at".
    label: String,
    owner: Described,
}

enum Described {
    /// A kind of organisation: "bank".
    Kind(String),
    /// A person's title: "prime minister".
    Title(String),
}

/// The words of a role, a preposition, "the", and either at most one
/// adjective and a kind of organisation or a title of up to three words,
/// over `tokens`, nothing else.
fn described_role(doc: &Document, tokens: Range<usize>) -> Option<DescribedRole> {
    let words: Vec<usize> = tokens
        .filter(|&t| !(tag(doc, t) == Upos::Det && lower(doc, t) != "the"))
        .collect();
    let the = words.iter().rposition(|&t| lower(doc, t) == "the")?;
    let preposition = the.checked_sub(1)?;
    let role = &words[..preposition];
    let described = &words[the + 1..];
    let (&kind, between) = described.split_last()?;
    let kind_word = lower(doc, kind);
    let role_ends_in_a_title = role.last().is_some_and(|&t| {
        let word = lower(doc, t);
        lexicon::is_occupation(&word)
            || lexicon::is_title(&word)
            || lexicon::is_corporate_title(&word)
    });
    let role_words_only = role.iter().all(|&t| {
        matches!(tag(doc, t), Upos::Noun | Upos::Adj)
            && doc.token_text(t).starts_with(char::is_lowercase)
    });
    let reads = !role.is_empty()
        && role.len() <= 3
        && role_words_only
        && role_ends_in_a_title
        && matches!(
            lower(doc, words[preposition]).as_str(),
            "at" | "of" | "for" | "with" | "to"
        );
    let organization = between.len() <= 1
        && between.iter().all(|&t| tag(doc, t) == Upos::Adj)
        && tag(doc, kind) == Upos::Noun
        && lexicon::is_organization_noun(&kind_word);
    let title_words: Vec<String> = described.iter().map(|&t| lower(doc, t)).collect();
    let title = title_words.join(" ");
    let a_title = described.len() <= 3
        && described
            .iter()
            .all(|&t| doc.token_text(t).starts_with(char::is_lowercase))
        && lexicon::is_title(&title);
    let owner = if organization {
        Described::Kind(kind_word)
    } else if a_title {
        Described::Title(title)
    } else {
        return None;
    };
    reads.then(|| {
        let mut label: Vec<String> = role.iter().map(|&t| lower(doc, t)).collect();
        label.push(lower(doc, words[preposition]));
        DescribedRole {
            label: label.join(" "),
            owner,
        }
    })
}

/// The one person named before `before` with a role that ends in `title`
/// ("Prime Minister Henrik Dahl" for "the prime minister"); nothing when
/// several have it.
fn person_of_title(doc: &Document, title: &str, before: usize) -> Option<EntityId> {
    let mut fitting = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.end <= before && m.ty == EntityType::Person)
        .filter(|(_, m)| {
            m.role
                .is_some_and(|role| doc.slice(role).to_lowercase().ends_with(title))
        })
        .filter_map(|(m, _)| doc.mention_entity.get(m).copied().flatten());
    let first = fitting.next()?;
    fitting.all(|other| other == first).then_some(first)
}

/// The one organisation named before `before` whose name holds `kind`
/// ("Nordhavn Bank" for "the bank"); nothing when several do.
pub(super) fn organization_of_kind(doc: &Document, kind: &str, before: usize) -> Option<EntityId> {
    let mut fitting = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.end <= before && m.kind == MentionKind::Name)
        .filter_map(|(m, _)| doc.mention_entity.get(m).copied().flatten())
        .filter(|&entity| {
            let entity = &doc.entities[entity.index()];
            entity.ty == EntityType::Organization
                && entity
                    .label
                    .split_whitespace()
                    .any(|word| word.eq_ignore_ascii_case(kind))
        });
    let first = fitting.next()?;
    fitting.all(|other| other == first).then_some(first)
}

/// "Ingrid Solheim, an analyst at the bank, said" and "A spokesman for the
/// agency, Paolo Benedetti, said": a role set off by commas beside a
/// person's name whose owner is a description of a kind of organisation
/// goes to the one organisation of that kind named before.
pub(super) fn roles_of_a_described_organization(doc: &Document) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (m, mention) in doc.mentions.iter().enumerate() {
        if mention.kind != MentionKind::Name || mention.ty != EntityType::Person {
            continue;
        }
        let Some(person) = doc.mention_entity.get(m).copied().flatten() else {
            continue;
        };
        let sentence = doc.sentences[mention.sentence.index()].tokens.clone();
        let closes = |t: usize| t >= sentence.end || matches!(doc.token_text(t), "," | "." | ";");
        // After the name: ", an analyst at the bank,".
        let after = (mention.tokens.end < sentence.end
            && doc.token_text(mention.tokens.end) == ",")
            .then(|| {
                let start = mention.tokens.end + 1;
                let end = (start..sentence.end)
                    .find(|&t| closes(t))
                    .unwrap_or(sentence.end);
                (end - start <= 8)
                    .then(|| described_role(doc, start..end))
                    .flatten()
            })
            .flatten();
        // Before it, from the sentence's start or a comma: "A spokesman
        // for the agency, Mart Kask,".
        let before = (mention.tokens.start >= sentence.start + 2
            && doc.token_text(mention.tokens.start - 1) == ",")
            .then(|| {
                let comma = mention.tokens.start - 1;
                let start = (sentence.start..comma)
                    .rev()
                    .find(|&t| doc.token_text(t) == ",")
                    .map_or(sentence.start, |t| t + 1);
                described_role(doc, start..comma)
            })
            .flatten();
        let Some(role) = after.or(before) else {
            continue;
        };
        let owner = match &role.owner {
            Described::Kind(kind) => organization_of_kind(doc, kind, mention.span.start),
            Described::Title(title) => person_of_title(doc, title, mention.span.start),
        };
        let Some(owner) = owner.filter(|&o| o != person) else {
            continue;
        };
        relations.push(Relation {
            head: person,
            tail: owner,
            kind: RelationKind::Open,
            label: role.label,
            property: None,
            confidence: 0.7,
            negated: false,
            hedged: false,
            evidence: vec![doc.sentences[mention.sentence.index()].span],
        });
    }
    relations
}

/// "Khalid Hamdan, a Qatari businessman,", "Diego Soler, a Spanish
/// coach,": a demonym before an occupation or a role that is no office
/// held for a country, in an apposition to a person's name, is the
/// person's citizenship, as it is in a role before the name ("Turkish
/// journalist Emre Kaya").
pub(super) fn nationality_in_apposition(doc: &Document) -> Vec<Relation> {
    let mut relations = Vec::new();
    for (demonym, country) in demonyms_of_countries(doc) {
        let sentence = doc.sentences[demonym.sentence.index()].tokens.clone();
        let start = demonym.tokens.start;
        let opens = start >= sentence.start + 2
            && matches!(lower(doc, start - 1).as_str(), "a" | "an")
            && doc.token_text(start - 2) == ",";
        let occupation = demonym.tokens.end < sentence.end && {
            let word = lower(doc, demonym.tokens.end);
            let role = lexicon::is_occupation(&word)
                || says_who_not_what(&word)
                || lexicon::is_title(&word)
                || lexicon::is_corporate_title(&word);
            role && demonym_says_nationality(&word)
        };
        if !opens || !occupation {
            continue;
        }
        let person = doc.mentions.iter().enumerate().find(|(_, m)| {
            m.tokens.end == start - 2 && m.kind == MentionKind::Name && m.ty == EntityType::Person
        });
        let Some(person) = person.and_then(|(p, _)| doc.mention_entity.get(p).copied().flatten())
        else {
            continue;
        };
        relations.push(rule_typed(
            (person, country),
            ("P27", "country of citizenship"),
            0.8,
            doc.sentences[demonym.sentence.index()].span,
        ));
    }
    relations
}
