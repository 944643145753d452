"""Generate the MkDocs pages and data files from the corpus.

Refuses a corpus that fails ``builder check`` (every error is printed as
``file:line``). Everything is generated first, into a scratch folder beside
the output (so memory does not grow with the bytes generated), so a broken
corpus never touches the last good ``build/docs``. Then only files whose bytes
changed are written (each atomically) and files no longer generated are
removed (``builder.incremental``): a rebuild with no change writes no file,
an edit to one document rewrites only the files that depend on it. When no
input changed at all (every corpus file, the config and the builder itself
hash the same as at the last good build), nothing is checked or generated.
Output is deterministic: same corpus, same bytes.

**Sharded** (``builder.shards``): ``--shards N --shard K`` (or
``--prefectures 吕梁市,运城市``) does the per-document work for the documents of
shard K's prefectures only and writes a shard artefact into ``--out``
(default ``build/shards/K``); ``python -m builder merge DIR…`` combines the
artefacts of every shard into the ``docs_dir``, byte for byte what one build
makes. ``--shards N --plan`` prints which prefectures each shard takes.

``--no-check`` skips ``builder check`` and the string-safety rule of the
loaders (types, ids and limits are still enforced). It exists only so that the
tests can show that the pages escape hostile text on their own; never publish
a site built with it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from builder.commands.check import collect_problems
from builder.corpus.errors import CorpusError
from builder.corpus.load import Corpus, load_corpus
from builder.corpus.schema import string_safety
from builder.incremental import STATE_FILE, fingerprint, state_text, sync_tree, up_to_date, write_state
from builder.pages.catalogue import CatalogueError
from builder.pages.output import OutputError
from builder.pages.settings import SiteSettings, load_settings
from builder.pages.site import generate
from builder.parallel import jobs_or_default
from builder.shards import artefact
from builder.shards.build import build_shard
from builder.shards.plan import documents_of, explicit, plan, shard


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"),
                        help="corpus folder (default: corpus)")
    parser.add_argument("--out", type=Path, default=None,
                        help="MkDocs docs_dir to generate (default: build/docs; build/shards/K for a shard)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="MkDocs config to read site_url and the repository from")
    parser.add_argument("--force", action="store_true",
                        help="generate even when no input changed since the last good build")
    parser.add_argument("--shards", type=int, default=None, metavar="N",
                        help="split the build into N shards by prefecture (with --shard K or --plan)")
    parser.add_argument("--shard", type=int, default=None, metavar="K",
                        help="build shard K (1 … N) of --shards N into a shard artefact")
    parser.add_argument("--prefectures", default=None, metavar="NAMES",
                        help="build a shard of these prefectures (comma-separated, e.g. 吕梁市,运城市)")
    parser.add_argument("--plan", action="store_true", help="print the plan of --shards N and exit")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="processes for the per-document work (default: one per core, at most 4; "
                             "1: all in this process); the output is the same whatever N")
    parser.add_argument("--no-check", action="store_true",
                        help="tests only: skip builder check and the string-safety rule (never publish the result)")


def refuse_unchecked(corpus_root: Path, jobs: int = 1) -> int:
    """Run ``builder check`` (in ``jobs`` processes); print its errors and return how many there are."""
    errors = [p for p in collect_problems(corpus_root, jobs=jobs) if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s): fix them (python -m builder check) before building", file=sys.stderr)
    return len(errors)


def build_inputs(args: argparse.Namespace) -> dict[str, str]:
    """The build's inputs (``builder.incremental.fingerprint``), with the check mode."""
    inputs = fingerprint(args.corpus, args.config)
    if args.no_check:
        inputs["mode"] = "no-check"  # never taken for a checked build's output, nor the reverse
    return inputs


class CheckFailed(Exception):
    """``builder check`` found errors (already printed, each as ``file:line``)."""


@contextmanager
def checked_corpus(args: argparse.Namespace) -> Iterator[tuple[Corpus, SiteSettings]]:
    """``builder check`` unless ``--no-check`` (``CheckFailed`` on errors), then the corpus and the
    site settings; the body runs under the string-safety rule too (features load their files lazily)."""
    if not args.no_check and refuse_unchecked(args.corpus, jobs_of(args)):
        raise CheckFailed
    settings = load_settings(args.config)
    with string_safety(not args.no_check):
        yield load_corpus(args.corpus), settings


def failed(exc: Exception, out: Path) -> int:
    """Print a loading or generating error (every corpus problem as ``file:line``); return 1."""
    if isinstance(exc, CheckFailed):
        pass  # its problems are printed
    elif isinstance(exc, CorpusError):
        for problem in exc.problems:
            print(problem, file=sys.stderr)
    else:
        print(f"error: {exc}", file=sys.stderr)
    print(f"build failed; {out} left as it was", file=sys.stderr)
    return 1


def write_docs(files: Mapping[str, str | bytes], out: Path, inputs: dict[str, str], documents: int) -> int:
    """Write only what changed into ``out`` and record the inputs (``builder build`` and ``merge``)."""
    try:
        changes = sync_tree(files, out, keep=frozenset({STATE_FILE}))
    except (OutputError, OSError) as exc:
        print(f"error: {exc}\nbuild failed; {out} may hold part of this build (run it again)", file=sys.stderr)
        return 1
    out.chmod(0o755)
    write_state(out, state_text(inputs, files))
    print(f"built {documents} documents, {len(files)} files into {out}: "
          f"{len(changes.written)} written, {len(changes.removed)} removed, {changes.unchanged} unchanged")
    return 0


def jobs_of(args: argparse.Namespace) -> int:
    """``--jobs``, or one process per core (``builder.parallel.jobs_or_default``)."""
    return jobs_or_default(getattr(args, "jobs", None))


def run(args: argparse.Namespace) -> int:
    if args.shard is not None or args.prefectures or args.plan:
        return run_shard(args)
    out: Path = args.out or Path("build/docs")
    try:
        inputs = build_inputs(args)
        if not args.force and up_to_date(out, inputs):
            print(f"{out} is up to date (no input changed); nothing written")
            return 0
        out.parent.mkdir(parents=True, exist_ok=True)
        # The generated files wait on disk beside the output, not in memory (``Output``'s spill):
        # the scratch folder goes when the build ends, written in or failed; one a killed run
        # left behind goes now.
        for stale in out.parent.glob(f".{out.name}-generating-*"):
            shutil.rmtree(stale, ignore_errors=True)
        with tempfile.TemporaryDirectory(prefix=f".{out.name}-generating-", dir=out.parent) as scratch:
            with checked_corpus(args) as (corpus, settings):
                files = generate(corpus, settings, spill=Path(scratch), jobs=jobs_of(args))
            return write_docs(files, out, inputs, len(corpus.documents))
    except (CheckFailed, CorpusError, CatalogueError, ValueError, OSError) as exc:
        return failed(exc, out)


def run_shard(args: argparse.Namespace) -> int:
    """``--plan``, or one shard's artefact (``builder.shards``)."""
    if args.plan or args.shard is not None:
        if args.shards is None:
            print("error: --shard K and --plan need --shards N (how many shards the plan has)", file=sys.stderr)
            return 2
    if args.shard is not None and not 1 <= args.shard <= args.shards:  # said before a check of the corpus
        print(f"error: --shard {args.shard}: give a shard number from 1 to {args.shards}", file=sys.stderr)
        return 2
    out: Path = args.out or Path("build/shards") / str(args.shard if args.shard is not None else "custom")
    try:
        inputs = build_inputs(args)
        if args.plan:
            corpus = load_corpus(args.corpus)
            for part in plan(corpus, args.shards):
                print(f"shard {part.number}/{part.count}: {part.documents} documents: {'、'.join(part.prefectures)}")
            return 0
        with checked_corpus(args) as (corpus, settings):
            if args.prefectures:
                part = explicit(corpus, [n.strip() for n in args.prefectures.split(",") if n.strip()])
            else:
                part = shard(corpus, args.shards, args.shard)
            doc_ids = sorted(documents_of(corpus, part))
            files, analysed = build_shard(corpus, settings, doc_ids)
        artefact.write(out, number=part.number, count=part.count, prefectures=part.prefectures,
                       documents=doc_ids, inputs=inputs, analyses=analysed, files=files)
    except (CheckFailed, CorpusError, CatalogueError, ValueError, OSError) as exc:
        return failed(exc, out)
    print(f"built shard {part.number or '(custom)'} of {part.count or '?'} ({'、'.join(part.prefectures) or 'none'}): "
          f"{len(doc_ids)} documents, {len(files)} files into {out}; merge with python -m builder merge")
    return 0
