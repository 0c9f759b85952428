use crate::util::*;
use textkg::graph::{GraphData, Node};

const A: &str = "Prime Minister Ingrid Solberg met Gabriel Rojas in Oslo. Solberg smiled.";
const B: &str = "Gabriel Rojas returned to Santiago. Rojas met Ingrid Solberg again in Chile.";
const C: &str = "Ingrid Solberg visited Chile and spoke with Marta Vidal.";

fn built(text: &str, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let out = dir.join(format!("{name}.json"));
    run_ok(
        &["build", path.to_str().unwrap(), "-o", out.to_str().unwrap()],
        b"",
    );
    out
}

#[test]
fn one_entity_across_documents_gets_one_node() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("a.txt", A), ("b.txt", B)] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = run_ok(&["build", dir.path().to_str().unwrap()], b"");
    let g = graph(&out, &[("a.txt", A), ("b.txt", B)]);
    let rojas: Vec<_> = g
        .nodes
        .iter()
        .filter(|n| n.label == "Gabriel Rojas")
        .collect();
    assert_eq!(rojas.len(), 1);
    let docs: std::collections::BTreeSet<&str> =
        rojas[0].mentions.iter().map(|m| m.doc.as_str()).collect();
    assert_eq!(docs.len(), 2);
}

#[test]
fn merge_is_associative_and_commutative_and_matches_build() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        built(A, dir.path(), "a.txt"),
        built(B, dir.path(), "b.txt"),
        built(C, dir.path(), "c.txt"),
    );
    let s = |p: &std::path::PathBuf| p.to_str().unwrap().to_string();
    let abc = run_ok(&["merge", &s(&a), &s(&b), &s(&c)], b"");
    let cab = run_ok(&["merge", &s(&c), &s(&a), &s(&b)], b"");
    assert_eq!(abc, cab);
    let ab = dir.path().join("ab.json");
    run_ok(&["merge", &s(&a), &s(&b), "-o", &s(&ab)], b"");
    let ab_c = run_ok(&["merge", &s(&ab), &s(&c)], b"");
    let bc = dir.path().join("bc.json");
    run_ok(&["merge", &s(&b), &s(&c), "-o", &s(&bc)], b"");
    let a_bc = run_ok(&["merge", &s(&a), &s(&bc)], b"");
    assert_eq!(ab_c, a_bc);
    assert_eq!(abc, ab_c);
    // Merging a graph with itself changes nothing.
    let aa = run_ok(&["merge", &s(&a), &s(&a)], b"");
    assert_eq!(aa, std::fs::read(&a).unwrap());
}

const SURNAME_ONLY: &str = "Rojas said on Monday that the talks with Solberg would resume in Lima.";
const NAMESAKE: &str =
    "Elena Rojas, the mayor of Valparaiso, said Rojas had never visited the port.";

fn nodes_named<'a>(g: &'a GraphData, id: &str) -> Vec<&'a Node> {
    g.nodes.iter().filter(|n| n.id == id).collect()
}

#[test]
fn a_surname_alone_in_one_document_joins_the_full_name_of_another() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [("b.txt", B), ("d.txt", SURNAME_ONLY)];
    for (name, text) in texts {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let log = dir.path().join("merges.jsonl");
    let out = run_ok(
        &[
            "build",
            dir.path().to_str().unwrap(),
            "--explain",
            log.to_str().unwrap(),
        ],
        b"",
    );
    let g = graph(&out, &texts);
    assert!(nodes_named(&g, "person:rojas").is_empty());
    assert!(nodes_named(&g, "person:solberg").is_empty());
    let rojas = nodes_named(&g, "person:gabriel-rojas");
    let docs: std::collections::BTreeSet<&str> =
        rojas[0].mentions.iter().map(|m| m.doc.as_str()).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["b.txt", "d.txt"]);
    let last: serde_json::Value = serde_json::from_str(read(&log).lines().last().unwrap()).unwrap();
    let merged = last["cross_document"]["merged"].as_array().unwrap();
    assert!(merged.iter().any(|m| m["merged"] == "person:rojas"
        && m["node"] == "person:gabriel-rojas"
        && m["rule"] == "alias"));
}

#[test]
fn a_surname_two_people_share_stays_apart_whatever_the_merge_order() {
    let dir = tempfile::tempdir().unwrap();
    let (b, d, e) = (
        built(B, dir.path(), "b.txt"),
        built(SURNAME_ONLY, dir.path(), "d.txt"),
        built(NAMESAKE, dir.path(), "e.txt"),
    );
    let s = |p: &std::path::PathBuf| p.to_str().unwrap().to_string();
    let bd = dir.path().join("bd.json");
    run_ok(&["merge", &s(&b), &s(&d), "-o", &s(&bd)], b"");
    let joined = graph(
        &read(&bd).into_bytes(),
        &[("b.txt", B), ("d.txt", SURNAME_ONLY)],
    );
    assert!(nodes_named(&joined, "person:rojas").is_empty());

    let log = dir.path().join("merges.jsonl");
    let bd_e = run_ok(&["merge", &s(&bd), &s(&e), "--explain", &s(&log)], b"");
    let all = graph(
        &bd_e,
        &[("b.txt", B), ("d.txt", SURNAME_ONLY), ("e.txt", NAMESAKE)],
    );
    assert_eq!(nodes_named(&all, "person:rojas").len(), 1);
    assert_eq!(nodes_named(&all, "person:gabriel-rojas").len(), 1);
    assert_eq!(nodes_named(&all, "person:elena-rojas").len(), 1);
    let last: serde_json::Value = serde_json::from_str(read(&log).lines().last().unwrap()).unwrap();
    assert_eq!(
        last["cross_document"]["refused"][0]["reason"],
        "fits more than one entity"
    );
    assert_eq!(run_ok(&["merge", &s(&e), &s(&d), &s(&b)], b""), bd_e);
    let de = dir.path().join("de.json");
    run_ok(&["merge", &s(&d), &s(&e), "-o", &s(&de)], b"");
    assert_eq!(run_ok(&["merge", &s(&de), &s(&b)], b""), bd_e);
}

#[test]
fn an_alias_file_forces_joins_and_splits_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let (b, d, e) = (
        built(B, dir.path(), "b.txt"),
        built(SURNAME_ONLY, dir.path(), "d.txt"),
        built(NAMESAKE, dir.path(), "e.txt"),
    );
    let s = |p: &std::path::PathBuf| p.to_str().unwrap().to_string();
    let texts = [("b.txt", B), ("d.txt", SURNAME_ONLY), ("e.txt", NAMESAKE)];
    let rules = dir.path().join("aliases.txt");

    std::fs::write(&rules, "different: Gabriel Rojas | Rojas\n").unwrap();
    let log = dir.path().join("merges.jsonl");
    let out = run_ok(
        &[
            "merge",
            &s(&b),
            &s(&d),
            "--aliases",
            &s(&rules),
            "--explain",
            &s(&log),
        ],
        b"",
    );
    let apart = graph(&out, &texts[..2]);
    assert_eq!(nodes_named(&apart, "person:rojas").len(), 1);
    assert!(read(&log).contains("the alias file keeps Gabriel Rojas and Rojas apart"));

    // Ambiguous on its own ("Elena Rojas" too), joined because the file says so.
    std::fs::write(&rules, "same: Gabriel Rojas | Rojas\n").unwrap();
    let out = run_ok(
        &["merge", &s(&b), &s(&d), &s(&e), "--aliases", &s(&rules)],
        b"",
    );
    let joined = graph(&out, &texts);
    assert!(nodes_named(&joined, "person:rojas").is_empty());
    let gabriel = nodes_named(&joined, "person:gabriel-rojas");
    assert!(gabriel[0].mentions.iter().any(|m| m.doc == "d.txt"));
    assert_eq!(nodes_named(&joined, "person:elena-rojas").len(), 1);
}

/// The JSON of a graph, as `textkg build` and `textkg merge` write it.
fn json_of(graph: &textkg::graph::KnowledgeGraph) -> Vec<u8> {
    let mut out = Vec::new();
    textkg::export::export(
        graph,
        textkg::export::Format::Json,
        &textkg::export::Options::default(),
        &mut out,
    )
    .unwrap();
    out
}

#[test]
fn merging_separate_builds_of_any_split_gives_the_bytes_of_one_build() {
    use textkg::graph::{KnowledgeGraph, TypeFilter, parse_json};
    let files = gum_texts(12);
    let pipeline = textkg::pipeline::Pipeline::default();
    let graphs: Vec<KnowledgeGraph> = files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let id = path.file_name().unwrap().to_string_lossy().into_owned();
            let doc = pipeline.annotate(&id, &text);
            KnowledgeGraph::from_document(&doc, &id, &TypeFilter::default())
        })
        .collect();
    let whole = json_of(&KnowledgeGraph::merge(graphs.clone()));
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for round in 0..6 {
        // A random split into groups, each built and written on its own,
        // then read back and merged in a random order.
        let groups = 1 + next(graphs.len());
        let mut parts: Vec<Vec<KnowledgeGraph>> = vec![Vec::new(); groups];
        for graph in &graphs {
            parts[next(groups)].push(graph.clone());
        }
        let mut written: Vec<Vec<u8>> = parts
            .into_iter()
            .map(|part| json_of(&KnowledgeGraph::merge(part)))
            .collect();
        for i in (1..written.len()).rev() {
            written.swap(i, next(i + 1));
        }
        let read: Vec<KnowledgeGraph> = written
            .iter()
            .map(|bytes| {
                let text = std::str::from_utf8(bytes).unwrap();
                KnowledgeGraph::from_data(
                    parse_json(std::path::Path::new("part.json"), text).unwrap(),
                )
            })
            .collect();
        let merged = json_of(&KnowledgeGraph::merge(read));
        assert!(
            merged == whole,
            "round {round}: {groups} groups differ from one build"
        );
    }
}
