//! Builds as streams: the summary line, `--quiet`, empty input, the same
//! bytes for every thread count across batches, and `merge` over JSON Lines
//! of per-document graphs as the reduce step of `build --per-doc`.

use crate::util::*;
use std::path::Path;

const PEOPLE: [&str; 6] = [
    "Ana Ruiz",
    "Carlos Vega",
    "Marta Vidal",
    "Ingrid Solberg",
    "Gabriel Rojas",
    "Tomas Berg",
];
const PLACES: [&str; 5] = ["Lima", "Oslo", "Santiago", "Quito", "Bergen"];

/// `n` short documents of made-up news as JSON Lines, ids `d0`, `d1`, …
fn jsonl(n: usize) -> String {
    (0..n)
        .map(|i| {
            let (a, b) = (PEOPLE[i % 6], PEOPLE[(i / 6 + i + 1) % 6]);
            let place = PLACES[i % 5];
            let text = format!(
                "{a} met {b} in {place} on Monday. {a} later said the talks in {place} went well."
            );
            format!(
                "{}\n",
                serde_json::json!({"id": format!("d{i}"), "text": text})
            )
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The one summary line, checked for shape; returns it.
fn summary(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", stderr(out));
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one summary line: {err:?}");
    assert!(lines[0].starts_with("textkg: "), "{err:?}");
    assert!(
        lines[0].contains(" s, ") && lines[0].contains(" MB/s → "),
        "{err:?}"
    );
    lines[0].to_string()
}

#[test]
fn every_build_ends_with_one_summary_line_and_quiet_prints_nothing() {
    let text = "Ana Ruiz met Carlos Vega in Lima. Ruiz later visited Oslo.";
    let out = run(&["build", "-"], text.as_bytes());
    let line = summary(&out);
    let g = graph(&out.stdout, &[("-", text)]);
    let expected = format!(
        "textkg: 1 document, 0.00 MB, {} nodes, {} edges, ",
        g.nodes.len(),
        g.edges.len()
    );
    assert!(line.starts_with(&expected), "{line:?} vs {expected:?}");
    assert!(line.ends_with("→ standard output"), "{line:?}");

    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "docs.jsonl", &jsonl(7));
    let output = dir.path().join("graphs.jsonl");
    let output = output.to_str().unwrap();
    let out = run(
        &["build", "--jsonl", &input, "--per-doc", "-o", output],
        b"",
    );
    let line = summary(&out);
    assert!(line.starts_with("textkg: 7 documents, "), "{line:?}");
    assert!(line.ends_with(&format!("→ {output}")), "{line:?}");
    assert_eq!(read(output).lines().count(), 7);

    for quiet in ["-q", "--quiet"] {
        let out = run(&["build", "-", quiet], text.as_bytes());
        assert!(out.status.success());
        assert_eq!(stderr(&out), "", "{quiet} prints nothing");
        assert!(!out.stdout.is_empty());
        let out = run(&["build", "--jsonl", &input, "--per-doc", quiet], b"");
        assert_eq!(stderr(&out), "");
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 7);
    }
    // Without a terminal, --progress adds lines only every few seconds:
    // this short build still prints just its summary.
    let out = run(&["build", "-", "--progress"], text.as_bytes());
    summary(&out);
    let refused = run(&["build", "-", "--progress", "--quiet"], text.as_bytes());
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn empty_input_writes_an_empty_graph_and_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let empty = empty.to_str().unwrap();
    let out = run(&["build", empty], b"");
    let line = summary(&out);
    assert!(
        line.starts_with(&format!(
            "textkg: 0 documents (looked at {empty}), 0.00 MB, 0 nodes, 0 edges"
        )),
        "{line:?}"
    );
    let g = graph(&out.stdout, &[]);
    assert!(g.documents.is_empty() && g.nodes.is_empty() && g.edges.is_empty());

    let blank = write(dir.path(), "blank.jsonl", "\n\n");
    let out = run(&["build", "--jsonl", &blank, empty, "--per-doc"], b"");
    let line = summary(&out);
    assert!(
        line.starts_with(&format!(
            "textkg: 0 documents (looked at {blank}, {empty}), "
        )),
        "{line:?}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn output_is_the_same_bytes_for_every_thread_count_across_batches() {
    // More documents than one batch holds (256), so batches meet.
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "docs.jsonl", &jsonl(300));
    let per_doc: Vec<Vec<u8>> = ["1", "2", "3"]
        .iter()
        .map(|j| {
            run_ok(
                &["build", "--jsonl", &input, "--per-doc", "-j", j, "-q"],
                b"",
            )
        })
        .collect();
    assert_eq!(per_doc[0], per_doc[1]);
    assert_eq!(per_doc[0], per_doc[2]);
    let ids: Vec<String> = String::from_utf8(per_doc[0].clone())
        .unwrap()
        .lines()
        .map(|line| {
            let g: textkg::graph::GraphData = serde_json::from_str(line).unwrap();
            g.documents[0].id.clone()
        })
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, expected, "in input order");
    let merged: Vec<Vec<u8>> = ["1", "2"]
        .iter()
        .map(|j| run_ok(&["build", "--jsonl", &input, "-j", j, "-q"], b""))
        .collect();
    assert_eq!(merged[0], merged[1]);
}

#[test]
fn merging_per_document_graphs_in_any_grouping_gives_the_bytes_of_one_build() {
    let dir = tempfile::tempdir().unwrap();
    let files = gum_texts(10);
    let corpus: String = files
        .iter()
        .map(|path| {
            let id = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(path).unwrap();
            format!("{}\n", serde_json::json!({"id": id, "text": text}))
        })
        .collect();
    let input = write(dir.path(), "corpus.jsonl", &corpus);
    let whole = run_ok(&["build", "--jsonl", &input, "-q"], b"");
    let lines: Vec<String> = String::from_utf8(run_ok(
        &["build", "--jsonl", &input, "--per-doc", "-q"],
        b"",
    ))
    .unwrap()
    .lines()
    .map(|l| format!("{l}\n"))
    .collect();
    assert_eq!(lines.len(), files.len());
    let all = write(dir.path(), "all.jsonl", &lines.concat());
    assert_eq!(
        run_ok(&["merge", &all, "-q"], b""),
        whole,
        "one JSON Lines file"
    );
    assert_eq!(
        run_ok(&["merge", "-", "-q"], lines.concat().as_bytes()),
        whole
    );

    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for round in 0..4 {
        let groups = 1 + next(lines.len());
        let mut parts = vec![String::new(); groups];
        for line in &lines {
            parts[next(groups)].push_str(line);
        }
        // Each group stays JSON Lines, or is reduced to one JSON graph first
        // (from a file or from standard input); then all are merged.
        let mut paths = Vec::new();
        for (i, part) in parts.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
            let lines_path = write(dir.path(), &format!("r{round}-{i}.jsonl"), part);
            let path = match next(3) {
                0 => lines_path,
                1 => {
                    let reduced = run_ok(&["merge", &lines_path, "-q"], b"");
                    write(
                        dir.path(),
                        &format!("r{round}-{i}.json"),
                        &String::from_utf8(reduced).unwrap(),
                    )
                }
                _ => {
                    let reduced = run_ok(&["merge", "-", "-q"], part.as_bytes());
                    write(
                        dir.path(),
                        &format!("r{round}-{i}.json"),
                        &String::from_utf8(reduced).unwrap(),
                    )
                }
            };
            paths.push(path);
        }
        for i in (1..paths.len()).rev() {
            paths.swap(i, next(i + 1));
        }
        let mut args = vec!["merge", "-q"];
        args.extend(paths.iter().map(String::as_str));
        assert_eq!(run_ok(&args, b""), whole, "round {round}: {paths:?}");
    }
}

#[test]
fn merge_names_the_line_of_a_bad_graph_in_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "docs.jsonl", &jsonl(2));
    let lines = String::from_utf8(run_ok(
        &["build", "--jsonl", &input, "--per-doc", "-q"],
        b"",
    ))
    .unwrap();
    let bad = write(
        dir.path(),
        "bad.jsonl",
        &format!("{lines}\n{{\"nodes\": 3}}\n"),
    );
    let out = run(&["merge", &bad], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{bad}: line 4: not a textkg JSON graph")),
        "{err}"
    );
    let merged = run(&["merge", &bad.replace("bad.jsonl", "docs.jsonl")], b"");
    assert_eq!(merged.status.code(), Some(2), "documents are not graphs");
}
