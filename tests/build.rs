use crate::util::*;
use textkg::document::EntityType;

const NEWS: &str = "Secretary of State Maria Okafor arrived in Nairobi on 5 May 2021. \
Okafor met Kenyan president William Ruto at the airport. She later flew to Addis Ababa.";

#[test]
fn a_text_file_becomes_a_graph_with_merged_aliases_and_valid_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visit.txt");
    std::fs::write(&path, NEWS).unwrap();
    let out = run_ok(&["build", path.to_str().unwrap(), "--format", "json"], b"");
    let g = graph(&out, &[("visit.txt", NEWS)]);
    let okafor = g
        .nodes
        .iter()
        .find(|n| n.label == "Maria Okafor")
        .expect("Okafor node");
    assert_eq!(okafor.ty, EntityType::Person);
    assert!(okafor.aliases.contains(&"Okafor".to_string()));
    assert_eq!(okafor.roles, ["Secretary of State"]);
    assert!(
        !g.nodes
            .iter()
            .any(|n| n.label == "Okafor" || n.label == "She")
    );
    assert_eq!(g.documents[0].bytes, NEWS.len());
}

#[test]
fn standard_input_and_jsonl_give_documents_their_ids() {
    let out = run_ok(&["build", "-"], NEWS.as_bytes());
    let g = graph(&out, &[("-", NEWS)]);
    assert_eq!(g.documents[0].id, "-");
    let jsonl = format!(
        "{}\n\n{}\n",
        serde_json::json!({"id": "a", "text": NEWS}),
        serde_json::json!({"id": "7", "text": "Ana Ruiz visited Lima."})
    );
    let out = run_ok(&["build", "--jsonl", "-"], jsonl.as_bytes());
    let g = graph(&out, &[("a", NEWS), ("7", "Ana Ruiz visited Lima.")]);
    let ids: Vec<&str> = g.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["7", "a"]);
}

#[test]
fn a_jsonl_file_given_as_an_input_is_read_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "visit", "text": NEWS}),
        serde_json::json!({"id": "trip", "text": "Ana Ruiz visited Lima."})
    );
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, &lines).unwrap();
    let corpus = corpus.to_str().unwrap();
    let by_name = run_ok(&["build", corpus, "--per-doc"], b"");
    assert_eq!(
        by_name,
        run_ok(&["build", "--jsonl", corpus, "--per-doc"], b"")
    );
    let ids: Vec<String> = std::str::from_utf8(&by_name)
        .unwrap()
        .lines()
        .map(|line| {
            let texts = [("visit", NEWS), ("trip", "Ana Ruiz visited Lima.")];
            graph(line.as_bytes(), &texts).documents[0].id.clone()
        })
        .collect();
    assert_eq!(ids, ["visit", "trip"]);

    let second = dir.path().join("more.ndjson");
    std::fs::write(&second, &lines).unwrap();
    let out = run(&["build", corpus, second.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("one JSON Lines input") && message.contains("more.ndjson"),
        "{message}"
    );
}

#[test]
fn directories_are_read_recursively_in_sorted_order_with_relative_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
    std::fs::write(dir.path().join("b/c/two.md"), "Ana Ruiz visited Lima.").unwrap();
    std::fs::write(dir.path().join("a.txt"), NEWS).unwrap();
    std::fs::write(dir.path().join("skip.bin"), [0u8, 1, 2]).unwrap();
    let out = run_ok(&["build", dir.path().to_str().unwrap(), "--per-doc"], b"");
    let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    let first = graph(lines[0].as_bytes(), &[("a.txt", NEWS)]);
    let second = graph(
        lines[1].as_bytes(),
        &[("b/c/two.md", "Ana Ruiz visited Lima.")],
    );
    assert_eq!(first.documents[0].id, "a.txt");
    assert_eq!(second.documents[0].id, "b/c/two.md");
}

#[test]
fn types_choose_which_entities_become_nodes() {
    let default = graph(&run_ok(&["build", "-"], NEWS.as_bytes()), &[("-", NEWS)]);
    assert!(!default.nodes.iter().any(|n| n.ty == EntityType::Date));
    let all = graph(
        &run_ok(&["build", "-", "--types", "all"], NEWS.as_bytes()),
        &[("-", NEWS)],
    );
    assert!(
        all.nodes
            .iter()
            .any(|n| n.ty == EntityType::Date && n.label == "5 May 2021")
    );
    let people = graph(
        &run_ok(&["build", "-", "--types", "PERSON"], NEWS.as_bytes()),
        &[("-", NEWS)],
    );
    assert!(people.nodes.iter().all(|n| n.ty == EntityType::Person));
    assert!(!people.nodes.is_empty());
}

#[test]
fn output_is_the_same_bytes_whatever_the_thread_count() {
    let dir = repo().join("examples");
    let dir = dir.to_str().unwrap();
    let one = run_ok(&["build", dir, "-j", "1"], b"");
    let four = run_ok(&["build", dir, "-j", "4"], b"");
    assert_eq!(one, four);
    let dot1 = run_ok(&["build", dir, "-j", "1", "--format", "dot"], b"");
    let dot4 = run_ok(&["build", dir, "-j", "3", "--format", "dot"], b"");
    assert_eq!(dot1, dot4);
}

#[test]
fn dot_output_renders_without_warnings_and_escapes_hostile_labels() {
    let text = "Ana \"Quote\" Ruiz met Bob\\Back Lee in Oslo. Ana \"Quote\" Ruiz left.";
    let dot = run_ok(&["build", "-", "--format", "dot"], text.as_bytes());
    let dot = String::from_utf8(dot).unwrap();
    assert!(dot.contains("legend"), "DOT has a legend");
    let rendered = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(dot.as_bytes())?;
            child.wait_with_output()
        })
        .expect("Graphviz dot is installed (apt-get install graphviz)");
    assert!(rendered.status.success());
    assert_eq!(String::from_utf8_lossy(&rendered.stderr), "", "dot warned");
    let svg = String::from_utf8(rendered.stdout).unwrap();
    assert!(svg.contains("Oslo"));
    graphviz_parses(&dot);
}

fn graphviz_parses(dot: &str) {
    graphviz_rust::parse(dot).expect("graphviz-rust parses the DOT");
}

#[test]
fn svg_and_png_are_rendered_by_dot() {
    let svg = run_ok(&["build", "-", "--format", "svg"], NEWS.as_bytes());
    assert!(String::from_utf8_lossy(&svg).contains("<svg"));
    let png = run_ok(&["build", "-", "--format", "png"], NEWS.as_bytes());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn co_mention_edges_only_on_request() {
    let text = "Ana Ruiz and Bob Lee were seen in Oslo. Ana Ruiz and Bob Lee were seen again.";
    let plain = graph(&run_ok(&["build", "-"], text.as_bytes()), &[("-", text)]);
    assert!(
        plain
            .edges
            .iter()
            .all(|e| e.kind != textkg::document::RelationKind::CoMention)
    );
    let co = graph(
        &run_ok(&["build", "-", "--co-mentions"], text.as_bytes()),
        &[("-", text)],
    );
    let pair = co
        .edges
        .iter()
        .find(|e| e.source == "person:ana-ruiz" && e.target == "person:bob-lee")
        .expect("co-mention edge");
    assert_eq!(pair.weight(), 2);
}

#[test]
fn explain_logs_merge_rules_and_refusals() {
    let text = "Chen Wei Ming and Chen Li Hua spoke in Busan on Friday. Chen said the plan would work. \
                Li Hua later left.";
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("merges.jsonl");
    run_ok(
        &["build", "-", "--explain", log.to_str().unwrap()],
        text.as_bytes(),
    );
    let line: serde_json::Value = serde_json::from_str(read(&log).lines().next().unwrap()).unwrap();
    let refused = line["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0]["text"], "Chen");
    assert_eq!(refused[0]["candidates"].as_array().unwrap().len(), 2);
    let nodes = line["nodes"].as_array().unwrap();
    let li_hua = nodes
        .iter()
        .find(|n| n["label"] == "Chen Li Hua")
        .expect("Chen Li Hua");
    let rules: Vec<&str> = li_hua["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["same-name", "person-name-part"]);
}

#[test]
fn alias_file_forces_merges_and_labels() {
    let text = "Acme Ltd hired Ana Lopez in Oslo. Acme Widgets grew fast.";
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("aliases.txt");
    std::fs::write(
        &rules,
        "same: Acme Ltd | Acme Widgets\nlabel: Acme Ltd = Acme Limited\n",
    )
    .unwrap();
    let g = graph(
        &run_ok(
            &["build", "-", "--aliases", rules.to_str().unwrap()],
            text.as_bytes(),
        ),
        &[("-", text)],
    );
    let acme = g
        .nodes
        .iter()
        .find(|n| n.label == "Acme Limited")
        .expect("forced label");
    assert_eq!(acme.mentions.len(), 2);
}

#[test]
fn open_relations_can_be_read_from_the_parsers_trees() {
    let text = "Sunrise Textiles, which Tarun Mehta founded in 1994, now employs 4,000 people.";
    let founded = |how: &str| {
        let out = run_ok(&["build", "-", "--open-relations", how], text.as_bytes());
        graph(&out, &[("-", text)]).edges.iter().any(|e| {
            e.source == "person:tarun-mehta"
                && e.target.ends_with(":sunrise-textiles")
                && e.label == "founded"
        })
    };
    assert!(founded("trees"));
    assert!(
        !founded("tokens"),
        "the token reader misses an object relative"
    );
    let refused = run(
        &["build", "-", "--open-relations", "words"],
        text.as_bytes(),
    );
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("--open-relations"));
}
