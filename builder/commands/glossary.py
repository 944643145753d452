"""Glossary tools: ``glossary candidates`` lists the numbered phrases the corpus uses as slogans.

Each line: the phrase, how often readers meet it (a known term at every
occurrence, quoted or not; a phrase without an entry where it is set off as a
slogan), in how many documents, its entry or ``NO ENTRY`` (``needs entry`` when
it is in two or more documents or three or more times in one), the spellings
counted together, and the documents. Plan periods (“十三五”, “十四五”) and 普法
periods (“七五”普法, “八五”普法) are marked as such.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from builder.corpus.errors import CorpusError
from builder.corpus.glossary import load_glossary
from builder.corpus.load import load_corpus
from builder.glossary.candidates import find_candidates


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    cand = sub.add_parser("candidates", help="list quoted numbered phrases, marking those without an entry")
    cand.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus)")
    cand.add_argument("--missing", action="store_true", help="only phrases without an entry")


def run(args: argparse.Namespace) -> int:
    try:
        corpus = load_corpus(args.corpus)
        glossary = load_glossary(args.corpus)
    except CorpusError as exc:
        print(exc)
        return 1
    candidates = find_candidates(corpus, glossary)
    shown = 0
    for c in candidates:
        if args.missing and (c.term_id or c.kind.endswith("period")):
            continue
        if c.kind.endswith("period"):
            status = c.kind
        elif c.term_id:
            status = f"entry {c.term_id}"
        else:
            status = "NO ENTRY, needs entry" if c.needs_entry else "NO ENTRY"
        spellings = "、".join(c.spellings) if len(c.spellings) > 1 else "-"
        print(f"{c.phrase}\t{c.count}\t{len(c.documents)}\t{status}\t{spellings}\t{' '.join(c.documents)}")
        shown += 1
    terms = [c for c in candidates if not c.kind.endswith("period")]
    missing = [c for c in terms if c.needs_entry and not c.term_id]
    periods = Counter(c.kind for c in candidates if c.kind.endswith("period"))
    print(f"{len(terms)} candidate(s), {sum(1 for c in terms if c.term_id)} with an entry, "
          f"{len(missing)} needing one; {periods['plan period']} plan period(s), "
          f"{periods['普法 period']} 普法 period(s)")
    return 0
