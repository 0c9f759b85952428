//! Hostile inputs and outputs: pathological texts in linear time, output
//! paths that must be refused, ids that must stay unique, broken pipes.

use crate::util::*;
use std::process::{Command, Stdio};
use textkg::pipeline::Pipeline;
use textkg::relations::typed::{self, features};

const CITIES: &[&str] = &[
    "Paris",
    "London",
    "Berlin",
    "Madrid",
    "Rome",
    "Vienna",
    "Prague",
    "Warsaw",
    "Lisbon",
    "Dublin",
    "Oslo",
    "Helsinki",
    "Athens",
    "Budapest",
    "Brussels",
    "Amsterdam",
    "Stockholm",
    "Copenhagen",
    "Zurich",
    "Geneva",
    "Munich",
    "Hamburg",
    "Milan",
    "Naples",
    "Porto",
    "Seville",
];

/// A fixed pseudo-random sequence, so the texts are the same on every run.
fn pseudo_random(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}

/// Place names, each with a made-up qualifier so most are distinct,
/// joined by `separator` into one sentence of about `bytes` bytes.
fn names(bytes: usize, separator: &str) -> String {
    let mut next = pseudo_random(7);
    let mut text = String::new();
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str(separator);
        }
        let qualifier: String = (0..2)
            .map(|_| ["ka", "lo", "mi", "ra", "tu", "ve", "zo"][next(7)])
            .collect();
        text.push_str(CITIES[next(CITIES.len())]);
        text.push(' ');
        let mut chars = qualifier.chars();
        let first = chars.next().unwrap().to_ascii_uppercase();
        text.push(first);
        text.extend(chars);
        text.push_str("burg");
    }
    text
}

/// CPU time of the calling thread, which other processes do not inflate.
fn thread_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let Some(close) = stat.rfind(')') else {
        return 0.0;
    };
    let fields: Vec<&str> = stat[close + 2..].split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Annotates `text`, checking that the work stays bounded: sentences are
/// cut, candidate pairs stay within budget, and the CPU time within one
/// second per 100 KB (plus a second for loading the models).
fn annotate_in_linear_time(name: &str, text: &str) {
    let pipeline = Pipeline::default();
    pipeline.annotate("warm-up", "Ana Ruiz visited Lima.");
    let started = thread_cpu_seconds();
    let doc = pipeline.annotate(name, text);
    let seconds = thread_cpu_seconds() - started;
    let longest = doc
        .sentences
        .iter()
        .map(|s| s.tokens.len())
        .max()
        .unwrap_or(0);
    assert!(
        longest <= textkg::text::MAX_SENTENCE_TOKENS,
        "{name}: {longest} tokens"
    );
    for window in textkg::pipeline::windows(text, textkg::pipeline::WINDOW_BYTES) {
        let part = pipeline.annotate(name, &text[window]);
        let mut pairs = 0;
        features::DocFeatures::new(&part, false).for_each_pair(
            typed::MAX_SENTENCE_GAP,
            |_| true,
            |_| pairs += 1,
        );
        let budget = features::MIN_PAIR_BUDGET.max(features::PAIRS_PER_TOKEN * part.tokens.len());
        assert!(pairs <= budget, "{name}: {pairs} candidate pairs");
    }
    let allowed = text.len() as f64 / 100_000.0 + 1.0;
    assert!(
        seconds < allowed,
        "{name}: {seconds:.2} s of CPU for {} bytes",
        text.len()
    );
}

#[test]
fn one_sentence_of_names_takes_linear_time() {
    annotate_in_linear_time("names", &names(100_000, " "));
}

#[test]
fn a_list_of_names_takes_linear_time() {
    annotate_in_linear_time("list", &names(100_000, ", "));
}

#[test]
fn a_text_without_spaces_takes_linear_time() {
    let mut next = pseudo_random(3);
    let text: String = (0..100_000).map(|_| b"Ab.,-'O"[next(7)] as char).collect();
    annotate_in_linear_time("no-spaces", &text);
    annotate_in_linear_time("one-word", &"Word".repeat(25_000));
}

#[test]
fn a_long_document_takes_linear_time() {
    let paragraph = "Ana Ruiz, the mayor of Lima, met Carlos Vega of Acme Corp in Paris on Monday. \
                     Vega said the company would open an office in Peru. \
                     The talks were hosted by the French government.\n\n";
    let mut text = String::new();
    let mut next = pseudo_random(11);
    while text.len() < 300_000 {
        text.push_str(&paragraph.replace("Paris", CITIES[next(CITIES.len())]));
    }
    annotate_in_linear_time("long", &text);
}

#[test]
fn co_mention_edges_are_capped_per_sentence() {
    let text = names(41_000, ", ");
    let out = run_ok(
        &["build", "-", "--co-mentions", "-f", "gexf"],
        text.as_bytes(),
    );
    // Each edge repeats its sentence as evidence: about 8 MB here, where
    // all pairs of the sentence's names gave 2.1 GB.
    assert!(
        out.len() < 250 * text.len(),
        "{} bytes of GEXF from {} bytes of text",
        out.len(),
        text.len()
    );
}

fn status_and_stderr(args: &[&str]) -> (Option<i32>, String) {
    let out = run(args, b"");
    (out.status.code(), stderr(&out))
}

#[test]
fn outputs_that_are_inputs_devices_or_directories_are_refused_before_work() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "Ana Ruiz visited Lima.").unwrap();
    let input = input.to_str().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "").unwrap();
    let other = other.to_str().unwrap();
    let folder = dir.path().to_str().unwrap();
    for (args, needle) in [
        (vec!["build", input, "-o", input], "is also an input"),
        (vec!["build", input, "-o", "/dev/null"], "is a device"),
        (vec!["build", input, "-o", folder], "is a directory"),
        (vec!["build", input, "--explain", input], "is also an input"),
        (
            vec!["build", input, "--explain", "/dev/null"],
            "is a device",
        ),
        (
            vec!["build", input, "-o", other, "--explain", other],
            "is also the -o output",
        ),
        (vec!["build", input, "-f", "csv"], "name it with -o DIR"),
        (
            vec!["build", input, "-o", "/no/such/dir/g.json"],
            "does not exist",
        ),
        (
            vec!["build", input, "-f", "csv", "-o", other],
            "not a directory",
        ),
    ] {
        let (code, err) = status_and_stderr(&args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("in.txt")).unwrap(),
        "Ana Ruiz visited Lima."
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_fifo_output_is_refused_and_a_symlink_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let (code, err) = status_and_stderr(&["build", "-", "-o", fifo.to_str().unwrap()]);
        assert_eq!(code, Some(2));
        assert!(err.contains("is a FIFO"), "{err}");
    }
    let target = dir.path().join("target.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("target.json", &link).unwrap();
    run_ok(
        &["build", "-", "-o", link.to_str().unwrap()],
        b"Ana Ruiz visited Lima.",
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("Ana Ruiz"), "{written}");
}

#[test]
fn a_failed_build_leaves_neither_output_nor_explain() {
    let dir = tempfile::tempdir().unwrap();
    let explain = dir.path().join("explain.jsonl");
    let output = dir.path().join("graph.svg");
    // Without Graphviz on PATH, rendering SVG fails once all else is done.
    let out = textkg()
        .env("PATH", "")
        .args(["build", "-", "-f", "svg", "-o"])
        .args([&output])
        .arg("--explain")
        .arg(&explain)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("dot"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_killed_runs_temporary_file_is_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    // No process has this id (Linux pids stay below 2^22).
    let stale = dir.path().join(".textkg-99999999-abc123");
    std::fs::write(&stale, "partial").unwrap();
    let output = dir.path().join("graph.json");
    run_ok(
        &["build", "-", "-o", output.to_str().unwrap()],
        b"Ana Ruiz visited Lima.",
    );
    assert!(!stale.exists());
    assert!(output.exists());
}

#[test]
fn sigterm_removes_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("graph.gexf");
    let input = dir.path().join("in.txt");
    std::fs::write(&input, names(1_000_000, ". ")).unwrap();
    let temporary = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".textkg-"))
    };
    let mut child = textkg()
        .args(["build", "--co-mentions", "-f", "gexf", "-o"])
        .args([&output, &input])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while !temporary() && child.try_wait().unwrap().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    assert!(!temporary(), "a temporary file was left");
    assert!(
        status.code() == Some(130) || (status.success() && output.exists()),
        "{status:?}"
    );
}

#[test]
fn documents_with_the_same_name_under_two_roots_keep_apart() {
    let dir = tempfile::tempdir().unwrap();
    for (root, text) in [
        ("x", "Ana Ruiz visited Lima."),
        ("y", "Carlos Vega visited Quito."),
    ] {
        std::fs::create_dir(dir.path().join(root)).unwrap();
        std::fs::write(dir.path().join(root).join("a.txt"), text).unwrap();
    }
    let (x, y) = (dir.path().join("x"), dir.path().join("y"));
    let out = run_ok(&["build", x.to_str().unwrap(), y.to_str().unwrap()], b"");
    let graph: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let ids: Vec<&str> = graph["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["x/a.txt", "y/a.txt"]);
    let files = [x.join("a.txt"), y.join("a.txt")];
    let out = run_ok(
        &[
            "build",
            files[0].to_str().unwrap(),
            files[1].to_str().unwrap(),
        ],
        b"",
    );
    let graph: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(graph["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn jsonl_ids_are_unique_strings_and_a_byte_order_mark_is_skipped() {
    let (code, err) = {
        let out = run(
            &["build", "--jsonl", "-"],
            b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n{\"id\": \"a\", \"text\": \"z\"}\n",
        );
        (out.status.code(), stderr(&out))
    };
    assert_eq!(code, Some(2));
    assert!(err.contains("line 3") && err.contains("line 1"), "{err}");
    let out = run(
        &["build", "--jsonl", "-"],
        b"{\"id\": 18446744073709551616000, \"text\": \"x\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("id must be a string"),
        "{}",
        stderr(&out)
    );
    let out = run_ok(
        &["build", "--jsonl", "-"],
        "\u{feff}{\"id\": \"a\", \"text\": \"Ana Ruiz visited Lima.\"}\n".as_bytes(),
    );
    assert!(String::from_utf8_lossy(&out).contains("Ana Ruiz"));
}

#[test]
fn a_fifo_inside_an_input_directory_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Ana Ruiz visited Lima.").unwrap();
    let fifo = dir.path().join("b.txt");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        return;
    }
    let out = run(&["build", dir.path().to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a regular file"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // -q: a run whose output fits the pipe's buffer ends normally, with its
    // summary line; what matters here is that no error is printed.
    let script = format!(
        "{} build - -f dot -q | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}",
        env!("CARGO_BIN_EXE_textkg")
    );
    let mut child = Command::new("bash")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let text = "Ana Ruiz, the mayor of Lima, met Carlos Vega in Paris.\n\n".repeat(2000);
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn a_huge_thread_count_starts_at_once() {
    let started = std::time::Instant::now();
    run_ok(&["build", "-", "-j", "100000"], b"Ana Ruiz visited Lima.");
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn merge_rejects_invalid_graphs_with_the_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let good = run_ok(
        &["build", "-"],
        b"Ana Ruiz, the mayor of Lima, met Carlos Vega in Paris.",
    );
    let good: serde_json::Value = serde_json::from_slice(&good).unwrap();
    assert!(!good["edges"].as_array().unwrap().is_empty());
    type Break = fn(&mut serde_json::Value);
    let cases: [(&str, Break); 5] = [
        ("$.edges[0].confidence", |g| {
            g["edges"][0]["confidence"] = (-5.0).into()
        }),
        ("$.edges[0].source", |g| {
            g["edges"][0]["source"] = "person:nobody".into()
        }),
        ("$.nodes[0].id", |g| g["nodes"][0]["id"] = "".into()),
        ("$.nodes[0].mentions[0].start", |g| {
            g["nodes"][0]["mentions"][0]["start"] = 1000.into()
        }),
        ("$.nodes[0].type", |g| g["nodes"][0]["type"] = "DATE".into()),
    ];
    for (at, break_it) in cases {
        let mut graph = good.clone();
        break_it(&mut graph);
        let path = dir.path().join("bad.json");
        std::fs::write(&path, serde_json::to_vec(&graph).unwrap()).unwrap();
        let out = run(&["merge", path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains(at) && err.contains("bad.json"), "{at}: {err}");
    }
}

#[test]
fn a_usage_error_comes_before_reading_the_input() {
    // Standard input is never closed here: reading it would hang.
    let mut child = textkg()
        .args(["build", "-", "-f", "csv"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let status = child.try_wait().unwrap();
    if status.is_none() {
        let _ = child.kill();
    }
    assert_eq!(status.and_then(|s| s.code()), Some(2));
}
