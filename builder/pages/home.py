"""The home page: what the edition is, its four doors, its documents, citing and correcting.

The doors come first, as Material's documented grid cards: 文件 (the documents by
region, year and type), then each feature's own card (搜索 with its box, 指标 with
the headline indicators, 术语 with the slogans readers meet most), so that the
three tasks readers come for take one or two taps from here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from builder.corpus.regions import Region
from builder.escape import token
from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import Extension, home_doors
from builder.pages.listing import document_list
from builder.pages.markdown import door, inline
from builder.pages.settings import SiteSettings

#: Documents listed under each prefecture on the home page; the rest are on its page.
LATEST = 5


def prefecture_summary(cat: Catalogue, prefecture: Region, src: str) -> str:
    """The prefecture's newest documents and a link to all of them: the home page
    stays the same size however many documents the corpus holds."""
    docs = sorted(cat.documents_under(prefecture), key=lambda d: -(d.meta.year or 0))
    more = (f"\n\n[共 {len(docs)} 份文件，按地区查看]({urls.link(src, urls.region(prefecture))})"
            if len(docs) > LATEST else "")
    return document_list(docs[:LATEST], src) + more


def documents_door(cat: Catalogue, src: str) -> str:
    docs = cat.documents
    prefectures = "、".join(f"[{inline(p.name)}]({urls.link(src, urls.region(p))})" for p in cat.prefectures())
    return door("文件", urls.link(src, urls.PROVINCE),
                f"{len(docs)} 份政府工作报告和规划纲要，按[地区]({urls.link(src, urls.PROVINCE)})、"
                f"[年份]({urls.link(src, urls.YEARS)})、[类型]({urls.link(src, urls.TYPES)})浏览：{prefectures}")


def render(cat: Catalogue, settings: SiteSettings, extensions: Sequence[Extension] = ()) -> str:
    src = urls.HOME
    docs = cat.documents
    regions = {cat.region_of(d) for d in docs}
    doors = [documents_door(cat, src), *home_doors(extensions, src)]
    parts = [
        f"# {inline(settings.site_name)}",
        f"本站是{inline(cat.province)}各级人民政府公开发布的政府工作报告等文件的注释版。"
        "每份文件都整理自公开的原始文本：恢复段落、找回标题、统一标点，"
        "每一段都有稳定的永久链接，可以直接引用、下载和纠错。"
        f"整理方法见[编校说明]({urls.link(src, urls.METHODOLOGY)})。",
        f"目前收录 **{len(docs)}** 份文件，涉及 **{len(regions)}** 个地区，"
        f"正文共 **{cat.characters(docs):,}** 字。",
        '<div class="grid cards home-doors" markdown>\n\n' + "\n\n".join(doors) + "\n\n</div>",
        "## 按地级市浏览 { #by-prefecture }",
    ]
    for prefecture in cat.prefectures():
        parts += [f"### [{inline(prefecture.name)}]({urls.link(src, urls.region(prefecture))})"
                  f" {{ #{token(prefecture.slug)} }}",
                  prefecture_summary(cat, prefecture, src)]
    parts += [
        f"也可以[按年份]({urls.link(src, urls.YEARS)})或"
        f"[按文件类型]({urls.link(src, urls.TYPES)})浏览。",
        "## 下载数据 { #data }",
        f"全部文件的元数据：[{posixpath.basename(urls.DOCUMENTS_JSON)}]({urls.link(src, urls.DOCUMENTS_JSON)})"
        "（gzip 压缩的 JSON；每份文件的页面地址和仓库中源文件的地址都在其中）。"
        "每份文件页面的“文件信息”中另有纯文本（.txt）下载和仓库源文件链接。",
        "## 如何引用 { #cite }",
        "每份文件页面末尾的“引用本文”提供纯文本、BibTeX 和 CSL-JSON 三种格式，"
        "均指向该文件的永久链接。引用某一段时，请使用段落末尾 ¶ 符号给出的段落链接"
        f"（形如 `{settings.site_url}documents/<文件编号>/#p-12`），段落编号不会因修订而改变。",
        "## 如何纠错 { #correct }",
        "发现错字、漏段或标点错误，可以在文件页面点击“报告错误”提交问题，"
        "或点击“编辑此文件”直接修改仓库中的源文件 "
        f"[`corpus/documents/`]({settings.repo_url}/tree/{settings.branch}/corpus/documents) "
        "并发起合并请求（pull request）。请注明依据的原始来源。",
    ]
    return "\n\n".join(parts) + "\n"
