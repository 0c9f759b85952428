//! The command line: flags are parsed and checked here, then handed to the library.

use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::graph::{GraphData, KnowledgeGraph, TypeFilter};
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
    /// Cross-validate typed relations on Re-DocRED (temporary; becomes `eval relations`).
    EvalRelations(crate::relations::typed::TypedEvalArgs),
    /// Train the typed-relation model on Re-DocRED (temporary; becomes `train`).
    TrainRelations(crate::relations::typed::train::TrainArgs),
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
    /// One graph per document instead of one merged graph (JSON Lines for json).
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
    /// Worker threads (default: all cores); the output is the same for any count.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    pub format: Format,
    /// Output file, written atomically; standard output when absent.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// JSON graphs to merge.
    #[arg(required = true)]
    pub graphs: Vec<PathBuf>,
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
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("textkg: error: {e}");
            ExitCode::from(2)
        }
    }
}

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => build(args),
        Command::Merge(args) => merge(args),
        Command::EvalRelations(args) => crate::relations::typed::run(&args),
        Command::TrainRelations(args) => crate::relations::typed::train::run(&args),
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

fn read_documents(args: &BuildArgs) -> Result<Vec<InputDocument>> {
    let mut documents = Vec::new();
    if let Some(path) = &args.jsonl {
        documents.extend(input::read_jsonl(path)?);
    }
    let inputs: Vec<PathBuf> = if args.inputs.is_empty() && args.jsonl.is_none() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    documents.extend(input::read_paths(&inputs)?);
    Ok(documents)
}

fn build(args: BuildArgs) -> Result<()> {
    let types = parse_types(&args.types)?;
    let documents = read_documents(&args)?;
    let pipeline = Pipeline::new(Options {
        co_mentions: args.co_mentions,
        ..Options::default()
    });
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Usage(format!("--threads: {e}")))?;
    let graphs: Vec<KnowledgeGraph> = pool.install(|| {
        documents
            .par_iter()
            .map(|d| {
                let doc = pipeline.annotate(&d.id, &d.text);
                KnowledgeGraph::from_document(&doc, &d.source, &types)
            })
            .collect()
    });
    let output = args.output.output.as_deref();
    let format = args.output.format;
    if args.per_doc {
        return export::write_atomically(output, |out| write_per_doc(&graphs, format, out));
    }
    let graph = KnowledgeGraph::merge(graphs);
    export::write_atomically(output, |out| export::export(&graph, format, out))
}

fn write_per_doc(graphs: &[KnowledgeGraph], format: Format, out: &mut dyn Write) -> Result<()> {
    for graph in graphs {
        match format {
            Format::Json => {
                export::json::write_line(graph, out).map_err(|e| Error::io("<output>", e))?
            }
            _ => export::export(graph, format, out)?,
        }
    }
    Ok(())
}

fn read_graph(path: &Path) -> Result<KnowledgeGraph> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = input::decode(path, bytes)?;
    let data: GraphData = serde_json::from_str(&text).map_err(|e| Error::BadInput {
        path: path.to_path_buf(),
        message: format!("not a textkg JSON graph: {e}"),
    })?;
    Ok(KnowledgeGraph::from_data(data))
}

fn merge(args: MergeArgs) -> Result<()> {
    let graphs = args
        .graphs
        .iter()
        .map(|p| read_graph(p))
        .collect::<Result<Vec<_>>>()?;
    let graph = KnowledgeGraph::merge(graphs);
    export::write_atomically(args.output.output.as_deref(), |out| {
        export::export(&graph, args.output.format, out)
    })
}
