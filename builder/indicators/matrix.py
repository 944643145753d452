"""What each work report states of the headline indicators for its year: the target matrix.

Omission is evidence in the target-setting literature, so a cell says one of:

- ``target``: the year's target records (``地区生产总值增长8%以上``);
- ``qualitative``: the report's list of the year's targets (the paragraph with
  ``主要预期目标``) names the indicator without a figure; the clause is quoted
  (盐湖 p-33 “城乡居民收入与GDP增速基本同步”);
- ``not-stated`` (未提出): no name, synonym or pair phrase of the indicator
  occurs anywhere in the document's text: a plain-text search, not the
  extracted records, decides;
- ``no-target``: the text names it (in the review, in a task) but sets no
  target for the year; the count of the places is given.

Only work reports (政府工作报告, and summaries, marked as such) make rows: a
plan outline's or a news item's silence about a year's target says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.corpus.indicators import Indicator, Vocabulary
from builder.corpus.model import Document
from builder.indicators.context import ANNUAL_TARGET_RE, block_context, section_titles
from builder.indicators.mentions import find_mentions
from builder.indicators.record import Record

WORK_REPORTS = ("政府工作报告", "政府工作报告（摘要）")
_CLAUSE_RE = re.compile(r"[^，,；;。！？：:]+")


@dataclass(frozen=True)
class Cell:
    state: str  # target | qualitative | not-stated | no-target
    records: tuple[Record, ...] = ()
    quote: str = ""
    anchor: str = ""
    mentions: int = 0


def search_terms(ind: Indicator, vocabulary: Vocabulary) -> list[str]:
    """Every string that names ``ind`` in a text: its terms, short forms, pair phrases, qualitative words."""
    terms = [*ind.terms, *ind.elliptic, *ind.qualitative]
    terms += [p.phrase for p in vocabulary.pairs if ind.id in p.parts]
    return sorted(set(terms), key=lambda t: (-len(t), t))


def count_mentions(text: str, terms: list[str]) -> int:
    """Non-overlapping occurrences of any of ``terms`` (longest first) in ``text``."""
    if not terms:
        return 0
    return len(re.findall("|".join(map(re.escape, terms)), text))


def target_list_blocks(doc: Document) -> list[int]:
    """Indices of the blocks that list the year's targets (``今年…主要预期目标是：``)."""
    titles = section_titles(doc)
    out = []
    for i, b in enumerate(doc.blocks):
        if b.kind == "table" or not ANNUAL_TARGET_RE.search(b.plain_text):
            continue
        ctx = block_context(doc, i, titles[i])
        if ctx.kind == "target" and ctx.scope == "year":
            out.append(i)
    return out


def _qualitative(doc: Document, ind: Indicator, vocabulary: Vocabulary) -> tuple[str, str] | None:
    for i in target_list_blocks(doc):
        block = doc.blocks[i]
        for clause in _CLAUSE_RE.findall(block.plain_text):
            named = any(ind.id in m.indicators for m in find_mentions(clause, vocabulary))
            if named or any(w in clause for w in ind.qualitative):
                return clause.strip(), block.anchor
    return None


def cell(doc: Document, ind: Indicator, vocabulary: Vocabulary, records: list[Record]) -> Cell:
    """The matrix cell of one work report and one indicator (``records``: the document's)."""
    year = str(doc.meta.year)
    targets = tuple(r for r in records if r.indicator == ind.id and r.kind == "target" and r.period == year)
    if targets:
        return Cell("target", targets)
    text = "\n".join(b.plain_text for b in doc.blocks)
    n = count_mentions(text, search_terms(ind, vocabulary))
    if n == 0:
        return Cell("not-stated")
    found = _qualitative(doc, ind, vocabulary)
    if found:
        return Cell("qualitative", quote=found[0], anchor=found[1], mentions=n)
    return Cell("no-target", mentions=n)


def matrix_documents(docs: list[Document], year: int) -> list[Document]:
    """The work reports of ``year``, one per region (the full report before a summary)."""
    out: dict[str, Document] = {}
    for d in sorted(docs, key=lambda d: (WORK_REPORTS.index(d.meta.doc_type) if d.meta.doc_type in WORK_REPORTS
                                         else 9, d.id)):
        if d.meta.year == year and d.meta.doc_type in WORK_REPORTS:
            out.setdefault(d.meta.region, d)
    return list(out.values())
