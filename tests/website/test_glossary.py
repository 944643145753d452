"""The glossary on the built site: every occurrence linked, headings and headers left alone,
term pages listing exactly their occurrences, the index by level and the data file.

Counts are checked against a plain text search of the corpus written here
independently of the builder's matcher: longest form first, a digit term as
a whole number, a ``match: quoted`` term only between quotes or in bold.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.corpus.glossary import Glossary, load_glossary
from builder.corpus.model import Document, plain_inline
from builder.glossary.occurrences import Occurrence, find_occurrences

from .sitebuild import BuiltSite


def _term_and_sense(href: str) -> tuple[str, str]:
    """What glossary.js reads off a term link: ``../../glossary/liuwen/#sense-main`` -> (liuwen, main)."""
    path, _, anchor = href.partition("#")
    assert anchor.startswith("sense-"), href
    return path.rstrip("/").rsplit("/", 1)[-1], anchor.removeprefix("sense-")


class _Page(HTMLParser):
    """Term links with the elements around them, paragraphs with their text and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.terms: list[dict] = []  # {"attrs", "ancestors", "text"}
        self.paragraphs: dict[str, dict] = {}  # id -> {"text", "links"}
        self.links: list[dict[str, str]] = []
        self.headings: list[tuple[str, str]] = []  # (tag, text) of h1/h2

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a":
            self.links.append(a)
            if "term" in a.get("class", "").split():
                term, sense = _term_and_sense(a["href"])
                self.terms.append({"attrs": a, "ancestors": [t for t, _ in self.stack], "text": "",
                                   "in": [x for _, x in self.stack], "term": term, "sense": sense})
        if tag == "p" and a.get("id", "").startswith("p-"):
            self.paragraphs[a["id"]] = {"text": "", "links": []}
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append((tag, a))
        if tag == "a" and self._paragraph():
            self._paragraph()["links"].append(a)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def _paragraph(self) -> dict | None:
        for t, a in reversed(self.stack):
            if t == "p" and a.get("id", "").startswith("p-"):
                return self.paragraphs[a["id"]]
        return None

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "a" and "term" in self.stack[-1][1].get("class", "").split():
            self.terms[-1]["text"] += data
        if (p := self._paragraph()) is not None:
            p["text"] += data
        if self.stack and self.stack[-1][0] in ("h1", "h2"):
            self.headings.append((self.stack[-1][0], data.strip()))


@cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def glossary(built_site: BuiltSite) -> Glossary:
    return load_glossary(built_site.corpus.root)


@pytest.fixture(scope="module")
def occurrences(built_site: BuiltSite, glossary: Glossary) -> list[Occurrence]:
    return find_occurrences(built_site.corpus, glossary)


def linkable_texts(doc: Document) -> list[str]:
    """Corpus text of a document where links belong: paragraphs and table body cells, as stored."""
    out = [b.text for b in doc.blocks if b.kind == "paragraph"]
    out += [cell for b in doc.blocks if b.kind == "table" for row in b.rows[1:] for cell in row]
    return out


def plain_search(glossary: Glossary, raw: str) -> Counter[str]:
    """Occurrences per term id by plain string search, longest form first, each char used once."""
    text = plain_inline(raw.strip())
    bold_text = raw.strip()
    found: Counter[str] = Counter()
    forms = sorted(((f, t) for t in glossary.terms for f in t.forms), key=lambda x: -len(x[0]))
    for form, term in forms:
        pattern = re.escape(form)
        if form[0].isdigit():
            pattern = r"(?<!\d)" + pattern
        if form[-1].isdigit():
            pattern += r"(?!\d)"
        if term.match == "quoted":
            quoted = re.compile(r"(?<=[“‘「『])" + pattern + r"(?=[”’」』])")
            n = len(quoted.findall(text)) + len(re.findall(r"(?<![“‘「『])\*\*" + pattern + r"\*\*", bold_text))
            text = quoted.sub("\0" * len(form), text)
        else:
            n = len(re.findall(pattern, text))
            text = re.sub(pattern, "\0" * len(form), text)
        found[term.id] += n
    return +found


def test_every_occurrence_in_the_text_is_linked(built_site: BuiltSite, glossary: Glossary) -> None:
    total = 0
    for doc in built_site.corpus.documents:
        expected: Counter[str] = Counter()
        for raw in linkable_texts(doc):
            expected += plain_search(glossary, raw)
        links = Counter(t["term"] for t in parse(built_site.html(f"documents/{doc.id}")).terms)
        assert links == expected, doc.id
        total += sum(links.values())
    assert total > 600


def tip(built_site: BuiltSite, link: dict) -> str:
    """What the popup shows for a term link: its sense's text in the shared tips file."""
    tips = json.loads((built_site.site / "glossary" / "tips.json").read_text(encoding="utf-8"))
    return tips[link["term"]][link["sense"]]


def test_a_link_names_its_sense_and_goes_to_the_term_page(built_site: BuiltSite) -> None:
    # lishi-2021-gongzuobaogao#p-6: 扎实做好“六稳”工作、全面落实“六保”任务
    page = parse(built_site.html("documents/lishi-2021-gongzuobaogao"))
    liuwen = next(t for t in page.terms if t["term"] == "liuwen")
    assert liuwen["text"] == "六稳"
    assert tip(built_site, liuwen) == "稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期"
    assert "title" not in liuwen["attrs"]  # one tooltip: the edition's popup
    assert liuwen["attrs"]["href"] == "../../glossary/liuwen/#sense-main"
    assert liuwen["sense"] == "main"


def test_a_term_link_names_its_term_and_sense_only_by_its_address(built_site: BuiltSite) -> None:
    """glossary.js reads the term and sense off the href: no attribute repeats them on every link."""
    links = parse(built_site.html("documents/lishi-2021-shisiwu-guihua-gangyao")).terms
    assert links
    assert all(set(t["attrs"]) == {"class", "href"} for t in links), links[0]["attrs"]


def test_an_occurrence_links_to_the_sense_its_paragraph_supports(built_site: BuiltSite) -> None:
    # 静乐县's 林业生态“五个一批”工程 is not the poverty-relief list of 离石区's plan
    page = parse(built_site.html("documents/jingle-2021-gongzuobaogao"))
    link = next(t for t in page.terms if t["term"] == "wuge-yipi")
    assert link["attrs"]["href"].endswith("glossary/wuge-yipi/#sense-linye-shengtai")
    assert "脱贫一批" not in tip(built_site, link)
    # 灵石县 p-28: “三零”目标 of epidemic control, not 零上访、零事故、零案件
    page = parse(built_site.html("documents/lingshi-2021-gongzuobaogao"))
    sanling = [t for t in page.terms if t["term"] == "sanling"]
    p28 = [t for t in sanling if t["sense"] == "yiqing"]
    assert len(p28) == 1 and tip(built_site, p28[0]).startswith("含义待考")


def test_an_unassigned_occurrence_says_the_text_does_not_tell(built_site: BuiltSite) -> None:
    page = parse(built_site.html("documents/wenxi-2021-gongzuobaogao"))
    link = next(t for t in page.terms if t["term"] == "shuangling")
    assert link["sense"] == "unassigned"
    assert tip(built_site, link).startswith("此处未说明所指")


def test_an_unknown_expansion_says_so_in_the_tooltip(built_site: BuiltSite) -> None:
    page = parse(built_site.html("documents/wenxi-2021-gongzuobaogao"))
    link = next(t for t in page.terms if t["term"] == "n1146")
    assert tip(built_site, link).startswith("含义待考")


def test_the_tooltip_text_is_in_one_shared_file_not_on_every_occurrence(built_site: BuiltSite) -> None:
    html = built_site.html("documents/lishi-2021-gongzuobaogao").read_text(encoding="utf-8")
    assert 'class="term"' in html and "data-tip" not in html  # glossary/tips.json has it


def test_no_term_link_sits_in_a_heading_or_a_table_header(built_site: BuiltSite) -> None:
    for doc in built_site.corpus.documents:
        for t in parse(built_site.html(f"documents/{doc.id}")).terms:
            assert not {"h1", "h2", "h3", "h4", "h5", "h6", "th", "thead"} & set(t["ancestors"]), (doc.id, t)
            assert not any("headerlink" in a.get("class", "") for a in t["in"])


def test_headings_with_a_term_keep_their_plain_text(built_site: BuiltSite) -> None:
    # lvliang-2021-gongzuobaogao#h-7: （二）聚焦“六新”突破，… stays one heading text with its own permalink
    html = built_site.html("documents/lvliang-2021-gongzuobaogao").read_text(encoding="utf-8")
    heading = re.search(r'<h3 id="h-7">(.*?)</h3>', html).group(1)
    assert heading.startswith("（二）聚焦“六新”突破，实施创新生态建设工程")
    assert 'class="headerlink" href="#h-7"' in heading
    assert "<a" not in heading.replace('<a class="headerlink"', "")


def test_paragraph_permalinks_and_text_survive_the_links(built_site: BuiltSite) -> None:
    for doc in built_site.corpus.documents:
        page = parse(built_site.html(f"documents/{doc.id}"))
        for block in doc.paragraphs:
            p = page.paragraphs[block.anchor]
            links = [a for a in p["links"] if "raw-link" not in (a.get("class") or "")]  # 原文 comes after ¶
            assert links[-1].get("href") == f"#{block.anchor}", (doc.id, block.anchor)
            text = p["text"].rstrip().removesuffix("原文").rstrip("¶ ")
            assert text == block.plain_text.strip(), (doc.id, block.anchor)


def kwic_links(built_site: BuiltSite, url: str) -> list[str]:
    return [link["href"].split("/documents/")[1] for link in parse(built_site.html(url)).links
            if "kwic-link" in link.get("class", "")]


def test_a_term_page_lists_each_senses_occurrences_capped_and_paged(built_site: BuiltSite, glossary: Glossary,
                                                                      occurrences: list[Occurrence]) -> None:
    """The first ten per sense on the term page; the first five hundred, a hundred a page, on the
    sense's pages (all of them in this corpus; ``tests/glossary/test_kwic_pages.py`` for more)."""
    order = {d.id: i for i, d in enumerate(built_site.corpus.documents)}
    for term in glossary.terms:
        groups: dict[str, list[Occurrence]] = {}
        for o in sorted((o for o in occurrences if o.term_id == term.id), key=lambda o: order[o.doc_id]):
            groups.setdefault(o.sense or "unassigned", []).append(o)
        keys = [s.key for s in term.senses] + (["unassigned"] if "unassigned" in groups else [])
        expected = [f"{o.doc_id}/#{o.anchor}" for k in keys for o in groups.get(k, [])[:10]]
        assert kwic_links(built_site, f"glossary/{term.id}") == expected, term.id
        for key, occ in groups.items():
            if len(occ) > 10:
                pages = min(5, -(-len(occ) // 100))
                listed = [x for n in range(1, pages + 1)
                          for x in kwic_links(built_site, f"glossary/kwic/{term.id}-{key}-{n}")]
                assert listed == [f"{o.doc_id}/#{o.anchor}" for o in occ[:500]], (term.id, key)


def test_a_long_list_shows_its_count_and_links_onward(built_site: BuiltSite) -> None:
    html = built_site.html("glossary/liuxin").read_text(encoding="utf-8")
    assert "下面是前 10 处" in html and 'href="../kwic/liuxin-main-1/"' in html


def test_a_term_page_shows_evidence_by_type_and_inference_as_inference(built_site: BuiltSite) -> None:
    html = built_site.html("glossary/sanling").read_text(encoding="utf-8")
    assert "<strong>语料</strong>" in html and "<strong>推断</strong>（本版的推断，不是原文）" in html
    assert 'id="sense-pingan"' in html and 'id="sense-yiqing"' in html


def test_a_term_page_gives_pinyin_and_says_when_no_english_is_established(built_site: BuiltSite) -> None:
    html = built_site.html("glossary/siwei-sigao-liangtongbu").read_text(encoding="utf-8")
    assert "sì wéi sì gāo liǎng tóng bù" in html and "暂无通行的英文译法" in html
    html = built_site.html("glossary/yidai-yilu").read_text(encoding="utf-8")
    assert "the Belt and Road Initiative" in html and "2015年3月28日" in html


def test_term_pages_stay_small_however_often_a_term_occurs(built_site: BuiltSite, glossary: Glossary) -> None:
    sizes = {t.id: built_site.html(f"glossary/{t.id}").stat().st_size for t in glossary.terms}
    assert max(sizes.values()) < 200_000, max(sizes.items(), key=lambda x: x[1])


def test_term_pages_and_document_links_agree(built_site: BuiltSite, occurrences: list[Occurrence]) -> None:
    """Every link in a document is one listed occurrence; the rest are in headings or table headers."""
    linked: Counter[str] = Counter()
    for doc in built_site.corpus.documents:
        linked.update(t["term"] for t in parse(built_site.html(f"documents/{doc.id}")).terms)
    unlinked = Counter(o.term_id for o in occurrences if o.kind == "heading" or (o.cell and o.cell[0] == 0))
    assert linked + unlinked == Counter(o.term_id for o in occurrences)
    assert unlinked["liuxin"] == 4  # 聚焦“六新”突破 in three headings, once in a table row of 专栏2


def test_the_keyword_in_context_marks_the_term(built_site: BuiltSite) -> None:
    html = built_site.html("glossary/sanwu").read_text(encoding="utf-8")
    assert "扎实推进“<mark>三无</mark>”创建，控新治旧抓“零上访”" in html
    assert 'href="../../documents/lishi-2021-gongzuobaogao/#p-32"' in html


def test_a_term_page_counts_per_prefecture_and_region(built_site: BuiltSite) -> None:
    html = built_site.html("glossary/sanwu").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html)
    assert rows == [("<strong>吕梁市</strong>", "合计", "<strong>6</strong>", ""),
                    ("吕梁市", '<a href="../../regions/lishi/">离石区</a>', "4", "2"),
                    ("吕梁市", '<a href="../../regions/xiaoyi/">孝义市</a>', "2", "1")]
    assert "提出层级：不详" in html


def test_the_index_groups_terms_by_level(built_site: BuiltSite, glossary: Glossary) -> None:
    page = parse(built_site.html("glossary"))
    levels = [text for tag, text in page.headings if tag == "h2" and text]
    assert levels[:3] == ["中央", "山西省", "朔州市"]
    assert levels.index("吕梁市") < levels.index("离石区")
    assert levels[-2:] == ["通用", "不详"]
    linked = {link["href"].rstrip("/") for link in page.links if link.get("href", "").count("/") == 1}
    assert {t.id for t in glossary.terms} <= linked


def test_the_data_file_lists_every_term_with_its_occurrences(built_site: BuiltSite, glossary: Glossary,
                                                              occurrences: list[Occurrence]) -> None:
    data = json.loads(built_site.data("glossary.json.gz"))
    assert [d["id"] for d in data] == [t.id for t in glossary.terms]
    sanwu = next(d for d in data if d["id"] == "sanwu")
    assert list(sanwu) == ["id", "term", "variants", "kind", "pinyin", "english", "related", "gaps", "senses",
                           "occurrences"]
    assert sanwu["pinyin"] == "sān wú" and sanwu["english"] is None
    (sense,) = sanwu["senses"]
    assert sense["evidence"]["expansion"][0]["type"] == "corpus"
    assert sense["evidence"]["expansion"][0]["doc"] == "lishi-2021-gongzuobaogao#p-32"
    assert sum(len(d["occurrences"]) for d in data) == len(occurrences)
    p32 = next(o for o in occurrences if o.term_id == "sanwu" and o.anchor == "p-32")
    assert {"doc_id": "lishi-2021-gongzuobaogao", "anchor": "p-32", "sense": "main",
            "start": p32.start, "end": p32.end} in sanwu["occurrences"]


def test_the_nav_has_a_glossary_section(built_site: BuiltSite) -> None:
    nav = (built_site.docs / ".nav.yml").read_text(encoding="utf-8")
    assert "- 术语:\n  - glossary/index.md\n  - 中央:\n" in nav


def test_the_index_has_a_filter_box_and_marks_unknown_entries(built_site: BuiltSite, glossary: Glossary) -> None:
    html = built_site.html("glossary").read_text(encoding="utf-8")
    assert '<input type="search" id="glossary-filter"' in html
    items = re.findall(r'<li class="(glossary-entry[^"]*)" data-filter="([^"]*)"><a href="([^"]+)/">.*?'
                       r'<span class="glossary-meaning">(.*?)</span>', html)
    unknown = {href for cls, _, href, _ in items if "glossary-entry--unknown" in cls}
    assert {t.id for t in glossary.terms if not t.known} <= unknown and "n1146" in unknown
    assert all(meaning.startswith("待考") for cls, _, _, meaning in items if "glossary-entry--unknown" in cls)
    assert "liuwen" not in unknown
    filters = {href: text for _, text, href, _ in items}
    assert "liù wěn" in filters["liuwen"] and "liu wen" in filters["liuwen"] and "liuwen" in filters["liuwen"]
    assert "the belt and road initiative" in filters["yidai-yilu"]
