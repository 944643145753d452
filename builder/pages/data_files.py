"""Downloadable data: the metadata index, and the form of every document's .txt.

The index (``urls.DOCUMENTS_JSON``, ``documents.json.gz``) is published gzip-compressed, as the
other whole-corpus downloads are (``builder.pages.indicator_data`` says why). A document's
``.txt`` (``plain_text``) is not stored: the document page makes it in the browser from its
own text (``document.text_download_link``, ``assets/javascripts/text-downloads.js``), and
``tests/website/test_text_download_browser.py`` holds the two equal, byte for byte. The corpus
file itself is not copied into the site either: the page and ``documents.json`` link it in the
repository, where it is the file a correction edits, and ``edition.sqlite.xz`` holds every
paragraph of the edition for those who want the text without a browser."""

from __future__ import annotations

import json

from builder.corpus.model import Document
from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.markdown import block_ids
from builder.pages.settings import SiteSettings

#: The second line of every ``.txt`` download: what the bracketed numbers are.
TEXT_NOTE = "（各段前方括号中的编号，如 [p-12]，即网页上该段的链接 #p-12。）"


def plain_text(doc: Document) -> str:
    """Title and body as plain UTF-8 text, each block after its number: ``[p-12] 2020年，…``.

    No Markdown markup; the numbers are the permalinks' anchors, so that a
    citation of ``#p-12`` can be checked offline. A table is ``[t-1]`` then
    one line per row, cells tab-separated.
    """
    blocks = [f"[{i}] {b.plain_text}" if b.kind != "table" else f"[{i}]\n{b.plain_text}"
              for b, i in zip(doc.blocks, block_ids(doc.blocks), strict=True)]
    return "\n\n".join([doc.meta.title, TEXT_NOTE, *blocks]) + "\n"


def document_record(cat: Catalogue, doc: Document, settings: SiteSettings) -> dict:
    """One document's metadata in a fixed key order (the JSON is diffable)."""
    meta = doc.meta
    source = meta.source
    return {
        "id": meta.id,
        "title": meta.title,
        "doc_type": meta.doc_type,
        "year": meta.year,
        "date": meta.date.isoformat() if meta.date else None,
        "province": meta.province,
        "parent": meta.parent,
        "region": meta.region,
        "region_code": meta.region_code,
        "admin_level": meta.admin_level,
        "congress": meta.congress,
        "speaker": meta.speaker,
        "speaker_title": meta.speaker_title,
        "completeness": {"status": meta.completeness.status, "note": meta.completeness.note},
        "source": {
            "file": source.file, "sha256": source.sha256, "lines": source.lines,
            "omitted": [{"reason": o.reason, "lines": o.lines, "line": o.line, "text": o.text}
                        for o in source.omitted],
        },
        "paragraphs": len(doc.paragraphs),
        "characters": cat.characters([doc]),
        "url": settings.page_url(urls.url_path(urls.document(doc))),
        "page": urls.url_path(urls.document(doc)),
        # the raw span in the page's 原文 section (until issue 12, a page of its own: "source_page")
        "source_section": f"{urls.url_path(urls.document(doc))}#{urls.SOURCE_SECTION}",
        "raw_file": settings.blob_url(urls.raw_file(doc)),  # the raw file in the repository; the span: source.lines
        "corpus_file": settings.blob_url(urls.corpus_file(doc)),
        "edit": settings.edit_url(urls.corpus_file(doc)),
    }


def documents_json(cat: Catalogue, settings: SiteSettings) -> str:
    """The text of ``urls.DOCUMENTS_JSON`` (published gzip-compressed)."""
    records = [document_record(cat, d, settings) for d in cat.documents]
    return json.dumps({"documents": records}, ensure_ascii=False, indent=2) + "\n"
