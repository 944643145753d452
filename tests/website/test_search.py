"""Search as a reader uses it: queries committed as a Chinese IME commits them, in the header box.

``keyboard.insert_text`` sends what an IME sends when a word is chosen: one
input event with the whole text. What is checked is what the reader sees:
the documents listed, the highlighted words, where a click lands.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest

from builder.pages.catalogue import Catalogue
from builder.search.queries import Truth
from builder.search.segment import tokenizer
from builder.search.synonyms import Synonyms

from .browsing import SCREENSHOTS, WIDTHS, Page, Visit
from .sitebuild import BuiltSite

pytestmark = pytest.mark.browser

OUTPUT = "[data-edition-search-output]"
#: A phrase of one report (吕梁市离石区“十四五”规划纲要) made of words every report uses:
#: Material's search matches any of 提升 / 城市 / 环境 and lists nearly every page.
DROWNED = "提升城市环境"


@pytest.fixture(scope="module")
def truth(built_site: BuiltSite) -> Truth:
    return Truth(Catalogue(built_site.corpus).documents, Synonyms.of_site(built_site.site))


def search(page: Page, query: str) -> None:
    """Open the box with "/" and commit ``query`` as an IME does; wait for the results."""
    page.keyboard.press("/")
    page.keyboard.insert_text(query)
    page.wait_for_selector(f"{OUTPUT}[data-state=done]")


def all_documents(page: Page) -> list[str]:
    """Press "more results" until there is none; the documents listed, in order.

    A press may add hits to documents already listed rather than new documents, so
    what is waited for is the press's end: its button replaced (or gone)."""
    more = f"{OUTPUT} .edition-search-more"
    while page.locator(more).count():
        page.locator(f"{more}:not([disabled])").click()
        page.wait_for_function(f"!document.querySelector('{more}[disabled]')")
    return page.eval_on_selector_all(f"{OUTPUT} [data-doc]", "els => els.map(e => e.dataset.doc)")


def assert_clean(v: Visit) -> None:
    assert not v.errors, f"console errors: {v.errors}"
    assert not v.foreign, f"requests to other hosts: {v.foreign}"


def test_a_slogan_lists_every_document_that_has_it_and_only_those(
        server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    v = visit()
    page = v.open(server)
    search(page, "三零")
    assert set(all_documents(page)) == truth.expected("三零")
    marks = page.locator(f"{OUTPUT} .edition-search-snippet mark").all_inner_texts()
    assert marks and set(marks) == {"三零"}
    assert_clean(v)


def test_a_phrase_of_common_words_finds_only_the_page_that_has_it(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    tok = tokenizer(built_site.corpus)
    words = tok.cut(DROWNED)
    assert len(words) > 1 and all(len(truth.expected(w)) >= 12 for w in words)  # why Material drowns it
    v = visit()
    page = v.open(server)
    search(page, DROWNED)
    assert all_documents(page) == sorted(truth.expected(DROWNED)) == ["lishi-2021-shisiwu-guihua-gangyao"]
    title = built_site.corpus.by_id("lishi-2021-shisiwu-guihua-gangyao").meta.title
    assert page.locator(f"{OUTPUT} .edition-search-doc__name").inner_text() == title
    assert page.locator(f"{OUTPUT} mark").first.inner_text() == DROWNED
    assert page.locator(f"{OUTPUT} .md-search-result__meta").inner_text().startswith("1 篇文件中找到")
    assert_clean(v)


def test_a_click_on_a_hit_lands_on_its_paragraph_and_full_width_digits_find_it(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit]) -> None:
    v = visit()
    page = v.open(server)
    search(page, "１５１．５亿元")
    hit = page.locator(f"{OUTPUT} a.edition-search-hit").first
    assert "151.5亿元" in hit.inner_text()
    hit.click()
    page.wait_for_url("**/documents/wenxi-2021-gongzuobaogao/#p-*")
    anchor = urlsplit(page.url).fragment
    block = built_site.corpus.by_id("wenxi-2021-gongzuobaogao").block_by_anchor(anchor)
    assert block is not None and "151.5亿元" in block.plain_text
    target = page.locator(f"[id='{anchor}']")
    assert "151.5亿元" in target.inner_text()
    page.wait_for_function(f"(() => {{ const r = document.getElementById('{anchor}').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; })()")
    assert_clean(v)


def test_space_separated_terms_are_all_required_in_one_paragraph_and_quotes_are_optional(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit]) -> None:
    v = visit()
    page = v.open(server)
    search(page, "“六新” 转型")
    all_documents(page)
    # the first tier: paragraphs holding both (the second, data-tier=2, lists documents where they are apart)
    hrefs = page.eval_on_selector_all(f"{OUTPUT} [data-doc]:not([data-tier='2']) a.edition-search-hit",
                                      "els => els.map(e => e.href)")
    assert len(hrefs) >= 10
    for href in hrefs:
        parts = urlsplit(href)
        doc = built_site.corpus.by_id(parts.path.strip("/").split("/")[-1])
        block = doc.block_by_anchor(parts.fragment)
        text = "".join(b.plain_text for b in doc.blocks if b.anchor == block.anchor)  # a table shares its caption's
        assert "六新" in text and "转型" in text, href
    assert_clean(v)


def test_the_keyboard_opens_moves_closes_and_enter_opens_the_results_page(
        server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    v = visit()
    page = v.open(server)
    search(page, "离石区")
    assert page.evaluate("document.activeElement.matches('[data-edition-search-input]')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('a.md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-edition-search-input]')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_selector(".edition-search-page__results[data-state=done]")
    shown = page.eval_on_selector_all(".edition-search-page__results [data-doc]", "els => els.map(e => e.dataset.doc)")
    assert set(shown) == truth.expected("离石区")
    # the region's own documents first, then those that mention it
    assert set(shown[:2]) == {"lishi-2021-gongzuobaogao", "lishi-2021-shisiwu-guihua-gangyao"}
    assert_clean(v)


def test_the_results_page_filters_by_prefecture(built_site: BuiltSite, server: str,
                                                visit: Callable[..., Visit], truth: Truth) -> None:
    v = visit()
    page = v.open(server + "search/?q=三零&prefecture=运城市")
    page.wait_for_selector(".edition-search-page__results[data-state=done]")
    shown = page.eval_on_selector_all(".edition-search-page__results [data-doc]", "els => els.map(e => e.dataset.doc)")
    in_yuncheng = {d.id for d in built_site.corpus.documents
                   if built_site.corpus.regions.get(d.meta.region).prefecture == "运城市"}
    assert set(shown) == truth.expected("三零") & in_yuncheng and shown
    assert page.locator("select[name=prefecture]").input_value() == "运城市"
    assert_clean(v)


def test_on_a_phone_the_header_icon_opens_the_box_and_hits_are_on_screen(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server)
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("document.activeElement.matches('[data-edition-search-input]')")
    page.keyboard.insert_text("三零")
    page.wait_for_selector(f"{OUTPUT}[data-state=done]")
    # Material slides the search panel in (a CSS transition): wait for it to come to rest on screen
    page.wait_for_function(
        f"(() => {{ const r = document.querySelector('{OUTPUT} a.edition-search-hit').getBoundingClientRect();"
        f" return r.left >= 0 && r.right <= {WIDTHS['phone']} && r.top >= 0 && r.top < 800; }})()")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-phone.png"))
    assert_clean(v)
