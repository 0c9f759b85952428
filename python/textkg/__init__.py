"""Knowledge graphs from plain-text news, offline and deterministic.

The Python face of the ``textkg`` command line: the same pipeline, run in
Rust with the GIL released, giving the bytes ``textkg build`` writes.

    >>> import textkg
    >>> graph = textkg.build(["President Barack Obama met Angela Merkel in Berlin."])
    >>> sorted(n["label"] for n in graph["nodes"])
    ['Angela Merkel', 'Barack Obama', 'Berlin']

Graphs are dicts shaped as docs/json-format.md describes (``documents``,
``nodes``, ``edges``). Errors are :class:`TextkgError` (a ``ValueError``)
carrying the message the command line prints.
"""

from __future__ import annotations

import json
import os
from itertools import islice
from typing import Any, Iterable, Iterator, Union

from ._native import Builder as _Builder
from ._native import TextkgError
from ._native import export as _export
from ._native import formats as _formats
from ._native import merge as _merge
from ._native import read_jsonl as _read_jsonl

__all__ = [
    "DEFAULT_TYPES",
    "FORMATS",
    "TextkgError",
    "build",
    "build_jsonl",
    "export",
    "merge",
    "to_networkx",
]

#: The entity types that become nodes unless ``types`` says otherwise (``--types``).
DEFAULT_TYPES = "PERSON,ORGANIZATION,LOCATION,MISC"
_DIRECTORY_FORMATS = frozenset(name for name, is_dir in _formats() if is_dir)
#: Every ``--format`` name :func:`export` takes.
FORMATS = tuple(name for name, _ in _formats())
_BINARY_FORMATS = frozenset({"png"})

Graph = dict
Document = Union[str, dict, tuple]

try:
    from importlib.metadata import version as _version

    __version__ = _version("textkg")
except Exception:  # not installed, e.g. imported from a build tree
    __version__ = "0+unknown"


def _builder(types, min_confidence, co_mentions, aliases, threads) -> _Builder:
    if not isinstance(types, str):
        types = ",".join(types)
    return _Builder(
        types,
        float(min_confidence) if min_confidence is not None else None,
        bool(co_mentions),
        os.fspath(aliases) if aliases is not None else None,
        threads,
    )


def _batches(items: Iterable, size: int) -> Iterator[list]:
    if size < 1:
        raise TextkgError(f"batch_size must be at least 1, not {size}")
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _document(item: Document, number: int, name: str) -> tuple[str, str, str]:
    where = f"{name}: document {number}"
    source = f"{name}:{number}"
    if isinstance(item, str):
        doc_id, text = str(number), item
    elif isinstance(item, dict):
        unknown = set(item) - {"id", "text", "source"}
        if unknown or "text" not in item:
            raise TextkgError(
                f'{where}: expected {{"id": ..., "text": ...}} (and optionally "source"), '
                f"got the keys {sorted(item)}"
            )
        doc_id, text = item.get("id", number), item["text"]
        source = item.get("source", source)
    elif isinstance(item, tuple) and len(item) == 2:
        doc_id, text = item
    else:
        raise TextkgError(f"{where}: expected a text, a dict or an (id, text) pair, not {type(item).__name__}")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, float)):
        raise TextkgError(f"{where}: id must be a string or number, not {doc_id!r}")
    if not isinstance(text, str):
        raise TextkgError(f"{where}: text must be a string, not {type(text).__name__}")
    if "\0" in text:
        raise TextkgError(f"{where}: text holds a NUL character")
    if not isinstance(source, str):
        raise TextkgError(f"{where}: source must be a string, not {type(source).__name__}")
    return str(doc_id), source, text


def _finish(builder: _Builder, as_json: bool) -> Union[Graph, str]:
    text = builder.finish()
    return text if as_json else json.loads(text)


def _each(builder: _Builder, batches: Iterator[list], add, as_json: bool) -> Iterator[Union[Graph, str]]:
    for batch in batches:
        add(batch)
        for line in builder.take_each():
            yield line if as_json else json.loads(line)


def build(
    docs: Union[str, Iterable[Document]],
    *,
    types: Union[str, Iterable[str]] = DEFAULT_TYPES,
    min_confidence: Union[float, None] = None,
    co_mentions: bool = False,
    aliases: Union[str, os.PathLike, None] = None,
    threads: Union[int, None] = None,
    per_doc: bool = False,
    as_json: bool = False,
    name: str = "<python>",
    batch_size: int = 256,
) -> Union[Graph, str, Iterator[Union[Graph, str]]]:
    """Builds one knowledge graph from documents, as ``textkg build`` does.

    ``docs`` is a text or an iterable of texts, ``{"id", "text"}`` dicts
    (``"source"`` optional) or ``(id, text)`` pairs. A bare text's id is its
    position from 1; a document's source is ``name:position`` unless given.
    The keywords are the flags of ``textkg build``. Returns the graph as a
    dict, or with ``as_json=True`` the JSON text the command line writes;
    with ``per_doc=True`` an iterator of one graph per document instead.
    Documents are read ``batch_size`` at a time, each batch annotated in
    parallel on ``threads`` threads (default: all cores).
    """
    builder = _builder(types, min_confidence, co_mentions, aliases, threads)
    if isinstance(docs, str):
        docs = [docs]
    numbered = (_document(item, n, name) for n, item in enumerate(docs, 1))
    batches = _batches(numbered, batch_size)
    if per_doc:
        return _each(builder, batches, builder.add_documents, as_json)
    for batch in batches:
        builder.add_documents(batch)
    return _finish(builder, as_json)


def _numbered_lines(lines: Iterable, start: int, name: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(lines, start):
        if isinstance(line, tuple):
            number, line = line
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as e:
                raise TextkgError(f"{name}: line {number}: not valid UTF-8 (invalid byte at offset {e.start})") from None
        if not isinstance(line, str):
            raise TextkgError(f"{name}: line {number}: expected a line of text, not {type(line).__name__}")
        yield number, line


def build_jsonl(
    source: Union[str, os.PathLike, Iterable],
    *,
    types: Union[str, Iterable[str]] = DEFAULT_TYPES,
    min_confidence: Union[float, None] = None,
    co_mentions: bool = False,
    aliases: Union[str, os.PathLike, None] = None,
    threads: Union[int, None] = None,
    per_doc: bool = False,
    as_json: bool = False,
    name: Union[str, None] = None,
    start: int = 1,
    batch_size: int = 256,
) -> Union[Graph, str, Iterator[Union[Graph, str]]]:
    """Builds a graph from JSON Lines, one ``{"id", "text"}`` object a line,
    as ``textkg build --jsonl`` does.

    ``source`` is a path, read and checked whole as ``--jsonl`` reads it, or
    an iterable of lines (an open file, a Spark partition), read
    ``batch_size`` lines at a time so that only one batch of texts is held
    at once. Lines are numbered from ``start``; an item may also be a
    ``(line number, line)`` pair. ``name`` (default: the path, or the file
    object's ``name``) is what sources (``name:line``) and errors call the
    input. The other keywords are as for :func:`build`.
    """
    builder = _builder(types, min_confidence, co_mentions, aliases, threads)
    if isinstance(source, (str, os.PathLike)):
        docs = _read_jsonl(os.fspath(source))
        if per_doc:
            return _each(builder, _batches(docs, batch_size), builder.add_documents, as_json)
        builder.add_documents(docs)
        return _finish(builder, as_json)
    if name is None:
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) else "<jsonl>"
    batches = _batches(_numbered_lines(source, start, name), batch_size)

    def add(batch):
        builder.add_jsonl_lines(name, batch)

    if per_doc:
        return _each(builder, batches, add, as_json)
    for batch in batches:
        add(batch)
    return _finish(builder, as_json)


def _graph_text(graph: Union[Graph, str, bytes]) -> str:
    if isinstance(graph, bytes):
        return graph.decode("utf-8")
    if isinstance(graph, str):
        return graph
    if isinstance(graph, dict):
        return json.dumps(graph, ensure_ascii=False)
    raise TextkgError(f"expected a graph (a dict or JSON text), not {type(graph).__name__}")


def merge(
    graphs: Iterable[Union[Graph, str]],
    *,
    aliases: Union[str, os.PathLike, None] = None,
    as_json: bool = False,
) -> Union[Graph, str]:
    """Merges graphs (dicts or JSON text) as ``textkg merge`` does: the result
    depends only on the set of documents, never on order or grouping."""
    texts = [(f"<graph {n}>", _graph_text(g)) for n, g in enumerate(graphs, 1)]
    text = _merge(texts, os.fspath(aliases) if aliases is not None else None)
    return text if as_json else json.loads(text)


def export(
    graph: Union[Graph, str],
    format: str = "json",
    *,
    path: Union[str, os.PathLike, None] = None,
    base_iri: Union[str, None] = None,
) -> Union[str, bytes, dict, None]:
    """Writes a graph in any ``--format`` (see :data:`FORMATS`).

    With ``path``, writes it there atomically as ``-o`` does and returns
    None (a directory for ``csv`` and ``neo4j-csv``). Without, returns the
    text (bytes for ``png``), or for a directory format a dict of file name
    to text. The bytes are those ``textkg build --format FORMAT`` writes.
    """
    out = _export(
        _graph_text(graph),
        "<graph>",
        format,
        base_iri,
        os.fspath(path) if path is not None else None,
    )
    if out is None or format in _BINARY_FORMATS:
        return out
    if format in _DIRECTORY_FORMATS:
        return {file: data.decode("utf-8") for file, data in out.items()}
    return out.decode("utf-8")


def to_networkx(graph: Union[Graph, str]) -> Any:
    """The graph as a ``networkx.MultiDiGraph``: nodes keyed by id, edges by
    edge id, every other field an attribute; ``documents`` a graph attribute."""
    try:
        import networkx as nx
    except ImportError:
        raise ImportError("textkg.to_networkx needs networkx: pip install networkx") from None
    if not isinstance(graph, dict):
        graph = json.loads(_graph_text(graph))
    g = nx.MultiDiGraph(documents=graph["documents"])
    for node in graph["nodes"]:
        g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in graph["edges"]:
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target")}
        g.add_edge(edge["source"], edge["target"], key=edge["id"], **attrs)
    return g
