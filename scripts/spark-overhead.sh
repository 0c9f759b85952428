#!/usr/bin/env bash
# Measures what running textkg through Spark's local mode
# (examples/spark/build_graph.py) costs against the plain binary on the same
# input: the GUM Wikinews texts of ../shared/data as JSON Lines, COPIES times
# over under distinct ids. Checks that both graphs are the same bytes.
# Needs scripts/python-package.sh to have run. Not a test: it prints figures.
#
#   scripts/spark-overhead.sh                 # COPIES=10 PARTITIONS=4 CORES=2
#   COPIES=40 PARTITIONS=8 CORES=2 scripts/spark-overhead.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
copies="${COPIES:-10}"
partitions="${PARTITIONS:-4}"
cores="${CORES:-$(nproc)}"
binary="${CARGO_TARGET_DIR:-$root/target}/release/textkg"
python="$root/.venv/bin/python"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" - "$root/../shared/data/gum-wikinews/text" "$copies" >"$work/docs.jsonl" <<'PY'
import json, pathlib, sys
texts = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
for copy in range(int(sys.argv[2])):
    for path in texts:
        print(json.dumps({"id": f"{copy}/{path.stem}", "text": path.read_text(encoding="utf-8")}))
PY
size="$(du -k "$work/docs.jsonl" | cut -f1)"
docs="$(wc -l <"$work/docs.jsonl")"

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
cd "$work"
start="$(now)"
"$binary" build --jsonl docs.jsonl -j "$cores" -o plain.json
plain="$(calc "$(now) - $start")"

start="$(now)"
PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python" "$root/.venv/bin/spark-submit" \
    --master "local[$cores]" --conf spark.ui.enabled=false \
    "$root/examples/spark/build_graph.py" --jsonl docs.jsonl --partitions "$partitions" \
    -o spark.json >spark.log 2>&1 || { tail -n 40 spark.log; exit 1; }
spark="$(calc "$(now) - $start")"
inner="$(sed -n 's/^textkg: .* in \([0-9.]*\) s$/\1/p' spark.log)"

if cmp -s plain.json spark.json; then same="byte-identical"; else same="DIFFERENT"; fi
printf 'input: %s documents, %s KiB; %s cores, %s partitions\n' "$docs" "$size" "$cores" "$partitions"
printf 'textkg build:        %6.2f s\n' "$plain"
printf 'spark-submit local:  %6.2f s (of which the job, after Spark started: %s s)\n' "$spark" "$inner"
printf 'overhead:            %6.2f s, %.1fx; graphs %s\n' "$(calc "$spark - $plain")" \
    "$(calc "$spark / $plain")" "$same"
[ "$same" = "byte-identical" ]
