//! The command line: flags are parsed and checked here, then handed to the library.

use crate::entities::AliasRules;
use crate::error::{Error, Result};
use crate::explain;
use crate::export::{self, Format};
use crate::graph::{CrossDocumentLog, KnowledgeGraph, TypeFilter};
use crate::input::{self, InputDocument};
use crate::pipeline::{Options, Pipeline};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "textkg",
    version,
    about = "Build knowledge graphs from plain-text news, offline"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a knowledge graph from text documents.
    Build(BuildArgs),
    /// Merge graphs written earlier by `textkg build --format json`.
    Merge(MergeArgs),
    /// Rebuild the shipped models from the corpora in ../shared/data.
    Train(crate::train::TrainArgs),
    /// Score tokenisation, tagging or entity recognition against gold data.
    Eval(crate::eval::EvalArgs),
    /// List the built-in models, their training data and licences.
    Models,
    /// Measure annotation speed and peak memory on one thread.
    Bench(crate::bench::BenchArgs),
    /// Export a synthetic graph of the given size and report the time taken.
    #[command(hide = true)]
    BenchExport(BenchExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Text files, directories (their .txt and .md files, recursively) or - for standard input.
    pub inputs: Vec<PathBuf>,
    /// Read documents from JSON Lines, one {"id", "text"} object per line (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// One graph per document instead of one merged graph: JSON Lines for json; one
    /// file per document in the directory -o names for svg, png, graphml, gexf, html and dot.
    #[arg(long)]
    pub per_doc: bool,
    /// Entity types that become nodes, comma-separated, or `all`.
    #[arg(
        long,
        value_name = "LIST",
        default_value = "PERSON,ORGANIZATION,LOCATION,MISC"
    )]
    pub types: String,
    /// Add co-mention edges between entities named in the same sentence.
    #[arg(long)]
    pub co_mentions: bool,
    /// Write the merge log (which mentions joined each node, by which rule; refused merges; then the joins across documents) as JSON Lines.
    #[arg(long, value_name = "FILE")]
    pub explain: Option<PathBuf>,
    /// Force merges, splits and labels (see docs/aliases.md).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Leave out typed edges below this confidence (a calibrated probability on
    /// Wikipedia-like text; news text scores lower for the same edge). Default:
    /// the model's operating point, the best cross-validated F1 at a precision
    /// of at least 60% (`textkg models` shows it).
    #[arg(long, value_name = "P")]
    pub min_confidence: Option<f32>,
    /// Worker threads (default: all cores; at most four per core); the output is the same for any count.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    pub format: Format,
    /// Output file, written atomically; standard output when absent. A
    /// directory for neo4j-csv and csv (required for them), and for svg, png,
    /// graphml, gexf, html and dot with --per-doc.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// IRI that RDF resource IRIs start with (ntriples, turtle, jsonld).
    #[arg(long, value_name = "IRI", default_value = export::DEFAULT_BASE_IRI)]
    pub base_iri: String,
    /// Nodes without edges in dot, svg and png: drawn, left out, or left out
    /// and named in one box.
    #[arg(long, value_enum, value_name = "HOW", default_value = "list")]
    pub isolated: export::Isolated,
    /// Draw only this many nodes in dot, svg and png: the most mentioned, and the edges between them.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_nodes: Option<u64>,
    /// Graphviz layout engine for dot, svg and png (auto: dot up to 80 drawn nodes, sfdp above).
    #[arg(long, value_enum, value_name = "ENGINE", default_value = "auto")]
    pub layout: export::Layout,
}

impl OutputArgs {
    fn options(&self) -> Result<export::Options> {
        let mut options = export::Options::new(Some(&self.base_iri))?;
        options.diagram = export::Diagram {
            isolated: self.isolated,
            max_nodes: self
                .max_nodes
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
            layout: self.layout,
        };
        Ok(options)
    }
}

#[derive(Debug, clap::Args)]
pub struct BenchExportArgs {
    /// Nodes of the synthetic graph.
    #[arg(long, default_value_t = 1_000_000)]
    pub nodes: usize,
    /// Edges of the synthetic graph.
    #[arg(long, default_value_t = 3_000_000)]
    pub edges: usize,
    /// Build the graph only, exporting nothing (the memory baseline).
    #[arg(long)]
    pub skip_export: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// JSON graphs to merge.
    #[arg(required = true)]
    pub graphs: Vec<PathBuf>,
    /// Write which nodes of different documents were joined (or kept apart, and why) as JSON Lines.
    #[arg(long, value_name = "FILE")]
    pub explain: Option<PathBuf>,
    /// Force joins and splits across documents (`same:` and `different:` lines of docs/aliases.md).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs the command line and returns the process exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    install_signal_handler();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("textkg: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// On Ctrl-C, SIGTERM or SIGHUP, removes the temporary files of outputs
/// not yet in place before exiting.
fn install_signal_handler() {
    let _ = ctrlc::set_handler(|| {
        export::remove_temporaries();
        std::process::exit(130);
    });
}

/// Worker threads for `-j`: at most four per core, since more only cost
/// start-up time and memory.
fn thread_count(requested: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    requested.map_or(0, |n| n.min(cores * 4))
}

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => build(args),
        Command::Merge(args) => merge(args),
        Command::Train(args) => crate::train::run(args),
        Command::Eval(args) => crate::eval::run(args),
        Command::Models => crate::model::list(),
        Command::Bench(args) => crate::bench::run(args),
        Command::BenchExport(args) => bench_export(args),
    }
}

pub fn parse_types(list: &str) -> Result<TypeFilter> {
    if list.trim().eq_ignore_ascii_case("all") {
        return Ok(TypeFilter::all());
    }
    let mut types = std::collections::BTreeSet::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        let ty = crate::document::EntityType::parse(name).ok_or_else(|| {
            Error::Usage(format!(
                "--types: unknown entity type {name:?} (expected PERSON, ORGANIZATION, LOCATION, MISC, DATE, NUMBER or all)"
            ))
        })?;
        types.insert(ty);
    }
    Ok(TypeFilter(types))
}

/// The text inputs of a build: each file with its document id.
fn input_files(args: &BuildArgs) -> Result<Vec<(PathBuf, String)>> {
    let inputs: Vec<PathBuf> = if args.inputs.is_empty() && args.jsonl.is_none() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    input::expand_all(&inputs)
}

fn read_documents(args: &BuildArgs, files: &[(PathBuf, String)]) -> Result<Vec<InputDocument>> {
    let mut documents = Vec::new();
    if let Some(path) = &args.jsonl {
        documents.extend(input::read_jsonl(path)?);
    }
    documents.extend(input::read_files(files)?);
    input::check_unique_ids(&documents)?;
    Ok(documents)
}

/// Checks every output path before any work: `-o`, and `--explain`,
/// which must differ from it and from every input.
fn check_outputs(output: &OutputArgs, explain: Option<&Path>, inputs: &[PathBuf]) -> Result<()> {
    let path = output.output.as_deref();
    export::check_destination(output.format, path, inputs)?;
    if let Some(explain) = explain {
        if path == Some(explain) {
            return Err(Error::Usage(format!(
                "--explain {} is also the -o output",
                explain.display()
            )));
        }
        export::check_output("--explain", explain, inputs, None)?;
    }
    Ok(())
}

/// Writes the main output, then puts the staged `--explain` file in place:
/// on failure, neither is left.
fn finish(
    explain: Option<export::Staged>,
    output: Option<&Path>,
    write_output: impl FnOnce() -> Result<()>,
) -> Result<()> {
    write_output()?;
    let Some(explain) = explain else {
        return Ok(());
    };
    explain.commit().inspect_err(|_| {
        if let Some(output) = output {
            let _ = std::fs::remove_file(output);
        }
    })
}

fn build(args: BuildArgs) -> Result<()> {
    let options = args.output.options()?;
    let types = parse_types(&args.types)?;
    let min_confidence = crate::pipeline::checked_min_confidence(args.min_confidence)?;
    if args.per_doc && args.output.format.is_directory() {
        return Err(Error::Usage(format!(
            "--per-doc writes one stream, which --format {} is not",
            args.output.format.name()
        )));
    }
    let files = input_files(&args)?;
    let mut inputs: Vec<PathBuf> = files.iter().map(|(path, _)| path.clone()).collect();
    inputs.extend(args.jsonl.iter().cloned());
    inputs.extend(args.aliases.iter().cloned());
    if args.per_doc && args.output.format.holds_one_graph() {
        let dir = args.output.output.as_deref().ok_or_else(|| {
            Error::Usage(format!(
                "--per-doc --format {} writes one file per document: name their directory with -o DIR",
                args.output.format.name()
            ))
        })?;
        export::check_per_document_destination(dir, &inputs)?;
        if let Some(explain) = args.explain.as_deref() {
            export::check_output("--explain", explain, &inputs, None)?;
        }
    } else {
        check_outputs(&args.output, args.explain.as_deref(), &inputs)?;
    }
    let aliases = match &args.aliases {
        Some(path) => crate::api::read_alias_rules(path)?,
        None => AliasRules::default(),
    };
    let documents = read_documents(&args, &files)?;
    let pipeline = Pipeline::new(Options {
        co_mentions: args.co_mentions,
        aliases: aliases.clone(),
        min_confidence,
        parse: false,
        tree_reader: false,
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(thread_count(args.threads))
        .build()
        .map_err(|e| Error::Usage(format!("--threads: {e}")))?;
    let explain = args.explain.is_some();
    let results: Vec<(KnowledgeGraph, Option<explain::DocumentLog>)> = pool.install(|| {
        documents
            .par_iter()
            .map(|d| {
                let doc = pipeline.annotate(&d.id, &d.text);
                let log = explain.then(|| explain::log(&doc, &types));
                (KnowledgeGraph::from_document(&doc, &d.source, &types), log)
            })
            .collect()
    });
    let (graphs, logs): (Vec<KnowledgeGraph>, Vec<Option<explain::DocumentLog>>) =
        results.into_iter().unzip();
    let output = args.output.output.as_deref();
    let format = args.output.format;
    if args.per_doc {
        let explain = match &args.explain {
            Some(path) => Some(stage_explain(path, &logs, None)?),
            None => None,
        };
        if let (true, Some(dir)) = (format.holds_one_graph(), output) {
            return finish(explain, None, || {
                export::write_per_document(&graphs, format, &options, dir)
            });
        }
        return finish(explain, output, || {
            export::write_atomically(output, |out| write_per_doc(&graphs, format, &options, out))
        });
    }
    let graph = KnowledgeGraph::merge_with(graphs, &aliases);
    let explain = match &args.explain {
        Some(path) => Some(stage_explain(path, &logs, Some(&graph.cross_document))?),
        None => None,
    };
    finish(explain, output, || {
        export::write_output(&graph, format, &options, output)
    })
}

/// The merge log: one line per document, then the cross-document joins;
/// staged, to be put in place once the main output is.
fn stage_explain(
    path: &Path,
    logs: &[Option<explain::DocumentLog>],
    cross_document: Option<&CrossDocumentLog>,
) -> Result<export::Staged> {
    export::stage_file(path, |out| {
        for log in logs.iter().flatten() {
            write_json_line(path, out, log)?;
        }
        if let Some(cross_document) = cross_document {
            write_json_line(path, out, &explain::CrossDocumentLine { cross_document })?;
        }
        Ok(())
    })
}

fn write_json_line(path: &Path, out: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(|e| Error::io(path, e.into()))?;
    out.write_all(b"\n").map_err(|e| Error::io(path, e))
}

fn write_per_doc(
    graphs: &[KnowledgeGraph],
    format: Format,
    options: &export::Options,
    out: &mut dyn Write,
) -> Result<()> {
    for graph in graphs {
        match format {
            Format::Json => {
                export::json::write_line(graph, out).map_err(|e| Error::io("<output>", e))?
            }
            _ => export::export(graph, format, options, out)?,
        }
    }
    Ok(())
}

fn read_graph(path: &Path) -> Result<KnowledgeGraph> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = input::decode(path, bytes)?;
    Ok(KnowledgeGraph::from_data(crate::graph::parse_json(
        path, &text,
    )?))
}

fn merge(args: MergeArgs) -> Result<()> {
    let options = args.output.options()?;
    let mut inputs = args.graphs.clone();
    inputs.extend(args.aliases.iter().cloned());
    check_outputs(&args.output, args.explain.as_deref(), &inputs)?;
    let aliases = match &args.aliases {
        Some(path) => crate::api::read_alias_rules(path)?,
        None => AliasRules::default(),
    };
    let graphs = args
        .graphs
        .iter()
        .map(|p| read_graph(p))
        .collect::<Result<Vec<_>>>()?;
    let graph = KnowledgeGraph::merge_with(graphs, &aliases);
    let explain = match &args.explain {
        Some(path) => Some(stage_explain(path, &[], Some(&graph.cross_document))?),
        None => None,
    };
    let output = args.output.output.as_deref();
    finish(explain, output, || {
        export::write_output(&graph, args.output.format, &options, output)
    })
}

fn bench_export(args: BenchExportArgs) -> Result<()> {
    let options = args.output.options()?;
    let start = std::time::Instant::now();
    let graph = export::synthetic::graph(args.nodes, args.edges);
    let built = start.elapsed();
    eprintln!(
        "built {} nodes, {} edges in {:.2} s",
        graph.node_count(),
        graph.edge_count(),
        built.as_secs_f64()
    );
    if args.skip_export {
        return Ok(());
    }
    let start = std::time::Instant::now();
    export::write_output(
        &graph,
        args.output.format,
        &options,
        args.output.output.as_deref(),
    )?;
    eprintln!(
        "exported {} in {:.2} s",
        args.output.format.name(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
