#!/usr/bin/env bash
# Builds the textkg Python package (python/, an abi3 wheel made by maturin)
# and installs it into .venv/ (scripts/python-env.sh), beside the release
# binary the Python tests compare it with. The wheel lands in target/wheels/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
[ -x .venv/bin/maturin ] || scripts/python-env.sh

cargo build --release --quiet
rm -f "$CARGO_TARGET_DIR"/wheels/textkg-*.whl
.venv/bin/maturin build --release --quiet --manifest-path python/Cargo.toml \
    --interpreter .venv/bin/python --out "$CARGO_TARGET_DIR/wheels"
wheel="$(ls "$CARGO_TARGET_DIR"/wheels/textkg-*.whl)"
.venv/bin/python -m pip install --quiet --no-input --disable-pip-version-check \
    --force-reinstall --no-deps "$wheel"
echo "python-package: installed $wheel ($(du -k "$wheel" | cut -f1) KiB)"
