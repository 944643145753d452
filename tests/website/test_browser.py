"""The built site in headless Chromium: clean loads, no foreign requests, anchors, edit link."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder.corpus.model import Document

from .sitebuild import REPO, BuiltSite

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")
Browser, Page, Request, Route = (playwright_api.Browser, playwright_api.Page,
                                 playwright_api.Request, playwright_api.Route)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 375}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (make browser)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A page opened at one width, recording console errors and foreign requests."""

    def __init__(self, browser: Browser, width: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 800})
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith("data:"):
            route.continue_()
        else:
            self.foreign.append(request.url)
            route.abort()

    def open(self, url: str) -> Page:
        self.page.goto(url, wait_until="networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[[int], Visit]]:
    visits: list[Visit] = []

    def make(width: int = WIDTHS["desktop"]) -> Visit:
        visits.append(Visit(browser, width))
        return visits[-1]

    yield make
    for v in visits:
        v.close()


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
    report = page.locator("a.report-error").get_attribute("href")
    assert f"%E6%AE%B5%E8%90%BD%EF%BC%9A{anchor}" in report  # 段落：p-6 filled in by edition.js
    assert not v.foreign


def test_edit_link_opens_the_corpus_file(built_site: BuiltSite, server: str,
                                         visit: Callable[..., Visit]) -> None:
    doc = _first_document(built_site)
    page = visit().open(f"{server}documents/{doc.id}/")
    href = page.locator("a.edit-document").get_attribute("href")
    assert href.endswith(f"/edit/main/corpus/documents/{doc.id}.md")
    assert page.locator(f"a[href$='data/texts/{doc.id}.txt']").count() == 1
