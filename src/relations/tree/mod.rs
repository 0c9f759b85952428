//! Open relations read from dependency trees: each row of `patterns.tsv`
//! names a construction by the paths from its predicate to its subject and
//! object. An argument is an entity when one of the entity's mentions holds
//! the argument's head token (a resolved pronoun included); a relative
//! pronoun stands for the noun its clause describes, an argument's
//! coordinated nouns ("A and B") are arguments too, and a title heading a
//! name ("Reporter Anna Holm" as GUM attaches it) stands for the name. Of
//! two subjects or two objects the parser gave one head, only the nearer
//! name or pronoun is read: a clause has one of each. Before the rows are
//! matched, `repairs` mends attachments a parser often gets wrong in news.
//!
//! Beside the rows, three things hold for every construction: negation
//! ("not", "never") sets `negated`; a modal auxiliary, and a clause under a
//! question, a condition ("if", "unless"), "whether", or a verb of wanting,
//! urging or denying (`hedging.txt`) set `hedged`: such a clause is never
//! asserted. So do a word such as "proposed" before a noun of an act and a
//! modal on the verb whose object or subject that noun is.

pub mod patterns;
mod repairs;
#[cfg(test)]
mod tests;

use crate::collections::HashSet;
use crate::document::{Document, EntityId, EntityType, MentionKind, Relation, RelationKind, Upos};
use patterns::{Path, Pattern, Step, WordClass};
use std::sync::OnceLock;

/// Open relations of every sentence whose tree the parser wrote.
pub fn extract(doc: &Document) -> Vec<Relation> {
    extract_with(doc, patterns::patterns())
}

pub fn extract_with(doc: &Document, patterns: &[Pattern]) -> Vec<Relation> {
    if doc.dependencies.len() != doc.tokens.len() || doc.tags.len() != doc.tokens.len() {
        return Vec::new();
    }
    let entity_of = entities_by_token(doc);
    let mut in_a_name = vec![false; doc.tokens.len()];
    for m in doc.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
        for t in m.tokens.clone() {
            if let Some(slot) = in_a_name.get_mut(t) {
                *slot = true;
            }
        }
    }
    let mut relations = Vec::new();
    let mut seen = HashSet::default();
    for sentence in &doc.sentences {
        let tree = Tree::new(doc, sentence.tokens.clone());
        let question = sentence
            .tokens
            .clone()
            .last()
            .is_some_and(|t| doc.token_text(t) == "?");
        for predicate in sentence.tokens.clone() {
            for pattern in patterns {
                // A word of a name ("Bank" in "Nordvik Bank") is never a predicate.
                if in_a_name[predicate] && !pattern.reads_itself()
                    || !pattern.predicate.contains(&doc.tags[predicate])
                    || pattern
                        .word_class
                        .is_some_and(|class| !class.contains(doc.token_text(predicate)))
                    || pattern
                        .requires
                        .iter()
                        .any(|p| tree.walk(predicate, p).is_empty())
                    || pattern
                        .unless
                        .iter()
                        .any(|p| !tree.walk(predicate, p).is_empty())
                {
                    continue;
                }
                let subjects = tree.arguments(predicate, &pattern.subject);
                if subjects.is_empty() {
                    continue;
                }
                let objects = tree.arguments(predicate, &pattern.object);
                let negated = tree.negated(predicate);
                let hedged = pattern.hedged || question || tree.hedged(predicate);
                for &(subject, _) in &subjects {
                    for (object, case) in &objects {
                        let (Some(head), Some(tail)) = (entity_of[subject], entity_of[*object])
                        else {
                            continue;
                        };
                        if head == tail {
                            continue;
                        }
                        let label = tree.label(predicate, &pattern.label, case.as_deref());
                        if label.is_empty() || !seen.insert((head, tail, label.clone(), predicate))
                        {
                            continue;
                        }
                        relations.push(Relation {
                            head,
                            tail,
                            kind: RelationKind::Open,
                            label,
                            property: None,
                            confidence: 0.7,
                            negated,
                            hedged,
                            evidence: vec![sentence.span],
                        });
                    }
                }
            }
        }
    }
    relations
}

/// The entity each token names, a name's mention first.
fn entities_by_token(doc: &Document) -> Vec<Option<EntityId>> {
    let mut by_token = vec![None; doc.tokens.len()];
    let mut mentions: Vec<usize> = (0..doc.mentions.len()).collect();
    mentions.sort_by_key(|&m| doc.mentions[m].kind != MentionKind::Name);
    for m in mentions {
        let Some(entity) = doc.mention_entity.get(m).copied().flatten() else {
            continue;
        };
        // A date or a number is when or how much, not a party to the relation.
        if matches!(
            doc.entities[entity.index()].ty,
            EntityType::Date | EntityType::Number
        ) {
            continue;
        }
        for t in doc.mentions[m].tokens.clone() {
            if let Some(slot) = by_token.get_mut(t) {
                slot.get_or_insert(entity);
            }
        }
    }
    by_token
}

fn hedging_verbs() -> &'static HashSet<&'static str> {
    static VERBS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    VERBS.get_or_init(|| crate::lexicon::entry_lines(include_str!("hedging.txt")).collect())
}

/// Words before a noun of an act that say it has not (yet) taken place
/// (`nominal_hedges.txt`).
fn nominal_hedges() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| crate::lexicon::entry_lines(include_str!("nominal_hedges.txt")).collect())
}

const MODALS: [&str; 8] = [
    "may", "might", "could", "would", "should", "can", "ca", "must",
];
const NEGATIONS: [&str; 3] = ["not", "n't", "never"];
const HEDGING_MARKS: [&str; 3] = ["if", "unless", "whether"];
/// Prepositions whose phrase names a source, never a
/// party to the predicate ("according to X").
const NOT_ARGUMENT_CASES: [&str; 2] = ["according to", "according"];
const PARTICLES: [&str; 9] = [
    "up", "down", "out", "off", "over", "back", "away", "on", "in",
];
const CORE_RELATIONS: [&str; 4] = ["nsubj", "nsubj:pass", "obj", "iobj"];
const RELATIVE_PRONOUNS: [&str; 4] = ["who", "whom", "which", "that"];

/// One sentence's tree with each token's dependents.
struct Tree<'a> {
    doc: &'a Document,
    start: usize,
    /// Each token's head (inside the sentence) and relation, after the
    /// repairs of [`Tree::repair_fronted_subject`].
    arcs: Vec<(Option<usize>, &'static str)>,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn new(doc: &'a Document, tokens: std::ops::Range<usize>) -> Self {
        let arcs = tokens
            .clone()
            .map(|t| {
                let arc = &doc.dependencies[t];
                (arc.head.filter(|h| tokens.contains(h)), arc.relation)
            })
            .collect();
        let mut tree = Tree {
            doc,
            start: tokens.start,
            arcs,
            children: Vec::new(),
        };
        tree.link();
        tree.repair();
        tree
    }

    fn link(&mut self) {
        self.children = vec![Vec::new(); self.arcs.len()];
        for (i, &(head, _)) in self.arcs.iter().enumerate() {
            if let Some(h) = head {
                self.children[h - self.start].push(self.start + i);
            }
        }
    }

    fn relation(&self, t: usize) -> &'static str {
        self.arcs[t - self.start].1
    }

    fn head(&self, t: usize) -> Option<usize> {
        self.arcs[t - self.start].0
    }

    fn children(&self, t: usize) -> &[usize] {
        &self.children[t - self.start]
    }

    fn lower(&self, t: usize) -> String {
        self.doc.token_text(t).to_lowercase()
    }

    fn child_words(&self, t: usize, relation: &str) -> impl Iterator<Item = String> + '_ {
        let relation = relation.to_string();
        self.children(t)
            .iter()
            .filter(move |&&c| self.relation(c) == relation)
            .map(|&c| self.lower(c))
    }

    /// The case word with the words fixed to it ("according to").
    fn case_word(&self, t: usize) -> Option<String> {
        let case = self
            .children(t)
            .iter()
            .copied()
            .find(|&c| self.relation(c) == "case")?;
        let mut words = vec![self.lower(case)];
        words.extend(self.child_words(case, "fixed"));
        Some(words.join(" "))
    }

    /// The tokens a path reaches, each with the last case word it required.
    fn walk(&self, from: usize, path: &Path) -> Vec<(usize, Option<String>)> {
        let mut reached = vec![(from, None)];
        for step in path {
            let mut next = Vec::new();
            for (t, case) in reached {
                match step {
                    Step::Up {
                        relations,
                        side,
                        class,
                    } => {
                        if relations.iter().any(|r| r == self.relation(t))
                            && let Some(h) = self.head(t)
                            && side.allows(from, h)
                            && self.in_class(h, *class)
                        {
                            next.push((h, case));
                        }
                    }
                    Step::Here { cases } => match cases {
                        None => next.push((t, case)),
                        Some(wanted) => {
                            if let Some(word) = self.case_word(t)
                                && (wanted.contains(&word) || wanted.is_empty())
                            {
                                next.push((t, Some(word)));
                            }
                        }
                    },
                    Step::Down {
                        relations,
                        cases,
                        side,
                        class,
                    } => {
                        for &c in self.children(t) {
                            if !relations.iter().any(|r| r == self.relation(c))
                                || !side.allows(from, c)
                                || !self.in_class(c, *class)
                                || self.outdone(t, c)
                            {
                                continue;
                            }
                            match cases {
                                None => next.push((c, case.clone())),
                                Some(wanted) => {
                                    if let Some(word) = self.case_word(c)
                                        && (wanted.contains(&word)
                                            || wanted.is_empty()
                                                && !NOT_ARGUMENT_CASES.contains(&word.as_str()))
                                    {
                                        next.push((c, Some(word)));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            reached = next;
        }
        reached
    }

    fn in_class(&self, t: usize, class: Option<WordClass>) -> bool {
        class.is_none_or(|class| class.contains(self.doc.token_text(t)))
    }

    /// Whether a name or pronoun nearer the head holds the same core
    /// relation: a clause has one subject and one object, so a second is
    /// the parser's mistake ("Kestrel co-founder Anna Holm wrote" with both
    /// "Kestrel" and "Anna" as subjects), and the nearer one is the better
    /// guess. A nearer common noun is more often an apposition the parser
    /// missed ("Nordvik, the country whose ..., will").
    fn outdone(&self, head: usize, child: usize) -> bool {
        let relation = self.relation(child);
        CORE_RELATIONS.contains(&relation)
            && self.children(head).iter().any(|&other| {
                other != child
                    && self.relation(other) == relation
                    && matches!(self.doc.tags[other], Upos::Propn | Upos::Pron)
                    && other.abs_diff(head) < child.abs_diff(head)
            })
    }

    /// Every argument the paths reach: a relative pronoun replaced by the
    /// noun its clause describes, and coordinated nouns added, except where
    /// the path ends going up: the predicate then describes that one noun
    /// ("President" in "President Ana Ruiz and Jon Dahl" is Ruiz's title only).
    fn arguments(&self, predicate: usize, paths: &[Path]) -> Vec<(usize, Option<String>)> {
        let mut arguments = Vec::new();
        for path in paths {
            let spreads = !matches!(path.last(), Some(Step::Up { .. }));
            for (t, case) in self.walk(predicate, path) {
                let t = self.antecedent(predicate, t).unwrap_or(t);
                let mut pending = vec![t];
                while let Some(a) = pending.pop() {
                    if arguments.iter().any(|&(b, _)| b == a) {
                        continue;
                    }
                    arguments.push((a, case.clone()));
                    let role = WordClass::Role.contains(self.doc.token_text(a));
                    // A name's apposition is another name of a place that
                    // holds it ("Preston, Victoria"), not the same party;
                    // a noun's or a title's is the name it stands for.
                    let appositions = self.doc.tags[a] != Upos::Propn || role;
                    pending.extend(self.children(a).iter().copied().filter(|&c| {
                        spreads
                            && (self.relation(c) == "conj"
                                || self.relation(c) == "appos" && appositions)
                            && matches!(self.doc.tags[c], Upos::Noun | Upos::Propn)
                    }));
                    // A title heading its name ("Reporter Anna Holm visits
                    // ..." as GUM attaches it) stands for the name.
                    if role {
                        pending.extend(self.children(a).iter().copied().filter(|&c| {
                            self.relation(c) == "flat" && self.doc.tags[c] == Upos::Propn
                        }));
                    }
                    // "the firm" in "Brightwave, the firm ..." stands for the name.
                    if self.relation(a) == "appos"
                        && self.doc.tags[a] == Upos::Noun
                        && let Some(h) = self.head(a)
                    {
                        pending.push(h);
                    }
                }
            }
        }
        arguments
    }

    /// The noun a relative pronoun stands for: the head of the relative
    /// clause holding the predicate.
    fn antecedent(&self, predicate: usize, pronoun: usize) -> Option<usize> {
        if !RELATIVE_PRONOUNS.contains(&self.lower(pronoun).as_str()) {
            return None;
        }
        let mut clause = predicate;
        for _ in 0..4 {
            match self.relation(clause) {
                "acl:relcl" => return self.head(clause),
                "conj" | "xcomp" => clause = self.head(clause)?,
                _ => return None,
            }
        }
        None
    }

    fn negated(&self, predicate: usize) -> bool {
        self.children(predicate)
            .iter()
            .any(|&c| self.relation(c) == "advmod" && NEGATIONS.contains(&self.lower(c).as_str()))
    }

    /// A modal, or a clause on the way to the root that is conditional,
    /// asks whether, or is what someone wants, urges or denies.
    fn hedged(&self, predicate: usize) -> bool {
        let has = |t: usize, relation: &str, words: &[&str]| {
            self.child_words(t, relation)
                .any(|w| words.contains(&w.as_str()))
        };
        let has_hedge = |t: usize, relation: &str| {
            self.child_words(t, relation)
                .any(|w| nominal_hedges().contains(w.as_str()))
        };
        if has(predicate, "aux", &MODALS) {
            return true;
        }
        // An act that has not taken place, as the verb's object: "agreed a
        // possible takeover of Weber".
        if self.children(predicate).iter().any(|&c| {
            self.relation(c) == "obj" && self.doc.tags[c] == Upos::Noun && has_hedge(c, "amod")
        }) {
            return true;
        }
        // A noun of an act: "the proposed takeover of Weber", "Kestrel
        // could complete the purchase of Weber".
        if self.doc.tags[predicate] == Upos::Noun
            && (has_hedge(predicate, "amod")
                || has_hedge(predicate, "compound")
                || self
                    .head(predicate)
                    .is_some_and(|verb| has(verb, "aux", &MODALS)))
        {
            return true;
        }
        let mut clause = predicate;
        for _ in 0..self.children.len() {
            if has(clause, "mark", &HEDGING_MARKS) {
                return true;
            }
            let Some(head) = self.head(clause) else {
                return false;
            };
            if matches!(
                self.relation(clause),
                "ccomp" | "xcomp" | "advcl" | "csubj" | "obj"
            ) && hedging_verbs().contains(self.lower(head).as_str())
            {
                return true;
            }
            clause = head;
        }
        false
    }

    /// The verb's particles: its `compound:prt` dependents, and a particle
    /// word right after it that the parser attached as an adverb ("sat
    /// down with"), so that the label does not hang on that one arc.
    fn particles(&self, predicate: usize) -> Vec<String> {
        self.children(predicate)
            .iter()
            .filter(|&&c| {
                self.relation(c) == "compound:prt"
                    || (c == predicate + 1
                        && self.relation(c) == "advmod"
                        && PARTICLES.contains(&self.lower(c).as_str()))
            })
            .map(|&c| self.lower(c))
            .collect()
    }

    /// An adjective the verb predicates of its object ("hold Nordvik
    /// responsible", "declared the vote void"): part of what is asserted.
    fn secondary_adjective(&self, predicate: usize) -> Option<String> {
        self.children(predicate)
            .iter()
            .copied()
            .find(|&c| {
                c > predicate && self.relation(c) == "xcomp" && self.doc.tags[c] == Upos::Adj
            })
            .map(|c| self.lower(c))
    }

    /// The verb's direct object noun with its lower-case compounds
    /// ("signed a trade deal with" gives "trade deal").
    fn object_noun(&self, predicate: usize) -> Option<String> {
        let noun = self
            .children(predicate)
            .iter()
            .copied()
            .find(|&c| self.relation(c) == "obj" && self.doc.tags[c] == Upos::Noun)?;
        let mut words: Vec<String> = self
            .children(noun)
            .iter()
            .filter(|&&c| {
                c < noun
                    && self.relation(c) == "compound"
                    && self.doc.tags[c] == Upos::Noun
                    && self
                        .doc
                        .token_text(c)
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_lowercase())
            })
            .map(|&c| self.lower(c))
            .collect();
        words.push(self.lower(noun));
        Some(words.join(" "))
    }

    /// The lower-case words before a noun that make its title, and theirs
    /// ("national security advisor" however "national" is attached).
    fn title_words(&self, noun: usize, depth: usize) -> Vec<usize> {
        let doc = self.doc;
        let mut words = Vec::new();
        if depth > 3 {
            return words;
        }
        for &c in self.children(noun) {
            if c < noun
                && matches!(self.relation(c), "compound" | "amod")
                && matches!(doc.tags[c], Upos::Noun | Upos::Adj)
                && doc
                    .token_text(c)
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_lowercase())
            {
                words.push(c);
                words.extend(self.title_words(c, depth + 1));
            }
        }
        words
    }

    /// A row's label filled in: `{pred}` the predicate with its particle
    /// and secondary adjective, `{obj}` its direct object noun,
    /// `{role}` a noun with the lower-case words of its title, `{case}`
    /// the object's case word.
    fn label(&self, predicate: usize, rule: &str, case: Option<&str>) -> String {
        let mut words = Vec::new();
        for part in rule.split_whitespace() {
            match part {
                "{pred}" => {
                    words.push(self.lower(predicate));
                    words.extend(self.particles(predicate));
                    words.extend(self.secondary_adjective(predicate));
                }
                "{obj}" => match self.object_noun(predicate) {
                    Some(noun) => words.push(noun),
                    // A row that names the object noun needs one.
                    None => return String::new(),
                },
                // The object noun where there is one: "joined the program
                // at X" reads the same whether "at X" hangs on the verb or
                // on "program".
                "{obj?}" => {
                    if case.is_some() {
                        words.extend(self.object_noun(predicate));
                    }
                }
                "{role}" => {
                    let mut title = self.title_words(predicate, 0);
                    title.sort_unstable();
                    words.extend(title.into_iter().map(|t| self.lower(t)));
                    words.push(self.lower(predicate));
                }
                "{case}" => words.extend(case.map(str::to_string)),
                "{event}" => match patterns::event_verb(self.doc.token_text(predicate)) {
                    Some(verb) => words.push(verb.to_string()),
                    None => return String::new(),
                },
                "{cop}" => match self.child_words(predicate, "cop").next() {
                    Some(cop) => words.push(cop),
                    None => return String::new(),
                },
                literal => words.push(literal.to_string()),
            }
        }
        words.join(" ")
    }
}
