"""From a block's "原文" link to exactly its raw characters, highlighted, and back again: all in
the document page, whose 原文 section draws the raw span when it is asked for.

For the three kinds of raw text: a report flattened onto one line of a web
listing (the highlight is a character range inside raw line 3), a table of
the plan outline (tab-separated raw lines), and the newspaper text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builder.corpus.sources import RawFile
from builder.fidelity.align import align
from builder.pages.markdown import block_ids
from builder.pages.sources import drawn_links

from .browsing import SCREENSHOTS, Visit
from .sitebuild import REPO, BuiltSite

pytestmark = pytest.mark.browser

CASES = [("wenxi-2021-gongzuobaogao", "p-12"),  # 001_…: the whole report on raw line 3
         ("lishi-2021-shisiwu-guihua-gangyao", "t-1"),  # 专栏1 of the plan outline
         ("lvliang-2021-gongzuobaogao", "p-2")]  # the newspaper, after its (上接1版)


def expected_raw(built_site: BuiltSite, doc_id: str, block_id: str) -> tuple[str, tuple[int, int]]:
    doc = next(d for d in built_site.corpus.documents if d.id == doc_id)
    al = align(doc, RawFile(REPO / "sources" / doc.meta.source.file))
    start, end = al.block_span(block_ids(doc.blocks).index(block_id))
    return al.raw.file_text[start:end], (al.raw.line_col(start)[0], al.raw.line_col(end - 1)[0])


@pytest.mark.parametrize("doc_id", [doc_id for doc_id, _ in CASES])
def test_the_script_draws_one_raw_link_a_block_where_the_builder_says(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit], doc_id: str) -> None:
    """Paragraphs (after their ¶), headings (a line after them) and tables (closing their box):
    the links the page shows are the ones the link checker follows (``drawn_links``)."""
    page = visit().open(f"{server}documents/{doc_id}/")
    shown = page.eval_on_selector_all(".md-content__inner a.raw-link", "as => as.map(a => a.getAttribute('href'))")
    html = (built_site.site / "documents" / doc_id / "index.html").read_text(encoding="utf-8")
    assert shown == drawn_links(html)
    assert len(shown) == len(block_ids(next(d for d in built_site.corpus.documents if d.id == doc_id).blocks))
    places = page.eval_on_selector_all(".md-content__inner a.raw-link", """as => as.map(a =>
        a.parentElement.id ? 'after ¶:' + (a.previousElementSibling?.className === 'para-link')
        : a.classList.contains('raw-link-heading')
          ? 'heading:' + /^H[1-6]$/.test(a.parentElement.previousElementSibling.tagName)
        : 'table:' + a.parentElement.parentElement.classList.contains('corpus-table'))""")
    assert all(p.endswith(":true") for p in places), places


@pytest.mark.parametrize(("doc_id", "block_id"), CASES)
def test_the_raw_link_highlights_exactly_the_blocks_raw_text_and_links_back(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit], doc_id: str, block_id: str) -> None:
    v = visit()
    page = v.open(f"{server}documents/{doc_id}/#{block_id}")
    page.locator(f"#{block_id} .raw-link, #{block_id} + p .raw-link").first.click()
    page.wait_for_selector(f"pre.raw-text #raw-{block_id}:target")
    assert page.url == f"{server}documents/{doc_id}/#raw-{block_id}"

    target = page.locator(":target")
    assert target.get_attribute("id") == f"raw-{block_id}"
    raw, (first_line, last_line) = expected_raw(built_site, doc_id, block_id)
    assert target.evaluate("e => e.textContent").strip() == raw.strip()  # exactly these characters
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("() => { const r = document.querySelector(':target').getBoundingClientRect();"
                         " return r.top >= 0 && r.top < innerHeight; }")
    # Its raw lines keep the raw file's numbers as addresses; the range links back to the block
    # once: from its first line's number when it starts that line, else from a ↩ (the
    # flattened report and the newspaper's p-2 start inside their lines, the table starts its own).
    for n in range(first_line, last_line + 1):
        assert page.locator(f"pre.raw-text #L{n}").count() == 1, n
    back = target.locator("a[href]")
    assert back.count() == 1
    assert back.get_attribute("id") == (f"L{first_line}" if doc_id == "lishi-2021-shisiwu-guihua-gangyao" else None)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"source-{doc_id}-{block_id}.png"))

    back.click()
    assert page.url == f"{server}documents/{doc_id}/#{block_id}"
    page.wait_for_function(f"() => {{ const r = document.getElementById('{block_id}').getBoundingClientRect();"
                           " return r.bottom > 0 && r.top < innerHeight; }", timeout=5000)
    assert not v.errors and not v.foreign


def test_a_flattened_report_highlights_a_character_range_not_its_whole_line(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit]) -> None:
    page = visit().open(f"{server}documents/wenxi-2021-gongzuobaogao/#raw-p-12")
    page.wait_for_selector("#raw-p-12:target")
    line = page.locator("pre.raw-text:not(.raw-title)").inner_text()
    highlighted = page.locator(":target").inner_text()
    assert len(highlighted) < len(line) / 10  # one paragraph of the report on its one raw line
    assert highlighted.startswith("七是三大攻坚成果丰硕。") and highlighted.endswith("全县安全稳定形势持续好转。")
    assert page.locator("#L3").count() == 1 and page.locator("#L4").count() == 0  # one raw line: line 3


@pytest.mark.parametrize("doc_id", [doc_id for doc_id, _ in CASES])
def test_the_span_download_is_made_in_the_browser_as_the_raw_files_lines(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit], doc_id: str) -> None:
    """No copy of the span is stored on the site: the button makes it from the page's text."""
    doc = next(d for d in built_site.corpus.documents if d.id == doc_id)
    first, last = doc.meta.source.line_range
    raw = (REPO / "sources" / doc.meta.source.file).read_bytes().split(b"\n")
    v = visit()
    page = v.open(f"{server}documents/{doc_id}/")
    with page.expect_download() as download:  # the span is drawn first: the click asks for it
        page.locator("a[data-raw-download]").click()
    assert download.value.suggested_filename == f"{doc_id}.txt"
    assert Path(download.value.path()).read_bytes() == b"\n".join(raw[first - 1:last]) + b"\n"
    assert page.url == f"{server}documents/{doc_id}/"  # no navigation
    assert not v.errors and not v.foreign


def test_an_omitted_parts_line_link_lands_on_its_line_whose_number_stands_out(
        server: str, visit: Callable[..., Visit]) -> None:
    """The 'omitted' list's 第 19–79 行 goes to #L19: a line anchor, not a link (it goes nowhere),
    with its number in bold when it is the page's target."""
    v = visit()
    page = v.open(f"{server}documents/lishi-2021-shisiwu-guihua-gangyao/")
    page.locator("#omitted ~ ul a[href='#L19']").click()
    page.wait_for_selector("pre.raw-text #L19:target")
    target = page.locator(":target")
    assert target.get_attribute("id") == "L19" and target.get_attribute("href") is None
    assert target.evaluate("a => getComputedStyle(a).fontWeight") == "700"
    assert page.locator("#L20").evaluate("a => getComputedStyle(a).fontWeight") != "700"
    assert page.evaluate("() => { const r = document.getElementById('L19').getBoundingClientRect();"
                         " return r.top >= 0 && r.top < innerHeight; }")
    assert not v.errors and not v.foreign


def test_the_span_is_drawn_from_the_documents_own_search_chunks_without_the_manifest(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit]) -> None:
    """Asked for, the span is drawn from its edits, the chunks the edits file names and their
    dictionary: not the search manifest, which lists every document (builder/pages/raw_delta.py)."""
    v = visit()
    fetched: list[str] = []
    v.page.on("request", lambda r: fetched.append(r.url.removeprefix(server)))
    page = v.open(f"{server}documents/wenxi-2021-gongzuobaogao/#raw")
    page.wait_for_selector("pre.raw-text:not(.raw-title) #L3")
    assert "documents/wenxi-2021-gongzuobaogao/raw-edits.json.gz" in fetched
    chunks = [u for u in fetched if u.startswith("search/t/")]
    assert chunks and any(u.startswith("search/chunk-dictionary-") for u in fetched)
    assert "search/manifest.json" not in fetched
    assert not v.errors and not v.foreign


def test_a_span_whose_chunks_hold_another_text_is_not_drawn_and_the_repository_link_stays(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit]) -> None:
    """Edits applied to another build's text would show wrong raw text: the length check refuses
    them, and the reader keeps the placeholder's link to the same lines in the repository."""
    v = visit()
    other = sorted((built_site.site / "search" / "t").glob("*.deflate"))[0].read_bytes()
    v.context.route("**/search/t/*.deflate", lambda route: route.fulfill(body=other))
    page = v.open(f"{server}documents/wenxi-2021-gongzuobaogao/#raw")
    page.wait_for_selector("div[data-raw-packed][data-raw-failed]")
    assert page.locator("pre.raw-text:not(.raw-title)").count() == 0
    assert page.locator("div[data-raw-packed] a[href*='#L3']").count() == 1
    assert any("source text:" in e for e in v.errors) and not v.foreign


def test_a_visit_that_does_not_ask_for_the_original_fetches_none_of_it_until_the_button_is_pressed(
        server: str, visit: Callable[..., Visit]) -> None:
    """Most readers of a report never open the original: the page reads no edits and no chunks
    until the 显示原文 button (shown by the script; hidden without one) asks for the span."""
    v = visit()
    fetched: list[str] = []
    v.page.on("request", lambda r: fetched.append(r.url.removeprefix(server)))
    page = v.open(f"{server}documents/lvliang-2021-gongzuobaogao/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if u.endswith("raw-edits.json.gz") or u.startswith("search/t/")]
    assert page.locator("pre.raw-text").count() == 0
    page.locator("button[data-raw-show]").click()
    page.wait_for_selector("pre.raw-text #L7")
    assert page.url == f"{server}documents/lvliang-2021-gongzuobaogao/"  # drawn in place, no jump
    assert "documents/lvliang-2021-gongzuobaogao/raw-edits.json.gz" in fetched
    assert not v.errors and not v.foreign
