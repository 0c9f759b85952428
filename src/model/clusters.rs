//! Word clusters learned from unlabelled text: each frequent word (lower
//! case) is described by the words seen just left and right of it, and
//! spherical k-means groups words with similar contexts, at three
//! granularities. A cluster id generalises over words the labelled data
//! rarely or never shows in a given role ("Tuesday" ~ "Friday",
//! "Microsoft" ~ "Google"). Deterministic: fixed vocabulary order, fixed
//! initial centroids, sums taken in a fixed order.

use super::features::TokenInfo;
use super::perceptron::HashKeyed;
use rayon::prelude::*;
use std::ops::Range;

/// Cluster counts of the three granularities (coarse to fine).
pub const SIZES: [usize; 3] = [32, 128, 512];
/// Words seen fewer times get no cluster.
const MIN_COUNT: u32 = 3;
/// The most frequent words, whose neighbours describe a word.
const CONTEXT_WORDS: usize = 800;
const ITERATIONS: usize = 12;

/// Lower-cased word hash → cluster ids packed 16 bits per level, each
/// 1 + cluster (0: no cluster).
pub type Table = HashKeyed<u64>;

/// Per token: its packed cluster ids (0 for words without a cluster).
pub fn lookup(table: &Table, infos: &[TokenInfo]) -> Vec<u64> {
    infos
        .iter()
        .map(|i| table.get(&i.lower).copied().unwrap_or(0))
        .collect()
}

/// The id at `level` (0: coarse) of a packed entry.
#[inline]
pub fn level(packed: u64, level: usize) -> u64 {
    (packed >> (16 * level)) & 0xFFFF
}

/// Learns the clusters from sentences given as token descriptions.
pub fn learn<'a>(sentences: impl Iterator<Item = &'a [TokenInfo]> + Clone) -> Table {
    let mut counts: HashKeyed<u32> = HashKeyed::default();
    for sentence in sentences.clone() {
        for info in sentence {
            *counts.entry(info.lower).or_default() += 1;
        }
    }
    let mut vocabulary: Vec<(u64, u32)> = counts
        .iter()
        .filter(|(_, c)| **c >= MIN_COUNT)
        .map(|(w, c)| (*w, *c))
        .collect();
    vocabulary.sort_unstable_by_key(|(w, c)| (std::cmp::Reverse(*c), *w));
    if vocabulary.is_empty() {
        return Table::default();
    }
    let index: HashKeyed<u32> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    // Dimensions: left neighbour (context word or boundary), then right.
    let side = CONTEXT_WORDS + 1;
    let dims = 2 * side;
    let context = |j: Option<&TokenInfo>| -> usize {
        match j {
            None => CONTEXT_WORDS,
            Some(info) => match index.get(&info.lower) {
                Some(&k) if (k as usize) < CONTEXT_WORDS => k as usize,
                _ => usize::MAX,
            },
        }
    };
    let mut observed: Vec<Vec<u32>> = vec![Vec::new(); vocabulary.len()];
    for sentence in sentences {
        for (i, info) in sentence.iter().enumerate() {
            let Some(&w) = index.get(&info.lower) else {
                continue;
            };
            let left = context(i.checked_sub(1).map(|j| &sentence[j]));
            if left != usize::MAX {
                observed[w as usize].push(left as u32);
            }
            let right = context(sentence.get(i + 1));
            if right != usize::MAX {
                observed[w as usize].push((side + right) as u32);
            }
        }
    }
    let vectors: Vec<Vec<(u32, f32)>> = observed
        .into_iter()
        .map(|mut dims| {
            dims.sort_unstable();
            let mut vector: Vec<(u32, f32)> = Vec::new();
            for d in dims {
                match vector.last_mut() {
                    Some((last, count)) if *last == d => *count += 1.0,
                    _ => vector.push((d, 1.0)),
                }
            }
            let mut norm = 0f32;
            for (_, v) in vector.iter_mut() {
                *v = v.sqrt();
                norm += *v * *v;
            }
            let norm = norm.sqrt().max(1e-6);
            for (_, v) in vector.iter_mut() {
                *v /= norm;
            }
            vector
        })
        .collect();
    let mut packed = vec![0u64; vocabulary.len()];
    for (level, &k) in SIZES.iter().enumerate() {
        let assignment = kmeans(&vectors, dims, k.min(vectors.len()));
        for (p, c) in packed.iter_mut().zip(assignment) {
            *p |= (1 + c as u64) << (16 * level);
        }
    }
    vocabulary
        .iter()
        .zip(packed)
        .map(|((w, _), p)| (*w, p))
        .collect()
}

/// Spherical k-means; initial centroids are words at evenly spaced
/// frequency ranks.
fn kmeans(vectors: &[Vec<(u32, f32)>], dims: usize, k: usize) -> Vec<usize> {
    let n = vectors.len();
    // Centroids stored by dimension: `centroids[d * k + c]`.
    let mut centroids = vec![0f32; dims * k];
    for c in 0..k {
        for &(d, v) in &vectors[c * n / k] {
            centroids[d as usize * k + c] = v;
        }
    }
    let mut assignment = vec![usize::MAX; n];
    for _ in 0..ITERATIONS {
        let next: Vec<usize> = vectors
            .par_iter()
            .map(|vector| {
                let mut scores = vec![0f32; k];
                for &(d, v) in vector {
                    let row = &centroids[d as usize * k..(d as usize + 1) * k];
                    for (s, c) in scores.iter_mut().zip(row) {
                        *s += v * c;
                    }
                }
                let mut best = 0;
                for (c, s) in scores.iter().enumerate() {
                    if *s > scores[best] {
                        best = c;
                    }
                }
                best
            })
            .collect();
        if next == assignment {
            break;
        }
        assignment = next;
        let mut sums = vec![0f32; dims * k];
        let mut sizes = vec![0usize; k];
        for (vector, &c) in vectors.iter().zip(&assignment) {
            sizes[c] += 1;
            for &(d, v) in vector {
                sums[d as usize * k + c] += v;
            }
        }
        let mut norms = vec![0f32; k];
        for d in 0..dims {
            for c in 0..k {
                let v = sums[d * k + c];
                norms[c] += v * v;
            }
        }
        for d in 0..dims {
            for c in 0..k {
                if sizes[c] > 0 {
                    centroids[d * k + c] = sums[d * k + c] / norms[c].sqrt().max(1e-6);
                }
            }
        }
    }
    assignment
}

/// The sentences of documents, as slices of their token descriptions.
pub fn sentences_of<'a>(
    infos: &'a [TokenInfo],
    sentences: &'a [Range<usize>],
) -> impl Iterator<Item = &'a [TokenInfo]> + Clone {
    sentences.iter().map(move |s| &infos[s.clone()])
}

pub fn write(table: &Table, out: &mut Vec<u8>) {
    let mut entries: Vec<(u64, u64)> = table.iter().map(|(w, p)| (*w, *p)).collect();
    entries.sort_unstable();
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for (word, packed) in entries {
        out.extend_from_slice(&word.to_le_bytes());
        // Three 16-bit ids.
        out.extend_from_slice(&packed.to_le_bytes()[..6]);
    }
}

pub fn read(reader: &mut super::perceptron::Reader<'_>) -> crate::error::Result<Table> {
    let count = reader.u64()? as usize;
    if count > reader.bytes.len() / 14 {
        return Err(reader.error("truncated cluster table"));
    }
    let mut table = Table::with_capacity_and_hasher(count, Default::default());
    for _ in 0..count {
        let word = reader.u64()?;
        let mut bytes = [0u8; 8];
        bytes[..6].copy_from_slice(reader.take(6)?);
        table.insert(word, u64::from_le_bytes(bytes));
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::features::describe;

    #[test]
    fn words_in_the_same_contexts_share_clusters() {
        let mut sentences = Vec::new();
        for day in ["monday", "tuesday", "friday"] {
            for _ in 0..3 {
                sentences.push(describe(&["we", "met", "on", day, "at", "noon"]));
            }
        }
        let mut filler = 0;
        for a in 0..30 {
            for b in 0..30 {
                filler += 1;
                let x = format!("w{a}");
                let y = format!("v{b}");
                let z = format!("u{}", filler % 40);
                sentences.push(describe(&[x.as_str(), y.as_str(), z.as_str()]));
            }
        }
        let table = learn(sentences.iter().map(|s| s.as_slice()));
        let cluster = |w: &str| table[&describe(&[w])[0].lower];
        assert_eq!(level(cluster("monday"), 0), level(cluster("friday"), 0));
        let again = learn(sentences.iter().map(|s| s.as_slice()));
        assert_eq!(table, again);
    }
}
