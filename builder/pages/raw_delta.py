"""A document's raw span (its page's 原文 section), stored as edits of its own text in the search chunks.

Why: the raw span is the document's text a second time (a third with the search's text
chunks, ``search/t/``), with line breaks, page markers and a few characters the edition
normalised. Stored whole, even gzip-compressed, it was about 22 KB of every document's
200 KB budget at N = 1,000 (issue 12). The browser already has, or fetches on a search, the
document's text in its chunks; the span is rebuilt from them and a short list of edits.

The base: the texts of the document's search units (``builder.search.index.Layout``, made by
``builder.search.units.document_units``: its title, then every non-empty block as a reader sees
it) joined by a line break, exactly as the rows of its chunks ``t/<n>.json.deflate`` hold them
(the row's fifth field).

The edits (``encode``), a JSON array read in order, a cursor in the base starting at 0:

* a number ``n > 0``: the next ``n`` characters of the base, as they are;
* a number ``n < 0``: skip ``-n`` characters of the base;
* ``[n]``: move the cursor by ``n`` (back, where a block's raw range comes before the one
  the cursor has passed: seldom);
* a string: HTML, as it is (the span's markup, and raw text the base does not hold, already
  escaped by ``builder.pages.sources.raw_text``).

Example: the raw line ``政府工作报告`` (the title) then a paragraph broken by a PDF page
across two raw lines gives ``["<pre …><span id=p-1><a id=L1 …></a>", 6, "</span>\\n", -1,
"<span id=p-2><a id=L2 …></a>", 30, "\\n<a id=L3></a>", 25, …]``.

Only characters that HTML text shows as themselves are ever copied from the base (not ``&``,
``<``, ``>``, a tab or a control character, which ``raw_text`` writes otherwise): the copy is
the span's HTML character for character, so the browser inserts the result as the builder's
HTML, and a base character can never become markup. ``apply`` is the browser's rule
(``assets/javascripts/source-text.js``) in Python, for the tests and ``builder check``-like
readers of a built site; ``encode`` checks its own result with it.

How the edits are found: a block's raw range is walked beside that block's text in the base
(``encode``); equal characters are copied; where they part, the nearest place where eight
characters of the raw text occur again further on in the block's text resumes the copy, the
raw characters before it written as HTML and the base's skipped. Text outside every block's
range (omitted lines, the line breaks between blocks) is written as HTML. The cost is linear in
the text: each block is searched only within its own text.

Measured (2026-12-04, the 14 real documents): the span gzip-compressed was 23.2 KB a document;
its edits gzip-compressed are 3.5 KB (the 十四五 outline, mostly tables, 11.3 KB), and the
chunks they refer to are the search's own; at N = 1,000 (synthetic) 22.1 KB and 1.6 KB.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from builder.search import dictionary, packed
from builder.search.index import CHUNK_UNITS, ROOT, Layout, compact_json
from builder.search.units import Unit

#: Characters never copied from the base: those ``raw_text`` does not write as themselves.
_UNSAFE_RE = re.compile(r"[&<>\x00-\x1f\x7f]")
#: Characters of a piece that must recur in the base to resume copying after a difference.
PROBE = 8
#: How far ahead, in characters, the base is searched for them.
WINDOW = 4096
#: How many characters of a piece are tried as the start of a probe before the rest of the
#: piece is written as HTML (text the base does not hold: page markers, omitted lines).
TRIES = 48

Edit = int | str | list[int]


def base_text(units: Sequence[Unit]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text the edits refer to (a document's search units, ``Layout.units[i]``, the very
    units its chunks are made of, joined by ``\n``), and where each block's text lies in it:
    block index -> ``(start, end)``."""
    parts, where, at = [], {}, 0
    for u in units:
        parts.append(u.text)
        where[u.block] = (at, at + len(u.text))
        at += len(u.text) + 1
    return "\n".join(parts), where


class _Edits:
    def __init__(self) -> None:
        self.out: list[Edit] = []

    def html(self, s: str) -> None:
        if not s:
            return
        if self.out and isinstance(self.out[-1], str):
            self.out[-1] += s
        else:
            self.out.append(s)

    def copy(self, n: int) -> None:
        if self.out and isinstance(self.out[-1], int) and self.out[-1] > 0:
            self.out[-1] += n
        else:
            self.out.append(n)

    def move(self, n: int) -> None:
        """Move the cursor by ``n``: forward as a skip (``-n``), back as ``[−n]``."""
        if n > 0:
            self.out.append(-n)
        elif n < 0:
            self.out.append([n])


def _resync(piece: str, k: int, base: str, j: int, end: int) -> tuple[int, int] | None:
    """``(a, b)``: ``piece[k + a:]`` starts as ``base[b:end]`` does, for ``PROBE`` characters (or
    the piece's rest), with the least ``a`` and then the least ``b >= j``; None when there is none."""
    for a in range(min(TRIES, len(piece) - k)):
        probe = piece[k + a:k + a + PROBE]
        if len(probe) < 2 or _UNSAFE_RE.search(probe):
            continue
        b = base.find(probe, j, min(end, j + WINDOW + len(probe)))
        if b >= 0:
            return a, b
    return None


def _copyable(piece: str, k: int, base: str, j: int, end: int) -> int:
    """How many characters of ``piece`` from ``k`` equal ``base`` from ``j`` (not past ``end``),
    none of them unsafe: the longest common prefix, found by comparing slices (a binary search;
    usually the first comparison, the whole rest, already matches) rather than character by
    character, which was most of the encoder's time."""
    unsafe = _UNSAFE_RE.search(piece, k)
    limit = min((unsafe.start() if unsafe else len(piece)) - k, end - j)
    if limit <= 0:
        return 0
    if piece[k:k + limit] == base[j:j + limit]:
        return limit
    lo, hi = 0, limit  # piece[k:k + lo] matches, piece[k:k + hi] does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if piece[k:k + mid] == base[j:j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def encode(parts: Sequence[tuple[bool, str, int | None]], units: Sequence[Unit],
           raw_text: Callable[[str], str]) -> list[Edit]:
    """The edits that give the span's HTML, ``"".join(raw_text(p) if is_text else p …)``, from
    ``base_text(units)`` (see module docstring); ``raw_text`` is ``builder.pages.sources.raw_text``.

    A text piece inside a block's range (``parts``' third field, ``builder.pages.sources.raw_parts``)
    is copied from that block's own text only; text outside every block (line breaks between
    blocks, omitted lines) is written as HTML. So a raw line that happens to recur later (a printed
    table of contents, a repeated heading) never draws the copy away from its block."""
    return encode_base(parts, *base_text(units), raw_text)


def encode_base(parts: Sequence[tuple[bool, str, int | None]], base: str, where: dict[int, tuple[int, int]],
                raw_text: Callable[[str], str]) -> list[Edit]:
    """``encode`` given the base and where each block's text lies in it (``base_text``)."""
    edits = _Edits()
    j, current = 0, None
    for is_text, piece, block in parts:
        if not is_text:
            edits.html(piece)
            continue
        if block is None or block not in where:
            edits.html(raw_text(piece))
            continue
        lo, end = where[block]
        if block != current:
            current = block
            edits.move(lo - j)
            j = lo
        k = 0
        while k < len(piece):
            n = _copyable(piece, k, base, j, end)
            if n:
                edits.copy(n)
                k, j = k + n, j + n
                continue
            found = _resync(piece, k, base, j, end)
            if found is None:
                edits.html(raw_text(piece[k:]))
                break
            a, b = found
            edits.html(raw_text(piece[k:k + a]))
            edits.move(b - j)
            k, j = k + a, b  # the next round copies at least the probe's first character
    expected = "".join(raw_text(p) if is_text else p for is_text, p, _ in parts)
    if apply(edits.out, base) != expected:  # never expected; a wrong span is worse than a bigger file
        return [expected]
    return edits.out


def apply(edits: Sequence[Edit], base: str) -> str:
    """The span's HTML from its edits and the base (the browser's rule, ``source-text.js``)."""
    out, j = [], 0
    for e in edits:
        if isinstance(e, str):
            out.append(e)
        elif isinstance(e, list):
            j += e[0]
        elif e > 0:
            out.append(base[j:j + e])
            j += e
        else:
            j -= e
    return "".join(out)


def dumps(edits: Sequence[Edit], base: Base) -> str:
    """The edits file: ``{"base": [doc, first, last, length, dictionary], "edits": [...]}``."""
    return compact_json({"base": base.fields(), "edits": list(edits)})


def loads(text: str) -> tuple[Base, list[Edit]]:
    data = json.loads(text)
    edits = data.get("edits") if isinstance(data, dict) else None
    if not isinstance(edits, list) or not all(
            isinstance(e, (int, str)) or (isinstance(e, list) and len(e) == 1 and isinstance(e[0], int))
            for e in edits):
        raise ValueError("raw span edits: not a list of numbers, strings and [number]s")
    return Base.parse(data.get("base")), edits


@dataclass(frozen=True)
class Base:
    """Where the browser finds a document's base: its position in the index's document list
    (the chunks' rows name it), its chunks ``first`` … ``last`` (``t/<n>.json.deflate``: a chunk
    never holds two documents), the base's length, which the browser checks, so that edits
    are never applied to another build's text, and the chunks' dictionary (so that drawing a
    span never fetches the search manifest, which lists every document).

    Written into the edits file, not the page: it depends on every document before this one
    in the index's list, the page on this document alone (the preview renders a saved
    document's page by itself: ``builder.commands.serve``)."""

    doc: int
    first: int
    last: int
    length: int
    dictionary: str  # the chunks' preset dictionary, relative to search/: read without the manifest

    @classmethod
    def of(cls, lay: Layout, i: int) -> Base:
        """Document ``i`` of the index's list ``lay``."""
        units = lay.units[i]
        start, count = i * lay.step, len(units)
        return cls(i, start // CHUNK_UNITS, (start + count - 1) // CHUNK_UNITS, len(base_text(units)[0]),
                   posixpath.relpath(dictionary.published_name(), ROOT))

    def fields(self) -> list[int | str]:
        return [self.doc, self.first, self.last, self.length, self.dictionary]

    @classmethod
    def parse(cls, value: object) -> Base:
        if (not isinstance(value, list) or len(value) != 5 or not all(isinstance(v, int) for v in value[:4])
                or not isinstance(value[4], str)):
            raise ValueError("raw span edits: base is not [doc, first, last, length, dictionary]")
        doc, first, last, length, name = value
        return cls(doc, first, last, length, name)


_PLACEHOLDER_RE = re.compile(r'<div class="raw-packed" data-raw-packed="([^"]+)"[^>]*>.*?</div>', re.S)


def read_span(page: str, files: Path, root: Path | None = None) -> str | None:
    """The span's HTML a source page draws, read from a built docs or site folder ``root``
    (by default the nearest folder above ``files`` that holds ``search/``; ``files``: the folder
    beside the page that holds its edits file), as ``source-text.js`` draws it; None for a page
    without one. For the tests and the link checker."""
    found = _PLACEHOLDER_RE.search(page)
    if not found:
        return None
    root = root or next(p for p in files.parents if (p / ROOT).is_dir())
    base, edits = loads(packed.unpack((files / found.group(1)).read_bytes()))
    texts = []
    for n in range(base.first, base.last + 1):
        chunk = json.loads(packed.read(root, f"{ROOT}/t/{n}.json"))
        texts += [row[4] for row in chunk["u"] if row[0] == base.doc]
    text = "\n".join(texts)
    if len(text) != base.length:
        raise ValueError(f"{files}: the chunks hold {len(text)} characters of base, not {base.length}")
    return apply(edits, text)


def draw(page: str, files: Path, root: Path | None = None) -> str:
    """``page`` with its span drawn in place of the placeholder (``read_span``)."""
    span = read_span(page, files, root)
    return page if span is None else _PLACEHOLDER_RE.sub(lambda _: span, page, count=1)
