"""Records from a plan's indicator table (专栏).

The plan outline (离石 十四五规划纲要) states its indicators in tables:

    | 类别 | 序号 | 指标 | 2015年 | 规划目标 |  | 进展情况 |  | 属性 |
    |  |  |  |  | 2020年 | 累计或年均增长 | 2020年 | 累计或年均增长 |  |
    | 经济发展 | 1 | 地区生产总值（亿元） | 67.9 | 124 | 10 | 154.7 | 7.3 | 预期性 |

Rules:

- a second header row (empty 指标 cell, no figures) refines the first; an
  empty first-row cell continues the group to its left (规划目标 spans
  ``2020年`` and ``累计或年均增长``);
- a column is a level for the year in its label; 目标/规划 make it a target,
  实际/进展 (or a year before the report's) an actual;
- a growth column (增长/增速) belongs to the level column of its group, or
  else to the nearest level column on its left (``2025年目标 | 年均增长（%）``);
- the row's indicator is its 指标 cell without the unit in brackets
  (``地区生产总值（GDP）（亿元）`` -> 地区生产总值, 亿元), matched whole
  against the vocabulary (so 万元地区生产总值用水量 is not GDP);
- ``—`` and text cells (``已完成市定任务``) give nothing; a bracketed figure
  is cumulative over the plan: ``[600]`` 亿元 of 固定资产投资 in 2016-2020
  is a level for the plan period, not a growth.
- a row whose name ends in a change and whose unit is % states changes, not
  levels: ``居民人均可支配收入增长率（%）`` 3.8 is 2020's growth, ``单位GDP能源
  消耗降低（%）`` 4.27 a fall of 4.27% (−4.27). The name is matched without the
  change word and without a leading 全区/全县/全市 (``全区细颗粒物（PM2.5）浓度
  下降（ug/m ³ ）`` is PM2.5浓度; its unit is not %, so its cells are levels).
- the 属性 column gives every record of the row its attribute (约束性/预期性).

A table has no anchor of its own: its records point at the caption
paragraph before it (专栏1 … ``{#p-19}``); the quote is the row as the
plain text has it (cells joined by tabs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.corpus.indicators import Vocabulary
from builder.corpus.model import Block, Document, plain_inline
from builder.indicators.context import plan_years
from builder.indicators.numbers import normal_unit, parse_cell
from builder.indicators.prose import Found
from builder.indicators.record import Record

_UNIT_RE = re.compile(r"（([^（）]*)）$")
_PARENS_RE = re.compile(r"（[^（）]*）")
_YEAR_RE = re.compile(r"(20\d\d)年")


@dataclass(frozen=True)
class Column:
    index: int
    label: str
    group: str
    kind: str | None  # actual | target for a level column
    year: int | None
    growth: bool


def _header_rows(rows: list[list[str]], name_col: int) -> int:
    n = 1
    while n < len(rows) and not rows[n][name_col].strip() and not any(
            parse_cell(c)[0] is not None for c in rows[n]):
        n += 1
    return n


def columns(rows: list[list[str]], doc_year: int) -> tuple[int, list[Column]] | None:
    """The 指标 column and the meaning of every figure column, or None if not an indicator table."""
    head = rows[0]
    name_col = next((i for i, c in enumerate(head) if c.strip() == "指标"), None)
    if name_col is None:
        return None
    n_head = _header_rows(rows, name_col)
    out: list[Column] = []
    group = ""
    for i in range(len(head)):
        top = head[i].strip()
        if top:
            group = top
        subs = " ".join(rows[r][i].strip() for r in range(1, n_head) if i < len(rows[r]))
        if i <= name_col or re.search(r"属性|类别|序号", top):
            continue
        label = f"{group if not top else top} {subs}".strip()
        year_m = _YEAR_RE.findall(label)
        growth = bool(re.search(r"增长|增速", subs or top))
        kind = None
        if not growth:
            if re.search(r"目标|规划", label):
                kind = "target"
            elif re.search(r"实际|进展|完成", label):
                kind = "actual"
            elif year_m:
                kind = "actual" if int(year_m[-1]) < doc_year else "target"
        out.append(Column(i, label, group if not top or subs else "", kind,
                          int(year_m[-1]) if year_m and not growth else None, growth))
    return n_head, out


def _level_of(col: Column, cols: list[Column]) -> Column | None:
    same = [c for c in cols if c.kind and c.group and c.group == col.group and c.index < col.index]
    left = [c for c in cols if c.kind and c.index < col.index]
    pool = same or left
    return pool[-1] if pool else None


_AREA_PREFIX_RE = re.compile(r"^(?:全区|全县|全市)")
#: How a row name says its figures are changes; the sign of each.
_CHANGE_SUFFIX_RE = re.compile(r"(?:年均增速|年均增长|增长率|增长|增速|降低|下降|减少)$")
_NEGATIVE_SUFFIXES = ("降低", "下降", "减少")


@dataclass(frozen=True)
class RowIndicator:
    id: str
    unit: str
    change_sign: int  # 0: the cells are levels; 1 / -1: the cells are changes (增长 / 降低)


def row_indicator(label: str, vocab: Vocabulary) -> RowIndicator | None:
    """The indicator a 专栏 row names (see the module docstring), or None."""
    unit_m = _UNIT_RE.search(label)
    unit = normal_unit(unit_m.group(1)) if unit_m else ""
    name = _PARENS_RE.sub("", label).strip()
    bare = _AREA_PREFIX_RE.sub("", name)
    suffix = _CHANGE_SUFFIX_RE.search(bare)
    stem = bare[:suffix.start()] if suffix else bare
    terms = {t: i for i in vocab.indicators for t in i.terms}
    for candidate, changes in ((name, False), (bare, False), (stem, True)):
        ind = terms.get(candidate)
        if ind is None:
            continue
        sign = 0
        if changes and suffix and unit == "%" and ind.measure != "rate":
            sign = -1 if suffix.group(0) in _NEGATIVE_SUFFIXES else 1
        return RowIndicator(ind.id, unit, sign)
    return None


def _attribute_column(head: list[str]) -> int | None:
    return next((i for i, c in enumerate(head) if c.strip() == "属性"), None)


def extract_table(doc: Document, block: Block, anchor: str, vocab: Vocabulary) -> list[Found]:
    rows = [[plain_inline(c) for c in r] for r in block.rows]
    layout = columns(rows, doc.meta.year)
    if layout is None:
        return []
    n_head, cols = layout
    name_col = next(i for i, c in enumerate(rows[0]) if c.strip() == "指标")
    attr_col = _attribute_column(rows[0])
    plain_rows = block.plain_text.split("\n")
    out: list[Found] = []
    for r in range(n_head, len(rows)):
        row = rows[r]
        hit = row_indicator(row[name_col], vocab) if name_col < len(row) else None
        if hit is None:
            continue
        ind_id, unit = hit.id, hit.unit
        attribute = row[attr_col].strip() if attr_col is not None and attr_col < len(row) else ""
        attribute = attribute if attribute in ("约束性", "预期性") else ""
        ind = vocab.get(ind_id)
        assert ind is not None
        quote = plain_rows[r].strip() if r < len(plain_rows) else ""

        def cell(c: Column, row: list[str] = row) -> tuple[float | None, bool]:
            return parse_cell(row[c.index]) if c.index < len(row) else (None, False)

        for col in cols:
            if not col.kind:
                continue
            value, _ = cell(col)
            growth_cols = [g for g in cols if g.growth and _level_of(g, cols) == col]
            growth, basis, g_col = None, "", None
            for g in growth_cols:
                gv, bracketed = cell(g)
                if gv is None:
                    continue
                if bracketed and unit != "%":  # [600] 亿元: the plan's cumulative total
                    first, last = plan_years(col.year or doc.meta.year)
                    rec = _record(doc, ind_id, col.kind, f"{first}-{last}", gv, unit, None, "", quote, anchor,
                                  attribute)
                    out.append(Found(rec, (), None, ((r, g.index),)))
                    continue
                growth, g_col = gv, g
                basis = "累计" if bracketed else ("年均" if "年均" in g.label else "")
            if value is None and growth is None:
                continue
            if value is None:
                first, last = plan_years(col.year or doc.meta.year)
                period = f"{first}-{last}"
            else:
                period = str(col.year)
            level_unit = unit if value is not None else ""
            value_cell = (r, col.index) if value is not None else None
            growth_cell = (r, g_col.index) if g_col is not None else None
            sign = hit.change_sign or 1
            if (ind.measure == "change" or hit.change_sign) and value is not None:
                if growth is not None:  # both a change for the year and a yearly change over the plan
                    first, last = plan_years(col.year or doc.meta.year)
                    rec = _record(doc, ind_id, col.kind, f"{first}-{last}", None, "", growth * sign, basis, quote,
                                  anchor, attribute)
                    out.append(Found(rec, (), None, (growth_cell,) if growth_cell else ()))
                    growth_cell = None
                value, growth, level_unit, basis = None, value * sign, "", ""
            elif hit.change_sign and growth is not None:
                growth = growth * sign
            cells = tuple(c for c in (value_cell, growth_cell) if c)
            rec = _record(doc, ind_id, col.kind, period, value, level_unit, growth, basis, quote, anchor, attribute)
            out.append(Found(rec, (), None, cells))
    return out


def _record(doc: Document, ind: str, kind: str, period: str, value: float | None, unit: str,
            growth: float | None, basis: str, quote: str, anchor: str, attribute: str) -> Record:
    return Record(doc_id=doc.id, region=doc.meta.region, indicator=ind, kind=kind, period=period, value=value,
                  unit=unit, growth_pct=growth, growth_basis=basis, qualifier="", quote=quote, anchor=anchor,
                  scope=doc.meta.region, attribute=attribute)
