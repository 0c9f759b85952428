"""Loads textkg's Cypher script into ArcadeDB (embedded, openCypher) twice,
checks the second run changed nothing, then reads the graph back with MATCH.

usage: check_arcadedb.py SCRIPT EXPECTED_JSON WORKDIR
"""

import os
import sys

import arcadedb_embedded as arcadedb

from common import LABELS, TYPES, compare, expected, fail, rel_type, zip_spans

script, expected_path, workdir = sys.argv[1:4]
_, want_nodes, want_edges = expected(expected_path)

with open(script, encoding="utf-8") as f:
    lines = f.read().split("\n")
statements = []
for number, line in enumerate(lines, 1):
    if not line or line.startswith("//"):
        continue
    if not line.endswith(";"):
        fail(f"{script}:{number}: statement does not end its line with ';': {line[:80]!r}")
    statements.append(line[:-1])
if len(statements) != len(want_nodes) + len(want_edges):
    fail(f"{len(statements)} statements for {len(want_nodes)} nodes and {len(want_edges)} edges")

NODE_Q = ("MATCH (n) RETURN labels(n) AS labels, n.id AS id, n.label AS label, n.type AS type, "
          "n.aliases AS aliases, n.roles AS roles, n.mention_docs AS md, n.mention_starts AS ms, "
          "n.mention_ends AS me, n.mention_texts AS mt, keys(n) AS keys")
EDGE_Q = ("MATCH (a)-[r]->(b) RETURN a.id AS source, b.id AS target, type(r) AS type, r.id AS id, "
          "r.kind AS kind, r.label AS label, r.relation AS relation, r.confidence AS confidence, "
          "r.negated AS negated, r.hedged AS hedged, r.evidence_docs AS ed, "
          "r.evidence_starts AS es, r.evidence_ends AS ee, r.evidence_texts AS et")


def rows(db, query):
    out = []
    for r in db.query("opencypher", query):
        out.append({k: r.get(k) for k in r.get_property_names()})
    return out


def snapshot(db):
    def norm(v):
        return tuple(norm(x) for x in v) if isinstance(v, list) else v
    nodes = sorted(tuple(sorted((k, norm(v)) for k, v in r.items())) for r in rows(db, NODE_Q))
    edges = sorted(tuple(sorted((k, norm(v)) for k, v in r.items())) for r in rows(db, EDGE_Q))
    return nodes, edges


db = arcadedb.create_database(os.path.join(workdir, "arcadedb"))
try:
    snapshots = []
    for run in (1, 2):
        with db.transaction():
            for statement in statements:
                db.command("opencypher", statement)
        snapshots.append(snapshot(db))
    if snapshots[0] != snapshots[1]:
        fail("running the script a second time changed the database")

    nodes = {}
    for r in rows(db, NODE_Q):
        if r["labels"] != [LABELS[r["type"]]]:
            fail(f"node {r['id']!r} has labels {r['labels']!r}, want [{LABELS[r['type']]!r}]")
        nodes[r["id"]] = {"label": r["label"], "type": TYPES[r["labels"][0]],
                          "aliases": r["aliases"] or [], "roles": r["roles"] or [],
                          "mentions": zip_spans(r["md"], r["ms"], r["me"], r["mt"])}
    edges = {}
    for r in rows(db, EDGE_Q):
        edges[r["id"]] = {"source": r["source"], "target": r["target"], "kind": r["kind"],
                          "label": r["label"], "relation": r["relation"],
                          "confidence": r["confidence"], "negated": r["negated"],
                          "hedged": r["hedged"],
                          "evidence": zip_spans(r["ed"], r["es"], r["ee"], r["et"])}
        if r["id"] in want_edges and r["type"] != rel_type(want_edges[r["id"]]):
            fail(f"edge {r['id']!r} has type {r['type']!r}, want {rel_type(want_edges[r['id']])!r}")
    compare("arcadedb (cypher, run twice)", nodes, edges, want_nodes, want_edges)
finally:
    db.close()
