"""Loads textkg's Kùzu script into LadybugDB (the maintained Kùzu fork,
embedded) twice, checks the second run changed nothing, then reads the
graph back with MATCH.

usage: check_ladybug.py SCRIPT EXPECTED_JSON WORKDIR
"""

import os
import sys

import ladybug

from common import LABELS, TYPES, compare, expected, fail, rel_type, zip_spans

script, expected_path, workdir = sys.argv[1:4]
_, want_nodes, want_edges = expected(expected_path)
with open(script, encoding="utf-8") as f:
    text = f.read()

NODE_Q = ("MATCH (n) RETURN label(n), n.`id`, n.`label`, n.`type`, n.`aliases`, n.`roles`, "
          "n.`mention_docs`, n.`mention_starts`, n.`mention_ends`, n.`mention_texts`")
EDGE_Q = ("MATCH (a)-[r]->(b) RETURN a.`id`, b.`id`, label(r), r.`id`, r.`kind`, r.`label`, "
          "r.`relation`, r.`confidence`, r.`negated`, r.`hedged`, r.`evidence_docs`, "
          "r.`evidence_starts`, r.`evidence_ends`, r.`evidence_texts`")


def rows(conn, query):
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def snapshot(conn):
    def norm(v):
        return tuple(norm(x) for x in v) if isinstance(v, list) else v
    return (sorted(norm(r) for r in rows(conn, NODE_Q)),
            sorted(norm(r) for r in rows(conn, EDGE_Q)))


db = ladybug.Database(os.path.join(workdir, "ladybug"))
conn = ladybug.Connection(db)
snapshots = []
for run in (1, 2):
    conn.execute(text)
    snapshots.append(snapshot(conn))
if snapshots[0] != snapshots[1]:
    fail("running the script a second time changed the database")

nodes = {}
for table, nid, label, ty, aliases, roles, md, ms, me, mt in rows(conn, NODE_Q):
    if table != LABELS[ty]:
        fail(f"node {nid!r} is in table {table!r}, want {LABELS[ty]!r}")
    nodes[nid] = {"label": label, "type": TYPES[table], "aliases": aliases, "roles": roles,
                  "mentions": zip_spans(md, ms, me, mt)}
edges = {}
for s, t, table, eid, kind, label, rel, conf, neg, hedged, ed, es, ee, et in rows(conn, EDGE_Q):
    edges[eid] = {"source": s, "target": t, "kind": kind, "label": label, "relation": rel,
                  "confidence": conf, "negated": neg, "hedged": hedged,
                  "evidence": zip_spans(ed, es, ee, et)}
    if eid in want_edges and table != rel_type(want_edges[eid]):
        fail(f"edge {eid!r} is in table {table!r}, want {rel_type(want_edges[eid])!r}")
compare("ladybug (kuzu script, run twice)", nodes, edges, want_nodes, want_edges)
