//! Golden outputs: every layer the pipeline writes (mentions, entities,
//! relations, with offsets) for every GUM text, every example and the seed
//! article, compared line for line with `tests/golden/`.
//!
//! The files hold offsets, types and ids, never the text: the corpora stay
//! in `../shared/data`, and no test quotes evaluation text. A failure prints
//! the changed lines with the text they point at. `GOLDEN_UPDATE=1 cargo
//! test --release golden` rewrites the files; an intended change to the
//! pipeline's output shows as their diff in the commit.

use crate::util::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use textkg::document::{Document, RelationKind, Span};
use textkg::pipeline::Pipeline;

fn hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

fn span(s: Span) -> String {
    format!("{}-{}", s.start, s.end)
}

/// The text-free golden form of an annotated document, one fact a line.
fn golden_lines(doc: &Document) -> String {
    let mut out = String::new();
    writeln!(out, "text {} bytes={}", hash(&doc.text), doc.text.len()).unwrap();
    for (i, m) in doc.mentions.iter().enumerate() {
        let entity = doc.mention_entity[i].map_or("-".to_string(), |e| format!("e{}", e.0));
        let role = m.role.map_or("-".to_string(), span);
        writeln!(
            out,
            "mention m{i} {} {} {:?} {entity} role={role}",
            span(m.span),
            m.ty.as_str(),
            m.kind
        )
        .unwrap();
    }
    for (i, e) in doc.entities.iter().enumerate() {
        let label = doc
            .mentions
            .iter()
            .position(|m| doc.slice(m.span) == e.label)
            .map_or_else(|| format!("#{}", hash(&e.label)), |m| format!("m{m}"));
        let members: Vec<String> = e
            .mentions
            .iter()
            .map(|(m, rule)| format!("m{}:{rule:?}", m.0))
            .collect();
        writeln!(
            out,
            "entity e{i} {} label={label} aliases={} roles={} [{}]",
            e.ty.as_str(),
            e.aliases.len(),
            e.roles.len(),
            members.join(" ")
        )
        .unwrap();
    }
    for r in &doc.relations {
        let what = match r.kind {
            RelationKind::Open => format!("#{}", hash(&r.label)),
            _ => r.property.clone().unwrap_or_else(|| hash(&r.label)),
        };
        let evidence: Vec<String> = r.evidence.iter().map(|s| span(*s)).collect();
        writeln!(
            out,
            "relation {} e{} e{} {what} conf={} negated={} hedged={} evidence={}",
            r.kind.as_str(),
            r.head.0,
            r.tail.0,
            r.confidence,
            r.negated,
            r.hedged,
            evidence.join(",")
        )
        .unwrap();
    }
    out
}

/// A golden line with the text each `a-b` span and `mN` mention points at.
fn readable(line: &str, doc: &Document) -> String {
    let mut out = line.to_string();
    for word in line.split_whitespace() {
        let field = word.split_once('=').map_or(word, |(_, v)| v);
        for part in field.split(',') {
            if let Some((a, b)) = part.split_once('-')
                && let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>())
                && let Some(text) = doc.text.get(a..b)
            {
                let short: String = text.chars().take(120).collect();
                write!(out, " | {part}={short:?}").unwrap();
            }
        }
        if let Some(m) = field.strip_prefix('m')
            && let Ok(m) = m.parse::<usize>()
            && let Some(mention) = doc.mentions.get(m)
        {
            write!(out, " | m{m}={:?}", doc.slice(mention.span)).unwrap();
        }
    }
    out
}

/// Lines of `old` not in `new` and lines of `new` not in `old`, in order
/// (a longest common subsequence diff).
fn diff<'a>(old: &'a str, new: &'a str) -> Vec<(char, &'a str)> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut changes) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            changes.push(('+', b[j]));
            j += 1;
        } else {
            changes.push(('-', a[i]));
            i += 1;
        }
    }
    changes
}

/// Every text with a golden file: (golden path, document id, text file).
fn inputs() -> Vec<(PathBuf, String, PathBuf)> {
    let golden = repo().join("tests/golden");
    let mut inputs = Vec::new();
    let mut add_dir = |dir: &Path, group: &str| {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let stem = name.trim_end_matches(".txt");
            inputs.push((
                golden.join(group).join(format!("{stem}.golden")),
                name,
                file,
            ));
        }
    };
    add_dir(&shared().join("data/gum-wikinews/text"), "gum");
    add_dir(&repo().join("examples"), "examples");
    add_dir(&shared().join("seed"), "seed");
    inputs
}

#[test]
fn pipeline_output_matches_the_golden_files() {
    let update = std::env::var_os("GOLDEN_UPDATE").is_some_and(|v| v == "1");
    let pipeline = Pipeline::default();
    let inputs = inputs();
    assert!(
        inputs.len() >= 46,
        "GUM, examples and seed: {}",
        inputs.len()
    );
    let mut report = String::new();
    for (golden, id, file) in &inputs {
        let doc = pipeline.annotate(id, &read(file));
        let actual = golden_lines(&doc);
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(golden, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(golden).unwrap_or_default();
        if expected != actual {
            writeln!(report, "== {}", golden.display()).unwrap();
            for (sign, line) in diff(&expected, &actual).into_iter().take(60) {
                writeln!(report, "{sign} {}", readable(line, &doc)).unwrap();
            }
        }
    }
    assert!(
        report.is_empty(),
        "pipeline output differs from tests/golden (GOLDEN_UPDATE=1 rewrites it; \
         '-' lines are read against today's text, their m-numbers may have moved):\n{report}"
    );
}

#[test]
fn golden_diff_lists_removed_and_added_lines_in_order() {
    let changes = diff("a\nb\nc\nd\n", "a\nc\nx\nd\n");
    assert_eq!(changes, vec![('-', "b"), ('+', "x")]);
}
