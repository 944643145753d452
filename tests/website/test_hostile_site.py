"""Hostile corpus text is harmless in the built site even if ``builder check`` is skipped.

One corpus is made hostile in every file kind at once (front matter, body, regions,
glossary, indicators, corrections) with the payload families of
``tests/corpus/hostile.py``, and built with ``builder build --no-check`` (check and the
string-safety rule off; types, ids and limits still on) and ``mkdocs build --strict``.
Then:

- every generated HTML page is parsed: no payload is an element, an event-handler
  attribute, a script URL or a request to another host;
- the pages a reader meets are opened in headless Chromium, every link with a title
  (the glossary and indicator tooltips) hovered and every focusable element focused:
  no dialog opens, no page error is thrown, no request leaves the site;
- edits that break a form (a slug, a code, a hash, a file name) make the build refuse
  even with check bypassed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder.pages import raw_delta
from tests.conftest import REPO
from tests.corpus.conftest import DOC, FIXTURE
from tests.corpus.hostile import FIELDS, PAYLOADS, with_every_kind

from .sitebuild import BuiltSite, build_site

EVIL = "evil.example"


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def make_hostile(corpus: Path) -> None:
    with_every_kind(corpus)
    doc, regions = corpus / DOC, corpus / "regions.yml"
    glossary, indicators = corpus / "glossary" / "sanling.yml", corpus / "indicators.yml"
    # front matter
    replace(doc, "title: 吕梁市离石区2021年政府工作报告", f"title: {q('离石' + PAYLOADS['script tag'])}")
    replace(doc, "congress: 吕梁市离石区第七届人民代表大会第一次会议", f"congress: {q(PAYLOADS['img onerror'])}")
    replace(doc, "speaker: 李军", f"speaker: {q(PAYLOADS['entity-encoded tag'])}")
    replace(doc, "speaker_title: 区长", f"speaker_title: {q(PAYLOADS['attribute list, no handler'])}")
    replace(doc, "note: 测试用节选：只保留报告开头几段。", f"note: {q(PAYLOADS['javascript with an entity'])}")
    replace(doc, "lines: 1-23", f"lines: 1-23\n  omitted:\n  - {{lines: 2-3, reason: {q(PAYLOADS['markdown image'])}}}")
    # body: every payload in a paragraph of its own, and in a heading and a table cell
    replace(doc, "各位代表： {#p-4}", "各位代表：" + PAYLOADS["script tag"] + " {#p-4}")
    replace(doc, "（一）疫情防控取得重大成果 {#h-2}", f"（一）疫情防控{PAYLOADS['backtick breakout']} {{#h-2}}")
    replace(doc, "| 经济发展 | 1 |", f"| 经济发展{PAYLOADS['markdown link']} | 1 |")
    extra = "".join(f"\n{payload.replace(chr(10), ' ')}。 {{#p-{i}}}\n"
                    for i, payload in enumerate(PAYLOADS.values(), start=100))
    doc.write_text(doc.read_text(encoding="utf-8") + extra, encoding="utf-8")
    # regions: a prefecture's name (used on home, year, type and region pages) and the province
    city = "<i onclick=alert(1)>"
    for path in (regions, doc, glossary):
        replace(path, "吕梁市", city, count=-1)
    replace(regions, "  name: 山西省", f"  name: {q('{:onclick=alert(1)}')}")
    replace(doc, "province: 山西省", f"province: {q('{:onclick=alert(1)}')}")
    # glossary: the tooltip route (an entity that Material's tooltip would decode into markup)
    replace(glossary, "expansion: unknown", f"expansion: {q(PAYLOADS['entity-encoded tag'])}")
    replace(glossary, "    level:\n    - inference: 只见于吕梁。",
            f"    expansion:\n    - public: {q(PAYLOADS['markdown image'] + '，2020年')}\n"
            f"    - {{corpus: lishi-2021-gongzuobaogao#p-4, quote: {q(PAYLOADS['img onerror'])}}}\n"
            f"    level:\n    - inference: {q(PAYLOADS['javascript link'])}")
    replace(glossary, "explanation: 平安建设中的提法。", f"explanation: {q(PAYLOADS['img onerror'])}")
    replace(glossary, "variants: []", f"variants: [{q(PAYLOADS['javascript link'])}]")
    # indicators and corrections: names, units, the quote shown as a tooltip
    replace(indicators, "name: 地区生产总值", f"name: {q('地区生产总值' + PAYLOADS['img onerror'])}")
    replace(indicators, "synonyms: [GDP]", "synonyms: [GDP, 地区生产总值]")
    replace(indicators, "category: 经济总量", f"category: {q(PAYLOADS['javascript link'])}")
    replace(indicators, "units: [亿元]", f"units: [亿元, {q('{:onclick=alert(1)}')}]")
    corrections = corpus / "indicator_corrections.yml"
    replace(corrections, "quote: 各位代表}", f"quote: {q('各位代表：' + PAYLOADS['script tag'])}, unit: "
            f"{q('<i onclick=x>')}}}")


class ActiveContent(HTMLParser):
    """What a browser would run or load: scripts, frames, handlers, script URLs, other hosts."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = self._json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):  # (inline <svg> icons are the theme's own)
            self.found.append(f"<{tag}>")
        kind = dict(attrs).get("type") or "text/javascript"
        # a JSON data block (search cards) is not run; its text is checked to stay inside it below
        self._in_script = tag == "script" and kind in ("text/javascript", "module", "application/javascript")
        if tag == "script" and kind == "application/json":
            self._json = True
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name == "autofocus":
                self.found.append(f"<{tag} {name}={value}>")
            squeezed = "".join(value.split()).lower()
            if name in ("href", "src", "action", "formaction", "srcset", "data") and (
                    squeezed.startswith(("javascript:", "vbscript:", "data:text")) or EVIL in squeezed):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(1)" in data:
            self.found.append("<script>alert(1)</script>")
        if self._json and ("<" in data or "&" in data):  # could close the element or open a comment
            self.found.append("unescaped < or & in a JSON script block")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._json = False


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    work = tmp_path_factory.mktemp("hostile")
    corpus = work / "corpus"
    shutil.copytree(FIXTURE, corpus)
    make_hostile(corpus)
    return build_site(work / "out", corpus, check=False)


def _active(page: Path) -> list[str]:
    """What could run on the page as a reader's browser has it: a source page with its packed
    span drawn in (``source-text.js`` puts that HTML into the page as it is)."""
    parser = ActiveContent()
    text = page.read_text(encoding="utf-8")
    parser.feed(text)
    span = raw_delta.read_span(text, page.parent)
    if span is not None:
        parser.feed(span)
    return parser.found



def test_the_build_with_check_refuses_the_hostile_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    make_hostile(corpus)
    run = subprocess.run([sys.executable, "-m", "builder", "build", "--corpus", str(corpus),
                          "--out", str(tmp_path / "docs")], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{corpus / 'regions.yml'}:" in run.stderr  # (each file kind on its own: test_hostile_input.py)


def test_every_payload_reached_the_document_page_as_text(hostile_site: BuiltSite) -> None:
    page = hostile_site.html("documents/lishi-2021-gongzuobaogao").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("alert(1)") >= len(PAYLOADS)


def test_no_page_of_the_hostile_site_carries_active_content(hostile_site: BuiltSite) -> None:
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > 10
    assert {str(p.relative_to(hostile_site.site)): _active(p) for p in pages if _active(p)} == {}


#: The pages where the hostile strings land: home, browse pages, the document, glossary, indicators.
READER_PAGES = ["", "regions/", "regions/lvliang/", "regions/lishi/", "years/2021/", "types/gongzuobaogao/",
                "documents/lishi-2021-gongzuobaogao/", "glossary/", "glossary/sanling/", "indicators/",
                "indicators/gdp/", "indicators/gdp/actual-2020/", "about/methodology/",
                "search/?q=%E5%90%84%E4%BD%8D%E4%BB%A3%E8%A1%A8"]


@pytest.fixture(scope="module")
def hostile_server(hostile_site: BuiltSite):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(hostile_site.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("path", READER_PAGES)
def test_a_reader_hovering_and_tabbing_through_a_hostile_page_runs_nothing(hostile_server: str, visit,
                                                                           path: str) -> None:
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = v.open(hostile_server + path)
    page.wait_for_timeout(300)
    for link in page.locator("article [title], article .term, article .ind-mark").all()[:60]:
        if link.is_visible():
            link.hover()
            page.wait_for_timeout(60)
    for _ in range(40):
        page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    injected = page.evaluate("document.querySelectorAll('img[src=\"x\"], i[onclick], [onerror], [onload]').length")
    assert (dialogs, v.errors, injected) == ([], [], 0)
    assert [u for u in v.foreign if urlsplit(u).hostname] == []


@pytest.mark.browser
def test_the_glossary_tooltip_shows_the_entity_as_text(hostile_server: str, visit) -> None:
    """Material's content.tooltips decodes ``title``: the expansion ``&lt;img …&gt;`` must stay text."""
    v = visit()
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = v.open(hostile_server + "documents/lishi-2021-gongzuobaogao/")
    page.locator("a.term").first.hover()
    tip = page.locator(".glossary-tip", has_text="img src=x onerror")  # its text, from glossary/tips.json
    tip.wait_for(state="visible", timeout=5000)
    page.wait_for_timeout(500)
    assert dialogs == [] and page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0


@pytest.mark.parametrize("field", ["region slug", "region code", "document source file", "document source sha256",
                                   "document region_code", "glossary related", "correction doc"])
def test_a_broken_form_makes_the_build_refuse_even_without_check(tmp_path: Path, field: str) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    with_every_kind(corpus)
    FIELDS[field].apply(corpus, "lvliang autofocus tabindex=0 onfocus=alert(document.domain)")
    run = subprocess.run([sys.executable, "-m", "builder", "build", "--no-check", "--corpus", str(corpus),
                          "--out", str(tmp_path / "docs")], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"{corpus / FIELDS[field].file}:" in run.stderr
    assert not (tmp_path / "docs").exists()
