"""Checks of one document's text: leftover import damage, tables, anchors, unsafe text.

(The front matter is checked, every string of it, when it is read: ``builder.corpus.front_matter``.)"""

from __future__ import annotations

import re

from builder.chinese.charclass import CJK, ends_sentence
from builder.chinese.typography import HALF_TO_FULL
from builder.corpus.errors import Problem
from builder.corpus.model import Block, Document
from builder.corpus.textsafety import unsafe_text

HALF_WIDTH_RE = re.compile(f"(?<={CJK})[,:;!?](?={CJK})")
BOILERPLATE_RE = re.compile(
    r"【[^】]{0,12}招商】|\d{3}-\d{3}-\d{4}|点我投稿|投稿须知|产业园区网|[（(][上下][接转]\d+版[)）]")
ANCHOR_RE = re.compile(r"^[a-z]+-\d+(?:-\d+)*$")


def _p(doc: Document, block: Block, message: str, hint: str,
       severity: str = "error") -> Problem:
    return Problem(doc.path, block.line, message, hint, severity)


def check_text(doc: Document, block: Block) -> list[Problem]:
    """Damage and unsafe markup inside one heading or paragraph."""
    problems = []
    text = block.text
    m = HALF_WIDTH_RE.search(text)
    if m:
        full = HALF_TO_FULL[m.group(0)]
        problems.append(_p(doc, block, f"half-width '{m.group(0)}' between Chinese characters "
                           f"(…{text[max(0, m.start() - 6): m.end() + 6]}…)",
                           f"replace it with the full-width '{full}'"))
    m = BOILERPLATE_RE.search(text)
    if m:
        problems.append(_p(doc, block, f"website or newspaper boilerplate {m.group(0)!r} in the text",
                           "remove it: it is not part of the document"))
    problems.extend(check_markup(doc, block.line, text))
    return problems


def check_markup(doc: Document, line: int, text: str) -> list[Problem]:
    """Untrusted text must stay text: the one string-safety rule (``builder.corpus.textsafety``)."""
    found = unsafe_text(text)
    if found is None:
        return []
    return [Problem(doc.path, line, f"unsafe text: {found.what}", found.hint)]


def ends_mid_sentence(block: Block) -> bool:
    """A long paragraph whose last character is not sentence-final was cut off."""
    return len(block.text.strip()) > 40 and not ends_sentence(block.text)


def check_table(doc: Document, block: Block) -> list[Problem]:
    lines = block.text.split("\n")
    problems = []
    if len(lines) < 2 or not re.fullmatch(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?", lines[1].strip()):
        problems.append(_p(doc, block, "table has no delimiter row under its header",
                           "add a line like |---|---| after the first row"))
        return problems
    width = len(block.rows[0]) if block.rows else 0
    for i, row in enumerate(block.rows):
        for cell in row:
            problems.extend(check_markup(doc, block.line + (i + 1 if i else 0), cell))
    for i, row in enumerate(block.rows[1:], start=2):
        if len(row) != width:
            problems.append(Problem(doc.path, block.line + i, f"table row has {len(row)} cells, "
                                    f"the header has {width}",
                                    "add or remove '|' so every row has the header's cells"))
    return problems


def check_document(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    paragraphs = doc.paragraphs
    for block in doc.blocks:
        if block.kind == "table":
            problems.extend(check_table(doc, block))
            continue
        problems.extend(check_text(doc, block))
        if block.anchor in seen:
            problems.append(_p(doc, block, f"anchor {{#{block.anchor}}} is used twice "
                               f"(first on line {seen[block.anchor]})",
                               "give this block a new anchor; never reuse an existing one"))
        seen.setdefault(block.anchor, block.line)
        if not block.anchor_written:
            problems.append(_p(doc, block, f"{block.kind} has no anchor; it gets "
                               f"{{#{block.anchor}}} for now", f"append {{#{block.anchor}}} to it",
                               "warning"))
        elif not ANCHOR_RE.match(block.anchor):
            problems.append(_p(doc, block, f"anchor {{#{block.anchor}}} is not of the form p-N",
                               "use p-N for paragraphs and h-N for headings"))
    last = paragraphs[-1] if paragraphs else None
    for block in paragraphs:
        if ends_mid_sentence(block) and not (block is last and doc.meta.completeness.status
                                             == "excerpt"):
            problems.append(_p(doc, block, f"paragraph ends mid-sentence (…{block.text[-12:]})",
                               "join it with the paragraph that continues it"))
    return problems
