"""Generate the MkDocs pages and data files from the corpus.

Refuses a corpus that fails ``builder check`` (every error is printed as
``file:line``). Writes everything into a fresh folder next to the output and
swaps it in only when generation succeeded, so a broken corpus never destroys
the last good ``build/docs``. Output is deterministic: same corpus, same bytes.

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
from pathlib import Path

from builder.commands.check import collect_problems
from builder.corpus.errors import CorpusError
from builder.corpus.load import load_corpus
from builder.corpus.schema import string_safety
from builder.pages.catalogue import CatalogueError
from builder.pages.output import OutputError, write_tree
from builder.pages.settings import load_settings
from builder.pages.site import generate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"),
                        help="corpus folder (default: corpus)")
    parser.add_argument("--out", type=Path, default=Path("build/docs"),
                        help="MkDocs docs_dir to generate (default: build/docs)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="MkDocs config to read site_url and the repository from")
    parser.add_argument("--no-check", action="store_true",
                        help="tests only: skip builder check and the string-safety rule (never publish the result)")


def refuse_unchecked(corpus_root: Path) -> int:
    """Run ``builder check``; print its errors and return how many there are."""
    errors = [p for p in collect_problems(corpus_root) if p.severity == "error"]
    for problem in errors:
        print(problem, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s): fix them (python -m builder check) before building", file=sys.stderr)
    return len(errors)


def swap_in(fresh: Path, out: Path) -> None:
    """Replace ``out`` by ``fresh`` with two renames; the old tree goes last."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    fresh.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    try:
        if not args.no_check and refuse_unchecked(args.corpus):
            print(f"build failed; {out} left as it was", file=sys.stderr)
            return 1
        settings = load_settings(args.config)
        with string_safety(not args.no_check):
            corpus = load_corpus(args.corpus)
            files = generate(corpus, settings)
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"build failed; {out} left as it was", file=sys.stderr)
        return 1
    except (CatalogueError, ValueError, OSError) as exc:
        print(f"error: {exc}\nbuild failed; {out} left as it was", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        write_tree(files, fresh)
        fresh.chmod(0o755)
        swap_in(fresh, out)
    except (OutputError, OSError) as exc:
        print(f"error: {exc}\nbuild failed; {out} left as it was", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"built {len(corpus.documents)} documents, {len(files)} files into {out}")
    return 0
