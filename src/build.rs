//! `textkg build`: documents read as a stream ([`crate::stream`]),
//! annotated in parallel, and either written one graph each as they come
//! (`--per-doc`, memory bounded by a few batches) or merged into one graph
//! (memory in proportion to the graph, not the text).

use crate::cli::{BuildArgs, OpenRelations, check_outputs, finish, parse_types};
use crate::entities::AliasRules;
use crate::error::{Error, Result};
use crate::explain;
use crate::export::{self, Format, StagedWriter};
use crate::graph::{GraphData, KnowledgeGraph};
use crate::input;
use crate::pipeline::{Options, Pipeline};
use crate::progress::{Progress, Summary, Verbosity};
use crate::stream::{DocumentReader, ReadDocument, for_each_in_order};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Worker threads for `-j`: at most four per core, since more only cost
/// start-up time and memory; 0 lets rayon take every core.
fn thread_count(requested: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    requested.map_or(0, |n| n.min(cores * 4))
}

/// The inputs as the summary names them when they held no document.
fn looked_at(args: &BuildArgs, inputs: &[PathBuf]) -> Vec<String> {
    let mut shown: Vec<String> = args.jsonl.iter().map(|p| input::shown_name(p)).collect();
    shown.extend(inputs.iter().map(|p| input::shown_name(p)));
    shown
}

/// The bytes of input, when every input is a file (not standard input).
fn input_size(jsonl: Option<&Path>, files: &[(PathBuf, String)]) -> Option<u64> {
    let paths = jsonl
        .into_iter()
        .chain(files.iter().map(|(p, _)| p.as_path()));
    let mut total = 0;
    for path in paths {
        if path == Path::new("-") {
            return None;
        }
        total += std::fs::metadata(path).ok()?.len();
    }
    Some(total)
}

/// A file given as an input whose name ends `.jsonl` or `.ndjson` is read
/// as JSON Lines, as `--jsonl` reads it, not as one text document. A build
/// reads one JSON Lines input.
fn jsonl_by_extension(
    inputs: Vec<PathBuf>,
    jsonl: Option<PathBuf>,
) -> Result<(Vec<PathBuf>, Option<PathBuf>)> {
    let is_jsonl = |path: &PathBuf| {
        matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "ndjson")
        ) && !path.is_dir()
    };
    let (named, texts): (Vec<PathBuf>, Vec<PathBuf>) = inputs.into_iter().partition(is_jsonl);
    let mut all: Vec<PathBuf> = jsonl.into_iter().chain(named).collect();
    if all.len() > 1 {
        let names: Vec<String> = all.iter().map(|p| input::shown_name(p)).collect();
        return Err(Error::Usage(format!(
            "a build reads one JSON Lines input, not {} ({}): join them first, \
             as in `cat {} | textkg build --jsonl -`",
            all.len(),
            names.join(", "),
            names.join(" ")
        )));
    }
    Ok((texts, all.pop()))
}

/// What the workers hand on for one document.
struct Done<T> {
    output: T,
    nodes: usize,
    edges: usize,
    explain: Option<Vec<u8>>,
}

pub fn run(args: BuildArgs) -> Result<()> {
    let options = args.output.options()?;
    let types = parse_types(&args.types)?;
    let min_confidence = crate::pipeline::checked_min_confidence(args.min_confidence)?;
    if args.per_doc && args.output.format.is_directory() {
        return Err(Error::Usage(format!(
            "--per-doc writes one stream, which --format {} is not",
            args.output.format.name()
        )));
    }
    let mut args = args;
    let (inputs, jsonl) = jsonl_by_extension(std::mem::take(&mut args.inputs), args.jsonl.take())?;
    args.inputs = inputs;
    args.jsonl = jsonl;
    let given: Vec<PathBuf> = if args.inputs.is_empty() && args.jsonl.is_none() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let files = input::expand_all(&given)?;
    let mut inputs: Vec<PathBuf> = files.iter().map(|(path, _)| path.clone()).collect();
    inputs.extend(args.jsonl.iter().cloned());
    inputs.extend(args.aliases.iter().cloned());
    let format = args.output.format;
    let output = args.output.output.as_deref();
    let per_doc_dir = match (args.per_doc && format.holds_one_graph(), output) {
        (false, _) => None,
        (true, Some(dir)) => Some(dir),
        (true, None) => {
            return Err(Error::Usage(format!(
                "--per-doc --format {} writes one file per document: name their directory with -o DIR",
                format.name()
            )));
        }
    };
    match per_doc_dir {
        Some(dir) => {
            export::check_per_document_destination(dir, &inputs)?;
            if let Some(explain) = args.explain.as_deref() {
                export::check_output("--explain", explain, &inputs, None)?;
            }
        }
        None => check_outputs(&args.output, args.explain.as_deref(), &inputs)?,
    }
    let aliases = match &args.aliases {
        Some(path) => crate::api::read_alias_rules(path)?,
        None => AliasRules::default(),
    };
    let pipeline = Pipeline::new(Options {
        co_mentions: args.co_mentions,
        aliases: aliases.clone(),
        min_confidence,
        parse: false,
        tree_reader: args.open_relations == OpenRelations::Trees,
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(thread_count(args.threads))
        .build()
        .map_err(|e| Error::Usage(format!("--threads: {e}")))?;
    let progress = Progress::new(
        Verbosity::from_flags(args.report.quiet, args.report.progress),
        input_size(args.jsonl.as_deref(), &files),
    );
    let mut summary = Summary {
        unit: "document",
        looked_at: looked_at(&args, &given),
        ..Default::default()
    };
    let reader = DocumentReader::new(args.jsonl.as_deref(), files)?;
    let mut explain = match &args.explain {
        Some(path) => Some(export::stage_writer(path)?),
        None => None,
    };
    let explain_path = args.explain.as_deref();
    let annotate = |read: &ReadDocument| {
        let d = &read.document;
        let doc = pipeline.annotate(&d.id, &d.text);
        let log = explain_path.map(|_| json_line(&explain::log(&doc, &types)));
        let graph = KnowledgeGraph::from_document(&doc, &d.source, &types);
        progress.document_done(read.input_bytes);
        (graph, log)
    };
    let mut tally = |d: &input::InputDocument, nodes: usize, edges: usize| {
        summary.count += 1;
        summary.bytes += d.text.len() as u64;
        summary.nodes += nodes;
        summary.edges += edges;
    };
    let render = |graph: &KnowledgeGraph| match format {
        Format::Json => {
            let mut line = Vec::new();
            export::json::write_line(graph, &mut line).map(|()| line)
        }
        _ => export::render(graph, format, &options),
    };
    let work = |read: &ReadDocument| {
        let (graph, explain) = annotate(read);
        Done {
            nodes: graph.node_count(),
            edges: graph.edge_count(),
            output: render(&graph),
            explain,
        }
    };
    if let Some(dir) = per_doc_dir {
        let mut files = export::PerDocumentFiles::new(dir, format)?;
        for_each_in_order(&pool, reader, work, |d, done| {
            tally(d, done.nodes, done.edges);
            write_explain(explain.as_mut(), explain_path, done.explain)?;
            files.write(&d.id, done.output)
        })?;
        let explain = finish_explain(explain)?;
        finish(explain, None, || files.commit())?;
        summary.output = format!("{} (one file per document)", dir.display());
    } else if args.per_doc {
        let mut out = Output::open(output)?;
        let shown = output.unwrap_or(Path::new("<stdout>"));
        for_each_in_order(&pool, reader, work, |d, done| {
            tally(d, done.nodes, done.edges);
            write_explain(explain.as_mut(), explain_path, done.explain)?;
            let bytes = done
                .output
                .map_err(|e| export::classify_error(e, format, shown))?;
            out.write_all(&bytes)
                .map_err(|e| export::classify_error(e, format, shown))
        })?;
        let staged = out.finish()?;
        let explain = finish_explain(explain)?;
        finish(explain, output, || staged.map_or(Ok(()), |s| s.commit()))?;
        summary.output = destination(output);
    } else {
        let mut data = GraphData::default();
        for_each_in_order(&pool, reader, annotate, |d, (graph, log)| {
            tally(d, graph.node_count(), graph.edge_count());
            write_explain(explain.as_mut(), explain_path, log)?;
            let part = graph.into_data();
            data.documents.extend(part.documents);
            data.nodes.extend(part.nodes);
            data.edges.extend(part.edges);
            Ok(())
        })?;
        let graph = KnowledgeGraph::from_data_with(data, &aliases);
        if let Some(path) = explain_path {
            let line = json_line(&explain::CrossDocumentLine {
                cross_document: &graph.cross_document,
            });
            write_explain(explain.as_mut(), Some(path), Some(line))?;
        }
        let explain = finish_explain(explain)?;
        finish(explain, output, || {
            export::write_output(&graph, format, &options, output)
        })?;
        summary.nodes = graph.node_count();
        summary.edges = graph.edge_count();
        summary.output = destination(output);
    }
    progress.finish(&summary);
    Ok(())
}

pub fn destination(output: Option<&Path>) -> String {
    output.map_or_else(
        || "standard output".to_string(),
        |p| p.display().to_string(),
    )
}

fn json_line(value: &impl serde::Serialize) -> Vec<u8> {
    let mut line = serde_json::to_vec(value).expect("a log serialises");
    line.push(b'\n');
    line
}

fn write_explain(
    explain: Option<&mut StagedWriter>,
    path: Option<&Path>,
    line: Option<Vec<u8>>,
) -> Result<()> {
    if let (Some(explain), Some(path), Some(line)) = (explain, path, line) {
        explain
            .out()
            .write_all(&line)
            .map_err(|e| Error::io(path, e))?;
    }
    Ok(())
}

fn finish_explain(explain: Option<StagedWriter>) -> Result<Option<export::Staged>> {
    explain.map(StagedWriter::finish).transpose()
}

/// The stream `--per-doc` writes: standard output, or a file staged beside
/// its target and put in place once complete.
enum Output {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(StagedWriter),
}

impl Output {
    fn open(path: Option<&Path>) -> Result<Self> {
        Ok(match path {
            Some(path) => Output::File(export::stage_writer(path)?),
            None => Output::Stdout(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
        })
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(bytes),
            Output::File(out) => out.out().write_all(bytes),
        }
    }

    /// Flushes standard output, or makes the file ready to be put in place.
    fn finish(self) -> Result<Option<export::Staged>> {
        match self {
            Output::Stdout(mut out) => {
                out.flush().map_err(|e| Error::io("<stdout>", e))?;
                Ok(None)
            }
            Output::File(out) => out.finish().map(Some),
        }
    }
}
