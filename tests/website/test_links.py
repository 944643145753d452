"""Every internal link and #anchor of the built site resolves."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import yaml

from builder.pages import raw_delta
from builder.pages.sources import drawn_links

from .sitebuild import REPO, BuiltSite

SITE_PATH = urlsplit(yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["site_url"]).path


class _Page(HTMLParser):
    """Collects element ids and the URLs the page links to or loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical",)):
                self.links.append(a[key])


@cache
def _parse(path: Path) -> _Page:
    """A page as a reader's browser has it: a source page with its packed span drawn in
    (``source-text.js``), whose ids the edition's 原文 links point at and whose links go back."""
    page = _Page()
    text = path.read_text(encoding="utf-8")
    page.feed(text)
    span = raw_delta.read_span(text, path.parent)
    if span is not None:
        page.feed(span)
    page.links += drawn_links(text)  # the blocks' 原文 links, which the script draws too
    return page


def _target(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment an internal URL points at; None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):  # 404.html links from the site root path
        rel = PurePosixPath(unquote(parts.path)).relative_to(SITE_PATH)
        target = site / rel
    elif parts.path:
        target = page.parent / unquote(parts.path)
    else:
        target = page
    target = Path(str(target.resolve()))
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite) -> None:
    site = built_site.site.resolve()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(built_site.corpus.documents)
    broken = []
    checked = 0
    for page in pages:
        for url in _parse(page).links:
            hit = _target(site, page, url)
            if hit is None:
                continue
            target, fragment = hit
            checked += 1
            if not target.is_file() or site not in target.parents:
                broken.append(f"{page.relative_to(site)}: {url} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                broken.append(f"{page.relative_to(site)}: {url} (no #{fragment})")
    assert not broken, "\n".join(broken[:50])
    assert checked > 100


def test_every_document_has_its_page_and_one_download(built_site: BuiltSite) -> None:
    """The page with every anchor, and one ``.txt``, made from the page in the browser
    (test_text_download_browser.py), so that no file of it is stored; the corpus file is
    linked in the repository, not copied (a second download would double every document's bytes)."""
    for doc in built_site.corpus.documents:
        page = _parse(built_site.html(f"documents/{doc.id}"))
        anchors = {b.anchor for b in doc.blocks if b.anchor}
        assert anchors <= page.ids, f"{doc.id}: anchors missing from the page"
        html = built_site.html(f"documents/{doc.id}").read_text(encoding="utf-8")
        assert html.count(f'data-text-download="{doc.id}.txt"') == 1
        assert not (built_site.site / "data" / "texts").exists()
        assert any(link.endswith(f"/blob/main/corpus/documents/{doc.id}.md") for link in page.links)
