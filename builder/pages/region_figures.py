"""A region page's key figures: its headline targets and results, each linked to its paragraph.

What a reader opening 吕梁市's page wants first is what 吕梁市 promised and
achieved: the year's targets (地区生产总值增长8%以上 …) and the previous year's
results, as the region's own documents state them. One row per indicator and
kind, in the vocabulary's order, the region's work report before its plan;
every figure links to the paragraph that states it and to the indicator's
comparison across regions. Only extracted records are shown: a figure a
document does not state is not guessed.
"""

from __future__ import annotations

from builder.corpus.indicators import Vocabulary
from builder.corpus.model import DOC_TYPES
from builder.corpus.regions import Region
from builder.escape import markdown_text as escape
from builder.indicators.record import Record
from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.indicator_data import INDEX, figure_text, page
from builder.pages.indicator_pages import sortable

#: How many indicators a region page shows (the vocabulary's first, the headline ones).
LIMIT = 8


def key_figures(cat: Catalogue, vocabulary: Vocabulary, mine: list[Record], region: Region,
                src: str) -> str:
    """The 主要数字 section of a region page from the region's own records (``mine``),
    or "" when its documents state none."""
    year = max((d.meta.year for d in cat.documents_of(region) if d.meta.year), default=None)
    if year is None:
        return ""

    def rank(r: Record) -> tuple:
        doc = cat.corpus.by_id(r.doc_id)
        return (DOC_TYPES.index(doc.meta.doc_type) if doc else 9, r.sort_key)

    rows = []
    for ind in vocabulary.indicators:
        target = sorted((r for r in mine if r.indicator == ind.id and r.kind == "target"
                         and r.period == str(year)), key=rank)
        actual = sorted((r for r in mine if r.indicator == ind.id and r.kind == "actual"
                         and r.period == str(year - 1)), key=rank)
        if not target and not actual:
            continue
        rows.append(f"| [{escape(ind.name)}]({urls.link(src, page(ind.id))}) | "
                    f"{_cell(cat, src, target[0]) if target else '—'} | "
                    f"{_cell(cat, src, actual[0]) if actual else '—'} |")
        if len(rows) == LIMIT:
            break
    if not rows:
        return ""
    head = f"| 指标 | {year}年目标 | {year - 1}年实际 |\n|---|---|---|"
    return "\n\n".join([
        "## 主要数字 { #key-figures }",
        f"{escape(region.name)}本级文件写明的{year}年目标和{year - 1}年完成情况，点击数字回到原文段落；"
        f"[各地比较]({urls.link(src, INDEX)})。",
        sortable(head + "\n" + "\n".join(rows))])


def _cell(cat: Catalogue, src: str, r: Record) -> str:
    doc = cat.corpus.by_id(r.doc_id)
    assert doc is not None
    return f"[{escape(figure_text(r))}]({urls.link(src, urls.document(doc))}#{r.anchor})"
