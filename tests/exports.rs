//! Every export format, loaded into the database or tool it is for.
//!
//! Each test writes a JSON graph, runs the real `textkg merge` to export it,
//! then a checker in `tests/consumers/` loads the export into its consumer
//! (ArcadeDB, LadybugDB, pyoxigraph, NetworkX, Graphviz, ...) and compares
//! nodes, edges, labels, types and evidence with textkg's own JSON export.
//! The consumers live in `.venv/`, made by `scripts/python-env.sh`.

use serde_json::{Value, json};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BASE_IRI: &str = "https://example.org/kg/";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn python() -> PathBuf {
    repo().join(".venv/bin/python")
}

/// Whether a test that loads an export into a consumer must be skipped:
/// the consumers are in `.venv/`, which a fresh clone lacks. Under
/// `TEXTKG_REQUIRE_VENV=1` (set by `.ci/run`) a missing venv fails the
/// test instead.
pub(crate) fn without_consumers() -> bool {
    let python = python();
    if python.exists() {
        return false;
    }
    let missing = format!(
        "{} is missing: run scripts/python-env.sh to install the databases and tools \
         (ArcadeDB, LadybugDB, pyoxigraph, NetworkX, Graphviz) the export tests load into",
        python.display()
    );
    assert!(
        std::env::var_os("TEXTKG_REQUIRE_VENV").is_none_or(|v| v != "1"),
        "{missing} (TEXTKG_REQUIRE_VENV=1)"
    );
    // Straight to stderr: the test harness captures `eprintln!`.
    static NOTE: std::sync::Once = std::sync::Once::new();
    NOTE.call_once(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "note: export consumer tests skipped: {missing}"
        );
    });
    true
}

fn textkg<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_textkg"))
        .args(args)
        .output()
        .expect("run textkg")
}

fn ok(output: Output, what: &str) -> Output {
    assert!(
        output.status.success(),
        "{what} failed ({}):\nstdout:\n{}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Strings that break exporters that splice text into code or markup.
const HOSTILE: [&str; 20] = [
    "He said \"hi\" and left",
    "O'Brien's \\ back\\slash \\\\ \\n \\u0041",
    "line one\nline two\r\nline three",
    "'}) DETACH DELETE n //",
    "\"}) DETACH DELETE n //",
    "`}) MATCH (m) DETACH DELETE m //",
    "<script>alert('x')</script>",
    "]]> <![CDATA[ x ]]>",
    "\"\"\"triple\"\"\" '''quoted'''",
    "null",
    "NaN",
    "None",
    "true",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 𓀀 Zürich",
    "a,b;c|d",
    "#quot; &amp; &#10; %41%2F",
    "$param {x} [y] (z) -- ; DROP TABLE t;",
    "```\n# heading\n```",
    "@prefix x: <http://evil/> . <a> <b> <c> .",
    "../../etc/passwd ? # fragment",
];

const TYPES: [&str; 6] = [
    "PERSON",
    "ORGANIZATION",
    "LOCATION",
    "MISC",
    "DATE",
    "NUMBER",
];

fn span(doc: &str, start: usize, text: &str) -> Value {
    json!({"doc": doc, "start": start, "end": start + text.len(), "text": text})
}

/// A graph like the pipeline makes: every entity type, typed, open and
/// co-mention edges, parallel edges, negated and hedged ones.
fn news_graph() -> Value {
    let node = |ty: &str, slug: &str, label: &str, aliases: &[&str], roles: &[&str]| {
        json!({"id": format!("{}:{slug}", ty.to_lowercase()), "label": label, "type": ty,
               "aliases": aliases, "roles": roles,
               "mentions": [span("d1", 10, label), span("d2", 3, aliases.first().unwrap_or(&label))]})
    };
    let edge = |id: &str,
                s: &str,
                t: &str,
                kind: &str,
                label: &str,
                rel: Option<&str>,
                conf: f64,
                negated: bool,
                hedged: bool,
                evidence: Vec<Value>| {
        json!({"id": id, "source": s, "target": t, "kind": kind, "label": label, "relation": rel,
               "confidence": conf, "negated": negated, "hedged": hedged, "evidence": evidence})
    };
    json!({
        "documents": [{"id": "d1", "source": "news/d1.txt", "bytes": 420},
                      {"id": "d2", "source": "news/d2.txt", "bytes": 300}],
        "nodes": [
            node("PERSON", "barack-obama", "Barack Obama", &["Obama", "President Obama"], &["president"]),
            node("PERSON", "angela-merkel", "Angela Merkel", &["Merkel"], &["chancellor"]),
            node("ORGANIZATION", "united-nations", "United Nations", &["UN"], &[]),
            node("LOCATION", "berlin", "Berlin", &[], &[]),
            node("MISC", "nobel-peace-prize", "Nobel Peace Prize", &[], &[]),
            node("DATE", "2009", "2009", &[], &[]),
            node("NUMBER", "200", "200", &[], &[]),
        ],
        "edges": [
            edge("e01", "person:barack-obama", "organization:united-nations", "typed", "employer",
                 Some("P108"), 0.9, false, false,
                 vec![span("d1", 0, "Obama works for the United Nations."),
                      span("d2", 40, "Obama, who works for the UN, said so.")]),
            edge("e02", "person:barack-obama", "person:angela-merkel", "open", "met with", None,
                 0.7, false, true, vec![span("d1", 50, "Obama reportedly met with Merkel.")]),
            edge("e03", "person:barack-obama", "person:angela-merkel", "co-mention", "co-mention",
                 None, 1.0, false, false,
                 vec![span("d1", 50, "Obama reportedly met with Merkel."),
                      span("d2", 0, "Merkel and Obama spoke.")]),
            edge("e04", "person:angela-merkel", "location:berlin", "open", "visited", None, 0.6,
                 true, false, vec![span("d2", 80, "Merkel did not visit Berlin.")]),
            edge("e05", "person:barack-obama", "misc:nobel-peace-prize", "typed", "award received",
                 Some("P166"), 0.75, false, false,
                 vec![span("d1", 90, "Obama received the Nobel Peace Prize in 2009.")]),
            edge("e06", "misc:nobel-peace-prize", "date:2009", "typed", "point in time",
                 Some("P585"), 0.5, false, false, vec![]),
            edge("e07", "organization:united-nations", "number:200", "open", "has members", None,
                 1e-7, false, false, vec![span("d2", 120, "The UN has nearly 200 members.")]),
        ]
    })
}

/// A graph whose ids, names, aliases, roles, labels, relations, document
/// ids and evidence are all [`HOSTILE`].
fn hostile_graph() -> Value {
    let n = HOSTILE.len();
    let doc = |i: usize| format!("doc {} {}", i % 3, HOSTILE[(i * 7) % n]);
    // `textkg merge` refuses control characters in ids; labels keep them.
    let id_text = |i: usize| HOSTILE[i].replace("\r\n", " ").replace('\n', " ");
    let id = |i: usize| format!("{}:{}", TYPES[i % 6].to_lowercase(), id_text(i));
    let nodes: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": id(i), "label": HOSTILE[i], "type": TYPES[i % 6],
                   "aliases": [HOSTILE[i], HOSTILE[(i + 3) % n]], "roles": [HOSTILE[(i + 5) % n]],
                   "mentions": [span(&doc(i), i, HOSTILE[i])]})
        })
        .collect();
    let mut edges: Vec<Value> = (0..n)
        .map(|i| {
            let (kind, relation) = match i % 4 {
                0 => ("typed", json!("P31")),
                1 => ("open", Value::Null),
                2 => ("co-mention", Value::Null),
                _ => ("typed", json!(HOSTILE[i])),
            };
            json!({"id": format!("e:{}", id_text(i)), "source": id(i), "target": id((i + 1) % n),
                   "kind": kind, "label": HOSTILE[(i + 2) % n], "relation": relation,
                   "confidence": (i as f64) / (n as f64), "negated": i % 3 == 0, "hedged": i % 5 == 0,
                   "evidence": [span(&doc(i), 2 * i, HOSTILE[i]),
                                span(&doc(i + 1), 2 * i + 1, &format!("{} {}", HOSTILE[(i + 1) % n], HOSTILE[i]))]})
        })
        .collect();
    edges.push(
        json!({"id": "e:self", "source": id(3), "target": id(3), "kind": "open",
                      "label": "", "relation": Value::Null, "confidence": 0.5,
                      "negated": false, "hedged": false, "evidence": []}),
    );
    let documents: Vec<Value> = (0..=n)
        .map(|i| json!({"id": doc(i), "source": HOSTILE[i % n], "bytes": i}))
        .collect();
    json!({"documents": documents, "nodes": nodes, "edges": edges})
}

/// A graph written as JSON, with textkg's own JSON export of it (the
/// expected graph), in a temporary directory.
struct Fixture {
    dir: TempDir,
    input: PathBuf,
    expected: PathBuf,
}

impl Fixture {
    fn new(graph: &Value) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("graph.json");
        fs::write(&input, serde_json::to_vec_pretty(graph).unwrap()).unwrap();
        let expected = dir.path().join("expected.json");
        let fixture = Fixture {
            dir,
            input,
            expected,
        };
        ok(fixture.merge("json", &fixture.expected), "export json");
        let data: Value = serde_json::from_slice(&fs::read(&fixture.expected).unwrap()).unwrap();
        let (nodes, edges) = (
            graph["nodes"].as_array().unwrap(),
            graph["edges"].as_array().unwrap(),
        );
        assert_eq!(
            data["nodes"].as_array().unwrap().len(),
            nodes.len(),
            "textkg kept every node"
        );
        assert_eq!(
            data["edges"].as_array().unwrap().len(),
            edges.len(),
            "textkg kept every edge"
        );
        fixture
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn merge(&self, format: &str, out: &Path) -> Output {
        textkg([
            OsStr::new("merge"),
            self.input.as_os_str(),
            OsStr::new("--format"),
            OsStr::new(format),
            OsStr::new("--base-iri"),
            OsStr::new(BASE_IRI),
            // Diagrams leave out nodes without edges unless told to draw them.
            OsStr::new("--isolated"),
            OsStr::new("show"),
            OsStr::new("-o"),
            out.as_os_str(),
        ])
    }

    /// Exports in `format` to a file or directory named after it.
    fn export(&self, format: &str) -> PathBuf {
        let out = self.path(&format!("out.{format}"));
        ok(
            self.merge(format, &out),
            &format!("textkg merge --format {format}"),
        );
        out
    }

    /// Runs a checker from tests/consumers with these arguments, then the expected graph.
    fn check(&self, checker: &str, args: &[&Path]) -> Output {
        let mut command = Command::new(python());
        command.arg(repo().join("tests/consumers").join(checker));
        command.args(args);
        command.arg(&self.expected);
        command.output().expect("run python")
    }
}

fn graphs() -> [(&'static str, Value); 2] {
    [("news", news_graph()), ("hostile", hostile_graph())]
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn arcadedb_runs_the_cypher_script_twice_and_reads_the_graph_back() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let script = f.export("cypher");
        let db = f.path("db");
        fs::create_dir(&db).unwrap();
        let mut command = Command::new(python());
        // ArcadeDB writes its log/ into the working directory.
        command
            .current_dir(f.dir.path())
            .arg(repo().join("tests/consumers/check_arcadedb.py"))
            .args([&script, &f.expected, &db]);
        let out = ok(
            command.output().unwrap(),
            &format!("ArcadeDB check of {name}"),
        );
        assert!(
            stdout(&out).contains("ok: arcadedb"),
            "{name}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn ladybug_runs_the_kuzu_script_twice_and_reads_the_graph_back() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let script = f.export("kuzu");
        let db = f.path("db");
        fs::create_dir(&db).unwrap();
        let mut command = Command::new(python());
        command
            .arg(repo().join("tests/consumers/check_ladybug.py"))
            .args([&script, &f.expected, &db]);
        let out = ok(
            command.output().unwrap(),
            &format!("LadybugDB check of {name}"),
        );
        assert!(
            stdout(&out).contains("ok: ladybug"),
            "{name}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn pyoxigraph_loads_ntriples_turtle_and_jsonld_as_the_same_graph() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let files = [f.export("ntriples"), f.export("turtle"), f.export("jsonld")];
        let mut command = Command::new(python());
        command
            .arg(repo().join("tests/consumers/check_rdf.py"))
            .args(&files)
            .arg(&f.expected)
            .arg(BASE_IRI);
        let out = ok(
            command.output().unwrap(),
            &format!("pyoxigraph check of {name}"),
        );
        assert_eq!(stdout(&out).matches("ok: pyoxigraph").count(), 3, "{name}");
    }
}

#[test]
fn networkx_reads_graphml_and_gexf() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let (graphml, gexf) = (f.export("graphml"), f.export("gexf"));
        let out = ok(
            f.check("check_networkx.py", &[&graphml, &gexf]),
            &format!("NetworkX check of {name}"),
        );
        assert_eq!(stdout(&out).matches("ok: networkx").count(), 2, "{name}");
    }
}

#[test]
fn neo4j_csv_follows_the_import_tool_header_grammar() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let dir = f.export("neo4j-csv");
        let header = fs::read_to_string(dir.join("nodes.csv")).unwrap();
        assert!(
            header.starts_with("id:ID,label,type,aliases:string[],"),
            "{header}"
        );
        let rels = fs::read_to_string(dir.join("relationships.csv")).unwrap();
        assert!(rels.starts_with(":START_ID,:END_ID,:TYPE,id,"), "{rels}");
        assert!(rels.contains(",confidence:double,negated:boolean,"));
        ok(
            f.check("check_neo4j_csv.py", &[&dir]),
            &format!("neo4j-csv check of {name}"),
        );
    }
}

#[test]
fn csv_tables_hold_the_graph() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let dir = f.export("csv");
        ok(
            f.check("check_csv.py", &[&dir]),
            &format!("CSV check of {name}"),
        );
    }
}

#[test]
fn graphviz_reads_the_dot_export() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let dot = f.export("dot");
        ok(
            f.check("check_dot.py", &[&dot]),
            &format!("Graphviz check of {name}"),
        );
    }
}

#[test]
fn graphviz_draws_svg_and_png() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let svg = f.export("svg");
        ok(
            f.check("check_svg.py", &[&svg]),
            &format!("SVG check of {name}"),
        );
        let png = fs::read(f.export("png")).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
        assert!(png.len() > 1000, "{name}: a PNG of {} bytes", png.len());
    }
}

#[test]
fn json_reads_back_as_the_same_graph() {
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let again = f.path("again.json");
        let out = textkg([
            OsStr::new("merge"),
            f.expected.as_os_str(),
            OsStr::new("-o"),
            again.as_os_str(),
        ]);
        ok(out, &format!("merge of {name}'s JSON export"));
        assert_eq!(
            fs::read(&again).unwrap(),
            fs::read(&f.expected).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn mermaid_flowchart_holds_the_graph() {
    if without_consumers() {
        return;
    }
    for (name, graph) in graphs() {
        let f = Fixture::new(&graph);
        let chart = f.export("mermaid");
        ok(
            f.check("check_mermaid.py", &[&chart]),
            &format!("Mermaid check of {name}"),
        );
    }
}

/// The checks are not vacuous: a damaged export fails them.
#[test]
fn checks_fail_on_damaged_exports() {
    if without_consumers() {
        return;
    }
    let f = Fixture::new(&news_graph());
    let replace = |path: &Path, from: &str, to: &str| {
        let text = fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{} lacks {from:?}", path.display());
        fs::write(path, text.replacen(from, to, 1)).unwrap();
    };

    let (graphml, gexf) = (f.export("graphml"), f.export("gexf"));
    replace(&gexf, "Obama works for", "Obama worked for");
    let out = f.check("check_networkx.py", &[&graphml, &gexf]);
    assert!(!out.status.success(), "changed evidence went unnoticed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("evidence"));

    let dir = f.export("neo4j-csv");
    replace(&dir.join("nodes.csv"), "id:ID,", "id,");
    let out = f.check("check_neo4j_csv.py", &[&dir]);
    assert!(!out.status.success(), "a header without :ID went unnoticed");

    let dir = f.export("csv");
    let edges = dir.join("edges.csv");
    let text = fs::read_to_string(&edges).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("e04,")).collect();
    fs::write(&edges, kept.join("\n") + "\n").unwrap();
    let out = f.check("check_csv.py", &[&dir]);
    assert!(!out.status.success(), "a missing edge went unnoticed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("edge count"));

    let mermaid = f.export("mermaid");
    replace(&mermaid, "Barack Obama", "Barack \"Obama");
    let out = f.check("check_mermaid.py", &[&mermaid]);
    assert!(
        !out.status.success(),
        "a raw quote in a Mermaid label went unnoticed"
    );
}

#[test]
fn every_format_writes_the_same_bytes_for_the_same_graph() {
    let graph = hostile_graph();
    let mut shuffled = graph.clone();
    for list in ["documents", "nodes", "edges"] {
        shuffled[list].as_array_mut().unwrap().reverse();
    }
    let (a, b) = (Fixture::new(&graph), Fixture::new(&shuffled));
    let formats = [
        "json", "dot", "graphml", "gexf", "cypher", "kuzu", "ntriples", "turtle", "jsonld",
        "mermaid", "html",
    ];
    for format in formats {
        let (x, y) = (a.export(format), b.export(format));
        assert_eq!(
            fs::read(&x).unwrap(),
            fs::read(&y).unwrap(),
            "{format} differs"
        );
    }
    for format in ["neo4j-csv", "csv"] {
        let (x, y) = (a.export(format), b.export(format));
        for entry in fs::read_dir(&x).unwrap() {
            let name = entry.unwrap().file_name();
            let (p, q) = (x.join(&name), y.join(&name));
            assert_eq!(
                fs::read(&p).unwrap(),
                fs::read(&q).unwrap(),
                "{format} {name:?} differs"
            );
        }
    }
}

#[test]
fn directory_formats_need_a_directory_and_keep_foreign_files() {
    let f = Fixture::new(&news_graph());
    let out = textkg([
        OsStr::new("merge"),
        f.input.as_os_str(),
        OsStr::new("-f"),
        OsStr::new("csv"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("writes a directory") && stderr.contains("-o"),
        "{stderr}"
    );

    // Writing again replaces a directory of our own files.
    let dir = f.export("neo4j-csv");
    fs::write(dir.join("nodes.csv"), "stale").unwrap();
    let dir = f.export("neo4j-csv");
    assert!(
        fs::read_to_string(dir.join("nodes.csv"))
            .unwrap()
            .starts_with("id:ID")
    );

    // A directory holding anything else is left alone.
    let mine = f.path("mine");
    fs::create_dir(&mine).unwrap();
    fs::write(mine.join("notes.txt"), "keep me").unwrap();
    let out = f.merge("csv", &mine);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mine"));
    assert_eq!(
        fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(fs::read_dir(&mine).unwrap().count(), 1);

    // No temporary directories are left beside the output.
    let leftovers: Vec<_> = fs::read_dir(f.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".textkg"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_base_iri_that_is_not_an_iri_is_refused() {
    let f = Fixture::new(&news_graph());
    for bad in ["example.org/kg/", "http://example.org/a b/", "http://x/>"] {
        let out = textkg([
            OsStr::new("merge"),
            f.input.as_os_str(),
            OsStr::new("-f"),
            OsStr::new("turtle"),
            OsStr::new("--base-iri"),
            OsStr::new(bad),
        ]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--base-iri"));
    }
    let out = ok(
        textkg([
            OsStr::new("merge"),
            f.input.as_os_str(),
            OsStr::new("-f"),
            OsStr::new("ntriples"),
        ]),
        "default base IRI",
    );
    assert!(stdout(&out).starts_with("<urn:textkg:document/d1> "));
}

#[test]
fn bench_export_writes_every_streaming_format() {
    let dir = tempfile::tempdir().unwrap();
    let formats = [
        "json",
        "dot",
        "graphml",
        "gexf",
        "cypher",
        "kuzu",
        "neo4j-csv",
        "csv",
        "ntriples",
        "turtle",
        "jsonld",
        "mermaid",
        "html",
    ];
    for format in formats {
        let out = dir.path().join(format);
        let run = ok(
            textkg([
                OsStr::new("bench-export"),
                OsStr::new("--nodes"),
                OsStr::new("200"),
                OsStr::new("--edges"),
                OsStr::new("600"),
                OsStr::new("-f"),
                OsStr::new(format),
                OsStr::new("-o"),
                out.as_os_str(),
            ]),
            &format!("bench-export {format}"),
        );
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("built 200 nodes, 600 edges"), "{stderr}");
        assert!(
            stderr.contains(&format!("exported {format} in ")),
            "{stderr}"
        );
        let size = if out.is_dir() {
            fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().metadata().unwrap().len())
                .sum()
        } else {
            fs::metadata(&out).unwrap().len()
        };
        assert!(size > 20_000, "{format}: only {size} bytes");
    }
}

#[test]
fn bench_full_with_stages_times_every_stage_of_the_build() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let run = ok(
        textkg([
            OsStr::new("bench"),
            OsStr::new("--full"),
            OsStr::new("--stages"),
            OsStr::new("--repeat"),
            OsStr::new("1"),
            OsStr::new("--data"),
            data.as_os_str(),
        ]),
        "bench --full --stages",
    );
    let out = stdout(&run);
    for stage in textkg::pipeline::STAGES
        .iter()
        .map(|s| s.name)
        .chain(["graph and JSON"])
    {
        assert!(
            out.contains(&format!("| {stage} | ")),
            "{stage} missing:\n{out}"
        );
    }
    assert!(out.contains("MB per CPU second"), "{out}");
}
