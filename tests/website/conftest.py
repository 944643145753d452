"""Session fixtures: the real site built once into a temporary folder, served on
127.0.0.1, and read in headless Chromium (see ``browsing.py``)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from builder.chromium import CHROMIUM, CHROMIUM_ARGS

from .browsing import WIDTHS, Browser, Visit, playwright_api
from .sitebuild import BuiltSite, build_site, site_corpus_root


@pytest.fixture(scope="session")
def site_builder() -> Callable[..., BuiltSite]:
    return build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("site-a"), site_corpus_root())


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(built_site: BuiltSite) -> Iterator[str]:
    """The built site over HTTP, as GitHub Pages serves it: ``http://127.0.0.1:PORT/``."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (make browser)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[[int], Visit]]:
    """``visit(width, scheme, touch)`` opens a fresh browser context (``scheme``: "light" or
    "dark", the system preference the page sees; ``touch``: a touch screen); all are closed
    after the test."""
    visits: list[Visit] = []

    def make(width: int = WIDTHS["desktop"], scheme: str = "light", touch: bool = False) -> Visit:
        visits.append(Visit(browser, width, scheme, touch))
        return visits[-1]

    yield make
    for v in visits:
        v.close()
