use crate::util::*;

fn fails_naming(args: &[&str], stdin: &[u8], needles: &[&str]) {
    let out = run(args, stdin);
    assert_eq!(out.status.code(), Some(2), "exit status of {args:?}");
    let err = stderr(&out);
    for needle in needles {
        assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
}

#[test]
fn missing_file_is_named() {
    fails_naming(
        &["build", "/no/such/file.txt"],
        b"",
        &["/no/such/file.txt", "No such file"],
    );
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Caf\xe9 society").unwrap();
    fails_naming(
        &["build", path.to_str().unwrap()],
        b"",
        &["latin1.txt", "UTF-8", "offset 3"],
    );
}

#[test]
fn binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.txt");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    fails_naming(
        &["build", path.to_str().unwrap()],
        b"",
        &["image.txt", "binary", "NUL"],
    );
}

#[test]
fn malformed_jsonl_names_the_line() {
    let input = b"{\"id\": \"a\", \"text\": \"Ana Ruiz.\"}\n{\"id\": \"b\", \"txt\": 1}\n";
    fails_naming(&["build", "--jsonl", "-"], input, &["<stdin>", "line 2"]);
}

#[test]
fn unknown_format_and_type_are_usage_errors() {
    fails_naming(&["build", "-", "--format", "docx"], b"x", &["docx"]);
    fails_naming(
        &["build", "-", "--types", "PERSON,ANIMAL"],
        b"x",
        &["ANIMAL"],
    );
}

#[test]
fn failed_run_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&good, "Ana Ruiz visited Lima.").unwrap();
    std::fs::write(&bad, b"\xff\xfe").unwrap();
    let out_path = dir.path().join("graph.json");
    let out = run(
        &[
            "build",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!out_path.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 2, "no temporary file left behind");
}

#[test]
fn unwritable_output_is_named() {
    fails_naming(
        &["build", "-", "-o", "/no/such/dir/graph.json"],
        b"Ana Ruiz visited Lima.",
        &["/no/such/dir/graph.json"],
    );
}

#[test]
fn empty_input_gives_a_valid_empty_graph() {
    let out = run_ok(&["build", "-"], b"");
    let g = graph(&out, &[("-", "")]);
    assert!(g.nodes.is_empty() && g.edges.is_empty());
    assert_eq!(g.documents.len(), 1);
    let out = run_ok(&["build", "-"], b"   \n\n  ");
    assert!(graph(&out, &[("-", "   \n\n  ")]).nodes.is_empty());
}

#[test]
fn merge_rejects_what_is_not_a_graph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    std::fs::write(&path, "{\"hello\": 1}").unwrap();
    fails_naming(
        &["merge", path.to_str().unwrap()],
        b"",
        &["notes.json", "not a textkg JSON graph"],
    );
}

#[test]
fn bad_alias_file_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aliases.txt");
    std::fs::write(&path, "same: A | B\nmerge everything\n").unwrap();
    fails_naming(
        &["build", "-", "--aliases", path.to_str().unwrap()],
        b"x",
        &["aliases.txt", "line 2"],
    );
}
