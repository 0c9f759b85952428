//! What a build tells while it runs and when it ends, on standard error: a
//! progress bar when that is a terminal, plain lines every few seconds with
//! `--progress` when it is not, and one summary line at the end; nothing
//! with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Seconds between two plain progress lines.
const LINE_INTERVAL: Duration = Duration::from_secs(5);

/// How much a run tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Nothing, not even the summary.
    Quiet,
    /// A bar when standard error is a terminal, else only the summary.
    Normal,
    /// A bar on a terminal, else plain lines.
    Progress,
}

impl Verbosity {
    pub fn from_flags(quiet: bool, progress: bool) -> Self {
        match (quiet, progress) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Progress,
            (false, false) => Verbosity::Normal,
        }
    }
}

enum Display {
    Bar(ProgressBar),
    Lines(Mutex<Instant>),
    Nothing,
}

/// Counts documents and bytes as workers finish them; shared by threads.
pub struct Progress {
    display: Display,
    verbosity: Verbosity,
    started: Instant,
    total: Option<u64>,
    documents: AtomicU64,
    input_bytes: AtomicU64,
}

impl Progress {
    /// `total`: the bytes of input, when known (not for standard input).
    pub fn new(verbosity: Verbosity, total: Option<u64>) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let display = match verbosity {
            Verbosity::Quiet => Display::Nothing,
            _ if terminal => Display::Bar(bar(total)),
            Verbosity::Progress => Display::Lines(Mutex::new(Instant::now())),
            Verbosity::Normal => Display::Nothing,
        };
        Progress {
            display,
            verbosity,
            started: Instant::now(),
            total,
            documents: AtomicU64::new(0),
            input_bytes: AtomicU64::new(0),
        }
    }

    /// A document of `input_bytes` is done.
    pub fn document_done(&self, input_bytes: u64) {
        let documents = self.documents.fetch_add(1, Ordering::Relaxed) + 1;
        let bytes = self.input_bytes.fetch_add(input_bytes, Ordering::Relaxed) + input_bytes;
        match &self.display {
            Display::Bar(bar) => {
                bar.set_position(bytes);
                bar.set_message(plural(documents, "document"));
            }
            Display::Lines(last) => {
                let Ok(mut last) = last.try_lock() else {
                    return;
                };
                if last.elapsed() >= LINE_INTERVAL {
                    *last = Instant::now();
                    eprintln!(
                        "textkg: {}",
                        progress_line(documents, bytes, self.total, self.started.elapsed())
                    );
                }
            }
            Display::Nothing => {}
        }
    }

    /// Clears the bar and prints the summary line (not with `--quiet`).
    pub fn finish(&self, summary: &Summary) {
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
        if self.verbosity != Verbosity::Quiet {
            eprintln!(
                "textkg: {}",
                summary_line(summary, self.started.elapsed().as_secs_f64())
            );
        }
    }
}

fn bar(total: Option<u64>) -> ProgressBar {
    let target = ProgressDrawTarget::stderr_with_hz(4);
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::with_draw_target(Some(total), target),
            "{msg} {wide_bar} {decimal_bytes}/{decimal_total_bytes}, {decimal_bytes_per_sec}, {eta} left",
        ),
        None => (
            ProgressBar::with_draw_target(None, target),
            "{spinner} {msg}, {decimal_bytes}, {decimal_bytes_per_sec}, {elapsed}",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_message("0 documents");
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// What a run did, for its summary line.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// What was read: "document" for a build, "graph" for a merge.
    pub unit: &'static str,
    pub count: u64,
    /// Bytes of text (a build) or of JSON (a merge).
    pub bytes: u64,
    pub nodes: usize,
    pub edges: usize,
    /// Where the output went: a path, "standard output", a directory.
    pub output: String,
    /// The inputs as given, named when nothing was found in them.
    pub looked_at: Vec<String>,
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// "3 documents, 0.02 MB, 17 nodes, 9 edges, 0.41 s, 0.05 MB/s → out.json"
pub fn summary_line(summary: &Summary, seconds: f64) -> String {
    let mut line = plural(summary.count, summary.unit);
    if summary.count == 0 && !summary.looked_at.is_empty() {
        line += &format!(" (looked at {})", summary.looked_at.join(", "));
    }
    line += &format!(
        ", {:.2} MB, {}, {}, {seconds:.2} s, {:.2} MB/s → {}",
        megabytes(summary.bytes),
        plural(summary.nodes as u64, "node"),
        plural(summary.edges as u64, "edge"),
        megabytes(summary.bytes) / seconds.max(1e-3),
        summary.output
    );
    line
}

/// "1200 documents, 45.1 of 256.0 MB (18%), 2.10 MB/s, 100 s left"
pub fn progress_line(documents: u64, bytes: u64, total: Option<u64>, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64().max(1e-3);
    let rate = megabytes(bytes) / seconds;
    match total {
        Some(total) if total > 0 => {
            let left = if bytes > 0 {
                format!(
                    ", {:.0} s left",
                    seconds * (total.saturating_sub(bytes)) as f64 / bytes as f64
                )
            } else {
                String::new()
            };
            format!(
                "{}, {:.1} of {:.1} MB ({:.0}%), {rate:.2} MB/s{left}",
                plural(documents, "document"),
                megabytes(bytes),
                megabytes(total),
                100.0 * bytes as f64 / total as f64
            )
        }
        _ => format!(
            "{}, {:.1} MB, {rate:.2} MB/s",
            plural(documents, "document"),
            megabytes(bytes)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines_tell_the_share_done_and_the_time_left_when_the_size_is_known() {
        let known = progress_line(1200, 50_000_000, Some(200_000_000), Duration::from_secs(25));
        assert_eq!(
            known,
            "1200 documents, 50.0 of 200.0 MB (25%), 2.00 MB/s, 75 s left"
        );
        let unknown = progress_line(1, 3_000_000, None, Duration::from_secs(2));
        assert_eq!(unknown, "1 document, 3.0 MB, 1.50 MB/s");
    }

    #[test]
    fn an_empty_run_names_where_it_looked() {
        let summary = Summary {
            unit: "document",
            output: "out.json".into(),
            looked_at: vec!["corpus/".into(), "more.jsonl".into()],
            ..Default::default()
        };
        assert_eq!(
            summary_line(&summary, 0.5),
            "0 documents (looked at corpus/, more.jsonl), 0.00 MB, 0 nodes, 0 edges, 0.50 s, 0.00 MB/s → out.json"
        );
    }
}
