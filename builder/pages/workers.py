"""The per-document work of a build spread over several processes (``builder build --jobs N``).

Why: about half of a build is per document and independent of the others (each
document's page, ``.txt``, source page and search chunks, and the glossary occurrences and
indicator records its gathering pages read), and a machine has more than one core. The
gathering pages (home, lists, glossary, indicators, the search shards) are made afterwards in
the main process, from every document's results, exactly as in one process.

How:

- the first document is done in the main process, which also builds every lazy part the
  work needs (the glossary's automaton, the indicator matchers, jieba's model): the workers
  are forked after that and inherit them instead of each building its own;
- the other documents go to ``jobs`` forked processes in batches of ``BATCH``, in corpus
  order; a worker writes its files into the build's scratch folder (``Output``'s spill) and
  hands back their paths and its documents' analyses as plain data
  (``builder.pages.analyses``), which the main process takes in the same order;
- an analysis that is ``streamed`` (the search grams) is not handed back: the process that made
  a batch's files gives the batch to its ``stream``, which spills it to disk
  (``builder.search.runs``), so no process ever holds every document's postings;
- without ``fork`` (not on Linux), with one job, or with few documents, everything runs in
  the main process.

The files are the same whatever ``jobs`` is, byte for byte (``tests/website/test_workers.py``).
The CPU time a benchmark reads (``os.wait4``) includes the workers'; the peak memory it reads
is the largest single process's, so with N jobs the machine holds up to about N + 1 times that.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from builder.corpus.errors import CorpusError
from builder.corpus.model import Document
from builder.pages.analyses import Analysis
from builder.pages.catalogue import Catalogue
from builder.pages.document_files import DocumentContext, add_document_files
from builder.pages.extensions import Extension, analyses
from builder.pages.output import Output
from builder.pages.settings import SiteSettings
from builder.parallel import BATCH, can_fork


@dataclass(frozen=True)
class _Work:
    """What a forked worker inherits: everything its documents' work reads."""

    cat: Catalogue
    settings: SiteSettings
    extensions: Sequence[Extension]
    context: DocumentContext
    kinds: Sequence[Analysis]
    streamed: Sequence[Analysis]
    spill: Path | None  # the Output's scratch folder, or None: files are handed back


_WORK: _Work | None = None


def _one_batch(docs: Sequence[Document]) -> tuple[list[tuple[str, str, str | bytes | None]], dict, list | None]:
    """In a worker: the batch's files (path, source, content or None when written to the
    scratch folder), its analyses, and a corpus problem list instead of a CorpusError (whose
    problems would not survive pickling)."""
    work = _WORK
    assert work is not None, "a worker runs only in a process forked by add_document_work"
    try:
        out = Output(work.spill)
        add_document_files(out, work.cat, work.settings, work.extensions, docs, work.context)
        for doc in docs:
            for kind in work.kinds:
                work.cat.analyses.get(kind, doc)
        for kind in work.streamed:
            kind.stream(docs)  # type: ignore[attr-defined]
    except CorpusError as exc:
        return [], {}, exc.problems
    spilled = work.spill is not None
    files = [(path, out.source_of(path), None if spilled else out[path]) for path in out]
    return files, work.cat.analyses.export(d.id for d in docs), None


def add_document_work(out: Output, cat: Catalogue, settings: SiteSettings, extensions: Sequence[Extension],
                      jobs: int) -> None:
    """Every document's files into ``out`` and its analyses into ``cat.analyses``, in ``jobs``
    processes (see the module's docstring)."""
    docs = cat.documents
    context = DocumentContext.of(cat)
    kinds = [k for k in analyses(extensions) if not getattr(k, "streamed", False)]
    streamed = [k for k in analyses(extensions) if getattr(k, "streamed", False)]
    if not can_fork(jobs, len(docs), BATCH):
        add_document_files(out, cat, settings, extensions, docs, context)
        return
    first, rest = docs[:1], docs[1:]
    add_document_files(out, cat, settings, extensions, first, context)
    for kind in kinds:  # builds each analysis's lazy parts before the fork
        cat.analyses.get(kind, first[0])
    for kind in streamed:
        kind.stream(first)  # type: ignore[attr-defined]
    global _WORK
    _WORK = _Work(cat, settings, extensions, context, kinds, streamed, out.spill)
    try:
        batches = [rest[i:i + BATCH] for i in range(0, len(rest), BATCH)]
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for files, analysed, problems in pool.map(_one_batch, batches):
                if problems is not None:
                    raise CorpusError(problems)
                for path, source, content in files:
                    if content is None:
                        out.adopt(path, source)
                    else:
                        out.add(path, content, source)
                cat.analyses.load(analysed)
    finally:
        _WORK = None
