//! Which shorter form of a name stands for which full name: surnames, given
//! names, acronyms, first words, names without their suffix or country;
//! each merge named by its `MergeRule`.

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

/// Initials of a name's capitalised words: "United Nations" → "UN".
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

/// Whether the short form `short` can stand for the full name `full`.
pub(super) fn short_form_of(short: &Group, full: &Group) -> Option<MergeRule> {
    if short.words.len() >= full.words.len() || short.words.is_empty() {
        return None;
    }
    let one_word = short.words.len() == 1;
    // A recogniser types a lone surname or company name by its context, and
    // a lone word often enough gets the wrong one of the two.
    let types_fit = short.ty == full.ty
        || short.ty == EntityType::Misc
        || (one_word && full.ty == EntityType::Person && short.ty != EntityType::Location)
        || (one_word && full.ty == EntityType::Organization && short.ty == EntityType::Person)
        || (one_word && lexicon::is_storm_word(&full.words[0]));
    if !types_fit {
        return None;
    }
    let bare = strip_dots(&short.form);
    if short.words.len() == 1
        && bare.len() >= 2
        && bare.chars().all(char::is_uppercase)
        && bare == acronym(&full.words)
    {
        return Some(MergeRule::Acronym);
    }
    match full.ty {
        EntityType::Person => {
            let first = &full.words[0];
            let last = &full.words[full.words.len() - 1];
            // A surname or given name in either order ("Kim" of "Kim Jong
            // Un", "Li Hua" of "Chen Li Hua"), or first and last name alone.
            let fits = match short.words.as_slice() {
                [one] => one == first || one == last,
                [a, b] if a == first && b == last => true,
                words => full.words.starts_with(words) || full.words.ends_with(words),
            };
            fits.then_some(MergeRule::PartOfName)
        }
        _ => {
            // "RAND" for "RAND Corporation": the name without its suffix words.
            let prefix = full.words.starts_with(&short.words);
            let rest_are_suffixes = full.words[short.words.len()..]
                .iter()
                .all(|w| lexicon::is_organization_suffix(w) || lexicon::is_location_suffix(w));
            // "Acme" for "Acme Robotics Inc.": a company goes by its first
            // word; a place does not ("New" of "New York").
            // A word the prose names before the full name is a name of its
            // own: "the club Fulham ... Fulham Supporters Trust".
            let first_word = one_word
                && full.ty == EntityType::Organization
                && short.form.starts_with(char::is_uppercase)
                && !lexicon::is_function_word(&short.form)
                && !lexicon::is_title(&short.form)
                && (short.first_token > full.first_token || !short.introduced_in_prose);
            // "Senate" for "U.S. Senate", "Foreign Ministry" for "Chinese
            // Foreign Ministry": the name without the country it belongs to.
            let without_country = full.words.ends_with(&short.words) && {
                let modifier = full.words[..full.words.len() - short.words.len()].join(" ");
                lexicon::country(&modifier).is_some()
                    || lexicon::demonym_country(&modifier).is_some()
            };
            // "Delia" for "Hurricane Delia".
            let storm = lexicon::is_storm_word(&full.words[0]) && full.words[1..] == short.words;
            ((prefix && (rest_are_suffixes || first_word)) || without_country || storm)
                .then_some(MergeRule::PartOfName)
        }
    }
}
