"""Every editorial change between a raw span and its document, counted from their alignment.

What a reader checking the edition against its source needs to know:
which normalisations were applied and how often (``Normalisations``), each
recorded correction (``Alignment.raw.corrected``), and which parts of the
raw file are not in the edition (``omitted_parts``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from builder.corpus.model import parse_range
from builder.fidelity.align import Alignment

SPACES = " \t\u3000"


@dataclass
class Normalisations:
    widths: Counter[tuple[str, str]] = field(default_factory=Counter)  # (raw, edition) -> count: (",", "，")
    spaces_removed: int = 0  # spaces of the raw text inside blocks that the edition does not keep
    lines_joined: int = 0  # raw line breaks inside a block (PDF line wraps and page breaks)
    blocks_split: int = 0  # blocks that start on the raw line where the previous one ended
    heading_ends: int = 0  # HEADING_END drops
    scrape_semicolons: int = 0  # SCRAPE_SEMICOLON drops

    def rows(self) -> list[tuple[str, int]]:
        """(rule as readers read it, count), only the rules that applied."""
        out = [(f"半角“{a}”改为全角“{b}”" if a.isascii() else f"“{a}”改为“{b}”", n)
               for (a, b), n in sorted(self.widths.items(), key=lambda kv: -kv[1])]
        out += [("删去数字、字母和汉字之间及行首行尾的空格", self.spaces_removed),
                ("段内换行（PDF 折行、分页）并为一段", self.lines_joined),
                ("同一原文行内分出的段落、标题（整篇在一行的文本，标题与正文相连）", self.blocks_split),
                ("标题末尾的“。”“；”“：”删去（标题与其后正文分开时）", self.heading_ends),
                ("网站抓取时代替换行的半角“;”删去", self.scrape_semicolons)]
        return [(rule, n) for rule, n in out if n]


def normalisations(al: Alignment) -> Normalisations:
    """Count each normalisation the importer applied to this document."""
    out = Normalisations()
    raw, ed = al.raw.orig, al.edition_orig
    for i, j, n in al.runs:
        a, b = raw[i:i + n], ed[j:j + n]
        if a != b:
            out.widths.update((x, y) for x, y in zip(a, b, strict=True) if x != y)
    for _i, rule in al.drops:
        if rule == "HEADING_END":
            out.heading_ends += 1
        else:
            out.scrape_semicolons += 1
    file_text = al.raw.file_text
    previous_end_line = None
    for b, block in enumerate(al.doc.blocks):
        span = al.block_span(b)
        if span is None:
            continue
        chunk = file_text[span[0]:span[1]]
        out.lines_joined += chunk.count("\n")
        kept = sum(block.plain_text.count(c) for c in SPACES) if block.kind != "table" else 0
        out.spaces_removed += max(0, sum(chunk.count(c) for c in SPACES) - kept)
        start_line = al.raw.line_col(span[0])[0]
        if previous_end_line == start_line:
            out.blocks_split += 1
        previous_end_line = al.raw.line_col(max(span[0], span[1] - 1))[0]
    return out


@dataclass(frozen=True)
class OmittedPart:
    lines: tuple[int, int]  # raw lines, 1-based inclusive
    reason: str
    text: str | None = None  # an exact string on one line, when not whole lines


def omitted_parts(al: Alignment) -> list[OmittedPart]:
    """The recorded omissions inside the span, in raw-line order."""
    out = []
    for o in al.doc.meta.source.omitted:
        if o.lines:
            out.append(OmittedPart(parse_range(o.lines), o.reason))
        elif o.line:
            out.append(OmittedPart((o.line, o.line), o.reason, o.text))
    return sorted(out, key=lambda p: p.lines)
