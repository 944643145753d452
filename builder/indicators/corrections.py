"""Apply the reviewed corrections (``corpus/indicator_corrections.yml``) to extracted records.

A contributor fixes what the extractor got wrong without code: ``fix`` sets
fields of the records it selects, ``suppress`` drops them, ``add`` creates
one from a quote in the paragraph. An entry that selects nothing (the text
changed, the extractor improved) is *stale*; ``builder check`` reports it.
"""

from __future__ import annotations

from dataclasses import replace

from builder.corpus.indicators import Corrections, RecordCorrection
from builder.corpus.load import Corpus
from builder.indicators.prose import Found
from builder.indicators.record import Record


def selects(entry: RecordCorrection, record: Record) -> bool:
    return (record.doc_id == entry.doc and record.anchor == entry.anchor and record.indicator == entry.indicator
            and (entry.kind is None or record.kind == entry.kind)
            and (entry.period is None or record.period == entry.period))


def _typed(values: dict) -> dict:
    out = dict(values)
    for k in ("value", "growth_pct"):
        if k in out and out[k] is not None and out[k] != "":
            out[k] = float(out[k])
        elif k in out:
            out[k] = None
    for k in ("period", "unit", "growth_basis", "qualifier", "quote", "kind", "indicator", "scope", "attribute",
              "price_basis", "value_kind", "ambiguity"):
        if k in out:
            out[k] = "" if out[k] is None else str(out[k])
    return out


def added_record(entry: RecordCorrection, corpus: Corpus) -> Record | None:
    """The record an ``add`` entry describes, or None when its quote is not in its paragraph."""
    doc = corpus.by_id(entry.doc)
    block = doc.block_by_anchor(entry.anchor) if doc else None
    values = _typed(entry.set)
    if doc is None or block is None or values.get("quote", "") not in _block_texts(doc, entry.anchor):
        return None
    base = dict(doc_id=doc.id, region=doc.meta.region, indicator=entry.indicator, kind=entry.kind or "",
                period=entry.period or "", value=None, unit="", growth_pct=None, growth_basis="", qualifier="",
                quote="", anchor=entry.anchor, scope=doc.meta.region)
    base.update(values)
    return Record(**base)


def _block_texts(doc, anchor: str) -> str:
    """The paragraph's plain text, plus the table right after it (a 专栏 caption's table)."""
    texts = []
    for i, b in enumerate(doc.blocks):
        if b.anchor == anchor:
            texts.append(b.plain_text)
            if i + 1 < len(doc.blocks) and doc.blocks[i + 1].kind == "table":
                texts.append(doc.blocks[i + 1].plain_text)
    return "\n".join(texts)


def corrected(found: list[Found], corrections: Corrections) -> list[Found]:
    """``found`` with every ``fix`` applied and every ``suppress``ed record dropped."""
    out: list[Found] = []
    for f in found:
        rec: Record | None = f.record
        for entry in corrections.entries:
            if rec is None or not selects(entry, rec):
                continue
            if entry.action == "suppress":
                rec = None
            elif entry.action == "fix":
                rec = replace(rec, **_typed(entry.set))
        if rec is not None:
            out.append(Found(rec, f.marks, f.cell, f.cells))
    return out


def added_found(kept: list[Found], corrections: Corrections, corpus: Corpus,
                doc_id: str | None = None) -> list[tuple[int, Found]]:
    """The records of the ``add`` entries (of document ``doc_id`` only, when given), each with its
    entry's position. An added record's place holds its document, so one document's adds depend on
    that document's records alone: a shard build adds them per document, the merge orders them back
    by entry position (``builder.indicators.merge_found``)."""
    out = list(kept)
    added: list[tuple[int, Found]] = []
    for i, entry in enumerate(corrections.entries):
        if entry.action == "add" and (doc_id is None or entry.doc == doc_id):
            rec = added_record(entry, corpus)
            if rec is not None and not _clashes(rec, [f.record for f in out]):  # a clash is for `fix`
                taken = sum(1 for f in out if f.record.place == rec.place)
                one = Found(replace(rec, ordinal=taken + 1), ())
                out.append(one)
                added.append((i, one))
    return added


def _clashes(added: Record, records: list[Record]) -> bool:
    """An added record restating one already there: same place, and one quote contains the other.

    Adding “地区生产总值增长10%左右” where that clause already made a record is a
    fix in disguise; adding “力争突破500亿元” next to “达到460亿元以上” (same
    place, other words) is a second statement and gets the next ordinal.
    """
    return any(r.place == added.place and (added.quote in r.quote or r.quote in added.quote) for r in records)


def clashing_adds(found: list[Found], corrections: Corrections, corpus: Corpus) -> list[RecordCorrection]:
    """``add`` entries whose record restates an extracted one (they should be ``fix``)."""
    records = [f.record for f in found]
    return [e for e in corrections.entries if e.action == "add"
            and (rec := added_record(e, corpus)) is not None and _clashes(rec, records)]


def stale_entries(found: list[Found], corrections: Corrections, corpus: Corpus) -> list[RecordCorrection]:
    """Entries that no longer match: fix/suppress selecting no record, add whose quote is gone."""
    stale = []
    for entry in corrections.entries:
        if entry.action == "add":
            if added_record(entry, corpus) is None:
                stale.append(entry)
        elif not any(selects(entry, f.record) for f in found):
            stale.append(entry)
    return stale
