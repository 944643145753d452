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
    link = page.locator(f"#p-6 a.term[data-term='{term_id}']").first
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
    page.wait_for_url(server + "glossary/liuwen/", timeout=5000)
    assert page.locator("h1").inner_text().startswith("六稳")
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign


def test_tapping_elsewhere_closes_the_explanation(server: str, visit: Callable[..., Visit]) -> None:
    page = visit(WIDTHS["phone"]).open(server + DOC)
    tap(page, *centre(first_term(page, "liubao")))
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    tap(page, 5, 400)
    tip.wait_for(state="hidden", timeout=5000)


def test_clicking_a_slogan_opens_its_page_at_the_heading(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + DOC)
    first_term(page, "liuwen").click()
    page.wait_for_url(server + "glossary/liuwen/", timeout=5000)
    heading = page.locator("h1#term")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert heading.inner_text().startswith("六稳")
    assert page.get_by_text(LIUWEN).first.is_visible()
    assert not v.foreign, v.foreign


def test_a_keyword_in_context_link_lands_on_the_paragraph(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + "glossary/sanwu/")
    page.locator("a.kwic-link[href$='lishi-2021-gongzuobaogao/#p-32']").click()
    page.wait_for_url(server + DOC + "#p-32", timeout=5000)
    page.wait_for_function("document.getElementById('p-32').getBoundingClientRect().top < window.innerHeight")
    box = page.locator("#p-32").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert page.locator("#p-32 a.term[data-term='sanwu']").count() == 1
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
