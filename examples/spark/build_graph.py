"""Builds one knowledge graph from many documents with Apache Spark.

Each partition of the input goes through the textkg Python package (one
graph per partition, documents annotated as `textkg build` annotates them),
the partition graphs are merged pairwise with `textkg.merge` (a tree
reduce), and the driver writes the result in any `--format`. Merging
depends only on the set of documents, so the graph is the one
`textkg build --jsonl FILE` writes on one machine, byte for byte.

    spark-submit examples/spark/build_graph.py --jsonl docs.jsonl -o graph.json
    spark-submit examples/spark/build_graph.py --parquet docs/ --text-column body -f turtle -o g.ttl

From Python, graph_from_jsonl(sc, path) and graph_from_dataframe(df) return
the graph as JSON text (with the number of partitions) for textkg.export.

docs/scaling.md gives the commands for a local run and for a cluster.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from typing import NamedTuple

import textkg
from pyspark import SparkFiles
from pyspark.sql import SparkSession


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--jsonl", metavar="PATH", help='JSON Lines, one {"id", "text"} object a line')
    src.add_argument("--parquet", metavar="PATH", help="Parquet files with a column of texts")
    p.add_argument("--text-column", default="text", help="the Parquet column of texts (default: text)")
    p.add_argument(
        "--id-column", default="id", help="the Parquet column of document ids (default: id; absent: the row number)"
    )
    p.add_argument(
        "--name",
        help="what document sources (NAME:LINE) and errors call the input (default: the path as given, "
        "as `textkg build --jsonl PATH` does)",
    )
    p.add_argument(
        "--partitions", type=int, default=None, help="partitions: at least this many for JSON Lines, exactly this many for Parquet"
    )
    p.add_argument("-f", "--format", default="json", choices=textkg.FORMATS)
    p.add_argument("-o", "--output", help="output file (a directory for csv and neo4j-csv); default: stdout")
    p.add_argument("--base-iri", default=None)
    p.add_argument("--types", default=textkg.DEFAULT_TYPES)
    p.add_argument("--min-confidence", type=float, default=None)
    p.add_argument("--co-mentions", action="store_true")
    p.add_argument("--aliases", metavar="FILE", help="alias rules (docs/aliases.md), shipped to every executor")
    p.add_argument(
        "--threads-per-task",
        type=int,
        default=1,
        help="threads each Spark task annotates with (default 1: Spark runs one task per core)",
    )
    p.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[4]")
    return p.parse_args(argv)


def _ship_aliases(sc, aliases):
    """Sends an alias file to every executor; its name there, for SparkFiles."""
    if aliases is None:
        return None
    sc.addFile(os.path.abspath(aliases))
    return os.path.basename(aliases)


class Built(NamedTuple):
    graph: str  # JSON text, as `textkg build` writes it
    partitions: int


def _merge_partitions(parts, aliases_name) -> Built:
    def merge_pair(a: str, b: str) -> str:
        aliases = SparkFiles.get(aliases_name) if aliases_name else None
        return textkg.merge([a, b], aliases=aliases, as_json=True)

    return Built(parts.treeReduce(merge_pair), parts.getNumPartitions())


def graph_from_jsonl(sc, path: str, *, name=None, partitions=None, aliases=None, **settings) -> Built:
    """The graph of JSON Lines at `path`: `textkg build --jsonl PATH` on a
    cluster. `settings` are textkg.build_jsonl's keywords."""
    name = name or path
    aliases_name = _ship_aliases(sc, aliases)
    # Line numbers make each document's source NAME:LINE, as --jsonl does.
    lines = sc.textFile(path, minPartitions=partitions).zipWithIndex()

    def build_partition(rows):
        numbered = ((index + 1, line) for line, index in rows)
        aliases = SparkFiles.get(aliases_name) if aliases_name else None
        yield textkg.build_jsonl(numbered, name=name, aliases=aliases, as_json=True, **settings)

    return _merge_partitions(lines.mapPartitions(build_partition), aliases_name)


def graph_from_dataframe(
    df, *, text_column="text", id_column="id", name="<dataframe>", partitions=None, aliases=None, **settings
) -> Built:
    """The graph of a DataFrame's column of texts. Ids come from
    `id_column` when the DataFrame has it, else the row number from 1; a
    document's source is NAME:ROW. `settings` are textkg.build's keywords."""
    has_id = id_column in df.columns
    aliases_name = _ship_aliases(df.sparkSession.sparkContext, aliases)
    columns = [id_column, text_column] if has_id else [text_column]
    rows = df.select(*columns).rdd.zipWithIndex()
    if partitions:
        rows = rows.repartition(partitions)

    def build_partition(rows):
        docs = (
            {"id": row[0] if has_id else index + 1, "text": row[-1], "source": f"{name}:{index + 1}"}
            for row, index in rows
        )
        aliases = SparkFiles.get(aliases_name) if aliases_name else None
        yield textkg.build(docs, name=name, aliases=aliases, as_json=True, **settings)

    return _merge_partitions(rows.mapPartitions(build_partition), aliases_name)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.output is None and args.format in ("csv", "neo4j-csv"):
        raise textkg.TextkgError(f"--format {args.format} writes a directory of files: name it with -o DIR")
    builder = SparkSession.builder.appName("textkg build")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    started = time.perf_counter()
    settings = dict(
        types=args.types,
        min_confidence=args.min_confidence,
        co_mentions=args.co_mentions,
        threads=args.threads_per_task,
        aliases=args.aliases,
        partitions=args.partitions,
    )
    if args.jsonl:
        built = graph_from_jsonl(spark.sparkContext, args.jsonl, name=args.name, **settings)
    else:
        df = spark.read.parquet(args.parquet)
        built = graph_from_dataframe(
            df,
            text_column=args.text_column,
            id_column=args.id_column,
            name=args.name or args.parquet,
            **settings,
        )
    if args.output is None:
        out = textkg.export(built.graph, args.format, base_iri=args.base_iri)
        sys.stdout.buffer.write(out if isinstance(out, bytes) else out.encode("utf-8"))
        sys.stdout.flush()
    else:
        textkg.export(built.graph, args.format, path=args.output, base_iri=args.base_iri)
        # spark-submit sends a Python driver's stderr to stdout: only speak
        # when the graph is not going there.
        print(
            f"textkg: {built.partitions} partitions built and merged in {time.perf_counter() - started:.2f} s",
            file=sys.stderr,
        )
    spark.stop()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except textkg.TextkgError as e:
        print(f"textkg: error: {e}", file=sys.stderr)
        sys.exit(2)
    except Exception as e:
        # An executor's TextkgError reaches the driver inside Spark's exception.
        found = re.search(r"TextkgError: (.*)", str(e))
        if not found:
            raise
        print(f"textkg: error: {found.group(1)}", file=sys.stderr)
        sys.exit(2)
