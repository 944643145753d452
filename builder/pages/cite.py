"""Citations of a document in three formats, all pointing at its permalink.

One authorship rule for every document type: the **issuing government is the
author** (``吕梁市人民政府``), because a 政府工作报告, a 规划纲要 and their
summaries are all issued in its name; the person who delivered a report
(``区长 王峰``) is a **contributor**, named where the format has a place for
one (CSL ``contributor``, a BibTeX ``note``, the plain reference's
``报告人``). A document whose speaker is unknown is cited the same way.

The access date is the reader's, not the build's: every format carries the
token :data:`ACCESS_DATE`, which ``assets/javascripts/paragraph-cite.js``
replaces with the day the page is read (a page printed or read without
JavaScript keeps the visible placeholder ``YYYY-MM-DD``). The same script
derives "cite this paragraph" from these three by adding the paragraph's
anchor to the permalink.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from builder.corpus.model import Document
from builder.pages.settings import SiteSettings

#: Placeholder for the date the reader accessed the page, filled in by the browser.
ACCESS_DATE = "YYYY-MM-DD"


@dataclass(frozen=True)
class Citation:
    """What every format says, decided once."""

    key: str
    title: str
    author: str  # the issuing government
    contributor: str | None  # 区长 王峰: who delivered it, when known
    place: str  # 山西省 吕梁市 离石区
    year: int | None  # None: the source states no year
    date: str | None  # ISO date of delivery, when known
    congress: str | None
    edition: str  # the site's name: where the text is read
    url: str


def citation(doc: Document, url: str, settings: SiteSettings) -> Citation:
    meta = doc.meta
    contributor = " ".join(p for p in (meta.speaker_title, meta.speaker) if p) if meta.speaker else None
    return Citation(
        key=doc.id, title=meta.title, author=issuing_government(doc), contributor=contributor,
        place=" ".join(p for p in (meta.province, meta.parent, meta.region) if p),
        year=meta.year, date=meta.date.isoformat() if meta.date else None, congress=meta.congress,
        edition=settings.site_name, url=url)


def issuing_government(doc: Document) -> str:
    """The author of every document: ``{region}人民政府``, a district with its city
    (``吕梁市离石区人民政府``: a 市辖区's government is named after its city, as the
    reports' own titles name the district; ``静乐县人民政府``, ``孝义市人民政府``)."""
    meta = doc.meta
    prefix = meta.parent if meta.admin_level == "市辖区" and meta.parent else ""
    return f"{prefix}{meta.region}人民政府"


def plain(doc: Document, url: str, settings: SiteSettings) -> str:
    """GB/T 7714-2015 reference for an electronic report ([R/OL]) with the access date:
    ``作者. 题名[R/OL]. 其他责任者. 会议, 日期. 出处[引用日期]. 网址``."""
    c = citation(doc, url, settings)
    parts = [f"{c.author}. {c.title}[R/OL]."]
    if c.contributor:
        parts.append(f"报告人：{c.contributor}.")
    when = c.date or (str(c.year) if c.year else "出版年不详")
    parts.append(f"{c.congress}, {when}." if c.congress else f"{when}.")
    parts.append(f"{c.edition}[{ACCESS_DATE}]. {c.url}")
    return " ".join(parts)


def _bibtex_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def bibtex(doc: Document, url: str, settings: SiteSettings) -> str:
    """``@techreport`` (BibTeX's type for a report issued by an institution); the
    government is a corporate author, so it is braced once more and never split
    into first and last names."""
    c = citation(doc, url, settings)
    fields = [("title", c.title), ("author", f"{{{_bibtex_value(c.author)}}}"),
              ("institution", c.author), ("address", c.place)] + ([("year", str(c.year))] if c.year else [])
    if c.date:
        fields.append(("date", c.date))
    note = "；".join(p for p in (f"报告人：{c.contributor}" if c.contributor else "", c.congress or "") if p)
    if note:
        fields.append(("note", note))
    fields += [("howpublished", c.edition), ("url", c.url), ("urldate", ACCESS_DATE), ("language", "chinese")]

    def value(k: str, v: str) -> str:
        return v if k == "author" else _bibtex_value(v)

    body = ",\n".join(f"  {k} = {{{value(k, v)}}}" for k, v in fields)
    return f"@techreport{{{c.key},\n{body}\n}}"


def csl_json(doc: Document, url: str, settings: SiteSettings) -> str:
    """CSL-JSON (Zotero, Pandoc): ``author`` the government, ``contributor`` the speaker."""
    c = citation(doc, url, settings)
    item: dict = {"id": c.key, "type": "report", "title": c.title,
                  "author": [{"literal": c.author}]}
    if c.contributor:
        item["contributor"] = [{"literal": c.contributor}]
    item.update({"publisher": c.author, "publisher-place": c.place})
    if c.congress:
        item["event-title"] = c.congress
    parts = [int(x) for x in c.date.split("-")] if c.date else [c.year] if c.year else None
    if parts:  # an undated text has no issued date
        item["issued"] = {"date-parts": [parts]}
    item.update({"container-title": c.edition, "URL": c.url,
                 "accessed": {"raw": ACCESS_DATE}, "language": "zh-CN"})
    return json.dumps([item], ensure_ascii=False, indent=2)


def highwire(doc: Document, url: str, settings: SiteSettings) -> list[tuple[str, str]]:
    """Highwire Press ``citation_*`` meta tags (what Zotero and Google Scholar read), as
    (name, content) pairs of raw text: the page template escapes them for the attribute."""
    c = citation(doc, url, settings)
    tags = [("citation_title", c.title), ("citation_author", c.author)]
    if c.date or c.year:
        tags.append(("citation_publication_date", c.date.replace("-", "/") if c.date else str(c.year)))
    tags += [("citation_technical_report_institution", c.author), ("citation_publisher", c.author),
             ("citation_language", "zh"), ("citation_public_url", c.url), ("citation_fulltext_html_url", c.url)]
    if c.congress:
        tags.append(("citation_conference_title", c.congress))
    return tags
