"""The original beside the edition: a 原文 section at the end of each document page.

The section (``#source``) shows the document's raw span with the raw file's
own line numbers, and is the one full copy of it on the site: its
"下载这段原文 .txt" button makes the span's file in the browser from that text
(``assets/javascripts/text-downloads.js``), and the whole raw file is linked in
the repository (``urls.raw_file``). Each block of the edition is a
``<span id=raw-p-12>`` around exactly the raw characters it was made from
(``builder.fidelity.align``), so the block's "原文" link ``#raw-p-12`` shows
that range highlighted by CSS ``:target``: a whole line of a PDF paragraph, or
a character range of a report flattened onto one line. Every raw line is
addressable (``#L5``: the 'omitted' list and the card link lines); each range
links back to its block once, from its first line's number or from a ↩
(``raw_html``).

Until issue 12 this was a page of its own (``documents/<id>/source/``): at
1,000 documents that was 1,000 more pages, about 11 of each one's 14 KB being
the theme's header, navigation and footer, and as many more pages for MkDocs to
render. In the document page the reader also stays on one page: "原文" and ↩
are jumps within it.

The span's ``<pre>`` (``raw_html``) is stored beside the page as edits of the
document's own text, which the search's text chunks hold (``builder.pages.raw_delta``;
``urls.source_text``, ``raw-edits.json.gz``), and drawn into the section by
``assets/javascripts/source-text.js`` when it is wanted (an address inside it,
the 显示原文 button, the download), which then navigates to the address's
anchor again, so that the cited range is scrolled to and highlighted as if it
had been in the page: the span was a fifth of the site's bytes per document
(74 KB of a page at N = 100), 22 KB gzip-compressed, and is 1.5-3.5 KB as edits.
A reader without scripts gets, in its place, a link to the same lines of the raw
file in the repository. So that MkDocs' anchor validation, which does not see
the packed span, has nothing to check, links to its lines (``#L7``) are written
as HTML.

Above the text: what the raw file is (its record in ``sources/``) and every
editorial change (``builder.fidelity.changes``): normalisations with
counts, recorded corrections with reasons, omitted parts.

Raw text is untrusted like any corpus file: every character is escaped
for HTML, and control characters (which Python-Markdown's placeholders are
made of) are shown as U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from builder import escape
from builder.corpus.model import Block, Document
from builder.corpus.sources import SourceRecord
from builder.fidelity.align import Alignment, align
from builder.fidelity.changes import normalisations, omitted_parts
from builder.pages import raw_delta, urls
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.markdown import block_ids, inline
from builder.pages.nav import NavItem
from builder.pages.prerendered import wrap
from builder.pages.settings import SiteSettings
from builder.search.index import Layout, layout
from builder.search.packed import compress
from builder.search.units import Unit

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
FORM_LABELS = {"pdf-text": "PDF 提取的文本", "web-listing": "网页抓取（列表页）", "newspaper": "报纸刊登的文本"}


def raw_text(text: str) -> str:
    """Raw text inside the page's ``<pre>`` (``escape.html_text``), showing exactly these characters:
    a tab as ``&#9;`` (Python-Markdown would expand a literal tab into spaces, and a table's raw rows
    are tab-separated), a control character as U+FFFD (Python-Markdown's placeholders are made of them)."""
    return escape.html_text(_CONTROL_RE.sub("\ufffd", text)).replace("\t", "&#9;")


class SourcePages:
    """The feature (``builder.pages.extensions``): the documents' 原文 sections, 原文 links."""

    def __init__(self, cat: Catalogue, settings: SiteSettings) -> None:
        self.cat, self.settings = cat, settings
        self._alignments: dict[str, Alignment | None] = {}

    def alignment(self, doc: Document) -> Alignment | None:
        """The document against its raw file, or None when the file is not at hand (or not the
        recorded one: ``builder check`` says so)."""
        if doc.id not in self._alignments:
            raw = self.cat.corpus.sources.get(doc.meta.source.file)
            ok = raw is not None and raw.sha256 == doc.meta.source.sha256
            self._alignments[doc.id] = align(doc, raw) if ok else None
        return self._alignments[doc.id]

    @cached_property
    def _layout(self) -> tuple[Layout, dict[str, int]]:
        """The search index's layout: the units each document's chunks hold, the span's base."""
        return layout(self.cat.documents), {d.id: i for i, d in enumerate(self.cat.documents)}

    def base(self, doc: Document) -> raw_delta.Base:
        """Where the browser finds the text the span's edits refer to: the document's chunks."""
        lay, position = self._layout
        return raw_delta.Base.of(lay, position[doc.id])

    def _units(self, doc: Document) -> list[Unit]:
        lay, position = self._layout
        return lay.units[position[doc.id]]

    def has_raw(self, doc: Document) -> bool:
        """Whether some block of the text has its raw range in the page's 原文 section."""
        al = self.alignment(doc)
        return al is not None and any(al.block_span(k) is not None for k in range(len(doc.blocks)))

    def spans(self, doc: Document, block: Block, cell: tuple[int, int] | None, plain: str) -> Sequence[Span]:
        return ()

    def document_sections(self, doc: Document, src: str) -> list[str]:
        """The 原文 section (none when the document's raw file is not at hand)."""
        al = self.alignment(doc)
        return [self.section(doc, al)] if al is not None else []

    def nav(self) -> list[NavItem]:
        return []

    def document_files(self, doc: Document) -> dict[str, str | bytes]:
        """The span's edits beside the document's page (none when its raw file is not at hand).
        Called after the page is made (``document_files``), so the alignment is dropped here."""
        al = self.alignment(doc)
        if al is None:
            return {}
        edits = raw_delta.encode(raw_parts(doc, al), self._units(doc), raw_text)
        self._alignments.pop(doc.id, None)  # its page is made: memory stays flat
        return {urls.source_text(doc): compress(raw_delta.dumps(edits, self.base(doc)))}

    def pages(self) -> dict[str, str | bytes]:
        return {}  # every file of the feature is one document's (``document_files``)

    # -- the page -----------------------------------------------------------------------------

    def section(self, doc: Document, al: Alignment) -> str:
        """``## 原文与编辑改动``: what the raw file is, the changes, and the span's placeholder."""
        record = self.cat.corpus.sources.records.get(doc.meta.source.file)
        first, last = doc.meta.source.line_range
        lines = f"第 {first}–{last} 行" if last != first else f"第 {first} 行"
        parts = [
            f"## 原文与编辑改动 {{ #{urls.SOURCE_SECTION} }}",
            (f"本版所依据的原始文本是原始文件 {escape.code(doc.meta.source.file)} {lines}，"
             "在下面的“原文”一节逐字照录，左侧是原始文件的行号。"
             "正文每段的“原文”链接指向那里对应的文字（高亮显示）；点击 ↩（或段首的行号）回到该段。"),
            (f'[下载这段原文 .txt](#raw){{ .md-button data-raw-download="{escape.token(doc.id)}.txt" }} '
             f"[原始文件（仓库中）]({self.settings.blob_url(urls.raw_file(doc))}){{ .md-button }}"),
            self.record_card(record, doc),
            self.changes(doc, al),
            "### 原文 { #raw }",
            title_line_html(doc, al),
            wrap(packed_placeholder(doc, self.settings.blob_url(urls.raw_file(doc)), linked_blocks(doc, al))),
        ]
        return "\n\n".join(p for p in parts if p)

    def record_card(self, record: SourceRecord | None, doc: Document) -> str:
        if record is None:
            return ""
        unknown = "未记录"
        rows = [("文件", f"{escape.code(record.file)}（{record.bytes:,} 字节，SHA-256 {escape.code(record.sha256)}）"),
                ("形式", FORM_LABELS.get(record.form, inline(record.form))),
                ("内容", inline(record.what))]
        for key, name in (("publisher", "发布者"), ("website", "网站")):
            value = getattr(record, key)
            evidence = record.evidence.get(key)
            rows.append((name, inline(value) + (f"（依据：{inline(evidence)}）" if evidence else "")
                         if value else unknown))
        rows.append(("网址", inline(record.url) if record.url else unknown))
        listed = record.listed.isoformat() if record.listed else unknown
        if record.listed and record.evidence.get("listed"):
            listed += f"（依据：{inline(record.evidence['listed'])}）"
        rows.append(("网站列表日期", listed))
        rows.append(("收集日期", record.retrieved.isoformat() if record.retrieved else unknown))
        if record.missing:
            rows.append(("缺失", inline(record.missing)))
        if record.damage:
            rows.append(("损坏情况", "；".join(inline(d.rstrip("。")) for d in record.damage) + "。"))
        if record.notes:
            rows.append(("说明", inline(record.notes)))
        body = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
        indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
        return f'!!! info source-record "原始文件记录（sources/{escape.title(record.path.name)}）"\n\n{indented}'

    def changes(self, doc: Document, al: Alignment) -> str:
        """Every editorial change: normalisations and counts, corrections, omitted parts."""
        ids = block_ids(doc.blocks)
        counts = normalisations(al)
        out = ["本版与原文逐字核对（`builder check`）；除下列改动外，文字、数字和标点与原文相同。",
               "### 规范化 { #normalised }"]
        rows = counts.rows()
        out.append("\n".join(["| 规则 | 次数 |", "|---|---:|", *(f"| {inline(r)} | {n} |" for r, n in rows)])
                   if rows else "无。")
        out.append("### 校勘 { #corrections }")
        items = []
        spans = [al.block_span(b) for b in range(len(doc.blocks))]
        for c, lo, _hi in al.raw.corrected:
            b = next((k for k, s in enumerate(spans) if s and s[0] <= lo < s[1]), None)
            where = f"[{ids[b]}](#{doc.blocks[b].anchor or ids[b]})：" if b is not None else ""
            items.append(f"- {where}原文“{inline(c.raw)}”改为“{inline(c.corrected)}”。理由：{inline(c.reason)}")
        out.append("\n".join(items) if items else "无：本版没有改动原文的文字。")
        out.append("### 略去的部分 { #omitted }")
        omitted = []
        for part in omitted_parts(al):
            a, z = part.lines
            # raw HTML, not a Markdown link: #L… is in the packed text, which MkDocs' anchor
            # validation does not see
            where = f'<a href="#L{a}">第 {a}–{z} 行</a>' if z != a else f'<a href="#L{a}">第 {a} 行</a>'
            what = f"“{inline(part.text)}”" if part.text else ""
            omitted.append(f"- {where}{what}：{inline(part.reason)}")
        note = doc.meta.completeness.note
        if note:
            omitted.append(f"- 完整性：{inline(note)}")
        record = self.cat.corpus.sources.records.get(doc.meta.source.file)
        if record and record.missing:
            omitted.append(f"- 原始文件缺失：{inline(record.missing)}")
        first, last = doc.meta.source.line_range
        total = len(al.raw.line_starts)
        outside = [f"第 {a}–{z} 行" if z != a else f"第 {a} 行"
                   for a, z in ((1, first - 1), (last + 1, total)) if z >= a]
        if outside:
            omitted.append(f"- 原始文件的{'、'.join(outside)}不属于本文献（如同一文件中的列表标题、日期、"
                           "其他条目或网站页面文字），不在本节。")
        out.append("\n".join(omitted) if omitted else "无。")
        return "\n\n".join(out)


def linked_blocks(doc: Document, al: Alignment) -> tuple[str, str, list[str]] | None:
    """What ``source-text.js`` needs to draw each block's 原文 link: the ids of the text's first and
    last block (the blocks it walks, in the page's order) and of those between without a raw range.

    The links are drawn by the script, not written into the page: they lead into the raw span,
    which only the script can draw (``packed_placeholder``), and they were about 5 KB of every
    document page (issue "Scale"). ``(p-1, t-3, [])`` for a text whose every block has its range.
    """
    ids = block_ids(doc.blocks)
    named = [i for i in ids if i]
    if not named:
        return None
    none = [i for k, i in enumerate(ids) if i and al.block_span(k) is None]
    return named[0], named[-1], none


_LINKED_RE = re.compile(r'data-raw-blocks="([^" ]+) ([^" ]+)"(?: data-raw-none="([^"]*)")?')
_BLOCK_ID_RE = re.compile(r'<(?:p|h[1-6]|div class="corpus-table")\s[^>]*?\bid="([^"]+)"')


def drawn_links(page: str) -> list[str]:
    """The 原文 links ``source-text.js`` draws on a built page (its HTML), in order: ``#raw-`` and the
    id of each block from the first to the last that ``linked_blocks`` named, but those without a
    range. For the link checker and the tests, which read a page as the browser has it."""
    found = _LINKED_RE.search(page)
    if not found:
        return []
    first, last, none = found.group(1), found.group(2), set((found.group(3) or "").split())
    out, inside = [], False
    for m in _BLOCK_ID_RE.finditer(page):
        inside = inside or m.group(1) == first
        if inside and m.group(1) not in none:
            out.append(f"#{urls.raw_anchor(m.group(1))}")
        if inside and m.group(1) == last:
            break
    return out


def packed_placeholder(doc: Document, raw_file_url: str,
                       blocks: tuple[str, str, list[str]] | None = None) -> str:
    """Where ``source-text.js`` draws the packed span (``urls.source_text``: the edits of the
    text in the chunks it names, ``raw_delta.Base``) when it is wanted: its 显示原文 button, hidden until the
    script shows it, is one way to ask. What a reader without scripts reads instead: the same
    lines in the repository's copy of the raw file. ``blocks`` (``linked_blocks``) tells the script
    which blocks of the text get a 原文 link to their range."""
    first, last = doc.meta.source.line_range
    lines = f"第 {first}–{last} 行" if last != first else f"第 {first} 行"
    fragment = f"#L{first}-L{last}" if last != first else f"#L{first}"
    attrs = ""
    if blocks is not None:
        attrs += f' data-raw-blocks="{escape.html_attr(blocks[0] + " " + blocks[1])}"'
        attrs += f' data-raw-none="{escape.html_attr(" ".join(blocks[2]))}"' if blocks[2] else ""
    return (f'<div class="raw-packed" data-raw-packed="{urls.SOURCE_TEXT}"{attrs}><p>'
            f'<button type="button" class="md-button" data-raw-show hidden>显示原文（{lines}）</button> '
            f'为节省网站空间，原文以压缩文件存放，由页面脚本展开；也可以在仓库中查看'
            f'<a href="{escape.html_attr(raw_file_url + fragment)}">原始文件的{lines}</a>。</p></div>')


def title_line_html(doc: Document, al: Alignment) -> str:
    """The source's own title line when it lies outside the span (a listing's item title)."""
    line = doc.meta.source.title_line
    first, last = doc.meta.source.line_range
    if line is None or first <= line.line <= last:
        return ""
    text = al.raw.file_text.split("\n", line.line)[line.line - 1] if line.line <= len(al.raw.line_starts) else ""
    return (f"原文标题行（第 {line.line} 行，在本文献的原文之外）：\n\n"
            f'<pre class="raw-text raw-title" lang="zh-CN" style="counter-reset: raw-ln {line.line - 1}">'
            f"<a id=L{line.line}></a>{raw_text(text)}</pre>")


def raw_html(doc: Document, al: Alignment) -> str:
    """The raw span as one ``<pre>``: a line anchor per line, one segment per block, omitted
    parts marked (see module docstring and ``raw_parts``)."""
    return "".join(raw_text(piece) if is_text else piece for is_text, piece, _ in raw_parts(doc, al))


def raw_parts(doc: Document, al: Alignment) -> list[tuple[bool, str, int | None]]:
    """``raw_html`` in pieces, in order: ``(True, raw text, block)`` (written through ``raw_text``;
    ``block``: the index of the block whose range holds it, or None) or ``(False, markup, None)``,
    so that ``builder.pages.raw_delta`` can store the text as references to the block's own text.

    The markup is most of the span's bytes beyond the text itself, so each piece carries only
    what a reader or a link needs, and the stylesheet tells the pieces apart by their
    attributes, not by classes (``sources.css``), and the values of ``id``,
    ``href`` and ``title`` go unquoted (ids and anchors are ``[A-Za-z][\\w-]*``: no space, quote,
    ``=``, ``<``, ``>`` or backtick, so HTML needs no quotes round them):

    * ``<a id=L5></a>`` on every line: the raw file's line number (a CSS counter) and its
      address ``#L5``. An anchor, not a link: a number that goes nowhere needs no name.
    * ``<span id=raw-p-12>`` around a block's raw characters: what the block's ``#raw-p-12``
      highlights.
    * one link back to the block per segment, named by ``title`` (axe-core reads no CSS
      ``content``): its first line's number when the segment starts that line
      (``<a id=L5 href=#p-12 title=p-12></a>``, drawn with a ↩ after the number), else a ↩
      where the segment starts inside its line (``<a href=#p-12 title=p-12></a>``).
    """
    text = al.raw.file_text
    starts = al.raw.line_starts
    first, last = doc.meta.source.line_range
    last = min(last, len(starts))
    lo = starts[first - 1]
    hi = starts[last] - 1 if last < len(starts) else len(text)
    ids = block_ids(doc.blocks)
    segs: list[tuple[int, int, int]] = []  # (start, end, block)
    for b in range(len(doc.blocks)):
        span = al.block_span(b)
        if span is None:
            continue
        s, e = span
        line_start = starts[al.raw.line_col(s)[0] - 1]
        if not text[line_start:s].strip():
            s = line_start  # the range starts its line: the line number is part of it
        segs.append((s, e, b))
    back: dict[int, str] = {}  # offset of a line start -> the link back of the segment starting there
    omitted: list[tuple[int, int, str]] = []
    for part in omitted_parts(al):
        a, z = part.lines
        if part.text:
            line = text[starts[a - 1]:(starts[a] - 1 if a < len(starts) else len(text))]
            at = line.find(part.text)
            if at >= 0:
                omitted.append((starts[a - 1] + at, starts[a - 1] + at + len(part.text), part.reason))
        else:
            omitted.append((starts[a - 1], starts[z] - 1 if z < len(starts) else len(text), part.reason))
    # (offset, order, html): at one offset an omission closes (-1), then a range (0), a range
    # opens (1) before its line's number (2), so a range that starts its line holds the number.
    events: list[tuple[int, int, str, int | None]] = []  # the last: the block a range opens
    line_starts = set(starts[first - 1:last])
    for s, e, b in segs:
        anchor = doc.blocks[b].anchor or ids[b]
        link = f"href=#{anchor} title={ids[b]}"
        raw_id = urls.raw_anchor(ids[b])
        if s in line_starts:
            back[s] = link
            events.append((s, 1, f"<span id={raw_id}>", b))
        else:
            events.append((s, 1, f"<span id={raw_id}><a {link}></a>", b))
        events.append((e, 0, "</span>", None))
    for s, e, reason in omitted:
        if any(a < s < z < e or s < a < e < z for a, z, _b in segs):
            continue  # an omission across a block's edge: left unmarked rather than mis-nested
        events.append((s, 3, f'<span class="raw-omitted" title="略去：{escape.title(reason)}">', None))
        events.append((e, -1, "</span>", None))
    for n in range(first, last + 1):
        link = back.get(starts[n - 1])
        events.append((starts[n - 1], 2, f"<a id=L{n} {link}></a>" if link else f"<a id=L{n}></a>", None))
    events.sort(key=lambda ev: (ev[0], ev[1]))
    out: list[tuple[bool, str, int | None]] = [
        (False, f'<pre class="raw-text" lang="zh-CN" style="counter-reset: raw-ln {first - 1}">', None)]
    pos, block = lo, None
    for offset, order, tag, opens in events:
        offset = min(max(offset, lo), hi)
        if offset > pos:
            out.append((True, text[pos:offset], block))
            pos = offset
        out.append((False, tag, None))
        if order == 1:
            block = opens
        elif order == 0:
            block = None
    if hi > pos:
        out.append((True, text[pos:hi], block))
    out.append((False, "</pre>", None))
    return out
