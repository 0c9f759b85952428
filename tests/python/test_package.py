"""The textkg Python package against the textkg command line: the same
documents and settings give the same bytes, and the same errors the same
messages."""

import json
import shutil
import threading
import time
from pathlib import Path

import networkx as nx
import pytest
import textkg
from conftest import REPO, documents


def test_build_jsonl_writes_the_clis_bytes(corpus, cli_graph):
    assert textkg.build_jsonl(corpus, as_json=True).encode() == cli_graph
    graph = textkg.build_jsonl(corpus)
    assert graph == json.loads(cli_graph)
    assert textkg.export(graph, "json").encode() == cli_graph
    assert len(graph["documents"]) == len(documents())


def test_the_graph_holds_what_the_stories_say(corpus):
    graph = textkg.build_jsonl(corpus)
    labels = {n["label"]: n for n in graph["nodes"]}

    def docs_of(label):
        return {m["doc"] for m in labels[label]["mentions"]}

    # "Solberg" of harbour-visit joins the "Ingrid Solberg" of harbour-deal.txt,
    # "the U.N." of un-talks the "United Nations" of un-aid.
    assert docs_of("Ingrid Solberg") >= {"harbour-deal.txt", "fisheries-row.txt", "harbour-visit"}
    assert labels["Ingrid Solberg"]["type"] == "PERSON"
    assert docs_of("United Nations") == {"un-aid", "un-talks"}
    assert "Solberg" not in labels and "U.N." not in labels
    assert labels["Maria Lindqvist"]["type"] == "PERSON"
    for edge in graph["edges"]:
        for ev in edge["evidence"]:
            doc = next(d for d in documents() if d["id"] == ev["doc"])
            assert doc["text"].encode()[ev["start"] : ev["end"]].decode() == ev["text"]


def test_an_open_file_streams_in_batches_to_the_same_bytes(corpus, cli_graph):
    with open(corpus, encoding="utf-8") as f:
        assert textkg.build_jsonl(f, as_json=True, batch_size=2).encode() == cli_graph
    with open(corpus, "rb") as f:
        assert textkg.build_jsonl(f, as_json=True, batch_size=1).encode() == cli_graph


def test_build_from_python_documents(corpus, cli_graph):
    docs = [dict(d, source=f"{corpus}:{n}") for n, d in enumerate(documents(), 1)]
    assert textkg.build(docs, as_json=True, batch_size=3).encode() == cli_graph
    pairs = [(d["id"], d["text"]) for d in documents()]
    by_pairs = textkg.build(pairs, name=corpus)
    assert by_pairs == json.loads(cli_graph)


def test_bare_texts_are_numbered_from_one():
    graph = textkg.build(["Angela Merkel visited Paris.", "Emmanuel Macron met Angela Merkel."])
    assert [(d["id"], d["source"]) for d in graph["documents"]] == [("1", "<python>:1"), ("2", "<python>:2")]
    assert textkg.build("Angela Merkel visited Paris.")["documents"][0]["id"] == "1"


@pytest.mark.parametrize(
    "flags,kwargs",
    [
        (["--types", "all"], {"types": "all"}),
        (["--types", "PERSON,LOCATION"], {"types": ["PERSON", "LOCATION"]}),
        (["--min-confidence", "0.3"], {"min_confidence": 0.3}),
        (["--co-mentions"], {"co_mentions": True}),
        (["-j", "1"], {"threads": 1}),
    ],
)
def test_settings_match_the_flags(cli, corpus, flags, kwargs):
    want = cli.run("build", "--jsonl", corpus, *flags).stdout
    assert textkg.build_jsonl(corpus, as_json=True, **kwargs).encode() == want


def test_settings_change_the_graph(corpus):
    default = textkg.build_jsonl(corpus)
    every_type = textkg.build_jsonl(corpus, types="all")
    assert {n["type"] for n in every_type["nodes"]} > {n["type"] for n in default["nodes"]}
    co = textkg.build_jsonl(corpus, co_mentions=True)
    assert any(e["kind"] == "co-mention" for e in co["edges"])
    assert not any(e["kind"] == "co-mention" for e in default["edges"])


def test_alias_rules_are_read_as_the_cli_reads_them(cli, corpus, tmp_path):
    rules = tmp_path / "aliases.txt"
    rules.write_text("different: Henrik Berg | Berg\n", encoding="utf-8")
    want = cli.run("build", "--jsonl", corpus, "--aliases", rules).stdout
    assert textkg.build_jsonl(corpus, aliases=rules, as_json=True).encode() == want


def test_per_doc_streams_the_clis_json_lines(cli, corpus):
    want = cli.run("build", "--jsonl", corpus, "--per-doc").stdout
    lines = textkg.build_jsonl(corpus, per_doc=True, as_json=True, batch_size=3)
    assert not isinstance(lines, (list, str))
    assert "".join(lines).encode() == want
    with open(corpus, encoding="utf-8") as f:
        graphs = list(textkg.build_jsonl(f, per_doc=True))
    assert graphs == [json.loads(line) for line in want.decode().splitlines()]


def test_per_doc_yields_each_batch_before_reading_the_next():
    def lines():
        yield '{"id": "a", "text": "Ingrid Solberg visited Oslo."}'
        yield '{"id": "b", "text": "Gabriel Rojas flew to Santiago."}'
        raise RuntimeError("read past the first batch")

    graphs = textkg.build_jsonl(lines(), per_doc=True, batch_size=1)
    first = next(graphs)
    assert [d["id"] for d in first["documents"]] == ["a"]
    assert {n["label"] for n in first["nodes"]} == {"Ingrid Solberg", "Oslo"}
    second = next(graphs)
    assert [d["id"] for d in second["documents"]] == ["b"]
    with pytest.raises(RuntimeError, match="read past the first batch"):
        next(graphs)


# svg and png need Graphviz's dot, which .ci/run installs.
FILE_FORMATS = [f for f in textkg.FORMATS if f not in ("csv", "neo4j-csv")]


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_every_format_writes_the_clis_bytes(cli, corpus, fmt, tmp_path):
    want = cli.run("build", "--jsonl", corpus, "-f", fmt).stdout
    graph = textkg.build_jsonl(corpus)
    got = textkg.export(graph, fmt)
    assert (got if isinstance(got, bytes) else got.encode()) == want
    out = tmp_path / f"graph.{fmt}"
    assert textkg.export(graph, fmt, path=out) is None
    assert out.read_bytes() == want


@pytest.mark.parametrize("fmt", ["csv", "neo4j-csv"])
def test_directory_formats_write_the_clis_files(cli, corpus, fmt, tmp_path):
    cli.run("build", "--jsonl", corpus, "-f", fmt, "-o", tmp_path / "cli")
    graph = textkg.build_jsonl(corpus)
    files = textkg.export(graph, fmt)
    want = {p.name: p.read_bytes() for p in (tmp_path / "cli").iterdir()}
    assert {name: text.encode() for name, text in files.items()} == want
    textkg.export(graph, fmt, path=tmp_path / "py")
    assert {p.name: p.read_bytes() for p in (tmp_path / "py").iterdir()} == want


def test_base_iri_is_passed_to_rdf(cli, corpus):
    want = cli.run("build", "--jsonl", corpus, "-f", "turtle", "--base-iri", "https://example.org/kg/").stdout
    graph = textkg.build_jsonl(corpus)
    assert textkg.export(graph, "turtle", base_iri="https://example.org/kg/").encode() == want


def test_merging_partition_graphs_gives_the_whole_graph(cli, corpus, cli_graph, tmp_path):
    docs = documents()
    # Sources name positions in each part: give them the corpus's line numbers.
    parts = [
        textkg.build(
            [dict(d, source=f"{corpus}:{n}") for n, d in enumerate(docs, 1) if (n - 1) % 3 == i],
        )
        for i in range(3)
    ]
    assert textkg.merge(parts, as_json=True).encode() == cli_graph
    assert textkg.merge(reversed(parts)) == json.loads(cli_graph)
    texts = [textkg.export(p, "json") for p in parts]
    assert textkg.merge([textkg.merge(texts[:2], as_json=True), texts[2]], as_json=True).encode() == cli_graph
    files = []
    for i, text in enumerate(texts):
        files.append(tmp_path / f"part{i}.json")
        files[-1].write_text(text, encoding="utf-8")
    assert cli.run("merge", *files).stdout == cli_graph


def test_to_networkx_keeps_every_node_and_edge(corpus):
    graph = textkg.build_jsonl(corpus)
    g = textkg.to_networkx(graph)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(graph["nodes"])
    assert g.number_of_edges() == len(graph["edges"])
    assert g.graph["documents"] == graph["documents"]
    node = next(n for n in graph["nodes"] if n["label"] == "Maria Lindqvist")
    assert g.nodes[node["id"]]["aliases"] == node["aliases"]
    for edge in graph["edges"]:
        data = g.edges[edge["source"], edge["target"], edge["id"]]
        assert (data["label"], data["confidence"]) == (edge["label"], edge["confidence"])


def same_message(cli, cli_args, call):
    want = cli.error(*cli_args)
    with pytest.raises(textkg.TextkgError) as raised:
        call()
    assert str(raised.value) == want
    return want


def test_errors_carry_the_clis_messages(cli, corpus, tmp_path):
    assert issubclass(textkg.TextkgError, ValueError)
    msg = same_message(
        cli,
        ["build", "--jsonl", corpus, "--types", "PERSON,PLANET"],
        lambda: textkg.build_jsonl(corpus, types="PERSON,PLANET"),
    )
    assert "PLANET" in msg
    same_message(
        cli,
        ["build", "--jsonl", corpus, "--min-confidence", "1.5"],
        lambda: textkg.build_jsonl(corpus, min_confidence=1.5),
    )
    missing = tmp_path / "missing.jsonl"
    same_message(cli, ["build", "--jsonl", missing], lambda: textkg.build_jsonl(missing))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Oslo."}\n\n{"id": "b", "txt": "Bergen."}\n', encoding="utf-8")
    msg = same_message(cli, ["build", "--jsonl", bad], lambda: textkg.build_jsonl(bad))
    assert msg.startswith(f"{bad}: line 3: ")
    with open(bad, encoding="utf-8") as f:
        same_message(cli, ["build", "--jsonl", bad], lambda: textkg.build_jsonl(f))
    binary = tmp_path / "nul.jsonl"
    binary.write_bytes(b'{"id": "a", "text": "Oslo\\u0000."}\n')
    same_message(cli, ["build", "--jsonl", binary], lambda: textkg.build_jsonl(binary))
    rules = tmp_path / "rules.txt"
    rules.write_text("nonsense line\n", encoding="utf-8")
    same_message(
        cli, ["build", "--jsonl", corpus, "--aliases", rules], lambda: textkg.build_jsonl(corpus, aliases=rules)
    )
    same_message(
        cli,
        ["build", "--jsonl", corpus, "-f", "turtle", "--base-iri", "not an iri"],
        lambda: textkg.export(textkg.build_jsonl(corpus), "turtle", base_iri="not an iri"),
    )


def test_malformed_inputs_are_textkg_errors(tmp_path):
    with pytest.raises(textkg.TextkgError, match=r"^<python>: document 2: text holds a NUL character$"):
        textkg.build(["Oslo.", "Ber\0gen."])
    with pytest.raises(textkg.TextkgError, match=r"^<python>: document 1: id must be a string or number"):
        textkg.build([{"id": None, "text": "Oslo."}])
    with pytest.raises(textkg.TextkgError, match=r"^<graph 2>: not a textkg JSON graph: "):
        textkg.merge([textkg.build("Oslo."), '{"nodes": 3}'])
    with pytest.raises(textkg.TextkgError, match=r"^--format: unknown format \"yaml\" \(expected json, "):
        textkg.export(textkg.build("Oslo."), "yaml")
    with pytest.raises(textkg.TextkgError, match=r"^<jsonl>: line 2: expected \{\"id\": \.\.\., \"text\": \.\.\.\}: "):
        textkg.build_jsonl(['{"id": "1", "text": "Oslo."}', "[]"])
    with pytest.raises(textkg.TextkgError, match=r'^<jsonl>: line 2: id "a" is already the id of line 1; ids must be unique'):
        textkg.build_jsonl(['{"id": "a", "text": "Oslo."}', '{"id": "a", "text": "Bergen."}'], batch_size=1)


def test_threads_do_not_change_the_graph(corpus, cli_graph):
    for threads in (1, 2, 3):
        assert textkg.build_jsonl(corpus, threads=threads, as_json=True).encode() == cli_graph


def timed_build_with_ticker(docs):
    """Builds `docs` on one thread while another Python thread ticks every
    millisecond; returns the build's start, end and the ticks."""
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        start = time.perf_counter()
        textkg.build(docs, threads=1, batch_size=len(docs))
        end = time.perf_counter()
    finally:
        done.set()
        ticker.join()
    return start, end, ticks


def test_the_gil_is_released_while_building():
    text = (REPO / "examples" / "harbour-deal.txt").read_text(encoding="utf-8")
    # As many documents as make the build long enough to tell, on any machine.
    count = 16
    while True:
        start, end, ticks = timed_build_with_ticker([{"id": str(i), "text": text} for i in range(count)])
        if end - start >= 0.3 or count >= 8192:
            break
        count *= 2
    assert end - start >= 0.3, "the build was too quick to tell"
    during = [t for t in ticks if start <= t <= end]
    gaps = [b - a for a, b in zip([start, *during], [*during, end])]
    # Holding the GIL would stop the ticker for the whole build.
    assert max(gaps) < (end - start) / 2, (max(gaps), end - start, count)


def test_the_wheel_is_abi3():
    native = Path(textkg._native.__file__).name
    assert native.endswith(".abi3.so"), native
