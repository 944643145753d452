"""Where the indicator pages and downloads live, how a record reads, and the download files.

Each form of the records is published once. ``data/indicators.json`` carries
exactly the record fields (``builder.indicators.record.FIELDS``), ``anchor`` as
the site-relative permalink ``documents/<id>/#p-12``, ``value`` and
``growth_pct`` as numbers or null, written compact (``compact_json``): with one
key per line it was 22 KB per document. The CSV is the panel
(``data/indicator_panel.csv``, ``builder.pages.indicator_panel``): every record
field (``indicator`` as ``indicator_id``, ``anchor`` as ``permalink``) plus
region codes, prefecture, year, document type and English names, so a second
CSV of the same rows with fewer columns is not written. ``datapackage.json``
describes the files the Frictionless way (a Data Package with a Table Schema).
"""

from __future__ import annotations

import json

from builder.indicators.record import FIELDS, Record, format_number
from builder.pages.edition_db import FTS_SQL
from builder.pages.indicator_panel import panel_schema
from builder.search.index import compact_json

INDEX = "indicators/index.md"
JSON = "data/indicators.json"
DATAPACKAGE = "data/datapackage.json"
KIND_LABELS = {"actual": "实际", "target": "目标"}
FIELD_DOCS = {
    "doc_id": ("string", "文件编号（documents/<id>/）"),
    "region": ("string", "地区（文件元数据中的中文名）"),
    "indicator": ("string", "指标编号（corpus/indicators.yml）"),
    "kind": ("string", "actual = 实际完成，target = 目标"),
    "period": ("string", "年份（2020）、规划期（2021-2025）或规划期末年（2025）"),
    "value": ("number", "水平值，按原文单位"),
    "unit": ("string", "水平值的单位，按原文"),
    "growth_pct": ("number", "增速（%），下降为负"),
    "growth_basis": ("string", "增速口径：同比、比上年、年均、较2015年，原文未写则空"),
    "qualifier": ("string", "限定词，按原文：左右、以上、以内、以下、突破、超过、接近、力争、持平"),
    "quote": ("string", "原文（段落纯文本中的原话；专栏表格为该行，单元格以制表符分隔）"),
    "anchor": ("string", "段落永久链接（站内相对路径）"),
    "value_kind": ("string", "level = 水平值；increase = 原文写作净增、新增、增加的增量（“地区生产总值净增7.22亿元”）"),
    "normal_value": ("number", "水平值折算为该指标的标准单位（3.9万人 → 39000人）；无法折算（亿美元需汇率）则空"),
    "normal_unit": ("string", "标准单位（corpus/indicators.yml 的 normal_unit，未写则为 units 的第一个）"),
    "qualifier_class": ("string", "限定词类别：floor（以上、不低于、确保、突破、超过）、approximate（左右、约、接近）、"
                                  "stretch（力争、争取）、ceiling（以内、以下、控制在）、exact（无）"),
    "scope": ("string", "数字所指范围：默认为本地区；句中限定为开发区、城区等时为该范围"),
    "attribute": ("string", "约束性或预期性（规划专栏的“属性”列）；原文未写则空"),
    "cumulative": ("boolean", "true = 多年累计值（专栏方括号数字、规划期累计）"),
    "price_basis": ("string", "价格口径（现价、可比价、不变价），仅在原文写明时填写"),
    "ambiguity": ("string", "限定词所及范围不明时的说明（“分别增长8%和8.5%以上”）；否则空"),
}


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


def json_text(records: list[Record]) -> str:
    """Every record as a JSON object of ``FIELDS``, on one line (no indentation, no spaces)."""
    return compact_json([r.as_row() for r in records]) + "\n"


def datapackage(site_name: str) -> str:
    fields = [{"name": f, "type": FIELD_DOCS[f][0], "description": FIELD_DOCS[f][1]} for f in FIELDS]
    schema = {"fields": fields, "missingValues": [""]}
    for f in fields:
        if f["type"] == "boolean":
            f["trueValues"], f["falseValues"] = ["true"], ["false"]
    package = {
        "profile": "data-package",
        "name": "shanxi-report-indicators",
        "title": f"{site_name}：主要指标",
        "description": "各地政府工作报告和规划纲要中报告的实际值与目标值，每条记录注明原文和段落永久链接。",
        "resources": [
            {"name": "indicators-json", "path": "indicators.json", "format": "json",
             "mediatype": "application/json", "encoding": "utf-8", "schema": schema},
            {"name": "indicator-panel", "path": "indicator_panel.csv", "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "description": "Tidy panel, the records as CSV: one row per record with region and prefecture codes, "
                            "admin level, year, indicator id with Chinese and English name, figures as written and "
                            "normalised, qualifier class, scope, attribute and permalink (every field of "
                            "indicators.json; indicator is indicator_id, anchor is permalink).",
             "dialect": {"delimiter": ",", "header": True}, "schema": panel_schema()},
            {"name": "edition-sqlite", "path": "edition.sqlite.gz", "format": "sqlite", "compression": "gz",
             "mediatype": "application/vnd.sqlite3",
             "description": "The whole edition in one SQLite file, gzip-compressed (gunzip edition.sqlite.gz gives "
                            "edition.sqlite): documents, paragraphs with anchors (find a "
                            "string with instr(text, '六新') > 0), indicator records (the panel's columns), targets "
                            "from outside the corpus, glossary terms and occurrences. No full-text index is shipped; "
                            f"build one (FTS5, trigram tokenizer, 3 characters or more) with: {FTS_SQL}"},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
