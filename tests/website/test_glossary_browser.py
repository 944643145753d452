"""The glossary in headless Chromium: hover and tap show a slogan's expansion, term pages
open at their heading, keyword-in-context links land on the paragraph, nothing foreign loads."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .browsing import SCREENSHOTS, WIDTHS, Page, Visit, playwright_api

Locator = playwright_api.Locator

pytestmark = pytest.mark.browser

# lishi-2021-gongzuobaogao#p-6: 扎实做好“六稳”工作、全面落实“六保”任务
DOC = "documents/lishi-2021-gongzuobaogao/"
LIUWEN = "稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期"


def first_term(page: Page, term_id: str) -> Locator:
    link = page.locator(f"#p-6 a.term[href*='glossary/{term_id}/']").first
    link.scroll_into_view_if_needed()
    return link


def tap(page: Page, x: float, y: float) -> None:
    """A finger tap: touch start and end through Chromium's touch emulation, as a phone sends them
    (pointer events of type touch, then the click Chromium makes of the tap)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def centre(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_hovering_a_slogan_shows_its_expansion(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + DOC)
    first_term(page, "liuwen").hover()
    tooltip = page.locator(".glossary-tip", has_text=LIUWEN)  # the edition's one popup (glossary.js)
    tooltip.wait_for(state="visible", timeout=5000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "glossary-hover-desktop.png"))
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign


def test_tapping_a_slogan_shows_its_expansion_then_a_second_tap_opens_its_page(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + DOC)
    link = first_term(page, "liuwen")
    tap(page, *centre(link))
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    assert LIUWEN in tip.inner_text()
    # the first tap explains, it does not navigate (navigation.tracking may write the
    # anchor of the section scrolled to into the address bar: that is not navigating)
    assert page.url.split("#")[0] == server + DOC
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "glossary-tap-phone.png"))
    tip_box = tip.bounding_box()
    assert tip_box is not None and tip_box["x"] >= 0 and tip_box["x"] + tip_box["width"] <= WIDTHS["phone"]
    tap(page, *centre(link))
    page.wait_for_url(server + "glossary/liuwen/#sense-main", timeout=5000)
    assert page.locator("h1").inner_text().startswith("六稳")
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign


def test_tapping_elsewhere_closes_the_explanation(server: str, visit: Callable[..., Visit]) -> None:
    page = visit(WIDTHS["phone"]).open(server + DOC)
    x, y = centre(first_term(page, "liubao"))
    tap(page, x, y)
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    box = tip.bounding_box()
    assert box is not None
    # on the text two lines away from the term, on the side the explanation is not. (The test
    # tapped at x = 5, in the page's side margin; with navigation.sections off, Chromium made no
    # click of that tap there, cause not found, while a tap at x = 20 closes the explanation.)
    tap(page, 30, y - 60 if box["y"] > y else y + 60)
    tip.wait_for(state="hidden", timeout=5000)


def test_clicking_a_slogan_opens_its_page_at_the_sense_used(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + DOC)
    first_term(page, "liuwen").click()
    page.wait_for_url(server + "glossary/liuwen/#sense-main", timeout=5000)
    heading = page.locator("h2#sense-main")
    page.wait_for_function("document.getElementById('sense-main').getBoundingClientRect().top < window.innerHeight")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert LIUWEN in heading.inner_text()
    assert page.locator("article dd", has_text=LIUWEN).first.is_visible()
    assert not v.foreign, v.foreign


def test_a_keyword_in_context_link_lands_on_the_paragraph(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + "glossary/sanwu/")
    page.locator("a.kwic-link[href$='lishi-2021-gongzuobaogao/#p-32']").click()
    page.wait_for_url(server + DOC + "#p-32", timeout=5000)
    page.wait_for_function("document.getElementById('p-32').getBoundingClientRect().top < window.innerHeight")
    box = page.locator("#p-32").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert page.locator("#p-32 a.term[href*='glossary/sanwu/']").count() == 1
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign


@pytest.mark.parametrize("width_name", sorted(WIDTHS))
def test_glossary_pages_load_clean(server: str, visit: Callable[..., Visit], width_name: str) -> None:
    v = visit(WIDTHS[width_name])
    for path in ("glossary/", "glossary/liuxin/"):
        page = v.open(server + path)
        assert page.locator("h1").first.is_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the viewport"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"glossary-term-{width_name}.png"))
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign


@pytest.mark.parametrize("query, expected", [("六稳", "六稳"), ("liuwen", "六稳"), ("liù wěn", "六稳"),
                                             ("belt and road", "一带一路")])
def test_the_index_filter_finds_terms_by_characters_pinyin_or_english(
        server: str, visit: Callable[..., Visit], query: str, expected: str) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + "glossary/")
    page.fill("#glossary-filter", query)
    visible = page.locator(".glossary-entry:visible > a")
    visible.first.wait_for(state="visible", timeout=5000)
    names = visible.all_inner_texts()
    assert expected in names and len(names) < 10, names
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign
