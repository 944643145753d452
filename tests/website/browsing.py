"""Reading the built site in headless Chromium, as every browser test does.

Debian's ``/usr/bin/chromium`` driven by Playwright; every request that
leaves 127.0.0.1 is recorded and aborted, so a test can assert the site
makes none. The fixtures (``server``, ``browser``, ``visit``) live in
``conftest.py``; this module holds what they are made of.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .sitebuild import REPO

playwright_api = pytest.importorskip("playwright.sync_api")
Browser, Page, Request, Route = (playwright_api.Browser, playwright_api.Page,
                                 playwright_api.Request, playwright_api.Route)

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 375}
#: The two colour schemes, as the reader's system asks for them (Material's palette
#: follows prefers-color-scheme: default for light, slate for dark).
SCHEMES = ("light", "dark")


class Visit:
    """A page opened at one width, recording console errors and foreign requests.

    ``touch``: a touch screen (Playwright's ``has_touch``), so ``locator.tap()`` works and
    the page sees ``(hover: none)``, as a phone reader's does."""

    def __init__(self, browser: Browser, width: int, scheme: str = "light", touch: bool = False) -> None:
        # has_touch only when asked: an explicit has_touch=False also turns off the touch
        # emulation a test switches on through CDP (test_glossary_browser's taps)
        self.context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme,
                                           **({"has_touch": True} if touch else {}))
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
        """``url`` loaded as a reader meets it: parsed, scripts run, the network quiet.

        "networkidle" alone can come while a long page is still being parsed (its
        deferred scripts not yet run), so the load event is waited for as well."""
        self.page.goto(url, wait_until="networkidle")
        self.page.wait_for_load_state("load")
        return self.page

    def close(self) -> None:
        self.context.close()

