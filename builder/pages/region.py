"""Region pages: the province overview and one page per region with documents."""

from __future__ import annotations

from collections.abc import Sequence

from builder.corpus.regions import Region
from builder.escape import code, front_matter, markdown_text
from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import Extension, region_sections
from builder.pages.listing import document_list, paged, pager
from builder.pages.markdown import inline


def _region_link(cat: Catalogue, region: Region, src: str) -> str:
    """A link when the region has a page; its name and a note otherwise."""
    if cat.has_page(region):
        count = len(cat.documents_under(region))
        return f"[{inline(region.name)}]({urls.link(src, urls.region(region))})（{count} 份文件）"
    return f"{inline(region.name)}（暂无文件）"


def province_page(cat: Catalogue) -> str:
    src = urls.PROVINCE
    lines = [front_matter(cat.province), "", f"# {inline(cat.province)}", "",
             f"本版收录{inline(cat.province)}以下地区的政府文件，按地级市排列。", ""]
    for prefecture in cat.prefectures():
        lines.append(f"- {_region_link(cat, prefecture, src)}")
        lines += [f"    - {_region_link(cat, child, src)}" for child in cat.children(prefecture)]
    return "\n".join(lines) + "\n"


def region_page(cat: Catalogue, region: Region, extensions: Sequence[Extension] = ()) -> dict[str, str]:
    """The region's page (and, for a long list, its further pages): source path -> Markdown.
    The first page also has the features' sections (key figures, slogans) before the list."""
    first = urls.region(region)

    def render(docs: list, n: int, count: int, src: str) -> str:
        up = [f"[{inline(cat.province)}]({urls.link(src, urls.PROVINCE)})"]
        if region.parent:
            up.append(_region_link(cat, cat.prefecture_of(region), src))
        title = inline(region.name) if n == 1 else f"{inline(region.name)}（第 {n} 页）"
        nav = pager(first, n, count, src)
        page = region.name if n == 1 else f"{region.name}（第 {n} 页）"
        parts = [front_matter(page), f"# {title}",
                 f"{' › '.join(up)} › {inline(region.name)}",
                 f"行政区划代码 {code(region.code)} · {markdown_text(region.level)}",
                 *(region_sections(extensions, region, src) if n == 1 else []),
                 "## 文件 { #documents }", nav,
                 document_list(docs, src), nav]
        if region.parent is None and n == 1:
            children = cat.children(region)
            parts += ["## 下辖地区 { #subregions }",
                      "\n".join(f"- {_region_link(cat, c, src)}" for c in children)
                      if children else "本版未收录下辖地区。"]
        return "\n\n".join(p for p in parts if p) + "\n"

    return paged(cat.documents_of(region), first, render)
