//! The shortest dependency path between two mentions of one sentence, as
//! pair features: read only when the document was parsed, so a model
//! trained with them still scores documents without trees.

use super::{Ctx, M, Sink, bucket_index, mix, name};
use crate::document::Document;
use xxhash_rust::xxh3::xxh3_64;

const UP: u64 = name("up");
const DOWN: u64 = name("down");
const HEAD_ABOVE: u64 = name("<head-above>");
const TAIL_ABOVE: u64 = name("<tail-above>");
/// Longer paths get only their length: their label sequences are too rare
/// to learn.
const MAX_LABELLED_STEPS: usize = 6;
const MAX_WORDED_STEPS: usize = 4;

/// Each token's head and the hash of its relation to it.
pub(super) struct Tree {
    heads: Vec<Option<usize>>,
    relations: Vec<u64>,
    names: Vec<&'static str>,
}

impl Tree {
    /// `None` unless every token has an arc.
    pub(super) fn of(doc: &Document) -> Option<Tree> {
        if doc.tokens.is_empty() || doc.dependencies.len() != doc.tokens.len() {
            return None;
        }
        let n = doc.tokens.len();
        Some(Tree {
            heads: doc
                .dependencies
                .iter()
                .map(|d| d.head.filter(|&h| h < n))
                .collect(),
            relations: doc
                .dependencies
                .iter()
                .map(|d| xxh3_64(d.relation.as_bytes()))
                .collect(),
            names: doc.dependencies.iter().map(|d| d.relation).collect(),
        })
    }

    /// `token` and its ancestors up to the root; `None` on a cycle.
    fn chain(&self, token: usize) -> Option<Vec<usize>> {
        let mut chain = vec![token];
        let mut at = token;
        while let Some(head) = self.heads[at] {
            if chain.len() > self.heads.len() {
                return None;
            }
            chain.push(head);
            at = head;
        }
        Some(chain)
    }

    /// The mention's syntactic head: the token of the span whose head lies
    /// outside it, the one nearest the root if several do.
    fn head_of(&self, m: M) -> Option<usize> {
        (m.start..m.end.min(self.heads.len()))
            .filter(|&t| self.heads[t].is_none_or(|h| h < m.start || h >= m.end))
            .filter_map(|t| self.chain(t).map(|chain| (chain.len(), t)))
            .min()
            .map(|(_, t)| t)
    }

    /// The relation of the mention's head to its governor, and the
    /// governor (`None` at the root).
    pub(super) fn governor(&self, m: M) -> Option<(&'static str, Option<usize>)> {
        let head = self.head_of(m)?;
        Some((self.names[head], self.heads[head]))
    }

    /// The path from `a` up to the lowest common ancestor and down to `b`:
    /// the tokens going up (from `a`, the ancestor excluded), the ancestor,
    /// and the tokens going down (ending at `b`, the ancestor excluded).
    fn path(&self, a: usize, b: usize) -> Option<Path> {
        let up = self.chain(a)?;
        let from_b = self.chain(b)?;
        let (below_in_b, lca) = from_b
            .iter()
            .enumerate()
            .find(|(_, t)| up.contains(t))
            .map(|(i, &t)| (i, t))?;
        let below_in_a = up.iter().position(|&t| t == lca)?;
        let mut down = from_b[..below_in_b].to_vec();
        down.reverse();
        Some(Path {
            up: up[..below_in_a].to_vec(),
            lca,
            down,
        })
    }
}

struct Path {
    up: Vec<usize>,
    lca: usize,
    down: Vec<usize>,
}

impl Path {
    fn steps(&self) -> usize {
        self.up.len() + self.down.len()
    }

    /// Each step as its direction and the relation of the lower token.
    fn labels<'a>(&'a self, tree: &'a Tree) -> impl Iterator<Item = u64> + 'a {
        let up = self.up.iter().map(|&t| mix(tree.relations[t], UP));
        let down = self.down.iter().map(|&t| mix(tree.relations[t], DOWN));
        up.chain(down)
    }

    /// The tokens strictly between the two ends, in path order.
    fn inner(&self) -> impl Iterator<Item = usize> + '_ {
        let nodes = self.up.len() + 1 + self.down.len();
        self.up
            .iter()
            .copied()
            .chain(std::iter::once(self.lca))
            .chain(self.down.iter().copied())
            .skip(1)
            .take(nodes.saturating_sub(2))
    }
}

/// Features of the path between the heads of mentions `a` (of the pair's
/// head entity) and `b` (of its tail), when both lie in one parsed tree.
pub(super) fn path_features(ctx: &Ctx, tree: &Tree, a: M, b: M, tp: u64, sink: &mut Sink) {
    if a.start < b.end && b.start < a.end {
        return;
    }
    let (Some(from), Some(to)) = (tree.head_of(a), tree.head_of(b)) else {
        return;
    };
    let Some(path) = tree.path(from, to) else {
        return;
    };
    let steps = path.steps();
    sink.add(const { name("dp-len") }, &[bucket_index(steps), tp]);
    let lca = if path.lca == from {
        HEAD_ABOVE
    } else if path.lca == to {
        TAIL_ABOVE
    } else {
        ctx.stem_hash[path.lca]
    };
    sink.add(const { name("dp-lca") }, &[lca, tp]);
    if steps > MAX_LABELLED_STEPS {
        return;
    }
    let labels = path.labels(tree).fold(const { name("labels") }, mix);
    sink.add(const { name("dp") }, &[labels]);
    sink.add(const { name("dp") }, &[labels, tp]);
    let mut ends = path.labels(tree);
    let first = ends.next().unwrap_or(NO_STEP);
    let last = ends.last().unwrap_or(first);
    sink.add(const { name("dp-ends") }, &[first, last, tp]);
    for t in path.inner() {
        if !ctx.punct[t] {
            sink.add(const { name("dp-w") }, &[ctx.stem_hash[t], tp]);
        }
    }
    if steps <= MAX_WORDED_STEPS {
        let worded = path
            .inner()
            .fold(labels, |hash, t| mix(hash, ctx.stem_hash[t]));
        sink.add(const { name("dpw") }, &[worded]);
        sink.add(const { name("dpw") }, &[worded, tp]);
    }
}

const NO_STEP: u64 = name("<no-step>");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Dependency, EntityType};

    fn m(start: usize, end: usize) -> M {
        M {
            start,
            end,
            sentence: 0,
        }
    }

    /// The path as "up"/"down" steps with the lower token's relation, and
    /// the words strictly inside it.
    fn describe(doc: &Document, path: &Path) -> (Vec<String>, Vec<String>) {
        let relation = |t: usize| doc.dependencies[t].relation;
        let steps = path
            .up
            .iter()
            .map(|&t| format!("up {}", relation(t)))
            .chain(path.down.iter().map(|&t| format!("down {}", relation(t))))
            .collect();
        let words = path
            .inner()
            .map(|t| doc.token_text(t).to_string())
            .collect();
        (steps, words)
    }

    /// "Mira Osk , the founder of Tallow Labs , spoke ." with a hand-built
    /// tree, and the two names as entities.
    fn founder_doc() -> Document {
        let arcs: [(&str, Option<usize>, &str); 11] = [
            ("Mira", Some(9), "nsubj"),
            ("Osk", Some(0), "flat"),
            (",", Some(4), "punct"),
            ("the", Some(4), "det"),
            ("founder", Some(0), "appos"),
            ("of", Some(7), "case"),
            ("Tallow", Some(7), "compound"),
            ("Labs", Some(4), "nmod"),
            (",", Some(4), "punct"),
            ("spoke", None, "root"),
            (".", Some(9), "punct"),
        ];
        let words = arcs.map(|(w, _, _)| w);
        let mut doc = crate::relations::typed::tests::hand_doc(
            &words,
            &[(0..2, EntityType::Person), (6..8, EntityType::Organization)],
        );
        doc.dependencies = arcs
            .iter()
            .map(|&(_, head, relation)| Dependency { head, relation })
            .collect();
        doc
    }

    #[test]
    fn the_path_from_a_person_to_the_company_they_founded_runs_through_the_apposition() {
        let doc = founder_doc();
        let tree = Tree::of(&doc).unwrap();
        let (person, company) = (tree.head_of(m(0, 2)), tree.head_of(m(6, 8)));
        assert_eq!((person, company), (Some(0), Some(7)));
        assert_eq!(tree.governor(m(6, 8)), Some(("nmod", Some(4))));
        assert_eq!(tree.governor(m(0, 2)), Some(("nsubj", Some(9))));
        let path = tree.path(0, 7).unwrap();
        assert_eq!(path.lca, 0);
        assert_eq!(
            describe(&doc, &path),
            (
                vec!["down appos".to_string(), "down nmod".to_string()],
                vec!["founder".to_string()]
            )
        );
        let back = tree.path(7, 0).unwrap();
        assert_eq!(
            describe(&doc, &back),
            (
                vec!["up nmod".to_string(), "up appos".to_string()],
                vec!["founder".to_string()]
            )
        );
    }

    #[test]
    fn a_pair_gains_path_features_only_when_the_document_is_parsed() {
        let doc = founder_doc();
        let relation = |r: &str| xxh3_64(r.as_bytes());
        let labels = [mix(relation("appos"), DOWN), mix(relation("nmod"), DOWN)]
            .into_iter()
            .fold(name("labels"), mix);
        let founder = xxh3_64(b"founder");
        let worded = mix(labels, founder);
        let expected = [name("dp"), name("dpw")].map(|template| {
            let mut sink = Sink { out: Vec::new() };
            sink.add(
                template,
                &[if template == name("dp") {
                    labels
                } else {
                    worded
                }],
            );
            sink.out[0]
        });
        let features_of = |doc: &Document| {
            let pairs = super::super::doc_pairs(doc);
            let pair = pairs.iter().find(|p| (p.head, p.tail) == (0, 1)).unwrap();
            pair.features.clone()
        };
        let parsed = features_of(&doc);
        assert!(expected.iter().all(|f| parsed.contains(f)));
        let mut unparsed = doc.clone();
        unparsed.dependencies.clear();
        let unparsed = features_of(&unparsed);
        assert!(expected.iter().all(|f| !unparsed.contains(f)));
        assert!(parsed.len() > unparsed.len());
        assert!(unparsed.iter().all(|f| parsed.contains(f)));
        // A model trained without trees reads none from a parsed document.
        let mut ignored = Vec::new();
        super::super::DocFeatures::new(&doc, false).for_each_pair(
            usize::MAX,
            |_| true,
            |c| ignored.extend(c.features.iter().copied()),
        );
        assert!(expected.iter().all(|f| !ignored.contains(f)));
    }

    #[test]
    fn the_parser_reads_the_founder_apposition_as_the_path() {
        let text = "Mira Osk, the founder of Tallow Labs, spoke in Brenna on Monday.";
        let doc = crate::pipeline::Pipeline::new(crate::pipeline::Options {
            parse: true,
            ..Default::default()
        })
        .annotate("t", text);
        let token = |word: &str| {
            (0..doc.tokens.len())
                .find(|&t| doc.token_text(t) == word)
                .unwrap()
        };
        let tree = Tree::of(&doc).unwrap();
        let person = tree.head_of(m(token("Mira"), token("Osk") + 1)).unwrap();
        let company = tree.head_of(m(token("Tallow"), token("Labs") + 1)).unwrap();
        let path = tree.path(person, company).unwrap();
        let (steps, words) = describe(&doc, &path);
        assert_eq!(steps, ["down appos", "down nmod"]);
        assert_eq!(words, ["founder"]);
    }
}
