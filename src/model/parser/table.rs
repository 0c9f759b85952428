//! The transition weights: one row of three move weights per hashed
//! feature, addressed directly by the hash's low bits. A row is 8 bytes
//! (three bfloat16 and a pad), so one feature costs one load from one cache
//! line, where a sparse table would first look up the row's place.

use super::MOVES;
use crate::model::perceptron::Reader;

const CLASSES: usize = MOVES.len();

/// Trained transition weights, bfloat16, every row present.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MoveTable {
    mask: usize,
    rows: Vec<[u16; 4]>,
}

impl MoveTable {
    /// Adds the weights of every feature to `scores`.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; CLASSES]) {
        let (mut a, mut b, mut c) = (0f32, 0f32, 0f32);
        for &f in features {
            let row = self.rows[f as usize & self.mask];
            a += bfloat16(row[0]);
            b += bfloat16(row[1]);
            c += bfloat16(row[2]);
        }
        scores[0] += a;
        scores[1] += b;
        scores[2] += c;
    }

    /// The row bits, the number of rows with weights, their numbers, then
    /// their weights: zeros cost nothing in the file.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.mask + 1).trailing_zeros().to_le_bytes());
        let used: Vec<usize> = (0..self.rows.len())
            .filter(|&r| self.rows[r][..CLASSES].iter().any(|&w| w != 0))
            .collect();
        out.extend_from_slice(&(used.len() as u32).to_le_bytes());
        for &row in &used {
            out.extend_from_slice(&(row as u32).to_le_bytes());
        }
        for &row in &used {
            for w in &self.rows[row][..CLASSES] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    pub fn read(reader: &mut Reader<'_>) -> crate::error::Result<MoveTable> {
        let bits = reader.u32()?;
        if !(4..=26).contains(&bits) {
            return Err(reader.error("bad transition table size"));
        }
        let size = 1usize << bits;
        let used = reader.u32()? as usize;
        if used > size || used * (4 + 2 * CLASSES) > reader.bytes.len() {
            return Err(reader.error("truncated transition table"));
        }
        let mut numbers = Vec::with_capacity(used);
        for _ in 0..used {
            let row = reader.u32()? as usize;
            if row >= size || numbers.last().is_some_and(|&last| last >= row) {
                return Err(reader.error("transition rows out of range or order"));
            }
            numbers.push(row);
        }
        let weights = reader.take(used * CLASSES * 2)?;
        let mut rows = vec![[0u16; 4]; size];
        for (&row, bytes) in numbers.iter().zip(weights.chunks_exact(2 * CLASSES)) {
            for (k, w) in bytes.chunks_exact(2).enumerate() {
                rows[row][k] = u16::from_le_bytes([w[0], w[1]]);
            }
        }
        Ok(MoveTable {
            mask: size - 1,
            rows,
        })
    }
}

fn bfloat16(bits: u16) -> f32 {
    f32::from_bits(u32::from(bits) << 16)
}

/// Rounds to the nearest bfloat16, ties to even, as the other models'
/// weights are rounded: the saved table predicts as the one in memory.
fn to_bfloat16(value: f32) -> u16 {
    let bits = value.to_bits();
    (bits.wrapping_add(0x7FFF + ((bits >> 16) & 1)) >> 16) as u16
}

/// Transition weights being trained, with the running sums that averaging
/// needs (the "w - u/c" form of the averaged perceptron).
pub(crate) struct MoveTrainer {
    mask: usize,
    weights: Vec<[f32; CLASSES]>,
    updates: Vec<[f64; CLASSES]>,
    step: u64,
}

impl MoveTrainer {
    pub fn new(bits: u32) -> MoveTrainer {
        let size = 1usize << bits;
        MoveTrainer {
            mask: size - 1,
            weights: vec![[0.0; CLASSES]; size],
            updates: vec![[0.0; CLASSES]; size],
            step: 1,
        }
    }

    pub fn scores(&self, features: &[u64]) -> [f32; CLASSES] {
        let mut scores = [0f32; CLASSES];
        for &f in features {
            let row = &self.weights[f as usize & self.mask];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
        scores
    }

    pub fn update(&mut self, features: &[u64], class: usize, delta: f32) {
        for &f in features {
            let row = f as usize & self.mask;
            self.weights[row][class] += delta;
            self.updates[row][class] += self.step as f64 * f64::from(delta);
        }
    }

    /// Counts one training example; averaging weighs weights by examples.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The averaged weights in full precision.
    pub fn average(&self) -> Vec<[f32; CLASSES]> {
        let step = self.step as f64;
        self.weights
            .iter()
            .zip(&self.updates)
            .map(|(w, u)| std::array::from_fn(|k| (f64::from(w[k]) - u[k] / step) as f32))
            .collect()
    }

    /// The mean of several trainers' averaged weights, rounded to bfloat16:
    /// an ensemble that costs no more to run than one parser.
    pub fn mean(averages: &[Vec<[f32; CLASSES]>]) -> MoveTable {
        let size = averages[0].len();
        let count = averages.len() as f32;
        let rows = (0..size)
            .map(|r| {
                let mut row = [0u16; 4];
                for (k, w) in row.iter_mut().take(CLASSES).enumerate() {
                    let sum: f32 = averages.iter().map(|a| a[r][k]).sum();
                    *w = to_bfloat16(sum / count);
                }
                row
            })
            .collect();
        MoveTable {
            mask: size - 1,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_moves_round_trip_through_bytes() {
        let mut trainer = MoveTrainer::new(6);
        trainer.update(&[7, 9], 2, 1.0);
        trainer.tick();
        trainer.update(&[7], 0, -1.0);
        trainer.tick();
        let table = MoveTrainer::mean(&[trainer.average()]);
        let mut scores = [0f32; CLASSES];
        table.add_scores(&[7], &mut scores);
        assert!(scores[2] > 0.0 && scores[0] < 0.0, "{scores:?}");
        let mut bytes = Vec::new();
        table.write(&mut bytes);
        let read = MoveTable::read(&mut Reader {
            name: "t",
            bytes: &bytes,
        })
        .unwrap();
        assert_eq!(read, table);
    }
}
