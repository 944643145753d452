"""Browse-by pages: documents by year and by document type."""

from __future__ import annotations

from builder.corpus.model import Document
from builder.corpus.regions import Region
from builder.escape import token
from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.listing import document_list, paged, pager
from builder.pages.markdown import inline


def _overview(title: str, intro: str, entries: list[tuple[str, str, int]], src: str) -> str:
    lines = [f"# {title}", "", intro, ""]
    lines += [f"- [{inline(name)}]({urls.link(src, target)})（{count} 份文件）"
              for name, target, count in entries]
    return "\n".join(lines) + "\n"


def _grouped(cat: Catalogue, title: str, docs: list[Document], first_src: str) -> dict[str, str]:
    """One heading per prefecture city, its documents below; paged when long.

    ``docs`` come in catalogue order, so a prefecture's documents are
    contiguous (division codes put a city before its counties)."""
    prefecture_of = {d.id: cat.prefecture_of(cat.region_of(d)) for d in docs}

    def render(part: list[Document], n: int, count: int, src: str) -> str:
        nav = pager(first_src, n, count, src)
        parts = [f"# {title}" if n == 1 else f"# {title}（第 {n} 页）", nav]
        groups: dict[Region, list[Document]] = {}
        for d in part:
            groups.setdefault(prefecture_of[d.id], []).append(d)
        for prefecture in sorted(groups, key=lambda r: r.code):
            parts += [f"## {inline(prefecture.name)} {{ #{token(prefecture.slug)} }}",
                      document_list(groups[prefecture], src)]
        parts.append(nav)
        return "\n\n".join(p for p in parts if p) + "\n"

    return paged(docs, first_src, render)


def years_page(cat: Catalogue) -> str:
    entries = [(f"{y}年", urls.year(y), sum(d.meta.year == y for d in cat.documents))
               for y in cat.years()]
    return _overview("按年份", "按文件所属年份浏览。", entries, urls.YEARS)


def year_page(cat: Catalogue, year: int) -> dict[str, str]:
    docs = [d for d in cat.documents if d.meta.year == year]
    return _grouped(cat, f"{year}年", docs, urls.year(year))


def types_page(cat: Catalogue) -> str:
    entries = [(t, urls.doc_type(t), sum(d.meta.doc_type == t for d in cat.documents))
               for t in cat.doc_types()]
    return _overview("按文件类型", "按文件类型浏览。", entries, urls.TYPES)


def type_page(cat: Catalogue, doc_type: str) -> dict[str, str]:
    docs = [d for d in cat.documents if d.meta.doc_type == doc_type]
    return _grouped(cat, doc_type, docs, urls.doc_type(doc_type))
