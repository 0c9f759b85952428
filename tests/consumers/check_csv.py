"""Reads textkg's CSV tables with Python's csv module (RFC 4180) and
compares the graph; list cells are JSON.

usage: check_csv.py DIR EXPECTED_JSON
"""

import csv
import json
import os
import sys

from common import compare, expected, fail, spans

directory, expected_path = sys.argv[1:3]
data, want_nodes, want_edges = expected(expected_path)


def table(name, header):
    with open(os.path.join(directory, name), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, strict=True)
        if reader.fieldnames != header:
            fail(f"{name}: header {reader.fieldnames!r}, want {header!r}")
        return list(reader)


nodes = {}
for row in table("nodes.csv", ["id", "label", "type", "aliases", "roles", "mentions"]):
    nodes[row["id"]] = {"label": row["label"], "type": row["type"],
                        "aliases": json.loads(row["aliases"]), "roles": json.loads(row["roles"]),
                        "mentions": spans(json.loads(row["mentions"]))}
edges = {}
for row in table("edges.csv", ["id", "source", "target", "kind", "label", "relation",
                               "confidence", "negated", "hedged", "evidence"]):
    edges[row["id"]] = {"source": row["source"], "target": row["target"], "kind": row["kind"],
                        "label": row["label"], "relation": row["relation"] or None,
                        "confidence": float(row["confidence"]),
                        "negated": row["negated"] == "true", "hedged": row["hedged"] == "true",
                        "evidence": spans(json.loads(row["evidence"]))}
documents = [{"id": r["id"], "source": r["source"], "bytes": int(r["bytes"])}
             for r in table("documents.csv", ["id", "source", "bytes"])]
if documents != data["documents"]:
    fail(f"documents.csv: {documents!r}, want {data['documents']!r}")
compare("python csv (csv)", nodes, edges, want_nodes, want_edges)
