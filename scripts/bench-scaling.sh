#!/usr/bin/env bash
# Time per MB of `textkg build` on one document of growing size, from 10 KB
# to 20 MB: the GUM Wikinews texts of ../shared/data, joined and repeated
# (written to a temporary folder, never into the repository). The time is
# CPU time (user + system) of one thread, so other work on the machine
# does not inflate it; the start-up (loading the models, about 0.3 s), timed
# on a one-sentence document, is taken off before dividing by the size.
#   scripts/bench-scaling.sh [path/to/textkg] [sizes in bytes...]
#
# Corpora of many documents (scripts/make-corpus.py: Re-DocRED, GUM and EWT
# texts in equal parts, repeated with distinct ids, in a temporary folder):
#   scripts/bench-scaling.sh --corpus [path/to/textkg] [sizes in MB...]
#     `build --per-doc` and the merged `build` on each size (default 16 64
#     256), all cores: wall and CPU seconds, peak memory, nodes, edges (for
#     --per-doc summed over the documents' graphs).
#   scripts/bench-scaling.sh --threads [path/to/textkg] [size in MB]
#     `build --per-doc` with -j1 and -j2 on one corpus (default 64 MB):
#     wall and CPU seconds, the speed-up, and the load average around it.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
if [ "$mode" = --corpus ] || [ "$mode" = --threads ]; then
  shift
  textkg=${1:-target/release/textkg}
  shift || true
  sizes=("$@")
  if [ ${#sizes[@]} -eq 0 ]; then
    if [ "$mode" = --corpus ]; then sizes=(16 64 256); else sizes=(64); fi
  fi
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # One run: wall s, CPU s, peak MB, output MB, and the summary line's counts.
  measure() {
    local out=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$textkg" build "$@" -o "$out" 2>"$tmp/summary"
    read -r wall user sys peak <"$tmp/time"
    counts=$(grep -o '[0-9]* documents, [0-9.]* MB, [0-9]* nodes, [0-9]* edges' "$tmp/summary" | tail -1)
    size=$(stat -c %s "$out")
    rm -f "$out"
    python3 -c "print(f'{$wall:8.1f} {$user+$sys:8.1f} {$peak/1024:8.0f} {$size/1e6:8.0f}   $counts')"
  }
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for mb in "${sizes[@]}"; do
    corpus=$tmp/corpus-$mb.jsonl
    python3 scripts/make-corpus.py "${mb}e6" "$corpus" 2>/dev/null
    if [ "$mode" = --corpus ]; then
      printf '%6s MB  %-8s %8s %8s %8s %8s   %s\n' "$mb" mode wall_s cpu_s peak_MB out_MB counts
      printf '%6s MB  %-8s ' "$mb" per-doc; measure "$tmp/out.jsonl" --jsonl "$corpus" --per-doc
      printf '%6s MB  %-8s ' "$mb" merged; measure "$tmp/out.json" --jsonl "$corpus"
    else
      printf '%6s MB  %-8s %8s %8s %8s %8s   %s\n' "$mb" threads wall_s cpu_s peak_MB out_MB counts
      for j in 1 2; do
        printf '%6s MB  -j%-6s ' "$mb" "$j"; measure "$tmp/out.jsonl" --jsonl "$corpus" --per-doc -j "$j"
      done
    fi
    rm -f "$corpus"
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
textkg=${1:-target/release/textkg}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000 5000000 20000000)
texts=../shared/data/gum-wikinews/text
[ -d "$texts" ] || { echo "missing $texts" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$texts" "$tmp" "${sizes[@]}" <<'PY'
import pathlib, sys
texts, out, sizes = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3:]
joined = "\n\n".join(p.read_text() for p in sorted(texts.glob("*.txt"))) + "\n\n"
data = joined.encode()
for size in map(int, sizes):
    body = (data * (size // len(data) + 1))[:size]
    while True:
        try:
            text = body.decode()
            break
        except UnicodeDecodeError:
            body = body[:-1]
    (out / f"{size}.txt").write_text(text)
PY
cpu() {
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$textkg" build -j1 "$1" >/dev/null
  read -r user sys peak <"$tmp/time"
  echo "$user $sys $peak"
}
echo "Ana Ruiz visited Lima." >"$tmp/start.txt"
read -r user sys _ < <(cpu "$tmp/start.txt")
start=$(python3 -c "print($user + $sys)")
echo "start-up: $start s"
printf '%12s %10s %12s %10s\n' bytes cpu_s s_per_MB peak_MB
for size in "${sizes[@]}"; do
  file=$tmp/$size.txt
  bytes=$(wc -c <"$file")
  read -r user sys peak < <(cpu "$file")
  python3 -c "b=$bytes; s=$user+$sys; w=max(s-$start,0); print(f'{b:12d} {s:10.2f} {w/(b/1e6):12.2f} {$peak/1024:10.0f}')"
done
