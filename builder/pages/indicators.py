"""The indicators feature on the site (an ``Extension``, see ``builder.pages.extensions``).

- ``spans``: each record's figures in the text become links to the
  indicator's period page; in a 专栏 table the cell is marked. Headings
  are left alone (a link in a heading would nest in its ¶ permalink). A mark
  carries no title: the edition's one popup (``glossary.js``) says which
  indicator, period and reading it is (``地区生产总值：2021年目标 ·
  增长10%左右``) from ``document_sections``' table on the same page, whose
  rows link to the same period pages and name the paragraph. (The titles were
  42 KB of the 14 document pages and gave a second, browser tooltip.)
- ``document_sections``: the document's indicator table, grouped by period,
  actual beside target, every row linking to its paragraph ``#p-N``.
- ``pages``: the overview, per indicator a page listing its periods and one
  page per period (its targets or results; its targets from the centre down
  and its targets against outcomes, ``indicator_levels``), the per-year
  target matrix, their SVG charts and the downloads: the records
  as the panel ``data/indicator_panel.csv.gz`` (their one CSV, gzip-compressed;
  no JSON copy: ``builder.pages.indicator_data``), the whole edition as
  ``edition.sqlite.xz`` and ``datapackage.json``.
- ``nav``: a 指标 section.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property

from builder.corpus.glossary import load_glossary
from builder.corpus.model import Block, Document
from builder.corpus.parent_targets import load_parent_targets
from builder.corpus.regions import Region
from builder.escape import html_attr, html_text, token
from builder.escape import markdown_text as escape
from builder.escape import nav_label as label
from builder.glossary.occurrences import OccurrenceAnalysis, occurrence_of
from builder.indicators import Found, load_indicator_files, merge_found
from builder.indicators.analysis import IndicatorAnalysis, parts_of
from builder.indicators.record import Record
from builder.pages import region_figures, urls
from builder.pages.analyses import Analysis
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.edition_db import DB, edition_sqlite
from builder.pages.indicator_data import (
    DATAPACKAGE,
    INDEX,
    datapackage,
    figure_text,
    page,
    period_label,
)
from builder.pages.indicator_levels import LevelViews, matrix_index, matrix_page
from builder.pages.indicator_pages import (
    IndicatorSite,
    downloads,
    period_page,
    section_order,
    sortable_html,
    title_text,
)
from builder.pages.indicator_panel import PANEL, panel_csv
from builder.pages.markdown import door
from builder.pages.nav import NavItem
from builder.pages.settings import SiteSettings
from builder.search.packed import compress

#: The characters of a quote the document's indicator table shows as its 出处 link's text.
SHORT_QUOTE = 24


class IndicatorPages:
    """The indicators feature (see module docstring), built once per build."""

    def __init__(self, cat: Catalogue, settings: SiteSettings) -> None:
        self.cat = cat
        self.settings = settings
        self.vocabulary, corrections = load_indicator_files(cat.corpus)
        self.analysis = IndicatorAnalysis(cat.corpus, self.vocabulary, corrections)
        # edition.sqlite holds the occurrences: the glossary's analysis (same name), matched once per build
        self.occurrence_analysis = OccurrenceAnalysis(load_glossary(cat.corpus.root))
        self._doc: tuple[str, dict[str, list[Found]], list[Record]] | None = None

    def analyses(self) -> list[Analysis]:
        return [self.analysis, self.occurrence_analysis]

    # -- one document's records (its page needs no other document's) ------------------------

    def _of_document(self, doc: Document) -> tuple[dict[str, list[Found]], list[Record]]:
        """The document's statements by anchor, and its records sorted; one document at a time."""
        if self._doc is None or self._doc[0] != doc.id:
            kept, added = parts_of(self.cat.analyses.get(self.analysis, doc))
            by_anchor: dict[str, list[Found]] = defaultdict(list)
            for f in [*kept, *(f for _, f in added)]:
                by_anchor[f.record.anchor].append(f)
            records = sorted((f.record for f in [*kept, *(f for _, f in added)]), key=lambda r: r.sort_key)
            self._doc = (doc.id, by_anchor, records)
        return self._doc[1], self._doc[2]

    # -- every document's records (the pages that gather documents) -------------------------

    @cached_property
    def found(self) -> list[Found]:
        return merge_found(parts_of(self.cat.analyses.get(self.analysis, d)) for d in self.cat.corpus.documents)

    @cached_property
    def records(self) -> list[Record]:
        return sorted((f.record for f in self.found), key=lambda r: r.sort_key)

    @cached_property
    def site(self) -> IndicatorSite:
        return IndicatorSite(self.cat, self.vocabulary, self.records)

    @cached_property
    def parents(self) -> list:
        return load_parent_targets(self.cat.corpus.root, self.vocabulary)

    @cached_property
    def views(self) -> LevelViews:
        return LevelViews(self.cat, self.vocabulary, self.records, self.parents)

    @cached_property
    def matrix(self) -> dict[str, str]:
        return self.views.matrix_pages()

    # -- document pages -----------------------------------------------------------------

    def _caption(self, doc: Document, block: Block) -> str:
        """The anchor of the paragraph before a table (its 专栏 caption)."""
        caption = ""
        for b in doc.blocks:
            if b is block:
                return caption
            if b.kind == "paragraph":
                caption = b.anchor
        return caption

    def _mark(self, doc: Document, r: Record, start: int, end: int) -> Span:
        """A link to the record's period page; what it is, glossary.js reads off the page's
        indicator table (``document_sections``), which has a row per record of the page."""
        link = urls.href(urls.document(doc), period_page(r.indicator, r.kind, r.period))
        return Span(start, end, f'<a class="ind-mark" href="{html_attr(link)}">', "</a>")

    def spans(self, doc: Document, block: Block, cell: tuple[int, int] | None, plain: str) -> Sequence[Span]:
        if block.kind == "heading":
            return []
        if block.kind == "table":
            if cell is None or cell[0] == 0:
                return []
            return [self._mark(doc, f.record, 0, len(plain))
                    for f in self._of_document(doc)[0].get(self._caption(doc, block), []) if cell in f.cells][:1]
        return [self._mark(doc, f.record, a, b) for f in self._of_document(doc)[0].get(block.anchor, [])
                for a, b in f.marks if plain[a:b]]

    def document_sections(self, doc: Document, src: str) -> list[str]:
        """The page's indicator table, by period: a row per record, its name linking to the
        period page (the text's marks link there too, and the popup reads a mark's name,
        period and reading from the row whose 出处 is the mark's paragraph: glossary.js)."""
        mine = self._of_document(doc)[1]
        if not mine or not self.vocabulary.indicators:
            return []
        parts = ["## 主要指标 { #indicators }",
                 f"本文报告的实际值和目标值，共 {len(mine)} 条，按时期分组；点击出处回到原文段落。"
                 f"[各地比较]({urls.link(src, INDEX)}) · " + downloads(src)]
        periods = sorted({r.period for r in mine},
                         key=lambda p: min(section_order(k, p, doc.meta.year) for k in ("actual", "target")))
        for period in periods:
            rows = sorted((r for r in mine if r.period == period),
                          key=lambda r: (self.vocabulary.ids.index(r.indicator)
                                         if r.indicator in self.vocabulary.ids else 99, r.kind, r.sort_key))
            table = []
            for r in rows:
                ind = self.vocabulary.get(r.indicator)
                name = (f'<a href="{html_attr(urls.href(src, period_page(r.indicator, r.kind, r.period)))}">'
                        f"{html_text(ind.name if ind else r.indicator)}</a>")
                text = html_text(figure_text(r))
                cut = r.quote if len(r.quote) <= SHORT_QUOTE else r.quote[:SHORT_QUOTE - 1] + "…"
                short = html_text(title_text(cut))
                # the whole quote as the link's title only where the link text cuts it short (a title
                # repeating the text was 13 KB of the 14 document pages)
                quote = f' title="{html_attr(title_text(r.quote))}"' if len(r.quote) > SHORT_QUOTE else ""
                where = f'<a href="#{token(r.anchor)}"{quote}>¶{html_text(r.anchor)} {short}</a>'
                table.append([name, text if r.kind == "actual" else "", text if r.kind == "target" else "", where])
            parts.append(f"### {period_label(period)} {{ #indicators-{period} }}")
            parts.append(sortable_html(["指标", "实际", "目标", "出处"], table))
        return ["\n\n".join(parts)]

    def search_cards(self) -> list[dict]:
        """A card per indicator with records, for the search page: its comparison page."""
        out = []
        for ind in self._present():
            mine = [r for r in self.records if r.indicator == ind.id]
            out.append({"keys": [ind.name, *ind.synonyms], "kind": "指标", "title": ind.name,
                        "text": f"{len({r.region for r in mine})} 个地区的目标和实际，共 {len(mine)} 条记录",
                        "url": urls.url_path(page(ind.id)), "more": "各地对照"})
        return out

    def home_door(self, src: str) -> str:
        """The home page's 指标 card: the overview and the headline indicators, each linking
        straight to the latest year's targets of every region (one tap to the comparison)."""
        present = self._present()
        if not present:
            return ""
        year = str(self.site.year)
        latest = [i for i in present if self.site.has_period(i.id, "target", year)][:5]
        if latest:
            links = "、".join(f"[{escape(i.name)}]({urls.link(src, period_page(i.id, 'target', year))})"
                             for i in latest)
            body = f"各地的目标和完成情况并列比较，每个数字都链接到原文段落。{year}年各地目标：{links}"
        else:
            links = "、".join(f"[{escape(i.name)}]({urls.link(src, page(i.id))})" for i in present[:5])
            body = f"各地的目标和完成情况并列比较，每个数字都链接到原文段落：{links}"
        return door("指标", urls.link(src, INDEX), body)

    def region_sections(self, region: Region, src: str) -> list[str]:
        """The region page's key figures (``region_figures``)."""
        if not hasattr(self, "_by_region"):
            self._by_region: dict[str, list[Record]] = defaultdict(list)
            for r in self.records:
                self._by_region[r.region].append(r)
        section = region_figures.key_figures(self.cat, self.vocabulary, self._by_region.get(region.name, []),
                                             region, src)
        return [section] if section else []

    # -- own pages -----------------------------------------------------------------------

    def _present(self) -> list:
        return [i for i in self.vocabulary.indicators if any(r.indicator == i.id for r in self.records)]

    def pages(self) -> dict[str, str | bytes]:
        if not self.vocabulary.indicators:  # a corpus without corpus/indicators.yml
            return {}
        files: dict[str, str | bytes] = {INDEX: self.site.overview(self._matrix_links(INDEX))}
        for ind in self._present():
            levels = [self.views.escalation(ind, year) for year in self.site.target_years()]
            files.update(self.site.indicator_pages(ind, [*(p for p in levels if p), *self.views.attainment(ind)]))
        files.update(self.site.charts)
        files.update(self.matrix)
        files[PANEL] = compress(panel_csv(self.records, self.cat.corpus, self.vocabulary))
        glossary = load_glossary(self.cat.corpus.root)
        files[DB] = edition_sqlite(self.cat.corpus, self.vocabulary, self.records, self.parents, glossary,
                                   [occurrence_of(row) for d in self.cat.corpus.documents
                                    for row in self.cat.analyses.get(self.occurrence_analysis, d)])
        files[DATAPACKAGE] = datapackage(self.settings.site_name)
        return files

    def _matrix_years(self) -> list[int]:
        return sorted({int(path.split("targets-")[1].split("/")[0]) for path in self.matrix}, reverse=True)

    def _matrix_links(self, src: str) -> str:
        years = self._matrix_years()
        if not years:
            return ""
        return "各年目标一览（每个地区每个主要指标：目标、未提出或仅定性）：" + " · ".join(
            f"[{year}年]({urls.link(src, matrix_index(year))})" for year in years)

    def nav(self) -> list[NavItem]:
        if not self.vocabulary.indicators:
            return []
        matrices = [{f"{year}年目标一览": [matrix_index(year), *(
            {label(p.name): matrix_page(year, p)} for p in self.cat.prefectures()
            if matrix_page(year, p) in self.matrix)]} for year in self._matrix_years()]
        # One nested group per category: a section's direct children show on every page,
        # so indicator pages listed there would put a link per indicator into every page;
        # inside a group, navigation.prune leaves them out except on the group's own pages.
        groups: dict[str, list[NavItem]] = {}
        for i in self._present():
            groups.setdefault(i.category or "其他", []).append({label(i.name): page(i.id)})
        return [{"指标": [INDEX, *matrices, *({label(cat): items} for cat, items in groups.items())]}]
