"""The navigation does not grow with the corpus: it never lists documents, and long lists are paged."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from builder.corpus.load import load_corpus
from builder.pages import listing
from builder.pages.settings import load_settings
from builder.pages.site import generate

from .sitebuild import REPO, BuiltSite, run, site_corpus_root, write_config


class _NavLinks(HTMLParser):
    """The hrefs inside Material's primary navigation (the sidebar / drawer) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self._stack: list[bool] = []  # per open <nav>: is it (inside) the primary nav?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "nav":
            inside = bool(self._stack and self._stack[-1])
            self._stack.append(inside or "md-nav--primary" in (values.get("class") or ""))
        elif tag == "a" and self._stack and self._stack[-1] and values.get("href"):
            self.hrefs.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._stack:
            self._stack.pop()


def _nav_targets(page: Path, site: Path) -> list[str]:
    parser = _NavLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    base = posixpath.dirname(page.relative_to(site).as_posix())
    return [posixpath.normpath(posixpath.join(base, h.split("#")[0])) for h in parser.hrefs]


def test_no_page_navigation_lists_documents(built_site: BuiltSite) -> None:
    pages = sorted(built_site.site.rglob("*.html"))
    checked = 0
    for page in pages:
        targets = _nav_targets(page, built_site.site)
        checked += bool(targets)
        assert not [t for t in targets if t.startswith("documents/")], f"{page} lists documents in its nav"
    assert checked >= len(pages) // 2, "the primary nav was not found: did Material's markup change?"
    assert "documents/" not in (built_site.docs / ".nav.yml").read_text(encoding="utf-8")


def test_region_pages_are_in_the_nav_and_list_their_documents(built_site: BuiltSite) -> None:
    doc = built_site.corpus.documents[0]
    region = built_site.corpus.regions.get(doc.meta.region)
    assert region is not None
    assert f"regions/{region.slug}/index.md" in (built_site.docs / ".nav.yml").read_text(encoding="utf-8")
    own = _nav_targets(built_site.html(f"regions/{region.slug}"), built_site.site)
    assert f"regions/{region.slug}" in own  # the open section shows the page itself
    listing_page = (built_site.docs / "regions" / region.slug / "index.md").read_text(encoding="utf-8")
    assert f"](../../documents/{doc.id}.md)" in listing_page


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus built with three documents a list page, through ``mkdocs build --strict``."""
    work = tmp_path_factory.mktemp("paged")
    size = listing.PAGE_SIZE
    listing.PAGE_SIZE = 3
    try:
        files = generate(load_corpus(site_corpus_root()), load_settings(REPO / "mkdocs.yml"))
    finally:
        listing.PAGE_SIZE = size
    for rel, content in files.items():
        path = work / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    run("-m", "mkdocs", "build", "--strict", "--quiet", "-f", write_config(work))
    return work


def test_long_lists_continue_on_numbered_pages(paged_site: Path) -> None:
    """A year with more documents than a page holds: every page lists at most a page's worth,
    links its neighbours, and ``--strict`` accepts the pages outside the nav."""
    corpus = load_corpus(site_corpus_root())
    year = max((y for y in {d.meta.year for d in corpus.documents}),
               key=lambda y: sum(d.meta.year == y for d in corpus.documents))
    count = sum(d.meta.year == year for d in corpus.documents)
    if count <= 3:
        pytest.skip("the corpus has no year with more than three documents")
    pages = sorted((paged_site / "docs" / "years").glob(f"{year}*.md"))
    assert len(pages) == -(-count // 3)
    listed = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.startswith("- [")]
        assert len(lines) <= 3
        listed += len(lines)
        assert f"第 {1 if page.stem == str(year) else int(page.stem.split('-p')[1])} / {len(pages)} 页" in text
    assert listed == count
    assert (paged_site / "site" / "years" / f"{year}-p2" / "index.html").exists()
    assert f'href="../{year}-p2/"' in (paged_site / "site" / "years" / f"{year}" / "index.html").read_text("utf-8")


def _top_level(built_site: BuiltSite) -> list[str]:
    nav = yaml.safe_load((built_site.docs / ".nav.yml").read_text(encoding="utf-8"))["nav"]
    return [next(iter(item)) for item in nav]


def test_a_document_page_carries_only_the_top_level_sections_in_its_nav(built_site: BuiltSite) -> None:
    """A document is in no section, so its nav is the sections' own entries (and the logo's
    link home): the frame of every document page stays the same size whatever the corpus holds."""
    doc = built_site.corpus.documents[0]
    targets = _nav_targets(built_site.html(f"documents/{doc.id}"), built_site.site)
    assert len(set(targets)) <= len(_top_level(built_site)) + 1, targets


def test_an_open_section_shows_its_children_and_no_other_sections(built_site: BuiltSite) -> None:
    """On a year page the years are listed; the indicator groups and glossary regions are not."""
    year = max(d.meta.year for d in built_site.corpus.documents if d.meta.year)
    targets = _nav_targets(built_site.html(f"years/{year}"), built_site.site)
    assert f"years/{year}" in targets and len([t for t in targets if t.startswith("years/")]) > 2
    assert {t for t in targets if t.split("/")[0] in ("indicators", "glossary")} == {"indicators", "glossary"}
