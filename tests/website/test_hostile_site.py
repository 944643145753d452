"""Hostile corpus text is harmless in the built site even if ``builder check`` is skipped.

Every payload of ``tests/corpus/test_hostile_input.py`` is written into one
corpus, the real site is built from it (builder + ``mkdocs build --strict``),
and every generated HTML page is parsed: the payloads must appear only as
text, never as an element, an event-handler attribute or a script URL.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.corpus.conftest import DOC, FIXTURE
from tests.corpus.test_hostile_input import HOSTILE

from .sitebuild import BuiltSite, build_site


class ActiveContent(HTMLParser):
    """Collects what a browser would run or load: scripts, frames, handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):  # (inline <svg> icons are the theme's own)
            self.found.append(f"<{tag}>")
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and value and \
                    value.replace(" ", "").lower().startswith(("javascript:", "vbscript:", "data:text")):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(1)" in data:
            self.found.append("<script>alert(1)</script>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    work = tmp_path_factory.mktemp("hostile")
    corpus = work / "corpus"
    shutil.copytree(FIXTURE, corpus)
    path = corpus / DOC
    text = path.read_text(encoding="utf-8")
    for i, (old, new) in enumerate(HOSTILE.values(), start=100):
        if old in text:
            text = text.replace(old, new, 1)
        else:  # several payloads edit 各位代表 (p-4): the others become paragraphs of their own
            text += "\n" + new.replace("{#p-4}", f"{{#p-{i}}}") + "\n"
    path.write_text(text, encoding="utf-8")
    return build_site(work / "out", corpus, check=False)


def _active(page: Path) -> list[str]:
    parser = ActiveContent()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_every_payload_reached_the_page_as_text(hostile_site: BuiltSite) -> None:
    doc = hostile_site.corpus.documents[0]
    page = hostile_site.html(f"documents/{doc.id}").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("alert(1)") >= len(HOSTILE) - 1  # all but the title (shown escaped, once)


def test_no_page_of_the_hostile_site_carries_active_content(hostile_site: BuiltSite) -> None:
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert pages
    assert {str(p.relative_to(hostile_site.site)): _active(p) for p in pages if _active(p)} == {}
