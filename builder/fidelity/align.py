"""Align a document's text with its raw span: what differs, and where each block came from.

One implementation serves ``builder check`` (every unrecorded change is an
error at its paragraph), the nothing-lost test, and the site (each block's
"原文" link points at the exact raw characters it was made from).

Both sides are folded (``builder.chinese.fidelity``); the edition's blocks
are read in order (a table cell by cell). The walk matches the longest
common run, accepts only the drops the fidelity rules allow
(``HEADING_END`` at the end of a heading, ``SCRAPE_SEMICOLON``), and on
any other mismatch asks ``difflib`` for the smallest edit after which the
two sides agree again, on a small window first. The cost is linear in the
text when it matches its source, which is the state of a good corpus.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field

from builder.chinese.fidelity import HEADING_END, SCRAPE_SEMICOLON, fold_width, unfolded
from builder.corpus.model import Block, Document, plain_inline
from builder.corpus.sources import RawFile
from builder.fidelity.raw import FoldedRaw, fold_span

#: Differences reported per document before the comparison stops (a wholly wrong span).
MAX_DIFFERENCES = 20
CONTEXT = 8  # folded characters shown either side of a difference, within its block
RESYNC = 8  # equal characters after an edit that prove the two sides agree again
WINDOWS = (64, 512, 4096, None)


@dataclass(frozen=True)
class Difference:
    """An edit of the edition against its source that no rule or correction explains."""

    block: int  # index in doc.blocks
    raw: str  # the source's characters (no spaces)
    edition: str  # the edition's characters (no spaces)
    before: str  # context, as the edition reads
    after: str
    raw_offset: int  # where in the raw file's text

    def excerpt(self) -> str:
        """``…减税降费1655[7→8]万元…``"""
        return f"…{self.before}[{self.raw}→{self.edition}]{self.after}…"


@dataclass
class Alignment:
    doc: Document
    raw: FoldedRaw
    edition: str  # the edition's folded text
    edition_orig: str  # the same characters unfolded
    block_starts: list[int]  # index in ``edition`` of each block's first character
    runs: list[tuple[int, int, int]] = field(default_factory=list)  # (raw index, edition index, length)
    drops: list[tuple[int, str]] = field(default_factory=list)  # (raw index, rule name)
    differences: list[Difference] = field(default_factory=list)
    complete: bool = True  # False when the walk stopped at MAX_DIFFERENCES
    _run_starts: list[int] = field(default_factory=list, repr=False)

    def block_of(self, j: int) -> int:
        """The block holding edition character ``j`` (the last block past the end)."""
        return max(0, bisect.bisect_right(self.block_starts, j) - 1)

    def block_span(self, b: int) -> tuple[int, int] | None:
        """Raw-file character offsets ``[start, end)`` block ``b`` was made from, or None
        when none of its characters is matched (a block that is not in the source)."""
        lo = self.block_starts[b]
        hi = self.block_starts[b + 1] if b + 1 < len(self.block_starts) else len(self.edition)
        if lo >= hi:
            return None
        if len(self._run_starts) != len(self.runs):
            self._run_starts = [r[1] for r in self.runs]
        k = bisect.bisect_right(self._run_starts, lo) - 1
        first = last = None
        for ri, rj, n in self.runs[max(k, 0):]:
            if rj >= hi:
                break
            a, z = max(rj, lo), min(rj + n, hi)
            if a < z:
                if first is None:
                    first = ri + (a - rj)
                last = ri + (z - 1 - rj)
        if first is None or last is None:
            return None
        return self.raw.start(first), self.raw.end(last)


def edition_pieces(block: Block) -> list[str]:
    """The text of a block as compared: a heading's or paragraph's words, a table's cells in order."""
    if block.kind == "table":
        return [plain_inline(c) for row in block.rows for c in row]
    return [plain_inline(block.text)]


def common_length(a: str, i: int, b: str, j: int) -> int:
    """Length of the common run of ``a[i:]`` and ``b[j:]`` (slice comparisons, doubling)."""
    n = min(len(a) - i, len(b) - j)
    k, step = 0, 64
    while k < n:
        s = min(step, n - k)
        if a[i + k:i + k + s] == b[j + k:j + k + s]:
            k += s
            step *= 2
        elif s == 1:
            break
        else:
            step = s // 2
    return k


def align(doc: Document, raw: RawFile) -> Alignment:
    """Compare ``doc`` with its raw span (see module docstring)."""
    folded = fold_span(doc, raw)
    starts, orig_parts = [], []
    pos = 0
    for b in doc.blocks:
        starts.append(pos)
        text = "".join(unfolded(p) for p in edition_pieces(b))
        orig_parts.append(text)
        pos += len(text)
    orig = "".join(orig_parts)
    al = Alignment(doc, folded, fold_width(orig), orig, starts)
    _walk(al)
    return al


def _droppable(al: Alignment, i: int, j: int) -> str | None:
    """The rule that lets raw character ``i`` be left out before edition character ``j``."""
    if al.raw.orig[i] == SCRAPE_SEMICOLON:
        return "SCRAPE_SEMICOLON"
    if al.raw.text[i] in HEADING_END and j > 0:
        b = al.block_of(j)
        at_boundary = j == len(al.edition) or al.block_starts[b] == j
        previous = b - 1 if j < len(al.edition) else b
        if at_boundary and previous >= 0 and al.doc.blocks[previous].kind == "heading":
            return "HEADING_END"
    return None


def _walk(al: Alignment) -> None:
    r, e = al.raw.text, al.edition
    i = j = 0
    while True:
        n = common_length(r, i, e, j)
        if n:
            al.runs.append((i, j, n))
            i, j = i + n, j + n
        if i >= len(r) and j >= len(e):
            return
        if i < len(r):
            rule = _droppable(al, i, j)
            if rule:
                al.drops.append((i, rule))
                i += 1
                continue
        if len(al.differences) >= MAX_DIFFERENCES:
            al.complete = False
            return
        i, j = _resolve(al, i, j)


def _resolve(al: Alignment, i: int, j: int) -> tuple[int, int]:
    """Record the smallest edit at (i, j) after which both sides agree again; return past it."""
    r, e = al.raw.text, al.edition
    for w in WINDOWS:
        a, b = (r[i:i + w], e[j:j + w]) if w else (r[i:], e[j:])
        ops = difflib.SequenceMatcher(None, a, b, autojunk=w is None).get_opcodes()
        k = next(k for k, op in enumerate(ops) if op[0] != "equal")
        _tag, a1, a2, b1, b2 = ops[k]
        after = ops[k + 1] if k + 1 < len(ops) else None
        settled = (after is not None and after[2] - after[1] >= RESYNC) or (
            a2 == len(r) - i and b2 == len(e) - j)
        if settled or w is None:
            break
    for _t, x1, x2, y1, _y2 in ops[:k]:
        al.runs.append((i + x1, j + y1, x2 - x1))
    at = j + b1
    block = al.block_of(at if at < len(e) else len(e) - 1)
    if b1 == b2 and block > 0 and al.block_starts[block] == at:
        block -= 1  # text lost at a block boundary: lost from the end of the block before it
    lo = al.block_starts[block]
    hi = al.block_starts[block + 1] if block + 1 < len(al.block_starts) else len(e)
    offset = al.raw.start(i + a1) if i + a1 < len(r) else (al.raw.end(len(r) - 1) if r else 0)
    shown = al.edition_orig  # the edition's own characters, not their folded twins
    al.differences.append(Difference(block, al.raw.orig[i + a1:i + a2], shown[at:j + b2],
                                     shown[max(lo, at - CONTEXT):at],
                                     shown[j + b2:max(j + b2, min(hi, j + b2 + CONTEXT))], offset))
    return i + a2, j + b2
