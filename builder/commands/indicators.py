"""Extract the indicator records and report them.

``--report`` prints, per document, how many records were found, by indicator
and kind (actual/target), then the precision and recall against the
hand-checked statements (``--checked``). ``--evaluate`` prints only the
figures, with every wrong record and missed statement. ``--records`` lists
every record.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from builder.corpus.errors import CorpusError
from builder.corpus.load import load_corpus
from builder.indicators import extract_corpus
from builder.indicators.evaluate import (
    DEFAULT_CHECKED,
    evaluate,
    field_accuracy,
    load_checked,
    load_coded,
    load_covered,
    load_places,
    load_quotes,
    statement_of,
)
from builder.indicators.record import Record


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus)")
    parser.add_argument("--report", action="store_true", help="per document: records by indicator and kind")
    parser.add_argument("--evaluate", action="store_true",
                        help="precision/recall against the checked statements, with each difference")
    parser.add_argument("--records", action="store_true", help="list every record")
    parser.add_argument("--checked", type=Path, default=DEFAULT_CHECKED,
                        help=f"hand-checked statements (default: {DEFAULT_CHECKED})")


def report(records: list[Record]) -> list[str]:
    lines = []
    docs = sorted({r.doc_id for r in records})
    for doc_id in docs:
        mine = [r for r in records if r.doc_id == doc_id]
        kinds = Counter(r.kind for r in mine)
        lines.append(f"{doc_id}: {len(mine)} records ({kinds['actual']} actual, {kinds['target']} target)")
        by = Counter((r.indicator, r.kind) for r in mine)
        for ind in sorted({i for i, _ in by}):
            lines.append(f"  {ind:<26} actual {by[(ind, 'actual')]:>3}  target {by[(ind, 'target')]:>3}")
    lines.append(f"total: {len(records)} records in {len(docs)} documents")
    return lines


def figures(records: list[Record], checked_path: Path, details: bool) -> list[str]:
    if not checked_path.exists():
        return [f"no checked statements at {checked_path}: precision/recall not measured"]
    score = evaluate(records, load_checked(checked_path), load_quotes(checked_path), load_covered(checked_path),
                     load_places(checked_path))
    lines = [f"precision: {score.right}/{score.records} records right in every field = {score.precision:.1%}",
             f"recall:    {score.found}/{score.statements} checked statements found = {score.recall:.1%}"]
    if details:
        lines += [f"  wrong:  {r.doc_id} {' | '.join(statement_of(r))}" for r in score.wrong]
        lines += [f"  missed: {d} {' | '.join(s)}" for d, s in score.missed]
    for key, (right, total, diffs) in field_accuracy(records, load_coded(checked_path)).items():
        if total:
            lines.append(f"{key + ':':<11}{right}/{total} annotated statements coded right = {right / total:.1%}")
            lines += [f"  {d}" for d in diffs] if details else []
    return lines


def run(args: argparse.Namespace) -> int:
    try:
        corpus = load_corpus(args.corpus)
        records = extract_corpus(corpus)
    except CorpusError as exc:
        for p in exc.problems:
            print(p)
        return 1
    out: list[str] = []
    if args.records:
        out += ["\t".join(str(v) for v in r.as_row().values()) for r in records]
    if args.report or not (args.evaluate or args.records):
        out += report(records)
        out += figures(records, args.checked, details=False)
    if args.evaluate:
        out += figures(records, args.checked, details=True)
    print("\n".join(out))
    return 0
