"""Remake the search's chunk dictionary (``builder/search/chunk-dictionary.txt``) from the corpus.

The text chunks of the search index (``search/t/``) are packed with this preset dictionary
(``builder.search.dictionary`` says why: a fifth smaller on the real documents). The file is
part of the builder, not of each build, so that an edit to one document never changes every
chunk; remake it when the corpus has changed much (a new kind of document, a new decade of
reports), commit it, and the next build rewrites every chunk once. ``--check`` reports
whether the committed file is what the corpus would make now, and how many bytes the chunks
would take with each.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.corpus.load import CorpusError, load_corpus
from builder.pages.catalogue import Catalogue
from builder.search import dictionary
from builder.search.index import chunk_texts, layout
from builder.search.segment import tokenizer


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; compare the committed dictionary with the one the corpus makes")


def run(args: argparse.Namespace) -> int:
    try:
        corpus = load_corpus(args.corpus)
    except CorpusError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print("error: the corpus does not load; run `python -m builder check` first", file=sys.stderr)
        return 1
    docs = Catalogue(corpus).documents
    lay, tok = layout(docs), tokenizer(corpus)
    texts = [text for i in range(len(docs)) for text in chunk_texts(docs, lay.numbered(i), tok).values()]
    made = dictionary.make(texts)
    current = dictionary.FILE.read_bytes() if dictionary.FILE.exists() else b""
    data = [t.encode("utf-8") for t in texts]
    for name, zdict in (("committed", current), ("from the corpus", made)):
        if zdict:
            packed = sum(len(dictionary.deflate(d, zdict)) for d in data)
            print(f"{name}: {len(zdict):,} bytes; the {len(data):,} chunks pack to {packed:,} bytes")
    if args.check:
        same = current == made
        print("the committed dictionary is the one the corpus makes" if same else
              "the committed dictionary differs from the one the corpus makes (that is allowed: "
              "it is remade by hand, see --help)")
        return 0
    dictionary.FILE.write_bytes(made)
    print(f"wrote {dictionary.FILE} ({len(made):,} bytes); commit it: every chunk is rewritten at the next build")
    return 0
