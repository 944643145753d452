"""Every place a glossary term is used in the corpus.

Matching rules, each with an example from the seeds:

- Text is matched in a block's *plain* text (``Block.plain_text``: no ``**``,
  no escapes), so offsets are the ones the page renderer and the search use.
  Quotes are not part of a term: in 扎实做好“六稳”工作 the occurrence is 六稳.
- Longest match wins, leftmost first: 全面落实六稳六保任务 holds one
  occurrence of 六稳六保, never 六稳 plus a stray 六保.
- A term marked ``match: quoted`` is matched only where the text sets it
  off: inside quotes (“三公”经费) or in bold (离石区's **三零**), because bare
  it is an ordinary word (三公里 is a distance).
- A term written in digits matches a whole number only: “1146” is not found
  in 11460人, nor “365” in 就业3659人 (no digit may touch it on either side).
- A table cell is matched on its own; its occurrence points to the table's
  caption paragraph (the paragraph before it), the nearest permalink.
- ``context`` is the sentence holding the term (cut at 。！？；), for the
  keyword-in-context list of a term page.
- ``sense`` is the key of the term's sense used there, by the rules of the
  term's file (``builder.glossary.senses``), or None when the text does not say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from builder.corpus.glossary import QUOTES, Glossary, Term
from builder.corpus.load import Corpus
from builder.corpus.model import Block, Document, plain_with_bold
from builder.glossary.senses import sense_of
from builder.parallel import map_documents

_OPENING = {left for left, _ in QUOTES}
_CLOSING = {right for _, right in QUOTES}
_SENTENCE_END = "。！？；!?;"


@dataclass(frozen=True)
class Occurrence:
    """One use of a term: ``start``/``end`` index the plain text of the block (or cell)."""

    term_id: str
    doc_id: str
    anchor: str  # the permalink nearest the occurrence: the block's own, a table's caption
    start: int
    end: int
    cell: tuple[int, int] | None  # (row, column) in a table, row 0 = header; None elsewhere
    context: str  # the sentence holding the term
    context_start: int  # where the term starts in ``context``
    kind: str  # kind of block: heading | paragraph | table
    form: str  # the string matched (the term or one of its variants)
    sense: str | None = None  # key of the sense used here; None: the text does not say


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term
    form: str


class Matcher:
    """Leftmost-longest matching of every surface form of a glossary.

    One Aho-Corasick automaton over every form finds all candidates of a text
    in one pass; then, left to right, the longest candidate at a position
    that passes its conditions (whole number, set off when ``match: quoted``)
    is taken, and matching resumes after it.
    """

    def __init__(self, glossary: Glossary) -> None:
        self.forms = sorted(glossary.term_of_form().items(), key=lambda x: (-len(x[0]), x[0]))
        self.automaton: ahocorasick.Automaton | None = None
        if self.forms:
            self.automaton = ahocorasick.Automaton()
            for rank, (form, term) in enumerate(self.forms):
                self.automaton.add_word(form, (rank, form, term))
            self.automaton.make_automaton()

    def candidates(self, plain: str) -> dict[int, list[tuple[int, str, Term]]]:
        """start -> [(rank, form, term)], longest form first."""
        out: dict[int, list[tuple[int, str, Term]]] = {}
        if self.automaton is None:
            return out
        for last, (rank, form, term) in self.automaton.iter(plain):
            out.setdefault(last - len(form) + 1, []).append((rank, form, term))
        for items in out.values():
            items.sort(key=lambda x: x[0])
        return out

    def find(self, plain: str, bold: list[tuple[int, int]] = ()) -> list[Match]:
        """Non-overlapping matches in ``plain``; ``bold`` ranges count as set off, like quotes."""
        out: list[Match] = []
        pos = 0
        found = self.candidates(plain)
        for i in sorted(found):
            if i < pos:
                continue
            hit = next((Match(i, i + len(f), t, f) for _, f, t in found[i]
                        if _whole_number(plain, i, i + len(f))
                        and (t.match == "text" or _set_off(plain, bold, i, i + len(f)))),
                       None)
            if hit is not None:
                out.append(hit)
                pos = hit.end
        return out


def _whole_number(plain: str, start: int, end: int) -> bool:
    """No digit touches a match that starts or ends with one (365 in 3659 is no match)."""
    before = plain[start - 1] if start else ""
    after = plain[end] if end < len(plain) else ""
    return not ((plain[start].isdigit() and before.isdigit()) or (plain[end - 1].isdigit() and after.isdigit()))


def _set_off(plain: str, bold: list[tuple[int, int]], start: int, end: int) -> bool:
    """``plain[start:end]`` stands in quotes (“三公”) or in bold (**三零**)."""
    quoted = start > 0 and plain[start - 1] in _OPENING and end < len(plain) and plain[end] in _CLOSING
    return quoted or any(a <= start and end <= b for a, b in bold)


def sentence(plain: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around ``plain[start:end]`` and the term's offset in it.

    ``扎实做好“六稳”工作。全面落实“六保”任务。`` around 六保 gives
    ``(全面落实“六保”任务。, 5)``.
    """
    begin = max((plain.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    ends = [p for p in (plain.find(c, end) for c in _SENTENCE_END) if p >= 0]
    stop = min(ends) + 1 if ends else len(plain)
    text = plain[begin:stop]
    stripped = text.lstrip()
    return stripped.rstrip(), start - begin - (len(text) - len(stripped))


def pieces(doc: Document) -> Iterator[tuple[Block, tuple[int, int] | None, str, str]]:
    """Every piece of text a reader sees, as rendered: (block, cell, raw text, anchor).

    The raw text is what the page renderer hands to annotation (stripped,
    bold markers still in); a table's pieces carry its caption's anchor.
    """
    anchor = ""
    for block in doc.blocks:
        if block.kind == "table":
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    yield block, (r, c), cell, anchor
            continue
        anchor = block.anchor
        yield block, None, block.text, anchor


def in_text(matcher: Matcher, raw: str) -> tuple[str, list[Match]]:
    """Matches in one piece of corpus text (``raw`` as stored: bold markers and all)."""
    plain, bold = plain_with_bold(raw.strip())
    return plain, matcher.find(plain, bold)


def document_occurrences(doc: Document, matcher: Matcher) -> list[Occurrence]:
    """Every occurrence of every term in one document, in text order."""
    out: list[Occurrence] = []
    for block, cell, raw, anchor in pieces(doc):
        plain, matches = in_text(matcher, raw)
        for m in matches:
            context, offset = sentence(plain, m.start, m.end)
            sense = sense_of(m.term, doc.id, anchor, context)
            out.append(Occurrence(m.term.id, doc.id, anchor, m.start, m.end, cell,
                                  context, offset, block.kind, m.form, sense.key if sense else None))
    return out


def find_occurrences(corpus: Corpus, glossary: Glossary, jobs: int = 1) -> list[Occurrence]:
    """Every occurrence of every term, in document and text order (matched in ``jobs`` processes,
    ``builder.parallel``)."""
    matcher = Matcher(glossary)
    found = map_documents(lambda doc: document_occurrences(doc, matcher), corpus.documents, jobs)
    return [o for occurrences in found for o in occurrences]


def occurrence_data(o: Occurrence) -> list:
    """An occurrence as JSON data (``OccurrenceAnalysis``); ``occurrence_of`` reads it back."""
    return [o.term_id, o.doc_id, o.anchor, o.start, o.end, list(o.cell) if o.cell else None,
            o.context, o.context_start, o.kind, o.form, o.sense]


def occurrence_of(row: list) -> Occurrence:
    term_id, doc_id, anchor, start, end, cell, context, context_start, kind, form, sense = row
    return Occurrence(term_id, doc_id, anchor, start, end, tuple(cell) if cell else None,
                      context, context_start, kind, form, sense)


class OccurrenceAnalysis:
    """The glossary's per-document work (``builder.pages.analyses``): a document's occurrences.
    The glossary pages and ``edition.sqlite`` both read it, so it is matched once per build."""

    name = "glossary"

    def __init__(self, glossary: Glossary) -> None:
        self.matcher = Matcher(glossary)

    def analyse(self, doc: Document) -> list[list]:
        return [occurrence_data(o) for o in document_occurrences(doc, self.matcher)]
