"""Print, in Markdown, what the corpus change since BASE_REF does to readers.

Compares the corpus committed at BASE_REF (a branch, tag or commit, e.g.
``origin/main``) with the working tree: documents and front matter changed,
paragraphs changed (old → new, with their permalinks), blocks added and
removed, indicator records added/removed/changed, glossary occurrences
gained or lost, and permalinks that would break. The pull-request workflow
writes this to the job summary; run it locally before you push:

    python -m builder diff origin/main

In CI this command is run by the *base* branch's checkout of the builder on
the pull request's corpus, so a pull request cannot change what its own
summary says; a pull request that changes ``builder/`` (or other code) is
labelled as such at the top of the summary.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from builder.corpus.errors import CorpusError
from builder.corpus.load import load_corpus
from builder.pages.settings import load_settings
from builder.review import changes, features, summary
from builder.review.git_corpus import RevisionError, changed_code, describe, export_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE_REF", help="git revision to compare with, e.g. origin/main")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="site configuration, for the permalinks (default: mkdocs.yml)")
    parser.add_argument("--output", type=Path, help="also append the summary to this file "
                        "(e.g. $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--head", default="HEAD",
                        help="the revision of the change, to list the code it changes (default: HEAD)")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    with tempfile.TemporaryDirectory(prefix="builder-diff-") as tmp:
        try:
            base_root = export_corpus(args.corpus, args.base, args.corpus, Path(tmp))
            base_label = describe(args.corpus, args.base)
            code = changed_code(args.corpus, args.base, args.head)
            old, new = load_corpus(base_root), load_corpus(args.corpus)
        except RevisionError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except CorpusError as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            print("error: the corpus does not load; run `python -m builder check` first", file=sys.stderr)
            return 1
        found = changes.compare(old, new)
        text = summary.render(found, features.compare_features(old, new, settings), settings, base_label,
                              code_changes=code)
    print(text)
    if args.output:
        with args.output.open("a", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return 0
