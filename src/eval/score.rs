//! Mention-level scoring: a predicted mention counts when its byte span and
//! type both equal a gold mention's (micro-averaged, per-type rows).

use crate::document::{EntityType, Span};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }

    pub fn gold(&self) -> usize {
        self.true_positives + self.false_negatives
    }

    pub fn prf(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        );
        let recall = ratio(self.true_positives, self.gold());
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

pub const CORE_TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
];

/// Counts per entity type, summed over any number of documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpanScores {
    pub per_type: BTreeMap<EntityType, Counts>,
}

impl SpanScores {
    /// Scores one document's predictions against its gold mentions
    /// (duplicates on either side count once).
    pub fn add_document(&mut self, gold: &[(Span, EntityType)], predicted: &[(Span, EntityType)]) {
        let mut gold: Vec<(Span, EntityType)> = gold.to_vec();
        gold.sort();
        gold.dedup();
        let mut predicted: Vec<(Span, EntityType)> = predicted.to_vec();
        predicted.sort();
        predicted.dedup();
        for ty in EntityType::ALL {
            let counts = self.per_type.entry(ty).or_default();
            let g: Vec<Span> = gold.iter().filter(|m| m.1 == ty).map(|m| m.0).collect();
            let p: Vec<Span> = predicted
                .iter()
                .filter(|m| m.1 == ty)
                .map(|m| m.0)
                .collect();
            let hits = p.iter().filter(|s| g.binary_search(s).is_ok()).count();
            counts.true_positives += hits;
            counts.false_positives += p.len() - hits;
            counts.false_negatives += g.len() - hits;
        }
    }

    pub fn merge(&mut self, other: &SpanScores) {
        for (ty, counts) in &other.per_type {
            self.per_type.entry(*ty).or_default().add(*counts);
        }
    }

    /// Micro-averaged counts over the given types.
    pub fn total(&self, types: &[EntityType]) -> Counts {
        let mut total = Counts::default();
        for ty in types {
            if let Some(c) = self.per_type.get(ty) {
                total.add(*c);
            }
        }
        total
    }

    /// Rows "label P R F1 gold" for core types, all types and each type.
    pub fn rows(&self) -> Vec<(String, Prf, usize)> {
        let mut rows = vec![
            (
                "core (PER/ORG/LOC)".to_string(),
                self.total(&CORE_TYPES).prf(),
                self.total(&CORE_TYPES).gold(),
            ),
            (
                "all types".to_string(),
                self.total(&EntityType::ALL).prf(),
                self.total(&EntityType::ALL).gold(),
            ),
        ];
        for (ty, counts) in &self.per_type {
            rows.push((ty.as_str().to_string(), counts.prf(), counts.gold()));
        }
        rows
    }
}

/// The mean of several folds' scores, row by row (each fold's P, R and F1
/// averaged separately).
pub fn mean_rows(folds: &[SpanScores]) -> Vec<(String, Prf, usize)> {
    let per_fold: Vec<Vec<(String, Prf, usize)>> = folds.iter().map(SpanScores::rows).collect();
    let Some(first) = per_fold.first() else {
        return Vec::new();
    };
    let n = per_fold.len() as f64;
    (0..first.len())
        .map(|row| {
            let mut mean = Prf::default();
            let mut gold = 0;
            for fold in &per_fold {
                mean.precision += fold[row].1.precision / n;
                mean.recall += fold[row].1.recall / n;
                mean.f1 += fold[row].1.f1 / n;
                gold += fold[row].2;
            }
            (first[row].0.clone(), mean, gold)
        })
        .collect()
}

/// A Markdown table of rows, figures in percent.
pub fn format_rows(title: &str, rows: &[(String, Prf, usize)]) -> String {
    let mut out = format!("| {title} | P | R | F1 | gold |\n|---|---:|---:|---:|---:|\n");
    for (label, prf, gold) in rows {
        out.push_str(&format!(
            "| {label} | {:.1} | {:.1} | {:.1} | {gold} |\n",
            prf.precision * 100.0,
            prf.recall * 100.0,
            prf.f1 * 100.0
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_type_count_as_hits() {
        let mut scores = SpanScores::default();
        let gold = [
            (Span::new(0, 5), EntityType::Person),
            (Span::new(10, 15), EntityType::Location),
        ];
        let predicted = [
            (Span::new(0, 5), EntityType::Person),
            (Span::new(10, 14), EntityType::Location),
            (Span::new(20, 24), EntityType::Date),
        ];
        scores.add_document(&gold, &predicted);
        let core = scores.total(&CORE_TYPES);
        assert_eq!(
            (
                core.true_positives,
                core.false_positives,
                core.false_negatives
            ),
            (1, 1, 1)
        );
        let all = scores.total(&EntityType::ALL).prf();
        assert!((all.precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((all.recall - 0.5).abs() < 1e-9);
    }
}
