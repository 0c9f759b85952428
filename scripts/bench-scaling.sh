#!/usr/bin/env bash
# Time per MB of `textkg build` on one document of growing size, from 10 KB
# to 20 MB: the GUM Wikinews texts of ../shared/data, joined and repeated
# (written to a temporary folder, never into the repository). The time is
# CPU time (user + system) of one thread, so other work on the machine
# does not inflate it; the start-up (loading the models, about 0.3 s), timed
# on a one-sentence document, is taken off before dividing by the size.
#   scripts/bench-scaling.sh [path/to/textkg] [sizes in bytes...]
set -euo pipefail
cd "$(dirname "$0")/.."
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
