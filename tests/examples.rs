//! `graphs/` holds what the tool makes of `examples/`; it must be current.
//! Regenerate with `scripts/regenerate-graphs.sh`.

use crate::util::*;

#[test]
fn example_graphs_are_up_to_date() {
    let example = repo().join("examples/harbour-deal.txt");
    let example = example.to_str().unwrap();
    for format in ["json", "dot"] {
        let fresh = run_ok(&["build", example, "--format", format], b"");
        let stored = std::fs::read(repo().join(format!("graphs/harbour-deal.{format}")))
            .unwrap_or_else(|e| panic!("graphs/harbour-deal.{format}: {e}"));
        assert!(
            fresh == stored,
            "graphs/harbour-deal.{format} is out of date: run scripts/regenerate-graphs.sh"
        );
    }
    let svg = read(repo().join("graphs/harbour-deal.svg"));
    assert!(svg.contains("<svg"));
}
