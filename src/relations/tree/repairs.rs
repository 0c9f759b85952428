//! Repairs of a parsed tree before the rows are matched: attachments a
//! parser often gets wrong in news, each moving a name to where the
//! sentence's grammar puts it. Gold trees rarely meet their conditions.

use super::Tree;
use super::patterns::WordClass;
use crate::document::{EntityType, MentionKind, Upos};

impl Tree<'_> {
    /// Every repair in turn, each on the tree the one before left.
    pub(super) fn repair(&mut self) {
        for repair in [
            Self::repair_fronted_subject,
            Self::repair_role_apposition,
            Self::repair_title_subject,
            Self::repair_role_after_name,
        ] {
            if repair(self) {
                self.link();
            }
        }
    }

    fn is_person(&self, t: usize) -> bool {
        let doc = self.doc;
        doc.mentions.iter().enumerate().any(|(m, mention)| {
            mention.kind == MentionKind::Name
                && mention.tokens.contains(&t)
                && doc
                    .mention_entity
                    .get(m)
                    .copied()
                    .flatten()
                    .is_some_and(|e| doc.entities[e.index()].ty == EntityType::Person)
        })
    }

    fn is_role(&self, t: usize) -> bool {
        // The tagger reads some titles as adjectives ("executive").
        matches!(self.doc.tags[t], Upos::Noun | Upos::Propn | Upos::Adj)
            && WordClass::Role.contains(self.doc.token_text(t))
    }

    /// "The chief executive of Nordvik, Maria Lindqvist, said": the name
    /// after the role's phrase is the role's apposition, which a parser
    /// often hangs on the phrase's noun as a coordination without a
    /// conjunction, as an `nmod` without a preposition, or as the noun's
    /// own apposition (a person's name in apposition to something that
    /// is not a person). Only a person's name after a comma is moved.
    fn repair_role_apposition(&mut self) -> bool {
        let mut repaired = false;
        for role in self.start..self.start + self.arcs.len() {
            if !self.is_role(role) {
                continue;
            }
            let phrases: Vec<usize> = self
                .children(role)
                .iter()
                .copied()
                .filter(|&c| c > role && self.relation(c) == "nmod")
                .collect();
            for phrase in phrases {
                let holder_of = |c: usize| self.head(c).unwrap_or(c);
                let name = self
                    .children(phrase)
                    .iter()
                    .chain(self.children(role))
                    .copied()
                    .find(|&c| {
                        let first = self.subtree_start(c);
                        c > phrase
                            && self.doc.tags[c] == Upos::Propn
                            && first > self.start
                            && self.doc.token_text(first - 1) == ","
                            && self.is_person(c)
                            && !self.is_person(phrase)
                            && match self.relation(c) {
                                "conj" => !self.children(holder_of(c)).iter().any(|&other| {
                                    self.relation(other) == "conj"
                                        && self
                                            .children(other)
                                            .iter()
                                            .any(|&w| self.relation(w) == "cc")
                                }),
                                "nmod" => self.case_word(c).is_none(),
                                "appos" => true,
                                _ => false,
                            }
                    });
                if let Some(name) = name {
                    self.arcs[name - self.start] = (Some(role), "appos");
                    repaired = true;
                }
            }
        }
        repaired
    }

    /// "Kestrel co-founder Anna Holm wrote": a parser that reads both the
    /// title and the name right after it as the verb's subjects; the name
    /// is the title's apposition.
    fn repair_title_subject(&mut self) -> bool {
        let mut repaired = false;
        for verb in self.start..self.start + self.arcs.len() {
            let subjects: Vec<usize> = self
                .children(verb)
                .iter()
                .copied()
                .filter(|&c| matches!(self.relation(c), "nsubj" | "nsubj:pass"))
                .collect();
            for &title in &subjects {
                if !self.is_role(title) || self.doc.tags[title] != Upos::Noun {
                    continue;
                }
                let next = self.subtree_end(title) + 1;
                if subjects.contains(&next)
                    && self.doc.tags[next] == Upos::Propn
                    && self.relation(next) == self.relation(title)
                {
                    self.arcs[next - self.start] = (Some(title), "appos");
                    repaired = true;
                }
            }
        }
        repaired
    }

    /// The tokens of a token's subtree (a cycle the parser left is walked
    /// at most once a token).
    fn subtree(&self, t: usize) -> Vec<usize> {
        let mut tokens = Vec::new();
        let mut pending = vec![t];
        while let Some(u) = pending.pop() {
            if tokens.len() >= self.arcs.len() {
                break;
            }
            tokens.push(u);
            pending.extend_from_slice(self.children(u));
        }
        tokens
    }

    /// The first word of a token's subtree, punctuation aside.
    fn subtree_start(&self, t: usize) -> usize {
        self.subtree(t)
            .into_iter()
            .filter(|&u| self.doc.tags[u] != Upos::Punct)
            .fold(t, usize::min)
    }

    /// The last token of a token's subtree.
    fn subtree_end(&self, t: usize) -> usize {
        self.subtree(t).into_iter().fold(t, usize::max)
    }

    /// "Born in Lyon, Ines Moreau studied law": a parser often hangs the
    /// name after a fronted participle clause on that clause's last noun
    /// as an apposition, leaving the main verb without a subject. A name
    /// in apposition inside a fronted clause without a subject of its own,
    /// ending just before a main verb that has none (its auxiliaries and
    /// adverbs aside), is that verb's subject. Whether it repaired anything.
    fn repair_fronted_subject(&mut self) -> bool {
        let mut repaired = false;
        for verb in self.start..self.start + self.arcs.len() {
            if self.doc.tags[verb] != Upos::Verb
                || !matches!(self.relation(verb), "root" | "ccomp")
                || self.has_subject(verb)
            {
                continue;
            }
            // The tokens right before the verb that are its auxiliaries or adverbs.
            let mut before = verb;
            while before > self.start
                && self.head(before - 1) == Some(verb)
                && matches!(self.relation(before - 1), "aux" | "advmod")
            {
                before -= 1;
            }
            // The name's last words may hang elsewhere ("Lionel" the
            // apposition, "Messi" its neighbour's `flat`).
            let Some(name) = (self.start..before).find(|&t| {
                if self.relation(t) != "appos" || self.doc.tags[t] != Upos::Propn {
                    return false;
                }
                let mut end = self.subtree_end(t);
                while end + 1 < before && self.doc.tags[end + 1] == Upos::Propn {
                    end += 1;
                }
                end + 1 == before
            }) else {
                continue;
            };
            // The clause holding the name: an `advcl` of the verb before it.
            let mut clause = name;
            let mut fronted = false;
            for _ in 0..self.arcs.len() {
                let Some(head) = self.head(clause) else { break };
                if head == verb {
                    fronted = self.relation(clause) == "advcl"
                        && clause < name
                        && !self.has_subject(clause);
                    break;
                }
                clause = head;
            }
            if fronted {
                self.arcs[name - self.start] = (Some(verb), "nsubj");
                repaired = true;
            }
        }
        repaired
    }

    fn has_subject(&self, t: usize) -> bool {
        self.children(t).iter().any(|&c| {
            matches!(
                self.relation(c),
                "nsubj" | "nsubj:pass" | "expl" | "csubj" | "csubj:pass"
            )
        })
    }

    /// "Kestrel hired Anna Holm, chief executive of Nordvik": a role after
    /// a person's name and a comma, read as a coordination without a
    /// conjunction (of the verb, or of anything else), is the name's
    /// apposition.
    fn repair_role_after_name(&mut self) -> bool {
        let mut repaired = false;
        for role in self.start..self.start + self.arcs.len() {
            if !matches!(self.doc.tags[role], Upos::Noun | Upos::Adj)
                || self.relation(role) != "conj"
                || !self.is_role(role)
                || self
                    .children(role)
                    .iter()
                    .any(|&c| self.relation(c) == "cc")
            {
                continue;
            }
            let first = self.subtree_start(role);
            if first < self.start + 2 || self.doc.token_text(first - 1) != "," {
                continue;
            }
            let Some(name) = self.name_head(first - 2) else {
                continue;
            };
            if self.is_person(name) && !self.dominates(role, name) {
                self.arcs[role - self.start] = (Some(name), "appos");
                repaired = true;
            }
        }
        repaired
    }

    /// The head word of the name mention holding a token: its one token
    /// whose head lies outside the mention.
    fn name_head(&self, t: usize) -> Option<usize> {
        let mention = self
            .doc
            .mentions
            .iter()
            .find(|m| m.kind == MentionKind::Name && m.tokens.contains(&t))?;
        mention
            .tokens
            .clone()
            .find(|&u| self.head(u).is_none_or(|h| !mention.tokens.contains(&h)))
    }

    /// Whether `ancestor` is on the way from `t` to the root.
    fn dominates(&self, ancestor: usize, t: usize) -> bool {
        let mut current = t;
        for _ in 0..self.arcs.len() {
            if current == ancestor {
                return true;
            }
            match self.head(current) {
                Some(h) => current = h,
                None => return false,
            }
        }
        true
    }
}
