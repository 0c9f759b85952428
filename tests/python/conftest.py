"""Shared fixtures: the textkg binary the Python package is compared with,
and a JSON Lines collection of the repository's examples, the seed article
and the stories in stories.py."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from stories import STORIES

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def binary() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    path = Path(os.environ.get("TEXTKG_BIN", target / "release" / "textkg"))
    if not path.is_file():
        raise RuntimeError(f"{path} is missing: run `cargo build --release` (or set TEXTKG_BIN)")
    return path


class Cli:
    def __init__(self):
        self.path = binary()

    def run(self, *args, ok=True) -> subprocess.CompletedProcess:
        proc = subprocess.run([str(self.path), *map(str, args)], capture_output=True)
        if ok and proc.returncode != 0:
            raise AssertionError(f"textkg {' '.join(map(str, args))} failed: {proc.stderr.decode()}")
        return proc

    def error(self, *args) -> str:
        """The message of a failing command, without the `textkg: error: ` prefix."""
        proc = self.run(*args, ok=False)
        assert proc.returncode == 2, proc
        stderr = proc.stderr.decode().strip()
        assert stderr.startswith("textkg: error: "), stderr
        return stderr.removeprefix("textkg: error: ")


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli()


def documents() -> list[dict]:
    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted((REPO / "examples").glob("*.txt"))]
    seed = SHARED / "seed" / "article.txt"
    docs.append({"id": "seed/article.txt", "text": seed.read_text(encoding="utf-8")})
    docs += [{"id": doc_id, "text": text} for doc_id, text in STORIES]
    return docs


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> str:
    """The collection as JSON Lines; its path as a string, the way the CLI is given it."""
    path = tmp_path_factory.mktemp("corpus") / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for doc in documents():
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return str(path)


@pytest.fixture(scope="session")
def cli_graph(cli, corpus) -> bytes:
    """`textkg build --jsonl` on the collection, as JSON."""
    return cli.run("build", "--jsonl", corpus).stdout
