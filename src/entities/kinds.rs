//! Definite descriptions of a kind ("the company", "the club", "the
//! country") as mentions of the organisation or place named just before.

use super::*;
use crate::model::places::{PlaceKind, Places};

/// How many sentences before its own the entity a description stands for
/// must have been named in.
const WINDOW: usize = 2;

/// `Mention::found_by` of a description tied to its entity here.
pub const FOUND_BY: &str = "kind-description";

/// The type a kind belongs to: the first step of its path.
fn type_of_kind(kind: &str) -> Option<EntityType> {
    match kind.split('/').next()? {
        "organisation" => Some(EntityType::Organization),
        "place" => Some(EntityType::Location),
        _ => None,
    }
}

/// Whether `narrow` is `wide` or a kind of it ("organisation/company/bank"
/// of "organisation/company").
fn within(narrow: &str, wide: &str) -> bool {
    narrow
        .strip_prefix(wide)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether a description of kind `said` can stand for an entity of type
/// `ty` whose known kinds are `known`. An organisation the text never
/// calls anything is at most a company: "the bank" or "the club" needs the
/// text (or the name) to have said so.
fn fits(said: &str, ty: EntityType, known: &[&str]) -> bool {
    if type_of_kind(said) != Some(ty) {
        return false;
    }
    if known.is_empty() {
        return ty == EntityType::Organization && within("organisation/company", said);
    }
    known
        .iter()
        .any(|&kind| within(kind, said) || within(said, kind))
}

/// A word that may stand between "the" and its noun without making the
/// description another entity's: a demonym ("the Norwegian company") or a
/// compound of place or ownership ("the Oslo-based lender").
fn neutral_modifier(word: &str) -> bool {
    lexicon::demonym_country(word).is_some()
        || ["-based", "-owned", "-listed", "-run"]
            .iter()
            .any(|ending| word.len() > ending.len() && word.ends_with(ending))
}

/// The kind a noun phrase ending at `noun` (exclusive of what follows)
/// says when it starts at `start` with modifiers only: "a Norwegian
/// chipmaker".
fn kind_of_phrase(doc: &Document, start: usize, noun: usize) -> Option<&'static str> {
    let word = doc.token_text(noun);
    if !word.starts_with(char::is_lowercase) {
        return None;
    }
    let modifiers_only = (start..noun).all(|t| {
        neutral_modifier(doc.token_text(t))
            || matches!(doc.tags[t], Upos::Adj | Upos::Noun)
                && doc.token_text(t).starts_with(char::is_lowercase)
    });
    modifiers_only
        .then(|| lexicon::description_kind(word))
        .flatten()
}

/// What the text says each entity is: the kinds its names carry
/// ("Nordvik Bank", "FC Lindholm", "Halvorsen Semiconductor ASA"), what
/// GeoNames and the country list know of a place, and what an apposition
/// or copula calls a name ("Halvorsen, a Norwegian chipmaker,", "the
/// chipmaker Halvorsen", "Tarn is a town").
fn known_kinds(doc: &Document, entities: &[Entity]) -> Vec<Vec<&'static str>> {
    let places = Places::embedded();
    let mut kinds: Vec<Vec<&'static str>> = vec![Vec::new(); entities.len()];
    for (m, mention) in doc.mentions.iter().enumerate() {
        let Some(entity) = doc.mention_entity.get(m).copied().flatten() else {
            continue;
        };
        if mention.kind != MentionKind::Name {
            continue;
        }
        let ty = entities[entity.index()].ty;
        let known = &mut kinds[entity.index()];
        let mut add = |kind: &'static str| {
            if type_of_kind(kind) == Some(ty) && !known.contains(&kind) {
                known.push(kind);
            }
        };
        let form = doc.slice(mention.span);
        let words: Vec<&str> = mention.tokens.clone().map(|t| doc.token_text(t)).collect();
        match ty {
            EntityType::Organization => {
                for (i, word) in words.iter().enumerate() {
                    if !word.starts_with(char::is_uppercase) {
                        continue;
                    }
                    if let Some(kind) = lexicon::name_word_kind(word) {
                        add(kind);
                    }
                    let last = i + 1 == words.len();
                    if last && (lexicon::is_legal_form(word) || lexicon::is_company_suffix(word)) {
                        add("organisation/company");
                    }
                    if (i == 0 && lexicon::is_club_prefix(word))
                        || (last && lexicon::is_club_suffix(word))
                    {
                        add("organisation/club");
                    }
                }
                if lexicon::is_news_organization(&words) {
                    add("organisation/company/media");
                }
            }
            EntityType::Location => {
                if lexicon::country(form).is_some() {
                    add("place/country");
                }
                match places.get_any_case(form).map(|p| p.kind) {
                    Some(PlaceKind::Country) => add("place/country"),
                    Some(PlaceKind::Capital | PlaceKind::LargeCity | PlaceKind::City) => {
                        add("place/city")
                    }
                    Some(PlaceKind::State) => add("place/state"),
                    _ => {}
                }
                if let Some(kind) = words.last().and_then(|w| lexicon::name_word_kind(w)) {
                    add(kind);
                }
            }
            _ => continue,
        }
        if let Some(kind) = kind_said_beside(doc, mention) {
            add(kind);
        }
    }
    kinds
}

/// The kind an apposition, a copula or a noun right before the name says:
/// "Halvorsen, a chipmaker", "Halvorsen is a chipmaker", "the chipmaker
/// Halvorsen".
fn kind_said_beside(doc: &Document, mention: &Mention) -> Option<&'static str> {
    let sentence = doc.sentences[mention.sentence.index()].tokens.clone();
    let (start, end) = (mention.tokens.start, mention.tokens.end);
    if start > sentence.start {
        let noun = start - 1;
        let opening = (sentence.start..noun)
            .rev()
            .take(4)
            .find(|&t| matches!(doc.tags[t], Upos::Det));
        if let Some(kind) = opening.and_then(|det| kind_of_phrase(doc, det + 1, noun)) {
            return Some(kind);
        }
    }
    let after = |t: usize| (t < sentence.end).then(|| doc.token_text(t).to_lowercase());
    let article = match after(end).as_deref() {
        Some(",") => end + 1,
        Some("is" | "was" | "became") => end + 1,
        _ => return None,
    };
    if !matches!(after(article).as_deref(), Some("a" | "an" | "the")) {
        return None;
    }
    (article + 2..sentence.end.min(article + 5))
        .take_while(|&t| !matches!(doc.tags[t - 1], Upos::Punct | Upos::Adp))
        .find_map(|noun| {
            let head = noun + 1 >= sentence.end || doc.tags[noun + 1] != Upos::Noun;
            head.then(|| kind_of_phrase(doc, article + 1, noun))
                .flatten()
        })
}

/// A description of a kind: "the/this", at most two neutral modifiers, a
/// noun of `kind_nouns.txt`. Returns the tokens (from the determiner) and
/// the kind. Not when it names ("the company Nordvik Labs", "the city of
/// Tartu"), restricts ("the company that built it") or heads a compound
/// ("the company spokesman"), nor as a predicate or apposition ("is the
/// company", "Halvorsen, the company behind").
fn description_at(
    doc: &Document,
    det: usize,
    sentence: &Range<usize>,
) -> Option<(Range<usize>, &'static str)> {
    if !matches!(doc.token_text(det), "the" | "The" | "this" | "This") {
        return None;
    }
    let mut noun = det + 1;
    while noun < sentence.end && noun - det <= 2 && neutral_modifier(doc.token_text(noun)) {
        noun += 1;
    }
    // The tagger reads some of these nouns as proper ("The/DET
    // ministry/PROPN said"); the word's case says otherwise.
    if noun >= sentence.end || !matches!(doc.tags[noun], Upos::Noun | Upos::Propn) {
        return None;
    }
    let kind = lexicon::description_kind(doc.token_text(noun))?;
    let next = noun + 1;
    if next < sentence.end {
        let word = doc.token_text(next);
        let names = word.starts_with(char::is_uppercase)
            || matches!(doc.tags[next], Upos::Propn | Upos::Noun | Upos::Num);
        let restricts = matches!(
            word,
            "of" | "that" | "which" | "who" | "whose" | "where" | "to" | "-"
        );
        if names || restricts {
            return None;
        }
    }
    if det > sentence.start {
        let before = doc.token_text(det - 1).to_lowercase();
        let predicate = matches!(
            before.as_str(),
            "is" | "was"
                | "are"
                | "were"
                | "be"
                | "been"
                | "being"
                | "'s"
                | "became"
                | "becomes"
                | "become"
                | "as"
                | "remains"
                | "remained"
        );
        if predicate || before == "," {
            return None;
        }
    }
    Some((det..next, kind))
}

/// Ties each description of a kind to the one organisation or place of
/// that kind named in its sentence before it or in the `WINDOW` sentences
/// before; none when two fit. A description tied so is a mention of its
/// entity, which later descriptions may follow in turn.
pub(super) fn add_kind_descriptions(doc: &mut Document, entities: &mut [Entity]) {
    let kinds = known_kinds(doc, entities);
    // Mentions that name an entity (names and demonyms), and apart the
    // descriptions tied so far, each as (sentence, end token, entity) in
    // text order.
    let mut named: Vec<(usize, usize, EntityId)> = doc
        .mentions
        .iter()
        .zip(&doc.mention_entity)
        .filter(|(m, _)| matches!(m.kind, MentionKind::Name | MentionKind::Demonym))
        .filter_map(|(m, e)| Some((m.sentence.index(), m.tokens.end, (*e)?)))
        .collect();
    named.sort_unstable();
    let mut linked: Vec<(usize, usize, EntityId)> = Vec::new();
    let mut taken = vec![false; doc.tokens.len()];
    for mention in &doc.mentions {
        taken[mention.tokens.clone()].fill(true);
        if let Some(role) = mention.role {
            let first = doc.tokens.partition_point(|t| t.start < role.start);
            let end = doc.tokens.partition_point(|t| t.end <= role.end);
            if first < end {
                taken[first..end].fill(true);
            }
        }
    }
    let mut added: Vec<(Range<usize>, EntityId)> = Vec::new();
    for s in 0..doc.sentences.len() {
        if !is_prose(doc, s) {
            continue;
        }
        let sentence = doc.sentences[s].tokens.clone();
        for det in sentence.clone() {
            let Some((tokens, kind)) = description_at(doc, det, &sentence) else {
                continue;
            };
            if tokens.clone().any(|t| taken[t]) {
                continue;
            }
            // Each fitting entity with the last sentence it is named in.
            let mut fitting: Vec<(EntityId, usize)> = Vec::new();
            // Both lists are in text order: only the window's entries are read.
            let from = s.saturating_sub(WINDOW);
            let window = |list: &'_ [(usize, usize, EntityId)]| {
                let start = list.partition_point(|&(at, _, _)| at < from);
                let end = list.partition_point(|&(at, end, _)| (at, end) <= (s, tokens.start));
                list[start..end.max(start)].to_vec()
            };
            for (at, _, entity) in window(&named).into_iter().chain(window(&linked)) {
                if !fits(kind, entities[entity.index()].ty, &kinds[entity.index()]) {
                    continue;
                }
                match fitting.iter_mut().find(|(e, _)| *e == entity) {
                    Some((_, last)) => *last = (*last).max(at),
                    None => fitting.push((entity, at)),
                }
            }
            let Some(&(entity, last)) = fitting.iter().max_by_key(|(_, at)| *at) else {
                continue;
            };
            // Of several, the one named in a later sentence than the rest.
            if fitting.iter().any(|&(e, at)| e != entity && at == last) {
                continue;
            }
            linked.push((s, tokens.end, entity));
            added.push((tokens, entity));
        }
    }
    for (tokens, entity) in added {
        add_description_mention(doc, entities, tokens, entity, FOUND_BY);
    }
}
