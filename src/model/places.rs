//! Place names from GeoNames (CC BY 4.0): countries, capitals, US states
//! and every city of 15,000 people or more, with their Latin-script
//! alternate names, and the state of a US city. `textkg train` reads `../shared/data/geonames` and
//! writes one compressed list, each name tokenised as textkg tokenises
//! text, so a phrase of tokens joined by spaces finds it. The recogniser
//! reads a place as a feature; the mention stage asks it whether a name is
//! a place.

use super::perceptron::Reader;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub const FILE: &str = "places.bin.zst";
const MAGIC: &[u8] = b"textkg-places-4\n";
/// The third format: no US city's state.
const MAGIC_V3: &[u8] = b"textkg-places-3\n";
/// The second format: no mark on names read in several countries.
const MAGIC_V2: &[u8] = b"textkg-places-2\n";
/// The first format: place names only, no continents.
const MAGIC_V1: &[u8] = b"textkg-places-1\n";
static BYTES: &[u8] = include_bytes!("../../models/places.bin.zst");

/// Longest place name, in tokens, that [`Places::get`] is asked about.
pub const LONGEST_NAME: usize = 5;
/// A city at least this large is a [`PlaceKind::LargeCity`].
const LARGE_CITY: u64 = 500_000;

/// What a place name names, most prominent first: a name listed twice
/// keeps its most prominent reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Country,
    Capital,
    State,
    LargeCity,
    City,
    /// Only an alternate name (an older name, a transliteration).
    OtherName,
}

impl PlaceKind {
    const ALL: [PlaceKind; 6] = [
        PlaceKind::Country,
        PlaceKind::Capital,
        PlaceKind::State,
        PlaceKind::LargeCity,
        PlaceKind::City,
        PlaceKind::OtherName,
    ];

    /// The kind as a word, for features.
    pub fn name(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Capital => "capital",
            PlaceKind::State => "state",
            PlaceKind::LargeCity => "large-city",
            PlaceKind::City => "city",
            PlaceKind::OtherName => "other-name",
        }
    }

    fn code(self) -> u8 {
        self as u8 + b'0'
    }

    fn from_code(code: u8) -> Option<PlaceKind> {
        PlaceKind::ALL
            .get(code.checked_sub(b'0')? as usize)
            .copied()
    }
}

/// A continent as GeoNames codes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Continent {
    Africa,
    Antarctica,
    Asia,
    Europe,
    NorthAmerica,
    Oceania,
    SouthAmerica,
}

impl Continent {
    const ALL: [Continent; 7] = [
        Continent::Africa,
        Continent::Antarctica,
        Continent::Asia,
        Continent::Europe,
        Continent::NorthAmerica,
        Continent::Oceania,
        Continent::SouthAmerica,
    ];

    /// GeoNames' two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Continent::Africa => "AF",
            Continent::Antarctica => "AN",
            Continent::Asia => "AS",
            Continent::Europe => "EU",
            Continent::NorthAmerica => "NA",
            Continent::Oceania => "OC",
            Continent::SouthAmerica => "SA",
        }
    }

    pub fn from_code(code: &str) -> Option<Continent> {
        Continent::ALL.into_iter().find(|c| c.code() == code)
    }

    /// One bit per continent, for sets of them.
    pub fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A place: its kind and its country's ISO 3166 alpha-2 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    pub kind: PlaceKind,
    pub country: [u8; 2],
    /// GeoNames also has this name in another country ("Cambridge": GB
    /// and US), so the name alone does not say which country it is in.
    pub several_countries: bool,
    /// The US state (GeoNames' first-level division code, "GA") of a US
    /// city whose name GeoNames has in that state only.
    pub state: Option<[u8; 2]>,
}

type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

#[derive(Debug, Clone, Default)]
pub struct Places {
    names: FastMap<String, Place>,
    /// The first token of every name, with the most tokens a name starting
    /// with it has: most words are refused at once, and the rest are
    /// looked up at the lengths their names have.
    first_words: FastMap<String, usize>,
    /// Each country's continent, by alpha-2 code.
    continents: FastMap<[u8; 2], Continent>,
    /// Each US state's name, by GeoNames' code.
    states: FastMap<[u8; 2], String>,
}

impl PartialEq for Places {
    fn eq(&self, other: &Places) -> bool {
        self.names == other.names
            && self.continents == other.continents
            && self.states == other.states
    }
}

impl Places {
    /// The places built into the binary, decompressed on first use.
    pub fn embedded() -> &'static Places {
        static PLACES: OnceLock<Places> = OnceLock::new();
        PLACES.get_or_init(|| {
            Places::from_compressed(BYTES)
                .unwrap_or_else(|e| panic!("the place names built into textkg are unusable: {e}"))
        })
    }

    pub fn embedded_size() -> usize {
        BYTES.len()
    }

    pub fn from_compressed(bytes: &[u8]) -> Result<Places> {
        let bytes = super::decompress("places", bytes)?;
        Places::read(&mut Reader {
            name: "places",
            bytes: &bytes,
        })
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The place a name (its tokens joined by single spaces, case as
    /// written) names, if any.
    pub fn get(&self, name: &str) -> Option<Place> {
        self.names.get(name).copied()
    }

    /// [`Places::get`], and for a name in capitals ("CHISINAU", a
    /// dateline's) the same name with each word capitalised only at its
    /// start.
    /// A name written with Romanian or Turkish s and t under a comma or a
    /// cedilla ("Constanța", "Constanţa") is also looked up in the other
    /// spelling, whose reading wins when it is of a more prominent kind:
    /// GeoNames writes the city's own name one way and keeps the other
    /// among other places' alternate names.
    pub fn get_any_case(&self, name: &str) -> Option<Place> {
        let found = self.get(name).or_else(|| self.get(&self.recased(name)?));
        let Some(respelled) = respell_comma_and_cedilla(name) else {
            return found;
        };
        let other = self
            .get(&respelled)
            .or_else(|| self.get(&self.recased(&respelled)?));
        match (found, other) {
            (Some(found), Some(other)) if other.kind < found.kind => Some(other),
            (None, other) => other,
            (found, _) => found,
        }
    }

    /// A name in capitals as GeoNames writes it ("CHISINAU" → "Chisinau"),
    /// when it has the name only that way.
    pub fn recased(&self, name: &str) -> Option<String> {
        let in_capitals =
            name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        if !in_capitals || self.get(name).is_some() {
            return None;
        }
        let recased = capitalise_words(name);
        self.get(&recased).is_some().then_some(recased)
    }

    /// The most tokens a name starting with this token has (0: none).
    pub fn longest_starting_with(&self, token: &str) -> usize {
        self.first_words.get(token).copied().unwrap_or(0)
    }

    /// The continent of a country (alpha-2 code), if GeoNames gives one.
    pub fn continent(&self, country: [u8; 2]) -> Option<Continent> {
        self.continents.get(&country).copied()
    }

    /// The name of a US state by its code ("GA" → "Georgia").
    pub fn state_name(&self, code: [u8; 2]) -> Option<&str> {
        self.states.get(&code).map(String::as_str)
    }

    /// The code of the US state with this name ("Georgia" → "GA").
    pub fn state_code(&self, name: &str) -> Option<[u8; 2]> {
        self.states
            .iter()
            .find(|(_, state)| state.as_str() == name)
            .map(|(code, _)| *code)
    }

    /// One line per name, sorted: `name<TAB>kind<TAB>country`, then
    /// `<TAB>+` after a name read in several countries and `<TAB>@` and the
    /// state after a US city's; then one per country, sorted:
    /// `country<TAB>continent`; then one per US state, sorted:
    /// `@code<TAB>name`.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        let mut entries: Vec<(&String, &Place)> = self.names.iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (name, place) in entries {
            out.extend_from_slice(name.as_bytes());
            out.push(b'\t');
            out.push(place.kind.code());
            out.push(b'\t');
            out.extend_from_slice(&place.country);
            if place.several_countries {
                out.extend_from_slice(b"\t+");
            }
            if let Some(state) = place.state {
                out.extend_from_slice(b"\t@");
                out.extend_from_slice(&state);
            }
            out.push(b'\n');
        }
        let mut continents: Vec<_> = self.continents.iter().collect();
        continents.sort_unstable();
        for (country, continent) in continents {
            out.extend_from_slice(country);
            out.push(b'\t');
            out.extend_from_slice(continent.code().as_bytes());
            out.push(b'\n');
        }
        let mut states: Vec<_> = self.states.iter().collect();
        states.sort_unstable();
        for (code, name) in states {
            out.push(b'@');
            out.extend_from_slice(code);
            out.push(b'\t');
            out.extend_from_slice(name.as_bytes());
            out.push(b'\n');
        }
    }

    /// Reads every format: the first has no continents, the first two no
    /// mark on names read in several countries, the first three no states.
    pub fn read(reader: &mut Reader<'_>) -> Result<Places> {
        if let Some(magic) = [MAGIC_V1, MAGIC_V2, MAGIC_V3]
            .into_iter()
            .find(|magic| reader.bytes.starts_with(magic))
        {
            reader.expect_magic(magic)?;
        } else {
            reader.expect_magic(MAGIC)?;
        }
        let text = std::str::from_utf8(reader.take(reader.bytes.len())?)
            .map_err(|_| reader.error("place names are not UTF-8"))?;
        let mut places = Places::default();
        let line_error = "a place line is not name, kind, country[, +][, @state]";
        for line in text.lines() {
            let mut fields = line.split('\t');
            let (first, second, third) = (fields.next(), fields.next(), fields.next());
            if let (Some(code), Some(name), None) =
                (first.and_then(|f| f.strip_prefix('@')), second, third)
            {
                let code: [u8; 2] = code
                    .as_bytes()
                    .try_into()
                    .map_err(|_| reader.error("a state code is not two letters"))?;
                places.states.insert(code, name.to_string());
                continue;
            }
            if let (Some(country), Some(continent), None) = (first, second, third) {
                let country: [u8; 2] = country
                    .as_bytes()
                    .try_into()
                    .map_err(|_| reader.error("a country code is not two letters"))?;
                let continent = Continent::from_code(continent)
                    .ok_or_else(|| reader.error("unknown continent code"))?;
                places.continents.insert(country, continent);
                continue;
            }
            let mut several_countries = false;
            let mut state = None;
            for field in fields {
                match (field, field.strip_prefix('@')) {
                    ("+", _) if !several_countries && state.is_none() => several_countries = true,
                    (_, Some(code)) if state.is_none() => {
                        state = Some(
                            code.as_bytes()
                                .try_into()
                                .map_err(|_| reader.error(line_error))?,
                        );
                    }
                    _ => return Err(reader.error(line_error)),
                }
            }
            let (Some(name), Some(kind), Some(country)) = (first, second, third) else {
                return Err(reader.error(line_error));
            };
            let kind = kind
                .bytes()
                .next()
                .and_then(PlaceKind::from_code)
                .ok_or_else(|| reader.error("unknown place kind"))?;
            let country: [u8; 2] = country
                .as_bytes()
                .try_into()
                .map_err(|_| reader.error("a country code is not two letters"))?;
            places.insert(
                name.to_string(),
                Place {
                    kind,
                    country,
                    several_countries,
                    state,
                },
            );
        }
        Ok(places)
    }

    /// Reads `countries.tsv`, `cities.tsv` and `us_states.tsv` in `dir`.
    pub fn derive(dir: &Path) -> Result<Places> {
        let mut places = Places::default();
        let countries = read_table(&dir.join("countries.tsv"), 7)?;
        for row in &countries {
            let country = code(&row[0]);
            places.add(&row[2], PlaceKind::Country, country);
            places.add(&row[3], PlaceKind::Capital, country);
            if let Some(continent) = Continent::from_code(&row[4]) {
                places.continents.insert(country, continent);
            }
        }
        for row in read_table(&dir.join("us_states.tsv"), 2)? {
            places.add(&row[1], PlaceKind::State, *b"US");
            places.states.insert(code(&row[0]), row[1].clone());
        }
        let mut us_states = UsStates::default();
        for row in read_table(&dir.join("cities.tsv"), 6)? {
            let country = code(&row[2]);
            let population: u64 = row[4].parse().unwrap_or(0);
            let kind = if population >= LARGE_CITY {
                PlaceKind::LargeCity
            } else {
                PlaceKind::City
            };
            let own_name = places.add(&row[1], kind, country);
            let alternates: Vec<String> = row[5]
                .split('|')
                .filter_map(|alternate| places.add(alternate, PlaceKind::OtherName, country))
                .collect();
            if country == *b"US" {
                let state = code(&row[3]);
                us_states.note(own_name, alternates, state);
            }
        }
        us_states.place_cities(&mut places);
        Ok(places)
    }

    fn insert(&mut self, name: String, place: Place) {
        self.note_first_word(&name);
        self.names.insert(name, place);
    }

    fn note_first_word(&mut self, name: &str) {
        let mut tokens = name.split(' ');
        if let Some(first) = tokens.next() {
            let length = 1 + tokens.count();
            let longest = self.first_words.entry(first.to_string()).or_default();
            *longest = (*longest).max(length);
        }
    }

    /// Adds a name written with a capital, tokenised as text is; keeps the
    /// most prominent reading, then the first country in code order, and
    /// notes a name read in more than one country. Returns the name as
    /// looked up, when added.
    fn add(&mut self, name: &str, kind: PlaceKind, country: [u8; 2]) -> Option<String> {
        let name = name.trim();
        if !name.starts_with(char::is_uppercase) || name.chars().count() < 2 {
            return None;
        }
        let tokens = crate::text::tokenize(name);
        if tokens.len() > LONGEST_NAME {
            return None;
        }
        let joined = tokens
            .iter()
            .map(|t| &name[t.range()])
            .collect::<Vec<_>>()
            .join(" ");
        let place = Place {
            kind,
            country,
            several_countries: false,
            state: None,
        };
        self.note_first_word(&joined);
        self.names
            .entry(joined.clone())
            .and_modify(|known| {
                let several_countries = known.several_countries || known.country != country;
                if (place.kind, place.country) < (known.kind, known.country) {
                    *known = place;
                }
                known.several_countries = several_countries;
            })
            .or_insert(place);
        Some(joined)
    }
}

/// The states GeoNames puts each US city's names in: a city's own name
/// ("Atlanta": GA), and an alternate name only where no city has it as
/// its own.
#[derive(Default)]
struct UsStates {
    own_names: HashMap<String, Vec<[u8; 2]>>,
    alternates: HashMap<String, Vec<[u8; 2]>>,
}

impl UsStates {
    fn note(&mut self, own_name: Option<String>, alternates: Vec<String>, state: [u8; 2]) {
        let push = |names: &mut HashMap<String, Vec<[u8; 2]>>, name: String| {
            let states = names.entry(name).or_default();
            if !states.contains(&state) {
                states.push(state);
            }
        };
        if let Some(name) = own_name {
            push(&mut self.own_names, name);
        }
        for name in alternates {
            push(&mut self.alternates, name);
        }
    }

    /// Gives each name whose most prominent reading is in the US, and that
    /// one state only has, that state ("Springfield", in eight, has none).
    fn place_cities(&self, places: &mut Places) {
        for (name, place) in places.names.iter_mut() {
            if place.country != *b"US"
                || matches!(place.kind, PlaceKind::Country | PlaceKind::State)
            {
                continue;
            }
            let states = self
                .own_names
                .get(name)
                .or_else(|| self.alternates.get(name));
            if let Some([state]) = states.map(Vec::as_slice) {
                place.state = Some(*state);
            }
        }
    }
}

/// The name with each s and t under a comma (U+0218–U+021B, Romanian)
/// written under a cedilla (U+015E, U+015F, U+0162, U+0163) and each
/// under a cedilla written under a comma; `None` when it has neither.
fn respell_comma_and_cedilla(name: &str) -> Option<String> {
    let swap = |c: char| match c {
        'Ș' => 'Ş',
        'ș' => 'ş',
        'Ț' => 'Ţ',
        'ț' => 'ţ',
        'Ş' => 'Ș',
        'ş' => 'ș',
        'Ţ' => 'Ț',
        'ţ' => 'ț',
        other => other,
    };
    let respelled: String = name.chars().map(swap).collect();
    (respelled != name).then_some(respelled)
}

/// "NEW YORK" → "New York", "DAR ES SALAAM" → "Dar Es Salaam".
fn capitalise_words(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn code(field: &str) -> [u8; 2] {
    field.as_bytes().try_into().unwrap_or(*b"--")
}

/// The rows of a tab-separated file with a header line, each with at least
/// `columns` fields (read as text: Namibia's code is "NA").
fn read_table(path: &Path, columns: usize) -> Result<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<String> = line.split('\t').map(str::to_string).collect();
        if fields.len() < columns {
            return Err(Error::BadLine {
                path: PathBuf::from(path),
                line: n + 1,
                message: format!("expected {columns} tab-separated fields"),
            });
        }
        rows.push(fields);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_datelines_capitals_find_the_place() {
        let places = Places::embedded();
        let country = |name: &str| places.get_any_case(name).map(|p| p.country);
        assert_eq!(country("CHISINAU"), Some(*b"MD"));
        assert_eq!(country("NAIROBI"), Some(*b"KE"));
        assert_eq!(country("Mombasa"), Some(*b"KE"));
        assert_eq!(places.get("CHISINAU"), None);
        assert_eq!(places.recased("CHISINAU").as_deref(), Some("Chisinau"));
        assert_eq!(places.recased("Chisinau"), None);
        // Only a name wholly in capitals is recased.
        assert_eq!(country("nairobi"), None);
        assert_eq!(country("NAIrobi"), None);
    }

    #[test]
    fn s_and_t_under_a_comma_or_a_cedilla_find_the_same_place() {
        let mut places = Places::default();
        // As GeoNames writes them: the city's own name with a cedilla, the
        // comma spelling among a foreign city's alternate names.
        places.add("Vârfeşti", PlaceKind::City, *b"RO");
        places.add("Vârfești", PlaceKind::OtherName, *b"DE");
        places.add("Vârfești", PlaceKind::OtherName, *b"RO");
        places.add("Kuruşehir", PlaceKind::City, *b"TR");
        places.add("Bârța", PlaceKind::City, *b"RO");
        let read = |name: &str| places.get_any_case(name).map(|p| (p.country, p.kind));
        assert_eq!(read("Vârfești"), Some((*b"RO", PlaceKind::City)));
        assert_eq!(read("VÂRFEȘTI"), Some((*b"RO", PlaceKind::City)));
        assert_eq!(read("Kuruşehir"), Some((*b"TR", PlaceKind::City)));
        assert_eq!(read("Kurușehir"), Some((*b"TR", PlaceKind::City)));
        assert_eq!(read("Bârţa"), Some((*b"RO", PlaceKind::City)));
        assert!(!places.get_any_case("Vârfești").unwrap().several_countries);
        assert_eq!(read("Varfesti"), None);
        // The real city, spelled as Romanian writes it.
        let embedded = Places::embedded().get_any_case("Constanța");
        assert_eq!(embedded.map(|p| p.country), Some(*b"RO"));
    }

    #[test]
    fn embedded_places_know_countries_capitals_states_and_cities() {
        let places = Places::embedded();
        let kind = |name: &str| places.get(name).map(|p| p.kind);
        assert_eq!(kind("Kenya"), Some(PlaceKind::Country));
        assert_eq!(kind("Nairobi"), Some(PlaceKind::Capital));
        assert_eq!(kind("Ohio"), Some(PlaceKind::State));
        assert_eq!(places.get("Mombasa").map(|p| p.country), Some(*b"KE"));
        assert_eq!(kind("Port - au - Prince"), Some(PlaceKind::Capital));
        assert_eq!(kind("nairobi"), None);
        assert_eq!(kind("Quarterly"), None);
        let one_country = |name: &str| places.get(name).map(|p| !p.several_countries);
        assert_eq!(one_country("Mombasa"), Some(true));
        assert_eq!(one_country("Cambridge"), Some(false));
    }

    fn written_and_read(places: &Places) -> Places {
        let mut bytes = Vec::new();
        places.write(&mut bytes);
        Places::read(&mut Reader {
            name: "t",
            bytes: &bytes,
        })
        .unwrap()
    }

    #[test]
    fn places_round_trip_and_keep_the_most_prominent_reading() {
        let mut places = Places::default();
        places.add("Springfield", PlaceKind::City, *b"US");
        places.add("Springfield", PlaceKind::Capital, *b"US");
        places.add("lowercase", PlaceKind::City, *b"US");
        places.add("São Tomé", PlaceKind::Capital, *b"ST");
        let read = written_and_read(&places);
        assert_eq!(read, places);
        assert_eq!(read.len(), 2);
        assert_eq!(
            read.get("Springfield").map(|p| p.kind),
            Some(PlaceKind::Capital)
        );
        assert_eq!(read.get("São Tomé").map(|p| p.country), Some(*b"ST"));
        // The first word of a name says how long its names run.
        assert_eq!(read.longest_starting_with("São"), 2);
        assert_eq!(read.longest_starting_with("Springfield"), 1);
        assert_eq!(read.longest_starting_with("Tomé"), 0);
    }

    #[test]
    fn a_name_read_in_two_countries_says_so() {
        let mut places = Places::default();
        places.add("Hartwell", PlaceKind::City, *b"GB");
        places.add("Hartwell", PlaceKind::LargeCity, *b"US");
        places.add("Hartwell", PlaceKind::OtherName, *b"GB");
        places.add("Molnby", PlaceKind::City, *b"SE");
        places.add("Molnby", PlaceKind::OtherName, *b"SE");
        let read = written_and_read(&places);
        assert_eq!(read, places);
        let hartwell = read.get("Hartwell").unwrap();
        assert_eq!(
            (hartwell.kind, hartwell.country),
            (PlaceKind::LargeCity, *b"US")
        );
        assert!(hartwell.several_countries);
        assert!(!read.get("Molnby").unwrap().several_countries);
    }

    #[test]
    fn a_us_city_named_in_one_state_only_has_that_state() {
        let mut places = Places::default();
        places.states.insert(*b"GA", "Georgia".into());
        places.states.insert(*b"OH", "Ohio".into());
        let mut states = UsStates::default();
        let mut city = |places: &mut Places, name: &str, alternates: &[&str], state: &[u8; 2]| {
            let own = places.add(name, PlaceKind::City, *b"US");
            let alternates = alternates
                .iter()
                .filter_map(|a| places.add(a, PlaceKind::OtherName, *b"US"))
                .collect();
            states.note(own, alternates, *state);
        };
        city(&mut places, "Marlow Falls", &["Marlow"], b"GA");
        city(&mut places, "Dunford", &[], b"GA");
        city(&mut places, "Dunford", &[], b"OH");
        city(&mut places, "Kestrel", &["Marlow"], b"OH");
        places.add("Tarn", PlaceKind::City, *b"FR");
        states.place_cities(&mut places);
        let read = written_and_read(&places);
        assert_eq!(read, places);
        let state = |name: &str| read.get(name).and_then(|p| p.state);
        assert_eq!(state("Marlow Falls"), Some(*b"GA"));
        assert_eq!(state("Kestrel"), Some(*b"OH"));
        // In two states, or an other name of cities in two.
        assert_eq!(state("Dunford"), None);
        assert_eq!(state("Marlow"), None);
        assert_eq!(state("Tarn"), None);
        assert_eq!(read.state_name(*b"GA"), Some("Georgia"));
        assert_eq!(read.state_code("Ohio"), Some(*b"OH"));
        let third_format = b"textkg-places-3\nNairobi\t1\tKE\t+\n";
        let old = Places::read(&mut Reader {
            name: "t",
            bytes: third_format,
        })
        .unwrap();
        assert!(
            old.get("Nairobi")
                .is_some_and(|p| p.several_countries && p.state.is_none())
        );
    }

    #[test]
    fn continents_round_trip_and_the_first_format_still_reads() {
        let mut places = Places::default();
        places.add("Nairobi", PlaceKind::Capital, *b"KE");
        places.continents.insert(*b"KE", Continent::Africa);
        places.continents.insert(*b"NA", Continent::Africa);
        let read = written_and_read(&places);
        assert_eq!(read, places);
        assert_eq!(read.continent(*b"KE"), Some(Continent::Africa));
        assert_eq!(read.continent(*b"FR"), None);
        let first_format = b"textkg-places-1\nNairobi\t1\tKE\n";
        let old = Places::read(&mut Reader {
            name: "t",
            bytes: first_format,
        })
        .unwrap();
        assert_eq!(old.get("Nairobi").map(|p| p.country), Some(*b"KE"));
        assert_eq!(old.continent(*b"KE"), None);
    }

    #[test]
    fn embedded_places_know_each_countrys_continent() {
        let places = Places::embedded();
        assert_eq!(places.continent(*b"KE"), Some(Continent::Africa));
        assert_eq!(places.continent(*b"NO"), Some(Continent::Europe));
        assert_eq!(places.continent(*b"BR"), Some(Continent::SouthAmerica));
        assert_eq!(places.continent(*b"AQ"), Some(Continent::Antarctica));
    }
}
