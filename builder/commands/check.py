"""Validate the whole corpus; print every problem as file:line and exit 1 on errors.

Checks the raw files of ``sources/`` against their records, every document
against its raw span (fidelity), the front matter against the schema,
unique ids, known regions and their reference facts, well-formed tables, stable anchors, and leftover
import damage (half-width punctuation between Chinese characters,
paragraphs ending mid-sentence, website boilerplate) and unsafe markup.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from builder.checks.corpus import check_corpus
from builder.checks.document import check_document
from builder.corpus.errors import CorpusError, Problem
from builder.corpus.load import load_corpus
from builder.parallel import jobs_or_default, map_documents

#: "module:function" of each feature's check (glossary, indicators…): each
#: takes the loaded Corpus and ``jobs`` (processes for its per-document work,
#: ``builder.parallel``) and returns its Problems (file:line, severity).
FEATURE_CHECKS: tuple[str, ...] = (
    "builder.checks.sources:check_sources",
    "builder.checks.fidelity:check_fidelity",
    "builder.checks.glossary:check_glossary",
    "builder.checks.indicators:check_indicators",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"),
                        help="corpus folder (default: corpus)")
    parser.add_argument("--sources", type=Path, default=None,
                        help="raw files' folder (default: sources/ beside the corpus folder)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="processes for the per-document checks (default: one per core, at most 4); "
                             "the problems are the same whatever N")


def collect_problems(root: Path, sources: Path | None = None, jobs: int = 1) -> list[Problem]:
    """Every problem of the corpus at ``root`` (raw files in ``sources``), in file and line order;
    the per-document work in ``jobs`` processes (``builder.parallel``), the same problems whatever it is."""
    problems: list[Problem] = []
    try:
        corpus = load_corpus(root, collect=problems, sources=sources)
    except CorpusError as exc:
        return exc.problems
    problems.extend(check_corpus(corpus))
    for found in map_documents(check_document, corpus.documents, jobs):
        problems.extend(found)
    for spec in FEATURE_CHECKS:
        module, _, name = spec.partition(":")
        problems.extend(getattr(importlib.import_module(module), name)(corpus, jobs))
    return sorted(problems, key=lambda p: (str(p.path), p.line))


def run(args: argparse.Namespace) -> int:
    problems = collect_problems(args.corpus, args.sources, jobs_or_default(args.jobs))
    for p in problems:
        print(p)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    print(f"checked {args.corpus}: {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0
