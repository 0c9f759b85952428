//! Word clusters from static word vectors: world knowledge the labelled
//! corpora lack. The Explosion vectors (CC0) map 684,830 words to 20,000
//! rows, each row already a cluster of words used alike; `textkg train`
//! groups the rows' vectors further by k-means into [`COARSE_SIZES`]
//! clusters, deterministically. Models read a word's row and its coarse
//! clusters as features, so a name never seen in labelled text still looks
//! like the names it is used like ("Besiktas" like "Barcelona").

use super::perceptron::{Reader, Rng};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub const FILE: &str = "clusters.bin.zst";
const MAGIC: &[u8] = b"textkg-clusters-1\n";
static BYTES: &[u8] = include_bytes!("../../models/clusters.bin.zst");

/// Sizes of the coarser clusterings, coarsest first.
pub const COARSE_SIZES: [usize; 2] = [128, 1024];
const DIMENSIONS: usize = 300;
const KMEANS_ITERATIONS: usize = 12;
const SEED: u64 = 0x636c_7573_7465_7273;

/// A word's clusters: the vectors' own row, then the coarser ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WordCluster {
    pub row: u16,
    pub coarse: [u16; COARSE_SIZES.len()],
}

#[derive(Debug, Clone, PartialEq)]
pub struct WordClusters {
    /// Every word, sorted by bytes, each followed by `\n`.
    words: Vec<u8>,
    /// Where each word starts in `words`.
    starts: Vec<u32>,
    /// The vectors' row of each word.
    rows: Vec<u16>,
    /// The coarse clusters of each row.
    coarse: Vec<[u16; COARSE_SIZES.len()]>,
    /// Open addressing by the word's hash: each slot the high 48 bits of
    /// the hash with the word's row in the low 16, or [`EMPTY`]. A look-up
    /// reads one slot, seldom two, and never the word's bytes: a word the
    /// vectors lack matches another's slot only if 48 bits of their hashes
    /// agree (odds of 1 in 2^47 per look-up).
    index: Vec<u64>,
}

/// An empty slot. Its low 16 bits are no word's row (reading checks that
/// every row is below them), so no word's entry is mistaken for it.
const EMPTY: u64 = u64::MAX;
const ROW_BITS: u64 = 0xFFFF;

fn word_hash(word: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word)
}

impl WordClusters {
    /// The clusters built into the binary, decompressed on first use.
    pub fn embedded() -> &'static WordClusters {
        static CLUSTERS: OnceLock<WordClusters> = OnceLock::new();
        CLUSTERS.get_or_init(|| {
            WordClusters::from_compressed(BYTES)
                .unwrap_or_else(|e| panic!("the word clusters built into textkg are unusable: {e}"))
        })
    }

    pub fn embedded_size() -> usize {
        BYTES.len()
    }

    pub fn from_compressed(bytes: &[u8]) -> Result<WordClusters> {
        let bytes = super::decompress("clusters", bytes)?;
        WordClusters::read(&mut Reader {
            name: "clusters",
            bytes: &bytes,
        })
    }

    pub fn load(dir: &Path) -> Result<WordClusters> {
        let path = dir.join(FILE);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        WordClusters::from_compressed(&bytes)
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    fn word(&self, index: usize) -> &[u8] {
        let start = self.starts[index] as usize;
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.words.len(), |&s| s as usize);
        &self.words[start..end - 1]
    }

    /// The clusters of `word` as written (case kept), if the vectors know it.
    pub fn get(&self, word: &str) -> Option<WordCluster> {
        let row = self
            .find(word.as_bytes())
            .or_else(|| self.find(word.to_lowercase().as_bytes()))?;
        Some(self.cluster(row))
    }

    /// The clusters of `word` exactly as written, without the lower-case
    /// fallback of [`WordClusters::get`].
    pub fn get_exact(&self, word: &str) -> Option<WordCluster> {
        Some(self.cluster(self.find(word.as_bytes())?))
    }

    fn cluster(&self, row: u16) -> WordCluster {
        WordCluster {
            row,
            coarse: self.coarse[row as usize],
        }
    }

    /// The word's row.
    fn find(&self, word: &[u8]) -> Option<u16> {
        let mask = self.index.len() - 1;
        let hash = word_hash(word);
        let check = hash & !ROW_BITS;
        let mut slot = hash as usize & mask;
        loop {
            match self.index[slot] {
                EMPTY => return None,
                entry if entry & !ROW_BITS == check => return Some((entry & ROW_BITS) as u16),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Builds [`Self::index`], at most two-thirds full: linear probes stay
    /// within a cache line or two. Of two words whose hashes share their
    /// high 48 bits the first keeps the slot (no two of the vectors' words
    /// do; a test checks it).
    fn indexed(mut self) -> WordClusters {
        let count = self.starts.len();
        let size = (count + count / 2).next_power_of_two().max(2);
        let mut index = vec![EMPTY; size];
        for (k, &row) in self.rows.iter().enumerate() {
            let hash = word_hash(self.word(k));
            let check = hash & !ROW_BITS;
            let mut slot = hash as usize & (size - 1);
            while index[slot] != EMPTY && index[slot] & !ROW_BITS != check {
                slot = (slot + 1) & (size - 1);
            }
            if index[slot] == EMPTY {
                index[slot] = check | u64::from(row);
            }
        }
        self.index = index;
        self
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.starts.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.words.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.coarse.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.words);
        for row in &self.rows {
            out.extend_from_slice(&row.to_le_bytes());
        }
        for clusters in &self.coarse {
            for c in clusters {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
    }

    pub fn read(reader: &mut Reader<'_>) -> Result<WordClusters> {
        reader.expect_magic(MAGIC)?;
        let count = reader.u32()? as usize;
        let text_len = reader.u32()? as usize;
        let row_count = reader.u32()? as usize;
        if row_count >= ROW_BITS as usize {
            return Err(reader.error("more rows than an index entry holds"));
        }
        let words = reader.take(text_len)?.to_vec();
        let mut starts = Vec::with_capacity(count);
        let mut start = 0;
        for (i, b) in words.iter().enumerate() {
            if *b == b'\n' {
                starts.push(start as u32);
                start = i + 1;
            }
        }
        if starts.len() != count || start != words.len() {
            return Err(reader.error("word list does not match its count"));
        }
        let rows: Vec<u16> = reader
            .take(2 * count)?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if rows.iter().any(|&r| r as usize >= row_count) {
            return Err(reader.error("word row out of range"));
        }
        let coarse_bytes = reader.take(2 * COARSE_SIZES.len() * row_count)?;
        let coarse = coarse_bytes
            .chunks_exact(2 * COARSE_SIZES.len())
            .map(|c| std::array::from_fn(|k| u16::from_le_bytes([c[2 * k], c[2 * k + 1]])))
            .collect();
        let clusters = WordClusters {
            words,
            starts,
            rows,
            coarse,
            index: Vec::new(),
        }
        .indexed();
        if (1..count).any(|i| clusters.word(i - 1) >= clusters.word(i)) {
            return Err(reader.error("word list not sorted"));
        }
        Ok(clusters)
    }

    /// Reads the vectors in `dir` (`words.tsv`, `vectors.f32`) and groups
    /// their rows by k-means at each of [`COARSE_SIZES`].
    pub fn derive(dir: &Path) -> Result<WordClusters> {
        let words_path = dir.join("words.tsv");
        let source = std::fs::read_to_string(&words_path).map_err(|e| Error::io(&words_path, e))?;
        let vectors_path = dir.join("vectors.f32");
        let raw = std::fs::read(&vectors_path).map_err(|e| Error::io(&vectors_path, e))?;
        if raw.len() % (4 * DIMENSIONS) != 0 {
            return Err(bad_file(
                &vectors_path,
                format!("{} bytes is not rows of {DIMENSIONS} floats", raw.len()),
            ));
        }
        let vectors: Vec<f32> = raw
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let row_count = vectors.len() / DIMENSIONS;
        if row_count >= ROW_BITS as usize {
            return Err(Error::Model {
                name: "clusters".into(),
                message: format!("{row_count} rows of vectors: at most {ROW_BITS} are indexed"),
            });
        }
        let mut entries: Vec<(&str, u16)> = Vec::new();
        for (n, line) in source.lines().enumerate() {
            let bad_line = || Error::BadLine {
                path: words_path.clone(),
                line: n + 1,
                message: "expected word<TAB>row".into(),
            };
            let (word, row) = line.rsplit_once('\t').ok_or_else(bad_line)?;
            let row: u16 = row.parse().map_err(|_| bad_line())?;
            if row as usize >= row_count || word.contains('\n') || word.is_empty() {
                return Err(bad_line());
            }
            entries.push((word, row));
        }
        entries.sort_unstable();
        entries.dedup_by(|a, b| a.0 == b.0);
        let unit = normalised(&vectors);
        let levels: Vec<Vec<u16>> = COARSE_SIZES
            .iter()
            .map(|&k| kmeans(&unit, k, SEED ^ k as u64))
            .collect();
        let coarse = (0..row_count)
            .map(|row| std::array::from_fn(|level| levels[level][row]))
            .collect();
        let mut words = Vec::new();
        let mut starts = Vec::new();
        for (word, _) in &entries {
            starts.push(words.len() as u32);
            words.extend_from_slice(word.as_bytes());
            words.push(b'\n');
        }
        Ok(WordClusters {
            words,
            starts,
            rows: entries.iter().map(|e| e.1).collect(),
            coarse,
            index: Vec::new(),
        }
        .indexed())
    }
}

fn bad_file(path: &Path, message: String) -> Error {
    Error::BadInput {
        path: PathBuf::from(path),
        message,
    }
}

fn normalised(vectors: &[f32]) -> Vec<f32> {
    let mut unit = vectors.to_vec();
    for row in unit.chunks_exact_mut(DIMENSIONS) {
        let norm = row.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|v| *v /= norm);
        }
    }
    unit
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Spherical k-means over unit rows, seeded by k-means++ from `seed`; the
/// same rows and seed give the same clusters whatever the thread count.
fn kmeans(unit: &[f32], k: usize, seed: u64) -> Vec<u16> {
    let rows = unit.len() / DIMENSIONS;
    let row = |r: usize| &unit[r * DIMENSIONS..(r + 1) * DIMENSIONS];
    let mut rng = Rng(seed);
    let mut centroids: Vec<f32> = Vec::with_capacity(k * DIMENSIONS);
    centroids.extend_from_slice(row((rng.next_u64() % rows as u64) as usize));
    let mut distance: Vec<f32> = (0..rows)
        .into_par_iter()
        .map(|r| 1.0 - dot(row(r), &centroids[..DIMENSIONS]))
        .collect();
    while centroids.len() < k * DIMENSIONS {
        let total: f64 = distance.iter().map(|d| f64::from(d.max(0.0))).sum();
        let target = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let mut running = 0.0;
        let mut chosen = rows - 1;
        for (r, d) in distance.iter().enumerate() {
            running += f64::from(d.max(0.0));
            if running >= target {
                chosen = r;
                break;
            }
        }
        let start = centroids.len();
        centroids.extend_from_slice(row(chosen));
        let newest = &centroids[start..];
        distance
            .par_iter_mut()
            .enumerate()
            .for_each(|(r, d)| *d = d.min(1.0 - dot(row(r), newest)));
    }
    let mut assignment = vec![0u16; rows];
    for _ in 0..KMEANS_ITERATIONS {
        assignment = (0..rows)
            .into_par_iter()
            .map(|r| {
                let v = row(r);
                let mut best = (f32::MIN, 0);
                for (c, centroid) in centroids.chunks_exact(DIMENSIONS).enumerate() {
                    let score = dot(v, centroid);
                    if score > best.0 {
                        best = (score, c);
                    }
                }
                best.1 as u16
            })
            .collect();
        let mut sums = vec![0f32; k * DIMENSIONS];
        for (r, &c) in assignment.iter().enumerate() {
            let c = c as usize;
            for (s, v) in sums[c * DIMENSIONS..(c + 1) * DIMENSIONS]
                .iter_mut()
                .zip(row(r))
            {
                *s += v;
            }
        }
        for (c, sum) in sums.chunks_exact(DIMENSIONS).enumerate() {
            let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (m, s) in centroids[c * DIMENSIONS..(c + 1) * DIMENSIONS]
                    .iter_mut()
                    .zip(sum)
                {
                    *m = s / norm;
                }
            }
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_clusters_group_words_used_alike() {
        let clusters = WordClusters::embedded();
        assert!(clusters.len() > 600_000, "{}", clusters.len());
        let of = |w: &str| clusters.get(w).unwrap_or_else(|| panic!("{w} unknown"));
        // Football clubs share a row; a club and a verb share no coarse cluster.
        assert_eq!(of("Barcelona").row, of("Besiktas").row);
        assert_ne!(of("Barcelona").coarse[1], of("signed").coarse[1]);
        assert_eq!(of("Monday").coarse[0], of("Thursday").coarse[0]);
        assert!(clusters.get("Xqzvbnmw").is_none());
    }

    #[test]
    fn every_word_of_the_vectors_finds_its_own_row() {
        let clusters = WordClusters::embedded();
        let lost: Vec<String> = (0..clusters.len())
            .filter(|&k| {
                let word = std::str::from_utf8(clusters.word(k)).expect("UTF-8 words");
                clusters.get_exact(word).map(|c| c.row) != Some(clusters.rows[k])
            })
            .map(|k| String::from_utf8_lossy(clusters.word(k)).into_owned())
            .collect();
        assert!(lost.is_empty(), "{lost:?}");
    }

    #[test]
    fn clusters_round_trip_through_bytes() {
        let clusters = WordClusters {
            words: b"Acme\nbank\nriver\n".to_vec(),
            starts: vec![0, 5, 10],
            rows: vec![1, 0, 1],
            coarse: vec![[0, 3], [1, 2]],
            index: Vec::new(),
        }
        .indexed();
        let mut bytes = Vec::new();
        clusters.write(&mut bytes);
        let read = WordClusters::read(&mut Reader {
            name: "t",
            bytes: &bytes,
        })
        .unwrap();
        assert_eq!(read, clusters);
        assert_eq!(read.get("bank").unwrap().coarse, [0, 3]);
        assert_eq!(read.get("River").unwrap().row, 1);
    }
}
