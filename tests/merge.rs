use crate::util::*;

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
