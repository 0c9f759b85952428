//! The native half of the `textkg` Python package (`textkg/__init__.py` is
//! the other): `textkg build`, `textkg merge` and the exporters, taking and
//! giving graphs as the JSON text the command line writes. Every call runs
//! without the GIL; textkg's errors and any panic come out as `TextkgError`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use textkg::api;
use textkg::error::{Error, Result};
use textkg::export;
use textkg::graph::KnowledgeGraph;
use textkg::input::{self, InputDocument};

pyo3::create_exception!(
    textkg,
    TextkgError,
    PyValueError,
    "An error textkg reports, with the message the command line prints."
);

fn panic_message(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// Runs `work` with the GIL released.
fn detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> Result<T> + Send) -> PyResult<T> {
    match py.detach(|| catch_unwind(AssertUnwindSafe(work))) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(TextkgError::new_err(e.to_string())),
        Err(panic) => Err(TextkgError::new_err(format!(
            "internal error (a bug in textkg): {}",
            panic_message(panic.as_ref())
        ))),
    }
}

fn json_text(graph: &KnowledgeGraph) -> Result<String> {
    let mut out = Vec::new();
    export::export(
        graph,
        export::Format::Json,
        &export::Options::default(),
        &mut out,
    )?;
    String::from_utf8(out).map_err(|e| Error::Usage(format!("JSON output: {e}")))
}

fn documents(docs: Vec<(String, String, String)>) -> Vec<InputDocument> {
    docs.into_iter()
        .map(|(id, source, text)| InputDocument { id, source, text })
        .collect()
}

/// Builds graphs batch by batch as `textkg build` does: one graph per
/// document, merged when the build is finished.
#[pyclass(module = "textkg._native")]
struct Builder {
    inner: api::Builder,
    graphs: Vec<KnowledgeGraph>,
    jsonl: api::JsonlReader,
}

#[pymethods]
impl Builder {
    #[new]
    #[pyo3(signature = (types, min_confidence, co_mentions, aliases, threads))]
    fn new(
        py: Python<'_>,
        types: String,
        min_confidence: Option<f32>,
        co_mentions: bool,
        aliases: Option<PathBuf>,
        threads: Option<usize>,
    ) -> PyResult<Self> {
        let inner = detached(py, || {
            api::Builder::new(
                &types,
                min_confidence,
                co_mentions,
                aliases.as_deref(),
                threads,
            )
        })?;
        Ok(Builder {
            inner,
            graphs: Vec::new(),
            jsonl: api::JsonlReader::default(),
        })
    }

    /// Adds documents given as (id, source, text).
    fn add_documents(
        &mut self,
        py: Python<'_>,
        docs: Vec<(String, String, String)>,
    ) -> PyResult<()> {
        let (inner, graphs) = (&self.inner, &mut self.graphs);
        detached(py, || {
            graphs.extend(inner.graphs(&documents(docs)));
            Ok(())
        })
    }

    /// Adds the documents of JSON Lines called `name`, given as
    /// (line number, line); returns how many there were.
    fn add_jsonl_lines(
        &mut self,
        py: Python<'_>,
        name: String,
        lines: Vec<(usize, String)>,
    ) -> PyResult<usize> {
        let (inner, graphs, jsonl) = (&self.inner, &mut self.graphs, &mut self.jsonl);
        detached(py, || {
            let mut docs = Vec::with_capacity(lines.len());
            for (number, line) in &lines {
                docs.extend(jsonl.line(&name, *number, line)?);
            }
            graphs.extend(inner.graphs(&docs));
            Ok(docs.len())
        })
    }

    /// Hands out the graphs built so far, one JSON line each (`--per-doc`).
    fn take_each(&mut self, py: Python<'_>) -> PyResult<Vec<String>> {
        let graphs = std::mem::take(&mut self.graphs);
        detached(py, || {
            graphs
                .iter()
                .map(|graph| {
                    let mut out = Vec::new();
                    export::json::write_line(graph, &mut out)
                        .map_err(|e| Error::io("<output>", e))?;
                    String::from_utf8(out).map_err(|e| Error::Usage(format!("JSON output: {e}")))
                })
                .collect()
        })
    }

    /// Merges the graphs built so far into one, as JSON text.
    fn finish(&mut self, py: Python<'_>) -> PyResult<String> {
        let (inner, graphs) = (&self.inner, std::mem::take(&mut self.graphs));
        detached(py, || json_text(&inner.merge(graphs)))
    }
}

/// The documents of a JSON Lines file, as (id, source, text), read as
/// `textkg build --jsonl` reads them.
#[pyfunction]
fn read_jsonl(py: Python<'_>, path: PathBuf) -> PyResult<Vec<(String, String, String)>> {
    detached(py, || {
        Ok(input::read_jsonl(&path)?
            .into_iter()
            .map(|d| (d.id, d.source, d.text))
            .collect())
    })
}

/// Merges JSON graphs given as (name, text), as `textkg merge` does.
#[pyfunction]
#[pyo3(signature = (graphs, aliases=None))]
fn merge(
    py: Python<'_>,
    graphs: Vec<(String, String)>,
    aliases: Option<PathBuf>,
) -> PyResult<String> {
    detached(py, || {
        let rules = match &aliases {
            Some(path) => api::read_alias_rules(path)?,
            None => Default::default(),
        };
        let graphs = graphs
            .iter()
            .map(|(name, text)| api::read_graph(name, text))
            .collect::<Result<Vec<_>>>()?;
        json_text(&KnowledgeGraph::merge_with(graphs, &rules))
    })
}

enum Exported {
    Written,
    Stream(Vec<u8>),
    Files(Vec<(String, Vec<u8>)>),
}

/// Writes a JSON graph in a `--format`: to `path` as `-o` does (returns
/// None), else as bytes, or for a directory format a dict of file name to bytes.
#[pyfunction]
#[pyo3(name = "export", signature = (graph, name, format, base_iri=None, path=None))]
fn export_graph<'py>(
    py: Python<'py>,
    graph: String,
    name: String,
    format: String,
    base_iri: Option<String>,
    path: Option<PathBuf>,
) -> PyResult<Bound<'py, PyAny>> {
    let exported = detached(py, || {
        let format = api::format(&format)?;
        let options = export::Options::new(base_iri.as_deref())?;
        let graph = api::read_graph(&name, &graph)?;
        if path.is_some() {
            export::write_output(&graph, format, &options, path.as_deref())?;
            return Ok(Exported::Written);
        }
        let mut files = api::export_bytes(&graph, format, &options)?;
        Ok(if format.is_directory() {
            Exported::Files(files)
        } else {
            Exported::Stream(files.pop().map(|(_, bytes)| bytes).unwrap_or_default())
        })
    })?;
    Ok(match exported {
        Exported::Written => py.None().into_bound(py),
        Exported::Stream(bytes) => PyBytes::new(py, &bytes).into_any(),
        Exported::Files(files) => {
            let dict = PyDict::new(py);
            for (file, bytes) in files {
                dict.set_item(file, PyBytes::new(py, &bytes))?;
            }
            dict.into_any()
        }
    })
}

/// Every `--format` name with whether it writes a directory.
#[pyfunction]
fn formats() -> PyResult<Vec<(&'static str, bool)>> {
    api::format_names()
        .into_iter()
        .map(|name| {
            let format = api::format(name).map_err(|e| TextkgError::new_err(e.to_string()))?;
            Ok((name, format.is_directory()))
        })
        .collect()
}

#[pymodule]
mod _native {
    #[pymodule_export]
    use super::{Builder, TextkgError, export_graph, formats, merge, read_jsonl};
}
