"""The methodology page: sources, what the importer changed, anchors, corrections."""

from __future__ import annotations

from builder.pages import urls
from builder.pages.catalogue import Catalogue
from builder.pages.markdown import inline
from builder.pages.settings import SiteSettings

CHANGES = (
    ("恢复段落", "PDF 转出的文本中，分页处留下的空行把一句话截成两段（如“离石全面”/“小康实现程度”）；"
     "不以句末标点结尾的段落与下一段重新拼合。网页转存时被压成一行的报告，在句末标点后的空格处、"
     "编号标题前、以及句首的“一是…二是…”“各位代表”处重新分段。"),
    ("找回标题", "“一、”“（一）”（规划纲要为“第一章”“第一节”）开头、且编号依次递增的段落识别为各级标题；"
     "与正文粘连的标题（如“一、2020年和“十三五”时期工作回顾2020年是…”）在标题结束处切开，"
     "无法判断的由人工校正。会议、报告人与“各位代表”粘连在一起的开头也拆为单独的段落。"),
    ("统一标点", "中文字符之间的半角标点（, : ; ! ? ( )）改为全角；数字与中文之间、数字内部多余的空格删除"
     "（“255 亿元”→“255亿元”）；原文的加粗和注释序号（①…）保留。"),
    ("合并人名", "为排版对齐而在字间加空格的人名（如“杨 光”）合并为连续文字。"),
    ("去除杂项", "网页列表中的标题前缀（【…招商】）、列表日期、投稿须知和电话等网站内容不在任何文件的取材范围内；"
     "报纸的“(上接1版)”“(下转3版)”和规划纲要印刷版的目录不收入正文，并记在元数据的 `source.omitted` 中。"),
    ("重建表格", "规划纲要专栏中以制表符分隔、因合并单元格而错位的表格，按表头把数值对齐到右侧各列、"
     "把类别、序号、指标对齐到左侧各列，重建为规范的表格；表格标题和表注保留为单独的段落。"),
)


def _sources_table(cat: Catalogue, src: str) -> str:
    rows = ["| 文件 | 原始文件 | 行 | SHA-256 | 略去 |", "|---|---|---|---|---|"]
    for doc in sorted(cat.documents, key=lambda d: (d.meta.source.file, d.id)):
        source = doc.meta.source
        omitted = "；".join(
            f"{inline(o.reason)}（第 {o.lines or o.line} 行）" for o in source.omitted) or "—"
        rows.append(f"| [{inline(doc.meta.title)}]({urls.link(src, urls.document(doc))}) "
                    f"| `{source.file}` | {source.lines} | `{source.sha256[:12]}…` "
                    f"| {omitted.replace('|', chr(92) + '|')} |")
    return "\n".join(rows)


def render(cat: Catalogue, settings: SiteSettings) -> str:
    src = urls.METHODOLOGY
    corpus_url = f"{settings.repo_url}/tree/{settings.branch}/corpus/documents"
    parts = [
        "# 编校说明",
        "## 文本来源 { #sources }",
        "每份文件都来自公开发布的原始文本文件（下称“原始文件”）。"
        "原始文件本身不作修改；每份文件的元数据记录了它取自哪个原始文件、"
        "哪些行，以及原始文件的 SHA-256 校验值，任何人都可以据此核对。"
        "下表列出全部文件的来源，完整的 SHA-256 见各文件页面。",
        _sources_table(cat, src),
        "## 导入时做了哪些改动 { #changes }",
        "原始文件由网页或报纸版面转存而来，导入程序做了以下机械整理，不改动文字内容：",
        "\n".join(f"- **{name}**：{what}" for name, what in CHANGES),
        "文件不完整时（摘要或节选），文件信息中的“完整性”一栏会说明缺少哪些部分。",
        "## 永久链接为什么稳定 { #anchors }",
        "每个标题和段落在导入时获得一个编号（标题 `h-3`、段落 `p-12`），"
        "编号写进源文件，此后不再重新计算。修改错字不会改变编号；"
        "新插入的段落沿用前一段的编号再加后缀（如 `p-12-1`），已有段落的链接因此永远有效。"
        "表格没有自己的编号，引用时请使用表格标题所在段落的链接。",
        "## 如何纠错 { #correct }",
        f"所有文件都以 Markdown 形式保存在仓库的 [`corpus/documents/`]({corpus_url}) 目录中。"
        "在文件页面点击“编辑此文件”即可在 GitHub 上修改对应的源文件并发起合并请求"
        "（pull request）；也可以点击“报告错误”提交问题。"
        "请只修改文字本身，保留段落末尾的 `{#p-12}` 编号，并注明所依据的来源。"
        "每个合并请求都会自动检查文件格式并重新生成本站。",
    ]
    return "\n\n".join(parts) + "\n"
