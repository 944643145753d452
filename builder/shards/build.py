"""One shard of a split build: the per-document work for the documents of some prefectures.

A shard loads the whole corpus (the catalogue needs every document's metadata
for the document order, each page's previous and next links and the search
index's unit layout; parsing is cheap) but renders and analyses only its own
documents: each document's page Markdown, ``.txt``, source page and raw
download, search text chunks (jieba), and the analyses the gathering pages
read (glossary occurrences, indicator records, search grams). That is the
expensive part of a build; ``builder.shards.merge`` does the rest.
"""

from __future__ import annotations

from collections.abc import Iterable

from builder.corpus.load import Corpus
from builder.pages.catalogue import Catalogue
from builder.pages.document_files import add_document_files
from builder.pages.extensions import analyses, load_extensions
from builder.pages.output import Output
from builder.pages.settings import SiteSettings


def build_shard(corpus: Corpus, settings: SiteSettings,
                doc_ids: Iterable[str]) -> tuple[dict[str, str | bytes], dict[str, dict[str, object]]]:
    """The shard's per-document files and, per document, every feature's analysis data."""
    wanted = set(doc_ids)
    cat = Catalogue(corpus)
    extensions = load_extensions(cat, settings)
    docs = [d for d in cat.documents if d.id in wanted]
    out = Output()
    add_document_files(out, cat, settings, extensions, docs)
    kinds = analyses(extensions)
    for doc in docs:
        for kind in kinds:
            cat.analyses.get(kind, doc)
    return out.sorted(), cat.analyses.export(d.id for d in docs)
