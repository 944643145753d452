"""The tidy panel download (``data/indicator_panel.csv.gz``): one row per record, English column names.

The layout researchers use for target data (region code, year, indicator,
target, qualifier): a row carries the region's and its prefecture's GB/T 2260
codes and administrative level, the report's year, the indicator's id with
its Chinese and English names, the figures as written and normalised, the
coded fields and the permalink of the paragraph. ``datapackage.json``
describes every column (``PANEL_FIELDS``). Published gzip-compressed (``panel_csv`` is its
text; ``builder.pages.indicator_data`` says why).
"""

from __future__ import annotations

import csv
import io

from builder.corpus.indicators import Vocabulary
from builder.corpus.load import Corpus
from builder.indicators.record import Record, number

PANEL = "data/indicator_panel.csv.gz"
#: column -> (Table Schema type, description)
PANEL_FIELDS: dict[str, tuple[str, str]] = {
    "region_code": ("string", "GB/T 2260 code of the region (6 digits)"),
    "region": ("string", "region, Chinese name"),
    "prefecture_code": ("string", "GB/T 2260 code of its prefecture-level city (its own for a prefecture)"),
    "prefecture": ("string", "prefecture-level city, Chinese name"),
    "admin_level": ("string", "administrative level: 地级市 (prefecture city), 市辖区, 县, 县级市"),
    "year": ("integer", "year of the document (the report for 2021 sets 2021 targets, reports 2020 results)"),
    "doc_id": ("string", "document id (documents/<doc_id>/)"),
    "doc_type": ("string", "document type: 政府工作报告 (work report), 规划纲要 (five-year plan outline)…"),
    "indicator_id": ("string", "indicator id (corpus/indicators.yml)"),
    "indicator_zh": ("string", "indicator, Chinese name"),
    "indicator_en": ("string", "indicator, English name"),
    "kind": ("string", "actual (reported result) or target"),
    "period": ("string", "year (2021), plan period (2021-2025) or the plan's end year (2025)"),
    "value": ("number", "level or increase as written, in unit"),
    "unit": ("string", "unit of value as written"),
    "value_kind": ("string", "level, or increase (净增/新增/增加 amounts)"),
    "normal_value": ("number", "value in normal_unit; empty when it cannot be converted"),
    "normal_unit": ("string", "the indicator's normal unit"),
    "growth_pct": ("number", "growth in percent, negative for a fall"),
    "growth_basis": ("string", "basis of the growth as written: 同比, 比上年, 年均 (yearly average), 较2015年"),
    "qualifier": ("string", "qualifier as written: 以上, 左右, 以内, 力争…"),
    "qualifier_class": ("string", "floor, approximate, stretch, ceiling or exact"),
    "scope": ("string", "area the figure is for: the region unless the text narrows it (开发区)"),
    "attribute": ("string", "约束性 (binding) or 预期性 (indicative) where a plan table states it"),
    "cumulative": ("boolean", "true for a total over several years"),
    "price_basis": ("string", "现价 / 可比价 / 不变价 where the text says so"),
    "ambiguity": ("string", "note where the reach of a qualifier is unclear"),
    "quote": ("string", "the words of the text the record is read from"),
    "permalink": ("string", "site-relative permalink of the paragraph"),
}


def panel_rows(records: list[Record], corpus: Corpus, vocabulary: Vocabulary) -> list[dict[str, object]]:
    docs = {d.id: d for d in corpus.documents}
    rows = []
    for r in records:
        doc = docs[r.doc_id]
        region = corpus.regions.get(r.region)
        prefecture = corpus.regions.get(region.prefecture) if region else None
        ind = vocabulary.get(r.indicator)
        rows.append({
            "region_code": doc.meta.region_code, "region": r.region,
            "prefecture_code": prefecture.code if prefecture else "",
            "prefecture": prefecture.name if prefecture else "", "admin_level": doc.meta.admin_level,
            "year": doc.meta.year, "doc_id": r.doc_id, "doc_type": doc.meta.doc_type,
            "indicator_id": r.indicator, "indicator_zh": ind.name if ind else "",
            "indicator_en": ind.name_en if ind else "", "kind": r.kind, "period": r.period,
            "value": number(r.value), "unit": r.unit, "value_kind": r.value_kind,
            "normal_value": number(r.normal_value), "normal_unit": r.normal_unit,
            "growth_pct": number(r.growth_pct), "growth_basis": r.growth_basis, "qualifier": r.qualifier,
            "qualifier_class": r.qualifier_class, "scope": r.scope, "attribute": r.attribute,
            "cumulative": r.cumulative, "price_basis": r.price_basis, "ambiguity": r.ambiguity,
            "quote": r.quote, "permalink": r.permalink(),
        })
    return rows


def panel_csv(records: list[Record], corpus: Corpus, vocabulary: Vocabulary) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(PANEL_FIELDS), lineterminator="\n")
    writer.writeheader()
    for row in panel_rows(records, corpus, vocabulary):
        writer.writerow({k: "" if v is None else (str(v).lower() if isinstance(v, bool) else v)
                         for k, v in row.items()})
    return buf.getvalue()


def panel_schema() -> dict:
    fields = []
    for name, (kind, description) in PANEL_FIELDS.items():
        f: dict[str, object] = {"name": name, "type": kind, "description": description}
        if kind == "boolean":
            f["trueValues"], f["falseValues"] = ["true"], ["false"]
        fields.append(f)
    return {"fields": fields, "missingValues": [""]}
