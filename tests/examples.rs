//! `graphs/` holds what the tool makes of `examples/`; it must be current.
//! Regenerate with `scripts/regenerate-graphs.sh`.

use crate::util::*;

#[test]
fn example_graphs_are_up_to_date() {
    for format in ["json", "dot"] {
        // Run from the repository with the relative path the script uses,
        // since the JSON records the source path.
        let out = textkg()
            .current_dir(repo())
            .args(["build", "examples/harbour-deal.txt", "--format", format])
            .output()
            .expect("textkg runs");
        assert!(out.status.success(), "{}", stderr(&out));
        let fresh = out.stdout;
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
