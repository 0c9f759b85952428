//! Rules for dates and numbers: lists of years, lengths of time.

use super::*;

/// The words that make a number before them a length of time ("eight
/// years", "two decades"), which the recogniser types as a date.
pub(super) const TIME_UNITS: [&str; 16] = [
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
];

/// "(1953, 1956 and 1961)": a date the recogniser ran over a list of
/// years is one date a year.
pub(super) fn split_lists_of_years(doc: &Document, names: Vec<NameSpan>) -> Vec<NameSpan> {
    let is_year = |t: usize| {
        let word = doc.token_text(t);
        word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
    };
    let separator = |t: usize| matches!(doc.token_text(t), "," | "and" | "or");
    let mut split = Vec::with_capacity(names.len());
    for (range, ty) in names {
        let list = ty == EntityType::Date
            && range.len() >= 3
            && range.clone().all(|t| is_year(t) || separator(t))
            && range.clone().any(separator);
        if list {
            split.extend(range.filter(|&t| is_year(t)).map(|t| (t..t + 1, ty)));
        } else {
            split.push((range, ty));
        }
    }
    split
}

/// "for eight years": a number of a unit of time is a length of time, a
/// date, and the unit is part of it; "25 years old" is an age, a number.
pub(super) fn lengths_of_time(doc: &Document, names: &mut [NameSpan]) {
    for (range, ty) in names.iter_mut() {
        let sentence_end = doc.sentences[doc.sentence_of_token(range.start).index()]
            .tokens
            .end;
        let age = range.end + 1 < sentence_end && doc.token_text(range.end + 1) == "old";
        if *ty == EntityType::Number
            && range.end < sentence_end
            && TIME_UNITS.contains(&doc.token_text(range.end))
            && !age
        {
            range.end += 1;
            *ty = EntityType::Date;
        }
    }
}
