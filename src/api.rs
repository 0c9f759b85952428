//! `textkg build` and `textkg merge` as library calls, for front ends other
//! than the command line (the Python package in `python/`). Settings are
//! checked with the command line's messages, and a graph built here is the
//! one `textkg build` writes for the same documents, byte for byte.

use crate::entities::AliasRules;
use crate::error::{Error, Result};
use crate::export::{self, Format, Writer};
use crate::graph::{GraphData, KnowledgeGraph, TypeFilter};
use crate::input::{self, InputDocument};
use crate::pipeline::{self, Pipeline};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The settings of `textkg build`, checked, with the pipeline they make.
pub struct Builder {
    pub types: TypeFilter,
    pub pipeline: Pipeline,
    pool: Option<rayon::ThreadPool>,
}

impl Builder {
    /// `types`, `min_confidence`, `co_mentions`, `aliases` and `threads` as
    /// the flags of the same names take them; `threads: None` runs on
    /// rayon's global pool (all cores).
    pub fn new(
        types: &str,
        min_confidence: Option<f32>,
        co_mentions: bool,
        aliases: Option<&Path>,
        threads: Option<usize>,
    ) -> Result<Self> {
        let types = crate::cli::parse_types(types)?;
        let min_confidence = pipeline::checked_min_confidence(min_confidence)?;
        let aliases = match aliases {
            Some(path) => read_alias_rules(path)?,
            None => AliasRules::default(),
        };
        let pool = match threads {
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| Error::Usage(format!("--threads: {e}")))?,
            ),
            None => None,
        };
        Ok(Builder {
            types,
            pipeline: Pipeline::new(pipeline::Options {
                co_mentions,
                aliases,
                min_confidence,
                parse: false,
                tree_reader: false,
            }),
            pool,
        })
    }

    /// One graph per document, in input order, documents annotated in parallel.
    pub fn graphs(&self, documents: &[InputDocument]) -> Vec<KnowledgeGraph> {
        let run = || {
            documents
                .par_iter()
                .map(|d| {
                    let doc = self.pipeline.annotate(&d.id, &d.text);
                    KnowledgeGraph::from_document(&doc, &d.source, &self.types)
                })
                .collect()
        };
        match &self.pool {
            Some(pool) => pool.install(run),
            None => run(),
        }
    }

    /// Merges graphs as `textkg build` merges its documents' graphs.
    pub fn merge(&self, graphs: Vec<KnowledgeGraph>) -> KnowledgeGraph {
        KnowledgeGraph::merge_with(graphs, &self.pipeline.options.aliases)
    }
}

/// Reads an alias file (`--aliases`, docs/aliases.md).
pub fn read_alias_rules(path: &Path) -> Result<AliasRules> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = input::decode(path, bytes)?;
    AliasRules::parse(&text).map_err(|(line, message)| Error::BadLine {
        path: path.to_path_buf(),
        line,
        message,
    })
}

pub use crate::input::JsonlReader;

/// Reads a JSON graph (`textkg build --format json`) that came from `name`.
pub fn read_graph(name: &str, text: &str) -> Result<KnowledgeGraph> {
    let data: GraphData = serde_json::from_str(text).map_err(|e| Error::BadInput {
        path: PathBuf::from(name),
        message: format!("not a textkg JSON graph: {e}"),
    })?;
    Ok(KnowledgeGraph::from_data(data))
}

/// The format of a `--format` name.
pub fn format(name: &str) -> Result<Format> {
    clap::ValueEnum::from_str(name, false).map_err(|_| {
        Error::Usage(format!(
            "--format: unknown format {name:?} (expected {})",
            format_names().join(", ")
        ))
    })
}

/// Every `--format` name, in the order `--help` lists them.
pub fn format_names() -> Vec<&'static str> {
    <Format as clap::ValueEnum>::value_variants()
        .iter()
        .map(|f| f.name())
        .collect()
}

/// `graph` in `format`, in memory: one stream, or each file of a
/// directory format with its name.
pub fn export_bytes(
    graph: &KnowledgeGraph,
    format: Format,
    options: &export::Options,
) -> Result<Vec<(String, Vec<u8>)>> {
    match format.writer(options) {
        Writer::File(_) => {
            let mut out = Vec::new();
            export::export(graph, format, options, &mut out)?;
            Ok(vec![(String::new(), out)])
        }
        Writer::Directory(exporter) => exporter
            .files()
            .iter()
            .map(|name| {
                let mut out = Vec::new();
                exporter
                    .write_file(graph, name, &mut out)
                    .map_err(|e| Error::io(*name, e))?;
                Ok((name.to_string(), out))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_lines_read_as_the_command_line_reads_them() {
        let mut reader = JsonlReader::default();
        let doc = reader
            .line(
                "in.jsonl",
                1,
                "\u{feff}{\"id\": \"7\", \"text\": \"Oslo.\"}\r\n",
            )
            .unwrap()
            .unwrap();
        assert_eq!(
            (doc.id.as_str(), doc.source.as_str(), doc.text.as_str()),
            ("7", "in.jsonl:1", "Oslo.")
        );
        assert!(reader.line("in.jsonl", 2, "  \n").unwrap().is_none());
        let numeric = reader.line("in.jsonl", 3, "{\"id\": 8, \"text\": \"x\"}");
        assert_eq!(
            numeric.unwrap_err().to_string(),
            "in.jsonl: line 3: id must be a string (write \"8\"), not 8"
        );
        let again = reader.line("in.jsonl", 4, "{\"id\": \"7\", \"text\": \"x\"}");
        assert_eq!(
            again.unwrap_err().to_string(),
            "in.jsonl: line 4: id \"7\" is already the id of line 1; ids must be unique"
        );
    }

    #[test]
    fn settings_are_refused_with_the_flags_messages() {
        let err = Builder::new("PERSON,PLANET", Some(0.7), false, None, None)
            .err()
            .unwrap();
        assert!(
            err.to_string()
                .starts_with("--types: unknown entity type \"PLANET\"")
        );
        let err = Builder::new("all", Some(1.5), false, None, None)
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "--min-confidence must lie in [0, 1], not 1.5"
        );
        assert!(
            format("yaml")
                .unwrap_err()
                .to_string()
                .contains("neo4j-csv")
        );
        assert_eq!(format("neo4j-csv").unwrap(), Format::Neo4jCsv);
    }
}
