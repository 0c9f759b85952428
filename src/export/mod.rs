//! Stage 7: the graph → bytes. One file per format, one trait for all.
//!
//! Exporters see only the [`KnowledgeGraph`], never a document, and write to
//! any `io::Write`, so output streams and the caller decides where it goes.
//! Formats made of several files ([`DirExporter`]) write each file in turn
//! into a directory that appears complete or not at all.

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

pub use dot::{Diagram, Dot, Isolated, Layout};
pub use json::Json;
pub use rdf::DEFAULT_BASE_IRI;
pub use render::Rendered;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
                    write_file_synced(&file, &shown, |out| exporter.write_file(graph, name, out))?;
                }
                Ok(())
            })
        }
    }
}

/// Writes one file per graph (one per document) into the directory `dir`,
/// each named after its document id made safe for a file name.
pub fn write_per_document(
    graphs: &[KnowledgeGraph],
    format: Format,
    options: &Options,
    dir: &Path,
) -> Result<()> {
    let Writer::File(exporter) = format.writer(options) else {
        return Err(directory_needs_path(format));
    };
    let names = per_document_names(graphs, format.extension());
    let files: Vec<&str> = names.iter().map(String::as_str).collect();
    write_directory_atomically(dir, &files, |temp| {
        for (graph, name) in graphs.iter().zip(&names) {
            let (file, shown) = (temp.join(name), dir.join(name));
            let mut bytes = Vec::new();
            exporter
                .write(graph, &mut bytes)
                .map_err(|e| render::classify(e, format, &shown))?;
            write_file_synced(&file, &shown, |out| out.write_all(&bytes))?;
        }
        Ok(())
    })
}

/// File names from document ids: `.txt`/`.md` dropped, anything but ASCII
/// letters, digits, `-`, `_` and `.` replaced by `_`, no leading dot, and a
/// `-2`, `-3`… suffix where two would meet (also when differing in case only).
fn per_document_names(graphs: &[KnowledgeGraph], extension: &str) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    graphs
        .iter()
        .map(|graph| {
            let id = graph.documents.first().map_or("", |d| d.id.as_str());
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
        })
        .collect()
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes to `path` atomically (a temporary file beside it, renamed into
/// place once complete), or to standard output when `path` is `None`.
pub fn write_atomically(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let Some(path) = path else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        write(&mut out)?;
        return match out.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|e| Error::io("<stdout>", e)),
        };
    };
    if path.is_dir() {
        return Err(Error::io(
            path,
            io::Error::other("is a directory, but this format writes one file"),
        ));
    }
    let temp = tempfile::Builder::new()
        .prefix(".textkg-")
        .tempfile_in(parent_dir(path))
        .map_err(|e| Error::io(path, e))?;
    let mut out = io::BufWriter::new(temp);
    write(&mut out)?;
    let temp = out
        .into_inner()
        .map_err(|e| Error::io(path, e.into_error()))?;
    set_permissions(temp.path(), path, 0o644)?;
    temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Temporary files and directories are private (0600, 0700); the output
/// takes the permissions of what it replaces, or `mode` when new.
fn set_permissions(temp: &Path, path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = match fs::metadata(path) {
            Ok(meta) => meta.permissions(),
            Err(_) => fs::Permissions::from_mode(mode),
        };
        fs::set_permissions(temp, permissions).map_err(|e| Error::io(path, e))?;
    }
    #[cfg(not(unix))]
    let _ = (temp, path, mode);
    Ok(())
}

fn write_file_synced(
    path: &Path,
    shown: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let file = fs::File::create(path).map_err(|e| Error::io(shown, e))?;
    let mut out = io::BufWriter::new(file);
    write(&mut out).map_err(|e| Error::io(shown, e))?;
    let file = out
        .into_inner()
        .map_err(|e| Error::io(shown, e.into_error()))?;
    file.sync_all().map_err(|e| Error::io(shown, e))
}

/// Whether `dir` holds nothing but files this format writes, so replacing
/// it loses nothing the user put there.
fn replaceable(dir: &Path, files: &[&str]) -> io::Result<bool> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let ours = entry.file_type()?.is_file()
            && entry
                .file_name()
                .to_str()
                .is_some_and(|n| files.contains(&n));
        if !ours {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Writes a directory atomically: its files go into a temporary directory
/// beside `path`, renamed into place once all are complete. An existing
/// directory is replaced only when it holds nothing but this format's files.
pub fn write_directory_atomically(
    path: &Path,
    files: &[&str],
    write: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    let old = match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            if !replaceable(path, files).map_err(|e| Error::io(path, e))? {
                return Err(Error::io(
                    path,
                    io::Error::other(format!(
                        "directory exists and holds files other than {}: remove it or choose another -o",
                        files.join(", ")
                    )),
                ));
            }
            true
        }
        Ok(_) => {
            return Err(Error::io(
                path,
                io::Error::other("exists and is not a directory; this format writes a directory"),
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error::io(path, e)),
    };
    let parent = parent_dir(path);
    let temp = tempfile::Builder::new()
        .prefix(".textkg-")
        .tempdir_in(parent)
        .map_err(|e| Error::io(path, e))?;
    write(temp.path())?;
    set_permissions(temp.path(), path, 0o755)?;
    let temp = temp.keep();
    let result = if old {
        swap_in(&temp, path)
    } else {
        fs::rename(&temp, path).map_err(|e| Error::io(path, e))
    };
    if result.is_err() {
        let _ = fs::remove_dir_all(&temp);
    }
    result?;
    if let Ok(dir) = fs::File::open(parent) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Moves the old directory aside, the new one into place, then deletes the old.
fn swap_in(new: &Path, path: &Path) -> Result<()> {
    let aside = tempfile::Builder::new()
        .prefix(".textkg-old-")
        .tempdir_in(parent_dir(path))
        .map_err(|e| Error::io(path, e))?
        .keep();
    let aside: PathBuf = aside.join("old");
    fs::rename(path, &aside).map_err(|e| Error::io(path, e))?;
    if let Err(e) = fs::rename(new, path) {
        let _ = fs::rename(&aside, path);
        return Err(Error::io(path, e));
    }
    if let Some(holder) = aside.parent() {
        let _ = fs::remove_dir_all(holder);
    }
    Ok(())
}
