"""Checks textkg's neo4j-csv directory against the header grammar and CSV
rules of `neo4j-admin database import full`, then reads the rows the way
the import tool does and compares the graph.

The rules, from the Neo4j Operations Manual ("Import" / "CSV header
format"): a header field is `name:type`, `:SPECIAL` or plain `name`
(string); special types are ID (with an optional `(id space)`), LABEL,
START_ID, END_ID, TYPE and IGNORE; data types are int, long, float, double,
boolean, byte, short, char, string, point, date, localtime, time,
localdatetime, datetime and duration, each optionally an array (`[]`). A
node file has exactly one ID field and no relationship fields; a
relationship file has exactly one START_ID and one END_ID, at most one
TYPE, and no ID or LABEL. Fields are separated by `,` and quoted with `"`
(a quote inside doubled); with --multiline-fields=true a quoted field may
hold line breaks. An unquoted empty field is no value; a quoted empty field
is the empty string. Array elements and labels are separated by the array
delimiter, U+001F here (--array-delimiter=U+001F).

usage: check_neo4j_csv.py DIR EXPECTED_JSON
"""

import os
import re
import sys

from common import LABELS, TYPES, compare, expected, fail, rel_type, zip_spans

directory, expected_path = sys.argv[1:3]
_, want_nodes, want_edges = expected(expected_path)
ARRAY = "\x1f"
DATA_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
              "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = re.compile(r"^(ID(\([^()]*\))?|LABEL|START_ID(\([^()]*\))?|END_ID(\([^()]*\))?|TYPE|IGNORE)$")


def records(path):
    """Yields each record as a list of (text, quoted) fields."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        fail(f"{path}: starts with a byte order mark")
    i, n = 0, len(text)
    while i < n:
        record = []
        while True:
            if i < n and text[i] == '"':
                i += 1
                value = []
                while True:
                    j = text.find('"', i)
                    if j < 0:
                        fail(f"{path}: unterminated quoted field")
                    value.append(text[i:j])
                    if j + 1 < n and text[j + 1] == '"':
                        value.append('"')
                        i = j + 2
                        continue
                    i = j + 1
                    break
                record.append(("".join(value), True))
                if i < n and text[i] not in ",\n":
                    fail(f"{path}: text after a closing quote: {text[i:i + 20]!r}")
            else:
                j = i
                while j < n and text[j] not in ",\n":
                    j += 1
                field = text[i:j]
                if '"' in field:
                    fail(f"{path}: quote inside an unquoted field: {field!r}")
                record.append((field, False))
                i = j
            if i >= n or text[i] == "\n":
                i += 1
                break
            i += 1
        yield record


def parse_header(path, record, kind):
    fields = []
    for text, quoted in record:
        if quoted:
            fail(f"{path}: header field {text!r} is quoted")
        name, sep, ty = text.rpartition(":") if ":" in text else (text, "", "")
        if not sep:
            fields.append((name, "string", False))
            continue
        if SPECIAL.match(ty):
            fields.append((name, ty.split("(")[0], False))
            continue
        array = ty.endswith("[]")
        base = ty[:-2] if array else ty
        if base.lower() not in DATA_TYPES or not name:
            fail(f"{path}: header field {text!r} is not name:type with a known type")
        fields.append((name, base.lower(), array))
    specials = [t for n, t, _ in fields if t in ("ID", "LABEL", "START_ID", "END_ID", "TYPE")]
    if kind == "nodes":
        if specials.count("ID") != 1 or {"START_ID", "END_ID", "TYPE"} & set(specials):
            fail(f"{path}: a node header needs one ID field and no relationship fields")
    else:
        if specials.count("START_ID") != 1 or specials.count("END_ID") != 1 \
                or specials.count("TYPE") > 1 or {"ID", "LABEL"} & set(specials):
            fail(f"{path}: a relationship header needs START_ID, END_ID, at most one TYPE")
    names = [n for n, t, _ in fields if n]
    if len(names) != len(set(names)):
        fail(f"{path}: repeated property names in the header")
    return fields


def convert(path, ty, array, text, quoted):
    if not quoted and text == "":
        return None
    if array:
        return [convert(path, ty, False, item, True) for item in text.split(ARRAY)]
    if ty in ("long", "int", "short", "byte"):
        if not re.fullmatch(r"-?\d+", text):
            fail(f"{path}: {text!r} is not an integer")
        return int(text)
    if ty in ("double", "float"):
        return float(text)
    if ty == "boolean":
        if text not in ("true", "false"):
            fail(f"{path}: {text!r} is not a boolean")
        return text == "true"
    return text


def rows(name, kind):
    path = os.path.join(directory, name)
    it = records(path)
    fields = parse_header(path, next(it), kind)
    for number, record in enumerate(it, 2):
        if len(record) != len(fields):
            fail(f"{path}: record {number} has {len(record)} fields, the header {len(fields)}")
        row = {}
        for (field, ty, array), (text, quoted) in zip(fields, record):
            if ty in ("ID", "START_ID", "END_ID", "TYPE"):
                row[":" + ty] = text
                if field:
                    row[field] = text
            elif ty == "LABEL":
                row[":LABEL"] = text.split(ARRAY)
            elif ty != "IGNORE":
                row[field] = convert(path, ty, array, text, quoted)
        yield row


if sorted(os.listdir(directory)) != ["nodes.csv", "relationships.csv"]:
    fail(f"{directory}: holds {sorted(os.listdir(directory))}")
nodes = {}
for row in rows("nodes.csv", "nodes"):
    if row[":LABEL"] != [LABELS[row["type"]]]:
        fail(f"node {row[':ID']!r}: labels {row[':LABEL']!r}")
    if row[":ID"] in nodes:
        fail(f"node id {row[':ID']!r} is repeated")
    nodes[row[":ID"]] = {"label": row["label"], "type": TYPES[row[":LABEL"][0]],
                         "aliases": row["aliases"] or [], "roles": row["roles"] or [],
                         "mentions": zip_spans(row["mention_docs"], row["mention_starts"],
                                               row["mention_ends"], row["mention_texts"])}
edges = {}
for row in rows("relationships.csv", "relationships"):
    for end in (":START_ID", ":END_ID"):
        if row[end] not in nodes:
            fail(f"relationship {row['id']!r}: {end} {row[end]!r} is no node's id")
    if row["id"] in want_edges and row[":TYPE"] != rel_type(want_edges[row["id"]]):
        fail(f"relationship {row['id']!r}: type {row[':TYPE']!r}")
    edges[row["id"]] = {"source": row[":START_ID"], "target": row[":END_ID"],
                        "kind": row["kind"], "label": row["label"], "relation": row["relation"],
                        "confidence": row["confidence"], "negated": row["negated"],
                        "hedged": row["hedged"],
                        "evidence": zip_spans(row["evidence_docs"], row["evidence_starts"],
                                              row["evidence_ends"], row["evidence_texts"])}
compare("neo4j-admin import rules (neo4j-csv)", nodes, edges, want_nodes, want_edges)
