"""examples/spark/build_graph.py in Spark's local mode, on four partitions,
against `textkg build` on one machine: the same bytes."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, documents
from pyspark.sql import SparkSession

SCRIPT = REPO / "examples" / "spark" / "build_graph.py"


def spark_env() -> dict:
    env = dict(os.environ)
    # Executors run this interpreter, which has textkg installed.
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    return env


def spark_submit(*args) -> subprocess.CompletedProcess:
    submit = Path(sys.executable).parent / "spark-submit"
    assert submit.is_file(), f"{submit} is missing: pip install pyspark (tests/python/requirements.txt)"
    proc = subprocess.run(
        [str(submit), "--master", "local[4]", "--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN", str(SCRIPT), *map(str, args)],
        capture_output=True,
        env=spark_env(),
        timeout=600,
    )
    if proc.returncode != 0:
        raise AssertionError(f"spark-submit failed ({proc.returncode}):\n{proc.stderr.decode()[-4000:]}")
    return proc


def partitions(proc) -> int:
    # spark-submit sends the Python driver's stderr to its stdout.
    output = proc.stdout.decode() + proc.stderr.decode()
    found = re.search(r"textkg: (\d+) partitions built and merged", output)
    assert found, output[-2000:]
    return int(found.group(1))


def test_spark_on_four_partitions_writes_the_clis_graph(cli, corpus, cli_graph, tmp_path):
    out = tmp_path / "graph.json"
    proc = spark_submit("--jsonl", corpus, "--partitions", "4", "-o", out)
    assert partitions(proc) >= 4
    assert out.read_bytes() == cli_graph


def test_spark_writes_other_formats_and_settings(cli, corpus, tmp_path):
    rules = tmp_path / "aliases.txt"
    rules.write_text("same: Gabriel Rojas | Rojas\nlabel: Ingrid Solberg = Prime Minister Solberg\n", encoding="utf-8")
    flags = ["--types", "all", "--co-mentions", "--aliases", rules, "-f", "graphml"]
    want = cli.run("build", "--jsonl", corpus, *flags).stdout
    proc = spark_submit("--jsonl", corpus, "--partitions", "5", *flags)
    assert proc.stdout == want
    out = tmp_path / "graph"
    proc = spark_submit("--jsonl", corpus, "--partitions", "5", "--min-confidence", "0.3", "-f", "csv", "-o", out)
    assert partitions(proc) >= 5
    cli.run("build", "--jsonl", corpus, "--min-confidence", "0.3", "-f", "csv", "-o", tmp_path / "cli")
    want = {p.name: p.read_bytes() for p in (tmp_path / "cli").iterdir()}
    assert {p.name: p.read_bytes() for p in out.iterdir()} == want


def load_example():
    spec = importlib.util.spec_from_file_location("build_graph", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    # No __pycache__ left in examples/.
    dont_write, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = dont_write
    return module


def test_spark_reads_a_dataframe_and_a_parquet_column(cli, corpus, cli_graph, tmp_path, monkeypatch):
    for key, value in spark_env().items():
        monkeypatch.setenv(key, value)
    example = load_example()
    spark = (
        SparkSession.builder.master("local[4]")
        .config("spark.ui.enabled", "false")
        .config("spark.log.level", "WARN")
        .getOrCreate()
    )
    try:
        rows = [(d["id"], d["text"]) for d in documents()]
        df = spark.createDataFrame(rows, "id string, body string")
        built = example.graph_from_dataframe(df, text_column="body", name=corpus, partitions=4)
        assert built.partitions == 4
        assert built.graph.encode() == cli_graph
        parquet = tmp_path / "docs.parquet"
        df.coalesce(1).write.parquet(str(parquet))
    finally:
        spark.stop()
    out = tmp_path / "graph.json"
    proc = spark_submit(
        "--parquet", parquet, "--text-column", "body", "--name", corpus, "--partitions", "4", "-o", out
    )
    assert partitions(proc) >= 4
    assert out.read_bytes() == cli_graph


def test_spark_reports_bad_input_with_the_clis_message(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Oslo."}\n{"id": true, "text": "Bergen."}\n', encoding="utf-8")
    want = cli.error("build", "--jsonl", bad)
    submit = Path(sys.executable).parent / "spark-submit"
    proc = subprocess.run(
        [str(submit), "--master", "local[2]", "--conf", "spark.log.level=WARN", str(SCRIPT), "--jsonl", bad, "-o", tmp_path / "g.json"],
        capture_output=True,
        env=spark_env(),
        timeout=600,
    )
    assert proc.returncode == 2
    assert f"textkg: error: {want}" in proc.stdout.decode() + proc.stderr.decode()
    assert not (tmp_path / "g.json").exists()
