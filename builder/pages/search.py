"""The search feature's generated files: the index under ``search/`` and the results page.

The header search box (``site_overrides/partials/header.html``) and the
results page both run ``assets/javascripts/search/main.js`` over the files
``builder.search.index`` writes; nothing here marks the document text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from builder.corpus.model import Block, Document
from builder.pages import urls
from builder.pages.analyses import Analysis
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.markdown import door
from builder.pages.nav import NavItem
from builder.pages.output import Output
from builder.pages.settings import SiteSettings
from builder.parallel import BATCH
from builder.search.index import Layout, SearchAnalysis, document_chunks, index_files, layout, write_runs
from builder.search.runs import PostingRuns, bucket_count
from builder.search.segment import Segmenter, tokenizer

#: The results page: ``search/?q=六新`` shows every hit with filters.
RESULTS_PAGE = "search/index.md"

_PAGE = """\
# 全文搜索

<div class="edition-search-page" data-edition-search-page>
<noscript>全文搜索需要启用 JavaScript；也可下载各文件的纯文本（见每份文件页面底部）自行检索。</noscript>
</div>

## 搜索说明 {#search-help}

搜索找的是段落（以及标题、表格）中连续出现的字：结果都含有所输入的词（或本版词表所列的同义写法），不做猜测。
空格分隔的几个词须出现在同一段落中。输入与原文按同一规则比较：

| 规则 | 输入 | 找到原文中的 |
|---|---|---|
| 引号、括号一律不计 | 十四五规划 · 大”行 | “十四五”规划 · 大”行 / 大行 |
| 全角半角、兼容字符视为相同（Unicode NFKC） | １５１．５亿元 · 劣V类 · m2 · O3 | 151.5亿元 · 劣Ⅴ类 · ㎡ · O₃ |
| 繁体字视为简体字（OpenCC 字表） | 鄉村振興 | 乡村振兴 |
| 数字中的〇与零视为相同 | 二零三五年 | 二〇三五年 |
| 拉丁字母不分大小写 | pcr · 5G | PCR · 5g |

本版词表中的同义写法也视为相同：搜 GDP 也找到写“地区生产总值”的段落，
搜 规上工业增加值 也找到写“规模以上工业增加值”的段落，结果注明“同义词”。
同义写法只来自本版的指标词表（名称与同义词）和术语表（术语与其他写法），不另加猜测。
结果中高亮的是原文的字（含其中的引号）。结果页可按地级市、地区、类型、年份筛选，
地址如 `search/?q=三零&year=2021`；无效的筛选值会在页面上指出，并列出可选的值。
"""


def home_door(src: str) -> str:
    action = urls.url_path(urls.link(src, RESULTS_PAGE))
    return door("搜索", urls.link(src, RESULTS_PAGE),
                f'<form class="home-search" action="{action}" method="get" role="search">'
                '<label for="home-q">搜索全文：短语、地区、指标或术语</label>'
                '<input id="home-q" name="q" type="search" placeholder="例如：三零、地区生产总值" '
                'autocomplete="off"><button type="submit">搜索</button></form>')


class SearchPages:
    """The whole feature: a document's text chunks (``document_files``), and the index shards,
    manifest and results page that gather every document (``pages``)."""

    def __init__(self, cat: Catalogue, settings: SiteSettings) -> None:
        self.cat = cat
        self.analysis = SearchAnalysis(self._spill)
        self._position = {d.id: i for i, d in enumerate(cat.documents)}
        #: Made here, in the main process, so that every forked worker appends to the same folder.
        self.runs = PostingRuns(buckets=bucket_count(len(cat.documents)))

    def _spill(self, docs: Sequence[Document], analysed: list[dict]) -> None:
        start = self._position[docs[0].id]
        if [self._position[d.id] for d in docs] != list(range(start, start + len(docs))):
            raise ValueError("search runs: a batch of documents out of the catalogue's order")
        write_runs(self.runs, self.layout, start, analysed)

    @cached_property
    def layout(self) -> Layout:
        return layout(self.cat.documents)

    @cached_property
    def tokenizer(self) -> Segmenter:
        return tokenizer(self.cat.corpus)

    def spans(self, doc: Document, block: Block, cell: tuple[int, int] | None,
              plain: str) -> Sequence[Span]:
        return ()

    def document_sections(self, doc: Document, src: str) -> list[str]:
        return []

    def analyses(self) -> list[Analysis]:
        return [self.analysis]

    def document_files(self, doc: Document) -> dict[str, str | bytes]:
        """The chunks holding the document's units (jieba's word lengths: the costly part)."""
        return dict(document_chunks(self.cat.documents, self.layout, self._position[doc.id], self.tokenizer))

    def pages(self) -> Output:
        """The index's gathering files and the results page, read from disk as they are asked for
        (the index never sits whole in memory). Documents no worker streamed are spilled first, a
        batch at a time, from the analyses store (computed there, or loaded from shard artefacts)."""
        docs = self.cat.documents
        written, _ = self.runs.documents()
        missing = [i for i in range(len(docs)) if i not in written]
        while missing:
            start, batch = missing[0], []
            while missing and missing[0] == start + len(batch) and len(batch) < BATCH:
                batch.append(missing.pop(0))
            self._spill([docs[i] for i in batch],
                        [self.cat.analyses.get(self.analysis, docs[i], keep=False) for i in batch])  # type: ignore[misc]
        self.runs.close()
        names = index_files(docs, self.cat.corpus.regions, self.layout, self.runs, self.cat.jobs)
        files = Output(self.runs.files)
        for name in names:
            files.adopt(name, "the search index")
        files.add(RESULTS_PAGE, _PAGE, "the search results page")
        return files

    def nav(self) -> list[NavItem]:
        return [{"搜索": RESULTS_PAGE}]

    def home_door(self, src: str) -> str:
        """The home page's 搜索 card: a box that opens the results page (no script needed)."""
        return home_door(src)
