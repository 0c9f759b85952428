"""Lays out textkg's DOT with Graphviz (`dot -Tjson`) and compares nodes,
edges, labels, and each edge's first evidence (its tooltip). DOT holds no
types as data (they are shapes and colours), so those are not compared.

usage: check_dot.py DOT EXPECTED_JSON
"""

import json
import subprocess
import sys

from common import drawn_edges, compare, expected, fail

path, expected_path = sys.argv[1:3]
_, want_nodes, want_edges = expected(expected_path)
run = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True)
if run.returncode != 0:
    fail(f"dot -Tjson failed: {run.stderr}")
layout = json.loads(run.stdout)


def unescape(text):
    """Graphviz keeps escapes (\\\\, \\n) and entities (&amp;) in attribute
    text, and reads them when drawing; this undoes textkg's quoting."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "\\": "\\"}.get(text[i + 1], text[i:i + 2]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out).replace("&amp;", "&")


def as_dot(text):
    """DOT is a drawing: textkg's DOT export (unchanged by design) writes a
    carriage return or tab in a label as a space."""
    return text.replace("\r", " ").replace("\t", " ")


want_nodes = {as_dot(k): dict(v, label=as_dot(v["label"])) for k, v in want_nodes.items()}
by_gvid = {}
nodes = {}
for obj in layout.get("objects", []):
    if "nodes" in obj or obj["name"].startswith("legend:") and obj.get("fontsize") == "9":
        continue
    name = unescape(obj["name"])
    by_gvid[obj["_gvid"]] = name
    nodes[name] = {"label": unescape(obj["label"])}
edges = {}
for edge in layout.get("edges", []):
    source, target = by_gvid[edge["tail"]], by_gvid[edge["head"]]
    edges.setdefault((source, target), []).append(unescape(edge.get("tooltip", "")))
want_pairs = {}
for source, target, first in drawn_edges(want_edges):
    want_pairs.setdefault((as_dot(source), as_dot(target)), []).append(as_dot(first))
got = {k: sorted(v) for k, v in edges.items()}
want = {k: sorted(v) for k, v in want_pairs.items()}
if got != want:
    fail(f"dot: edges (source, target) -> first evidence differ:\n got {got!r}\nwant {want!r}")
# Edges have no ids in DOT; they were compared by endpoints above.
compare("graphviz (dot)", nodes, {e: {} for e in want_edges},
        want_nodes, want_edges, node_fields=("label",), edge_fields=())
