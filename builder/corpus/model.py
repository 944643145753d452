"""Typed model of one corpus document.

A corpus file is Markdown with YAML front matter (see ``docs`` in
CONTRIBUTING.md). Its body is a sequence of blocks separated by blank lines:

* a heading ``## 一、2020年工作回顾 {#h-1}`` (levels 2 to 4),
* a paragraph, one line, ending in its permalink anchor ``{#p-12}``,
* a table, consecutive lines starting with ``|`` (GitHub pipe table); a
  table has no anchor of its own, its caption paragraph (专栏…) has one.

Anchors are written into the corpus once by the importer and never
recomputed, so a typo fix cannot move them; a paragraph inserted by a
contributor without an anchor gets one derived from its predecessor
(``p-12-1``) until ``builder anchors`` writes it down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

DOC_TYPES = ("政府工作报告", "政府工作报告（摘要）", "规划纲要", "新闻")
COMPLETENESS = ("full", "summary", "excerpt")
ADMIN_LEVELS = ("地级市", "县级市", "县", "市辖区")


@dataclass(frozen=True)
class Omission:
    """A part of the raw span that is not document text (boilerplate).

    Either whole lines (``lines: "19-79"``) or an exact string on one line
    (``line: 7, text: "(上接1版)"``), always with the reason it was dropped.
    """

    reason: str
    lines: str | None = None
    line: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class Correction:
    """A reviewed change of the source's wording (a typo of the raw text fixed).

    ``raw`` is the exact text as the raw file has it, ``corrected`` what the
    corpus says instead; the "nothing lost" test applies it to the raw text.
    """

    raw: str
    corrected: str
    reason: str


@dataclass(frozen=True)
class TitleLine:
    """The source's own title line, verbatim, and its raw line: the corpus ``title`` is editorial.

    ``{line: 1, text: "• 【闻喜县招商】2021年闻喜县政府工作报告"}`` (a listing's title line,
    outside the span) or ``{line: 3, text: 政府工作报告}`` (a printed title); ``builder check``
    verifies the raw line holds it.
    """

    line: int
    text: str


@dataclass(frozen=True)
class Source:
    file: str
    sha256: str
    lines: str  # "first-last" 1-based line range of the document in the raw file
    omitted: tuple[Omission, ...] = ()
    corrections: tuple[Correction, ...] = ()
    title_line: TitleLine | None = None  # the source's own title line, where there is one

    @property
    def line_range(self) -> tuple[int, int]:
        return parse_range(self.lines)


@dataclass(frozen=True)
class Completeness:
    status: str  # full | summary | excerpt
    note: str | None = None


@dataclass(frozen=True)
class Meta:
    id: str
    title: str
    doc_type: str
    year: int | None  # None: the source states no year (``year_note`` says so)
    region: str
    region_code: str
    admin_level: str
    parent: str | None
    province: str
    date: date | None
    congress: str | None
    speaker: str | None
    speaker_title: str | None
    completeness: Completeness
    source: Source
    extra: dict = field(default_factory=dict)  # any further keys, kept verbatim
    year_note: str | None = None  # why the year is null (or how it is known)
    doc_number: str | None = None  # 文号 as the document prints it: 离政发〔2021〕11号
    issued_by: str | None = None  # the issuing body, as printed: 吕梁市离石区人民政府
    adopted_by: str | None = None  # the meeting that adopted it, as the text says: 区第七届人民代表大会第一次会议


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" | "paragraph" | "table"
    text: str  # heading text, paragraph Markdown, or the table's raw lines
    anchor: str  # "h-3", "p-12", "" for tables
    line: int  # 1-based line of the block in the corpus file
    level: int = 0  # heading level, 2..4
    rows: tuple[tuple[str, ...], ...] = ()  # table cells, header row first
    anchor_written: bool = True  # False when derived because the file lacks one

    @cached_property
    def plain_text(self) -> str:
        """The block as a reader sees it: no Markdown markup, no anchor.

        Plain-text downloads and character counts need the words only; a
        table becomes one line per row with tab-separated cells. Worked out once
        per block (the block is frozen): every feature asks for it, about 1,300
        times a document, and reducing the Markdown each time was 3 % of a build.
        """
        if self.kind == "table":
            return "\n".join("\t".join(plain_inline(c) for c in row) for row in self.rows)
        return plain_inline(self.text)


@dataclass
class Document:
    path: Path
    meta: Meta
    blocks: list[Block]
    body_line: int = 1  # first line of the body in the file
    field_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> file line

    def line_of(self, key: str) -> int:
        """The file line of a front-matter field (``"title"``, ``"completeness.note"``),
        or of its nearest recorded parent, for file:line messages."""
        parts = key.split(".")
        while parts:
            if ".".join(parts) in self.field_lines:
                return self.field_lines[".".join(parts)]
            parts.pop()
        return 1

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def block_by_anchor(self, anchor: str) -> Block | None:
        return next((b for b in self.blocks if b.anchor == anchor), None)


_EMPHASIS_RE = re.compile(r"(\*\*|__)(.+?)\1")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def plain_inline(text: str) -> str:
    """Corpus inline Markdown (bold, backslash escapes) reduced to its words."""
    return plain_with_bold(text)[0]


def plain_with_bold(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Corpus inline text -> (plain text, bold ranges in plain-text offsets).

    The site marks bold where the corpus does, while every feature that points
    into a block (glossary links, indicator quotes, search) counts offsets in
    the plain text: ``"全面**完成**任务"`` -> ``("全面完成任务", [(2, 4)])``.
    """
    plain: list[str] = []
    bold: list[tuple[int, int]] = []
    pos = length = 0
    for m in _EMPHASIS_RE.finditer(text):
        before = _ESCAPE_RE.sub(r"\1", text[pos:m.start()])
        inner = _ESCAPE_RE.sub(r"\1", m.group(2))
        plain += [before, inner]
        length += len(before)
        bold.append((length, length + len(inner)))
        length += len(inner)
        pos = m.end()
    plain.append(_ESCAPE_RE.sub(r"\1", text[pos:]))
    return "".join(plain), bold


def parse_range(text: str) -> tuple[int, int]:
    """``"3"`` -> (3, 3); ``"19-79"`` -> (19, 79)."""
    first, _, last = str(text).partition("-")
    return int(first), int(last or first)
