"""The indicators' per-document work as plain data (``builder.pages.analyses``).

Extraction is the costliest step of a build (prose parsing per sentence), and
each document's records depend on that document alone (the corrections'
``add`` entries too: see ``builder.indicators.corrections.added_found``), so a
shard build extracts its documents' records and the merge reads them back.
"""

from __future__ import annotations

from dataclasses import asdict

from builder.corpus.indicators import Corrections, Vocabulary
from builder.corpus.load import Corpus
from builder.corpus.model import Document
from builder.indicators import Found, Record, document_found


def found_data(f: Found) -> dict:
    return {"record": asdict(f.record), "marks": [list(m) for m in f.marks],
            "cell": list(f.cell) if f.cell else None, "cells": [list(c) for c in f.cells]}


def found_of(data: dict) -> Found:
    return Found(Record(**data["record"]), tuple(tuple(m) for m in data["marks"]),
                 tuple(data["cell"]) if data["cell"] else None, tuple(tuple(c) for c in data["cells"]))


def parts_of(data: dict) -> tuple[list[Found], list[tuple[int, Found]]]:
    """``IndicatorAnalysis`` data back as ``document_found`` gives it."""
    return [found_of(f) for f in data["found"]], [(i, found_of(f)) for i, f in data["added"]]


class IndicatorAnalysis:
    name = "indicators"

    def __init__(self, corpus: Corpus, vocabulary: Vocabulary, corrections: Corrections) -> None:
        self.corpus, self.vocabulary, self.corrections = corpus, vocabulary, corrections

    def analyse(self, doc: Document) -> dict:
        kept, added = document_found(doc, self.vocabulary, self.corrections, self.corpus)
        return {"found": [found_data(f) for f in kept], "added": [[i, found_data(f)] for i, f in added]}
