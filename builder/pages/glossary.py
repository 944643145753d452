"""The glossary on the site: links in the text, the index, one page per term, the data file.

- ``spans``: every occurrence in a paragraph or a table body cell links to its
  term page, with the expansion as ``data-tip``, which the edition's one
  popup (``glossary.js``) shows on hover, focus and tap. No ``title``:
  a title would show a second, browser tooltip over the popup.
  Headings and table header cells are left as they are: a heading is itself
  a link target whose text MkDocs copies into the table of contents and
  next to its ¶ permalink, and a link there would nest one link in another;
  a header cell labels a column. Their occurrences are still listed on the
  term page (a heading's link goes to the heading's own anchor).
- ``pages``: ``glossary/index.md`` (terms grouped by the level that set
  them: 中央, 山西省, then each city and county), ``glossary/<id>.md``,
  ``data/glossary.json`` and ``data/jieba-userdict.txt`` (the search's
  jieba user dictionary, published for anyone segmenting these texts).
- ``nav``: a 术语 section, grouped by level like the index.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence

from builder.chinese.userdict import user_words, userdict_text
from builder.corpus.glossary import OTHER_LEVELS, UPPER_LEVELS, Glossary, Source, Term, load_glossary
from builder.corpus.model import Block, Document
from builder.corpus.regions import Region
from builder.escape import markdown_text as escape
from builder.escape import nav_label as label
from builder.escape import page_title, title, token
from builder.glossary.occurrences import Matcher, Occurrence, find_occurrences, in_text
from builder.pages import region_slogans, urls
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.markdown import inline
from builder.pages.nav import NavItem
from builder.pages.settings import SiteSettings

INDEX = "glossary/index.md"
DATA = "data/glossary.json"
USERDICT = "data/jieba-userdict.txt"
#: How many of the most used terms the home page's 术语 card lists.
HOME_TERMS = 10
UNKNOWN_TEXT = "含义待考：本版语料和已核实的公开来源都没有逐项说明"


def term_page(term: Term) -> str:
    return f"glossary/{term.id}.md"


def tooltip(term: Term) -> str:
    """The text shown on hover or tap: the expansion, or a note that it is not known."""
    text = term.expansion if term.known else f"{UNKNOWN_TEXT}。{term.explanation}"
    return title(text)


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
        self.matcher = Matcher(self.glossary)
        self.occurrences = find_occurrences(cat.corpus, self.glossary)
        self.by_term: dict[str, list[Occurrence]] = defaultdict(list)
        for o in self.occurrences:
            self.by_term[o.term_id].append(o)

    # -- document pages -------------------------------------------------------------

    def spans(self, doc: Document, block: Block, cell: tuple[int, int] | None, plain: str) -> Sequence[Span]:
        if block.kind == "heading" or (cell is not None and cell[0] == 0):
            return []
        raw = block.rows[cell[0]][cell[1]] if cell else block.text
        found, matches = in_text(self.matcher, raw)
        if found != plain:  # the renderer handed a different text: mark nothing rather than the wrong place
            return []
        src = urls.document(doc)
        return [Span(m.start, m.end, "[",
                     f"]({urls.link(src, term_page(m.term))})"
                     f"{{ .term data-term=\"{token(m.term.id)}\" data-tip=\"{tooltip(m.term)}\" }}")
                for m in matches]

    def document_sections(self, doc: Document, src: str) -> list[str]:
        return []

    def search_cards(self) -> list[dict]:
        """A card per term for the search page (``search_cards``): its meaning and its page."""
        return [{"keys": [t.term, *t.variants], "kind": "术语", "title": t.term,
                 "text": tooltip(t), "url": urls.url_path(term_page(t)),
                 "more": f"含义、出处和全部 {len(self.by_term[t.id])} 处出现"}
                for t in self.glossary.terms]

    def home_door(self, src: str) -> str:
        """The home page's 术语 card: the index and the terms used in the most documents."""
        if not self.glossary.terms:
            return ""
        common = sorted(self.glossary.terms, key=lambda t: (-self._docs_count(t), -len(self.by_term[t.id]), t.term))
        links = "、".join(f"[{inline(t.term)}]({urls.link(src, term_page(t))})" for t in common[:HOME_TERMS])
        return (f"-   **[术语]({urls.link(src, INDEX)})**\n\n"
                f"    {len(self.glossary.terms)} 个提法的含义和出处；最常见的：{links}")

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
        groups: dict[str, list[Term]] = defaultdict(list)
        for t in self.glossary.terms:
            groups[t.level].append(t)
        order = sorted(groups, key=lambda lv: level_order(self.cat, lv))
        return [(lv, sorted(groups[lv], key=lambda t: (-len(self.by_term[t.id]), t.term))) for lv in order]

    def pages(self) -> dict[str, str | bytes]:
        files: dict[str, str | bytes] = {INDEX: self.index_page(), DATA: self.data_file(),
                                         USERDICT: userdict_text(user_words(self.cat.corpus))}
        for t in self.glossary.terms:
            files[term_page(t)] = self.term_page(t)
        return files

    def nav(self) -> list[NavItem]:
        groups: list[NavItem] = [{label(lv): [{label(t.term): term_page(t)} for t in terms]}
                                 for lv, terms in self.levels()]
        return [{"术语": [INDEX, *groups]}]

    def _docs_count(self, term: Term) -> int:
        return len({o.doc_id for o in self.by_term[term.id]})

    def index_page(self) -> str:
        src = INDEX
        parts = ["# 术语：编号口号 { #glossary }",
                 "政府工作报告常用带数字的提法概括一组任务，如“六稳”“六保”“三零”。"
                 "本页按提出层级列出本版收录的提法；点开每一条可以看到它的含义、出处，"
                 "以及它在各地报告中出现的每一处。正文中的这些提法都链接到这里，"
                 "鼠标悬停或轻点即可看到含义。",
                 "“十三五”“十四五”（以及普法的“七五”“八五”）是五年规划的期次，"
                 "如“十四五”指第十四个五年规划时期（2021—2025年），不另立词条。",
                 f"共 {len(self.glossary.terms)} 条，在正文中出现 {len(self.occurrences)} 处。"
                 f"数据下载：[glossary.json]({urls.link(src, DATA)})。"]
        for lv, terms in self.levels():
            rows = [f"| [{inline(t.term)}]({urls.link(src, term_page(t))}) | "
                    f"{inline(t.expansion) if t.known else '待考'} | {len(self.by_term[t.id])} | "
                    f"{self._docs_count(t)} |" for t in terms]
            parts += [f"## {inline(lv)} {{ #level-{self._level_slug(lv)} }}",
                      "| 术语 | 含义 | 出现次数 | 文件数 |\n|---|---|---|---|\n" + "\n".join(rows)]
        return "\n\n".join(parts) + "\n"

    def _level_slug(self, level: str) -> str:
        region = self.cat.corpus.regions.get(level)
        slugs = {"中央": "zhongyang", "山西省": "shanxi", "通用": "tongyong", "不详": "buxiang"}
        return region.slug if region else slugs.get(level, "other")

    def _source_line(self, src: str, source: Source) -> str:
        if source.public:
            return f"- {inline(source.public)}"
        doc = self.cat.corpus.by_id(source.doc_id)
        if doc is None:  # builder check reports it; the page still builds
            return f"- {inline(source.doc)}"
        return (f"- [{inline(doc.meta.title)}]({urls.link(src, urls.document(doc))}#{token(source.anchor or '')})"
                f"，¶ {escape(source.anchor or '')}")

    def kwic(self, o: Occurrence) -> str:
        """The sentence with the term marked: ``…扎实做好“<mark>六稳</mark>”工作…``."""
        c, a, b = o.context, o.context_start, o.context_start + (o.end - o.start)
        return f"{escape(c[:a])}<mark>{escape(c[a:b])}</mark>{escape(c[b:])}"

    def spread(self, term: Term) -> str:
        """Counts per prefecture, then per region under it: how far a slogan travels."""
        occ = self.by_term[term.id]
        per_region = Counter(self.cat.region_of(self.cat.corpus.by_id(o.doc_id)).name for o in occ)
        per_prefecture: Counter[str] = Counter()
        for name, n in per_region.items():
            per_prefecture[self.cat.corpus.regions.get(name).prefecture] += n
        rows = []
        for prefecture in self.cat.prefectures():
            if not per_prefecture[prefecture.name]:
                continue
            rows.append(f"| **{inline(prefecture.name)}** | 合计 | **{per_prefecture[prefecture.name]}** |")
            for r in [prefecture, *self.cat.children_with_pages(prefecture)]:
                if per_region[r.name]:
                    rows.append(f"| {inline(prefecture.name)} | {inline(r.name)} | {per_region[r.name]} |")
        reached = len(per_region)
        total = len(self.cat.regions_with_pages()) - len(self.cat.prefectures())
        head = (f"在 {len(per_prefecture)} 个地级市的 {reached} 个地区（含地级市本级）的报告中共出现 {len(occ)} 次。"
                f"本版收录 {len(self.cat.prefectures())} 个地级市、{total} 个县（市、区）。")
        return head + "\n\n| 地级市 | 地区 | 次数 |\n|---|---|---|\n" + "\n".join(rows)

    def term_page(self, term: Term) -> str:
        src = term_page(term)
        occ = self.by_term[term.id]
        facts = [("含义", inline(term.expansion) if term.known else UNKNOWN_TEXT),
                 ("说明", inline(term.explanation)),
                 ("提出层级", inline(term.level))]
        if term.variants:
            facts.append(("其他写法", "、".join(inline(v) for v in term.variants)))
        related = [self.glossary.by_id(r) for r in term.related]
        if any(related):
            facts.append(("相关术语", "、".join(f"[{inline(r.term)}]({urls.link(src, term_page(r))})"
                                           for r in related if r)))
        card = "\n\n".join(f"{k}\n:   {v}" for k, v in facts)
        sources = "\n".join(self._source_line(src, s) for s in term.sources) or "暂无出处。"
        if term.sources and not term.known:
            sources = "这些段落说明了提法的来历，但没有逐项解释含义：\n\n" + sources
        parts = [f"---\ntitle: {page_title(term.term + ' · 术语')}\n---",
                 f"# {inline(term.term)} {{ #term }}",
                 card,
                 "## 出处 { #sources }", sources,
                 "## 分布 { #spread }", self.spread(term) if occ else "本版正文中没有出现。",
                 f"## 出现位置（{len(occ)} 处） {{ #occurrences }}"]
        by_doc: dict[str, list[Occurrence]] = defaultdict(list)
        for o in occ:
            by_doc[o.doc_id].append(o)
        for doc in self.cat.documents:
            if doc.id not in by_doc:
                continue
            doc_src = urls.link(src, urls.document(doc))
            region = self.cat.region_of(doc)
            place = " › ".join(inline(r.name) for r in self.cat.hierarchy(region))
            items = [f"1. {self.kwic(o)} [¶ {escape(o.anchor)}]({doc_src}#{token(o.anchor)})"
                     "{ .kwic-link title=\"到原文此段\" }" for o in by_doc[doc.id]]
            parts += [f"### {place} · {inline(doc.meta.title)} {{ #in-{token(doc.id)} }}",
                      f"[打开文件]({doc_src})，{len(by_doc[doc.id])} 处：", "\n".join(items)]
        return "\n\n".join(parts) + "\n"

    # -- data ---------------------------------------------------------------------

    def data_file(self) -> str:
        terms = []
        for t in self.glossary.terms:
            terms.append({
                "id": t.id, "term": t.term, "variants": t.variants,
                "expansion": t.expansion,
                "explanation": t.explanation, "level": t.level,
                "sources": [{"doc": s.doc} if s.doc else {"public": s.public} for s in t.sources],
                "related": t.related,
                "occurrences": [{"doc_id": o.doc_id, "anchor": o.anchor, "context": o.context}
                                for o in self.by_term[t.id]],
            })
        return json.dumps(terms, ensure_ascii=False, indent=1) + "\n"
