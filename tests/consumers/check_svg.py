"""Reads textkg's SVG (drawn by Graphviz) as XML: it must parse, hold no
element that text smuggled in (no <script>, no foreign elements), and draw
every node (its <title> is the node's id) and every edge (`source->target`).

Labels and tooltips are not compared: Graphviz rewrites them when drawing
(it unescapes backslashes in tooltips twice, splits labels into lines),
which a drawing may do; check_dot.py compares the labels textkg writes.

usage: check_svg.py SVG EXPECTED_JSON
"""

import sys
import xml.etree.ElementTree as ET

from common import drawn_edges, compare, expected, fail

path, expected_path = sys.argv[1:3]
_, want_nodes, want_edges = expected(expected_path)
SVG = "{http://www.w3.org/2000/svg}"
ALLOWED = {"svg", "g", "title", "polygon", "ellipse", "path", "text", "a", "polyline"}


def unescape(text):
    """Titles keep textkg's DOT escapes (\\\\, \\n); this undoes them (Graphviz
    has already read the entities)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "\\": "\\"}.get(text[i + 1], text[i:i + 2]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def as_dot(text):
    """textkg's DOT writes a carriage return or tab as a space."""
    return text.replace("\r", " ").replace("\t", " ")


root = ET.parse(path).getroot()
for element in root.iter():
    name = element.tag.replace(SVG, "")
    if name not in ALLOWED:
        fail(f"svg holds a <{element.tag}> element")
nodes, edges = {}, []
for group in root.iter(SVG + "g"):
    title = group.find(SVG + "title")
    if group.get("class") == "node" and not title.text.startswith("legend:"):
        nodes[unescape(title.text)] = {}
    elif group.get("class") == "edge":
        edges.append(title.text)

want_titles = sorted(f"{as_dot(s)}->{as_dot(t)}" for s, t, _ in drawn_edges(want_edges))
got_titles = sorted(unescape(t) for t in edges)
if got_titles != want_titles:
    fail(f"svg edges differ:\n got {got_titles!r}\nwant {want_titles!r}")
compare("graphviz (svg)", nodes, {e: {} for e in want_edges},
        {as_dot(k): {} for k in want_nodes}, want_edges, node_fields=(), edge_fields=())
