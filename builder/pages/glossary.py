"""The glossary on the site: links in the text, the index, one page per term, the data file.

- ``spans``: every occurrence in a paragraph or a table body cell links to its
  term page, at the anchor of the sense used there (``#sense-<key>``), as an
  HTML link (document bodies are pre-rendered) whose address names the term and
  the sense (``glossary/<id>/#sense-<key>``: no ``data-term``/``data-sense``
  repeating them, 40 KB of the 14 document pages); the edition's one popup (``glossary.js``)
  shows that sense's expansion on hover, focus and tap, from ``TIPS``, one
  small file for every page, fetched once (the text repeated on every
  occurrence was 8 KB of a report page). No ``title``: a title would show a
  second, browser tooltip over the popup. An occurrence the text leaves open (no sense assigned) links
  to the term page and says so instead of lending it another sense's expansion.
  Headings and table header cells are left as they are: a heading is itself
  a link target whose text MkDocs copies into the table of contents; a
  header cell labels a column. Their occurrences are still listed.
- ``pages``:
  - ``glossary/index.md``: a filter box (characters, pinyin with or without
    tones, English) over every term, then the terms by the level of each of
    their senses (中央, 山西省, each city and county, 通用, 不详); a term whose
    meaning is unknown is marked 待考 and styled apart;
  - ``glossary/<id>.md``: pinyin, English rendering or the note that none is
    established, then each sense with its evidence (语料 quoted, 公开来源
    named and dated, 推断 printed as an inference), its confidence, the first
    ``KWIC_FIRST`` occurrences in context with the count and a link onward;
    the occurrences no sense claims; where the term travels (diffusion);
  - ``glossary/kwic/<id>-<sense>-<n>.md``: the occurrences of one sense,
    ``KWIC_PAGE`` a page, at most ``KWIC_PAGES`` pages (the first 500, in
    document order). Every occurrence on a page of its own made the glossary
    grow with the corpus (60 KB per document at N = 1,000, a 26 MB glossary at
    N = 300); capped, neither a page nor the number of pages does. A sense that
    has more says so on its last page and on the term page: how many there are
    in all and how many are listed, with a link to the full-text search for the
    term (every paragraph that uses it, ``search/?q=…``) and to
    ``DATA``, which still lists every occurrence;
  - ``DATA`` (``data/glossary.json.gz``: the JSON gzip-compressed, as no page script reads it;
    ``builder.pages.indicator_data`` says why) and ``data/jieba-userdict.txt``;
  - ``TIPS``: ``{term id: {sense key: tooltip text}}``, ``unassigned`` included.
- ``nav``: a 术语 section, grouped by level like the index.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cached_property

from builder.chinese.userdict import user_words, userdict_text
from builder.corpus.glossary import OTHER_LEVELS, UPPER_LEVELS, Evidence, Glossary, Sense, Term, load_glossary
from builder.corpus.model import Block, Document
from builder.corpus.regions import Region
from builder.escape import html_attr, html_text, page_title, title, token, url_query
from builder.escape import markdown_text as escape
from builder.escape import nav_label as label
from builder.glossary.occurrences import Occurrence, OccurrenceAnalysis, in_text, occurrence_of, sentence
from builder.glossary.pinyin import generated, toneless
from builder.glossary.senses import sense_of
from builder.pages import region_slogans, urls
from builder.pages.analyses import Analysis
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.markdown import door, inline
from builder.pages.nav import NavItem
from builder.pages.prerendered import wrap
from builder.pages.search import RESULTS_PAGE
from builder.pages.settings import SiteSettings
from builder.search.packed import compress

INDEX = "glossary/index.md"
DATA = "data/glossary.json.gz"
USERDICT = "data/jieba-userdict.txt"
#: The popup's texts (``tips_file``); ``glossary.js`` finds it from its own address.
TIPS = "glossary/tips.json"
#: How many of the most used terms the home page's 术语 card lists.
HOME_TERMS = 10
UNKNOWN_TEXT = "含义待考：本版语料和已核实的公开来源都没有逐项说明"
UNASSIGNED_TEXT = "此处未说明所指：原文没有交代是哪一种含义，本版不套用别处的解释"
NO_ENGLISH = "暂无通行的英文译法（no established English rendering）"
#: Occurrences shown per sense on a term page; the rest are on the sense's KWIC pages.
KWIC_FIRST = 10
#: Occurrences per KWIC page.
KWIC_PAGE = 100
#: KWIC pages per sense at most: the glossary's bytes stay flat as the corpus grows; the
#: occurrences beyond are reached through the full-text search and ``DATA``.
KWIC_PAGES = 5
UNASSIGNED_KEY = "unassigned"
CONFIDENCE_TEXT = {"high": "高", "medium": "中", "low": "低"}
EVIDENCE_TEXT = {"corpus": "语料", "public": "公开来源", "inference": "推断"}
KIND_TEXT = {"numbered": "带数字的提法", "phrase": "提法（不带数字）"}


def term_page(term: Term) -> str:
    return f"glossary/{term.id}.md"


def kwic_page(term: Term, key: str, n: int) -> str:
    return f"glossary/kwic/{term.id}-{key}-{n}.md"


def href(from_src: str, to_src: str) -> str:
    """A relative URL for raw HTML (MkDocs rewrites only Markdown links): ``liuwen/`` from the index."""
    rel = urls.relpath(urls.url_path(to_src) or ".", urls.url_path(from_src) or ".")
    return rel + "/" if urls.url_path(to_src).endswith("/") else rel


def tooltip(term: Term, sense: Sense | None) -> str:
    """The text shown on hover or tap: the sense's expansion, a note that it is unknown, or unassigned."""
    if sense is None:
        text = UNASSIGNED_TEXT
    elif sense.known:
        text = sense.expansion
    else:
        text = f"{UNKNOWN_TEXT}。{sense.explanation}"
    return title(text)


def summary(term: Term) -> str:
    """A term's meaning in one line (search cards): its known expansions, or that it is unknown."""
    known = [s.expansion for s in term.senses if s.known]
    if not known:
        return title(f"{UNKNOWN_TEXT}。{term.senses[0].explanation}")
    text = known[0] if len(term.senses) == 1 else "；".join(f"（{i}）{e}" for i, e in enumerate(known, 1))
    return title(text)


def reading(term: Term) -> str:
    return term.pinyin or generated(term.term)


def level_order(cat: Catalogue, level: str) -> tuple:
    """中央, 山西省, then regions by division code (a city before its counties), then 通用, 不详."""
    if level in UPPER_LEVELS:
        return (UPPER_LEVELS.index(level), "")
    if level in OTHER_LEVELS:
        return (len(UPPER_LEVELS) + 1 + OTHER_LEVELS.index(level), "")
    region = cat.corpus.regions.get(level)
    return (len(UPPER_LEVELS), region.code if region else level)


class GlossaryPages:
    """The glossary feature (see module docstring), built once per build."""

    def __init__(self, cat: Catalogue, settings: SiteSettings) -> None:
        self.cat = cat
        self.glossary: Glossary = load_glossary(cat.corpus.root)
        self.analysis = OccurrenceAnalysis(self.glossary)
        self.matcher = self.analysis.matcher
        self._captions: dict[str, dict[int, str]] = {}

    def analyses(self) -> list[Analysis]:
        return [self.analysis]

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Every occurrence, in catalogue order of the documents, then text order. Asked for by the
        pages that gather documents only, never by a document page (a shard build needs none)."""
        return [occurrence_of(row) for doc in self.cat.documents
                for row in self.cat.analyses.get(self.analysis, doc)]

    @cached_property
    def by_term(self) -> dict[str, list[Occurrence]]:
        out: dict[str, list[Occurrence]] = defaultdict(list)
        for o in self.occurrences:
            out[o.term_id].append(o)
        return out

    def by_sense(self, term: Term) -> dict[str, list[Occurrence]]:
        """Occurrences per sense key (``UNASSIGNED_KEY`` for those no sense claims), in document order."""
        out: dict[str, list[Occurrence]] = {s.key: [] for s in term.senses}
        for o in self.by_term[term.id]:
            out.setdefault(o.sense or UNASSIGNED_KEY, []).append(o)
        return out

    # -- document pages -------------------------------------------------------------

    def spans(self, doc: Document, block: Block, cell: tuple[int, int] | None, plain: str) -> Sequence[Span]:
        if block.kind == "heading" or (cell is not None and cell[0] == 0):
            return []
        raw = block.rows[cell[0]][cell[1]] if cell else block.text
        found, matches = in_text(self.matcher, raw)
        if found != plain:  # the renderer handed a different text: mark nothing rather than the wrong place
            return []
        src = urls.document(doc)
        anchor = self._anchor_of(doc, block)
        out = []
        for m in matches:
            sense = sense_of(m.term, doc.id, anchor, sentence(plain, m.start, m.end)[0])
            key = sense.key if sense else UNASSIGNED_KEY
            out.append(Span(m.start, m.end,
                            f'<a class="term" href="{urls.href(src, term_page(m.term))}#sense-{token(key)}">',
                            "</a>"))
        return out

    def _anchor_of(self, doc: Document, block: Block) -> str:
        """The permalink an occurrence in ``block`` points to: its own, or a table's caption."""
        if block.kind != "table":
            return block.anchor
        if doc.id not in self._captions:
            anchor, captions = "", {}
            for b in doc.blocks:
                if b.kind == "table":
                    captions[id(b)] = anchor
                else:
                    anchor = b.anchor
            self._captions = {doc.id: captions}  # one document at a time: memory stays flat
        return self._captions[doc.id].get(id(block), "")

    def document_sections(self, doc: Document, src: str) -> list[str]:
        return []

    def search_cards(self) -> list[dict]:
        """A card per term for the search page (``search_cards``): its meaning and its page."""
        return [{"keys": [t.term, *t.variants], "kind": "术语", "title": t.term,
                 "text": summary(t), "url": urls.url_path(term_page(t)),
                 "more": f"含义、出处和全部 {len(self.by_term[t.id])} 处出现"}
                for t in self.glossary.terms]

    def home_door(self, src: str) -> str:
        """The home page's 术语 card: the index and the terms used in the most documents."""
        if not self.glossary.terms:
            return ""
        common = sorted(self.glossary.terms, key=lambda t: (-self._docs_count(t), -len(self.by_term[t.id]), t.term))
        links = "、".join(f"[{inline(t.term)}]({urls.link(src, term_page(t))})" for t in common[:HOME_TERMS])
        return door("术语", urls.link(src, INDEX), f"{len(self.glossary.terms)} 个提法的含义和出处；最常见的：{links}")

    def region_sections(self, region: Region, src: str) -> list[str]:
        """The region page's most used terms (``region_slogans``)."""
        if not hasattr(self, "_per_doc"):
            self._per_doc: dict[str, Counter[str]] = defaultdict(Counter)
            for o in self.occurrences:
                self._per_doc[o.doc_id][o.term_id] += 1
        counts: Counter[str] = Counter()
        for d in self.cat.documents_of(region):
            counts.update(self._per_doc.get(d.id, Counter()))
        section = region_slogans.slogans(self.glossary, counts, region, src,
                                         lambda s, t: urls.link(s, term_page(t)))
        return [section] if section else []

    # -- pages --------------------------------------------------------------------

    def levels(self) -> list[tuple[str, list[Term]]]:
        """Each level with the terms that have a sense set at that level (a term may be under several)."""
        groups: dict[str, list[Term]] = defaultdict(list)
        for t in self.glossary.terms:
            for lv in dict.fromkeys(s.level for s in t.senses):
                groups[lv].append(t)
        order = sorted(groups, key=lambda lv: level_order(self.cat, lv))
        return [(lv, sorted(groups[lv], key=lambda t: (-len(self.by_term[t.id]), t.term))) for lv in order]

    def pages(self) -> dict[str, str | bytes]:
        files: dict[str, str | bytes] = {INDEX: self.index_page(), DATA: compress(self.data_file()),
                                         TIPS: self.tips_file(),
                                         USERDICT: userdict_text(user_words(self.cat.corpus))}
        for t in self.glossary.terms:
            files[term_page(t)] = self.term_page(t)
            for key, occ in self.by_sense(t).items():
                for n in range(1, self._page_count(occ) + 1):
                    files[kwic_page(t, key, n)] = self.kwic_list_page(t, key, occ, n)
        return files

    @staticmethod
    def _page_count(occ: list[Occurrence]) -> int:
        """How many KWIC pages a sense gets: none when the term page lists them all, else at most
        ``KWIC_PAGES``."""
        return min(KWIC_PAGES, -(-len(occ) // KWIC_PAGE)) if len(occ) > KWIC_FIRST else 0

    @staticmethod
    def _listed(occ: list[Occurrence]) -> int:
        """How many of a sense's occurrences its KWIC pages list: the first ``KWIC_PAGES`` pages' worth."""
        return min(len(occ), KWIC_PAGES * KWIC_PAGE)

    def _elsewhere(self, src: str, term: Term, occ: list[Occurrence]) -> str:
        """Where the occurrences a capped list leaves out are: ``其余 734 处不逐条列出``, the full-text
        search for the term (every paragraph that uses it, whatever the sense) and the data download,
        which lists every one. Empty when the pages list them all."""
        listed = self._listed(occ)
        if listed == len(occ):
            return ""
        search = urls.link(src, RESULTS_PAGE) + url_query({"q": term.term})
        return (f"其余 {len(occ) - listed} 处不逐条列出：[在全文搜索中查“{inline(term.term)}”]({search})"
                f"可看到用它的每一段（不分义项），完整列表见数据下载 "
                f"[{posixpath.basename(DATA)}]({urls.link(src, DATA)})（每一处的文件和段落；gzip 压缩）。")

    def nav(self) -> list[NavItem]:
        groups: list[NavItem] = [{label(lv): [{label(t.term): term_page(t)} for t in terms]}
                                 for lv, terms in self.levels()]
        return [{"术语": [INDEX, *groups]}]

    def _docs_count(self, term: Term) -> int:
        return len({o.doc_id for o in self.by_term[term.id]})

    def _filter_text(self, term: Term) -> str:
        """What the filter box matches: characters, pinyin with and without tones, English."""
        py = reading(term)
        parts = [*term.forms, py, toneless(py), toneless(py).replace(" ", "")]
        if term.english:
            parts.append(term.english.text.lower())
        return " ".join(parts)

    def _index_item(self, term: Term, level: str) -> str:
        senses = [s for s in term.senses if s.level == level]
        known = [s for s in senses if s.known]
        meaning = "；".join(html_text(s.expansion) for s in known) or "待考"
        cls = "glossary-entry" + ("" if known else " glossary-entry--unknown")
        english = f' <span class="glossary-en">{html_text(term.english.text)}</span>' if term.english else ""
        more = f"（共 {len(term.senses)} 义）" if len(term.senses) > 1 else ""
        return (f'<li class="{cls}" data-filter="{html_attr(self._filter_text(term))}">'
                f'<a href="{html_attr(href(INDEX, term_page(term)))}">{html_text(term.term)}</a> '
                f'<span class="glossary-py" lang="zh-Latn-pinyin">{html_text(reading(term))}</span>{english}'
                f'<span class="glossary-meaning">{meaning}{more}</span>'
                f'<span class="glossary-count">{len(self.by_term[term.id])} 处 · {self._docs_count(term)} 份文件'
                f'</span></li>')

    def index_page(self) -> str:
        src = INDEX
        unknown = sum(1 for t in self.glossary.terms if not t.known)
        parts = ["# 术语：口号与提法 { #glossary }",
                 "政府工作报告常用带数字的提法概括一组任务，如“六稳”“六保”“三零”，也有“转型出雏型”这样不带数字的提法。"
                 "同一个提法在不同文件里可能指不同的事（“五个一批”在离石区是精准扶贫，在静乐县是林业生态工程），"
                 "本版把每一种含义列为一个义项，并注明依据：语料原文（引出原句）、写明日期的公开文件，"
                 "或本版的推断（标为推断）。正文中的提法都链接到所用的义项，原文没有交代是哪一种时就不给解释，并如实说明。",
                 "“十三五”“十四五”是五年规划的期次，如“十四五”指第十四个五年规划时期（2021—2025年）；"
                 "“七五”“八五”普法是第七、第八个五年法治宣传教育规划，都不另立词条。",
                 f"共 {len(self.glossary.terms)} 条，{sum(len(t.senses) for t in self.glossary.terms)} 个义项，"
                 f"其中 {unknown} 条含义待考（以虚线框标出），在正文中出现 {len(self.occurrences)} 处。"
                 f"数据下载：[{posixpath.basename(DATA)}]({urls.link(src, DATA)})（gzip 压缩）。",
                 '<div class="glossary-filter" markdown="0"><label for="glossary-filter">筛选</label> '
                 '<input type="search" id="glossary-filter" autocomplete="off" '
                 'placeholder="汉字、拼音（liuwen、liù wěn）或英文"> '
                 '<output id="glossary-filter-count" for="glossary-filter"></output></div>']
        for lv, terms in self.levels():
            parts += [f"## {inline(lv)} {{ #level-{self._level_slug(lv)} }}",
                      '<ul class="glossary-list">\n' + "\n".join(self._index_item(t, lv) for t in terms) + "\n</ul>"]
        parts.append('<p id="glossary-filter-none" hidden>没有符合的术语。</p>')
        return "\n\n".join(parts) + "\n"

    def _level_slug(self, level: str) -> str:
        region = self.cat.corpus.regions.get(level)
        slugs = {"中央": "zhongyang", "山西省": "shanxi", "通用": "tongyong", "不详": "buxiang"}
        return region.slug if region else slugs.get(level, "other")

    def _evidence_line(self, src: str, e: Evidence) -> str:
        kind = f"**{EVIDENCE_TEXT[e.type]}**"
        if e.public:
            return f"- {kind}：{inline(e.public)}"
        if e.inference:
            return f"- {kind}（本版的推断，不是原文）：{inline(e.inference)}"
        doc = self.cat.corpus.by_id(e.doc_id or "")
        anchor = e.anchor or ""
        where = (f"[{inline(doc.meta.title)}]({urls.link(src, urls.document(doc))}#{token(anchor)})，¶ {escape(anchor)}"
                 if doc else inline(e.corpus or ""))
        return f"- {kind}：“{inline(e.quote or '')}”——{where}"

    def kwic(self, o: Occurrence) -> str:
        """The sentence with the term marked, as HTML: ``…扎实做好“<mark>六稳</mark>”工作…``."""
        c, a, b = o.context, o.context_start, o.context_start + (o.end - o.start)
        return f"{html_text(c[:a])}<mark>{html_text(c[a:b])}</mark>{html_text(c[b:])}"

    def _kwic_items(self, src: str, occ: list[Occurrence], start: int = 1) -> str:
        """The occurrences as a numbered list from ``start``, pre-rendered (``builder.pages.prerendered``):
        the markup Python-Markdown made of the list, so that ``mkdocs build`` need not parse a KWIC
        page's 100 items (its Markdown time on those pages), and numbered as the page says
        (第 101—200 处 from 101: Python-Markdown numbered every page's list from 1)."""
        items = []
        for o in occ:
            doc = self.cat.corpus.by_id(o.doc_id)
            region = self.cat.region_of(doc)
            link = f"{urls.href(src, urls.document(doc))}#{token(o.anchor)}"
            items.append(f"<li>{self.kwic(o)} ——{html_text(region.name)} <a class=\"kwic-link\" "
                         f'href="{html_attr(link)}" title="到原文此段">¶ {html_text(o.anchor)}</a></li>')
        first = f' start="{start}"' if start != 1 else ""
        return wrap(f"<ol{first}>\n" + "\n".join(items) + "\n</ol>")

    def _occurrence_block(self, src: str, term: Term, key: str, occ: list[Occurrence]) -> list[str]:
        if not occ:
            return ["本版正文中没有这一义项的用例。"]
        docs = len({o.doc_id for o in occ})
        head = f"共 {len(occ)} 处，见于 {docs} 份文件"
        if len(occ) <= KWIC_FIRST:
            return [head + "：", self._kwic_items(src, occ)]
        onward = urls.link(src, kwic_page(term, key, 1))
        elsewhere = self._elsewhere(src, term, occ)
        if not elsewhere:
            return [f"{head}；下面是前 {KWIC_FIRST} 处，[全部 {len(occ)} 处]({onward})：",
                    self._kwic_items(src, occ[:KWIC_FIRST])]
        return [f"{head}。用例页列出[前 {self._listed(occ)} 处]({onward})，{elsewhere}",
                f"下面是前 {KWIC_FIRST} 处：", self._kwic_items(src, occ[:KWIC_FIRST])]

    def _sense_section(self, src: str, term: Term, sense: Sense, occ: list[Occurrence], n: int) -> list[str]:
        heading = f"义项{n}" if len(term.senses) > 1 else "含义"
        expansion = inline(sense.expansion) if sense.known else UNKNOWN_TEXT
        facts = [("含义", expansion), ("说明", inline(sense.explanation)), ("提出层级", inline(sense.level)),
                 ("可信度", CONFIDENCE_TEXT[sense.confidence])]
        card = "\n\n".join(f"{k}\n:   {v}" for k, v in facts)
        cls = " .sense-unknown" if not sense.known else ""
        parts = [f"## {heading}：{expansion if sense.known else '待考'} {{ #sense-{sense.key}{cls} }}", card]
        for claim, label_text in (("expansion", "含义的依据"), ("level", "层级的依据")):
            items = getattr(sense.evidence, claim)
            if items:
                parts += [f"**{label_text}**", "\n".join(self._evidence_line(src, e) for e in items)]
        parts += [f"### 用例 {{ #occurrences-{sense.key} }}", *self._occurrence_block(src, term, sense.key, occ)]
        return parts

    def spread(self, term: Term) -> str:
        """Where a term travels: the levels it starts at, then counts per prefecture and region
        (each region links to its page, so the table a phone scrolls holds focusable content)."""
        src = term_page(term)
        occ = self.by_term[term.id]
        per_region = Counter(self.cat.region_of(self.cat.corpus.by_id(o.doc_id)).name for o in occ)
        docs_per_region: dict[str, set[str]] = defaultdict(set)
        senses_per_region: dict[str, Counter[str]] = defaultdict(Counter)
        for o in occ:
            name = self.cat.region_of(self.cat.corpus.by_id(o.doc_id)).name
            docs_per_region[name].add(o.doc_id)
            senses_per_region[name][o.sense or UNASSIGNED_KEY] += 1
        per_prefecture: Counter[str] = Counter()
        for name, n in per_region.items():
            per_prefecture[self.cat.corpus.regions.get(name).prefecture] += n
        numbers = {s.key: i for i, s in enumerate(term.senses, 1)}

        def sense_cell(name: str) -> str:
            if len(term.senses) == 1 and UNASSIGNED_KEY not in senses_per_region[name]:
                return "—"
            return "、".join(f"义项{numbers[k]}×{n}" if k in numbers else f"未说明×{n}"
                            for k, n in sorted(senses_per_region[name].items(), key=lambda x: numbers.get(x[0], 99)))

        rows = []
        for prefecture in self.cat.prefectures():
            if not per_prefecture[prefecture.name]:
                continue
            rows.append(f"| **{inline(prefecture.name)}** | 合计 | **{per_prefecture[prefecture.name]}** | | |")
            for r in [prefecture, *self.cat.children_with_pages(prefecture)]:
                if per_region[r.name]:
                    rows.append(f"| {inline(prefecture.name)} | [{inline(r.name)}]({urls.link(src, urls.region(r))}) | "
                                f"{per_region[r.name]} | "
                                f"{len(docs_per_region[r.name])} | {sense_cell(r.name)} |")
        levels = "、".join(dict.fromkeys(inline(s.level) for s in term.senses))
        reached = len(per_region)
        total = len(self.cat.regions_with_pages()) - len(self.cat.prefectures())
        head = (f"提出层级：{levels}。在 {len(per_prefecture)} 个地级市的 {reached} 个地区（含地级市本级）的报告中"
                f"共出现 {len(occ)} 次。本版收录 {len(self.cat.prefectures())} 个地级市、{total} 个县（市、区）。")
        return head + "\n\n| 地级市 | 地区 | 次数 | 文件数 | 义项 |\n|---|---|---|---|---|\n" + "\n".join(rows)

    def term_page(self, term: Term) -> str:
        src = term_page(term)
        occ = self.by_term[term.id]
        english = (f"{inline(term.english.text)}（出处：{inline(term.english.source)}）" if term.english
                   else NO_ENGLISH)
        facts = [("拼音", f"{inline(reading(term))}" + ("" if term.pinyin else "（pypinyin 生成）")),
                 ("英文", english), ("类别", KIND_TEXT[term.kind])]
        if term.variants:
            facts.append(("其他写法", "、".join(inline(v) for v in term.variants)))
        related = [self.glossary.by_id(r) for r in term.related]
        if any(related):
            facts.append(("相关术语", "、".join(f"[{inline(r.term)}]({urls.link(src, term_page(r))})"
                                           for r in related if r)))
        if len(term.senses) > 1:
            facts.append(("义项", f"{len(term.senses)} 个：同一写法在不同文件里所指不同，每处用例归入原文所指的义项"))
        card = "\n\n".join(f"{k}\n:   {v}" for k, v in facts)
        parts = [f"---\ntitle: {page_title(term.term + ' · 术语')}\n---",
                 f"# {inline(term.term)} {{ #term }}", card]
        if term.gaps:
            parts += ["!!! note \"已知缺漏\"\n\n" + "\n".join(f"    - {inline(g)}" for g in term.gaps)]
        groups = self.by_sense(term)
        for n, sense in enumerate(term.senses, 1):
            parts += self._sense_section(src, term, sense, groups[sense.key], n)
        if groups.get(UNASSIGNED_KEY):
            parts += [f"## 未说明所指的用例 {{ #sense-{UNASSIGNED_KEY} }}",
                      "这些地方的原文没有交代用的是哪一种含义，本版不套用别处的解释。",
                      *self._occurrence_block(src, term, UNASSIGNED_KEY, groups[UNASSIGNED_KEY])]
        parts += ["## 分布 { #spread }", self.spread(term) if occ else "本版正文中没有出现。"]
        return "\n\n".join(parts) + "\n"

    def kwic_list_page(self, term: Term, key: str, occ: list[Occurrence], n: int) -> str:
        """One page of a sense's occurrences, with links to the other pages; the last of a capped
        list says how many it leaves out and where they are (``_elsewhere``)."""
        src = kwic_page(term, key, n)
        pages = self._page_count(occ)
        sense = term.sense(key)
        name = (f"义项{term.senses.index(sense) + 1}" if len(term.senses) > 1 else "含义") if sense else "未说明所指"
        start = (n - 1) * KWIC_PAGE
        nav = " · ".join(f"[{i}]({urls.link(src, kwic_page(term, key, i))})" if i != n else f"**{i}**"
                         for i in range(1, pages + 1))
        back = f"[返回 {inline(term.term)}]({urls.link(src, term_page(term))}#sense-{key})"
        elsewhere = self._elsewhere(src, term, occ) if n == pages else ""
        end = [f"共 {len(occ)} 处，以上列出前 {self._listed(occ)} 处，{elsewhere}"] if elsewhere else []
        return "\n\n".join([
            f"---\ntitle: {page_title(term.term + ' · ' + name + ' · 用例')}\n---",
            f"# {inline(term.term)} · {name} · 用例 {{ #kwic }}",
            f"{back}。共 {len(occ)} 处，第 {start + 1}—{min(start + KWIC_PAGE, len(occ))} 处；页：{nav}",
            self._kwic_items(src, occ[start:start + KWIC_PAGE], start + 1),
            *end]) + "\n"

    # -- data ---------------------------------------------------------------------

    @staticmethod
    def _evidence_data(e: Evidence) -> dict:
        return {k: v for k, v in {"type": e.type, "doc": e.corpus, "quote": e.quote, "public": e.public,
                                  "inference": e.inference}.items() if v}

    def tips_file(self) -> str:
        """What the popup shows for each sense of each term, and for an occurrence no sense claims
        (``tooltip``: text that stays text however it is decoded; ``glossary.js`` sets it as text)."""
        tips = {t.id: {**{s.key: tooltip(t, s) for s in t.senses}, UNASSIGNED_KEY: tooltip(t, None)}
                for t in self.glossary.terms}
        return json.dumps(tips, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"

    def data_file(self) -> str:
        """The text of ``DATA`` (published gzip-compressed)."""
        terms = []
        for t in self.glossary.terms:
            terms.append({
                "id": t.id, "term": t.term, "variants": t.variants, "kind": t.kind,
                "pinyin": reading(t), "english": t.english.model_dump() if t.english else None,
                "related": t.related, "gaps": t.gaps,
                "senses": [{"key": s.key, "expansion": s.expansion, "explanation": s.explanation,
                            "level": s.level, "confidence": s.confidence,
                            "evidence": {"expansion": [self._evidence_data(e) for e in s.evidence.expansion],
                                         "level": [self._evidence_data(e) for e in s.evidence.level]}}
                           for s in t.senses],
                # no context sentence: it is in the document's text download, and with it this file
                # would be 25 MB at 1,000 documents (benchmarks/glossary.py)
                "occurrences": [{"doc_id": o.doc_id, "anchor": o.anchor, "sense": o.sense,
                                 "start": o.start, "end": o.end} for o in self.by_term[t.id]],
            })
        return json.dumps(terms, ensure_ascii=False, indent=1) + "\n"
