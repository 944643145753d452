"""The indicator pages: per indicator a short overview and one page per period, and the overview of all.

An indicator's comparison grows with the corpus (every report adds rows), so
it is split by period: ``indicators/<id>/target-2021/`` holds the regions'
2021 targets, ``actual-2020/`` their 2020 results, ``target-2021-2025/`` the
十四五 averages, each with a bar chart of the regions grouped by prefecture
(SVG made at build time, see ``svg_chart``) and a sortable table whose every
row links to the paragraph the figure comes from. The research views are
split the same way (``levels-2021/``: a year's targets from the centre down;
``attainment-2020/``: a period's targets against outcomes; ``indicator_levels``).
A period's page holds only that period's records, so no page grows with the
number of documents; its URL is the period's, so it stays where it is as the
corpus grows. Each carries the newer and the older page of its kind and the
same period's other views; the indicator's page (``indicators/<id>/``) lists
every period, newest first, with how many regions and figures each has.
The overview shows which regions report which indicators, and where each
region's latest target sits against the year before's result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from builder.corpus.indicators import Indicator, Vocabulary
from builder.corpus.model import DOC_TYPES
from builder.escape import front_matter, html_attr, html_text, title, token
from builder.escape import markdown_text as escape
from builder.indicators.figures import BEFORE_WORDS
from builder.indicators.record import Record, format_number
from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.edition_db import DB
from builder.pages.html_chart import bar_chart_html
from builder.pages.indicator_data import (
    DATAPACKAGE,
    INDEX,
    KIND_LABELS,
    chart,
    figure_text,
    notes_text,
    page,
    period_label,
)
from builder.pages.indicator_panel import PANEL
from builder.pages.markdown import size_hint
from builder.pages.prerendered import wrap
from builder.pages.svg_chart import Bar, Row, bar_chart
from builder.pages.table_columns import numbered, table_html

#: What each of an indicator's period pages shows, in the overview's column order.
VIEW_LABELS = {"target": "目标", "actual": "实际", "levels": "从中央到县", "attainment": "目标与完成"}


def period_page(indicator_id: str, view: str, period: str) -> str:
    """``indicators/gdp/target-2021.md`` (URL ``indicators/gdp/target-2021/``): one period of one
    view (``VIEW_LABELS``) of an indicator; named by the period, so it stays put as the corpus grows."""
    return f"indicators/{token(indicator_id)}/{token(f'{view}-{period}')}.md"


def newest_first(period: str) -> tuple[int, int]:
    """Sort key of a period, newest first: 2025, 2021–2025, 2021, 2020, 2016–2020."""
    first, _, last = period.partition("-")
    return (-int(last or first), -int(first))


def view_label(view: str, period: str) -> str:
    """``2021年目标``, ``2020年实际``, ``2021年目标：从中央到县``, ``2020年目标与完成``."""
    if view == "levels":
        return f"{period_label(period)}目标：从中央到县"
    return f"{period_label(period)}{VIEW_LABELS[view]}"


@dataclass(frozen=True)
class PeriodPage:
    """One period of one view of an indicator, before its header and links are added:
    ``parts`` is its body (Markdown), ``regions`` and ``figures`` what the overview counts."""

    view: str
    period: str
    parts: tuple[str, ...]
    regions: int
    figures: int


def title_text(text: str) -> str:
    """Text safe inside a Markdown link title ``"…"`` (and against tooltip double decoding)."""
    return title(text)


def _short_type(cat: Catalogue, r: Record) -> tuple[object, str]:
    """The record's document and the short name of its type: 规划纲要, 工作报告."""
    doc = cat.corpus.by_id(r.doc_id)
    assert doc is not None
    return doc, "规划纲要" if doc.meta.doc_type == "规划纲要" else doc.meta.doc_type.replace("政府工作报告", "工作报告")


def source_link(src: str, r: Record, cat: Catalogue) -> str:
    """``[文件简称 ¶p-41](../documents/x.md#p-41 "quote")``: the paragraph a figure comes from."""
    doc, name = _short_type(cat, r)
    target = f"{urls.link(src, urls.document(doc))}#{r.anchor}"
    return f"[{escape(name)} ¶{escape(r.anchor)}]({target} \"{title_text(r.quote)}\")"


def source_link_html(src: str, r: Record, cat: Catalogue) -> str:
    """``source_link`` as the HTML MkDocs makes of it, for a pre-rendered table (``sortable_html``)."""
    doc, name = _short_type(cat, r)
    target = f"{urls.href(src, urls.document(doc))}#{token(r.anchor)}"
    return (f'<a href="{html_attr(target)}" title="{html_attr(title_text(r.quote))}">'
            f"{html_text(name)} ¶{html_text(r.anchor)}</a>")


def definition_text(ind: Indicator) -> str:
    """The indicator's one-line definition with its source: ``释义：… （来源：…）``."""
    return f"**释义**：{escape(ind.definition)}（来源：{escape(ind.definition_source)}）"


def downloads(src: str) -> str:
    """The download links under every indicator table. The records once as CSV, the panel: it has
    every column of a record and more; gzip-compressed, the SQLite file xz-compressed
    (``builder.pages.indicator_data``, ``builder.pages.edition_db``)."""
    return (f"下载全部记录：[CSV（面板，英文列名；gzip 压缩）]({urls.link(src, PANEL)}) · "
            f"[SQLite（全文、段落、指标、术语；xz 压缩）]({urls.link(src, DB)}) · "
            f"[datapackage.json]({urls.link(src, DATAPACKAGE)})（字段说明）")


def sortable(table: str) -> str:
    """A Markdown table ``indicators.js`` makes sortable (click a header), with its rows
    counted for the stylesheet (``markdown.size_hint``) and its figures aligned right by
    column (``table_columns.numbered``: not a style on every cell)."""
    rows = len(table.strip().splitlines()) - 1  # the header and the body rows; the rule line is none
    table, num = numbered(table)
    return f'<div class="ind-table"{num}{size_hint(rows=rows)} markdown>\n\n{table}\n\n</div>'


def sortable_html(head: Sequence[str], rows: Sequence[Sequence[str]], aligns: Sequence[str] | None = None,
                  keep: Sequence[int] | None = None) -> str:
    """``sortable`` for a table whose cells the caller wrote as HTML (``html_text``, ``html_attr``):
    the markup Python-Markdown makes of the Markdown table (``table_columns.table_html``: columns
    dropped and aligned as there), pre-rendered (``builder.pages.prerendered``) so that
    ``mkdocs build`` need not parse it. A document page's 主要指标 table has a row per record,
    up to about 200, each with two links: it was most of the Markdown a document page left to
    MkDocs (about 45 of 57 KB on a synthetic plan); an indicator's period page has one per region."""
    table, num = table_html(head, rows, aligns, keep)
    return wrap(f'<div class="ind-table"{num}{size_hint(rows=len(rows) + 1)}>\n{table}\n</div>')


def aligned_html(head: Sequence[str], rows: Sequence[Sequence[str]], aligns: Sequence[str]) -> str:
    """``aligned`` for a table whose cells are HTML, pre-rendered as ``sortable_html``."""
    table, num = table_html(head, rows, aligns)
    return wrap(f"<div{num}>\n{table}\n</div>" if num else table)


def aligned(table: str) -> str:
    """A Markdown table that is not to be sorted (its order is its meaning), its figures
    aligned right by column as in ``sortable``."""
    table, num = numbered(table)
    return f"<div{num} markdown>\n\n{table}\n\n</div>" if num else table


#: How the figures are read, stated once on the overview (the rules of ``builder.indicators``).
READING = "\n".join([
    '!!! note "读法"',
    "",
    "    - **实际**是报告回顾的完成值，**目标**是报告提出的预期目标。回顾部分讲“五年来”“十三五”的归入"
    "2016–2020年，讲“全年”“2020年”的归入2020年；“主要预期目标”归入2021年；“十四五”目标中，"
    "期末要达到的水平归入2025年，年均增速归入2021–2025年。",
    "    - 水平值按原文单位记录（2.7万元不折算为27000元）；增速以百分数记录，“下降2.8%”记为−2.8。",
    "    - 口径只记原文写明的（同比、比上年、年均、较2015年），原文未写则空；限定词照录原文"
    "（左右、以上、以内、突破、力争……），“与上年持平”记为增速0、限定词“持平”。",
    "    - 一句话列出几个指标时按顺序分配数字（“城乡居民人均可支配收入分别增长6.3%和10.7%左右”是两条记录）；"
    "“净增7.22亿元”这类增量单独记为增量（不是水平值，也不折算为增速）；“是2015年的2.28倍”这类倍数不折算，不记录。",
    "    - 句中把数字限定在开发区、市区等范围时，记录注明范围"
    "（榆社“推动开发区大投入……规模以上工业增加值增长11%以上”）；"
    "专栏“属性”列给出约束性、预期性；方括号数字和规划期合计记为累计。",
    "    - “分别增长8%和8.5%以上”中“以上”只写在第二个数字后：按字面记录，并注明另一种读法（限定两个数字）。",
    "    - 限定词类别按目标研究文献的编码：floor（以上、不低于、确保）、approximate（左右）、stretch（力争、争取）、"
    "ceiling（以内、控制在）、exact（其他）。",
    "    - 专栏表格中“—”为空，文字格（“已完成市定任务”）不记数字，方括号数字（[600]）是规划期累计值。",
])


#: Growth bases that are not one year on the year before (a five-year average, since 2015).
LONG_BASES = ("年均", "较2015年", "累计")


def chart_metric(recs: list[Record]) -> tuple[str, list[Record]]:
    """What a section's chart shows: the measure most regions state, never two mixed.

    A 2020 section holds yearly growths (``同比增长2.8%``), five-year averages
    stated with the 2020 level (``达到154.7亿元，年均增长7.3%``) and bare
    levels; a bar chart of one of them compares like with like.
    """
    yearly = [r for r in recs if r.growth_pct is not None and r.growth_basis not in LONG_BASES]
    average = [r for r in recs if r.growth_pct is not None and r.growth_basis == "年均"]
    units = [r.unit for r in recs if r.value is not None and r.value_kind == "level"]
    unit = max(set(units), key=lambda u: (units.count(u), u)) if units else ""
    levels = [r for r in recs if r.value is not None and r.unit == unit and r.value_kind == "level"]
    options = [("增速（%）", yearly), ("年均增速（%）", average), (f"水平（{unit}）", levels)]
    regions = [len({r.region for r in rs}) for _, rs in options]
    best = max(range(3), key=lambda i: (regions[i], -i))
    return options[best] if regions[best] else ("", [])


def bar(r: Record, metric: str) -> Bar:
    """The bar of one record: its level or its growth, labelled with just that (``突破300亿元``)."""
    if metric.startswith("水平"):
        return Bar(r.value, figure_text(replace(r, growth_pct=None)))
    # a word before the level (突破300亿元) does not qualify the growth stated with it
    qualifier = r.qualifier if r.value is None or r.qualifier not in BEFORE_WORDS else ""
    return Bar(r.growth_pct, figure_text(replace(r, value=None, qualifier=qualifier)))


def section_order(kind: str, period: str, year: int) -> tuple:
    """2021年目标, 2020年实际, 2025年目标, 2021–2025, 2016–2020, then the rest."""
    first = [("target", str(year)), ("actual", str(year - 1)), ("target", "2025"), ("target", "2021-2025"),
             ("actual", "2016-2020")]
    if (kind, period) in first:
        return (first.index((kind, period)), "")
    return (len(first), kind, period)


class IndicatorSite:
    """Builds the indicator pages from the records (see module docstring)."""

    def __init__(self, cat: Catalogue, vocabulary: Vocabulary, records: list[Record]) -> None:
        self.cat = cat
        self.vocabulary = vocabulary
        self.records = records
        self.year = max((d.meta.year for d in cat.corpus.documents if d.meta.year), default=2021)
        self.charts: dict[str, str] = {}

    # -- helpers ----------------------------------------------------------------------

    def _region_order(self, name: str) -> tuple:
        region = self.cat.corpus.regions.get(name)
        if region is None:
            return ("", "", name)
        prefecture = self.cat.corpus.regions.get(region.prefecture)
        return (prefecture.code if prefecture else "", region.code, name)

    def _prefecture(self, name: str) -> str:
        region = self.cat.corpus.regions.get(name)
        return region.prefecture if region else name

    def _doc_rank(self, r: Record) -> tuple:
        doc = self.cat.corpus.by_id(r.doc_id)
        return (DOC_TYPES.index(doc.meta.doc_type) if doc else 9, r.sort_key)

    @cached_property
    def _ranked(self) -> dict[str, list[Record]]:
        """Each indicator's records in ``_doc_rank`` order, sorted once (not once per indicator and kind)."""
        out: dict[str, list[Record]] = defaultdict(list)
        for r in sorted(self.records, key=self._doc_rank):
            out[r.indicator].append(r)
        return out

    def _chart_rows(self, records: list[Record], metric: str) -> list[tuple[str, list[Row]]]:
        """One row per region (the work report's figure first), grouped by prefecture."""
        by_region: dict[str, Record] = {}
        for r in sorted(records, key=self._doc_rank):
            by_region.setdefault(r.region, r)
        groups: dict[str, list[Row]] = defaultdict(list)
        for name in sorted(by_region, key=self._region_order):
            r = by_region[name]
            groups[self._prefecture(name)].append(Row(name, (bar(r, metric),)))
        return sorted(groups.items(), key=lambda g: self._region_order(g[0]))

    def _image(self, src: str, name: str, title: str, groups: list[tuple[str, list[Row]]],
               series: tuple[str, ...] = ()) -> str:
        """The chart drawn in the page (``html_chart``: phone-sized text, theme colours),
        and the standalone SVG of the same chart as a download."""
        return (bar_chart_html(title, groups, series) + "\n\n"
                f"[下载此图（SVG）]({urls.link(src, chart(name))}){{ .chart-download }}")

    # -- per indicator ----------------------------------------------------------------

    def target_years(self) -> list[int]:
        """The years some record is a target for (2021): the escalation views."""
        years = {d.meta.year for d in self.cat.corpus.documents}
        return sorted({int(r.period) for r in self.records if r.kind == "target" and r.period.isdigit()
                       and int(r.period) in years}, reverse=True)

    @cached_property
    def _periods(self) -> set[tuple[str, str, str]]:
        return {(r.indicator, r.kind, r.period) for r in self.records}

    def has_period(self, indicator_id: str, kind: str, period: str) -> bool:
        """Whether the indicator has a page for this kind and period (some record of it)."""
        return (indicator_id, kind, period) in self._periods

    def indicator_pages(self, ind: Indicator, views: list[PeriodPage] | None = None) -> dict[str, str]:
        """The indicator's overview and its period pages; ``views``: the research views' pages."""
        mine = self._ranked.get(ind.id, [])
        sections: dict[tuple[str, str], list[Record]] = defaultdict(list)
        for r in mine:
            sections[(r.kind, r.period)].append(r)
        pages = [self._section(ind, kind, period, recs) for (kind, period), recs in sections.items()]
        pages += views or []
        files = {period_page(ind.id, p.view, p.period): self._period_page(ind, p, pages) for p in pages}
        files[page(ind.id)] = self._overview_of(ind, mine, pages)
        return files

    def _section(self, ind: Indicator, kind: str, period: str, recs: list[Record]) -> PeriodPage:
        """A period's chart and table: every record of the indicator for that kind and period."""
        src = period_page(ind.id, kind, period)
        parts = []
        metric, use = chart_metric(recs)
        if use:
            name = f"{ind.id}-{kind}-{period}"
            title = f"{ind.name} {period_label(period)}{KIND_LABELS[kind]}：{metric}"
            rows = self._chart_rows(use, metric)
            self.charts[chart(name)] = bar_chart(title, rows)
            parts.append(self._image(src, name, title, rows))
        parts.append(self._table(src, recs))
        return PeriodPage(kind, period, tuple(parts), len({r.region for r in recs}), len(recs))

    def _period_page(self, ind: Indicator, p: PeriodPage, pages: list[PeriodPage]) -> str:
        src = period_page(ind.id, p.view, p.period)
        label = view_label(p.view, p.period)
        links = self._period_links(ind, p, pages)
        return "\n\n".join([front_matter(f"{ind.name}：{label}"), f"# {escape(ind.name)}：{escape(label)}",
                             links, *p.parts, downloads(src), links]) + "\n"

    def _period_links(self, ind: Indicator, p: PeriodPage, pages: list[PeriodPage]) -> str:
        """The overview, the newer and the older page of the same view (a year's the year's,
        a plan period's the plan period's), the same period's other views: a fixed handful of
        links, however many periods the corpus has."""
        src = period_page(ind.id, p.view, p.period)

        def to(q: PeriodPage, text: str) -> str:
            return f"[{escape(text)}]({urls.link(src, period_page(ind.id, q.view, q.period))})"

        same = sorted((q for q in pages if q.view == p.view and ("-" in q.period) == ("-" in p.period)),
                      key=lambda q: newest_first(q.period))
        at = same.index(p)
        links = [f"[← {escape(ind.name)}：全部时期]({urls.link(src, page(ind.id))})"]
        if at > 0:
            links.append("较新：" + to(same[at - 1], view_label(p.view, same[at - 1].period)))
        if at + 1 < len(same):
            links.append("较早：" + to(same[at + 1], view_label(p.view, same[at + 1].period)))
        others = [to(q, VIEW_LABELS[q.view]) for view in VIEW_LABELS for q in pages
                  if q.view == view != p.view and q.period == p.period]
        if others:
            links.append(f"{escape(period_label(p.period))}：" + "、".join(others))
        return " · ".join(links)

    def _overview_of(self, ind: Indicator, mine: list[Record], pages: list[PeriodPage]) -> str:
        """The indicator's page: what it is, and a row per period linking to that period's pages."""
        src = page(ind.id)
        by = {(p.view, p.period): p for p in pages}
        head = "| 时期 | " + " | ".join(VIEW_LABELS.values()) + " |"
        rows = [head, "|---|" + "---|" * len(VIEW_LABELS)]
        for period in sorted({p.period for p in pages}, key=newest_first):
            cells = []
            for view in VIEW_LABELS:
                q = by.get((view, period))
                count = (f"{q.regions} 个地区" + (f"，{q.figures} 条" if view in KIND_LABELS else "")) if q else ""
                cells.append(f"[{count}]({urls.link(src, period_page(ind.id, view, period))})" if q else "—")
            rows.append(f"| {escape(period_label(period))} | " + " | ".join(cells) + " |")
        return "\n\n".join([
            front_matter(ind.name), f"# {escape(ind.name)}",
            *([definition_text(ind)] if ind.definition else []),
            f"英文名：{escape(ind.name_en) or '—'}；同义写法：{escape('、'.join(ind.synonyms)) or '无'}；"
            f"常用单位：{escape('、'.join(ind.units))}；"
            f"分类：{escape(ind.category)}。共 {len(mine)} 条记录，来自 "
            f"{len({r.doc_id for r in mine})} 份文件。[← 全部指标]({urls.link(src, INDEX)})",
            "## 各时期 { #periods }",
            "各地的比较按时期分页，新的在前：每页一张图和一张表，每个数字链接到原文段落。"
            "“从中央到县”是同一年的目标逐级排列；“目标与完成”是同一时期的目标和实际值并列。",
            sortable("\n".join(rows)),
            downloads(src)]) + "\n"

    def _table(self, src: str, recs: list[Record]) -> str:
        """One row per record; the figure the section is about right after the region
        (growth where most records state a growth, else the level), columns that are
        empty in every row dropped (``table_columns``), the parent prefecture last.
        An increase reads 净增7.22; 备注 says a narrower scope, 约束性/预期性, 累计, an ambiguity.
        Pre-rendered (``sortable_html``): a row per record, the page's longest part."""
        growth_first = sum(r.growth_pct is not None for r in recs) >= sum(r.value is not None for r in recs)
        growth = [("增速（%）", "right", lambda r: format_number(r.growth_pct) or "—")]
        level = [("水平", "right", lambda r: (("净增" if r.value_kind == "increase" else "")
                                               + format_number(r.value)) if r.value is not None else "—"),
                 ("单位", "left", lambda r: html_text(r.unit) or "—")]
        cols = [("地区", "left", lambda r: html_text(r.region)),
                *(growth + level if growth_first else level + growth),
                ("限定", "left", lambda r: html_text(r.qualifier) or "—"),
                ("口径", "left", lambda r: html_text(r.growth_basis) or "—"),
                ("备注", "left", lambda r: html_text(notes_text(r)) or "—"),
                ("原文出处", "left", lambda r: source_link_html(src, r, self.cat)),
                ("所属", "left", lambda r: html_text(self._prefecture(r.region)))]
        ordered = sorted(recs, key=lambda r: (self._region_order(r.region), self._doc_rank(r)))
        rows = [[cell(r) for _, _, cell in cols] for r in ordered]
        return sortable_html([c[0] for c in cols], rows, [c[1] for c in cols], keep=(0,))

    # -- overview ---------------------------------------------------------------------

    def overview(self, matrix_links: str = "") -> str:
        src = INDEX
        present = [i for i in self.vocabulary.indicators if any(r.indicator == i.id for r in self.records)]
        regions = sorted({r.region for r in self.records}, key=self._region_order)
        parts = ["# 主要指标",
                 "各地政府工作报告和规划纲要报告的实际完成值和承诺的目标值，逐条注明原文和所在段落。"
                 "数字由程序从正文和专栏表格中读出；发现读错的，可在 "
                 "`corpus/indicator_corrections.yml` 中更正。",
                 downloads(src),
                 *([matrix_links] if matrix_links else []),
                 READING,
                 "## 指标一览 { #list }",
                 sortable(self._list_table(src, present)),
                 "## 各地报告了哪些指标 { #coverage }",
                 "表中数字为该地区该指标的记录条数（实际/目标）。",
                 sortable(self._coverage(src, present, regions)),
                 f"## {self.year}年目标与{self.year - 1}年实际 {{ #target-vs-actual }}",
                 f"同一地区同一指标，{self.year}年预期增速与{self.year - 1}年实际增速并列；"
                 "差值为目标减实际（百分点）。"]
        for ind in present:
            pairs = self._target_vs_actual(ind)
            if not pairs:
                continue
            parts.append(f"### [{escape(ind.name)}]({urls.link(src, page(ind.id))}) {{ #tva-{token(ind.id)} }}")
            if len(pairs) >= 2:
                name = f"overview-{ind.id}"
                title = f"{ind.name}：{self.year - 1}年实际与{self.year}年目标增速（%）"
                groups: dict[str, list[Row]] = defaultdict(list)
                for region, actual, target in pairs:
                    groups[self._prefecture(region)].append(Row(region, (
                        bar(target, "增速"), bar(actual, "增速"))))
                ordered = sorted(groups.items(), key=lambda g: self._region_order(g[0]))
                series = (f"{self.year}年目标", f"{self.year - 1}年实际")
                self.charts[chart(name)] = bar_chart(title, ordered, series)
                parts.append(self._image(src, name, title, ordered, series))
            head = (f"| 地区 | {self.year - 1}年实际增速（%） | {self.year}年目标增速（%） | 差值（百分点） | 出处 |\n"
                    "|---|---:|---:|---:|---|")
            rows = [f"| {escape(region)} | {format_number(a.growth_pct)} | {format_number(t.growth_pct)}"
                    f"{escape(t.qualifier)} | {format_number(round(t.growth_pct - a.growth_pct, 2))} | "
                    f"{source_link(src, a, self.cat)} · {source_link(src, t, self.cat)} |"
                    for region, a, t in pairs if a.growth_pct is not None and t.growth_pct is not None]
            parts.append(sortable("\n".join([head, *rows])))
        return "\n\n".join(parts) + "\n"

    def _list_table(self, src: str, present: list[Indicator]) -> str:
        head = "| 指标 | 分类 | 常用单位 | 记录 | 地区 |\n|---|---|---|---:|---:|"
        rows = []
        for ind in self.vocabulary.indicators:
            mine = [r for r in self.records if r.indicator == ind.id]
            name = f"[{escape(ind.name)}]({urls.link(src, page(ind.id))})" if ind in present else escape(ind.name)
            rows.append(f"| {name} | {escape(ind.category)} | {escape('、'.join(ind.units))} | {len(mine)} | "
                        f"{len({r.region for r in mine})} |")
        return "\n".join([head, *rows])

    def _coverage(self, src: str, present: list[Indicator], regions: list[str]) -> str:
        head = "| 地区 | " + " | ".join(f"[{escape(i.name)}]({urls.link(src, page(i.id))})" for i in present) + " |"
        rows = [head, "|---|" + "---:|" * len(present)]
        counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (region, id) -> actual, target
        for r in self.records:
            counts[(r.region, r.indicator)][r.kind != "actual"] += 1
        for region in regions:
            cells = []
            for ind in present:
                a, t = counts.get((region, ind.id), (0, 0))
                cells.append(f"{a}/{t}" if a + t else "—")
            rows.append(f"| {escape(region)} | " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def _target_vs_actual(self, ind: Indicator) -> list[tuple[str, Record, Record]]:
        """(region, 2020 actual growth, 2021 target growth) for every region stating both."""
        def first(kind: str, period: str) -> dict[str, Record]:
            out: dict[str, Record] = {}
            for r in self._ranked.get(ind.id, []):
                if (r.kind == kind and r.period == period and r.growth_pct is not None
                        and r.growth_basis not in LONG_BASES):
                    out.setdefault(r.region, r)
            return out
        actual = first("actual", str(self.year - 1))
        target = first("target", str(self.year))
        return [(region, actual[region], target[region])
                for region in sorted(set(actual) & set(target), key=self._region_order)]
