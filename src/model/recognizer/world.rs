//! What the recogniser knows of the world beyond its labelled text: each
//! word's clusters from the Explosion vectors ("Besiktas" is used like
//! "Barcelona") and the GeoNames places a phrase names.

use super::super::clusters::{WordCluster, WordClusters};
use super::super::features::TokenInfo;
use super::super::perceptron::{feature, mix};
use super::super::places::{LONGEST_NAME, Places};
use crate::lexicon::phrase;

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A token's world knowledge, as feature values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorldInfo {
    /// The vectors' row of the word as written (else its lower case).
    pub row: u64,
    /// Its k-means clusters, coarsest first.
    pub coarse: [u64; 2],
    /// The row of the word's lower case.
    pub lower_row: u64,
    /// 0, or 1 + 4 × place kind + position (begin, inside, last, unit) in
    /// the longest place name starting leftmost.
    pub place: u64,
    /// The clusters of the word as written, else of its lower case.
    pub cluster: Option<WordCluster>,
}

/// Describes every token: its clusters (a word the vectors lack falls back
/// on its shape) and the place names among the tokens.
pub fn describe<S: AsRef<str>>(words: &[S], infos: &[TokenInfo]) -> Vec<WorldInfo> {
    let clusters = WordClusters::embedded();
    // A word's clusters depend on the word alone: each is looked up once.
    let mut known: HashMap<&str, WorldInfo> =
        HashMap::with_capacity_and_hasher(words.len() / 2, Default::default());
    let mut world: Vec<WorldInfo> = words
        .iter()
        .zip(infos)
        .map(|(word, info)| {
            *known
                .entry(word.as_ref())
                .or_insert_with_key(|word| word_clusters(clusters, word, info))
        })
        .collect();
    mark_places(words, Places::embedded(), &mut world);
    world
}

/// A word's clusters (a word the vectors lack falls back on its shape).
fn word_clusters(clusters: &WordClusters, word: &str, info: &TokenInfo) -> WorldInfo {
    let back_off = |k: u64| mix(k, info.short_shape);
    // One search for the word as written, one for its lower case.
    let exact = clusters.get_exact(word);
    let lower = if info.lower == info.word {
        exact
    } else {
        clusters.get_exact(&word.to_lowercase())
    };
    let cluster = exact.or(lower);
    let (row, coarse) = match cluster {
        Some(c) => (
            u64::from(c.row) + 1,
            [u64::from(c.coarse[0]) + 1, u64::from(c.coarse[1]) + 1],
        ),
        None => (back_off(1), [back_off(2), back_off(3)]),
    };
    let lower_row = match lower {
        Some(c) => u64::from(c.row) + 1,
        None if info.lower == info.word => row,
        None => back_off(4),
    };
    WorldInfo {
        row,
        coarse,
        lower_row,
        place: 0,
        cluster,
    }
}

fn mark_places<S: AsRef<str>>(words: &[S], places: &Places, world: &mut [WorldInfo]) {
    let mut name = String::new();
    let mut found = Vec::new();
    let mut start = 0;
    // Leftmost longest, as `phrase::leftmost_longest` finds them, each start
    // tried only at the lengths of the names its word begins.
    while start < words.len() {
        let first = words[start].as_ref();
        let longest = if first.starts_with(char::is_uppercase) {
            places.longest_starting_with(first).min(LONGEST_NAME)
        } else {
            0
        };
        let place = phrase::longest_at(start, words.len(), longest, |range| {
            name.clear();
            for (k, word) in words[range].iter().enumerate() {
                if k > 0 {
                    name.push(' ');
                }
                name.push_str(word.as_ref());
            }
            places.get(&name)
        });
        match place {
            Some((range, place)) => {
                start = range.end;
                found.push((range, place));
            }
            None => start += 1,
        }
    }
    for (range, place) in found {
        let length = range.len();
        for (k, slot) in world[range].iter_mut().enumerate() {
            let position = match (k, length) {
                (_, 1) => 3,
                (0, _) => 0,
                (k, l) if k + 1 == l => 2,
                _ => 1,
            };
            slot.place = 1 + 4 * place.kind as u64 + position;
        }
    }
}

const NONE: u64 = 0x5EED;
const ROW: u32 = 64;
const COARSE: u32 = 65;
const LOWER_ROW: u32 = 67;
const ROW_AT: u32 = 68;
const FINE_AT: u32 = 70;
const COARSE_AT: u32 = 74;
const FINE_SHAPE: u32 = 76;
const PLACE: u32 = 77;
const PLACE_AT: u32 = 78;

/// The world features of token `i` of a sentence.
pub fn extract(world: &[WorldInfo], infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let t = &world[i];
    let at = |offset: isize| -> Option<&WorldInfo> {
        let j = i as isize + offset;
        (j >= 0).then(|| world.get(j as usize)).flatten()
    };
    out.push(feature(ROW, t.row));
    out.push(feature(COARSE, t.coarse[0]));
    out.push(feature(COARSE + 1, t.coarse[1]));
    out.push(feature(LOWER_ROW, t.lower_row));
    out.push(feature(FINE_SHAPE, mix(t.coarse[1], infos[i].short_shape)));
    for (k, offset) in [-1isize, 1].into_iter().enumerate() {
        let k = k as u32;
        out.push(feature(ROW_AT + k, at(offset).map_or(NONE, |w| w.row)));
        out.push(feature(
            COARSE_AT + k,
            at(offset).map_or(NONE, |w| w.coarse[0]),
        ));
    }
    for (k, offset) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        out.push(feature(
            FINE_AT + k as u32,
            at(offset).map_or(NONE, |w| w.coarse[1]),
        ));
    }
    if t.place != 0 {
        out.push(feature(PLACE, t.place));
    }
    for (k, offset) in [-1isize, 1].into_iter().enumerate() {
        if let Some(w) = at(offset).filter(|w| w.place != 0) {
            out.push(feature(PLACE_AT + k as u32, w.place));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::features;
    use crate::model::places::PlaceKind;

    #[test]
    fn clusters_and_places_describe_each_token() {
        let words = [
            "Besiktas",
            "beat",
            "Barcelona",
            "in",
            "Port",
            "-",
            "au",
            "-",
            "Prince",
            "Zqxvarb",
            "Wqpmolt",
        ];
        let infos = features::describe(&words);
        let world = describe(&words, &infos);
        // Clubs share a row; a verb is elsewhere.
        assert_eq!(world[0].row, world[2].row);
        assert_ne!(world[0].row, world[1].row);
        // Words the vectors lack back off on their shape.
        assert_eq!(world[9].row, world[10].row);
        assert_ne!(world[9].row, world[0].row);
        // "Port-au-Prince" is a capital, marked begin, inside, last;
        // Barcelona a large city named alone.
        let capital = 1 + 4 * PlaceKind::Capital as u64;
        let city = 1 + 4 * PlaceKind::LargeCity as u64 + 3;
        let places: Vec<u64> = world.iter().map(|w| w.place).collect();
        assert_eq!(
            places,
            [
                0,
                0,
                city,
                0,
                capital,
                capital + 1,
                capital + 1,
                capital + 1,
                capital + 2,
                0,
                0
            ]
        );
    }
}
