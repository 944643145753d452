"""Indicator extraction: the numbers each report reports and promises.

``extract_records(corpus, vocabulary, corrections)`` reads every document's
paragraphs, headings and 专栏 tables and returns one ``Record`` per statement
(sorted, so two corpus versions compare record by record: ``builder diff``);
``extract_corpus(corpus)`` loads the two YAML files from ``corpus.root``
first. ``extract_found`` also returns where in each block the figures are
(the site marks them).

Modules: ``numbers`` (figures, Chinese numerals, table cells), ``mentions``
(which indicator a phrase names), ``figures`` (levels, growths, qualifiers),
``context`` (actual or target, which period), ``prose`` and ``tables``
(records from a paragraph or a table), ``corrections`` (reviewed fixes),
``coding`` (the fields derived from a final record: qualifier class,
normalised value, cumulative, price basis).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from builder.corpus.indicators import Corrections, Vocabulary, load_corrections, load_vocabulary
from builder.corpus.load import Corpus
from builder.corpus.model import Document
from builder.indicators.coding import code
from builder.indicators.context import block_context, section_titles
from builder.indicators.corrections import added_found, corrected
from builder.indicators.prose import Found, extract_prose
from builder.indicators.record import FIELDS, Record
from builder.indicators.tables import extract_table

__all__ = ["FIELDS", "Found", "Record", "extract_corpus", "extract_document", "extract_found", "extract_records"]


def extract_document(doc: Document, vocabulary: Vocabulary) -> list[Found]:
    """Every statement of one document, before corrections, in text order.

    A text whose year the source does not state has none: its figures cannot be
    given a period (“今年”, “十四五” of which year?), so it yields no statements."""
    if doc.meta.year is None:
        return []
    titles = section_titles(doc)
    out: list[Found] = []
    caption = ""
    for i, block in enumerate(doc.blocks):
        if block.kind == "table":
            out += extract_table(doc, block, caption, vocabulary) if caption else []
            continue
        if block.kind == "paragraph":
            caption = block.anchor
        out += extract_prose(doc, block, block_context(doc, i, titles[i]), vocabulary)
    return _unique(out)


def _unique(found: list[Found]) -> list[Found]:
    """One record per statement, each with a unique key.

    A paragraph stating the same figures twice for one place (document,
    paragraph, indicator, kind, period) yields them once; different figures
    for one place are different statements and get ordinals 1, 2… in text
    order: 孝义 p-20 “达到460亿元以上，力争突破500亿元” is two 2025 GDP targets.
    """
    seen: set = set()
    count: dict[tuple, int] = {}
    out = []
    for f in found:
        rec = f.record
        if (rec.place, rec.statement) in seen:
            continue
        seen.add((rec.place, rec.statement))
        count[rec.place] = count.get(rec.place, 0) + 1
        out.append(Found(replace(rec, ordinal=count[rec.place]), f.marks, f.cell, f.cells))
    return out


def document_found(doc: Document, vocabulary: Vocabulary, corrections: Corrections,
                   corpus: Corpus) -> tuple[list[Found], list[tuple[int, Found]]]:
    """One document's statements, corrected and coded: (extracted, added with their entry's
    position). The per-document part of ``extract_found`` (a shard build runs it per document)."""
    kept = corrected(extract_document(doc, vocabulary), corrections)
    added = added_found(kept, corrections, corpus, doc.id)
    return ([Found(code(f.record, vocabulary), f.marks, f.cell, f.cells) for f in kept],
            [(i, Found(code(f.record, vocabulary), f.marks, f.cell, f.cells)) for i, f in added])


def merge_found(parts: Iterable[tuple[list[Found], list[tuple[int, Found]]]]) -> list[Found]:
    """Every document's statements in document order, then every added record in entry order:
    the order of a pass over the whole corpus (fixes per record, then the adds)."""
    parts = list(parts)
    added = sorted((pair for _, adds in parts for pair in adds), key=lambda pair: pair[0])
    return [f for kept, _ in parts for f in kept] + [f for _, f in added]


def extract_found(corpus: Corpus, vocabulary: Vocabulary, corrections: Corrections) -> list[Found]:
    return merge_found(document_found(doc, vocabulary, corrections, corpus) for doc in corpus.documents)


def extract_records(corpus: Corpus, vocabulary: Vocabulary, corrections: Corrections) -> list[Record]:
    return sorted((f.record for f in extract_found(corpus, vocabulary, corrections)), key=lambda r: r.sort_key)


def load_indicator_files(corpus: Corpus) -> tuple[Vocabulary, Corrections]:
    vocabulary = load_vocabulary(corpus.root)
    return vocabulary, load_corrections(corpus.root, vocabulary)


def extract_corpus(corpus: Corpus) -> list[Record]:
    """Records of ``corpus`` with the vocabulary and corrections found under ``corpus.root``."""
    vocabulary, corrections = load_indicator_files(corpus)
    return extract_records(corpus, vocabulary, corrections)
