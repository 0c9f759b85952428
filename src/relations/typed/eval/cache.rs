//! The cross-validation kept on disk (`--cache`).

use super::super::TypedModel;
use super::super::train::{CrossValidation, PipelineView, Point, TrainOptions, load_corpus};
use super::Corpus;
use crate::document::Document;
use crate::error::{Error, Result};
use std::path::Path;

fn write_points(points: &[Point]) -> Vec<u8> {
    let mut out = Vec::with_capacity(points.len() * 21);
    for p in points {
        out.extend_from_slice(&p.doc.to_le_bytes());
        out.extend_from_slice(&p.head.to_le_bytes());
        out.extend_from_slice(&p.tail.to_le_bytes());
        out.push(p.types);
        out.extend_from_slice(&p.property.to_le_bytes());
        out.push(p.fold);
        out.extend_from_slice(&p.score.to_le_bytes());
        out.push(u8::from(p.gold));
    }
    out
}

fn read_points(bytes: &[u8]) -> Vec<Point> {
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    bytes
        .chunks_exact(21)
        .map(|b| Point {
            doc: u32_at(b, 0),
            head: u32_at(b, 4),
            tail: u32_at(b, 8),
            types: b[12],
            property: u16::from_le_bytes([b[13], b[14]]),
            fold: b[15],
            score: f32::from_bits(u32_at(b, 16)),
            gold: b[20] != 0,
        })
        .collect()
}

pub(super) fn save(dir: &Path, corpus: &Corpus, cv: &CrossValidation) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
    };
    for (k, m) in cv.models.iter().enumerate() {
        write(&format!("model{k}.bin"), &m.to_bytes())?;
    }
    if let Some(view) = &corpus.pipeline {
        write(
            "docs.json",
            &serde_json::to_vec(&view.docs).expect("documents serialise"),
        )?;
    }
    write("pipeline_points.bin", &write_points(&cv.pipeline_points))?;
    write("points.bin", &write_points(&cv.points))
}

pub(super) fn load(
    dir: &Path,
    data: &Path,
    options: &TrainOptions,
) -> Result<(Corpus, CrossValidation)> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| Error::io(&path, e))
    };
    let mut corpus = load_corpus(
        data,
        &TrainOptions {
            pipeline_view: false,
            ..options.clone()
        },
    )?;
    if options.pipeline_view {
        let docs: Vec<Document> =
            serde_json::from_slice(&read("docs.json")?).map_err(|e| Error::Usage(e.to_string()))?;
        corpus.pipeline = Some(PipelineView {
            docs,
            pairs: Vec::new(),
            gold: Vec::new(),
            train_gold: Vec::new(),
            jackknifed: options.jackknife_recognizer,
        });
    }
    let models = (0..options.folds)
        .map(|k| TypedModel::from_bytes(&read(&format!("model{k}.bin"))?))
        .collect::<Result<Vec<_>>>()?;
    Ok((
        corpus,
        CrossValidation {
            models,
            points: read_points(&read("points.bin")?),
            pipeline_points: read_points(&read("pipeline_points.bin")?),
        },
    ))
}
