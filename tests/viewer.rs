//! The HTML viewer in a real browser: headless Chromium, driven through
//! WebDriver by `tests/consumers/check_viewer.py` (selenium, in `.venv/`
//! made by `scripts/python-env.sh`; Chromium and chromedriver from Debian's
//! `chromium` and `chromium-driver`, which `.ci/run` installs).
//!
//! The seed-article test also saves the screenshot the README shows,
//! `docs/viewer.png`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn python() -> PathBuf {
    let python = repo().join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/python-env.sh to install selenium, which drives Chromium \
         in the viewer tests (and apt-get install chromium chromium-driver)",
        python.display()
    );
    python
}

fn textkg(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_textkg"))
        .args(args)
        .output()
        .expect("run textkg");
    assert!(
        output.status.success(),
        "textkg {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Writes the HTML page and the JSON graph of `inputs` into `dir`.
fn build(dir: &TempDir, inputs: &[&str]) -> (PathBuf, PathBuf) {
    let (html, json) = (dir.path().join("graph.html"), dir.path().join("graph.json"));
    for (format, path) in [("html", &html), ("json", &json)] {
        let mut args = vec!["build"];
        args.extend(inputs);
        args.extend(["--format", format, "-o", path.to_str().unwrap()]);
        textkg(&args);
    }
    (html, json)
}

fn check_in_browser(html: &Path, json: &Path, extra: &[&str]) -> String {
    let output = Command::new(python())
        .arg(repo().join("tests/consumers/check_viewer.py"))
        .args([html, json])
        .args(extra)
        .output()
        .expect("run check_viewer.py");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success() && stdout.contains("ok: viewer"),
        "viewer check of {} failed:\n{stdout}\n{}",
        html.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    eprintln!("{stdout}");
    stdout
}

#[test]
fn the_seed_article_opens_with_kim_jong_un_and_his_mentions() {
    if crate::exports::without_consumers() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let seed = repo().join("../shared/seed/article.txt");
    let (html, json) = build(&dir, &[seed.to_str().unwrap()]);
    let screenshot = repo().join("docs/viewer.png");
    let report = check_in_browser(
        &html,
        &json,
        &[
            "--click",
            "Kim Jong Un",
            "--mention",
            "Kim",
            "--search",
            "Kim",
            "--screenshot",
            screenshot.to_str().unwrap(),
        ],
    );
    assert!(report.contains("Kim Jong Un:"), "{report}");
    assert!(screenshot.metadata().unwrap().len() > 10_000);
}

#[test]
fn the_harbour_example_and_the_collection_draw_every_node_and_edge() {
    if crate::exports::without_consumers() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let example = repo().join("examples/harbour-deal.txt");
    let (html, json) = build(&dir, &[example.to_str().unwrap()]);
    check_in_browser(
        &html,
        &json,
        &["--search", "Solberg", "--click", "Ingrid Solberg"],
    );

    let dir = TempDir::new().unwrap();
    let examples = repo().join("examples");
    let (html, json) = build(&dir, &[examples.to_str().unwrap()]);
    check_in_browser(&html, &json, &[]);
}

#[test]
fn hostile_text_stays_text() {
    if crate::exports::without_consumers() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let text = "Ana </script><script>alert(1)</script> Lopez met Paul <b>Berg</b> in Oslo \u{2028}on Monday. \
                Ana Lopez works for Acme Corp.";
    let input = dir.path().join("hostile.txt");
    std::fs::write(&input, text).unwrap();
    let (html, json) = build(&dir, &[input.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(
        page.matches("<script").count(),
        3,
        "no script element added"
    );
    check_in_browser(&html, &json, &[]);
}

#[test]
fn five_thousand_nodes_and_twenty_thousand_edges_draw_within_a_minute() {
    if crate::exports::without_consumers() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (html, json) = (dir.path().join("big.html"), dir.path().join("big.json"));
    for (format, path) in [("html", &html), ("json", &json)] {
        textkg(&[
            "bench-export",
            "--nodes",
            "5000",
            "--edges",
            "20000",
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
    }
    check_in_browser(&html, &json, &["--search", "Entity 42", "--timeout", "60"]);
}

#[test]
fn the_same_graph_gives_the_same_page() {
    let dir = TempDir::new().unwrap();
    let examples = repo().join("examples");
    let (first, _) = build(&dir, &[examples.to_str().unwrap()]);
    let first = std::fs::read(first).unwrap();
    let (second, _) = build(&dir, &[examples.to_str().unwrap()]);
    assert_eq!(first, std::fs::read(second).unwrap());
}
