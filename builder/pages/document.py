"""One page per document: metadata card, full text with permalinks, citation, edit links."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from builder.corpus.model import Block, Document, plain_inline
from builder.escape import code, html_attr, html_text, json_in_html, markdown_text, page_title, token, url_query
from builder.pages import cite, data_files, doc_neighbours, urls
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import Extension
from builder.pages.listing import COMPLETENESS_LABELS, date_text
from builder.pages.markdown import block, block_ids, fenced, indent, inline
from builder.pages.prerendered import wrap
from builder.pages.settings import SiteSettings


def breadcrumb(cat: Catalogue, doc: Document, src: str) -> str:
    """山西省 › 吕梁市 › 离石区, every level a link to its region page."""
    links = [f"[{inline(cat.province)}]({urls.link(src, urls.PROVINCE)})"]
    links += [f"[{inline(r.name)}]({urls.link(src, urls.region(r))})"
              for r in cat.hierarchy(cat.region_of(doc))]
    return " › ".join(links)


#: The correction issue form (``.github/ISSUE_TEMPLATE``) and the ids of the fields
#: the report-an-error link fills in; GitHub pre-fills a form field from the
#: query parameter of the same name.
CORRECTION_FORM = "correction.yml"
FORM_DOCUMENT, FORM_PARAGRAPH = "document", "paragraph"


def report_url(doc: Document, url: str, settings: SiteSettings) -> str:
    """The 纠错 issue form with the document filled in; ``edition.js`` fills the
    paragraph field with the paragraph the reader has linked to (``#p-12``)."""
    query = {"template": CORRECTION_FORM, "title": f"勘误：{doc.meta.title}（{doc.id}）",
             FORM_DOCUMENT: doc.id, FORM_PARAGRAPH: url}
    return settings.new_issue_url() + url_query(query)


def source_links(doc: Document, src: str, extensions: Sequence[Extension], settings: SiteSettings) -> str:
    """The card's links to the original: the page's 原文 section (which also makes the span's
    download) and the raw file in the repository, at the span's lines."""
    if not has_raw(doc, extensions):
        return ""
    first, last = doc.meta.source.line_range
    return (f" · [原文与编辑改动](#{urls.SOURCE_SECTION}) · "
            f"[原始文件（仓库中）]({settings.blob_url(urls.raw_file(doc))}#L{first}-L{last})")


def has_raw(doc: Document, extensions: Sequence[Extension]) -> bool:
    """Whether the page has the raw characters of its text (``builder.pages.sources``)."""
    return any(getattr(ext, "has_raw", lambda d: False)(doc) for ext in extensions)


def year_text(doc: Document, src: str) -> str:
    """The year, linked to its page; "not stated" with the note when the source states none."""
    if doc.meta.year is None:
        note = f"：{inline(doc.meta.year_note)}" if doc.meta.year_note else ""
        return f"原文未写明{note}"
    return f"[{doc.meta.year}年]({urls.link(src, urls.year(doc.meta.year))})"


def title_text(doc: Document, src: str, extensions: Sequence[Extension]) -> str:
    """Titles are the editors' (uniform: region, year, type); the source's own title line is quoted."""
    line = doc.meta.source.title_line
    if line is None:
        return "本版所拟（原文没有标题行）"
    where = f"原始文件第 {line.line} 行"
    if has_raw(doc, extensions):
        # raw HTML, not a Markdown link: the line's anchor is in the page's packed raw span
        # (builder.pages.sources), which MkDocs' anchor validation does not see
        where = f'<a href="#L{line.line}">{where}</a>'
    return f"本版所拟；原文标题行：“{inline(line.text)}”（{where}）"


def metadata_card(cat: Catalogue, doc: Document, src: str, settings: SiteSettings,
                  extensions: Sequence[Extension] = ()) -> str:
    meta = doc.meta
    source = meta.source
    first, last = source.line_range
    rows = [("标题", title_text(doc, src, extensions)),
            ("地区", breadcrumb(cat, doc, src)),
            ("日期", date_text(doc)),
            ("年份", year_text(doc, src))]
    if meta.congress:
        rows.append(("会议", inline(meta.congress)))
    rows += [(name, inline(value)) for name, value in (("文号", meta.doc_number), ("发文机关", meta.issued_by),
                                                        ("审议通过", meta.adopted_by)) if value]
    if meta.speaker:
        rows.append(("报告人", inline(" ".join(p for p in (meta.speaker_title, meta.speaker) if p))))
    rows.append(("文件类型", f"[{markdown_text(meta.doc_type)}]({urls.link(src, urls.doc_type(meta.doc_type))})"))
    status = COMPLETENESS_LABELS[meta.completeness.status]
    note = f"：{inline(meta.completeness.note)}" if meta.completeness.note else ""
    rows.append(("完整性", f"{status}{note}"))
    span = f"{first}–{last}" if last != first else f"{first}"
    rows.append(("来源", f"原始文件 {code(source.file)} 第 {span} 行，"
                       f"SHA-256 {code(source.sha256)}（[说明]({urls.link(src, urls.METHODOLOGY)})）"
                       + source_links(doc, src, extensions, settings)))
    corpus_file = settings.blob_url(urls.corpus_file(doc))
    rows.append(("下载", f"{text_download_link(doc, corpus_file)} · [语料源文件（仓库）]({corpus_file})"))
    card = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
    return f'!!! info doc-meta "文件信息"\n\n{indent(card)}'


def text_download_link(doc: Document, corpus_file: str) -> str:
    """The "纯文本 .txt" link, as inline HTML: the file is made in the browser from the page's own
    text (``assets/javascripts/text-downloads.js``), exactly as ``data_files.plain_text`` writes it.

    The site stores no ``.txt`` per document (issue 12: at 1,000 documents they were 52 KB a
    document, an eighth of the site, and a third copy of the text beside the page and the
    search's). The second line of the file, ``TEXT_NOTE``, travels in the link so that Python
    stays its one source; without scripts the link opens the corpus file in the repository,
    which numbers every block too (``{#p-12}``).
    """
    return (f'<a href="{html_attr(corpus_file)}" data-text-download="{html_attr(token(doc.id))}.txt" '
            f'data-text-note="{html_attr(data_files.TEXT_NOTE)}">纯文本 .txt</a>')


#: The switch that hides the glossary and indicator marks in the running text
#: (``assets/javascripts/marks-switch.js`` keeps the choice across pages).
MARKS_SWITCH = ('<button type="button" class="md-button marks-switch" aria-pressed="false" '
                'data-marks-switch>隐藏标注</button>')


def actions(doc: Document, url: str, settings: SiteSettings) -> str:
    edit = settings.edit_url(urls.corpus_file(doc))
    return (f"[编辑此文件]({edit}){{ .md-button .edit-document }} "
            f"[报告错误]({report_url(doc, url, settings)}){{ .md-button .report-error }} "
            + MARKS_SWITCH)


def contents(doc: Document) -> str:
    """The document's headings as an in-page contents list, for narrow screens.

    Document pages are not in the site navigation (it would grow with the
    corpus), and Material shows a page's table of contents on a phone only
    inside the navigation drawer, under the page's own nav entry; on wide
    screens its right-hand sidebar has it, so the stylesheet hides this list there.
    """
    items = [f'<li class="doc-contents__l{b.level}"><a href="#{html_attr(b.anchor)}">'
             f'{html_text(plain_inline(b.text))}</a></li>' for b in doc.headings if b.anchor]
    if not items:
        return ""
    return wrap('<details class="doc-contents">\n<summary>目录</summary>\n<ul>\n'
                + "\n".join(items) + "\n</ul>\n</details>")


def citation(doc: Document, url: str, settings: SiteSettings) -> str:
    """引用本文: the three formats in tabs, with Material's copy button on each
    (``content.code.copy``); ``data-permalink`` tells ``paragraph-cite.js`` which URL
    to extend with a paragraph's anchor for 引用本段.

    All three are fenced as plain text, not as ``bibtex``/``json``: ``paragraph-cite.js``
    sets each block's text on load to fill in the access date, which drops any highlighting,
    so Pygments' spans were bytes no reader with scripts saw (3.5 KB of every document page)."""
    tabs = [("文本", cite.plain(doc, url, settings)), ("BibTeX", cite.bibtex(doc, url, settings)),
            ("CSL-JSON", cite.csl_json(doc, url, settings))]
    parts = [f'=== "{name}"\n\n{indent(fenced(content, "text"))}' for name, content in tabs]
    return ("## 引用本文 { #cite }\n\n"
            f"永久链接：<{url}>　作者按发布机关著录，报告人列为其他责任者；引用日期为阅读当天。\n\n"
            f'<div class="edition-cite" data-permalink="{url}" markdown>\n\n'
            + "\n\n".join(parts) + "\n\n</div>")


def front_matter(doc: Document, url: str, settings: SiteSettings, lastmod: date | None = None) -> str:
    """The browser title and description (Material prints both unescaped, hence ``page_title``);
    the nav keeps its short label. ``head_meta`` holds the Highwire ``citation_*`` tags
    as raw text, which ``main.html`` escapes for the attribute (``| e``) as it prints them."""
    meta = doc.meta
    fields = {"title": meta.title,
              "description": f"{meta.region}{f'{meta.year}年' if meta.year else ''}{meta.doc_type}（{date_text(doc)}）"}
    lines = [f"{k}: {page_title(v)}" for k, v in fields.items()]
    lines.append(f"og_title: {json_in_html(meta.title)}")
    lines.append(f"head_meta: {json_in_html(cite.highwire(doc, url, settings))}")
    if lastmod is not None:  # the sitemap's lastmod (site_overrides/sitemap.xml)
        lines.append(f"lastmod: {json_in_html(lastmod.isoformat())}")
    return "---\n" + "\n".join(lines) + "\n---"


def render(cat: Catalogue, doc: Document, settings: SiteSettings,
           extensions: Sequence[Extension] = (),
           around: doc_neighbours.Neighbours = (None, None), lastmod: date | None = None) -> str:
    """The page: card, actions, the text with every feature's marks, the
    features' own sections (e.g. indicators), the citation, then the previous
    and next documents (``around``); ``lastmod`` is when its corpus file last changed."""
    src = urls.document(doc)
    url = settings.page_url(urls.url_path(src))

    def spans(b: Block, cell: tuple[int, int] | None, plain: str) -> list[Span]:
        return [s for ext in extensions for s in ext.spans(doc, b, cell, plain)]

    ids = [i if b.kind == "table" else None for b, i in zip(doc.blocks, block_ids(doc.blocks), strict=True)]
    parts = [front_matter(doc, url, settings, lastmod),
             f"# {inline(doc.meta.title)}",
             metadata_card(cat, doc, src, settings, extensions),
             actions(doc, url, settings),
             contents(doc),
             *(block(b, spans, ids[k]) for k, b in enumerate(doc.blocks)),
             *(section for ext in extensions for section in ext.document_sections(doc, src)),
             citation(doc, url, settings),
             doc_neighbours.links(doc, around)]
    return "\n\n".join(p for p in parts if p) + "\n"
