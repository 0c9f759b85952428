//! The averaged perceptron shared by the tagger and the recogniser: hashed
//! features index rows of one flat `f32` table with a column per class.

use crate::error::{Error, Result};
use std::ops::Range;

/// Mixes a feature template id with a value hash (or two value hashes).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// A feature hash for template `template` and value `value`.
#[inline]
pub fn feature(template: u32, value: u64) -> u64 {
    mix(
        u64::from(template).wrapping_mul(0xD6E8_FEB8_6659_FD93),
        value,
    )
}

/// A map keyed by hashes that are already well mixed (xxh3, [`mix`]): the
/// key's own bits serve as its hash, where SipHash would be wasted work.
pub type HashKeyed<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = mix(self.0, u64::from(*b));
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// Anything that scores features, class by class.
pub trait Score {
    fn add_scores(&self, features: &[u64], scores: &mut [f32]);
}

impl Score for Dense {
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        Dense::add_scores(self, features, scores);
    }
}

impl Score for Weights {
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        Weights::add_scores(self, features, scores);
    }
}

/// A weight table being trained: `rows × classes`, rows addressed by hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Dense {
    classes: usize,
    mask: usize,
    values: Vec<f32>,
}

impl Dense {
    pub fn new(row_bits: u32, classes: usize) -> Self {
        let rows = 1usize << row_bits;
        Dense {
            classes,
            mask: rows - 1,
            values: vec![0.0; rows * classes],
        }
    }

    #[inline]
    fn row(&self, feature: u64) -> usize {
        (feature as usize & self.mask) * self.classes
    }

    /// Adds the weights of every feature to `scores` (one per class).
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        for &f in features {
            let row = self.row(f);
            for (score, w) in scores.iter_mut().zip(&self.values[row..row + self.classes]) {
                *score += w;
            }
        }
    }
}

impl Dense {
    /// The mean of tables of the same shape, rounded as [`Trainer::average`]
    /// rounds: the scores it gives are the mean of theirs, an ensemble that
    /// costs nothing more to run than one model.
    pub fn mean(tables: &[Dense]) -> Weights {
        let mut mean = tables[0].clone();
        for table in &tables[1..] {
            assert_eq!(table.values.len(), mean.values.len(), "same shape");
            for (m, v) in mean.values.iter_mut().zip(&table.values) {
                *m += v;
            }
        }
        let count = tables.len() as f32;
        for m in &mut mean.values {
            *m = round_to_bfloat16(*m / count);
        }
        Weights::from_dense(&mean)
    }
}

/// Weights of a trained model. Only rows that training touched are kept,
/// packed in row order; a row's place among them is found from a bit set of
/// the used rows and a running count per 64 rows, small enough (1/32 of a
/// `u32` per row) to stay in cache where a `u32` slot per row would not.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    mask: usize,
    blocks: Vec<Block>,
    /// bfloat16 bit patterns: half the cache footprint of f32.
    packed: Vec<u16>,
}

const UNUSED: u32 = u32::MAX;

/// Where `row` is, or would be, among the used rows, and 1 if it is used,
/// else 0.
#[inline(always)]
fn place(blocks: &[Block], row: usize) -> (u32, u32) {
    let block = blocks[row / 64];
    let below = block.used & ((1u64 << (row % 64)) - 1);
    let present = (block.used >> (row % 64)) as u32 & 1;
    (block.before + below.count_ones(), present)
}

/// 64 rows: which have weights, and how many used rows come before them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Block {
    used: u64,
    before: u32,
}

impl Weights {
    /// An empty table (every score 0).
    pub fn new(row_bits: u32, classes: usize) -> Self {
        Weights::from_dense(&Dense::new(row_bits, classes))
    }

    /// A table holding `rows` (sorted row numbers, each with `classes` weights).
    fn from_rows(classes: usize, row_count: usize, rows: &[u32], packed: Vec<u16>) -> Self {
        let mut blocks = vec![Block::default(); row_count.div_ceil(64)];
        for &row in rows {
            blocks[row as usize / 64].used |= 1 << (row % 64);
        }
        let mut before = 0;
        for block in &mut blocks {
            block.before = before;
            before += block.used.count_ones();
        }
        Weights {
            classes,
            mask: row_count - 1,
            blocks,
            packed,
        }
    }

    pub fn from_dense(dense: &Dense) -> Self {
        let classes = dense.classes;
        let mut rows = Vec::new();
        let mut packed = Vec::new();
        for (row, values) in dense.values.chunks_exact(classes).enumerate() {
            if values.iter().any(|v| *v != 0.0) {
                packed.extend(values.iter().map(|v| (v.to_bits() >> 16) as u16));
                rows.push(row as u32);
            }
        }
        Weights::from_rows(classes, dense.mask + 1, &rows, packed)
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The place of `row` among the used rows, or [`UNUSED`].
    #[inline]
    fn slot(&self, row: usize) -> u32 {
        let (place, present) = place(&self.blocks, row);
        // Branch-free: whether a feature was seen in training is unpredictable.
        place | present.wrapping_sub(1)
    }

    /// The used rows' numbers, in order.
    fn used_rows(&self) -> impl Iterator<Item = u32> + '_ {
        self.blocks.iter().enumerate().flat_map(|(b, block)| {
            (0..64u32)
                .filter(move |k| block.used & (1 << k) != 0)
                .map(move |k| b as u32 * 64 + k)
        })
    }

    /// Two tables of the same rows side by side: `left`'s classes, then `right`'s.
    pub fn stack(left: &Weights, right: &Weights) -> Weights {
        assert_eq!(
            left.mask, right.mask,
            "stacked tables must have the same rows"
        );
        let classes = left.classes + right.classes;
        let mut rows = Vec::new();
        let mut packed = Vec::new();
        let row_of = |w: &Weights, row: usize| -> Vec<u16> {
            match w.slot(row) as usize {
                slot if slot == UNUSED as usize => vec![0; w.classes],
                slot => w.packed[slot * w.classes..(slot + 1) * w.classes].to_vec(),
            }
        };
        for row in 0..=left.mask {
            if left.slot(row) != UNUSED || right.slot(row) != UNUSED {
                packed.extend(row_of(left, row));
                packed.extend(row_of(right, row));
                rows.push(row as u32);
            }
        }
        Weights::from_rows(classes, left.mask + 1, &rows, packed)
    }

    /// Adds the weights of every feature to `scores` (one per class).
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        let classes = self.classes;
        self.for_each_row(features, 0..classes, |row| {
            for (score, w) in scores.iter_mut().zip(row) {
                *score += bfloat16(*w);
            }
        });
    }

    /// Adds the weights of every feature for classes
    /// `first..first + scores.len()` to `scores`: for a model that holds two
    /// passes' classes side by side and features that only one pass reads.
    #[inline]
    pub fn add_columns(&self, features: &[u64], first: usize, scores: &mut [f32]) {
        let end = first + scores.len();
        assert!(end <= self.classes, "columns within the row");
        // The tagger's and the recogniser's widths (one pass's classes or
        // both passes'), so their sums stay in registers.
        match scores.len() {
            13 => self.add_fixed::<13>(features, first, scores),
            17 => self.add_fixed::<17>(features, first, scores),
            26 => self.add_fixed::<26>(features, first, scores),
            34 => self.add_fixed::<34>(features, first, scores),
            _ => self.for_each_row(features, first..end, |row| {
                for (score, w) in scores.iter_mut().zip(row) {
                    *score += bfloat16(*w);
                }
            }),
        }
    }

    /// [`Weights::add_columns`] for `N` columns, summed in a local array
    /// the compiler keeps in registers; each class still adds its weights
    /// feature by feature in order, so every sum is the same float.
    #[inline]
    fn add_fixed<const N: usize>(&self, features: &[u64], first: usize, scores: &mut [f32]) {
        let start: [f32; N] = scores.try_into().expect("N scores");
        // The sums are the closure's own, so they can stay in registers.
        let sums = crate::simd::wide(
            #[inline(always)]
            || {
                let mut sums = start;
                self.for_each_row(features, first..first + N, |row| {
                    let row: &[u16; N] = row.try_into().expect("N columns");
                    for (sum, w) in sums.iter_mut().zip(row) {
                        *sum += bfloat16(*w);
                    }
                });
                sums
            },
        );
        scores.copy_from_slice(&sums);
    }

    /// Calls `add` with columns `columns` of the row of every feature seen
    /// in training, in order. The slots are all looked up first, then every
    /// row is touched, then added: independent loads the processor overlaps,
    /// where adding as it goes would leave room for only a few misses in
    /// flight.
    #[inline]
    fn for_each_row(&self, features: &[u64], columns: Range<usize>, mut add: impl FnMut(&[u16])) {
        const BATCH: usize = 64;
        let mut slots = [0u32; BATCH];
        let last = columns.end.saturating_sub(1).max(columns.start);
        for chunk in features.chunks(BATCH) {
            for (slot, &f) in slots.iter_mut().zip(chunk) {
                *slot = self.slot(f as usize & self.mask);
            }
            if !self.packed.is_empty() {
                let mut touched = 0;
                for &slot in &slots[..chunk.len()] {
                    // Unused rows touch row 0, without a branch.
                    let start = if slot == UNUSED { 0 } else { slot as usize } * self.classes;
                    touched ^= self.packed[start + columns.start] ^ self.packed[start + last];
                }
                std::hint::black_box(touched);
            }
            for &slot in &slots[..chunk.len()] {
                if slot == UNUSED {
                    continue;
                }
                let start = slot as usize * self.classes;
                add(&self.packed[start + columns.start..start + columns.end]);
            }
        }
    }

    /// Finds the rows of `features` (their slots, into `slots`) and starts
    /// loading them without waiting (see [`crate::prefetch`]): for the
    /// next token's features, before this token's rows are added with
    /// [`Weights::add_rows`].
    #[inline]
    pub fn prefetch(&self, features: &[u64], slots: &mut Vec<u32>) {
        self.prefetch_columns(features, 0..self.classes, slots);
    }

    /// [`Weights::prefetch`] of the rows' columns `columns` alone. Kept out
    /// of its callers, whose size would leave the loop short of registers.
    #[inline(never)]
    pub fn prefetch_columns(&self, features: &[u64], columns: Range<usize>, slots: &mut Vec<u32>) {
        slots.clear();
        if self.packed.is_empty() || columns.is_empty() {
            slots.resize(features.len(), UNUSED);
            return;
        }
        let (first, last) = (columns.start, columns.end - 1);
        // Copies, not borrows of `self`, so they stay in registers while
        // `slots` is written.
        let (mask, classes) = (self.mask, self.classes);
        let (blocks, packed) = (self.blocks.as_slice(), self.packed.as_slice());
        slots.extend(features.iter().map(move |&f| {
            let (place, present) = place(blocks, f as usize & mask);
            // An unused row asks for the used row after its place: no
            // branch, and no harm.
            let start = place as usize * classes;
            crate::prefetch::element(packed, start + first);
            crate::prefetch::element(packed, start + last);
            place | present.wrapping_sub(1)
        }));
    }

    /// Adds the whole rows of `slots` (from [`Weights::prefetch`]) to
    /// `scores`, in order: the same sums as [`Weights::add_columns`] over
    /// all columns.
    #[inline]
    pub fn add_rows(&self, slots: &[u32], scores: &mut [f32]) {
        assert_eq!(scores.len(), self.classes, "a score per class");
        self.add_row_columns(slots, 0, scores);
    }

    /// Adds columns `first..first + scores.len()` of the rows of `slots`
    /// to `scores`, in order: the same sums as [`Weights::add_columns`].
    #[inline]
    pub fn add_row_columns(&self, slots: &[u32], first: usize, scores: &mut [f32]) {
        assert!(
            first + scores.len() <= self.classes,
            "columns within the row"
        );
        match scores.len() {
            17 => self.add_rows_fixed::<17>(slots, first, scores),
            26 => self.add_rows_fixed::<26>(slots, first, scores),
            34 => self.add_rows_fixed::<34>(slots, first, scores),
            n => {
                for &slot in slots.iter().filter(|s| **s != UNUSED) {
                    let start = slot as usize * self.classes + first;
                    let row = &self.packed[start..start + n];
                    for (score, w) in scores.iter_mut().zip(row) {
                        *score += bfloat16(*w);
                    }
                }
            }
        }
    }

    #[inline]
    fn add_rows_fixed<const N: usize>(&self, slots: &[u32], first: usize, scores: &mut [f32]) {
        let start: [f32; N] = scores.try_into().expect("N scores");
        let (packed, classes) = (self.packed.as_slice(), self.classes);
        let sums = crate::simd::wide(
            #[inline(always)]
            move || {
                let mut sums = start;
                for &slot in slots {
                    if slot == UNUSED {
                        continue;
                    }
                    let start = slot as usize * classes + first;
                    let row: &[u16; N] = packed[start..start + N].try_into().expect("N columns");
                    for (sum, w) in sums.iter_mut().zip(row) {
                        *sum += bfloat16(*w);
                    }
                }
                sums
            },
        );
        scores.copy_from_slice(&sums);
    }

    /// Header, then the used rows' numbers, then their weights as bfloat16.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&((self.mask + 1).trailing_zeros()).to_le_bytes());
        let used: Vec<u32> = self.used_rows().collect();
        out.extend_from_slice(&(used.len() as u32).to_le_bytes());
        for row in &used {
            out.extend_from_slice(&row.to_le_bytes());
        }
        for v in &self.packed {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    pub fn read(reader: &mut Reader<'_>) -> Result<Self> {
        let classes = reader.u32()? as usize;
        let bits = reader.u32()?;
        if classes == 0 || classes > 64 || bits > 26 {
            return Err(reader.error("bad weight table header"));
        }
        let rows = 1usize << bits;
        let used = reader.u32()? as usize;
        if used > rows || used * (4 + 2 * classes) > reader.bytes.len() {
            return Err(reader.error("truncated weight table"));
        }
        let mut numbers = Vec::with_capacity(used);
        for _ in 0..used {
            let row = reader.u32()?;
            if row as usize >= rows || numbers.last().is_some_and(|&last| last >= row) {
                return Err(reader.error("weight rows out of range or order"));
            }
            numbers.push(row);
        }
        let bytes = reader.take(used * classes * 2)?;
        let packed = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Weights::from_rows(classes, rows, &numbers, packed))
    }
}

/// Weights are stored as bfloat16, half the bytes, with no loss that changes
/// predictions; trained weights are rounded to it so a saved model predicts
/// exactly as the one in memory.
fn round_to_bfloat16(value: f32) -> f32 {
    let bits = value.to_bits();
    let rounded = bits.wrapping_add(0x7FFF + ((bits >> 16) & 1)) & 0xFFFF_0000;
    f32::from_bits(rounded)
}

#[inline(always)]
fn bfloat16(bits: u16) -> f32 {
    f32::from_bits(u32::from(bits) << 16)
}

/// Training state: current weights plus the running sums that averaging needs
/// (the "w - u/c" form, so nothing is touched per step).
pub struct Trainer {
    weights: Dense,
    updates: Vec<f64>,
    step: u64,
}

impl Trainer {
    pub fn new(row_bits: u32, classes: usize) -> Self {
        let weights = Dense::new(row_bits, classes);
        let updates = vec![0.0; weights.values.len()];
        Trainer {
            weights,
            updates,
            step: 1,
        }
    }

    pub fn weights(&self) -> &Dense {
        &self.weights
    }

    /// Counts one training example; averaging weighs weights by examples.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    pub fn update(&mut self, features: &[u64], class: usize, delta: f32) {
        for &f in features {
            let index = self.weights.row(f) + class;
            self.weights.values[index] += delta;
            self.updates[index] += self.step as f64 * f64::from(delta);
        }
    }

    /// The averaged weights in full precision, for [`Dense::mean`].
    pub fn average_dense(&self) -> Dense {
        let step = self.step as f64;
        let mut weights = self.weights.clone();
        for (w, u) in weights.values.iter_mut().zip(&self.updates) {
            *w = (f64::from(*w) - u / step) as f32;
        }
        weights
    }

    /// The averaged weights.
    pub fn average(&self) -> Weights {
        let step = self.step as f64;
        let mut weights = self.weights.clone();
        for (w, u) in weights.values.iter_mut().zip(&self.updates) {
            *w = round_to_bfloat16((f64::from(*w) - u / step) as f32);
        }
        Weights::from_dense(&weights)
    }
}

/// A cursor over a model's bytes that names the model in its errors.
pub struct Reader<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn error(&self, message: &str) -> Error {
        Error::Model {
            name: self.name.to_string(),
            message: message.to_string(),
        }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.bytes.len() < n {
            return Err(self.error("truncated model data"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    pub fn expect_magic(&mut self, magic: &[u8]) -> Result<()> {
        if self.take(magic.len())? != magic {
            return Err(self.error("not a textkg model of this kind or version"));
        }
        Ok(())
    }
}

/// A small deterministic generator (SplitMix64) for shuffling.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_weights_round_trip_through_bytes() {
        let mut trainer = Trainer::new(4, 3);
        trainer.update(&[feature(1, 7)], 2, 1.0);
        trainer.tick();
        trainer.update(&[feature(1, 7)], 0, -1.0);
        trainer.tick();
        let weights = trainer.average();
        let mut scores = [0.0; 3];
        weights.add_scores(&[feature(1, 7)], &mut scores);
        assert!(scores[2] > 0.0 && scores[0] < 0.0);
        let mut bytes = Vec::new();
        weights.write(&mut bytes);
        let mut reader = Reader {
            name: "t",
            bytes: &bytes,
        };
        assert_eq!(Weights::read(&mut reader).unwrap(), weights);
    }
}
