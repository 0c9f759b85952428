"""Shared by the consumer checks: the expected graph, read from textkg's
JSON export, and the comparison every check ends with.

A graph is compared as two dicts keyed by id:
  nodes: id -> {label, type, aliases, roles, mentions}
  edges: id -> {source, target, kind, label, relation, confidence,
                negated, hedged, evidence}
with text spans as (doc, start, end, text) tuples. Each check fills in the
fields its format holds and compares only those.
"""

import json
import sys

NODE_FIELDS = ("label", "type", "aliases", "roles", "mentions")
EDGE_FIELDS = ("source", "target", "kind", "label", "relation", "confidence",
               "negated", "hedged", "evidence")
LABELS = {"PERSON": "Person", "ORGANIZATION": "Organization", "LOCATION": "Location",
          "MISC": "Misc", "DATE": "Date", "NUMBER": "Number"}
TYPES = {v: k for k, v in LABELS.items()}


def spans(refs):
    return [(r["doc"], r["start"], r["end"], r["text"]) for r in refs]


def zip_spans(docs, starts, ends, texts):
    docs, starts, ends, texts = (x or [] for x in (docs, starts, ends, texts))
    if not len(docs) == len(starts) == len(ends) == len(texts):
        fail(f"parallel span arrays differ in length: {docs!r} {starts!r} {ends!r} {texts!r}")
    return [(d, int(s), int(e), t) for d, s, e, t in zip(docs, starts, ends, texts)]


def is_property_id(p):
    return p is not None and len(p) > 1 and p[0] == "P" and p[1:].isdigit() and p[1] != "0"


def rel_type(edge):
    """The relationship type textkg gives an edge in property graphs."""
    if edge["kind"] == "typed" and is_property_id(edge["relation"]):
        return edge["relation"]
    if edge["kind"] == "co-mention":
        return "CO_MENTION"
    return "RELATED"


def expected(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    nodes = {n["id"]: {"label": n["label"], "type": n["type"], "aliases": list(n["aliases"]),
                       "roles": list(n["roles"]), "mentions": spans(n["mentions"])}
             for n in data["nodes"]}
    edges = {e["id"]: {"source": e["source"], "target": e["target"], "kind": e["kind"],
                       "label": e["label"], "relation": e["relation"],
                       "confidence": e["confidence"], "negated": e["negated"],
                       "hedged": e["hedged"], "evidence": spans(e["evidence"])}
             for e in data["edges"]}
    if not nodes or not edges:
        fail(f"{path}: the expected graph is empty; the test graph must have nodes and edges")
    return data, nodes, edges


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def compare(what, got_nodes, got_edges, want_nodes, want_edges,
            node_fields=NODE_FIELDS, edge_fields=EDGE_FIELDS):
    """Fails with every difference between the loaded graph and the expected one."""
    problems = []
    if len(got_nodes) != len(want_nodes):
        problems.append(f"node count {len(got_nodes)} != {len(want_nodes)}")
    if len(got_edges) != len(want_edges):
        problems.append(f"edge count {len(got_edges)} != {len(want_edges)}")
    for kind, got, want, fields in (("node", got_nodes, want_nodes, node_fields),
                                    ("edge", got_edges, want_edges, edge_fields)):
        for key in sorted(set(want) - set(got)):
            problems.append(f"{kind} {key!r} missing")
        for key in sorted(set(got) - set(want)):
            problems.append(f"unexpected {kind} {key!r}")
        for key in sorted(set(got) & set(want)):
            for field in fields:
                g, w = got[key].get(field), want[key][field]
                if g != w:
                    problems.append(f"{kind} {key!r} {field}: got {g!r}, want {w!r}")
    if problems:
        fail(f"{what}: " + "\n  ".join(problems[:40]))
    print(f"ok: {what}: {len(got_nodes)} nodes, {len(got_edges)} edges, fields "
          f"{', '.join(node_fields)} / {', '.join(edge_fields)} equal")


def drawn_edges(want_edges):
    """The lines textkg's DOT draws for these edges: the typed and open edges
    of a pair, either way round, share one, drawn as the first of them in id
    order; each co-mention has its own. Gives (source, target, first evidence
    text) per line."""
    lines, line_of = [], {}
    for edge_id in sorted(want_edges):
        e = want_edges[edge_id]
        first = e["evidence"][0][3] if e["evidence"] else ""
        if e["kind"] == "co-mention":
            lines.append((e["source"], e["target"], first))
            continue
        pair = tuple(sorted((e["source"], e["target"])))
        if pair not in line_of:
            line_of[pair] = len(lines)
            lines.append((e["source"], e["target"], first))
    return lines
