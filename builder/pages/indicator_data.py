"""Where the indicator pages and downloads live, how a record reads, and the data package.

Each record is published once in each form a researcher opens, never twice in one:

- ``data/indicator_panel.csv.gz`` (``builder.pages.indicator_panel``), the tidy panel: every
  record field (``indicator`` as ``indicator_id``, ``anchor`` as ``permalink``) plus region
  codes, prefecture, year, document type and English names, typed by its Table Schema in
  ``datapackage.json``. It is the form that stays, as the one pandas (``read_csv`` reads the
  ``.csv.gz`` as it is), R (``readr::read_csv``, likewise) or, once unpacked, a spreadsheet or
  Stata loads in one step.
- ``data/edition.sqlite.xz`` holds the same rows (table ``indicator_records``) beside the
  paragraphs, to join with the text; it stays too, as the one file of the whole edition.
- ``data/indicators.json`` is no longer written: it held exactly the record fields, every one
  of them also a column of the panel, value for value in the same order (numbers as numbers
  there, typed by the schema here; null as the empty cell, ``missingValues``), so it was a
  third copy of the same records: 19.3 KB per document at N = 300, the largest download after
  the SQLite file and the per-document texts (since made in the browser, ``builder.pages.data_files``).

No page script reads these files (``site_overrides/assets/javascripts/`` fetches only the
search index and ``glossary/tips.json``), so the bulk ones are published gzip-compressed
(``builder.search.packed.compress``: level 9, no time stamp, the same bytes for the same
edition) and described with ``"compression": "gz"``, the Frictionless way (the Data Package
recipe "Compression of Resources"): the path keeps the format's own extension before ``.gz``,
``format`` and ``mediatype`` name what is inside. Such a CSV or JSON compresses to a twelfth of
its size (at N = 300: the panel 3,851 KB to 325 KB, ``glossary.json`` 2,836 KB to 203 KB,
``documents.json`` 448 KB to 34 KB); on GitHub Pages every byte stored counts toward the
site's 1 GB. ``edition.sqlite.xz`` is xz-compressed (``builder.pages.edition_db`` says why) and
marked ``"compression": "xz"`` in the same way; the recipe itself names only ``gz`` and ``zip``,
so a tool that knows just those two sees an unknown compression, not a wrong one.
"""

from __future__ import annotations

import json
import posixpath

from builder.indicators.record import Record, format_number
from builder.pages import urls
from builder.pages.edition_db import DB, FTS_SQL
from builder.pages.glossary import DATA as GLOSSARY
from builder.pages.indicator_panel import PANEL, panel_schema

INDEX = "indicators/index.md"
DATAPACKAGE = "data/datapackage.json"
KIND_LABELS = {"actual": "实际", "target": "目标"}


def notes_text(r: Record) -> str:
    """What else a reader must know of a record: a narrower scope, 约束性/预期性, a total, an ambiguity."""
    notes = []
    if r.scope and r.scope != r.region:
        notes.append(f"范围：{r.scope}")
    if r.attribute:
        notes.append(r.attribute)
    if r.cumulative:
        notes.append("累计")
    if r.price_basis:
        notes.append(r.price_basis)
    if r.ambiguity:
        notes.append(f"歧义：{r.ambiguity}")
    return "；".join(notes)


def page(indicator_id: str) -> str:
    return f"indicators/{indicator_id}.md"


def chart(name: str) -> str:
    return f"indicators/charts/{name}.svg"


def period_label(period: str) -> str:
    """``2020`` -> 2020年; ``2021-2025`` -> 2021–2025年（十四五）."""
    plans = {"2016-2020": "（“十三五”）", "2021-2025": "（“十四五”）"}
    if "-" in period:
        first, last = period.split("-")
        return f"{first}–{last}年{plans.get(period, '')}"
    return f"{period}年"


def figure_text(r: Record) -> str:
    """How the record reads: ``255亿元，年均增长9.8%``, ``增长10%左右``, ``与上年持平``, ``净增7.22亿元``."""
    if r.qualifier == "持平":
        return "与上年持平"
    parts = []
    if r.value is not None:
        more = "净增" if r.value_kind == "increase" else ""
        parts.append(f"{more}{format_number(r.value)}{r.unit}")
    if r.growth_pct is not None:
        basis = r.growth_basis
        verb = "下降" if r.growth_pct < 0 else "增长"
        parts.append(f"{basis}{verb}{format_number(abs(r.growth_pct))}%")
    text = "，".join(parts)
    if r.qualifier in ("力争", "接近", "突破", "超过", "跨上", "约"):
        return f"{r.qualifier}{text}"
    return f"{text}{r.qualifier}"


def _name(path: str) -> str:
    """A resource's path in the package: its file name beside ``datapackage.json``."""
    return posixpath.relpath(path, posixpath.dirname(DATAPACKAGE))


def datapackage(site_name: str) -> str:
    """The package of the whole-corpus downloads (every resource one of the files this build
    writes under ``data/``)."""
    gz = {"compression": "gz", "encoding": "utf-8"}
    package = {
        "profile": "data-package",
        "name": "shanxi-report-indicators",
        "title": f"{site_name}：主要指标与全部数据",
        "description": "各地政府工作报告和规划纲要中报告的实际值与目标值，每条记录注明原文和段落永久链接；"
                       "另有全部文件的元数据、术语表和整个版本的 SQLite 文件。CSV 与 JSON 文件以 gzip 压缩发布"
                       "（compression: gz），SQLite 文件以 xz 压缩发布（compression: xz），解压即得原格式。",
        "resources": [
            {"name": "indicator-panel", "path": _name(PANEL), "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", **gz,
             "description": "Tidy panel, the records as CSV, gzip-compressed (pandas.read_csv reads the .csv.gz as "
                            "it is): one row per record with region and prefecture codes, "
                            "admin level, year, indicator id with Chinese and English name, figures as written and "
                            "normalised, qualifier class, scope, attribute, the quote and the permalink.",
             "dialect": {"delimiter": ",", "header": True}, "schema": panel_schema()},
            {"name": "documents", "path": _name(urls.DOCUMENTS_JSON), "format": "json",
             "mediatype": "application/json", **gz,
             "description": "Metadata of every document (region, codes, year, type, speaker, source file and "
                            "lines, completeness), with the addresses of its page, its .txt download and its "
                            "corpus file; gzip-compressed."},
            {"name": "glossary", "path": _name(GLOSSARY), "format": "json", "mediatype": "application/json", **gz,
             "description": "Every glossary term with its senses, their evidence, and every occurrence "
                            "(document, anchor, sense, character offsets in the paragraph's plain text); "
                            "gzip-compressed."},
            {"name": "edition-sqlite", "path": _name(DB), "format": "sqlite", "compression": "xz",
             "mediatype": "application/vnd.sqlite3",
             "description": "The whole edition in one SQLite file, xz-compressed (unxz -k edition.sqlite.xz, or "
                            "Python's lzma, gives edition.sqlite): documents, paragraphs with anchors (find a "
                            "string with instr(text, '六新') > 0), indicator records (the panel's columns), targets "
                            "from outside the corpus, glossary terms and occurrences. No full-text index is shipped; "
                            f"build one (FTS5, trigram tokenizer, 3 characters or more) with: {FTS_SQL}"},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
