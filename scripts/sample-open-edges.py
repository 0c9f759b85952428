#!/usr/bin/env python3
"""Draw the deterministic sample of open edges judged by hand (issue 5.6).

Usage:
    scripts/sample-open-edges.py GRAPH.json [--tsv OUT.tsv] [--n 100] [--seed 2026]

Reads a textkg JSON graph, keeps the edges with kind == "open", sorts them by
id and draws `random.Random(seed).sample(edges, n)`; if there are fewer than n
open edges, all of them are taken (in id order) and a note is printed. For
each sampled edge it prints a number, the source label, the label (with
[negated]/[hedged] marks), the target label, the document id and the first
evidence sentence (an edge is judged on its first evidence sentence).
With --tsv it also writes a TSV with empty verdict/reason columns to fill in;
with --previous OLD.tsv, an edge identical to one judged there (same ends,
label, marks, document and evidence sentence) keeps that verdict and reason,
so a new judgment only has to look at what changed.
"""
import argparse
import csv
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--tsv")
    ap.add_argument("--previous", help="a TSV judged earlier, whose verdicts carry over")
    args = ap.parse_args()

    judged = {}
    if args.previous:
        with open(args.previous, encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                key = (r["source"], r["label"], r["negated"], r["hedged"], r["target"],
                       r["doc"], r["evidence"])
                judged[key] = (r["verdict"], r["reason"])

    with open(args.graph, encoding="utf-8") as f:
        g = json.load(f)
    labels = {n["id"]: n["label"] for n in g["nodes"]}
    edges = sorted((e for e in g["edges"] if e["kind"] == "open"), key=lambda e: e["id"])
    if len(edges) < args.n:
        print(f"# only {len(edges)} open edges (< {args.n}); taking them all", file=sys.stderr)
        sample = edges
    else:
        sample = random.Random(args.seed).sample(edges, args.n)
    print(f"# {len(edges)} open edges; sample of {len(sample)} (seed {args.seed})", file=sys.stderr)

    rows = []
    for i, e in enumerate(sample, 1):
        marks = ("[negated]" if e.get("negated") else "") + ("[hedged]" if e.get("hedged") else "")
        ev = e["evidence"][0] if e["evidence"] else {"doc": "", "text": ""}
        text = " ".join(ev["text"].split())
        src, tgt = labels[e["source"]], labels[e["target"]]
        print(f"{i}\t{src}\t{e['label']}{(' ' + marks) if marks else ''}\t{tgt}\t{ev['doc']}\t{text}")
        row = [i, src, e["label"], str(bool(e.get("negated"))).lower(),
               str(bool(e.get("hedged"))).lower(), tgt, ev["doc"], text]
        verdict, reason = judged.get(tuple(row[1:]), ("", ""))
        rows.append(row + [verdict, reason])

    if judged:
        carried = sum(1 for r in rows if r[8])
        print(f"# {carried} verdicts carried over from {args.previous}; "
              f"{len(rows) - carried} to judge", file=sys.stderr)

    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["n", "source", "label", "negated", "hedged", "target", "doc",
                        "evidence", "verdict", "reason"])
            w.writerows(rows)


if __name__ == "__main__":
    main()
