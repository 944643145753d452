"""``builder check`` for the indicator files: the vocabulary, the reviewed corrections, the parent targets.

Reports, as ``file:line``: unreadable or malformed entries, unknown indicator
ids, and stale corrections — a fix or suppress that selects no extracted
record any more, or an added record whose quote is no longer in its
paragraph (the text was corrected, or the extractor now gets it right) —
and an added record that clashes with an extracted one (same document,
paragraph, indicator, kind and period: that is a ``fix``).
"""

from __future__ import annotations

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.indicators import CORRECTIONS_FILE, load_corrections, load_vocabulary
from builder.corpus.load import Corpus
from builder.corpus.parent_targets import load_parent_targets
from builder.indicators import extract_document
from builder.indicators.corrections import clashing_adds, stale_entries
from builder.parallel import map_documents


def check_indicators(corpus: Corpus, jobs: int = 1) -> list[Problem]:
    """The indicator files, and the corrections against what the extractor finds in the documents
    they name (the extraction in ``jobs`` processes, ``builder.parallel``)."""
    problems: list[Problem] = []
    try:
        vocabulary = load_vocabulary(corpus.root, collect=problems)
        corrections = load_corrections(corpus.root, vocabulary, collect=problems)
        load_parent_targets(corpus.root, vocabulary, collect=problems)
    except CorpusError as exc:
        return problems + exc.problems
    # Only the documents an entry names: an entry selects, or clashes with, records of its own
    # document alone (``selects``, ``Record.place``), and extracting every document here was
    # a second extraction of the whole corpus in every build (issue "Scale").
    named = {entry.doc for entry in corrections.entries}
    found = [f for fs in map_documents(lambda doc: extract_document(doc, vocabulary),
                                       [d for d in corpus.documents if d.id in named], jobs)
             for f in fs]
    path = corpus.root / CORRECTIONS_FILE
    for entry in corrections.entries:
        if corpus.by_id(entry.doc) is None:
            problems.append(Problem(path, entry.line, f"unknown document {entry.doc!r}",
                                    "use a document id from corpus/documents"))
        elif corpus.by_id(entry.doc).block_by_anchor(entry.anchor) is None:  # type: ignore[union-attr]
            problems.append(Problem(path, entry.line, f"{entry.doc} has no paragraph #{entry.anchor}",
                                    "use the anchor shown by the paragraph's ¶ link"))
    known = {(p.path, p.line) for p in problems}
    for entry in stale_entries(found, corrections, corpus):
        if (path, entry.line) in known:
            continue
        what = ("its quote is no longer in the paragraph" if entry.action == "add"
                else "it matches no extracted record")
        problems.append(Problem(path, entry.line, f"stale {entry.action} of {entry.indicator} in "
                                f"{entry.doc}#{entry.anchor}: {what}",
                                "update the entry to the current text or delete it"))
    for entry in clashing_adds(found, corrections, corpus):
        problems.append(Problem(path, entry.line, f"add of {entry.indicator} in {entry.doc}#{entry.anchor}: "
                                "the extractor already has a record for this kind and period",
                                "use action: fix to change that record"))
    return problems
