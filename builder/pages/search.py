"""The search feature's generated files: the index under ``search/`` and the results page.

The header search box (``site_overrides/partials/header.html``) and the
results page both run ``assets/javascripts/search/main.js`` over the files
``builder.search.index`` writes; nothing here marks the document text.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.corpus.model import Block, Document
from builder.pages import urls
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.nav import NavItem
from builder.pages.settings import SiteSettings
from builder.search.index import build_index
from builder.search.segment import tokenizer

#: The results page: ``search/?q=六新`` shows every hit with filters.
RESULTS_PAGE = "search/index.md"

_PAGE = """\
# 全文搜索

<div class="edition-search-page" data-edition-search-page>
<noscript>全文搜索需要启用 JavaScript；也可下载各文件的纯文本（见每份文件页面底部）自行检索。</noscript>
</div>
"""


def home_door(src: str) -> str:
    action = urls.url_path(urls.link(src, RESULTS_PAGE))
    return (f"-   **[搜索]({urls.link(src, RESULTS_PAGE)})**\n\n"
            f'    <form class="home-search" action="{action}" method="get" role="search">'
            '<label for="home-q">搜索全文：短语、地区、指标或术语</label>'
            '<input id="home-q" name="q" type="search" placeholder="例如：三零、地区生产总值" '
            'autocomplete="off"><button type="submit">搜索</button></form>')


class SearchPages:
    """``pages()`` is the whole feature: index shards, text chunks, manifest, results page."""

    def __init__(self, cat: Catalogue, settings: SiteSettings) -> None:
        self.cat = cat

    def spans(self, doc: Document, block: Block, cell: tuple[int, int] | None,
              plain: str) -> Sequence[Span]:
        return ()

    def document_sections(self, doc: Document, src: str) -> list[str]:
        return []

    def pages(self) -> dict[str, str | bytes]:
        corpus = self.cat.corpus
        files: dict[str, str | bytes] = dict(build_index(self.cat.documents, corpus.regions, tokenizer(corpus)))
        files[RESULTS_PAGE] = _PAGE
        return files

    def nav(self) -> list[NavItem]:
        return [{"搜索": RESULTS_PAGE}]

    def home_door(self, src: str) -> str:
        """The home page's 搜索 card: a box that opens the results page (no script needed)."""
        return home_door(src)
