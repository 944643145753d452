"""The original beside the edition, in the generated site: each document page's 原文 section,
原文 links, downloads."""

from __future__ import annotations

import gzip
import re

import pytest

from builder.corpus.model import Document
from builder.corpus.parse import read_document
from builder.corpus.sources import RawFile
from builder.fidelity.align import align
from builder.pages import raw_delta
from builder.pages.data_files import plain_text
from builder.pages.markdown import block_ids
from builder.pages.settings import load_settings
from builder.pages.sources import drawn_links, packed_placeholder, raw_html, raw_text

from .sitebuild import REPO, BuiltSite

DOC_IDS = sorted(p.stem for p in (REPO / "corpus" / "documents").glob("*.md"))


def _source(built_site: BuiltSite, doc_id: str) -> str:
    """A document page's 原文 section (its Markdown) with the span drawn in, as ``source-text.js``
    draws it in the browser: the edits beside the page applied to the document's text in the
    search chunks."""
    page = (built_site.docs / "documents" / f"{doc_id}.md").read_text(encoding="utf-8")
    drawn = raw_delta.draw(page, built_site.docs / "documents" / doc_id, built_site.docs)
    assert drawn != page
    return drawn[drawn.index("## 原文与编辑改动 { #source }"):drawn.index("## 引用本文")]


def _doc(built_site: BuiltSite, doc_id: str) -> Document:
    doc = next(d for d in built_site.corpus.documents if d.id == doc_id)
    return doc


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_block_links_to_its_range_in_the_pages_raw_span(built_site: BuiltSite, doc_id: str) -> None:
    """The 原文 links source-text.js draws (one a block, in order) each lead to a range of the span."""
    doc = _doc(built_site, doc_id)
    html = (built_site.site / "documents" / doc_id / "index.html").read_text(encoding="utf-8")
    source = _source(built_site, doc_id)
    assert drawn_links(html) == [f"#raw-{block_id}" for block_id in block_ids(doc.blocks)]
    for block_id in block_ids(doc.blocks):
        assert f"<span id=raw-{block_id}>" in source, block_id


def test_the_block_ids_the_script_reads_are_escaped_for_their_attribute(built_site: BuiltSite) -> None:
    """The ids come from corpus anchors (the parser takes only ``[A-Za-z][\\w-]*``); were one ever
    to hold markup, it would stay inside data-raw-blocks / data-raw-none as text."""
    doc = _doc(built_site, "wenxi-2021-gongzuobaogao")
    hostile = '"><script>alert(1)</script>'
    html = packed_placeholder(doc, "https://example.invalid/raw.txt", ("p-1", hostile, [hostile]))
    assert "<script>" not in html
    assert html.count('"') == html.count('="') * 2  # every quote opens or closes an attribute


def test_the_page_carries_no_raw_link_of_its_own(built_site: BuiltSite) -> None:
    """The links are the script's: written into the page they were 5 KB of it, and led nowhere without it."""
    html = (built_site.site / "documents" / "wenxi-2021-gongzuobaogao" / "index.html").read_text(encoding="utf-8")
    assert 'class="raw-link' not in html
    assert 'data-raw-blocks="' in html


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_each_raw_range_links_back_to_its_block_once(built_site: BuiltSite, doc_id: str) -> None:
    """One link back per range (its first line's number, or a ↩ where it starts inside its line),
    named by its title: axe-core reads no CSS content, and the link's text must stay empty."""
    doc = _doc(built_site, doc_id)
    source = _source(built_site, doc_id)
    pre = source[source.index('<pre class="raw-text" '):]
    links = re.findall(r"<a (?:id=L\d+ )?href=([^ >]*)( title=[^ >]+)?></a>", pre)
    assert len(links) == pre.count(" href=")  # the pattern saw every link
    assert [href for href, _ in links] == [f"#{b}" for b in block_ids(doc.blocks)]  # once each, in order
    assert all(title for _, title in links)


def test_a_range_starting_its_line_links_back_from_the_line_number(built_site: BuiltSite) -> None:
    source = _source(built_site, "lishi-2021-gongzuobaogao")
    assert "<span id=raw-p-8><a id=L20 href=#p-8 title=p-8></a>" in source


def test_a_range_starting_inside_its_line_links_back_from_a_return_mark(built_site: BuiltSite) -> None:
    newspaper = _source(built_site, "lvliang-2021-gongzuobaogao")
    assert "(上接1版)</span><span id=raw-p-2><a href=#p-2 title=p-2></a>周边5县" in newspaper


def test_a_line_that_starts_no_range_is_an_anchor_not_a_link(built_site: BuiltSite) -> None:
    """Blank lines, omitted lines, a range's later lines: addressable (#L6), but no link going nowhere."""
    newspaper = _source(built_site, "lvliang-2021-gongzuobaogao")
    assert '</span>\n<a id=L6></a>\n<a id=L7></a><span class="raw-omitted"' in newspaper
    plan = _source(built_site, "lishi-2021-shisiwu-guihua-gangyao")
    assert re.search(r"<span id=raw-t-1><a id=L112 href=#t-1 title=t-1></a>[^<]*\n<a id=L113></a>", plan)


def test_the_original_is_a_section_of_the_document_page_not_a_page_of_its_own(built_site: BuiltSite) -> None:
    """One page per document (issue 12: a source page was 1,000 more pages per 1,000 documents,
    most of each the theme's chrome); the card links the section, the section the raw file."""
    assert not list((built_site.site / "documents").glob("*/source"))
    page = built_site.html("documents/lishi-2021-gongzuobaogao").read_text(encoding="utf-8")
    assert page.index('<h2 id="source">原文与编辑改动') < page.index('<h2 id="cite">')
    assert page.count('<a href="#source">原文与编辑改动</a>') == 1  # the card's link
    assert '<h3 id="raw">原文' in page and '<button type="button" class="md-button" data-raw-show hidden>' in page


def test_the_site_keeps_no_second_copy_of_the_raw_span(built_site: BuiltSite) -> None:
    """The page's 原文 section shows the span and makes its download in the browser
    (test_sources_browser)."""
    assert not (built_site.site / "data" / "sources").exists()
    source = _source(built_site, "lishi-2021-gongzuobaogao")
    assert '[下载这段原文 .txt](#raw){ .md-button data-raw-download="lishi-2021-gongzuobaogao.txt" }' in source


def test_the_span_is_stored_packed_beside_its_page_and_linked_in_the_repository_without_scripts(
        built_site: BuiltSite) -> None:
    """The page holds a placeholder that source-text.js replaces with the drawn <pre>
    (test_sources_browser: the ranges, highlights and links work as drawn); without scripts it
    links the same lines of the raw file in the repository."""
    doc = _doc(built_site, "lishi-2021-gongzuobaogao")
    page = built_site.html(f"documents/{doc.id}").read_text(encoding="utf-8")
    raw_file = load_settings(REPO / "mkdocs.yml").blob_url(f"sources/{doc.meta.source.file}")
    assert '<div class="raw-packed" data-raw-packed="raw-edits.json.gz" data-raw-blocks="' in page
    assert "id=L3" not in page
    assert f'<a href="{raw_file}#L3-L234">原始文件的第 3–234 行</a>' in page
    packed = (built_site.site / "documents" / doc.id / "raw-edits.json.gz").read_bytes()
    assert packed[:2] == b"\x1f\x8b" and packed[4:8] == bytes(4)  # gzip, no time stamp: same edition, same bytes
    span = raw_delta.read_span(page, built_site.site / "documents" / doc.id, built_site.site)
    assert span is not None and span.startswith('<pre class="raw-text" lang="zh-CN"')


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_the_drawn_span_is_the_builders_span_from_a_fraction_of_its_bytes(built_site: BuiltSite,
                                                                          doc_id: str) -> None:
    """The edits applied to the document's text in the search chunks give the span's HTML
    character for character; they are stored in less than half the bytes of the span itself
    gzip-compressed (about a seventh on the real documents: builder/pages/raw_delta.py)."""
    doc = _doc(built_site, doc_id)
    page = built_site.html(f"documents/{doc_id}").read_text(encoding="utf-8")
    files = built_site.site / "documents" / doc_id
    expected = raw_html(doc, align(doc, built_site.corpus.sources.get(doc.meta.source.file)))
    assert raw_delta.read_span(page, files, built_site.site) == expected
    assert (files / "raw-edits.json.gz").stat().st_size < len(gzip.compress(expected.encode("utf-8"))) / 2


def test_edits_never_copy_a_character_that_html_would_read_as_markup() -> None:
    """Only characters HTML text shows as themselves are copied from the document's text: the
    rest go as the builder's escaped HTML, so a base that holds markup cannot become markup."""
    parts = [(False, "<pre>", None), (True, "甲<b>&乙\t丙丁戊己庚辛壬癸", 0), (False, "</pre>", None)]
    base = "标题\n甲<b>&乙\t丙丁戊己庚辛壬癸"
    edits = raw_delta.encode_base(parts, base, {0: (3, len(base))}, raw_text)
    assert raw_delta.apply(edits, base) == "<pre>甲&lt;b&gt;&amp;乙&#9;丙丁戊己庚辛壬癸</pre>"
    copied = "".join(base[j:j + e] for j, e in _copies(edits))
    assert copied and not set(copied) & set("<>&\t")


def test_edits_copy_the_longest_run_and_resume_after_a_difference() -> None:
    """One copy up to the first difference (甲乙丙 of 甲乙丙丁 against 甲乙丙X), the difference as
    HTML, then copying again once the piece and its block's text agree for a probe's length."""
    piece = "甲乙丙丁戊己庚辛壬癸子丑寅卯"
    base = "甲乙丙X戊己庚辛壬癸子丑寅卯"
    edits = raw_delta.encode_base([(True, piece, 0)], base, {0: (0, len(base))}, raw_text)
    assert raw_delta.apply(edits, base) == piece
    assert _copies(edits) == [(0, 3), (4, 10)]


def _copies(edits: list) -> list[tuple[int, int]]:
    out, j = [], 0
    for e in edits:
        if isinstance(e, list):
            j += e[0]
        elif isinstance(e, int):
            if e > 0:
                out.append((j, e))
            j += abs(e)
    return out


def test_the_card_links_the_raw_file_in_the_repository_at_its_lines(built_site: BuiltSite) -> None:
    doc = _doc(built_site, "lishi-2021-gongzuobaogao")
    page = (built_site.docs / "documents" / f"{doc.id}.md").read_text(encoding="utf-8")
    raw_file = load_settings(REPO / "mkdocs.yml").blob_url(f"sources/{doc.meta.source.file}")
    assert f"[原始文件（仓库中）]({raw_file}#L3-L234)" in page


def test_the_raw_span_numbers_the_raw_files_own_lines(built_site: BuiltSite) -> None:
    source = _source(built_site, "lishi-2021-gongzuobaogao")
    assert 'style="counter-reset: raw-ln 2"' in source  # the span starts on raw line 3
    assert re.findall(r"id=L(\d+)", source) == [str(n) for n in range(3, 235)]


def test_the_source_section_lists_the_editorial_changes(built_site: BuiltSite) -> None:
    plan = _source(built_site, "lishi-2021-shisiwu-guihua-gangyao")
    assert "### 规范化 { #normalised }" in plan and "### 略去的部分 { #omitted }" in plan
    assert re.search(r"\| 半角“,”改为全角“，” \| \d+ \|", plan) or "改为全角" in plan
    assert '<a href="#L19">第 19–79 行</a>：printed table of contents' in plan
    assert "无：本版没有改动原文的文字。" in plan
    wenxi = _source(built_site, "wenxi-2021-gongzuobaogao")
    assert re.search(r"\| 半角“,”改为全角“，” \| \d{2,} \|", wenxi)
    assert re.search(r"\| 网站抓取时代替换行的半角“;”删去 \| 1 \|", wenxi)
    assert "原始文件的第 1–2 行、第 4–150 行不属于本文献" in wenxi
    newspaper = _source(built_site, "lvliang-2021-gongzuobaogao")
    assert '<a href="#L7">第 7 行</a>“(上接1版)”：newspaper page-continuation marker' in newspaper
    assert '<span class="raw-omitted" title="略去：newspaper page-continuation marker">(上接1版)</span>' in newspaper


def test_the_source_section_shows_the_raw_files_record(built_site: BuiltSite) -> None:
    wenxi = _source(built_site, "wenxi-2021-gongzuobaogao")
    assert "原始文件记录（sources/001_330ca93b427a2047.yml）" in wenxi
    assert "产业园区网（依据：" in wenxi and "2025-07-08（依据：" in wenxi
    assert "收集日期\n    :   未记录" in wenxi


def test_the_text_download_numbers_every_block(built_site: BuiltSite) -> None:
    doc = _doc(built_site, "wenxi-2021-gongzuobaogao")
    text = plain_text(doc)  # the page's "纯文本 .txt" makes the same (test_text_download_browser.py)
    assert "\n\n[p-12] 七是三大攻坚成果丰硕。" in text
    assert all(f"[{i}] " in text or f"[{i}]\n" in text for i in block_ids(doc.blocks))


def test_raw_text_is_escaped_in_the_raw_span(tmp_path) -> None:
    """The span's HTML, which source-text.js puts into the page as it is (drawn from its edits): raw
    text is text, whatever characters it holds (an omitted part's reason is plain text by schema)."""
    fixture = REPO / "tests" / "fixtures"
    raw = (fixture / "sources" / "mini-lishi.txt").read_text(encoding="utf-8")
    hostile = tmp_path / "mini-lishi.txt"
    hostile.write_text(raw + '<script>alert(1)</script><img src=x onerror=alert(1)>\x02wzxhzdk:0\x03\n',
                       encoding="utf-8")
    text = (fixture / "mini_corpus" / "documents" / "lishi-2021-gongzuobaogao.md").read_text(encoding="utf-8")
    doc_file = tmp_path / "lishi-2021-gongzuobaogao.md"
    doc_file.write_text(text.replace("  lines: 1-23\n", "  lines: 1-24\n  omitted:\n"
                                     "  - {lines: '24', reason: 测试}\n"), encoding="utf-8")
    doc = read_document(doc_file)
    out = raw_html(doc, align(doc, RawFile(hostile)))
    assert "<script" not in out and "<img" not in out and "\x02" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\ufffdwzxhzdk:0\ufffd" in out


def test_an_undated_text_says_its_year_is_not_stated_and_keeps_its_url(built_site: BuiltSite) -> None:
    page = (built_site.docs / "documents" / "linxian-2021-xinwen.md").read_text(encoding="utf-8")
    assert ("年份\n    :   原文未写明：原文没有写明年份（文中没有任何年份）；"
            "来源网页上的日期 2025-07-08 是网站的列表日期") in page
    assert (built_site.site / "documents" / "linxian-2021-xinwen" / "index.html").is_file()
    for year_page in (built_site.docs / "years").glob("*.md"):
        assert "linxian-2021-xinwen" not in year_page.read_text(encoding="utf-8"), year_page


def test_the_plan_card_shows_its_document_number_issuer_and_adopting_congress(built_site: BuiltSite) -> None:
    page = (built_site.docs / "documents" / "lishi-2021-shisiwu-guihua-gangyao.md").read_text(encoding="utf-8")
    assert "文号\n    :   离政发〔2021〕11号" in page
    assert "发文机关\n    :   吕梁市离石区人民政府" in page
    assert "审议通过\n    :   区第七届人民代表大会第一次会议" in page


def test_the_card_marks_the_title_editorial_and_quotes_the_sources_title_line(built_site: BuiltSite) -> None:
    page = (built_site.docs / "documents" / "wenxi-2021-gongzuobaogao.md").read_text(encoding="utf-8")
    assert ("标题\n    :   本版所拟；原文标题行：“• 【闻喜县招商】2021年闻喜县政府工作报告”"
            '（<a href="#L1">原始文件第 1 行</a>）') in page
    source = _source(built_site, "wenxi-2021-gongzuobaogao")
    assert "<a id=L1></a>• 【闻喜县招商】2021年闻喜县政府工作报告</pre>" in source
