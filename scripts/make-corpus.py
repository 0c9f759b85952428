#!/usr/bin/env python3
"""Writes a JSON Lines corpus of about SIZE bytes for timing `textkg build`:
Re-DocRED, GUM and UD EWT texts from ../shared/data in equal parts by size,
repeated in a fixed order with distinct ids (`redocred-17-r3`), one
{"id", "text"} object a line. The text never goes into the repository.
    scripts/make-corpus.py SIZE OUT.jsonl      (SIZE in bytes; 64e6 works)
"""
import json
import pathlib
import sys

DATA = pathlib.Path(__file__).resolve().parent.parent / ".." / "shared" / "data"


def redocred():
    docs = json.loads((DATA / "redocred" / "train.json").read_text())
    for i, doc in enumerate(docs):
        yield f"redocred-{i}", " ".join(" ".join(s) for s in doc["sents"])


def gum():
    for path in sorted((DATA / "gum-wikinews" / "text").glob("*.txt")):
        yield f"gum-{path.stem}", path.read_text()


def ewt(sentences_per_doc=20):
    lines = (DATA / "ud-english-ewt" / "en_ewt-ud-train.conllu").read_text().splitlines()
    sentences = [l[len("# text = "):] for l in lines if l.startswith("# text = ")]
    for start in range(0, len(sentences), sentences_per_doc):
        yield f"ewt-{start // sentences_per_doc}", " ".join(sentences[start:start + sentences_per_doc])


def main():
    size, out = int(float(sys.argv[1])), pathlib.Path(sys.argv[2])
    sources = [list(redocred()), list(gum()), list(ewt())]
    share = size // len(sources)
    written = 0
    with out.open("w") as f:
        lines = []
        for docs in sources:
            part, round_ = 0, 0
            while part < share:
                for doc_id, text in docs:
                    line = json.dumps({"id": f"{doc_id}-r{round_}", "text": text}) + "\n"
                    lines.append(line)
                    part += len(line.encode())
                    if part >= share:
                        break
                round_ += 1
        # Interleave the three sources so that every stretch of the file is a mix.
        by_source = {}
        for line in lines:
            by_source.setdefault(json.loads(line)["id"].split("-")[0], []).append(line)
        queues = list(by_source.values())
        positions = [0] * len(queues)
        while any(p < len(q) for p, q in zip(positions, queues)):
            # The source furthest behind in bytes goes next.
            i = min((i for i, q in enumerate(queues) if positions[i] < len(q)),
                    key=lambda i: positions[i] / len(queues[i]))
            f.write(queues[i][positions[i]])
            written += len(queues[i][positions[i]].encode())
            positions[i] += 1
    print(f"{out}: {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
