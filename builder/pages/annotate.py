"""Render a block's text with inline annotations (glossary links, marked numbers).

Features such as the glossary and the indicators mark places in the text a
reader sees. They find those places in the *plain* text of a block (what
``Block.plain_text`` gives: no ``**`` markers, no backslash escapes), so the
offsets they compute are the same ones the search index and the quotes use.
This module turns the corpus text plus those spans into safe Markdown:

- every character of corpus text is escaped (HTML, link, emphasis and
  attribute-list syntax become entities), so a span's markup is the only
  markup there is;
- ``**bold**`` of the corpus survives as ``<strong>`` runs, split where a
  span boundary crosses it (``**六新**突破`` with a link on 六新 still bolds
  六新);
- overlapping spans are resolved before rendering: the earliest start wins,
  and of two starting together the longer wins, so 六稳六保 is one link and
  never 六稳 plus a stray 六保.

Example: ``render("实现“六新”突破", [Span(3, 5, "[", "](g.md)")])`` gives
``实现“[六新](g.md)”突破``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from builder.corpus.model import plain_with_bold
from builder.escape import markdown_text

# Line starts that Markdown would read as a heading, list item or quote.
_BLOCK_START_RE = re.compile(r"^(?:[#+-]|\d+(?=[.)]))")


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` of the plain text, wrapped in ``before`` … ``after``.

    ``before`` and ``after`` are trusted Markdown or HTML made by the builder
    (never corpus text unescaped).
    """

    start: int
    end: int
    before: str
    after: str


def resolve(spans: Iterable[Span], length: int) -> list[Span]:
    """Non-overlapping spans inside ``[0, length]``: earliest first, then longest."""
    kept: list[Span] = []
    end = 0
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if s.start >= end and 0 <= s.start < s.end <= length:
            kept.append(s)
            end = s.end
    return kept


def render(raw: str, spans: Sequence[Span] = ()) -> str:
    """Corpus inline text with ``spans`` (plain offsets) applied, as safe Markdown."""
    plain, bold = plain_with_bold(raw.strip())
    kept = resolve(spans, len(plain))
    cuts = sorted({0, len(plain), *(p for s in kept for p in (s.start, s.end)),
                   *(p for b in bold for p in b)})
    opens = {s.start: s for s in kept}
    closes = {s.end: s for s in kept}
    out: list[str] = []
    for a, b in pairwise(cuts):
        if a in closes:
            out.append(closes[a].after)
        if a in opens:
            out.append(opens[a].before)
        piece = markdown_text(plain[a:b])
        if a == 0 and not out:
            piece = _BLOCK_START_RE.sub(lambda m: "\\" + m.group() if not m.group().isdigit()
                                        else m.group() + "\\", piece, count=1)
        if any(x <= a and b <= y for x, y in bold):
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    if len(plain) in closes:
        out.append(closes[len(plain)].after)
    return "".join(out)
