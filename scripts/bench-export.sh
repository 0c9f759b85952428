#!/usr/bin/env bash
# Exports a synthetic graph (default 1M nodes, 3M edges) in every streaming
# format with the hidden `textkg bench-export` command and prints a Markdown
# table of export time, peak memory (/usr/bin/time -v) and output size.
# usage: scripts/bench-export.sh [NODES] [EDGES] [OUTDIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodes="${1:-1000000}"
edges="${2:-3000000}"
out="${3:-$(mktemp -d)}"
mkdir -p "$out"
bin="$root/target/release/textkg"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"

run() { # name, format, output path, extra args...
    local name="$1" format="$2" path="$3"
    shift 3
    local log="$out/$name.log"
    /usr/bin/time -v "$bin" bench-export --nodes "$nodes" --edges "$edges" -f "$format" -o "$path" "$@" 2>"$log"
    local export_s rss size
    export_s="$(sed -n 's/^exported .* in \([0-9.]*\) s$/\1/p' "$log")"
    [ "$name" = baseline ] && export_s="$(sed -n 's/^built .* in \([0-9.]*\) s$/\1/p' "$log")"
    rss="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$log")"
    size="$(du -sb "$path" 2>/dev/null | cut -f1 || true)"
    printf '| %s | %s | %d | %d |\n' "$name" "${export_s:--}" "$((rss / 1024))" "$((${size:-0} / 1048576))"
    rm -rf "$path"
}

echo "| format | export (s) | peak RSS (MiB) | output (MiB) |"
echo "| --- | ---: | ---: | ---: |"
# The baseline builds the graph and exports nothing; its time is the build's.
run baseline json "$out/none" --skip-export
for format in json dot graphml gexf cypher kuzu neo4j-csv csv ntriples turtle jsonld mermaid; do
    run "$format" "$format" "$out/out.$format"
done
