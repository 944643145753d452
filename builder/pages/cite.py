"""Citations of a document in three formats, all pointing at its permalink."""

from __future__ import annotations

import json

from builder.corpus.model import Document
from builder.pages.settings import SiteSettings


def _author(doc: Document) -> str:
    """The speaker if known, otherwise the issuing government."""
    return doc.meta.speaker or f"{doc.meta.region}人民政府"


def plain(doc: Document, url: str, settings: SiteSettings) -> str:
    """GB/T 7714 style reference for a report ([R/OL]) with its permalink."""
    meta = doc.meta
    where = f"{meta.congress}，" if meta.congress else ""
    when = meta.date.isoformat() if meta.date else str(meta.year) if meta.year else "出版年不详"
    return f"{_author(doc)}. {meta.title}[R/OL]. {where}{when}. {settings.site_name}. {url}"


def _bibtex_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def bibtex(doc: Document, url: str) -> str:
    meta = doc.meta
    fields = [("title", meta.title), ("author", _author(doc))] + ([("year", str(meta.year))] if meta.year else [])
    if meta.date:
        fields.append(("date", meta.date.isoformat()))
    if meta.congress:
        fields.append(("note", meta.congress))
    fields += [("institution", f"{meta.region}人民政府"), ("url", url), ("language", "chinese")]
    body = ",\n".join(f"  {k} = {{{_bibtex_value(v)}}}" for k, v in fields)
    return f"@misc{{{doc.id},\n{body}\n}}"


def csl_json(doc: Document, url: str) -> str:
    meta = doc.meta
    item: dict = {"id": doc.id, "type": "report", "title": meta.title,
                  "author": [{"literal": _author(doc)}],
                  "publisher": f"{meta.region}人民政府",
                  "publisher-place": " ".join(p for p in (meta.province, meta.parent, meta.region)
                                              if p)}
    if meta.congress:
        item["event-title"] = meta.congress
    parts = [meta.date.year, meta.date.month, meta.date.day] if meta.date else [meta.year] if meta.year else None
    if parts:
        item["issued"] = {"date-parts": [parts]}
    item.update({"URL": url, "language": "zh-CN"})
    return json.dumps([item], ensure_ascii=False, indent=2)
