#!/usr/bin/env bash
# Rebuilds graphs/ from examples/ with the current textkg: one graph per
# example, and graphs/collection.* of all examples together (one node per
# entity across documents).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
for example in examples/*.txt; do
  name=$(basename "$example" .txt)
  for format in json dot svg png; do
    target/release/textkg build "$example" --format "$format" -o "graphs/$name.$format"
  done
done
for format in json dot svg png; do
  target/release/textkg build examples/ --format "$format" -o "graphs/collection.$format"
done
echo "graphs/ regenerated"
