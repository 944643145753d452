"""The built site in headless Chromium: clean loads, no foreign requests, anchors, edit link."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest

from builder.corpus.model import Document

from .browsing import SCREENSHOTS, WIDTHS, Visit
from .sitebuild import BuiltSite

pytestmark = pytest.mark.browser


def _first_document(built_site: BuiltSite) -> Document:
    return built_site.corpus.documents[0]


def _pages(built_site: BuiltSite) -> dict[str, str]:
    doc = _first_document(built_site)
    region = built_site.corpus.regions.get(doc.meta.region)
    assert region is not None
    return {"home": "", "report": f"documents/{doc.id}/", "region": f"regions/{region.slug}/"}


@pytest.mark.parametrize("width_name", sorted(WIDTHS))
@pytest.mark.parametrize("page_name", ["home", "report", "region"])
def test_page_loads_clean(built_site: BuiltSite, server: str, visit: Callable[..., Visit],
                          page_name: str, width_name: str) -> None:
    v = visit(WIDTHS[width_name])
    page = v.open(server + _pages(built_site)[page_name])
    assert page.locator("h1").first.is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{page_name}-{width_name}.png"), full_page=False)
    assert not v.errors, f"console errors: {v.errors}"
    assert not v.foreign, f"requests to other hosts: {v.foreign}"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the viewport"


def test_paragraph_link_scrolls_into_view(built_site: BuiltSite, server: str,
                                          visit: Callable[..., Visit]) -> None:
    doc = _first_document(built_site)
    anchor = "p-6" if doc.block_by_anchor("p-6") else doc.paragraphs[-1].anchor
    v = visit()
    page = v.open(f"{server}documents/{doc.id}/#{anchor}")
    box = page.locator(f"#{anchor}").bounding_box()
    assert box is not None
    assert 0 <= box["y"] < page.viewport_size["height"], f"#{anchor} at y={box['y']}"
    report = parse_qs(urlsplit(page.locator("a.report-error").get_attribute("href")).query)
    assert report["template"] == ["correction.yml"]
    assert report["document"] == [doc.id]
    assert report["paragraph"][0].endswith(f"/documents/{doc.id}/#{anchor}")  # filled in by edition.js
    assert not v.foreign


def test_edit_link_opens_the_corpus_file(built_site: BuiltSite, server: str,
                                         visit: Callable[..., Visit]) -> None:
    doc = _first_document(built_site)
    page = visit().open(f"{server}documents/{doc.id}/")
    href = page.locator("a.edit-document").get_attribute("href")
    assert href.endswith(f"/edit/main/corpus/documents/{doc.id}.md")
    text = page.locator(f"a[data-text-download='{doc.id}.txt']")  # made in the browser from the page
    assert text.count() == 1 and text.get_attribute("href").endswith(f"/blob/main/corpus/documents/{doc.id}.md")
