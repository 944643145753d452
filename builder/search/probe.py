"""Type queries into a built site's search box in headless Chromium and read what a reader sees.

Used by ``search-eval`` and ``benchmarks/``; works on the edition's search
and on Material's built-in search (the benchmark's comparison build), so
both are measured the same way: a query is committed as a Chinese IME
commits it (``keyboard.insert_text``: one input event with the whole word,
then the keyup of the committing key, which Material's box listens to),
the clock runs from typing to the first results on screen, and the bytes
are every response body the page received from navigation to that moment.
"""

from __future__ import annotations

import functools
import gzip
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

from builder.chromium import CHROMIUM, CHROMIUM_ARGS
from builder.search.normalise import fold

DROPDOWN = "[data-edition-search-output]"
RESULTS_PAGE = ".edition-search-page__results"
#: In the page: press the next "more" button (the view's, or a document's "本文更多结果") and
#: wait for it to finish (a document's button comes back enabled or goes, the view's is
#: replaced), until there is none; then the documents and units on screen.
_REACH = """async (root) => {
  const view = document.querySelector(root);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 20000; i++) {
    const b = view.querySelector(
      "button.edition-search-doc__more:not([disabled]), button.edition-search-more:not([disabled])");
    if (!b) break;
    b.click();
    for (let t = 0; t < 3000 && b.isConnected && b.disabled; t++) await sleep(10);
  }
  return [[...view.querySelectorAll("[data-doc]")].map((e) => e.dataset.doc),
          [...view.querySelectorAll("[data-unit]")].map((e) => +e.dataset.unit)];
}"""
#: Requests that belong to search, for either implementation.
SEARCH_PARTS = ("/search/", "search.js", "search.css", "search_index.json", "workers/search")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """``site`` over HTTP on 127.0.0.1 (no compression, as the bytes are counted raw)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass(frozen=True)
class Seen:
    """What one query showed: documents (ids, in order), time and bytes.

    Material lists any page; a page that is not a document is named by its path.
    """

    docs: list[str]
    ms: float
    bytes_total: int  # every response body since navigation (cold) or since typing (warm)
    bytes_search: int  # those of search files only (SEARCH_PARTS)
    gzip_search: int  # the search files gzip-compressed, as GitHub Pages serves them (0 without ``site``)
    requests: int
    units: tuple[int, ...] | list[int] = ()  # the edition's units shown (``data-unit``), in order, repeats kept


def page_text(site: Path, item: str) -> str:
    """The article text of a page of ``site`` (a document id or a page path), folded.

    Only the article: every page's navigation names every region and document.
    """
    path = site / ("documents/" + item if "/" not in item and (site / "documents" / item).is_dir() else item)
    html = (path / "index.html").read_text(encoding="utf-8") if path.is_dir() else ""
    start = html.find('<article class="md-content__inner')
    article = html[start:html.find("</article>", start)] if start >= 0 else ""
    return fold(unescape(re.sub(r"<[^>]+>", "", article)))


def doc_id_of(href: str) -> str | None:
    parts = urlsplit(href).path.strip("/").split("/")
    return unquote(parts[parts.index("documents") + 1]) if "documents" in parts[:-1] else None


class Probe:
    """One Chromium; ``edition=True`` drives the edition's box, else Material's."""

    def __init__(self, base_url: str, *, edition: bool = True, site: Path | None = None) -> None:
        from playwright.sync_api import sync_playwright

        self.base = base_url
        self.edition = edition
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.page = None
        self.context = None
        self.site = site  # to gzip what was served (search files only), as GitHub Pages would
        self.sizes: list[tuple[str, int]] = []
        self._gzipped: dict[str, int] = {}
        self.foreign: list[str] = []

    def close(self) -> None:
        if self.context:
            self.context.close()
        self.browser.close()
        self._pw.stop()

    def _route(self, route, request) -> None:
        if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith("data:"):
            route.continue_()
        else:
            self.foreign.append(request.url)
            route.abort()

    def _record(self, request) -> None:
        """Body sizes from the browser (a body itself can be 200 MB: Material's index at N=1000)."""
        try:
            self.sizes.append((request.url, request.sizes()["responseBodySize"]))
        except Exception:  # a request dropped by a new navigation has no size to count
            pass

    def gzip_size(self, url: str) -> int:
        if self.site is None:
            return 0
        if url not in self._gzipped:
            path = self.site / unquote(urlsplit(url).path).lstrip("/")
            path = path / "index.html" if path.is_dir() else path
            self._gzipped[url] = len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0
        return self._gzipped[url]

    def open(self, url_path: str = "", width: int = 1280, wait: str = "networkidle") -> None:
        """A fresh context (cold cache) on ``url_path``, loaded to network idle (or ``wait``:
        ``"load"`` is a reader who types as soon as the page shows, while Material's
        search may still be downloading its index)."""
        if self.context:
            self.context.close()
        self.context = self.browser.new_context(viewport={"width": width, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("requestfinished", self._record)
        self.sizes = []
        self.page.goto(self.base + url_path, wait_until=wait)
        if self.edition:  # the box listens once search/main.js has run (after parsing, before "load")
            self.page.wait_for_selector("[data-edition-search][data-ready]", state="attached")
        self.opened_at = time.perf_counter()

    def _input(self) -> str:
        return "[data-edition-search-input]" if self.edition else "[data-md-component=search-query]"

    def meta(self) -> str:
        """The line above the results (Material: "找到 N 个符合条件的结果")."""
        box = "[data-edition-search-output]" if self.edition else "[data-md-component=search-result]"
        return self.page.inner_text(f"{box} .md-search-result__meta").strip()

    def type(self, query: str, *, cold_bytes: bool, all_results: bool) -> Seen:
        """Clear the box, commit ``query``, wait for results; optionally press "more" to the end."""
        page = self.page
        if not page.evaluate("document.getElementById('__search').checked"):
            if self.edition:
                page.keyboard.press("/")
            else:  # Material opens its search when its box takes focus
                page.locator(self._input()).focus()
        box = page.locator(self._input())
        box.fill("")
        if self.edition:
            page.wait_for_function("document.querySelector('[data-edition-search-output]').dataset.state !== 'loading'")
            page.evaluate("document.querySelector('[data-edition-search-output]').dataset.state = 'typing'")
        else:
            page.evaluate("document.querySelector('.md-search-result__list').replaceChildren()")
        mark = 0 if cold_bytes else len(self.sizes)
        box.focus()
        start = time.perf_counter()
        if not self.edition:
            # Material drops what is typed before its index is built: the reader who types
            # at once waits until it is, so a cold query's clock starts when the page loaded.
            page.wait_for_function(
                "!/初始化|Initializing/.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=600_000)
            if cold_bytes:
                start = self.opened_at
        page.keyboard.insert_text(query)
        box.dispatch_event("keyup", {"key": "Process"})  # the key that committed the IME's choice
        if self.edition:
            page.wait_for_function(
                "['done', 'error'].includes(document.querySelector('[data-edition-search-output]').dataset.state)",
                timeout=30_000)
        else:
            page.wait_for_function(
                "document.querySelector('.md-search-result__list').children.length > 0 || "
                "/没有|No matching/.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=120_000)
        ms = (time.perf_counter() - start) * 1000
        page.wait_for_timeout(100)  # the last requests' "finished" events reach this process
        sizes = self.sizes[mark:]
        search = [(u, n) for u, n in sizes if any(p in urlsplit(u).path for p in SEARCH_PARTS)]
        docs, units = self.docs(all_results)
        return Seen(docs, ms, sum(n for _, n in sizes), sum(n for _, n in search),
                    sum(self.gzip_size(u) for u, _ in search), len(sizes), units)

    def results_page(self, query: str) -> Seen:
        """The results page ``search/?q=…`` on the open context, every button pressed to the end."""
        mark = len(self.sizes)
        start = time.perf_counter()
        self.page.goto(self.base + "search/?" + urlencode({"q": query}), wait_until="load")
        self.page.wait_for_selector(f"{RESULTS_PAGE}[data-state=done], {RESULTS_PAGE}[data-state=error]",
                                    state="attached", timeout=30_000)
        ms = (time.perf_counter() - start) * 1000
        docs, units = self.reach(RESULTS_PAGE)
        sizes = self.sizes[mark:]
        return Seen(docs, ms, sum(n for _, n in sizes), 0, 0, len(sizes), units)

    def reach(self, root: str) -> tuple[list[str], list[int]]:
        """Press every "more" button under ``root`` until none is left: documents and units shown."""
        return tuple(self.page.evaluate(_REACH, root))

    def docs(self, all_results: bool) -> tuple[list[str], list[int]]:
        page = self.page
        if self.edition:
            if all_results:
                return self.reach(DROPDOWN)
            return (page.eval_on_selector_all(f"{DROPDOWN} [data-doc]", "els => els.map(e => e.dataset.doc)"),
                    page.eval_on_selector_all(f"{DROPDOWN} [data-unit]", "els => els.map(e => +e.dataset.unit)"))
        if all_results:  # Material renders ten results, then more as the list scrolls
            for _ in range(200):
                n = page.locator(".md-search-result__item").count()
                page.locator(".md-search-result__item").last.scroll_into_view_if_needed()
                page.wait_for_timeout(50)
                if page.locator(".md-search-result__item").count() == n:
                    break
        hrefs = page.eval_on_selector_all(".md-search-result__list > .md-search-result__item > a",
                                          "els => els.map(e => e.href)")
        out: list[str] = []
        for h in hrefs:
            path = unquote(urlsplit(h).path).strip("/")
            item = doc_id_of(h) or path
            if item not in out:
                out.append(item)
        return out, []
