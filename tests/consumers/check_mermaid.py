"""Parses textkg's Mermaid flowchart by Mermaid's own syntax for node
declarations (`id["label"]:::class`) and links (`a -->|"label"| b`),
decodes Mermaid entities, and compares nodes, types, labels and edges.
(No Mermaid renderer runs offline here; this reads the text as Mermaid does.)

usage: check_mermaid.py FILE EXPECTED_JSON
"""

import re
import sys

from common import compare, expected, fail

path, expected_path = sys.argv[1:3]
_, want_nodes, want_edges = expected(expected_path)
with open(path, encoding="utf-8") as f:
    lines = f.read().split("\n")
if lines[:2] != ["```mermaid", "flowchart LR"] or lines[-2:] != ["```", ""]:
    fail("not a fenced Mermaid flowchart")
body = lines[2:-2]
if any("```" in line for line in body):
    fail("a label closes the Markdown fence")

LABEL = r'"([^"]*)"'
NODE = re.compile(r"^  (n\d+)\[" + LABEL + r"\]:::(\w+)$")
EDGE = re.compile(r"^  (n\d+) (-->|==>|-\.->)\|" + LABEL + r"\| (n\d+)$")
ARROWS = {"==>": "typed", "-->": "open", "-.->": "co-mention"}


def decode(text):
    if any(c in text for c in "\n\r<>`|;[]{}()#"):
        text2 = re.sub(r"#(quot|\d+);|<br>", "", text)
        if any(c in text2 for c in "\n\r<>`|;[]{}()#"):
            fail(f"label carries Mermaid syntax unescaped: {text!r}")
    text = text.replace("<br>", "\n")
    return re.sub(r"#(quot|\d+);", lambda m: '"' if m[1] == "quot" else chr(int(m[1])), text)


order = sorted(want_nodes)  # textkg writes nodes in id order: n<i> is the i-th
nodes, edges = {}, []
for line in body:
    if line.startswith("  classDef "):
        continue
    if m := NODE.match(line):
        nodes[order[int(m[1][1:])]] = {"label": decode(m[2]), "type": m[3].upper()}
    elif m := EDGE.match(line):
        edges.append((order[int(m[1][1:])], order[int(m[4][1:])], ARROWS[m[2]], decode(m[3])))
    else:
        fail(f"line is neither a node nor a link: {line!r}")
want = sorted((e["source"], e["target"], e["kind"], e["label"]) for e in want_edges.values())
if sorted(edges) != want:
    fail(f"mermaid links differ:\n got {sorted(edges)!r}\nwant {want!r}")
# Links have no ids in Mermaid; they were compared by endpoints above.
compare("mermaid (text)", nodes, {e: {} for e in want_edges},
        want_nodes, want_edges, node_fields=("label", "type"), edge_fields=())
