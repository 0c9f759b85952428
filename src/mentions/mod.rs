//! Stage 3: names → entity mentions.
//!
//! The recogniser's names (`Document::names`) pass through [`RULES`], in
//! order, each a type in one family's file; then each name becomes a
//! mention, a title before it its role, and demonyms and pronouns are
//! added. Every mention records the rule that last found or changed it,
//! which `--explain` reports.

mod clubs;
mod countries;
mod dates;
mod demonyms;
mod headlines;
mod organizations;
mod people;
mod places;
mod pronouns;
mod roles;
mod splitting;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

use crate::collections::{HashMap, HashSet};
use crate::document::{Document, EntityType, Mention, MentionKind, Span, Upos};
use crate::grammar::{self, capitalises_every_content_word};
use crate::lexicon::{self, phrase};
use clubs::*;
use countries::*;
use dates::*;
use demonyms::*;
use headlines::*;
use organizations::*;
use people::*;
use places::*;
use pronouns::*;
use roles::*;
use splitting::*;
use std::ops::Range;

/// A name found by a recogniser: a token range and its type.
pub type NameSpan = (Range<usize>, EntityType);

/// What `--explain` names as having found a mention no rule changed.
pub const RECOGNISER: &str = "recogniser";
/// What `--explain` names as having found a demonym outside any name.
pub const DEMONYM: &str = "demonym";
/// What `--explain` names as having found a pronoun.
pub const PRONOUN: &str = "pronoun";

/// One rule of the mention stage: it reads the document's tokens, tags and
/// the names so far, and changes the names.
pub trait NameRule: Sync {
    /// The rule's name, as `--explain` reports it.
    fn name(&self) -> &'static str;
    fn apply(&self, doc: &Document, names: &mut Vec<NameSpan>);
}

/// Declares a rule type. A rule `rewrites` the names into new ones,
/// `retypes` (or `edits`) them in place, or `adds` the names it finds.
macro_rules! name_rules {
    ($($(#[$doc:meta])* $rule:ident = $name:literal, $kind:ident $apply:ident;)*) => {
        $(
            $(#[$doc])*
            pub struct $rule;
            impl NameRule for $rule {
                fn name(&self) -> &'static str {
                    $name
                }
                fn apply(&self, doc: &Document, names: &mut Vec<NameSpan>) {
                    name_rules!(@apply $kind $apply doc names);
                }
            }
        )*
    };
    (@apply rewrites $apply:ident $doc:ident $names:ident) => {
        *$names = $apply($doc, std::mem::take($names))
    };
    (@apply retypes $apply:ident $doc:ident $names:ident) => {
        $apply($doc, $names)
    };
    (@apply edits $apply:ident $doc:ident $names:ident) => {
        $apply($doc, $names)
    };
    (@apply adds $apply:ident $doc:ident $names:ident) => {{
        let found = $apply($doc, $names);
        $names.extend(found)
    }};
}

name_rules! {
    /// Reads tags. Cuts a name where it runs over a lower-case verb; the capitalised
    /// words on each side stay names.
    SplitAtVerbs = "split-at-verbs", rewrites split_at_verbs;
    /// Reads tokens. Splits a date the recogniser ran over a list of years
    /// into one date a year.
    SplitListsOfYears = "split-lists-of-years", rewrites split_lists_of_years;
    /// Reads tokens and `TIME_UNITS`. Makes a number of a unit of time ("eight
    /// years") a date that takes in the unit.
    LengthsOfTime = "lengths-of-time", edits lengths_of_time;
    /// Reads every name and the capitalisation of each line. In a title-case
    /// headline keeps only the names the story repeats, with the story's type.
    HeadlineNames = "headline-names", rewrites headline_names;
    /// Reads paragraph starts. Makes the capitals before a dash that open a
    /// paragraph a place, replacing names there.
    Datelines = "datelines", rewrites datelines;
    /// Reads tokens and tags. Extends a name the recogniser cut at a hyphen to
    /// the end of the hyphenated word.
    ExtendOverHyphens = "extend-over-hyphens", rewrites extend_over_hyphens;
    /// Reads tokens. Starts a name after a word joined to a prefix such as
    /// "pro-" or "anti-".
    NamesAfterPrefixCompounds = "names-after-prefix-compounds", rewrites names_after_prefix_compounds;
    /// Reads tokens. Splits a full name run on over "of" into a person and the
    /// place or organisation after "of".
    SplitPersonOfPlace = "split-person-of-place", rewrites split_person_of_place;
    /// Reads tokens, tags and given names. Types as a person a name with a
    /// surname particle that a given name starts or a title follows.
    PeopleWithSurnameParticles = "people-with-surname-particles", retypes people_with_surname_particles;
    /// Reads every name. Splits a hyphenated name whose two sides stand alone
    /// as names elsewhere.
    SplitHyphenatedPairs = "split-hyphenated-pairs", rewrites split_hyphenated_pairs;
    /// Reads tokens and titles. Joins a title or a person's name the recogniser
    /// cut in two; sorts the names.
    JoinSplitTitles = "join-split-titles", rewrites join_split_titles;
    /// Reads each name's last word. Retypes as an organisation a person ending in
    /// an organisation's last word, a person or place ending in a club's, or
    /// any name ending in a legal form.
    OrganizationsReadAsPeople = "organizations-read-as-people", retypes organizations_read_as_people;
    /// Reads tags and titles. Adds as a person the capitalised proper nouns
    /// right after a capitalised title that no name covers.
    PeopleAfterTitles = "people-after-titles", adds people_after_titles;
    /// Reads every name and tags. Adds surnames, organisations' first words and
    /// acronyms standing alone where no name covers them.
    NamePartsElsewhere = "name-parts-elsewhere", adds name_parts_elsewhere;
    /// Reads people's names, titles and tags. Adds the organisation named right
    /// before a person's role.
    RoleOwners = "role-owners", adds role_owners;
    /// Reads tags. Extends a country the recogniser found over the proper nouns
    /// before it into an organisation.
    NamesEndingInACountry = "names-ending-in-a-country", rewrites names_ending_in_a_country;
    /// Reads tokens and every name. Adds capitalised words ending in a legal
    /// form or an organisation's last word as an organisation.
    OrganizationsByLastWord = "organizations-by-last-word", adds organizations_by_last_word;
    /// Reads tokens and the clubs' first words. Makes a club's first word and the
    /// capitalised words after it an organisation, replacing the names inside.
    ClubsByFirstWord = "clubs-by-first-word", rewrites clubs_by_first_word;
    /// Reads every name. Types as an organisation the short form (without its
    /// last word, or a club's first word) of an organisation named in full.
    ShortFormsOfOrganizations = "short-forms-of-organizations", retypes short_forms_of_organizations;
    /// Reads tokens and every name. Adds an organisation named by its kind that
    /// goes on over a preposition and the capitalised words after it.
    OrganizationsOverPrepositions = "organizations-over-prepositions", adds organizations_over_prepositions;
    /// Reads tokens and the list of news organisations. Adds or retypes outlets
    /// named exactly.
    NewsOrganizations = "news-organizations", edits news_organizations;
    /// Reads every name. Retypes as a person a one-word place that is the surname
    /// of a person named in full, unless a preposition of place precedes it.
    SurnamesReadAsPlaces = "surnames-read-as-places", retypes surnames_read_as_places;
    /// Reads tags and GeoNames. Drops a one-word place GeoNames does not know
    /// that ends like an adjective of a people or region and modifies the
    /// lower-case word after it ("the Nordic biotech sector").
    AdjectivesReadAsPlaces = "adjectives-read-as-places", rewrites adjectives_read_as_places;
    /// Reads GeoNames' capitals and large cities and the list of companies.
    /// Retypes a capital or large city named alone as a place and a large
    /// company named bare as an organisation.
    KnownPlacesAndCompanies = "known-places-and-companies", retypes known_places_and_companies;
    /// Reads tokens and tags around each name. Retypes as an organisation a name
    /// the text calls one, and cuts a noun a name ran into; adds the same name
    /// where it stands alone elsewhere.
    OrganizationsByApposition = "organizations-by-apposition", edits organizations_by_apposition;
    /// Reads tags and the place nouns. Retypes as a place a name the text
    /// calls one ("is a village", ", a town", "the municipality of"), and the
    /// same name elsewhere.
    PlacesByApposition = "places-by-apposition", retypes places_by_apposition;
    /// Reads tags. Cuts a lower-case noun from the end of a name.
    NamesRunIntoANoun = "names-run-into-a-noun", retypes names_run_into_a_noun;
    /// Reads tags. Adds proper nouns (and words with an inner capital) no name
    /// covers that the text calls an organisation right after or right before
    /// them, and retypes or adds the same name elsewhere.
    OrganizationsNamedByApposition = "organizations-named-by-apposition", edits add_organizations_named_by_apposition;
    /// Reads the words around each name. Retypes as an organisation what a
    /// company's title belongs to, and the same name elsewhere (adding it
    /// where it stands alone).
    OwnersOfCorporateTitles = "owners-of-corporate-titles", edits owners_of_corporate_titles;
    /// Reads each name's first word. Types a storm's name as an event (MISC).
    StormsAreEvents = "storms-are-events", retypes storms_are_events;
    /// Reads tokens, GeoNames' countries and the country list. Makes a country's
    /// name of several words one place, replacing the names inside it.
    CountryNames = "country-names", rewrites country_names;
}

/// The rules in the order they run. Order matters: a rule reads the names
/// every rule before it left.
pub static RULES: [&dyn NameRule; 31] = [
    &SplitAtVerbs,
    &SplitListsOfYears,
    &LengthsOfTime,
    &HeadlineNames,
    &Datelines,
    &ExtendOverHyphens,
    &NamesAfterPrefixCompounds,
    &SplitPersonOfPlace,
    &PeopleWithSurnameParticles,
    &SplitHyphenatedPairs,
    &JoinSplitTitles,
    &PeopleAfterTitles,
    &OrganizationsReadAsPeople,
    &NamePartsElsewhere,
    &RoleOwners,
    &NamesEndingInACountry,
    &OrganizationsByLastWord,
    &ClubsByFirstWord,
    &ShortFormsOfOrganizations,
    &OrganizationsOverPrepositions,
    &NewsOrganizations,
    &SurnamesReadAsPlaces,
    &AdjectivesReadAsPlaces,
    &KnownPlacesAndCompanies,
    &CountryNames,
    &OrganizationsByApposition,
    &PlacesByApposition,
    &NamesRunIntoANoun,
    &OrganizationsNamedByApposition,
    &OwnersOfCorporateTitles,
    &StormsAreEvents,
];

/// Runs [`RULES`] over the recogniser's names; returns the names and, for
/// each name a rule found or changed, that rule's name.
pub fn apply_rules(
    doc: &Document,
    mut names: Vec<NameSpan>,
) -> (Vec<NameSpan>, HashMap<NameSpan, &'static str>) {
    let mut found_by = HashMap::default();
    for rule in RULES {
        let before: HashSet<NameSpan> = names.iter().cloned().collect();
        rule.apply(doc, &mut names);
        for name in &names {
            if !before.contains(name) {
                found_by.insert(name.clone(), rule.name());
            }
        }
    }
    (names, found_by)
}

/// Turns the recogniser's names (`doc.names`) into mentions and adds roles,
/// demonyms and pronouns.
pub fn add_mentions(doc: &mut Document) {
    let (mut names, found_by) = apply_rules(doc, doc.names.clone());
    names.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    // Organisations and places by the token they end before, for titles
    // that name their owner: "NATO Secretary General Jens Stoltenberg".
    let organizations: Vec<Range<usize>> = names
        .iter()
        .filter(|(_, ty)| *ty == EntityType::Organization)
        .map(|(range, _)| range.clone())
        .collect();
    let mut owner_ending_at: HashMap<usize, usize> = HashMap::default();
    for (range, _) in names
        .iter()
        .filter(|(_, ty)| matches!(ty, EntityType::Organization | EntityType::Location))
    {
        let start = owner_ending_at.entry(range.end).or_insert(range.start);
        *start = (*start).min(range.start);
    }
    let mut mentions = Vec::with_capacity(names.len() * 2);
    let mut covered = vec![false; doc.tokens.len()];
    let mut last_end = 0;
    for (range, ty) in names {
        if range.start < last_end || range.is_empty() {
            continue;
        }
        let rule = found_by
            .get(&(range.clone(), ty))
            .copied()
            .unwrap_or(RECOGNISER);
        let Some((range, ty, mut role)) = refine_name(doc, range, ty) else {
            continue;
        };
        if role.is_none() && ty == EntityType::Person {
            role = occupation_at_owner(doc, range.clone(), &owner_ending_at)
                .or_else(|| role_after(doc, range.clone()));
        }
        if let Some(span) = role.filter(|r| !lexicon::is_honorific(doc.slice(*r))) {
            let role_start = doc.tokens.partition_point(|t| t.start < span.start);
            // "Statistics Norway spokesman": the role read "Norway
            // spokesman", but the organisation's name starts earlier.
            let inside_organization = organizations
                .iter()
                .find(|owner| owner.start < role_start && role_start < owner.end);
            let same_sentence =
                |t: usize| doc.sentence_of_token(t) == doc.sentence_of_token(role_start);
            // "pro-Moscow politician": a place in a compound owns nothing.
            let compound =
                |owner_start: usize| owner_start > 0 && doc.token_text(owner_start - 1) == "-";
            if let Some(&owner_start) = owner_ending_at
                .get(&role_start)
                .filter(|&&owner_start| same_sentence(owner_start) && !compound(owner_start))
            {
                role = Some(Span::new(doc.tokens[owner_start].start, span.end));
            } else if let Some(owner) = inside_organization {
                role = Some(Span::new(doc.tokens[owner.start].start, span.end));
            }
        }
        // "I", "We", "He" at a sentence start are pronouns, not names.
        let word = doc.token_text(range.start);
        // "WHO" and "US" in capitals are names; "BY" of "CC BY" is not.
        let shouted = (word.len() >= 3 || lexicon::country(word).is_some())
            && word.chars().all(|c| c.is_ascii_uppercase());
        // "in May" names a month, as a date; "May" no modal verb.
        let month = ty == EntityType::Date && word.starts_with(char::is_uppercase);
        if range.len() == 1 && lexicon::is_function_word(word) && !shouted && !month {
            continue;
        }
        let is_demonym = lexicon::demonym_country(doc.slice(doc.token_span(range.clone())))
            .is_some()
            && ty != EntityType::Person;
        let language = is_demonym && names_a_language(doc, range.clone());
        // "sung in Spanish": a language the recogniser named (MISC) is
        // one, no place.
        if language && ty != EntityType::Misc {
            continue;
        }
        let is_demonym = is_demonym && !language;
        last_end = range.end;
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
        let kind = if is_demonym {
            MentionKind::Demonym
        } else {
            MentionKind::Name
        };
        mentions.push(make_mention(doc, range, ty, kind, role, rule));
    }
    for range in demonym_ranges(doc, &covered) {
        if names_a_language(doc, range.clone()) {
            continue;
        }
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
        mentions.push(make_mention(
            doc,
            range,
            EntityType::Location,
            MentionKind::Demonym,
            None,
            DEMONYM,
        ));
    }
    mentions.extend(pronoun_mentions(doc, &covered));
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    doc.mentions = mentions;
}

/// Each span `found_at` finds, scanning the tokens from left to right,
/// becomes one name of type `ty` in place of the names inside it, unless a
/// name overlapping it reaches outside it ("Central Bank of the Dominican
/// Republic" around "Dominican Republic"). The names come back sorted.
pub(super) fn claim_spans(
    doc: &Document,
    mut names: Vec<NameSpan>,
    ty: EntityType,
    found_at: impl Fn(&Document, usize) -> Option<Range<usize>>,
) -> Vec<NameSpan> {
    let mut start = 0;
    while start < doc.tokens.len() {
        let Some(span) = found_at(doc, start) else {
            start += 1;
            continue;
        };
        let inside = |range: &Range<usize>| span.start <= range.start && range.end <= span.end;
        let overlaps = |range: &Range<usize>| range.start < span.end && span.start < range.end;
        if !names
            .iter()
            .any(|(range, _)| overlaps(range) && !inside(range))
        {
            names.retain(|(range, _)| !overlaps(range));
            names.push((span.clone(), ty));
        }
        start = span.end;
    }
    names.sort_by_key(|(range, _)| (range.start, range.end));
    names
}

/// The GeoNames place a name names, its tokens joined by spaces as the
/// place list keeps them.
pub(crate) fn place_named(
    doc: &Document,
    range: Range<usize>,
) -> Option<crate::model::places::Place> {
    if range.is_empty() || range.len() > crate::model::places::LONGEST_NAME {
        return None;
    }
    let words: Vec<&str> = range.map(|t| doc.token_text(t)).collect();
    crate::model::places::Places::embedded().get_any_case(&words.join(" "))
}

/// A capital or a city of half a million people or more: news names it
/// for its government or its people ("Brussels said", "Lagos voted").
/// A common given name ("Victoria") is left to the recogniser.
pub(crate) fn is_major_city(doc: &Document, range: Range<usize>) -> bool {
    let one_given_name =
        range.len() == 1 && lexicon::given_name_gender(doc.token_text(range.start)).is_some();
    !one_given_name && names_a_major_city(doc, range)
}

/// Whether GeoNames holds the name as a capital or a city of half a
/// million people or more, whatever else it may name.
pub(crate) fn names_a_major_city(doc: &Document, range: Range<usize>) -> bool {
    use crate::model::places::PlaceKind;
    place_named(doc, range)
        .is_some_and(|p| matches!(p.kind, PlaceKind::Capital | PlaceKind::LargeCity))
}

/// Which tokens some name covers.
fn covered_tokens(doc: &Document, names: &[NameSpan]) -> Vec<bool> {
    let mut covered = vec![false; doc.tokens.len()];
    for (range, _) in names {
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// Records that `key` names an entity of type `ty`; a key two types share
/// tells nothing and is kept as `None`.
fn note_type<K: std::hash::Hash + Eq>(
    known: &mut HashMap<K, Option<EntityType>>,
    key: K,
    ty: EntityType,
) {
    known
        .entry(key)
        .and_modify(|seen| {
            if *seen != Some(ty) {
                *seen = None;
            }
        })
        .or_insert(Some(ty));
}

fn make_mention(
    doc: &Document,
    tokens: Range<usize>,
    ty: EntityType,
    kind: MentionKind,
    role: Option<Span>,
    found_by: &'static str,
) -> Mention {
    Mention {
        span: doc.token_span(tokens.clone()),
        sentence: doc.sentence_of_token(tokens.start),
        tokens,
        ty,
        kind,
        role,
        found_by,
    }
}
