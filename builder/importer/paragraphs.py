"""Restore paragraphs: join what page breaks cut, split what flattening glued.

Two kinds of damage, two functions:

* PDF text (``pdf_pieces``): a paragraph is a run of lines ended by a blank
  line, but a page break also leaves a blank line, mid-sentence
  (``…离石全面`` / blank / ``小康实现程度…``). A block that does not end a
  sentence is joined with the next one (``join_page_breaks``).
* Flattened text (``flattened_pieces``): a whole report on one line. A run
  of spaces after a sentence end, or before a section heading, was a
  paragraph break; ``一是…二是…`` enumerations and ``各位代表`` addresses
  that open a sentence start new paragraphs (``split_enumerations``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.chinese.charclass import ends_sentence
from builder.corpus.model import Omission, parse_range
from builder.importer.layout import RawSpan

HEADING_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十百]+[章节])")
TABLE_CAPTION_RE = re.compile(r"^\s*专栏\s*\d+\s*[:：]")
DATELINE_START_RE = re.compile(r"^\s*——\s*\d{4}\s*年")
ENUM_RE = re.compile(r"(?<=[。！？!?])(?=(?:\*\*)?[一二三四五六七八九十]是)|(?<=[：:])(?=(?:\*\*)?一是)")
ADDRESS_RE = re.compile(r"(?<=[。！？!?])(?=各位代表[,，!！:：])")


@dataclass
class Piece:
    """A paragraph or a table as cut from the raw text, before typography."""

    kind: str  # "text" | "table"
    text: str  # for tables: the caption
    line: int  # raw line it starts on (1-based)
    rows: list[list[str]] | None = None


def _omitted_lines(span: RawSpan) -> set[int]:
    out: set[int] = set()
    for o in span.omitted:
        if o.lines:
            a, b = parse_range(o.lines)
            out.update(range(a, b + 1))
    return out


def _strip_omitted_text(line_no: int, text: str, omitted: list[Omission]) -> str:
    for o in omitted:
        if o.line == line_no and o.text:
            text = text.replace(o.text, "", 1)
    return text


def join_lines(a: str, b: str) -> str:
    """Join two pieces of one paragraph: no space in Chinese text, one between words."""
    a, b = a.rstrip(), b.lstrip()
    if a and b and re.match(r"[A-Za-z0-9]", a[-1]) and re.match(r"[A-Za-z0-9]", b[0]):
        return f"{a} {b}"
    return a + b


def is_heading_like(text: str) -> bool:
    """A short line opening with a section number: never joined to the next block."""
    return bool(HEADING_START_RE.match(text.strip())) and len(text.strip()) <= 60


def _is_short_label(text: str) -> bool:
    """A title or speaker line (``区长 李军``): short, no punctuation at all."""
    return len(text.strip()) <= 12 and not re.search(r"[，。；：,;:！？!?、]", text)


def join_page_breaks(pieces: list[Piece]) -> list[Piece]:
    """Join a text block that stops mid-sentence with the block after it.

    Not joined: headings, short lines without punctuation (a title, a
    speaker's name), and a next block that opens a heading, a dateline
    (``——2021年…``) or a table.
    """
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if (prev and prev.kind == "text" and piece.kind == "text"
                and not ends_sentence(prev.text)
                and not is_heading_like(prev.text)
                and not (len(prev.text) < 25 and not re.search(r"[，。；：,;:]", prev.text))
                and not DATELINE_START_RE.match(prev.text)
                and not is_heading_like(piece.text)
                and not _is_short_label(piece.text)
                and not DATELINE_START_RE.match(piece.text)):
            prev.text = join_lines(prev.text, piece.text)
            continue
        out.append(piece)
    return out


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.rstrip("\n").split("\t")]


def pdf_pieces(span: RawSpan) -> list[Piece]:
    """Paragraphs and tables of a PDF-extracted span, page breaks joined."""
    skip = _omitted_lines(span)
    pieces: list[Piece] = []
    block: list[str] = []
    block_start = 0
    table: Piece | None = None

    def flush() -> None:
        nonlocal block
        if block:
            text = block[0]
            for more in block[1:]:
                text = join_lines(text, more)
            if text.strip():
                pieces.append(Piece("text", text.strip(), block_start))
        block = []

    for offset, raw in enumerate(span.lines):
        line_no = span.first_line + offset
        if line_no in skip:
            flush()
            continue
        line = _strip_omitted_text(line_no, raw, span.omitted)
        if table is not None:
            if "\t" in line:
                table.rows.append(_cells(line))
                continue
            if not line.strip():
                continue
            table = None
        if TABLE_CAPTION_RE.match(line) and _next_has_tab(span.lines, offset):
            flush()
            table = Piece("table", line.replace("\t", " ").strip(), line_no, rows=[])
            pieces.append(table)
            continue
        if not line.strip():
            flush()
            continue
        if not block:
            block_start = line_no
        block.append(line.strip())
    flush()
    return join_page_breaks(pieces)


def _next_has_tab(lines: list[str], offset: int) -> bool:
    for line in lines[offset + 1: offset + 4]:
        if line.strip():
            return "\t" in line
    return False


def split_flattened(text: str) -> list[str]:
    """Cut a one-line text at the spaces that were paragraph breaks.

    A space run is a break when a sentence ends before it
    (``…提出意见。 一、2020年…``), or when it ends a short section heading
    (``一、“十三五”发展回顾和2020年工作 过去五年…``). Spaces inside a sentence
    stay (``《刑法修正案 (十一)》``, ``开展一对 一、点对点精准招商``): typography
    removes them later.
    """
    parts: list[str] = []
    last = 0
    for m in re.finditer(r"\s+", text):
        before = text[: m.start()].rstrip()
        segment = text[last: m.start()].strip()
        breaks = bool(before) and (before[-1] in "。！？!?：:；;" or (
            bool(HEADING_START_RE.match(segment)) and len(segment) <= 40))
        if breaks:
            parts.append(text[last: m.start()])
            last = m.end()
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def split_enumerations(text: str) -> list[str]:
    """Start a new paragraph at a sentence-opening ``一是…二是…`` or ``各位代表``.

    ``…重点抓好三件事：一是…。二是…`` -> ``…重点抓好三件事：`` / ``一是…。`` /
    ``二是…``. An enumeration inside a sentence (``；二是``) stays inline.
    """
    cuts = sorted({m.start() for m in ENUM_RE.finditer(text)}
                  | {m.start() for m in ADDRESS_RE.finditer(text)})
    parts, last = [], 0
    for c in cuts:
        if c > last:
            parts.append(text[last:c])
            last = c
    parts.append(text[last:])
    return [p for p in (s.strip() for s in parts) if p]


def flattened_pieces(span: RawSpan) -> list[Piece]:
    """Paragraphs of a listing item whose whole text sits on one line."""
    pieces = []
    for offset, line in enumerate(span.lines):
        for part in split_flattened(line):
            pieces.append(Piece("text", part, span.first_line + offset))
    return pieces

