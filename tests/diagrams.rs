//! Static diagrams (DOT, SVG, PNG) stay readable, and `--per-doc` writes one
//! file per document for formats that hold one graph.

use crate::util::*;

fn seed() -> String {
    shared()
        .join("seed/article.txt")
        .to_str()
        .unwrap()
        .to_string()
}

fn seed_graph() -> textkg::graph::GraphData {
    let text = read(seed());
    graph(&run_ok(&["build", &seed()], b""), &[("article.txt", &text)])
}

fn dot(args: &[&str]) -> String {
    let mut all = vec!["build", "--format", "dot"];
    all.extend(args);
    String::from_utf8(run_ok(&all, b"")).unwrap()
}

/// The ids of the entity nodes a DOT file draws (not the legend's).
fn drawn_nodes(dot: &str) -> Vec<String> {
    dot.lines()
        .filter(|l| l.starts_with("  \"") && !l.contains(" -> ") && !l.contains("legend:"))
        .map(|l| l[3..].split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn the_seed_diagram_has_a_title_and_lists_nodes_without_edges_in_one_box() {
    let seed = seed();
    let graph = seed_graph();
    let linked: std::collections::BTreeSet<&str> = graph
        .edges
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .collect();
    let lonely: Vec<&str> = graph
        .nodes
        .iter()
        .filter(|n| !linked.contains(n.id.as_str()))
        .map(|n| n.label.as_str())
        .collect();
    assert!(
        !lonely.is_empty(),
        "the seed article has nodes without edges"
    );

    let listed = dot(&[&seed]);
    assert!(
        listed.contains("label=\"article.txt\", labelloc=t"),
        "{listed}"
    );
    let mut drawn = drawn_nodes(&listed);
    drawn.sort();
    assert_eq!(
        drawn,
        linked.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    );
    let boxed = listed
        .lines()
        .find(|l| l.contains("legend:isolated"))
        .unwrap();
    assert!(boxed.contains(&format!("Not linked to anything ({})", lonely.len())));
    for label in &lonely {
        assert!(boxed.contains(label), "{label} missing from {boxed}");
    }

    let hidden = dot(&[&seed, "--isolated", "hide"]);
    assert!(!hidden.contains("legend:isolated"));
    assert_eq!(drawn_nodes(&hidden).len(), linked.len());
    let shown = dot(&[&seed, "--isolated", "show"]);
    assert_eq!(drawn_nodes(&shown).len(), graph.nodes.len());
}

#[test]
fn the_edges_between_a_pair_are_one_line_with_every_label() {
    let seed = seed();
    let graph = seed_graph();
    let kim_and_trump: Vec<&str> = graph
        .edges
        .iter()
        .filter(|e| {
            let pair = [e.source.as_str(), e.target.as_str()];
            pair.contains(&"person:kim-jong-un") && pair.contains(&"person:trump")
        })
        .map(|e| e.label.as_str())
        .collect();
    assert!(kim_and_trump.len() > 1, "{kim_and_trump:?}");
    let dot = dot(&[&seed]);
    let lines: Vec<&str> = dot
        .lines()
        .filter(|l| {
            l.contains(" -> ")
                && l.contains("\"person:kim-jong-un\"")
                && l.contains("\"person:trump\"")
        })
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    for label in kim_and_trump {
        assert!(
            lines[0].contains(label),
            "{label} missing from {}",
            lines[0]
        );
    }
    // North Korea: a typed edge (head of state) and an open one (leader of).
    let korea = dot
        .lines()
        .filter(|l| l.contains(" -> ") && l.contains("\"location:north-korea\""))
        .collect::<Vec<_>>();
    assert_eq!(korea.len(), 1, "{korea:?}");
    assert!(korea[0].contains("style=bold"), "{}", korea[0]);
}

#[test]
fn max_nodes_keeps_the_most_mentioned_and_the_layout_follows_the_size() {
    let seed = seed();
    let graph = seed_graph();
    let mut by_mentions: Vec<(usize, &str)> = graph
        .nodes
        .iter()
        .map(|n| (n.mentions.len(), n.id.as_str()))
        .collect();
    by_mentions.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let top: std::collections::BTreeSet<&str> = by_mentions.iter().take(4).map(|p| p.1).collect();
    let small = dot(&[&seed, "--max-nodes", "4", "--isolated", "show"]);
    let drawn = drawn_nodes(&small);
    assert_eq!(drawn.len(), 4);
    assert!(
        drawn.iter().all(|id| top.contains(id.as_str())),
        "{drawn:?}"
    );
    assert!(small.contains("(the 4 most mentioned of"), "{small}");
    assert!(small.contains("layout=dot"));

    let big = run_ok(
        &[
            "bench-export",
            "--nodes",
            "200",
            "--edges",
            "400",
            "--format",
            "dot",
        ],
        b"",
    );
    let big = String::from_utf8(big).unwrap();
    assert!(big.contains("layout=sfdp"), "200 nodes are drawn by sfdp");
    let chosen = dot(&[&seed, "--layout", "neato"]);
    assert!(chosen.contains("layout=neato"));

    let zero = run(
        &["build", &seed, "--format", "dot", "--max-nodes", "0"],
        b"",
    );
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn per_doc_writes_one_file_per_document_into_a_directory() {
    let examples = repo().join("examples");
    let examples = examples.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for format in ["svg", "png", "graphml", "gexf", "html", "dot"] {
        let out = dir.path().join(format);
        run_ok(
            &[
                "build",
                examples,
                "--per-doc",
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ],
            b"",
        );
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                format!("fisheries-row.{format}"),
                format!("harbour-deal.{format}")
            ]
        );
        if format == "svg" {
            let svg = read(out.join("harbour-deal.svg"));
            assert_eq!(svg.matches("<svg").count(), 1);
            // Graphviz writes the title's hyphen as &#45;.
            assert!(svg.contains("deal.txt") && !svg.contains("row.txt"));
        }
    }
    let refused = run(&["build", examples, "--per-doc", "--format", "svg"], b"");
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("-o DIR"), "{}", stderr(&refused));
    assert!(refused.stdout.is_empty());
}
