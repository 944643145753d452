"""Merge the artefacts of a sharded build into the ``docs_dir``: byte for byte one build's output.

``python -m builder merge build/shards/1 build/shards/2 build/shards/3``
reads each shard artefact (``python -m builder build --shards N --shard K``),
refuses artefacts built from other inputs than the corpus, config and builder
here, or that leave a document out or hold it twice (each problem named with
what to do), then writes the shards' per-document files and the pages that
gather documents (made from the shards' analyses, never by analysing a
document again) into ``--out``, writing only what changed (as ``builder
build`` does). ``mkdocs build --strict`` then makes the site from it.

``builder check`` is not run again: every shard ran it on the same inputs
(the artefacts' fingerprints equal the merge's own), so the merge costs only
loading the corpus and making the gathering pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.commands.build import build_inputs, failed, write_docs
from builder.corpus.errors import CorpusError
from builder.corpus.load import load_corpus
from builder.corpus.schema import string_safety
from builder.pages.analyses import AnalysisMissing
from builder.pages.catalogue import CatalogueError
from builder.pages.settings import load_settings
from builder.shards import artefact
from builder.shards.merge import merge


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shards", type=Path, nargs="+", metavar="SHARD_DIR",
                        help="the artefact folder of every shard (builder build --shards N --shard K --out DIR)")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus)")
    parser.add_argument("--out", type=Path, default=Path("build/docs"),
                        help="MkDocs docs_dir to write (default: build/docs)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="MkDocs config to read site_url and the repository from")
    parser.add_argument("--no-check", action="store_true",
                        help="tests only: merge shards built with --no-check (never publish the result)")


def run(args: argparse.Namespace) -> int:
    return merge_into(args.shards, args)


def merge_into(shard_dirs: list[Path], args: argparse.Namespace) -> int:
    """Merge ``shard_dirs`` into ``args.out`` (``args``: corpus, out, config, no_check); also
    ``builder site --merge``."""
    out: Path = args.out or Path("build/docs")
    args.out = out
    try:
        artefacts = [artefact.read(path) for path in shard_dirs]
        inputs = build_inputs(args)
        settings = load_settings(args.config)
        with string_safety(not args.no_check):
            corpus = load_corpus(args.corpus)
            files = merge(corpus, settings, inputs, artefacts)
    except AnalysisMissing as exc:
        print(f"error: {exc}\nmerge failed; {out} left as it was", file=sys.stderr)
        return 1
    except (CorpusError, CatalogueError, ValueError, OSError) as exc:
        return failed(exc, out)
    return write_docs(files, out, inputs, len(corpus.documents))
