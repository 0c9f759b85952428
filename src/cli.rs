//! The command line: flags are parsed and checked here, then handed to the library.

use crate::entities::AliasRules;
use crate::error::{Error, Result};
use crate::explain;
use crate::export::{self, Format};
use crate::graph::{CrossDocumentLog, GraphData, KnowledgeGraph, TypeFilter};
use crate::input;
use crate::progress::{Progress, Summary, Verbosity};
use clap::{Parser, Subcommand};
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
    /// Text files, directories (their .txt and .md files, recursively) or - for standard
    /// input. A file named *.jsonl or *.ndjson is read as --jsonl reads it.
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
    /// How open (untyped) relations are read: from token patterns, or from
    /// the dependency parser's trees (docs/evaluation.md compares them; the
    /// parser about halves the speed).
    #[arg(long, value_enum, value_name = "HOW", default_value = "tokens")]
    pub open_relations: OpenRelations,
    /// Worker threads (default: all cores; at most four per core); the output is the same for any count.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub report: ReportArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OpenRelations {
    /// Token and tag patterns (relations::open).
    Tokens,
    /// Dependency patterns over the parser's trees (relations::tree).
    Trees,
}

#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ReportArgs {
    /// Print progress lines every few seconds when standard error is not a
    /// terminal (on a terminal a progress bar is shown anyway).
    #[arg(long, conflicts_with = "quiet")]
    pub progress: bool,
    /// Print neither progress nor the summary line; errors and warnings still.
    #[arg(long, short = 'q')]
    pub quiet: bool,
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
    pub(crate) fn options(&self) -> Result<export::Options> {
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
    /// JSON graphs, or JSON Lines of graphs (as `build --per-doc` writes), to
    /// merge; - for standard input.
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
    #[command(flatten)]
    pub report: ReportArgs,
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

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => crate::build::run(args),
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

/// Checks every output path before any work: `-o`, and `--explain`,
/// which must differ from it and from every input.
pub(crate) fn check_outputs(
    output: &OutputArgs,
    explain: Option<&Path>,
    inputs: &[PathBuf],
) -> Result<()> {
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
pub(crate) fn finish(
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

/// The log of `merge --explain`: the joins across documents, staged, to be
/// put in place once the main output is.
fn stage_explain(path: &Path, cross_document: &CrossDocumentLog) -> Result<export::Staged> {
    export::stage_file(path, |out| {
        serde_json::to_writer(&mut *out, &explain::CrossDocumentLine { cross_document })
            .map_err(|e| Error::io(path, e.into()))?;
        out.write_all(b"\n").map_err(|e| Error::io(path, e))
    })
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
    let verbosity = Verbosity::from_flags(args.report.quiet, args.report.progress);
    let progress = Progress::new(verbosity, None);
    let mut data = GraphData::default();
    let mut summary = Summary {
        unit: "graph",
        looked_at: args.graphs.iter().map(|p| input::shown_name(p)).collect(),
        ..Default::default()
    };
    for path in &args.graphs {
        let read = crate::graph::read_graphs(path, &mut |graph| {
            let part = graph.into_data();
            data.documents.extend(part.documents);
            data.nodes.extend(part.nodes);
            data.edges.extend(part.edges);
            summary.count += 1;
            progress.document_done(0);
        })?;
        summary.bytes += read;
    }
    let graph = KnowledgeGraph::from_data_with(data, &aliases);
    let explain = match &args.explain {
        Some(path) => Some(stage_explain(path, &graph.cross_document)?),
        None => None,
    };
    let output = args.output.output.as_deref();
    finish(explain, output, || {
        export::write_output(&graph, args.output.format, &options, output)
    })?;
    summary.nodes = graph.node_count();
    summary.edges = graph.edge_count();
    summary.output = crate::build::destination(output);
    progress.finish(&summary);
    Ok(())
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
