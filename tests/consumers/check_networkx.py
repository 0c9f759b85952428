"""Reads textkg's GraphML and GEXF with NetworkX and compares the graphs.

usage: check_networkx.py GRAPHML GEXF EXPECTED_JSON
"""

import json
import sys

import networkx as nx

from common import LABELS, compare, expected, fail, rel_type, zip_spans

graphml, gexf, expected_path = sys.argv[1:4]
_, want_nodes, want_edges = expected(expected_path)


def node_record(data, label):
    return {"label": label, "type": data["type"], "aliases": json.loads(data["aliases"]),
            "roles": json.loads(data["roles"]),
            "mentions": zip_spans(*(json.loads(data[f"mention_{k}"])
                                    for k in ("docs", "starts", "ends", "texts")))}


def edge_record(data, source, target):
    return {"source": source, "target": target, "kind": data["kind"], "label": data["label"],
            "relation": data.get("relation"), "confidence": data["confidence"],
            "negated": data["negated"], "hedged": data["hedged"],
            "evidence": zip_spans(*(json.loads(data[f"evidence_{k}"])
                                    for k in ("docs", "starts", "ends", "texts")))}


g = nx.read_graphml(graphml)
if not g.is_directed():
    fail("GraphML graph is not directed")
nodes = {}
for key, data in g.nodes(data=True):
    if data.get("labels") != ":" + LABELS[data["type"]]:
        fail(f"GraphML node {key!r}: labels {data.get('labels')!r} do not match type {data['type']!r}")
    nodes[data["id"]] = node_record(data, data["label"])
edges = {}
for s, t, data in g.edges(data=True):
    edges[data["id"]] = edge_record(data, g.nodes[s]["id"], g.nodes[t]["id"])
compare("networkx (graphml)", nodes, edges, want_nodes, want_edges)

with open(graphml, encoding="utf-8") as f:
    text = f.read()
for eid, edge in want_edges.items():
    if f'label="{rel_type(edge)}"' not in text:
        fail(f"GraphML has no edge labelled {rel_type(edge)!r} for APOC")

g = nx.read_gexf(gexf)
if not g.is_directed():
    fail("GEXF graph is not directed")
nodes = {key: node_record(data, data.get("label", key)) for key, data in g.nodes(data=True)}
edges = {}
for s, t, data in g.edges(data=True):
    edges[data["id"]] = edge_record(data, s, t)
compare("networkx (gexf)", nodes, edges, want_nodes, want_edges)
