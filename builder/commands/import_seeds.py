"""Import raw files (kept in ``sources/``) into canonical corpus documents under corpus/documents.

Existing corpus files are never overwritten (they hold human corrections)
unless --force is given; documents that already exist are reported and
skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.corpus.errors import CorpusError
from builder.corpus.load import DOCUMENTS_DIR, REGIONS_FILE, document_paths
from builder.corpus.parse import read_document
from builder.corpus.regions import load_regions
from builder.corpus.write import render_document
from builder.importer.layout import split_raw_file
from builder.importer.pipeline import import_span


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("seeds", nargs="+", type=Path, metavar="SEED_FILE",
                        help="raw files to import (e.g. sources/000_….txt)")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"),
                        help="corpus folder (default: corpus)")
    parser.add_argument("--force", action="store_true",
                        help="overwrite existing corpus files (loses their hand corrections)")
    parser.add_argument("--year", type=int, default=None,
                        help="year of documents whose text states none (e.g. a news item)")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")


def _existing_by_source(corpus: Path) -> dict[tuple[str, str], Path]:
    """(raw file, line range) -> corpus file, for documents already imported."""
    out = {}
    for path in document_paths(corpus):
        try:
            doc = read_document(path)
        except CorpusError:
            continue
        out[(doc.meta.source.file, doc.meta.source.lines)] = path
    return out


def run(args: argparse.Namespace) -> int:
    try:
        regions = load_regions(args.corpus / REGIONS_FILE)
    except CorpusError as exc:
        print(exc, file=sys.stderr)
        return 1
    out_dir = args.corpus / DOCUMENTS_DIR
    existing = _existing_by_source(args.corpus)
    taken = {p.stem for p in document_paths(args.corpus)}
    status = 0
    for seed in args.seeds:
        try:
            spans = split_raw_file(seed)
        except (OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        for span in spans:
            key = (seed.name, span.line_range)
            if key in existing and not args.force:
                print(f"skip  {seed.name}:{span.line_range}: already imported as "
                      f"{existing[key]} (use --force to overwrite it)")
                continue
            try:
                result = import_span(span, regions, taken - ({existing[key].stem}
                                                             if key in existing else set()),
                                     default_year=args.year)
            except ValueError as exc:
                print(f"error: {exc}", file=sys.stderr)
                status = 1
                continue
            target = existing.get(key) or out_dir / f"{result.meta.id}.md"
            if target.exists() and not args.force:
                print(f"skip  {target} exists (use --force to overwrite it)")
                continue
            taken.add(result.meta.id)
            for w in result.warnings:
                print(f"warn  {w}")
            if args.dry_run:
                print(f"would write {target} ({len(result.blocks)} blocks)")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_document(result.meta, result.blocks), encoding="utf-8")
            print(f"wrote {target} ({len(result.blocks)} blocks)")
    return status
