"""From a raw span to a corpus document: the import pipeline.

``import_span`` runs, in order: paragraph restoration (``paragraphs``), the
masthead (``masthead``), typography (``builder.chinese.typography``),
headings (``headings``), enumeration splitting for flattened text, tables
(``tables``) and anchors. Its warnings name the raw line of every guess a
reviewer should check.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from builder.chinese.typography import normalise
from builder.corpus.model import Block, Completeness, Meta, Source, TitleLine
from builder.corpus.regions import RegionIndex
from builder.importer import headings as hd
from builder.importer.layout import PAGE_MARKER_RE, RawSpan, toc_lines
from builder.importer.masthead import read_masthead
from builder.importer.metadata import (
    PLAN_TITLE_RE,
    doc_type_of,
    make_id,
    make_title,
    region_of,
    year_of,
)
from builder.importer.paragraphs import (
    Piece,
    flattened_pieces,
    pdf_pieces,
    split_enumerations,
)
from builder.importer.tables import build_table, to_markdown


@dataclass
class Imported:
    meta: Meta
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)


def toc_titles(span: RawSpan) -> list[str]:
    """Chapter and section titles of the printed table of contents, spaces closed."""
    rng = toc_lines(span.lines)
    if not rng:
        return []
    titles = []
    for line in span.lines[rng[0] + 1: rng[1] + 1]:
        t = re.sub(r"^\s*-\s*", "", line)
        t = re.sub(r"\.{3,}.*$", "", t).strip()
        if t:
            titles.append(re.sub(r"\s", "", t))
    return titles


def merge_split_headings(pieces: list[Piece], titles: list[str]) -> list[Piece]:
    """Rejoin a chapter title broken over two lines, guided by the printed TOC:
    ``第二章 坚定实施创新驱动发展战略`` + ``以更新理念厚植发展优势``."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if prev and prev.kind == "text" and piece.kind == "text" and hd.CHAPTER_RE.match(prev.text):
            joined = re.sub(r"\s", "", prev.text + piece.text)
            if joined in titles and re.sub(r"\s", "", prev.text) not in titles:
                prev.text = f"{prev.text.strip()} {piece.text.strip()}"
                continue
        out.append(piece)
    return out


def classify(pieces: list[Piece], plan: bool, flattened: bool,
             warnings: list[str], file: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, level, raw line) for every block, headings recovered."""
    state = hd.HeadingState()
    out: list[tuple[str, str, int, int]] = []
    for piece in pieces:
        if piece.kind == "table":
            out.append(("table", piece.text, 0, piece.line))
            continue
        text = piece.text
        level = hd.heading_level(text, state, plan)
        if level is None and not plan and not out_has_top(out) and hd.TOP_RE.match(text) \
                and len(text) <= 40:
            # An excerpt may start after its first section: accept its first number.
            level = (2, "top")
            num = hd.chinese_to_int(hd.TOP_RE.match(text).group(1)) or 1
            state.top, state.sub = num, 0
        if level is None:
            paras = split_enumerations(text) if flattened else [text]
            out.extend(("paragraph", p, 0, piece.line) for p in paras)
            continue
        lvl, kind = level
        if kind in ("chapter", "section"):
            out.append(("heading", text, lvl, piece.line))
            continue
        cut = hd.cut_top_heading(text) if kind == "top" else hd.cut_sub_heading(text)
        if cut.guessed:
            warnings.append(f"{file}:{piece.line}: heading cut guessed, review: "
                            f"{cut.heading[:40]} | {cut.rest[:20]}")
        out.append(("heading", cut.heading.rstrip("。"), lvl, piece.line))
        if cut.rest:
            paras = split_enumerations(cut.rest) if flattened else [cut.rest]
            out.extend(("paragraph", p, 0, piece.line) for p in paras)
    return out


def out_has_top(out: list[tuple[str, str, int, int]]) -> bool:
    return any(k == "heading" and lvl == 2 for k, _, lvl, _ in out)


def title_line(span: RawSpan, plan: bool) -> TitleLine | None:
    """The source's own title line, verbatim: a listing item's title line, a plan's
    cover-notice title (``关于印发《…》的通知``), or a printed ``政府工作报告`` heading."""
    if span.title_line:
        return TitleLine(*span.title_line)
    for offset, line in enumerate(span.lines[:12]):
        text = line.strip()
        if (plan and PLAN_TITLE_RE.search(re.sub(r"\s", "", text))) or (
                not plan and offset == 0 and text.startswith("政府工作报告")):
            return TitleLine(span.first_line + offset, text)
    return None


def import_span(span: RawSpan, regions: RegionIndex, taken: set[str],
                default_year: int | None = None) -> Imported:
    """Turn one raw span into front matter and blocks.

    ``default_year`` is used only when the text states no year (a news item),
    so that the year is a stated fact of the import, not a guess.
    """
    warnings: list[str] = []
    flattened = span.layout == "listing-item"
    pieces = flattened_pieces(span) if flattened else pdf_pieces(span)
    head, pieces = read_masthead(pieces)
    plan_title = None
    for p in pieces[:6]:
        m = PLAN_TITLE_RE.search(re.sub(r"\s", "", p.text))
        if m:
            plan_title = m.group("title")
            break
    title_text = span.title_hint or plan_title or head.printed_title or ""
    doc_type = doc_type_of((plan_title and f"{plan_title}") or title_text)
    plan = doc_type == "规划纲要"
    if plan:
        pieces = merge_split_headings(pieces, toc_titles(span))

    # Typography, per paragraph: chapter headings keep the spaces between their words.
    for p in pieces:
        keep = plan and bool(hd.CHAPTER_RE.match(p.text) or hd.SECTION_RE.match(p.text))
        if p.kind == "text" and p.text != head.speaker_line:
            p.text = normalise(p.text, keep_word_spaces=keep)
        elif p.kind == "table":
            p.text = normalise(p.text)

    texts = [p.text for p in pieces if p.kind == "text"]
    region = region_of(([head.congress] if head.congress else [])
                       + [title_text] + texts[:3], regions)
    if region is None:
        raise ValueError(f"{span.file}:{span.first_line}: cannot tell which region the "
                         "document is about; add the region to corpus/regions.yml")
    date = head.date
    if plan and date is None:
        # A plan outline is dated by its cover notice (``2021年5月6日`` on its own line).
        for t in texts[:8]:
            m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", t)
            if m:
                date = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                break
    year = date.year if date else year_of(texts) or default_year or None
    # Unstated stays unstated: a text with no year at all gets year null and a note.
    year_note = None if year else "原文没有写明年份。"
    title = make_title(doc_type, region, year, normalise(plan_title or span.title_hint or ""))
    doc_id = make_id(region, year, doc_type, taken)

    rows = classify(pieces, plan, flattened, warnings, span.file.name)
    blocks: list[Block] = []
    table_pieces = iter([p for p in pieces if p.kind == "table"])
    n_par = n_head = 0
    for kind, text, level, _line in rows:
        if kind == "table":
            tp = next(table_pieces)
            n_par += 1
            blocks.append(Block("paragraph", tp.text, f"p-{n_par}", 0))
            table_rows, notes = build_table(tp.rows)
            if table_rows:
                blocks.append(Block("table", to_markdown(table_rows), "", 0))
            for note in notes:
                n_par += 1
                blocks.append(Block("paragraph", note, f"p-{n_par}", 0))
        elif kind == "heading":
            n_head += 1
            blocks.append(Block("heading", text, f"h-{n_head}", 0, level=level))
        else:
            n_par += 1
            blocks.append(Block("paragraph", text, f"p-{n_par}", 0))

    completeness = Completeness("full")
    if doc_type == "政府工作报告（摘要）":
        completeness = Completeness("summary", "官方摘要，不是报告全文。")
    markers = [o.text for o in span.omitted if o.text and PAGE_MARKER_RE.match(o.text)]
    if markers:
        completeness = Completeness(
            "excerpt", f"报纸连载的一部分：从内页（{markers[0]}）开始，缺开头（标题后的会议、报告人和前段内容）"
            + (f"；在（{markers[-1]}）处中断，缺结尾。" if len(markers) > 1 else "。"))
    meta = Meta(
        id=doc_id, title=title, doc_type=doc_type, year=year, region=region.name,
        region_code=region.code, admin_level=region.level, parent=region.parent,
        province=region.province, date=date, congress=head.congress, speaker=head.speaker,
        speaker_title=head.speaker_title, completeness=completeness,
        source=Source(span.file.name, span.sha256, span.line_range, tuple(span.omitted),
                      title_line=title_line(span, plan)),
        year_note=year_note,
    )
    return Imported(meta, blocks, warnings)
