"""Targets across levels, the per-year target matrix, and target against outcome: the research views.

- ``escalation``: an indicator's page of the year's targets from the centre
  down (``indicators/gdp/levels-2021/``): 国务院 and 山西省 (from ``corpus/parent_targets.yml`` when no document
  states them, marked 语料外 with source and date), each prefecture, then its
  counties, every cell linked to its paragraph, and how far each is above
  the level above it (吕梁市 8%以上, 离石 10%左右: +2).
- ``matrix_pages``: one page per year and prefecture (so no page grows with
  the corpus), region × headline indicator, each cell the target with its
  qualifier, 未提出, or 仅定性 with the quote (``builder.indicators.matrix``).
- ``attainment``: an indicator's pages of targets beside their outcomes, one
  per target period (``indicators/gdp/attainment-2020/``, so none grows with
  the corpus; ``builder.indicators.attainment``).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from builder.corpus.indicators import Indicator, Vocabulary
from builder.corpus.model import Document
from builder.corpus.parent_targets import LEVEL_NAMES, ParentTarget
from builder.corpus.regions import Region
from builder.escape import front_matter, html_text, token
from builder.escape import markdown_text as escape
from builder.indicators.attainment import Attainment, attainments
from builder.indicators.matrix import Cell, cell, matrix_documents
from builder.indicators.record import Record, format_number
from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.indicator_data import INDEX, figure_text, page
from builder.pages.indicator_pages import (
    PeriodPage,
    aligned_html,
    period_page,
    sortable_html,
    source_link_html,
    title_text,
)

CLASS_LABELS = {"floor": "下限", "approximate": "约数", "stretch": "力争", "ceiling": "上限", "exact": "确数"}
STATE_LABELS = {"not-stated": "未提出", "qualitative": "仅定性", "no-target": "无目标"}


def matrix_page(year: int, prefecture: Region) -> str:
    return f"indicators/targets-{year}/{prefecture.slug}.md"


def matrix_index(year: int) -> str:
    return f"indicators/targets-{year}/index.md"


def parent_text(t: ParentTarget) -> str:
    if t.growth_pct is not None:
        verb = "下降" if t.growth_pct < 0 else "增长"
        return f"{verb}{format_number(abs(t.growth_pct))}%{t.qualifier}"
    return f"{format_number(t.value)}{t.unit}{t.qualifier}"


class LevelViews:
    """The research views of the indicators (see module docstring)."""

    def __init__(self, cat: Catalogue, vocabulary: Vocabulary, records: list[Record],
                 parents: list[ParentTarget]) -> None:
        self.cat = cat
        self.vocabulary = vocabulary
        self.records = records
        self.parents = parents
        self.by_doc: dict[str, list[Record]] = defaultdict(list)
        for r in records:
            self.by_doc[r.doc_id].append(r)

    # -- escalation -------------------------------------------------------------------

    @cached_property
    def _targets(self) -> dict[tuple[str, str, str], list[Record]]:
        """(region, indicator, period) -> the region's own targets, best first: made once, not one
        pass over every record per region, indicator and year (that was quadratic in the corpus)."""
        docs = {d.id: d for d in self.cat.corpus.documents}
        out: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        for r in self.records:
            if r.kind == "target" and r.scope == r.region:
                out[(r.region, r.indicator, r.period)].append(r)
        for mine in out.values():
            mine.sort(key=lambda r: (docs[r.doc_id].meta.doc_type != "政府工作报告", r.growth_pct is None, r.sort_key))
        return out

    def _first_target(self, region: str, ind: Indicator, year: int) -> Record | None:
        """The region's target for the year from its work report (a growth before a level)."""
        mine = self._targets.get((region, ind.id, str(year)))
        return mine[0] if mine else None

    def escalation(self, ind: Indicator, year: int) -> PeriodPage | None:
        """The page, or None when no region states a target for ``year``."""
        src = period_page(ind.id, "levels", str(year))
        rows: list[tuple[str, str, str, str, float | None]] = []  # level, region, figure, source, growth
        outside = [t for t in self.parents if t.indicator == ind.id and t.year == year]
        for level in ("centre", "province"):
            for t in (t for t in outside if t.level == level):
                rows.append((LEVEL_NAMES[level], html_text(t.region), html_text(parent_text(t)),
                             html_text(f"语料外：{t.source}，{t.date.isoformat()}（“{t.quote}”）"), t.growth_pct))
        if not any(t.level == "province" for t in outside):
            rows.append(("省", html_text(self.cat.province), "—",
                         "语料中无此目标，参考表（corpus/parent_targets.yml）也未收录", None))
        any_local = False
        for prefecture in self.cat.prefectures():
            local: list[tuple[str, str, str, str, float | None]] = []
            t = self._first_target(prefecture.name, ind, year)
            parent = next((p for p in outside if p.level == "prefecture" and p.region == prefecture.name), None)
            if t:
                local.append(("市", html_text(prefecture.name), html_text(figure_text(t)),
                              source_link_html(src, t, self.cat), t.growth_pct))
            elif parent:
                local.append(("市", html_text(prefecture.name), html_text(parent_text(parent)),
                              html_text(f"语料外：{parent.source}，{parent.date.isoformat()}"), parent.growth_pct))
            else:
                local.append(("市", html_text(prefecture.name), "—", "语料中无此目标", None))
            for county in self.cat.children_with_pages(prefecture):
                c = self._first_target(county.name, ind, year)
                if c:
                    local.append(("县", f"　{html_text(county.name)}", html_text(figure_text(c)),
                                  source_link_html(src, c, self.cat), c.growth_pct))
            if len(local) > 1 or t:
                rows += local
                any_local = True
        if not any_local:
            return None
        table: list[list[str]] = []
        above: dict[str, float | None] = {}
        for level, region, figure, source, growth in rows:
            upper = {"省": above.get("中央"), "市": above.get("省") if above.get("省") is not None
                     else above.get("中央"), "县": above.get("市")}.get(level)
            diff = format_number(round(growth - upper, 2)) if growth is not None and upper is not None else ""
            above[level] = growth
            table.append([level, region, figure, diff, source])
        intro = ("同一年的目标逐级排列：中央、省、市、所辖县（市、区）。“语料外”一行来自 "
                 "`corpus/parent_targets.yml`，注明来源文件和日期，不是本版收录的文件；增速目标相差以百分点计，"
                 "只比较增速（限定词不计）。")
        local = [row for row in rows if row[0] in ("市", "县") and row[2] != "—"]
        return PeriodPage("levels", str(year),
                          (intro, aligned_html(["层级", "地区", "目标", "高于上级（百分点）", "出处"], table,
                                               ["left", "left", "left", "right", "left"])),
                          len(local), len(local))

    # -- attainment -------------------------------------------------------------------

    @cached_property
    def _attainments(self) -> dict[tuple[str, str], list[Attainment]]:
        """(indicator, target period) -> its targets beside their outcomes, paired once per build."""
        out: dict[tuple[str, str], list[Attainment]] = defaultdict(list)
        for a in _one_per_target(attainments(self.records)):
            out[(a.target.indicator, a.target.period)].append(a)
        return out

    def attainment(self, ind: Indicator) -> list[PeriodPage]:
        """One page per target period that has an outcome beside a target."""
        periods = sorted(p for i, p in self._attainments if i == ind.id)
        return [self._attainment(ind, period, self._attainments[(ind.id, period)]) for period in periods]

    def _attainment(self, ind: Indicator, period: str, pairs: list[Attainment]) -> PeriodPage:
        src = period_page(ind.id, "attainment", period)
        table = []
        for a in pairs:
            ratio = f"{a.ratio:.1%}" if a.ratio is not None else "—"
            met = {True: "是", False: "否", None: "—"}[a.met]
            unit = "个百分点" if a.measure == "growth" else html_text(a.unit)
            table.append([html_text(a.target.region), html_text(_figure(a.target, a.measure)),
                          html_text(_figure(a.actual, a.measure)), f"{format_number(a.difference)}{unit}", ratio, met,
                          f"{source_link_html(src, a.target, self.cat)} · {source_link_html(src, a.actual, self.cat)}"])
        intro = ("同一地区同一时期既有目标又有实际值时并列（不论出自同一文件还是后一年的报告）。水平值同单位才比较，"
                 "增速同口径才比较；“达到”只对写明方向的目标判断（以上：不低于；以内：不高于）。")
        return PeriodPage("attainment", period,
                          (intro, sortable_html(["地区", "目标", "实际", "实际−目标", "实际/目标", "达到", "出处"],
                                                table, ["left", *["right"] * 4, "left", "left"])),
                          len({a.target.region for a in pairs}), len(pairs))

    # -- matrix -----------------------------------------------------------------------

    def standard(self) -> list[Indicator]:
        return [i for i in self.vocabulary.indicators if i.standard]

    def matrix_pages(self) -> dict[str, str]:
        if not self.standard():
            return {}
        files: dict[str, str] = {}
        docs = self.cat.corpus.documents
        for year in sorted(self.cat.years()):  # known years only: a null year has no matrix
            reports = matrix_documents(docs, year)
            if not reports:
                continue
            listed = []
            for prefecture in self.cat.prefectures():
                mine = [d for d in reports
                        if self.cat.prefecture_of(self.cat.region_of(d)) == prefecture]
                if mine:
                    files[matrix_page(year, prefecture)] = self._matrix(year, prefecture, mine)
                    listed.append((prefecture, len(mine)))
            files[matrix_index(year)] = self._matrix_index(year, listed)
        return files

    def _matrix_index(self, year: int, listed: list[tuple[Region, int]]) -> str:
        src = matrix_index(year)
        links = "\n".join(f"- [{escape(p.name)}]({urls.link(src, matrix_page(year, p))})：{n} 份工作报告"
                          for p, n in listed)
        return "\n\n".join([
            front_matter(f"{year}年目标一览"), f"# {year}年目标一览", _MATRIX_NOTE, "按地级市分页：",
            links,
            f"[← 全部指标]({urls.link(src, INDEX)})"]) + "\n"

    @cached_property
    def _target_periods(self) -> set[tuple[str, str]]:
        """(indicator, period) of every target: which target pages exist (``indicator_pages``)."""
        return {(r.indicator, r.period) for r in self.records if r.kind == "target"}

    def _matrix(self, year: int, prefecture: Region, reports: list[Document]) -> str:
        src = matrix_page(year, prefecture)
        inds = self.standard()
        head = "| 地区 | " + " | ".join(  # each indicator's comparison of the year's targets, if any
            f"[{escape(i.name)}]({urls.link(src, period_page(i.id, 'target', str(year)))})"
            if (i.id, str(year)) in self._target_periods else f"[{escape(i.name)}]({urls.link(src, page(i.id))})"
            for i in inds) + " |"
        rows = [head, "|---|" + "---|" * len(inds)]
        order = sorted(reports, key=lambda d: self.cat.region_of(d).code)
        for doc in order:
            label = escape(doc.meta.region) + ("（摘要）" if "摘要" in doc.meta.doc_type else "")
            link = f"[{label}]({urls.link(src, urls.document(doc))})"
            cells = [self._cell(src, doc, cell(doc, i, self.vocabulary, self.by_doc[doc.id])) for i in inds]
            rows.append(f"| {link} | " + " | ".join(cells) + " |")
        return "\n\n".join([
            front_matter(f"{year}年目标一览：{prefecture.name}"),
            f"# {year}年目标一览：{escape(prefecture.name)}",
            _MATRIX_NOTE,
            "\n".join(rows),
            f"[← {year}年目标一览]({urls.link(src, matrix_index(year))}) · [全部指标]({urls.link(src, INDEX)})",
        ]) + "\n"

    def _cell(self, src: str, doc: Document, c: Cell) -> str:
        target = urls.link(src, urls.document(doc))
        if c.state == "target":
            parts = []
            for r in c.records:
                note = f"（{r.scope}）" if r.scope != r.region else ""
                parts.append(f"[{escape(figure_text(r) + note)}]({target}#{r.anchor} "
                             f"\"{title_text(r.quote)}\"){{ .ind-class-{token(r.qualifier_class)} }}")
            return "；".join(parts)
        if c.state == "qualitative":
            return f"仅定性：[“{escape(c.quote)}”]({target}#{c.anchor})"
        if c.state == "not-stated":
            return "未提出"
        return f"无目标（全文提及 {c.mentions} 处）"


_MATRIX_NOTE = (
    "每份政府工作报告一行，每个主要指标一列。格中是该年目标（原文限定词照录，点击回到段落）；"
    "**未提出**：全文（不只是抽取出的记录）找不到该指标的任何名称、同义写法或合称；"
    "**仅定性**：目标段落提到该指标但没有数字，引原话；"
    "**无目标**：正文提到该指标，但没有提出本年目标。摘要本只收录原报告的一部分，其“未提出”只对摘要成立。")


def _figure(r: Record, measure: str) -> str:
    if measure == "growth":
        basis = r.growth_basis
        return f"{basis}{format_number(r.growth_pct)}%{r.qualifier if r.value is None else ''}"
    return f"{format_number(r.value)}{r.unit}"


def _one_per_target(pairs: list[Attainment]) -> list[Attainment]:
    """One outcome per target and measure: the same document's first, else the earliest report's."""
    best: dict[tuple, Attainment] = {}
    for a in sorted(pairs, key=lambda a: (a.actual.doc_id != a.target.doc_id, a.actual.sort_key)):
        best.setdefault((a.target.key, a.measure), a)
    return sorted(best.values(), key=lambda a: (a.target.region, a.target.period, a.target.sort_key))
