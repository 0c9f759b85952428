//! Descriptions ("the company's founder") tied to the entity the text names
//! them after.

use super::*;

/// "the current North Korean leader" after "North Korean leader Kim Jong
/// Un": a description the text has tied to one entity becomes its mention.
pub(super) fn add_descriptions(doc: &mut Document, entities: &mut [Entity]) {
    let mut owners: HashMap<String, Vec<EntityId>> = HashMap::default();
    for (e, entity) in entities.iter().enumerate() {
        for role in &entity.roles {
            if role.starts_with(char::is_lowercase) || role.contains(' ') {
                owners
                    .entry(role.to_lowercase())
                    .or_default()
                    .push(EntityId::from(e));
            }
        }
    }
    if owners.is_empty() {
        return;
    }
    // Offsets found in the lower-cased text hold only where lower-casing
    // kept every byte in place.
    let lower = doc.text.to_lowercase();
    if lower.len() != doc.text.len() {
        return;
    }
    let mut added = Vec::new();
    for (role, owner) in &owners {
        let [entity] = owner.as_slice() else {
            continue;
        };
        for (at, _) in lower.match_indices(role.as_str()) {
            let end = at + role.len();
            let Ok(first) = doc.tokens.binary_search_by_key(&at, |t| t.start) else {
                continue;
            };
            let Ok(last) = doc.tokens.binary_search_by_key(&end, |t| t.end) else {
                continue;
            };
            // Must be a description ("the ... leader"), not a role before a name.
            let followed_by_name = doc
                .mentions
                .iter()
                .any(|m| m.kind == MentionKind::Name && m.tokens.start == last + 1);
            let determiner = (first.saturating_sub(3)..first)
                .any(|t| doc.token_text(t).eq_ignore_ascii_case("the"));
            // "the leader of the largest party": an owner named after the
            // description may be anyone's, not the one the role had.
            let owner_follows = last + 1 < doc.tokens.len() && doc.token_text(last + 1) == "of";
            if followed_by_name || !determiner || owner_follows {
                continue;
            }
            // The text ties a description to its entity before using it,
            // and "Pieter Omtzigt, the NSC leader," describes the name it
            // stands beside.
            let introduced = entities[entity.index()]
                .mentions
                .iter()
                .any(|(m, _)| doc.mentions[m.index()].span.end <= at);
            let phrase_start = (first.saturating_sub(3)..first)
                .find(|&t| doc.token_text(t).eq_ignore_ascii_case("the"))
                .unwrap_or(first);
            let beside_a_person = phrase_start >= 2
                && doc.token_text(phrase_start - 1) == ","
                && doc.mentions.iter().any(|m| {
                    m.kind == MentionKind::Name
                        && m.ty == EntityType::Person
                        && m.tokens.end == phrase_start - 1
                });
            if !introduced || beside_a_person {
                continue;
            }
            let overlaps = doc
                .mentions
                .iter()
                .any(|m| m.kind == MentionKind::Name && m.span.start < end && at < m.span.end);
            if overlaps {
                continue;
            }
            added.push((first..last + 1, *entity));
        }
    }
    added.sort_by_key(|(range, _)| range.start);
    for (tokens, entity) in added {
        add_description_mention(doc, entities, tokens, entity, "description");
    }
}

/// A description tied to `entity` becomes one of its mentions.
pub(super) fn add_description_mention(
    doc: &mut Document,
    entities: &mut [Entity],
    tokens: Range<usize>,
    entity: EntityId,
    found_by: &'static str,
) {
    let span = doc.token_span(tokens.clone());
    let id = MentionId::from(doc.mentions.len());
    doc.mentions.push(Mention {
        span,
        sentence: doc.sentence_of_token(tokens.start),
        tokens,
        ty: entities[entity.index()].ty,
        kind: MentionKind::Nominal,
        role: None,
        found_by,
    });
    doc.mention_entity.push(Some(entity));
    entities[entity.index()]
        .mentions
        .push((id, MergeRule::Description));
}
