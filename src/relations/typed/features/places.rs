//! What GeoNames says of the places of a pair (issue 15): evidence for the
//! typed model to weigh, never an edge the text does not state.

use super::{Ctx, Ent, Sink, name};
use crate::document::{Document, Entity, EntityType, MentionKind};
use crate::model::places::{Continent, Place, PlaceKind, Places};

/// A pair whose ends GeoNames puts in two different countries: one end a
/// country, the other a place whose name GeoNames knows in one other
/// country only ("Aarhus" and Norway). Which end is the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GeoConflict {
    #[default]
    None,
    /// The head is the place outside the tail country.
    HeadOutsideTail,
    /// The tail is the place outside the head country.
    TailOutsideHead,
}

/// Rule `geonames-contradicts`: the properties that put one end of a pair
/// inside the country at its other end, with the end that is inside. It
/// reads a pair's [`GeoConflict`] and removes these properties from the
/// pair's scored candidates: no text can make Aarhus lie in Norway, and
/// GeoNames is not used for anything the text does not state.
pub const PLACED_IN_COUNTRY: &[(&str, GeoConflict)] = &[
    ("P17", GeoConflict::HeadOutsideTail),
    ("P131", GeoConflict::HeadOutsideTail),
    ("P150", GeoConflict::TailOutsideHead),
];

/// Whether GeoNames puts a pair's ends in two different countries; names
/// read in several countries ("Cambridge", "Georgia") and translations
/// never conflict (see [`Geo::one_country`]).
pub(super) fn conflict(he: &Ent, te: &Ent) -> GeoConflict {
    let (Some(h), Some(t)) = (he.geo.place, te.geo.place) else {
        return GeoConflict::None;
    };
    if !he.geo.one_country || !te.geo.one_country || h.country == t.country {
        return GeoConflict::None;
    }
    match (h.kind == PlaceKind::Country, t.kind == PlaceKind::Country) {
        (false, true) => GeoConflict::HeadOutsideTail,
        (true, false) => GeoConflict::TailOutsideHead,
        _ => GeoConflict::None,
    }
}

/// What GeoNames says of an entity's names.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Geo {
    /// The most prominent reading of a location's names, if any.
    pub place: Option<Place>,
    /// The continents its names name ("Europe", "Southeast Asia",
    /// "African"), one [`Continent::bit`] each.
    pub continents: u8,
    /// `place` is read by a name GeoNames has in one country only, and is
    /// a place's own name or a one-word other name ("Aarhus" of Århus), not
    /// a longer translation ("White House" of Casablanca).
    pub one_country: bool,
}

/// A location's place is the most prominent GeoNames reading of its
/// names: its label first, so that a demonym's entity ("Dutch" →
/// Netherlands) has one, then each name as written. Any entity may name a
/// continent ("European" is often read as a miscellaneous name).
pub(super) fn reading(doc: &Document, entity: &Entity) -> Geo {
    let places = Places::embedded();
    let is_location = entity.ty == EntityType::Location;
    let mut best = places.get_any_case(&entity.label).filter(|_| is_location);
    let mut best_words = entity.label.split(' ').count();
    let mut continents = continents_named(&entity.label);
    for &(id, _) in &entity.mentions {
        let Some(m) = doc.mentions.get(id.index()) else {
            continue;
        };
        if m.kind == MentionKind::Pronoun {
            continue;
        }
        let written: Vec<&str> = m.tokens.clone().map(|t| doc.token_text(t)).collect();
        let written = written.join(" ");
        continents |= continents_named(&written);
        if let Some(found) = places.get_any_case(&written).filter(|_| is_location)
            && best.is_none_or(|p| found.kind < p.kind)
        {
            best = Some(found);
            best_words = m.tokens.len();
        }
    }
    let one_country = best.is_some_and(|p| {
        !p.several_countries && (p.kind != PlaceKind::OtherName || best_words == 1)
    });
    Geo {
        place: best,
        continents,
        one_country,
    }
}

/// The continents a name (tokens joined by spaces) names: a continent,
/// its adjective, or a region ending in a continent's name ("Southeast
/// Asia", "British North America").
pub(super) fn continents_named(name: &str) -> u8 {
    use Continent::*;
    let americas = NorthAmerica.bit() | SouthAmerica.bit();
    let whole = match name {
        "European" => Europe.bit(),
        "Asian" => Asia.bit(),
        "African" => Africa.bit(),
        "Antarctic" => Antarctica.bit(),
        "North American" | "Central American" => NorthAmerica.bit(),
        "South American" => SouthAmerica.bit(),
        "Latin American" => americas,
        _ => 0,
    };
    let mut words = name.rsplit(' ');
    let last = words.next().unwrap_or("");
    let ending = match last {
        "Europe" => Europe.bit(),
        "Asia" => Asia.bit(),
        "Africa" => Africa.bit(),
        "Antarctica" => Antarctica.bit(),
        "Oceania" | "Australasia" => Oceania.bit(),
        "Eurasia" => Europe.bit() | Asia.bit(),
        "Americas" => americas,
        "America" => match words.next() {
            Some("North" | "Central") => NorthAmerica.bit(),
            Some("South") => SouthAmerica.bit(),
            Some("Latin") => americas,
            _ => 0,
        },
        _ => 0,
    };
    whole | ending
}

/// The continent of a place's country, as a [`Continent::bit`] (0: none).
fn continent_bit(country: [u8; 2]) -> u8 {
    Places::embedded()
        .continent(country)
        .map_or(0, Continent::bit)
}

/// Per entity, the places sharing a sentence with it (`cooc`) and their
/// countries.
pub(super) fn near(ents: &[Option<Ent>], cooc: &[Vec<usize>]) -> Vec<Vec<(usize, [u8; 2])>> {
    cooc.iter()
        .map(|near| {
            near.iter()
                .filter_map(|&e| {
                    let ent = ents[e].as_ref()?;
                    Some((e, ent.geo.place?.country))
                })
                .collect()
        })
        .collect()
}

/// The countries of a document's places (each entity with a GeoNames
/// reading counts once), most places first: the country a text is about.
#[derive(Debug, Clone, Default)]
pub(super) struct Countries {
    by_count: Vec<([u8; 2], usize)>,
    total: usize,
}

impl Countries {
    pub fn of(ents: &[Option<Ent>]) -> Countries {
        let mut counts: Vec<([u8; 2], usize)> = Vec::new();
        for place in ents.iter().flatten().filter_map(|e| e.geo.place) {
            match counts.iter_mut().find(|(c, _)| *c == place.country) {
                Some((_, n)) => *n += 1,
                None => counts.push((place.country, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let total = counts.iter().map(|(_, n)| n).sum();
        Countries {
            by_count: counts,
            total,
        }
    }

    /// A country's rank among the document's (0 the most places; 2 for
    /// third or later) and its share of the places (0 under a third, 1
    /// under two thirds, 2 more, 3 all); (3, 0) for a country none of them
    /// lies in.
    pub fn standing(&self, country: [u8; 2]) -> (u64, u64) {
        let Some(rank) = self.by_count.iter().position(|(c, _)| *c == country) else {
            return (3, 0);
        };
        let n = self.by_count[rank].1;
        let share = if n == self.total {
            3
        } else {
            (3 * n / self.total.max(1)).min(2) as u64
        };
        (rank.min(2) as u64, share)
    }
}

/// "Taylor, Texas": the kinds of two places and whether they lie in one
/// country. "Solberg met fishermen in Bergen": whether the other places the
/// head shares a sentence with lie in the tail place's country or another.
/// And the tail place's country's standing among the document's places
/// (`geo-doc`): a text about a Polish village names Polish towns.
pub(super) fn pair_features(
    ctx: &Ctx,
    (h, he): (usize, &Ent),
    (t, te): (usize, &Ent),
    tp: u64,
    sink: &mut Sink,
) {
    continent_features(ctx, (h, he), (t, te), tp, sink);
    let Some(tail_place) = te.geo.place else {
        return;
    };
    if let Some(head_place) = he.geo.place {
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
    let (rank, share) = ctx.countries.standing(tail_place.country);
    let head_country = match he.geo.place {
        Some(place) => u64::from(place.country == tail_place.country),
        None => 2,
    };
    sink.add(
        const { name("geo-doc") },
        &[rank, share, head_country, tail_place.kind as u64, tp],
    );
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

/// "Bergen ... Europe": whether the head place's country lies in the
/// continent the tail names (`cont`: 1 yes, 0 no, 2 the head is no known
/// place), and whether the places sharing a sentence with the head do
/// (`cont-near`).
fn continent_features(
    ctx: &Ctx,
    (h, he): (usize, &Ent),
    (t, te): (usize, &Ent),
    tp: u64,
    sink: &mut Sink,
) {
    let named = te.geo.continents;
    if named == 0 {
        return;
    }
    let head = match he.geo.place {
        Some(place) => u64::from(continent_bit(place.country) & named != 0),
        None => 2,
    };
    sink.add(const { name("cont") }, &[head, tp]);
    let (mut inside, mut outside) = (false, false);
    for &(_, country) in ctx.places_near[h].iter().filter(|&&(e, _)| e != t) {
        let bit = continent_bit(country);
        inside |= bit & named != 0;
        outside |= bit != 0 && bit & named == 0;
    }
    sink.add(
        const { name("cont-near") },
        &[u64::from(inside), u64::from(outside), tp],
    );
}
