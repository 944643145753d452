"""Lists of documents as Markdown, the same line format on every page, paged when long.

A list page (a region, a year, a type) shows ``PAGE_SIZE`` documents; the
rest continue on numbered pages next to it (``years/2021.md``,
``years/2021-p2.md`` …; ``regions/lishi/index.md``, ``regions/lishi/p2.md``),
each with the same pager, so no page grows with the corpus.
"""

from __future__ import annotations

from collections.abc import Callable

from builder.corpus.model import Document
from builder.pages import urls
from builder.pages.markdown import inline

COMPLETENESS_LABELS = {"full": "全文", "summary": "摘要", "excerpt": "节选"}


def date_text(doc: Document) -> str:
    d = doc.meta.date
    if d:
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{doc.meta.year}年（日期不详）" if doc.meta.year else "年份、日期不详（原文未写明）"


def document_line(doc: Document, from_src: str) -> str:
    """``- [title](link) — date · type · completeness``"""
    meta = doc.meta
    return (f"- [{inline(meta.title)}]({urls.link(from_src, urls.document(doc))})"
            f" — {date_text(doc)} · {inline(meta.doc_type)}"
            f" · {COMPLETENESS_LABELS[meta.completeness.status]}")


def document_list(docs: list[Document], from_src: str, empty: str = "暂无文件。") -> str:
    return "\n".join(document_line(d, from_src) for d in docs) if docs else empty


#: Documents per list page.
PAGE_SIZE = 100


def page_src(first_src: str, n: int) -> str:
    """Source path of page ``n`` (1-based) of the list whose first page is ``first_src``."""
    if n == 1:
        return first_src
    if first_src == "index.md" or first_src.endswith("/index.md"):
        return f"{first_src[:-len('index.md')]}p{n}.md"
    return f"{first_src[:-len('.md')]}-p{n}.md"


def pager(first_src: str, n: int, count: int, src: str) -> str:
    """``第 2 / 13 页：1 … [3] …``: every page near this one, the first and the last."""
    if count <= 1:
        return ""
    shown = sorted({1, count, *range(max(1, n - 2), min(count, n + 2) + 1)})
    items: list[str] = []
    for prev, k in zip([0, *shown], shown, strict=False):
        if k - prev > 1:
            items.append("…")
        items.append(f"**{k}**" if k == n else f"[{k}]({urls.link(src, page_src(first_src, k))})")
    return f"第 {n} / {count} 页：" + " ".join(items)


def paged(docs: list[Document], first_src: str,
          render: Callable[[list[Document], int, int, str], str]) -> dict[str, str]:
    """Pages of ``docs`` in ``PAGE_SIZE`` slices: source path -> ``render(slice, n, count, src)``.

    A list with no documents still has its first page (``render([], 1, 1, first_src)``).
    """
    count = max(1, -(-len(docs) // PAGE_SIZE))
    return {page_src(first_src, n): render(docs[(n - 1) * PAGE_SIZE:n * PAGE_SIZE], n, count,
                                           page_src(first_src, n))
            for n in range(1, count + 1)}
