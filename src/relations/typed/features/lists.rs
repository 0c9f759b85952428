//! Coordinated lists of names ("A, B and C"): siblings, seldom one inside
//! the other.

use super::{Ent, M};
use std::borrow::Cow;

/// Names joined by commas and a conjunction are items of one list: siblings,
/// seldom one inside the other ("North Rhine-Westphalia, Bavaria and
/// Lower Saxony").
pub(super) fn coordinated_lists(words: &[Cow<str>], ents: &[Option<Ent>]) -> Vec<Option<usize>> {
    let mut mentions: Vec<M> = ents
        .iter()
        .flatten()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    mentions.dedup_by(|next, kept| next.start < kept.end);
    let mut list_at = vec![None; words.len()];
    let mut run_start = 0;
    for i in 1..=mentions.len() {
        let joint = mentions.get(i).and_then(|next| {
            let prev = mentions[i - 1];
            let between: Vec<&str> = words[prev.end..next.start]
                .iter()
                .map(|w| w.as_ref())
                .collect();
            (next.sentence == prev.sentence).then_some(())?;
            match between.as_slice() {
                [","] => Some(false),
                ["and" | "or"] | [",", "and" | "or"] => Some(true),
                _ => None,
            }
        });
        if joint.is_none() {
            let run = &mentions[run_start..i];
            let has_conjunction = run.windows(2).any(|pair| {
                words[pair[0].end..pair[1].start]
                    .iter()
                    .any(|w| w == "and" || w == "or")
            });
            if run.len() >= 2 && has_conjunction {
                for m in run {
                    list_at[m.start] = Some(run_start);
                }
            }
            run_start = i;
        }
    }
    list_at
}
