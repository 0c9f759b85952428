//! `textkg bench`: throughput of splitting, tokenising, tagging and entity
//! recognition together, on one thread, and the process's peak memory.

use crate::document::Document;
use crate::error::{Error, Result};
use crate::model::Models;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Folder holding the corpora; the GUM Wikinews texts are the input.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Annotate the texts this many times.
    #[arg(long, default_value_t = 20)]
    pub repeat: usize,
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

/// Peak resident memory in kB, from /proc (Linux only).
pub fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn run(args: BenchArgs) -> Result<()> {
    let texts = read_texts(&args.data.join("gum-wikinews").join("text"))?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let load = Instant::now();
    let models = Models::embedded();
    let load_seconds = load.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut entities = 0;
    for _ in 0..args.repeat {
        for text in &texts {
            let mut doc = Document::new("", text.as_str());
            crate::text::segment(&mut doc);
            entities += models.annotate(&mut doc).len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
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
    if let Some(kb) = peak_memory_kb() {
        println!("peak memory (VmHWM): {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(())
}
