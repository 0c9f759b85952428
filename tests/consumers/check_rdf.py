"""Loads textkg's N-Triples, Turtle and JSON-LD into pyoxigraph, checks the
three hold the same triples, then reads the graph back from each with SPARQL.

usage: check_rdf.py NTRIPLES TURTLE JSONLD EXPECTED_JSON BASE_IRI
"""

import sys
from urllib.parse import unquote

import pyoxigraph as ox

from common import TYPES, compare, expected, fail, is_property_id

nt, ttl, jsonld, expected_path, base = sys.argv[1:6]
_, want_nodes, want_edges = expected(expected_path)
TKG = "urn:textkg:vocab:"
PREFIXES = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX tkg: <{TKG}>
"""

stores = {}
triples = {}
for path, fmt in ((nt, ox.RdfFormat.N_TRIPLES), (ttl, ox.RdfFormat.TURTLE),
                  (jsonld, ox.RdfFormat.JSON_LD)):
    store = ox.Store()
    with open(path, "rb") as f:
        store.load(f, format=fmt)
    stores[path] = store
    triples[path] = {(q.subject, q.predicate, q.object) for q in store}
if triples[nt] != triples[ttl]:
    fail(f"Turtle and N-Triples differ: {sorted(map(str, triples[nt] ^ triples[ttl]))[:5]}")
if triples[nt] != triples[jsonld]:
    fail(f"JSON-LD and N-Triples differ: {sorted(map(str, triples[nt] ^ triples[jsonld]))[:5]}")
for s, _, _ in triples[nt]:
    if not s.value.startswith(base):
        fail(f"subject {s.value!r} is not under the base IRI {base!r}")


def select(store, query):
    return [[None if t is None else t.value for t in row]
            for row in store.query(PREFIXES + query)]


def doc_id(iri):
    prefix = base + "document/"
    if not iri.startswith(prefix):
        fail(f"document IRI {iri!r} is not under {prefix!r}")
    return unquote(iri[len(prefix):])


def spans(rows):
    out = {}
    for owner, i, d, s, e, t in rows:
        out.setdefault(owner, []).append((int(i.rsplit("/", 1)[1]), (doc_id(d), int(s), int(e), t)))
    return {k: [span for _, span in sorted(v)] for k, v in out.items()}


def load(store, what):
    nodes = {}
    for nid, label, cls in select(store, """SELECT ?id ?label ?class WHERE {
            ?e a tkg:Entity, ?class ; tkg:id ?id ; rdfs:label ?label .
            FILTER(?class != tkg:Entity) }"""):
        if nid in nodes:
            fail(f"{what}: entity {nid!r} has more than one class or label")
        nodes[nid] = {"label": label, "type": TYPES[cls[len(TKG):]], "aliases": [], "roles": []}
    for nid, alias in select(store, "SELECT ?id ?a WHERE { ?e a tkg:Entity ; tkg:id ?id ; skos:altLabel ?a }"):
        nodes[nid]["aliases"].append(alias)
    for nid, role in select(store, "SELECT ?id ?r WHERE { ?e a tkg:Entity ; tkg:id ?id ; tkg:role ?r }"):
        nodes[nid]["roles"].append(role)
    mentions = spans(select(store, """SELECT ?id ?m ?d ?s ?end ?t WHERE { ?e a tkg:Entity ; tkg:id ?id ;
            tkg:mention ?m . ?m tkg:document ?d ; tkg:start ?s ; tkg:end ?end ; tkg:text ?t }"""))
    for nid, node in nodes.items():
        node["aliases"].sort()
        node["roles"].sort()
        node["mentions"] = mentions.get(nid, [])

    edges = {}
    for row in select(store, """SELECT ?id ?a ?p ?b ?kind ?label ?rel ?c ?n ?h WHERE {
            ?s a tkg:Edge, rdf:Statement ; tkg:id ?id ; rdf:subject ?sub ; rdf:predicate ?p ;
               rdf:object ?obj ; tkg:kind ?kind ; rdfs:label ?label ; tkg:confidence ?c ;
               tkg:negated ?n ; tkg:hedged ?h .
            ?sub tkg:id ?a . ?obj tkg:id ?b .
            OPTIONAL { ?s tkg:relation ?rel } }"""):
        eid, a, p, b, kind, label, rel, c, n, h = row
        edges[eid] = {"source": a, "target": b, "kind": kind, "label": label, "relation": rel,
                      "confidence": float(c), "negated": n == "true", "hedged": h == "true",
                      "predicate": p}
    evidence = spans(select(store, """SELECT ?id ?ev ?d ?s ?end ?t WHERE { ?x a tkg:Edge ; tkg:id ?id ;
            tkg:evidence ?ev . ?ev tkg:document ?d ; tkg:start ?s ; tkg:end ?end ; tkg:text ?t }"""))
    for eid, edge in edges.items():
        edge["evidence"] = evidence.get(eid, [])
        want = want_edges.get(eid)
        if want is None:
            continue
        if want["kind"] == "typed" and is_property_id(want["relation"]):
            predicate = "http://www.wikidata.org/prop/direct/" + want["relation"]
        elif want["kind"] == "co-mention":
            predicate = TKG + "coMentioned"
        else:
            predicate = TKG + "related"
        if edge["predicate"] != predicate:
            fail(f"{what}: edge {eid!r} has predicate {edge['predicate']!r}, want {predicate!r}")
        asserted = store.query(PREFIXES + f"""ASK {{ ?s tkg:id {ox.Literal(want['source'])} ; a tkg:Entity ;
            <{predicate}> ?o . ?o tkg:id {ox.Literal(want['target'])} ; a tkg:Entity }}""")
        if not want["negated"] and not bool(asserted):
            fail(f"{what}: edge {eid!r} is not asserted as a plain triple")
    compare(what, nodes, edges, want_nodes, want_edges)


for path in (nt, ttl, jsonld):
    load(stores[path], f"pyoxigraph ({path.rsplit('.', 1)[-1]})")
