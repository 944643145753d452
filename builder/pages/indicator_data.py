"""Where the indicator pages and downloads live, how a record reads, and the download files.

Downloads carry exactly the record fields (``builder.indicators.record.FIELDS``),
``anchor`` as the site-relative permalink ``documents/<id>/#p-12``, ``value``
and ``growth_pct`` as numbers or empty. ``datapackage.json`` describes both
files the Frictionless way (a Data Package with a Table Schema).
"""

from __future__ import annotations

import csv
import io
import json

from builder.indicators.record import FIELDS, Record, format_number

INDEX = "indicators/index.md"
CSV = "data/indicators.csv"
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
}


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
    """How the record reads: ``255亿元，年均增长9.8%``, ``增长10%左右``, ``与上年持平``."""
    if r.qualifier == "持平":
        return "与上年持平"
    parts = []
    if r.value is not None:
        parts.append(f"{format_number(r.value)}{r.unit}")
    if r.growth_pct is not None:
        basis = r.growth_basis
        verb = "下降" if r.growth_pct < 0 else "增长"
        parts.append(f"{basis}{verb}{format_number(abs(r.growth_pct))}%")
    text = "，".join(parts)
    if r.qualifier in ("力争", "接近", "突破", "超过", "跨上", "约"):
        return f"{r.qualifier}{text}"
    return f"{text}{r.qualifier}"


def csv_text(records: list[Record]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({k: "" if v is None else v for k, v in r.as_row().items()})
    return buf.getvalue()


def json_text(records: list[Record]) -> str:
    return json.dumps([r.as_row() for r in records], ensure_ascii=False, indent=1) + "\n"


def datapackage(site_name: str) -> str:
    fields = [{"name": f, "type": FIELD_DOCS[f][0], "description": FIELD_DOCS[f][1]} for f in FIELDS]
    schema = {"fields": fields, "missingValues": [""]}
    package = {
        "profile": "data-package",
        "name": "shanxi-report-indicators",
        "title": f"{site_name}：主要指标",
        "description": "各地政府工作报告和规划纲要中报告的实际值与目标值，每条记录注明原文和段落永久链接。",
        "resources": [
            {"name": "indicators-csv", "path": "indicators.csv", "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "dialect": {"delimiter": ",", "header": True}, "schema": schema},
            {"name": "indicators-json", "path": "indicators.json", "format": "json",
             "mediatype": "application/json", "encoding": "utf-8", "schema": schema},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
