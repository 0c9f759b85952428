//! Which shorter form of a name stands for which full name: surnames, given
//! names, acronyms, first words, names without their suffix or country;
//! each a named rule (`SHORT_FORM_RULES`) whose `MergeRule` `--explain` reports.

use super::*;

pub(super) fn words_of(doc: &Document, mention: &Mention) -> Vec<String> {
    mention
        .tokens
        .clone()
        .map(|t| doc.token_text(t))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect()
}

/// Initials of a name's capitalised words: "Nordic Trade Council" → "NTC".
pub(super) fn acronym(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

pub(super) fn strip_dots(form: &str) -> String {
    form.chars().filter(|c| *c != '.').collect()
}

/// One way a shorter form of a name can stand for a full name. A rule
/// reads the two groups' words, types and where each was first named, and
/// changes nothing itself: the stage joins the short form's mentions to the
/// full name's entity under the rule's [`MergeRule`], which `--explain`
/// reports.
pub(super) trait ShortFormRule: Sync {
    fn merge_rule(&self) -> MergeRule;
    fn fits(&self, short: &Group, full: &Group) -> bool;
}

macro_rules! short_form_rules {
    ($($(#[$doc:meta])* $rule:ident = $merge:ident, $fits:ident;)*) => {
        $(
            $(#[$doc])*
            pub(super) struct $rule;
            impl ShortFormRule for $rule {
                fn merge_rule(&self) -> MergeRule {
                    MergeRule::$merge
                }
                fn fits(&self, short: &Group, full: &Group) -> bool {
                    $fits(short, full)
                }
            }
        )*
    };
}

short_form_rules! {
    /// Reads the short form's letters and the full name's capitalised
    /// words: "NTC" for "Nordic Trade Council", "N.T.C." written with dots.
    Acronyms = Acronym, is_acronym_of;
    /// Reads a person's words: a surname or given name in either order
    /// ("Kim" of "Kim Jong Un", "Li Hua" of "Chen Li Hua"), the first and
    /// last name alone, or the name's first or last words.
    PersonNameParts = PersonNamePart, is_part_of_person_name;
    /// Reads the words after the short form and the organisation and place
    /// suffix lists and companies' trades: "RAND" for "RAND Corporation",
    /// "Andes Plata" for "Andes Plata Minerals".
    NamesWithoutSuffix = WithoutSuffix, is_name_without_suffix;
    /// Reads an organisation's first word and where each form is first
    /// named: "Acme" for "Acme Robotics Inc.", but not a word the prose
    /// names before the full name ("the club Fulham … Fulham Supporters
    /// Trust"), nor a place's first word ("New" of "New Amsterdam").
    CompanyFirstWords = FirstWord, is_company_first_word;
    /// Reads the words before the short form and the country and demonym
    /// lists: "Senate" for "U.S. Senate", "Foreign Ministry" for "Chinese
    /// Foreign Ministry".
    NamesWithoutCountry = WithoutCountry, is_name_without_country;
    /// Reads the storm word list: "Delia" for "Hurricane Delia".
    StormNames = StormName, is_storm_name_of;
    /// Reads the clubs' first words: "Corvix" for "Real Corvix".
    ClubsWithoutFirstWord = ClubName, is_club_name_of;
}

/// The rules in the order they are tried; the first that fits names the merge.
pub(super) const SHORT_FORM_RULES: [&dyn ShortFormRule; 7] = [
    &Acronyms,
    &PersonNameParts,
    &NamesWithoutSuffix,
    &CompanyFirstWords,
    &NamesWithoutCountry,
    &StormNames,
    &ClubsWithoutFirstWord,
];

/// Whether the short form `short` can stand for the full name `full`, and
/// by which rule.
pub(super) fn short_form_of(short: &Group, full: &Group) -> Option<MergeRule> {
    if short.words.len() >= full.words.len() || short.words.is_empty() || !types_fit(short, full) {
        return None;
    }
    SHORT_FORM_RULES
        .iter()
        .find(|rule| rule.fits(short, full))
        .map(|rule| rule.merge_rule())
}

/// A recogniser types a lone surname or company name by its context, and
/// a lone word often enough gets the wrong one of the two.
fn types_fit(short: &Group, full: &Group) -> bool {
    let one_word = short.words.len() == 1;
    short.ty == full.ty
        || short.ty == EntityType::Misc
        || (one_word && full.ty == EntityType::Person && short.ty != EntityType::Location)
        || (one_word && full.ty == EntityType::Organization && short.ty == EntityType::Person)
        || (one_word && lexicon::is_storm_word(&full.words[0]))
        || (one_word
            && full.ty == EntityType::Organization
            && short.ty == EntityType::Location
            && names_no_known_place(&short.form))
}

/// "Nortel Mobile … Nortel": a lone word the recogniser took for a place
/// is the company's short form when no gazetteer knows a place of that
/// name ("Boston" of "Boston Globe" stays the city).
fn names_no_known_place(form: &str) -> bool {
    crate::model::places::Places::embedded().get(form).is_none()
        && lexicon::country(form).is_none()
        && lexicon::demonym_country(form).is_none()
}

fn is_acronym_of(short: &Group, full: &Group) -> bool {
    let bare = strip_dots(&short.form);
    short.words.len() == 1
        && bare.len() >= 2
        && bare.chars().all(char::is_uppercase)
        && bare == acronym(&full.words)
}

fn is_part_of_person_name(short: &Group, full: &Group) -> bool {
    if full.ty != EntityType::Person {
        return false;
    }
    let first = &full.words[0];
    let last = &full.words[full.words.len() - 1];
    let same = |short: &[String], full: &[String]| {
        short.len() == full.len() && short.iter().zip(full).all(|(a, b)| same_name_word(a, b))
    };
    let n = short.words.len();
    match short.words.as_slice() {
        [one] => one == first || one == last,
        [a, b] if a == first && b == last => true,
        words => same(words, &full.words[..n]) || same(words, &full.words[full.words.len() - n..]),
    }
}

/// "De Wit" of "Pieter de Wit": a surname's particle is capitalised where
/// it opens a sentence, or the name.
fn same_name_word(a: &str, b: &str) -> bool {
    a == b
        || (a.to_lowercase() == b.to_lowercase() && lexicon::is_surname_particle(&b.to_lowercase()))
}

fn is_name_without_suffix(short: &Group, full: &Group) -> bool {
    full.ty != EntityType::Person
        && full.words.starts_with(&short.words)
        && full.words[short.words.len()..].iter().all(|w| {
            lexicon::is_organization_suffix(w)
                    || lexicon::is_location_suffix(w)
                    // One word is left to `CompanyFirstWords`, which knows
                    // when it was named before the company.
                    || (short.words.len() > 1 && lexicon::ends_organization_name(w))
        })
}

fn is_company_first_word(short: &Group, full: &Group) -> bool {
    short.words.len() == 1
        && full.ty == EntityType::Organization
        && full.words.starts_with(&short.words)
        && short.form.starts_with(char::is_uppercase)
        && !lexicon::is_function_word(&short.form)
        && !lexicon::is_title(&short.form)
        // "English" of "English Wikipedia": a language the recogniser named
        // (MISC) is no company's short form.
        && !(short.ty == EntityType::Misc && lexicon::demonym_country(&short.form).is_some())
        && (short.first_token > full.first_token || !short.introduced_in_prose)
}

fn is_name_without_country(short: &Group, full: &Group) -> bool {
    full.ty != EntityType::Person && full.words.ends_with(&short.words) && {
        let modifier = full.words[..full.words.len() - short.words.len()].join(" ");
        lexicon::country(&modifier).is_some() || lexicon::demonym_country(&modifier).is_some()
    }
}

fn is_club_name_of(short: &Group, full: &Group) -> bool {
    full.ty == EntityType::Organization
        && lexicon::is_club_prefix(&full.words[0])
        && full.words[1..] == short.words
}

fn is_storm_name_of(short: &Group, full: &Group) -> bool {
    full.ty != EntityType::Person
        && lexicon::is_storm_word(&full.words[0])
        && full.words[1..] == short.words
}
