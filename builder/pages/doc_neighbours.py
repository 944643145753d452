"""Previous and next document: the reading order between document pages.

The order is the catalogue's (region by division code, newest year first,
then document type), the order of the home page and the region pages, so
"next" from 吕梁市's report is the next report a reader would meet in those
lists. Computed once per build: a dict from id to its two neighbours, so
the cost stays linear in the number of documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.corpus.model import Document
from builder.pages import urls
from builder.pages.markdown import inline

Neighbours = tuple[Document | None, Document | None]


def neighbours(docs: Sequence[Document]) -> dict[str, Neighbours]:
    """``{id: (previous, next)}`` over ``docs`` in the given order."""
    return {d.id: (docs[i - 1] if i > 0 else None, docs[i + 1] if i + 1 < len(docs) else None)
            for i, d in enumerate(docs)}


def links(doc: Document, around: Neighbours) -> str:
    """The pager at the foot of a document page: Material's own previous/next footer
    follows the nav, which no longer lists documents. Markdown links, so that
    ``mkdocs build --strict`` checks them like every other link."""
    src = urls.document(doc)
    items = [f"[{word}<br>{inline(other.meta.title)}]({urls.link(src, urls.document(other))})"
             f"{{ .doc-pager__link .doc-pager__link--{kind} rel={kind} }}"
             for other, word, kind in ((around[0], "上一份文件", "prev"), (around[1], "下一份文件", "next"))
             if other is not None]
    if not items:
        return ""
    return ('<nav class="doc-pager" aria-label="上一份和下一份文件" markdown>\n\n'
            + " ".join(items) + "\n\n</nav>")
