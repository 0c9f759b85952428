//! `models/manifest.json`: for every model file, the xxh3 hashes of the
//! lexicon files and corpus files it was trained with, and of the model file
//! itself. `textkg train` writes an entry for each model it writes; a test
//! compares the manifest with the tree, so a lexicon edit the models never
//! saw fails the tests instead of shipping quietly.
//!
//! A lexicon file is hashed over the entries its loader reads (comments and
//! blank lines left out), so a comment needs no retraining; a corpus file
//! and a model file are hashed byte for byte.

use crate::error::{Error, Result};
use crate::lexicon;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "manifest.json";

/// Corpus files, as paths under the data folder (`../shared/data`).
pub const EWT_TRAIN: &str = "ud-english-ewt/en_ewt-ud-train.conllu";
pub const UNER_TRAIN: &str = "uner-english-ewt/en_ewt-ud-train.iob2";
pub const REDOCRED_TRAIN: &str = "redocred/train.json";
pub const REDOCRED_RELATIONS: &str = "redocred/rel_info.json";
pub const VECTOR_WORDS: &str = "explosion-vectors/words.tsv";
pub const VECTOR_ROWS: &str = "explosion-vectors/vectors.f32";
pub const GEONAMES_COUNTRIES: &str = "geonames/countries.tsv";
pub const GEONAMES_CITIES: &str = "geonames/cities.tsv";
pub const GEONAMES_STATES: &str = "geonames/us_states.tsv";

/// The lexicon files a model's training read.
#[derive(Debug, Clone, Copy)]
pub enum LexiconFiles {
    /// Only these, as features.
    Only(&'static [&'static str]),
    /// Every file: the model learns from the whole pipeline's output.
    All,
}

/// What one model file is trained from. Adding a model is one entry in
/// [`MODELS`].
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    pub file: &'static str,
    pub lexicon: LexiconFiles,
    pub data: &'static [&'static str],
}

impl Inputs {
    pub fn lexicon_files(&self) -> Vec<&'static str> {
        match self.lexicon {
            LexiconFiles::Only(files) => files.to_vec(),
            LexiconFiles::All => lexicon::FILES.iter().map(|(name, _)| *name).collect(),
        }
    }
}

pub const MODELS: [Inputs; 6] = [
    // The tagger reads a word's own orthographic flags, no gazetteer bit.
    Inputs {
        file: super::TAGGER_FILE,
        lexicon: LexiconFiles::Only(&[]),
        data: &[EWT_TRAIN],
    },
    // UNER texts are rebuilt with EWT's paragraph breaks and tagged by
    // taggers trained on EWT train.
    Inputs {
        file: super::RECOGNIZER_FILE,
        lexicon: LexiconFiles::Only(&super::features::LEXICON_FILES),
        data: &[
            EWT_TRAIN,
            UNER_TRAIN,
            REDOCRED_TRAIN,
            VECTOR_ROWS,
            VECTOR_WORDS,
            GEONAMES_COUNTRIES,
            GEONAMES_CITIES,
            GEONAMES_STATES,
        ],
    },
    Inputs {
        file: super::places::FILE,
        lexicon: LexiconFiles::Only(&[]),
        data: &[GEONAMES_COUNTRIES, GEONAMES_CITIES, GEONAMES_STATES],
    },
    // Trained on the pipeline's reading of Re-DocRED, through recognisers
    // retrained per fold on UNER and Re-DocRED.
    Inputs {
        file: crate::relations::typed::MODEL_FILE,
        lexicon: LexiconFiles::All,
        data: &[
            EWT_TRAIN,
            UNER_TRAIN,
            REDOCRED_TRAIN,
            REDOCRED_RELATIONS,
            VECTOR_ROWS,
            VECTOR_WORDS,
            GEONAMES_COUNTRIES,
            GEONAMES_CITIES,
            GEONAMES_STATES,
        ],
    },
    Inputs {
        file: super::clusters::FILE,
        lexicon: LexiconFiles::Only(&[]),
        data: &[VECTOR_ROWS, VECTOR_WORDS],
    },
    // The parser reads words, affixes, shapes and tags (no gazetteer bit)
    // and the word clusters.
    Inputs {
        file: super::parser::FILE,
        lexicon: LexiconFiles::Only(&[]),
        data: &[EWT_TRAIN, VECTOR_ROWS, VECTOR_WORDS],
    },
];

/// The inputs of the model written to `file`, if it is one of [`MODELS`].
pub fn inputs(file: &str) -> Option<&'static Inputs> {
    MODELS.iter().find(|m| m.file == file)
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub models: BTreeMap<String, Entry>,
}

/// Hashes as 16 hexadecimal digits of xxh3-64.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The model file itself.
    pub xxh3: String,
    /// Lexicon file name (in `src/lexicon/`) → hash of its entries.
    pub lexicon: BTreeMap<String, String>,
    /// Path under the data folder → hash of the file.
    pub data: BTreeMap<String, String>,
}

fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}

/// The hash of a lexicon file's text over the lines its loader reads.
fn entries_hash(text: &str) -> u64 {
    let mut entries = String::new();
    for line in lexicon::entry_lines(text) {
        entries.push_str(line);
        entries.push('\n');
    }
    xxhash_rust::xxh3::xxh3_64(entries.as_bytes())
}

/// The hash of a lexicon file's entries, as built into this binary.
pub fn lexicon_hash(name: &str) -> Option<String> {
    let (_, text) = lexicon::FILES.iter().find(|(file, _)| *file == name)?;
    Some(hex(entries_hash(text)))
}

fn file_hash(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(hex(xxhash_rust::xxh3::xxh3_64(&bytes)))
}

/// The entry for a model file in `models` as the tree and `data` are now.
pub fn entry(inputs: &Inputs, models: &Path, data: &Path) -> Result<Entry> {
    let lexicon = inputs
        .lexicon_files()
        .into_iter()
        .map(|name| {
            let hash = lexicon_hash(name).ok_or_else(|| Error::Model {
                name: inputs.file.to_string(),
                message: format!("no lexicon file {name}"),
            })?;
            Ok((name.to_string(), hash))
        })
        .collect::<Result<_>>()?;
    let data = inputs
        .data
        .iter()
        .map(|path| Ok((path.to_string(), file_hash(&data.join(path))?)))
        .collect::<Result<_>>()?;
    Ok(Entry {
        xxh3: file_hash(&models.join(inputs.file))?,
        lexicon,
        data,
    })
}

/// Every model's entry as the tree and `data` are now.
pub fn current(models: &Path, data: &Path) -> Result<Manifest> {
    let models_entries = MODELS
        .iter()
        .map(|inputs| Ok((inputs.file.to_string(), entry(inputs, models, data)?)))
        .collect::<Result<_>>()?;
    Ok(Manifest {
        models: models_entries,
    })
}

pub fn read(models: &Path) -> Result<Manifest> {
    let path = models.join(FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    serde_json::from_str(&text).map_err(|e| Error::BadInput {
        path,
        message: e.to_string(),
    })
}

/// Records the entries of the model files just written in `models`,
/// keeping the other models' entries as they were.
pub fn record(models: &Path, data: &Path, written: &[&str]) -> Result<()> {
    let mut manifest = match read(models) {
        Ok(manifest) => manifest,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Manifest::default()
        }
        Err(e) => return Err(e),
    };
    for file in written {
        let inputs = inputs(file).ok_or_else(|| Error::Model {
            name: file.to_string(),
            message: "not a model of model::manifest::MODELS".into(),
        })?;
        manifest
            .models
            .insert(file.to_string(), entry(inputs, models, data)?);
    }
    let path = models.join(FILE);
    let mut json = serde_json::to_string_pretty(&manifest).expect("a manifest serialises");
    json.push('\n');
    std::fs::write(&path, json).map_err(|e| Error::io(&path, e))
}

/// What differs between the manifest and the tree, one line per file, each
/// saying which file changed under which model.
pub fn differences(recorded: &Manifest, current: &Manifest) -> Vec<String> {
    let mut out = Vec::new();
    for (model, now) in &current.models {
        let Some(then) = recorded.models.get(model) else {
            out.push(format!(
                "models/{model} has no entry in models/{FILE}: run textkg train"
            ));
            continue;
        };
        if then.xxh3 != now.xxh3 {
            out.push(format!(
                "models/{model} is not the file textkg train recorded: run textkg train"
            ));
        }
        let changed =
            |kind: &str, then: &BTreeMap<String, String>, now: &BTreeMap<String, String>| {
                let names: std::collections::BTreeSet<&String> =
                    then.keys().chain(now.keys()).collect();
                names
                    .into_iter()
                    .filter(|name| then.get(*name) != now.get(*name))
                    .map(|name| {
                        let what = match (then.contains_key(name), now.contains_key(name)) {
                            (true, true) => "changed since it was trained",
                            (false, _) => "read now but not when it was trained",
                            (_, false) => "no longer read",
                        };
                        format!("{kind}{name} ({what} by models/{model}): run textkg train")
                    })
                    .collect::<Vec<_>>()
            };
        out.extend(changed("src/lexicon/", &then.lexicon, &now.lexicon));
        out.extend(changed("../shared/data/", &then.data, &now.data));
    }
    for model in recorded.models.keys() {
        if !current.models.contains_key(model) {
            out.push(format!(
                "models/{FILE} lists {model}, which is no model of model::manifest::MODELS"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(titles: &str) -> Manifest {
        let entry = Entry {
            xxh3: "1".into(),
            lexicon: [("titles.txt".to_string(), titles.to_string())].into(),
            data: [(EWT_TRAIN.to_string(), "2".to_string())].into(),
        };
        Manifest {
            models: [("recognizer.bin.zst".to_string(), entry)].into(),
        }
    }

    #[test]
    fn a_changed_lexicon_file_is_named_with_its_model() {
        assert!(differences(&manifest("a"), &manifest("a")).is_empty());
        let found = differences(&manifest("a"), &manifest("b"));
        assert_eq!(
            found,
            [
                "src/lexicon/titles.txt (changed since it was trained by models/recognizer.bin.zst): run textkg train"
            ]
        );
        let unrecorded = differences(&Manifest::default(), &manifest("a"));
        assert_eq!(unrecorded.len(), 1);
        assert!(unrecorded[0].contains("no entry"), "{unrecorded:?}");
    }

    #[test]
    fn a_comment_in_a_lexicon_file_changes_no_hash() {
        let hash = entries_hash;
        assert_eq!(hash("# one\nMr\n\nDr\n"), hash("# another\nMr\n  Dr\n"));
        assert_ne!(hash("Mr\nDr\n"), hash("Mr\nDrs\n"));
    }

    #[test]
    fn every_lexicon_file_a_model_names_exists() {
        for inputs in &MODELS {
            for name in inputs.lexicon_files() {
                assert!(lexicon_hash(name).is_some(), "{}: {name}", inputs.file);
            }
        }
    }
}
