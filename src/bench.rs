//! `textkg bench`: throughput of splitting, tokenising, tagging and entity
//! recognition together (or, with `--full`, of the whole build up to the
//! JSON graph), on one thread, and the process's peak memory.

use crate::document::Document;
use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, TypeFilter};
use crate::model::Models;
use crate::pipeline::{Pipeline, STAGES};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Folder holding the corpora the input is drawn from.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// What to read: `mix` is GUM's Wikinews texts, Re-DocRED's Wikipedia
    /// introductions and UD EWT's web documents in equal parts by size (the
    /// figure to quote); `gum` the Wikinews texts alone (the cheapest input,
    /// as earlier releases measured).
    #[arg(long, value_enum, default_value = "mix")]
    pub corpus: BenchCorpus,
    /// Time the whole of `textkg build` instead: every stage, the graph and
    /// its JSON (written to nowhere).
    #[arg(long)]
    pub full: bool,
    /// With `--full`: also print the time each pipeline stage took, and
    /// the graph with its JSON, as shares of the timed run.
    #[arg(long, requires = "full")]
    pub stages: bool,
    /// With `--full`: run the parse stage too, as `--open-relations trees`
    /// does (and the typed relations then read dependency paths).
    #[arg(long, requires = "full")]
    pub parse: bool,
    /// Time the dependency parser alone, on texts already tagged.
    #[arg(long, conflicts_with = "full")]
    pub parser: bool,
    /// With `--parser`: the parser and word clusters `textkg train` wrote
    /// into this folder instead of the built-in ones.
    #[arg(long, requires = "parser", value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// Annotate the texts this many times.
    #[arg(long, default_value_t = 20)]
    pub repeat: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchCorpus {
    Mix,
    Gum,
}

/// The benchmark's texts: GUM's, then (for the mix) as many Re-DocRED and
/// EWT documents, in file order, as it takes to match GUM's size.
fn bench_texts(data: &std::path::Path, corpus: BenchCorpus) -> Result<Vec<String>> {
    let mut texts = read_texts(&data.join("gum-wikinews").join("text"))?;
    if corpus == BenchCorpus::Gum {
        return Ok(texts);
    }
    let part: usize = texts.iter().map(String::len).sum();
    let wikipedia = crate::corpus::docred::read(&data.join("redocred").join("train.json"))?
        .into_iter()
        .map(|doc| crate::corpus::docred::reconstruct_text(&doc.sents).0);
    texts.extend(up_to(part, wikipedia));
    let ewt = crate::corpus::conllu::read(&crate::train::ewt_path(data, "train"))?;
    let mut web: Vec<String> = Vec::new();
    let mut doc_id = None;
    for sentence in ewt {
        if doc_id.as_ref() != Some(&sentence.doc_id) {
            doc_id = Some(sentence.doc_id.clone());
            web.push(String::new());
        }
        let text = web.last_mut().expect("a document was started");
        if !text.is_empty() {
            text.push_str(if sentence.starts_paragraph {
                "\n\n"
            } else {
                " "
            });
        }
        text.push_str(&sentence.text);
    }
    texts.extend(up_to(part, web.into_iter()));
    Ok(texts)
}

/// Texts from the start of `texts` until they reach `bytes`.
fn up_to(bytes: usize, texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut taken = 0;
    texts
        .take_while(|text| {
            let more = taken < bytes;
            taken += text.len();
            more
        })
        .collect()
}

fn read_texts(dir: &std::path::Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).map_err(|e| Error::io(p, e)))
        .collect()
}

/// CPU seconds this process has used (user + system), from /proc: unlike
/// the wall clock, not inflated when other processes share the cores.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Time spent per pipeline stage (in [`STAGES`] order), then on the graph
/// and its JSON.
type StageTimes = ([Duration; STAGES.len()], Duration);

/// One document through the whole build, up to its JSON; returns its node
/// count. With `times`, each stage's time is added to it.
fn build_json(pipeline: &Pipeline, text: &str, times: Option<&mut StageTimes>) -> Result<usize> {
    let (spent, graph_time) = match times {
        Some((spent, graph_time)) => (Some(spent), Some(graph_time)),
        None => (None, None),
    };
    let doc = pipeline.annotate_timed("bench", text, spent);
    let started = Instant::now();
    let graph = KnowledgeGraph::from_document(&doc, "bench", &TypeFilter::default());
    crate::export::export(
        &graph,
        crate::export::Format::Json,
        &crate::export::Options::default(),
        &mut std::io::sink(),
    )?;
    if let Some(graph_time) = graph_time {
        *graph_time += started.elapsed();
    }
    Ok(graph.node_count())
}

/// The `--stages` table: each stage's seconds and share of their sum.
fn stage_table((spent, graph_time): &StageTimes) -> String {
    let rows: Vec<(&str, Duration)> = STAGES
        .iter()
        .map(|stage| stage.name)
        .zip(spent.iter().copied())
        .chain([("graph and JSON", *graph_time)])
        .collect();
    let total: f64 = rows.iter().map(|(_, d)| d.as_secs_f64()).sum();
    let mut table = String::from("| stage | seconds | share |\n|---|---:|---:|\n");
    for (name, spent) in rows {
        let seconds = spent.as_secs_f64();
        let share = if total > 0.0 {
            100.0 * seconds / total
        } else {
            0.0
        };
        table.push_str(&format!("| {name} | {seconds:.2} | {share:.1} % |\n"));
    }
    table
}

/// Peak resident memory in kB, from /proc (Linux only).
pub fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Parses every sentence of texts tagged beforehand; returns the time and
/// CPU time of parsing alone and the number of root words.
fn bench_parser(
    texts: &[String],
    repeat: usize,
    models_dir: Option<&std::path::Path>,
) -> Result<(f64, Option<f64>, usize)> {
    use crate::model::{clusters::WordClusters, features, parser::Parser};
    let models = Models::embedded();
    let (parser, clusters) = match models_dir {
        Some(dir) => (Parser::load(dir)?, WordClusters::load(dir)?),
        None => (Parser::embedded().clone(), WordClusters::embedded().clone()),
    };
    let tagged: Vec<Document> = texts
        .iter()
        .map(|text| {
            let mut doc = Document::new("", text.as_str());
            crate::text::segment(&mut doc);
            models.annotate(&mut doc);
            doc
        })
        .collect();
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let mut roots = 0;
    for _ in 0..repeat {
        for doc in &tagged {
            for sentence in &doc.sentences {
                let range = sentence.tokens.clone();
                let words: Vec<&str> = range.clone().map(|t| doc.token_text(t)).collect();
                let infos = features::describe(&words);
                let parsed = parser.parse(&words, &infos, &doc.tags[range], &clusters);
                roots += parsed.iter().filter(|d| d.head.is_none()).count();
            }
        }
    }
    let cpu = cpu_seconds()
        .zip(cpu_started)
        .map(|(end, start)| end - start);
    Ok((started.elapsed().as_secs_f64(), cpu, roots))
}

pub fn run(args: BenchArgs) -> Result<()> {
    let texts = bench_texts(&args.data, args.corpus)?;
    if args.parser {
        let bytes: usize = texts.iter().map(String::len).sum();
        let (seconds, cpu, roots) = bench_parser(&texts, args.repeat, args.models.as_deref())?;
        let total = (bytes * args.repeat) as f64;
        println!(
            "parser alone: {:.2} MB x {} in {seconds:.2} s: {:.2} MB/s on one thread ({roots} sentences)",
            bytes as f64 / 1e6,
            args.repeat,
            total / 1e6 / seconds
        );
        if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
            println!(
                "CPU time {cpu:.2} s: {:.2} MB per CPU second",
                total / 1e6 / cpu
            );
        }
        return Ok(());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let load = Instant::now();
    let models = Models::embedded();
    // The recogniser's word clusters and places load on first use: loaded
    // here, they count as loading, not as the annotation timed below.
    crate::model::clusters::WordClusters::embedded();
    crate::model::places::Places::embedded();
    let pipeline = args.full.then(|| {
        Pipeline::new(crate::pipeline::Options {
            parse: args.parse,
            ..crate::pipeline::Options::default()
        })
    });
    let load_seconds = load.elapsed().as_secs_f64();
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let mut entities = 0;
    let mut times: Option<StageTimes> = args
        .stages
        .then_some(([Duration::ZERO; STAGES.len()], Duration::ZERO));
    for _ in 0..args.repeat {
        for text in &texts {
            if let Some(pipeline) = &pipeline {
                entities += build_json(pipeline, text, times.as_mut())?;
                continue;
            }
            let mut doc = Document::new("", text.as_str());
            crate::text::segment(&mut doc);
            entities += models.annotate(&mut doc).len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds()
        .zip(cpu_started)
        .map(|(end, start)| end - start);
    let total = (bytes * args.repeat) as f64;
    println!(
        "{} texts, {:.2} MB x {} in {:.2} s: {:.2} MB/s on one thread ({} entities); models loaded in {:.2} s",
        texts.len(),
        bytes as f64 / 1e6,
        args.repeat,
        seconds,
        total / 1e6 / seconds,
        entities,
        load_seconds
    );
    if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
        println!(
            "CPU time {cpu:.2} s: {:.2} MB per CPU second (the figure to trust when other processes share the cores)",
            total / 1e6 / cpu
        );
    }
    if let Some(kb) = peak_memory_kb() {
        println!("peak memory (VmHWM): {:.1} MB", kb as f64 / 1024.0);
    }
    if let Some(times) = &times {
        println!("\nwall time per stage, one thread:\n{}", stage_table(times));
    }
    Ok(())
}
