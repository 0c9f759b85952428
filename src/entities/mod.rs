//! Stage 4: mentions → entities, every alias of one entity merged.
//!
//! Names with the same form join first; a shorter form (a surname, a given
//! name, an acronym, a name without its organisation suffix) then joins the
//! full name it can stand for. When several full names fit, the mention goes
//! to the one the text makes clearly nearest and most salient, or stays
//! unmerged: a refused merge is logged, never guessed. Demonyms join their
//! country, descriptions the text has tied to a person join that person,
//! pronouns are resolved for relation extraction without becoming aliases,
//! and so are descriptions of a kind ("the company") after a name of that
//! kind.

mod aliases;
mod descriptions;
mod kinds;
mod pronouns;
mod short_forms;
#[cfg(test)]
mod tests;

use crate::collections::{HashMap, HashSet};
use crate::document::{
    Document, Entity, EntityId, EntityType, Mention, MentionId, MentionKind, MergeRule,
    RefusedMerge, Upos,
};
use crate::grammar::reporting_verb_before;
use crate::lexicon;
use crate::lexicon::{Possessor, PronounCase, pronoun_gender, pronoun_type};
use std::collections::BTreeMap;
use std::ops::Range;

pub use aliases::AliasRules;
use descriptions::*;
pub use kinds::FOUND_BY as KIND_DESCRIPTION;
use kinds::*;
use pronouns::*;
use short_forms::*;

/// A set of name mentions written the same way (or forced together).
#[derive(Debug)]
pub(super) struct Group {
    ty: EntityType,
    mentions: Vec<usize>,
    /// Words of the group's fullest form.
    words: Vec<String>,
    form: String,
    country: Option<&'static str>,
    /// Where the group's first mention starts, and whether it is in prose
    /// (not a headline).
    first_token: usize,
    introduced_in_prose: bool,
}

/// Resolves the document's mentions into entities.
pub fn resolve(doc: &mut Document, rules: &AliasRules) {
    let prose: Vec<bool> = (0..doc.sentences.len()).map(|s| is_prose(doc, s)).collect();
    // 1. Group names written the same way.
    let mut group_of_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (index, mention) in doc.mentions.iter().enumerate() {
        if mention.kind != MentionKind::Name {
            continue;
        }
        let form = doc.slice(mention.span).to_string();
        let country = lexicon::country(&form).filter(|_| mention.ty != EntityType::Person);
        let key = rules
            .forced_key(&form)
            .or_else(|| country.map(|c| format!("country:{c}")))
            .unwrap_or_else(|| form.to_lowercase());
        let words = words_of(doc, mention);
        let group = *group_of_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                ty: mention.ty,
                mentions: Vec::new(),
                words: words.clone(),
                form: form.clone(),
                country,
                first_token: mention.tokens.start,
                introduced_in_prose: prose[mention.sentence.index()],
            });
            groups.len() - 1
        });
        let group = &mut groups[group];
        group.mentions.push(index);
        if words.len() > group.words.len() {
            group.words = words;
            group.form = form;
        }
        if country.is_some() {
            group.ty = EntityType::Location;
        }
    }
    for group in &mut groups {
        group.ty = majority_type(&doc.mentions, &group.mentions);
    }

    // 2. Short forms join the full name they stand for.
    let mut candidates_of: Vec<Vec<(usize, MergeRule)>> = vec![Vec::new(); groups.len()];
    for short in 0..groups.len() {
        if groups[short].country.is_some() {
            continue;
        }
        for full in 0..groups.len() {
            if full == short || groups[full].country.is_some() {
                continue;
            }
            if let Some(rule) = short_form_of(&groups[short], &groups[full]) {
                if !rules.forbids(&groups[short].form, &groups[full].form) {
                    candidates_of[short].push((full, rule));
                }
            }
        }
    }
    // "Ruiz" for "Ana Ruiz" for "Ana Ruiz Vidal": a short form of a short
    // form stands for what that one stands for. Short forms
    // are strictly shorter, so following the chain ends.
    let direct = candidates_of.clone();
    for candidates in candidates_of.iter_mut() {
        let mut pending: Vec<(usize, MergeRule)> = std::mem::take(candidates);
        while let Some((full, rule)) = pending.pop() {
            if direct[full].is_empty() {
                if !candidates.iter().any(|(known, _)| *known == full) {
                    candidates.push((full, rule));
                }
            } else {
                pending.extend(direct[full].iter().map(|(further, _)| (*further, rule)));
            }
        }
        candidates.sort_unstable_by_key(|(full, _)| *full);
    }
    // A name that could stand for a longer one is a short form; only full
    // names become entities for short forms to join.
    let is_full = |g: usize| candidates_of[g].is_empty();
    let mut entity_of_group: Vec<Option<EntityId>> = vec![None; groups.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut mention_entity: Vec<Option<EntityId>> = vec![None; doc.mentions.len()];
    let mut rule_of: Vec<MergeRule> = vec![MergeRule::Canonical; doc.mentions.len()];
    // Full names become entities in order of first mention.
    for (g, group) in groups.iter().enumerate() {
        if !is_full(g) {
            continue;
        }
        let id = EntityId::from(entities.len());
        entities.push(Entity {
            ty: group.ty,
            label: String::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
        });
        entity_of_group[g] = Some(id);
        for &m in &group.mentions {
            mention_entity[m] = Some(id);
            rule_of[m] = MergeRule::SameName;
        }
    }
    let mut refused = Vec::new();
    let mut short_mentions: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .filter(|(g, _)| !is_full(*g))
        .flat_map(|(g, group)| group.mentions.iter().map(move |&m| (m, g)))
        .collect();
    short_mentions.sort_unstable();
    let mut unresolved_groups: HashSet<usize> = HashSet::default();
    for (m, g) in short_mentions {
        let candidates: Vec<(usize, MergeRule)> = candidates_of[g]
            .iter()
            .copied()
            .filter(|(full, _)| is_full(*full))
            .collect();
        let at = doc.mentions[m].sentence.index();
        let mut scored: Vec<(f64, usize, MergeRule)> = candidates
            .iter()
            .map(|&(full, rule)| {
                let entity = entity_of_group[full].expect("full groups have entities");
                let members =
                    (0..doc.mentions.len()).filter(|&o| mention_entity[o] == Some(entity));
                (salience(doc, at, members, &prose), full, rule)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let decided = match scored.as_slice() {
            [] => None,
            [(_, full, rule)] => Some((*full, *rule)),
            [(best, full, rule), (second, ..), ..] => {
                (*best > 0.0 && *best >= 2.0 * *second).then_some((*full, *rule))
            }
        };
        match decided {
            Some((full, rule)) => {
                mention_entity[m] = entity_of_group[full];
                rule_of[m] = rule;
            }
            None if candidates.is_empty() => {
                unresolved_groups.insert(g);
            }
            None => refused.push(RefusedMerge {
                mention: MentionId::from(m),
                candidates: scored
                    .iter()
                    .filter_map(|(_, full, _)| entity_of_group[*full])
                    .collect(),
                reason: format!(
                    "ambiguous short form: {} names fit and none is clearly nearest",
                    scored.len()
                ),
            }),
        }
    }
    // Short forms whose full names were themselves short forms stand alone.
    for g in unresolved_groups {
        let id = EntityId::from(entities.len());
        entities.push(Entity {
            ty: groups[g].ty,
            label: String::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
        });
        for &m in &groups[g].mentions {
            mention_entity[m] = Some(id);
            rule_of[m] = MergeRule::SameName;
        }
    }

    // 3. Demonyms join their country.
    // A country the text names only by its demonym ("Chilean president
    // Ana Soto") is still the country: it becomes its node, never the
    // demonym.
    let mut country_entity: HashMap<&str, EntityId> = groups
        .iter()
        .enumerate()
        .filter_map(|(g, group)| Some((group.country?, entity_of_group[g]?)))
        .collect();
    for (m, mention) in doc.mentions.iter().enumerate() {
        if mention.kind != MentionKind::Demonym {
            continue;
        }
        let Some(country) = lexicon::demonym_country(doc.slice(mention.span)) else {
            continue;
        };
        let entity = *country_entity.entry(country).or_insert_with(|| {
            entities.push(Entity {
                ty: EntityType::Location,
                label: String::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
            EntityId::from(entities.len() - 1)
        });
        mention_entity[m] = Some(entity);
        rule_of[m] = MergeRule::Demonym;
    }

    // 4. Pronouns refer to a recent, compatible entity.
    let mut pronouns = Pronouns::new(doc, &mention_entity, &entities);
    for m in 0..doc.mentions.len() {
        if doc.mentions[m].kind == MentionKind::Pronoun {
            if let Some(entity) = pronouns.resolve(m, &mention_entity) {
                mention_entity[m] = Some(entity);
                rule_of[m] = MergeRule::Pronoun;
            }
        }
        pronouns.passed(m, mention_entity[m]);
    }

    doc.mention_entity = mention_entity;
    doc.refused_merges = refused;
    finish_entities(doc, &mut entities, &rule_of, rules, &groups);
    add_descriptions(doc, &mut entities);
    add_kind_descriptions(doc, &mut entities);
    doc.entities = entities;
}

fn majority_type(mentions: &[Mention], members: &[usize]) -> EntityType {
    let mut counts: BTreeMap<EntityType, usize> = BTreeMap::new();
    for &m in members {
        *counts.entry(mentions[m].ty).or_default() += 1;
    }
    // MISC loses ties to any specific type.
    counts
        .into_iter()
        .max_by_key(|(ty, count)| (*count, *ty != EntityType::Misc, std::cmp::Reverse(*ty)))
        .map(|(ty, _)| ty)
        .unwrap_or(EntityType::Misc)
}

/// Fills in each entity's mentions, label, aliases and roles.
fn finish_entities(
    doc: &Document,
    entities: &mut [Entity],
    rule_of: &[MergeRule],
    rules: &AliasRules,
    groups: &[Group],
) {
    for (m, entity) in doc.mention_entity.iter().enumerate() {
        if let Some(entity) = entity {
            entities[entity.index()]
                .mentions
                .push((MentionId::from(m), rule_of[m]));
        }
    }
    // Every way the text writes a country ("US", "U.S.") labels it by its name.
    let country_of_form: HashMap<&str, &'static str> = groups
        .iter()
        .filter_map(|g| Some((g, g.country?)))
        .flat_map(|(g, country)| {
            g.mentions
                .iter()
                .map(move |&m| (doc.slice(doc.mentions[m].span), country))
        })
        .collect();
    for entity in entities.iter_mut() {
        let names: Vec<&Mention> = entity
            .mentions
            .iter()
            .map(|(m, _)| &doc.mentions[m.index()])
            .filter(|m| m.kind == MentionKind::Name)
            .collect();
        let mut aliases = Vec::new();
        let mut roles = Vec::new();
        for mention in &names {
            let form = doc.slice(mention.span).to_string();
            if let Some(role) = mention.role {
                let role_text = doc.slice(role).to_string();
                let adjacent = role.end <= mention.span.start
                    && doc.text[role.end..mention.span.start].trim().is_empty();
                if !lexicon::is_honorific(&role_text) {
                    // "President Trump" is a name the text uses; "chief
                    // executive Laura Chen" is a name with a description,
                    // and so is "Finance minister Tom Kiprop" opening a
                    // sentence: every word of a title in a name but "of" and
                    // the like is capitalised.
                    let capitalised = role_text.starts_with(char::is_uppercase)
                        && role_text.split_whitespace().all(|w| {
                            w.starts_with(char::is_uppercase) || lexicon::is_function_word(w)
                        });
                    if adjacent && capitalised && lexicon::is_title(&role_text) {
                        aliases.push(format!("{role_text} {form}"));
                    }
                    // "his lawyer" says nothing without the sentence: the
                    // node keeps "lawyer", the edge keeps whose.
                    let role_text = match role_text.split_once(' ') {
                        Some((owner, rest))
                            if !rest.is_empty()
                                && matches!(
                                    lexicon::possessive_determiner(owner),
                                    Some(Possessor::Singular | Possessor::Relative)
                                ) =>
                        {
                            rest.to_string()
                        }
                        _ => role_text,
                    };
                    roles.push(role_text);
                }
            }
            aliases.push(form);
        }
        let fullest = names
            .iter()
            .max_by_key(|m| {
                let form = doc.slice(m.span);
                // "Port Elizabeth" over the dateline's "PORT ELIZABETH".
                let shouting = form.chars().filter(|c| c.is_alphabetic()).count() > 4
                    && !form.chars().any(char::is_lowercase);
                (
                    !shouting,
                    words_of(doc, m).len(),
                    m.span.len(),
                    std::cmp::Reverse(m.span.start),
                )
            })
            .map(|m| doc.slice(m.span).to_string());
        let demonym_country = || {
            entity.mentions.iter().find_map(|(m, _)| {
                let mention = &doc.mentions[m.index()];
                (mention.kind == MentionKind::Demonym)
                    .then(|| lexicon::demonym_country(doc.slice(mention.span)))
                    .flatten()
            })
        };
        let mut label = fullest
            .or_else(|| demonym_country().map(str::to_string))
            .unwrap_or_default();
        if let Some(country) = country_of_form.get(label.as_str()) {
            label = country.to_string();
        }
        // A place named only in a dateline's capitals is labelled as
        // GeoNames writes it: "Chisinau", not "CHISINAU".
        if entity.ty == EntityType::Location
            && let Some(recased) = crate::model::places::Places::embedded().recased(&label)
        {
            label = recased;
        }
        if let Some(forced) = aliases.iter().find_map(|a| rules.labels.get(a)) {
            label = forced.clone();
        }
        aliases.sort();
        aliases.dedup();
        roles.sort();
        roles.dedup();
        entity.label = label;
        entity.aliases = aliases;
        entity.roles = roles;
    }
}
