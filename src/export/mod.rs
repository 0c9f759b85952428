//! Stage 7: the graph → bytes. One file per format, one trait for all.
//!
//! Exporters see only the [`KnowledgeGraph`], never a document, and write to
//! any `io::Write`, so output streams and the caller decides where it goes.
//! Formats made of several files ([`DirExporter`]) write each file in turn
//! into a directory that appears complete or not at all.

mod atomic;
mod csv;
mod cypher;
mod dot;
mod gexf;
mod graphml;
mod html;
pub mod json;
mod jsonld;
mod kuzu;
mod layout;
mod mermaid;
mod neo4j_csv;
mod ntriples;
mod props;
mod rdf;
mod render;
pub mod synthetic;
mod turtle;
mod xml;

pub use atomic::{
    Staged, StagedDirectory, StagedWriter, check_output, remove_temporaries, stage_directory,
    stage_file, stage_writer, write_atomically, write_directory_atomically,
};
pub use dot::{Diagram, Dot, Isolated, Layout};
pub use json::Json;
pub use rdf::DEFAULT_BASE_IRI;
pub use render::Rendered;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};
use std::path::Path;

/// Writes a graph in one format.
pub trait Exporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()>;
}

/// Writes a graph as several files of one directory.
pub trait DirExporter {
    /// The names of the files written, in order.
    fn files(&self) -> &'static [&'static str];
    /// Writes the file called `name`, one of [`DirExporter::files`].
    fn write_file(&self, graph: &KnowledgeGraph, name: &str, out: &mut dyn Write)
    -> io::Result<()>;
}

/// How a format is written: one stream, or a directory of files.
pub enum Writer {
    File(Box<dyn Exporter>),
    Directory(Box<dyn DirExporter>),
}

/// Settings some formats need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The IRI that RDF resource IRIs start with (`…entity/<id>`).
    pub base_iri: String,
    /// How DOT, SVG and PNG draw the graph.
    pub diagram: Diagram,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            base_iri: DEFAULT_BASE_IRI.to_string(),
            diagram: Diagram::default(),
        }
    }
}

impl Options {
    /// Options with a checked base IRI.
    pub fn new(base_iri: Option<&str>) -> Result<Self> {
        let base_iri = base_iri.unwrap_or(DEFAULT_BASE_IRI);
        rdf::check_base_iri(base_iri).map_err(|m| Error::Usage(format!("--base-iri: {m}")))?;
        Ok(Options {
            base_iri: base_iri.to_string(),
            diagram: Diagram::default(),
        })
    }
}

/// Every output format, with its name on the command line and its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Json,
    Dot,
    Svg,
    Png,
    Graphml,
    Gexf,
    Cypher,
    Kuzu,
    #[value(name = "neo4j-csv")]
    Neo4jCsv,
    Ntriples,
    Turtle,
    Jsonld,
    Mermaid,
    Csv,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cypher => "cypher",
            Format::Kuzu => "kuzu",
            Format::Neo4jCsv => "neo4j-csv",
            Format::Ntriples => "ntriples",
            Format::Turtle => "turtle",
            Format::Jsonld => "jsonld",
            Format::Mermaid => "mermaid",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The file extension; for a directory format, that of its files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Kuzu => "cypher",
            Format::Neo4jCsv => "csv",
            Format::Ntriples => "nt",
            Format::Turtle => "ttl",
            Format::Mermaid => "md",
            other => other.name(),
        }
    }

    /// The media type; for a directory format, that of its files.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Dot => "text/vnd.graphviz",
            Format::Svg => "image/svg+xml",
            Format::Png => "image/png",
            Format::Graphml => "application/graphml+xml",
            Format::Gexf => "application/gexf+xml",
            Format::Cypher | Format::Kuzu => "application/x-cypher-query",
            Format::Neo4jCsv | Format::Csv => "text/csv",
            Format::Ntriples => "application/n-triples",
            Format::Turtle => "text/turtle",
            Format::Jsonld => "application/ld+json",
            Format::Mermaid => "text/vnd.mermaid",
            Format::Html => "text/html",
        }
    }

    /// Whether a file of the format holds exactly one graph, so that
    /// `--per-doc` writes one file per document.
    pub fn holds_one_graph(self) -> bool {
        matches!(
            self,
            Format::Svg | Format::Png | Format::Graphml | Format::Gexf | Format::Html | Format::Dot
        )
    }

    /// Whether the format is a directory of files rather than one stream.
    pub fn is_directory(self) -> bool {
        matches!(self, Format::Neo4jCsv | Format::Csv)
    }

    pub fn writer(self, options: &Options) -> Writer {
        let base = options.base_iri.clone();
        match self {
            Format::Json => Writer::File(Box::new(Json)),
            Format::Dot => Writer::File(Box::new(Dot {
                diagram: options.diagram,
            })),
            Format::Svg => Writer::File(Box::new(Rendered::svg(options.diagram))),
            Format::Png => Writer::File(Box::new(Rendered::png(options.diagram))),
            Format::Graphml => Writer::File(Box::new(graphml::Graphml)),
            Format::Gexf => Writer::File(Box::new(gexf::Gexf)),
            Format::Cypher => Writer::File(Box::new(cypher::Cypher)),
            Format::Kuzu => Writer::File(Box::new(kuzu::Kuzu)),
            Format::Neo4jCsv => Writer::Directory(Box::new(neo4j_csv::Neo4jCsv)),
            Format::Ntriples => Writer::File(Box::new(ntriples::NTriples { base })),
            Format::Turtle => Writer::File(Box::new(turtle::Turtle { base })),
            Format::Jsonld => Writer::File(Box::new(jsonld::JsonLd { base })),
            Format::Mermaid => Writer::File(Box::new(mermaid::Mermaid)),
            Format::Csv => Writer::Directory(Box::new(csv::Csv)),
            Format::Html => Writer::File(Box::new(html::Html)),
        }
    }
}

/// The files a directory format writes; `None` for a single-stream format.
pub fn directory_files(format: Format) -> Option<&'static [&'static str]> {
    match format.writer(&Options::default()) {
        Writer::File(_) => None,
        Writer::Directory(exporter) => Some(exporter.files()),
    }
}

/// Refuses, before any work, what writing `format` to `path` cannot do:
/// a directory format to standard output, or an output path
/// [`check_output`] refuses.
pub fn check_destination(
    format: Format,
    path: Option<&Path>,
    inputs: &[std::path::PathBuf],
) -> Result<()> {
    let files = directory_files(format);
    match path {
        None if files.is_some() => Err(directory_needs_path(format)),
        None => Ok(()),
        Some(path) => check_output("-o", path, inputs, files),
    }
}

/// `-o DIR` of `--per-doc` for a format that holds one graph a file: a
/// directory, or a path that can become one. Whether an existing directory
/// may be replaced is checked with the documents' file names, when written.
pub fn check_per_document_destination(path: &Path, inputs: &[std::path::PathBuf]) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(Error::Usage(format!(
            "-o {}: exists and is not a directory; --per-doc writes one file per document into a directory",
            path.display()
        ))),
        Err(_) => check_output("-o", path, inputs, None),
    }
}

fn directory_needs_path(format: Format) -> Error {
    Error::Usage(format!(
        "--format {} writes a directory of files: name it with -o DIR",
        format.name()
    ))
}

/// Writes `graph` in a single-stream `format` to `out`.
pub fn export(
    graph: &KnowledgeGraph,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> Result<()> {
    match format.writer(options) {
        Writer::File(exporter) => exporter
            .write(graph, out)
            .map_err(|e| render::classify(e, format, Path::new("<output>"))),
        Writer::Directory(_) => Err(directory_needs_path(format)),
    }
}

/// Writes `graph` in `format` to `path` atomically, or to standard output
/// when `path` is `None` (refused for directory formats).
pub fn write_output(
    graph: &KnowledgeGraph,
    format: Format,
    options: &Options,
    path: Option<&Path>,
) -> Result<()> {
    match format.writer(options) {
        Writer::File(exporter) => write_atomically(path, |out| {
            exporter
                .write(graph, out)
                .map_err(|e| render::classify(e, format, path.unwrap_or(Path::new("<stdout>"))))
        }),
        Writer::Directory(exporter) => {
            let path = path.ok_or_else(|| directory_needs_path(format))?;
            write_directory_atomically(path, exporter.files(), |dir| {
                for name in exporter.files() {
                    // Errors name the file where it will be, not the temporary one.
                    let (file, shown) = (dir.join(name), path.join(name));
                    atomic::write_file_synced(&file, &shown, |out| {
                        exporter.write_file(graph, name, out)
                    })?;
                }
                Ok(())
            })
        }
    }
}

/// One graph in a single-stream `format`, in memory; per-document output
/// is rendered by the worker threads with this. Errors are classified by
/// [`PerDocumentFiles::write`] or [`classify_error`] once the file is known.
pub fn render(graph: &KnowledgeGraph, format: Format, options: &Options) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match format.writer(options) {
        Writer::File(exporter) => exporter.write(graph, &mut bytes)?,
        Writer::Directory(_) => {
            return Err(io::Error::other(format!(
                "--format {} writes a directory of files",
                format.name()
            )));
        }
    }
    Ok(bytes)
}

/// The error of writing `format` to `path`: a missing or failing Graphviz
/// named as such, anything else as an I/O error on `path`.
pub fn classify_error(error: io::Error, format: Format, path: &Path) -> Error {
    render::classify(error, format, path)
}

/// One file per document in the directory `-o` names, written as documents
/// come into a temporary directory beside it and put in place by
/// [`PerDocumentFiles::commit`]. Each file is named after its document id
/// made safe for a file name.
pub struct PerDocumentFiles {
    staged: StagedDirectory,
    dir: std::path::PathBuf,
    format: Format,
    names: Vec<String>,
    taken: std::collections::HashSet<String>,
}

impl PerDocumentFiles {
    pub fn new(dir: &Path, format: Format) -> Result<Self> {
        Ok(PerDocumentFiles {
            staged: stage_directory(dir)?,
            dir: dir.to_path_buf(),
            format,
            names: Vec::new(),
            taken: Default::default(),
        })
    }

    /// Writes the next document's file: `bytes` as [`render`] made them.
    pub fn write(&mut self, document_id: &str, bytes: io::Result<Vec<u8>>) -> Result<()> {
        let name = per_document_name(&mut self.taken, document_id, self.format.extension());
        let (file, shown) = (self.staged.path().join(&name), self.dir.join(&name));
        let bytes = bytes.map_err(|e| render::classify(e, self.format, &shown))?;
        atomic::write_file_synced(&file, &shown, |out| out.write_all(&bytes))?;
        self.names.push(name);
        Ok(())
    }

    /// Puts the directory in place; an existing one is replaced only when
    /// it holds nothing but files of these names.
    pub fn commit(self) -> Result<()> {
        let files: Vec<&str> = self.names.iter().map(String::as_str).collect();
        self.staged.commit(&files)
    }
}

/// A file name from a document id: `.txt`/`.md` dropped, anything but
/// ASCII letters, digits, `-`, `_` and `.` replaced by `_`, no leading dot,
/// and a `-2`, `-3`… suffix where two would meet (also when differing in
/// case only).
fn per_document_name(
    taken: &mut std::collections::HashSet<String>,
    id: &str,
    extension: &str,
) -> String {
    let stem = id
        .strip_suffix(".txt")
        .or_else(|| id.strip_suffix(".md"))
        .unwrap_or(id);
    let safe: String = stem
        .chars()
        .map(|c| match c {
            c if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') => c,
            _ => '_',
        })
        .collect();
    let safe = safe.trim_start_matches('.');
    let base = if safe.is_empty() { "document" } else { safe };
    let mut name = format!("{base}.{extension}");
    let mut n = 1;
    while !taken.insert(name.to_lowercase()) {
        n += 1;
        name = format!("{base}-{n}.{extension}");
    }
    name
}
