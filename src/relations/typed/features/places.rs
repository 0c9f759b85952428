//! What GeoNames says of the places of a pair (issue 15): evidence for the
//! typed model to weigh, never an edge the text does not state.

use super::{Ctx, Ent, Sink, name};
use crate::document::{Document, Entity, EntityType, MentionKind};
use crate::model::places::{Place, Places};

/// The most prominent GeoNames reading of a location's names: its label
/// first, so that a demonym's entity ("Dutch" → Netherlands) has one, then
/// each name as written.
pub(super) fn reading(doc: &Document, entity: &Entity) -> Option<Place> {
    if entity.ty != EntityType::Location {
        return None;
    }
    let places = Places::embedded();
    let mut best = places.get(&entity.label);
    for &(id, _) in &entity.mentions {
        let Some(m) = doc.mentions.get(id.index()) else {
            continue;
        };
        if m.kind == MentionKind::Pronoun {
            continue;
        }
        let written: Vec<&str> = m.tokens.clone().map(|t| doc.token_text(t)).collect();
        if let Some(found) = places.get(&written.join(" "))
            && best.is_none_or(|p| found.kind < p.kind)
        {
            best = Some(found);
        }
    }
    best
}

/// Per entity, the places sharing a sentence with it (`cooc`) and their
/// countries.
pub(super) fn near(ents: &[Option<Ent>], cooc: &[Vec<usize>]) -> Vec<Vec<(usize, [u8; 2])>> {
    cooc.iter()
        .map(|near| {
            near.iter()
                .filter_map(|&e| {
                    let ent = ents[e].as_ref()?;
                    Some((e, ent.place?.country))
                })
                .collect()
        })
        .collect()
}

/// "Taylor, Texas": the kinds of two places and whether they lie in one
/// country. "Solberg met fishermen in Bergen": whether the other places the
/// head shares a sentence with lie in the tail place's country or another.
pub(super) fn pair_features(
    ctx: &Ctx,
    (h, he): (usize, &Ent),
    (t, te): (usize, &Ent),
    tp: u64,
    sink: &mut Sink,
) {
    let Some(tail_place) = te.place else {
        return;
    };
    if let Some(head_place) = he.place {
        sink.add(
            const { name("geo") },
            &[
                head_place.kind as u64,
                tail_place.kind as u64,
                u64::from(head_place.country == tail_place.country),
                tp,
            ],
        );
    }
    let (mut same, mut other) = (false, false);
    for &(_, country) in ctx.places_near[h].iter().filter(|&&(e, _)| e != t) {
        same |= country == tail_place.country;
        other |= country != tail_place.country;
    }
    sink.add(
        const { name("geo-near") },
        &[
            u64::from(same),
            u64::from(other),
            tail_place.kind as u64,
            tp,
        ],
    );
}
