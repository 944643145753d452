"""The files that belong to one document each: its page, source page, search chunks.

The expensive part of a build, made for every document by a single build (in one process or
several, ``builder.pages.workers``) and for its own documents by a shard build
(``builder.shards.build``); the pages that gather documents are ``builder.pages.site``'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.corpus.model import Document
from builder.pages import doc_neighbours, document, lastmod, urls
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import Extension, document_files
from builder.pages.output import Output
from builder.pages.settings import SiteSettings


@dataclass(frozen=True)
class DocumentContext:
    """What every document's files read about the others: the pager's neighbours, and the date of
    each corpus file's last commit (one ``git log`` for the whole corpus)."""

    around: dict[str, doc_neighbours.Neighbours]
    changed: dict[Path, date]

    @classmethod
    def of(cls, cat: Catalogue) -> DocumentContext:
        return cls(doc_neighbours.neighbours(cat.documents), lastmod.corpus_dates(cat.corpus.root))


def add_document_files(out: Output, cat: Catalogue, settings: SiteSettings, extensions: Sequence[Extension],
                       docs: Iterable[Document], context: DocumentContext | None = None) -> None:
    """The files that belong to one document each (its page, source page, search chunks):
    the expensive part, which a shard build makes for its own documents only."""
    context = context or DocumentContext.of(cat)
    around, changed = context.around, context.changed
    for doc in docs:
        out.add(urls.document(doc), document.render(cat, doc, settings, extensions, around[doc.id],
                                                    changed.get(doc.path.resolve())), f"document {doc.path}")
        out.add_all(document_files(extensions, doc), f"the files of document {doc.path}")
