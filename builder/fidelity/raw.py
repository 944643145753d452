"""A document's raw span, folded for comparison, every character keeping its place in the raw file.

The span is the document's lines of its raw file (``source.lines``) without
its recorded omissions (whole lines such as a printed table of contents, or
an exact string such as a page marker ``(上接1版)``), folded by
``builder.chinese.fidelity``, with the recorded corrections applied. Each
folded character remembers the character offsets, in the raw file's text,
it came from, so a paragraph of the edition can be traced back to the exact
characters (and so lines) it was made from.

The offsets are kept per run of non-space characters, not per character:
a flattened report is one raw line of 15,000 characters with a few hundred
spaces, so the bookkeeping grows with the spaces, not the characters.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from builder.chinese.fidelity import fold, fold_width, unfolded
from builder.corpus.errors import Problem
from builder.corpus.model import Correction, Document, parse_range
from builder.corpus.sources import RawFile

_RUN_RE = re.compile(r"\S+")


@dataclass
class Segment:
    """Folded characters ``[at, at + length)`` came from raw offsets ``raw, raw + 1, …``;
    a corrected segment (``spread`` set) came, as a whole, from ``[raw, spread)``."""

    at: int
    raw: int
    length: int
    spread: int | None = None


@dataclass
class FoldedRaw:
    """The folded span: folded character ``k`` came from ``file_text[start(k):end(k)]``."""

    text: str
    orig: str  # the same characters before width folding (``，`` where ``text`` has ``,``)
    segments: list[Segment]
    line_starts: list[int]  # offset of each raw line's first character (line n at index n-1)
    file_text: str = ""  # the raw file's whole text, which the offsets point into
    corrected: list[tuple[Correction, int, int]] = field(default_factory=list)  # raw offsets replaced
    problems: list[Problem] = field(default_factory=list)  # corrections that match nothing, or twice
    _ats: list[int] = field(default_factory=list, repr=False)

    def _segment(self, k: int) -> Segment:
        if len(self._ats) != len(self.segments):
            self._ats = [s.at for s in self.segments]
        return self.segments[bisect.bisect_right(self._ats, k) - 1]

    def start(self, k: int) -> int:
        s = self._segment(k)
        return s.raw if s.spread is not None else s.raw + (k - s.at)

    def end(self, k: int) -> int:
        s = self._segment(k)
        return s.spread if s.spread is not None else s.raw + (k - s.at) + 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and 0-based column of a raw character offset."""
        n = bisect.bisect_right(self.line_starts, offset)
        return n, offset - self.line_starts[n - 1]


def line_starts(lines: list[str]) -> list[int]:
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out


def _cuts(line: str, n: int, doc: Document) -> list[tuple[int, int]]:
    """Columns of line ``n`` not compared: its omitted strings and ``**`` markers."""
    cut = []
    for o in doc.meta.source.omitted:
        if o.line == n and o.text and o.text in line:
            at = line.index(o.text)
            cut.append((at, at + len(o.text)))
    cut += [(m.start(), m.end()) for m in re.finditer(r"\*\*", line)]
    return sorted(cut)


def _runs(line: str, cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Column ranges of the compared characters of one line."""
    runs = [m.span() for m in _RUN_RE.finditer(line)]
    for a, b in cut:
        out = []
        for s, e in runs:
            if e <= a or s >= b:
                out.append((s, e))
                continue
            if s < a:
                out.append((s, a))
            if e > b:
                out.append((b, e))
        runs = out
    return runs


def fold_span(doc: Document, raw: RawFile) -> FoldedRaw:
    """The folded raw span of ``doc``, its corrections applied (see module docstring)."""
    src = doc.meta.source
    lines = raw.lines
    starts = line_starts(lines)
    first, last = src.line_range
    skipped: set[int] = set()
    for o in src.omitted:
        if o.lines:
            a, b = parse_range(o.lines)
            skipped.update(range(a, b + 1))
    parts: list[str] = []
    segments: list[Segment] = []
    at = 0
    for n in range(first, min(last, len(lines)) + 1):
        if n in skipped:
            continue
        line = lines[n - 1]
        cut = _cuts(line, n, doc) if ("**" in line or src.omitted) else []
        for s, e in _runs(line, cut) if cut else (m.span() for m in _RUN_RE.finditer(line)):
            segments.append(Segment(at, starts[n - 1] + s, e - s))
            parts.append(line[s:e])
            at += e - s
    orig = "".join(parts)
    folded = FoldedRaw(fold_width(orig), orig, segments, starts, raw.text)
    apply_corrections(doc, folded)
    return folded


def _split(folded: FoldedRaw, k: int) -> int:
    """Split the segment holding folded index ``k`` so that one starts at ``k``; its index."""
    for idx, s in enumerate(folded.segments):
        if s.at == k:
            return idx
        if s.at < k < s.at + s.length:
            head = Segment(s.at, s.raw, k - s.at, s.spread)
            tail = Segment(k, s.raw if s.spread is not None else s.raw + (k - s.at), s.length - (k - s.at),
                           s.spread)
            folded.segments[idx:idx + 1] = [head, tail]
            return idx + 1
    return len(folded.segments)


def correction_lines(doc: Document) -> list[int]:
    """The file line of each ``source.corrections`` item (its ``- `` line), for file:line messages."""
    count = len(doc.meta.source.corrections)
    head = doc.line_of("source.corrections")
    if not count:
        return []
    try:
        text = doc.path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return [head] * count
    found = [n for n in range(head + 1, min(len(text), head + 1 + 40 * count) + 1)
             if text[n - 1].lstrip().startswith("- ")]
    return (found + [head] * count)[:count]


def apply_corrections(doc: Document, folded: FoldedRaw) -> None:
    """Replace each correction's ``raw`` by its ``corrected`` text, in the folded span.

    A correction must name exactly one place: its ``raw`` (folded like the
    span, so ``255 亿元`` and ``255亿元`` are alike) occurring nowhere means the
    correction no longer applies; occurring twice, that it is ambiguous.
    Both are errors at the correction's line.
    """
    lines = correction_lines(doc)
    places = []
    for c, line in zip(doc.meta.source.corrections, lines, strict=True):
        needle = fold(c.raw)
        at = folded.text.find(needle) if needle else -1
        if at < 0:
            folded.problems.append(Problem(doc.path, line, f"correction raw {c.raw!r} does not occur in the "
                                           "raw span", "copy raw exactly as the source page shows it, or "
                                           "remove the correction if it no longer applies"))
            continue
        again = folded.text.find(needle, at + 1)
        if again >= 0:
            folded.problems.append(Problem(doc.path, line, f"correction raw {c.raw!r} occurs more than once "
                                           f"in the raw span (raw lines {folded.line_col(folded.start(at))[0]} "
                                           f"and {folded.line_col(folded.start(again))[0]})",
                                           "lengthen raw (and corrected) with the words around it until it "
                                           "names one place"))
            continue
        places.append((at, at + len(needle), c))
    places.sort(key=lambda p: p[0])
    for (_a1, a2, c1), (b1, _b2, c2) in itertools.pairwise(places):
        if b1 < a2:
            folded.problems.append(Problem(doc.path, lines[0], f"corrections {c1.raw!r} and {c2.raw!r} overlap",
                                           "merge them into one correction"))
            return
    for a, b, c in reversed(places):
        lo, hi = folded.start(a), folded.end(b - 1)
        new = fold(c.corrected)
        first = _split(folded, a)
        stop = _split(folded, b)
        delta = len(new) - (b - a)
        for s in folded.segments[stop:]:
            s.at += delta
        folded.segments[first:stop] = [Segment(a, lo, len(new), hi)] if new else []
        folded.text = folded.text[:a] + new + folded.text[b:]
        folded.orig = folded.orig[:a] + unfolded(c.corrected) + folded.orig[b:]
        folded.corrected.append((c, lo, hi))
        folded._ats = []
    folded.corrected.reverse()
