"""Lists of documents as Markdown, the same line format on every page."""

from __future__ import annotations

from builder.corpus.model import Document
from builder.pages import urls
from builder.pages.markdown import inline

COMPLETENESS_LABELS = {"full": "全文", "summary": "摘要", "excerpt": "节选"}


def date_text(doc: Document) -> str:
    d = doc.meta.date
    return f"{d.year}年{d.month}月{d.day}日" if d else f"{doc.meta.year}年（日期不详）"


def document_line(doc: Document, from_src: str) -> str:
    """``- [title](link) — date · type · completeness``"""
    meta = doc.meta
    return (f"- [{inline(meta.title)}]({urls.link(from_src, urls.document(doc))})"
            f" — {date_text(doc)} · {meta.doc_type}"
            f" · {COMPLETENESS_LABELS[meta.completeness.status]}")


def document_list(docs: list[Document], from_src: str, empty: str = "暂无文件。") -> str:
    return "\n".join(document_line(d, from_src) for d in docs) if docs else empty
