//! A second stage over the first stage's confidences in one document: a
//! triple is likelier when the model is confident of a property that
//! usually comes with it, on the reverse pair (P131 "located in" from X to
//! Y and P150 "contains" from Y to X; P26 "spouse" both ways) or on the same
//! pair (P131 and P17 "country"). Which properties come together is learnt
//! from the training documents' gold triples, not listed by hand; how much
//! that counts is a small logistic regression fitted on held-out scores.

use super::docred::GoldDoc;
use crate::collections::HashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// A first-stage confidence below this is no evidence (and the
/// combinations pruned from a shipped model never reach it).
pub(crate) const EVIDENCE_FLOOR: f32 = 0.05;

/// Associations weaker than this are dropped.
const MIN_ASSOCIATION: f32 = 0.05;

/// Smoothing of an association: (together) / (occurrences of the evidence
/// + this).
const SMOOTHING: f32 = 10.0;

/// Evidence features of a candidate: reverse pair, same pair, two-step
/// path, and the best rival with the same property and head, or tail.
pub(crate) const EVIDENCE: usize = 5;

/// Features of a candidate triple: raw score, the evidence, bias.
pub(crate) const FEATURES: usize = EVIDENCE + 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Stage2 {
    /// Isotonic knots of the first-stage raw score.
    pub first: Vec<(f32, f32)>,
    /// (p, q, a): when (t, h, q) holds, (h, t, p) holds about a of the time.
    pub reverse: Vec<(u16, u16, f32)>,
    /// (p, q, a): when (h, t, q) holds, (h, t, p) holds about a of the time.
    pub same: Vec<(u16, u16, f32)>,
    /// (p, q1, q2, a): when (h, m, q1) and (m, t, q2) hold, (h, t, p) holds
    /// about a of the time ("X in Y, Y in Z": X in Z).
    pub path: Vec<(u16, u16, u16, f32)>,
    /// Logistic weights of [raw score, evidence…, 1].
    pub weights: [f32; FEATURES],
    /// [`Stage2::index`], built on first use rather than per document.
    #[serde(skip)]
    pub cache: IndexCache,
}

/// A lazily built [`Index`]: derived data, so equal whatever it holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct IndexCache(OnceLock<Index>);

impl PartialEq for IndexCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A scored candidate of one document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub head: u32,
    pub tail: u32,
    pub property: u16,
    pub score: f32,
}

/// Per property, its associated properties and strengths.
fn by_property(list: &[(u16, u16, f32)]) -> FastMap<u16, Vec<(u16, f32)>> {
    let mut map: FastMap<u16, Vec<(u16, f32)>> = FastMap::default();
    for &(p, q, a) in list {
        map.entry(p).or_default().push((q, a));
    }
    map
}

/// Associations learnt from gold triples: reverse, same pair, path.
pub(crate) type Associations = (
    Vec<(u16, u16, f32)>,
    Vec<(u16, u16, f32)>,
    Vec<(u16, u16, u16, f32)>,
);

/// Learns which properties come together from the gold triples of `docs`.
pub(crate) fn associations(
    docs: &[GoldDoc],
    train: impl Iterator<Item = usize>,
    index: &HashMap<&str, u16>,
) -> Associations {
    let mut count: HashMap<u16, usize> = HashMap::default();
    let mut reverse: HashMap<(u16, u16), usize> = HashMap::default();
    let mut same: HashMap<(u16, u16), usize> = HashMap::default();
    let mut paths: HashMap<(u16, u16), usize> = HashMap::default();
    let mut path_with: HashMap<(u16, u16, u16), usize> = HashMap::default();
    for d in train {
        let mut by_pair: BTreeMap<(usize, usize), Vec<u16>> = BTreeMap::new();
        for t in &docs[d].triples {
            if t.head == t.tail {
                continue;
            }
            if let Some(&p) = index.get(t.property.as_str()) {
                let list = by_pair.entry((t.head, t.tail)).or_default();
                if !list.contains(&p) {
                    list.push(p);
                }
            }
        }
        let mut out: BTreeMap<usize, Vec<(usize, u16)>> = BTreeMap::new();
        for (&(h, t), props) in &by_pair {
            let back = by_pair.get(&(t, h));
            for &q in props {
                *count.entry(q).or_default() += 1;
                out.entry(h).or_default().push((t, q));
                for &p in back.into_iter().flatten() {
                    *reverse.entry((p, q)).or_default() += 1;
                }
                for &p in props.iter().filter(|&&p| p != q) {
                    *same.entry((p, q)).or_default() += 1;
                }
            }
        }
        let mut seen = BTreeSet::new();
        for (&h, first) in &out {
            for &(m, q1) in first {
                for &(t, q2) in out.get(&m).into_iter().flatten() {
                    if t != h {
                        seen.insert((h, t, q1, q2));
                    }
                }
            }
        }
        for (h, t, q1, q2) in seen {
            *paths.entry((q1, q2)).or_default() += 1;
            for &p in by_pair.get(&(h, t)).into_iter().flatten() {
                *path_with.entry((p, q1, q2)).or_default() += 1;
            }
        }
    }
    let strength = |map: HashMap<(u16, u16), usize>| {
        let mut list: Vec<(u16, u16, f32)> = map
            .into_iter()
            .map(|((p, q), n)| (p, q, n as f32 / (count[&q] as f32 + SMOOTHING)))
            .filter(|&(_, _, a)| a >= MIN_ASSOCIATION)
            .collect();
        list.sort_by_key(|a| (a.0, a.1));
        list
    };
    let mut path: Vec<(u16, u16, u16, f32)> = path_with
        .into_iter()
        .map(|((p, q1, q2), n)| (p, q1, q2, n as f32 / (paths[&(q1, q2)] as f32 + SMOOTHING)))
        .filter(|&(_, _, _, a)| a >= MIN_ASSOCIATION)
        .collect();
    path.sort_by_key(|a| (a.0, a.1, a.2));
    (strength(reverse), strength(same), path)
}

/// A stage's associations by property.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    reverse: FastMap<u16, Vec<(u16, f32)>>,
    same: FastMap<u16, Vec<(u16, f32)>>,
    path: FastMap<(u16, u16, u16), f32>,
}

/// Maps keyed by property and entity numbers, only looked up, never
/// iterated: a fast fixed hash in place of SipHash.
type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

impl Stage2 {
    /// The associations by property. Only `reverse`, `same` and `path`
    /// go into it: changing them after the first call is not seen.
    pub(crate) fn index(&self) -> &Index {
        self.cache.0.get_or_init(|| Index {
            reverse: by_property(&self.reverse),
            same: by_property(&self.same),
            path: self
                .path
                .iter()
                .map(|&(p, q1, q2, a)| ((p, q1, q2), a))
                .collect(),
        })
    }

    /// The combined score of a candidate of first-stage raw `score`.
    pub(crate) fn combine(&self, score: f32, evidence: [f32; EVIDENCE]) -> f32 {
        let w = &self.weights;
        let mut z = w[0] * score + w[FEATURES - 1];
        for (w, e) in w[1..=EVIDENCE].iter().zip(evidence) {
            z += w * e;
        }
        z
    }

    /// The confidence of a candidate of first-stage confidence `first`
    /// and combined score `z`, `knots` being the model's calibration: the
    /// second stage only rescores candidates the first found plausible
    /// (which keeps prediction cheap); below [`EVIDENCE_FLOOR`] the first
    /// stage's calibrated confidence stands.
    pub(crate) fn confidence(&self, knots: &[(f32, f32)], first: f32, z: f32) -> f32 {
        if first < EVIDENCE_FLOOR {
            first
        } else {
            super::calibrate(knots, z)
        }
    }
}

impl Index {
    /// The evidence features of each candidate of one document, given the
    /// first-stage confidences.
    pub(crate) fn evidence(&self, cands: &[Cand], first: &[f32]) -> Vec<[f32; EVIDENCE]> {
        let mut known: FastMap<(u32, u32, u16), f32> = FastMap::default();
        let mut out: BTreeMap<u32, Vec<(u32, u16, f32)>> = BTreeMap::new();
        // Per (head, property) and (tail, property), the two best confidences.
        let mut by_head: FastMap<(u32, u16), [f32; 2]> = FastMap::default();
        let mut by_tail: FastMap<(u32, u16), [f32; 2]> = FastMap::default();
        let push = |top: &mut [f32; 2], c: f32| {
            if c > top[0] {
                top[1] = top[0];
                top[0] = c;
            } else if c > top[1] {
                top[1] = c;
            }
        };
        for (c, &conf) in cands.iter().zip(first) {
            if conf >= EVIDENCE_FLOOR {
                push(by_head.entry((c.head, c.property)).or_default(), conf);
                push(by_tail.entry((c.tail, c.property)).or_default(), conf);
                known.insert((c.head, c.tail, c.property), conf);
                out.entry(c.head)
                    .or_default()
                    .push((c.tail, c.property, conf));
            }
        }
        // Per (head, tail), the best two-step path per property pair.
        let mut paths: FastMap<(u32, u32), BTreeMap<(u16, u16), f32>> = FastMap::default();
        if !self.path.is_empty() {
            for (&h, first) in &out {
                for &(m, q1, c1) in first {
                    for &(t, q2, c2) in out.get(&m).into_iter().flatten() {
                        if t == h {
                            continue;
                        }
                        let best = paths
                            .entry((h, t))
                            .or_default()
                            .entry((q1, q2))
                            .or_insert(0.0);
                        *best = best.max(c1 * c2);
                    }
                }
            }
        }
        let best = |list: Option<&Vec<(u16, f32)>>, h: u32, t: u32| {
            list.into_iter()
                .flatten()
                .filter_map(|&(q, a)| known.get(&(h, t, q)).map(|&c| a * c))
                .fold(0f32, f32::max)
        };
        cands
            .iter()
            .map(|c| {
                let path = paths
                    .get(&(c.head, c.tail))
                    .into_iter()
                    .flatten()
                    .filter_map(|(&(q1, q2), &v)| {
                        self.path.get(&(c.property, q1, q2)).map(|&a| a * v)
                    })
                    .fold(0f32, f32::max);
                // The best confidence of another candidate: the top one
                // unless that is this candidate's own.
                let own = known.get(&(c.head, c.tail, c.property)).copied();
                let rival = |top: Option<&[f32; 2]>| match top {
                    Some(top) if own == Some(top[0]) => top[1],
                    Some(top) => top[0],
                    None => 0.0,
                };
                [
                    best(self.reverse.get(&c.property), c.tail, c.head),
                    best(self.same.get(&c.property), c.head, c.tail),
                    path,
                    rival(by_head.get(&(c.head, c.property))),
                    rival(by_tail.get(&(c.tail, c.property))),
                ]
            })
            .collect()
    }
}

/// Logistic regression by Newton's method with a backtracking line search;
/// the result depends only on the rows and their order.
pub(crate) fn fit_logistic(rows: &[([f32; FEATURES], bool)]) -> [f32; FEATURES] {
    const L2: f64 = 1e-3;
    let loss = |w: &[f64; FEATURES]| {
        let mut total = 0f64;
        for (x, y) in rows {
            let z: f64 = x.iter().zip(w).map(|(&x, w)| f64::from(x) * w).sum();
            // log(1 + e^-z) for gold, log(1 + e^z) otherwise, stably.
            let m = if *y { -z } else { z };
            total += if m > 0.0 {
                m + (-m).exp().ln_1p()
            } else {
                m.exp().ln_1p()
            };
        }
        total + 0.5 * L2 * w.iter().map(|w| w * w).sum::<f64>()
    };
    let mut w = [0f64; FEATURES];
    w[0] = 1.0;
    let mut current = loss(&w);
    for _ in 0..25 {
        let mut grad = [0f64; FEATURES];
        let mut hess = [[0f64; FEATURES]; FEATURES];
        for (x, y) in rows {
            let z: f64 = x.iter().zip(&w).map(|(&x, w)| f64::from(x) * w).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = p - f64::from(u8::from(*y));
            let h = p * (1.0 - p);
            for i in 0..FEATURES {
                grad[i] += g * f64::from(x[i]);
                for j in 0..FEATURES {
                    hess[i][j] += h * f64::from(x[i]) * f64::from(x[j]);
                }
            }
        }
        for i in 0..FEATURES {
            grad[i] += L2 * w[i];
            hess[i][i] += L2;
        }
        let step = solve(hess, grad);
        let mut t = 1.0;
        let mut improved = false;
        for _ in 0..30 {
            let mut next = w;
            for i in 0..FEATURES {
                next[i] -= t * step[i];
            }
            let l = loss(&next);
            if l < current {
                w = next;
                improved = current - l > 1e-9 * current.abs().max(1.0);
                current = l;
                break;
            }
            t *= 0.5;
        }
        if !improved {
            break;
        }
    }
    w.map(|w| w as f32)
}

/// Solves a small symmetric system by Gaussian elimination with pivoting.
fn solve(mut a: [[f64; FEATURES]; FEATURES], mut b: [f64; FEATURES]) -> [f64; FEATURES] {
    for col in 0..FEATURES {
        let pivot = (col..FEATURES)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        if a[col][col].abs() < 1e-12 {
            continue;
        }
        for row in col + 1..FEATURES {
            let f = a[row][col] / a[col][col];
            let pivot_row = a[col];
            for (cell, &p) in a[row].iter_mut().zip(&pivot_row).skip(col) {
                *cell -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0f64; FEATURES];
    for row in (0..FEATURES).rev() {
        let rest: f64 = (row + 1..FEATURES).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-12 {
            0.0
        } else {
            (b[row] - rest) / a[row][row]
        };
    }
    x
}
