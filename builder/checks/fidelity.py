"""Fidelity: every document says what its raw span says, but for the recorded corrections.

An unrecorded change is an error at the paragraph's line, naming its anchor
and showing the change in context: ``p-8 differs from the source
(…减税降费1655[7→8]万元…)``. A correction that no longer applies, or is
ambiguous, is an error at the correction's line (``builder.fidelity.raw``).
"""

from __future__ import annotations

from builder.corpus.errors import Problem
from builder.corpus.load import Corpus
from builder.corpus.model import Document
from builder.fidelity.align import Alignment, align
from builder.parallel import map_documents


def where(doc: Document, index: int) -> str:
    """``p-8``; a table (no anchor of its own) by the paragraph before it."""
    block = doc.blocks[index]
    if block.anchor:
        return block.anchor
    before = next((b.anchor for b in reversed(doc.blocks[:index]) if b.anchor), None)
    return f"the table after {before}" if before else "the first table"


def alignment_problems(doc: Document, al: Alignment) -> list[Problem]:
    problems = list(al.raw.problems)
    for d in al.differences:
        block = doc.blocks[d.block]
        problems.append(Problem(doc.path, block.line, f"{where(doc, d.block)} differs from the source "
                                f"({d.excerpt()})",
                                "record it under source.corrections with its reason, or undo it"))
    if not al.complete:
        problems.append(Problem(doc.path, doc.line_of("source.lines"),
                                f"more than {len(al.differences)} differences from the source: the comparison "
                                "stopped", "check source.file and source.lines name this document's raw span"))
    return problems


def check_fidelity(corpus: Corpus, jobs: int = 1) -> list[Problem]:
    """Every document against its raw span, in ``jobs`` processes (``builder.parallel``)."""

    def of(doc: Document) -> list[Problem]:
        raw = corpus.sources.get(doc.meta.source.file)
        if raw is None or raw.sha256 != doc.meta.source.sha256:
            return []  # check_sources names the missing or changed file
        return alignment_problems(doc, align(doc, raw))

    return [p for found in map_documents(of, corpus.documents, jobs) for p in found]
