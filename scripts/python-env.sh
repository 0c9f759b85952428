#!/usr/bin/env bash
# Creates .venv/ at the repository root with the graph databases and tools
# the export tests load textkg's output into (tests/requirements.txt), what
# the Python package is built and tested with (tests/python/requirements.txt:
# maturin, pytest, PySpark), and Graphviz's `dot`. Idempotent: quick when
# everything is already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
requirements="$root/tests/requirements.txt"
python_requirements="$root/tests/python/requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(cat "$requirements" "$python_requirements" | sha256sum | cut -d' ' -f1)"

if ! command -v dot >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "python-env: installing graphviz"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
    else
        echo "python-env: Graphviz's dot is missing: install graphviz" >&2
        exit 1
    fi
fi

if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    echo "python-env: $venv is up to date"
    exit 0
fi

python="${PYTHON:-python3}"
echo "python-env: creating $venv from $requirements and $python_requirements"
if ! "$python" -m venv "$venv"; then
    echo "python-env: '$python -m venv' failed; install Python's venv module (Debian: apt-get install python3-venv)" >&2
    exit 1
fi
"$venv/bin/python" -m pip install --quiet --no-input --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install --quiet --no-input --disable-pip-version-check -r "$requirements" -r "$python_requirements"
"$venv/bin/python" -c "import arcadedb_embedded, ladybug, pyoxigraph, networkx, selenium, pytest, pyspark"
echo "$want" >"$stamp"
echo "python-env: ready"
