//! One node per entity across documents.
//!
//! Each document resolves its own aliases; its nodes are keyed by
//! `type:slug-of-label`, so "Trump" in one story and "Donald Trump" in
//! another are two keys. This step joins a node to another of the same type
//! when its label is a form the other's own documents tied to it (an alias),
//! or, for people, the end of the other's name ("Trump" of "Donald Trump").
//! It never joins on a guess: a label that fits two entities, or two nodes
//! that one document names side by side and kept apart, stay apart.
//!
//! The decision reads only the set of document-level nodes, never the order
//! they arrived in, which keeps graph merging associative and commutative.

use super::{Node, node_id};
use crate::collections::HashMap;
use crate::document::EntityType;
use crate::entities::AliasRules;
use crate::lexicon;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Why a node joined another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CrossDocumentRule {
    /// Its label is an alias of the other node in the other's documents.
    Alias,
    /// A person's label is the last word(s) of the other's name.
    Surname,
    /// The same name with its country spelled another way ("U.S. Coast Guard").
    CountrySpelling,
    /// An organisation's initials in capitals ("UNHCR", "U.N.").
    Initials,
    /// A `same:` line of the user's alias file (`--aliases`).
    AliasFile,
}

/// The initials of a name of two or more capitalised words: "United
/// Nations" → "UN"; "World Health Organization" → "WHO".
fn initials(label: &str) -> Option<String> {
    let capitalised: Vec<char> = label
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (capitalised.len() >= 2).then(|| capitalised.into_iter().collect())
}

fn is_in_capitals(label: &str) -> bool {
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The label with a leading country written by its usual name: "U.S. Coast
/// Guard" → "United States Coast Guard"; `None` when nothing changes.
fn with_country_name(label: &str) -> Option<String> {
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..words.len().min(4)).rev().find_map(|n| {
        let country = lexicon::country(&words[..n].join(" "))?;
        let spelled = format!("{country} {}", words[n..].join(" "));
        (spelled != label).then_some(spelled)
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrossDocumentMerge {
    /// The node it joined (after every join).
    pub node: String,
    /// The document-level node that joined it.
    pub merged: String,
    pub label: String,
    pub rule: CrossDocumentRule,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrossDocumentRefusal {
    pub node: String,
    pub label: String,
    pub candidates: Vec<String>,
    pub reason: String,
}

/// The cross-document part of the merge log (`--explain`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CrossDocumentLog {
    pub merged: Vec<CrossDocumentMerge>,
    pub refused: Vec<CrossDocumentRefusal>,
}

impl CrossDocumentLog {
    pub fn is_empty(&self) -> bool {
        self.merged.is_empty() && self.refused.is_empty()
    }
}

/// For every node (sorted by id, ids unique), the index of the node whose
/// cluster it belongs to (itself when it joins none), and the log.
/// `rules` are the user's alias file: its `same:` lines join nodes labelled
/// by their forms, its `different:` lines keep two labels apart.
pub fn cluster(nodes: &[Node], rules: &AliasRules) -> (Vec<usize>, CrossDocumentLog) {
    let mut forms: HashMap<String, Vec<(usize, CrossDocumentRule)>> = HashMap::default();
    for (i, node) in nodes.iter().enumerate() {
        let mut add = |form: &str, rule| {
            let key = node_id(node.ty, form);
            if key != node.id {
                let entry = forms.entry(key).or_default();
                if !entry.iter().any(|&(j, _)| j == i) {
                    entry.push((i, rule));
                }
            }
        };
        for alias in &node.aliases {
            add(alias, CrossDocumentRule::Alias);
        }
        if node.ty == EntityType::Organization
            && let Some(initials) = initials(&node.label)
        {
            add(&initials, CrossDocumentRule::Initials);
        }
        if node.ty == EntityType::Person {
            let words: Vec<&str> = node.label.split_whitespace().collect();
            for start in 1..words.len() {
                add(&words[start..].join(" "), CrossDocumentRule::Surname);
            }
        }
    }

    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut documents: Vec<BTreeSet<&str>> = nodes
        .iter()
        .map(|n| n.mentions.iter().map(|m| m.doc.as_str()).collect())
        .collect();

    // Longer names first: by the time "Trump" looks for its entity, "Donald
    // Trump" has joined whatever it joins.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(nodes[i].label.split_whitespace().count()));

    let labelled = |node: &Node, form: &str| node.id == node_id(node.ty, form);
    // Per cluster root: the `different:` lines one of its nodes is a side of.
    let mut sides: Vec<Vec<(usize, bool)>> = nodes
        .iter()
        .map(|node| {
            let mut sides = Vec::new();
            for (r, (a, b)) in rules.different.iter().enumerate() {
                if labelled(node, a) {
                    sides.push((r, false));
                }
                if labelled(node, b) {
                    sides.push((r, true));
                }
            }
            sides
        })
        .collect();
    let kept_apart = |sides: &[Vec<(usize, bool)>], x: usize, y: usize| {
        sides[x]
            .iter()
            .find(|&&(r, side)| sides[y].contains(&(r, !side)))
            .map(|&(r, _)| {
                let (a, b) = &rules.different[r];
                format!("the alias file keeps {a} and {b} apart")
            })
    };

    let mut joins: Vec<(usize, usize, CrossDocumentRule)> = Vec::new();
    let mut log = CrossDocumentLog::default();
    for forms in &rules.same {
        let mut by_type: BTreeMap<EntityType, Vec<usize>> = BTreeMap::new();
        for (i, node) in nodes.iter().enumerate() {
            if forms.iter().any(|form| labelled(node, form)) {
                by_type.entry(node.ty).or_default().push(i);
            }
        }
        for members in by_type.values() {
            let target = members
                .iter()
                .copied()
                .find(|&i| labelled(&nodes[i], &forms[0]))
                .unwrap_or_else(|| {
                    let words = |i: usize| nodes[i].label.split_whitespace().count();
                    let most = members.iter().map(|&i| words(i)).max().unwrap_or(0);
                    members
                        .iter()
                        .copied()
                        .find(|&i| words(i) == most)
                        .unwrap_or(members[0])
                });
            for &x in members {
                let (own, root) = (find(&mut parent, x), find(&mut parent, target));
                if own == root {
                    continue;
                }
                if let Some(reason) = kept_apart(&sides, own, root) {
                    log.refused.push(CrossDocumentRefusal {
                        node: nodes[x].id.clone(),
                        label: nodes[x].label.clone(),
                        candidates: vec![nodes[root].id.clone()],
                        reason,
                    });
                    continue;
                }
                join(&mut parent, &mut documents, &mut sides, own, root);
                joins.push((x, root, CrossDocumentRule::AliasFile));
            }
        }
    }
    let index_of: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    for x in order {
        let mut candidates: Vec<(usize, CrossDocumentRule)> =
            forms.get(&nodes[x].id).cloned().unwrap_or_default();
        if let Some(spelled) = with_country_name(&nodes[x].label) {
            let key = node_id(nodes[x].ty, &spelled);
            if let Some(&y) = index_of.get(key.as_str()) {
                candidates.push((y, CrossDocumentRule::CountrySpelling));
            }
        }
        let own = find(&mut parent, x);
        // Already inside the cluster of an entity it fits (the alias file
        // put it there): another it fits makes it ambiguous, not a reason
        // to move that whole cluster.
        let mut joined_a_candidate = false;
        let mut roots: Vec<(usize, CrossDocumentRule)> = Vec::new();
        for &(candidate, rule) in &candidates {
            if rule == CrossDocumentRule::Initials && !is_in_capitals(&nodes[x].label) {
                continue;
            }
            let root = find(&mut parent, candidate);
            if root == own {
                joined_a_candidate = true;
                continue;
            }
            match roots.iter_mut().find(|(r, _)| *r == root) {
                Some((_, known)) => *known = (*known).min(rule),
                None => roots.push((root, rule)),
            }
        }
        let refuse = |roots: &[(usize, CrossDocumentRule)], reason: String| CrossDocumentRefusal {
            node: nodes[x].id.clone(),
            label: nodes[x].label.clone(),
            candidates: roots.iter().map(|&(r, _)| nodes[r].id.clone()).collect(),
            reason,
        };
        match roots.as_slice() {
            [] => {}
            [_] if joined_a_candidate && own != x => {
                log.refused.push(refuse(
                    &roots,
                    "already joined to another entity it fits".to_string(),
                ));
            }
            [(root, rule)] => {
                let (root, rule) = (*root, *rule);
                if let Some(shared) = documents[own].intersection(&documents[root]).next() {
                    log.refused.push(refuse(
                        &roots,
                        format!("document {shared} names both and keeps them apart"),
                    ));
                    continue;
                }
                if let Some(reason) = kept_apart(&sides, own, root) {
                    log.refused.push(refuse(&roots, reason));
                    continue;
                }
                join(&mut parent, &mut documents, &mut sides, own, root);
                joins.push((x, root, rule));
            }
            _ => {
                roots.sort_by(|a, b| nodes[a.0].id.cmp(&nodes[b.0].id));
                log.refused
                    .push(refuse(&roots, "fits more than one entity".to_string()));
            }
        }
    }

    let root_of: Vec<usize> = (0..nodes.len()).map(|i| find(&mut parent, i)).collect();
    log.merged = joins
        .into_iter()
        .map(|(x, _, rule)| CrossDocumentMerge {
            node: nodes[root_of[x]].id.clone(),
            merged: nodes[x].id.clone(),
            label: nodes[x].label.clone(),
            rule,
        })
        .collect();
    log.merged
        .sort_by(|a, b| (&a.node, &a.merged).cmp(&(&b.node, &b.merged)));
    log.refused.sort_by(|a, b| a.node.cmp(&b.node));
    (root_of, log)
}

/// Puts the cluster rooted at `own` under `root`, with what it knows.
fn join(
    parent: &mut [usize],
    documents: &mut [BTreeSet<&str>],
    sides: &mut [Vec<(usize, bool)>],
    own: usize,
    root: usize,
) {
    parent[own] = root;
    let moved = std::mem::take(&mut documents[own]);
    documents[root].extend(moved);
    let moved = std::mem::take(&mut sides[own]);
    sides[root].extend(moved);
}
