"""Which raw source files a document's ``source.file`` may name.

The raw files live in the repository's ``sources/`` (once the issue "Sources"
has moved them there) or in ``../shared/seeds/`` beside the repository (until
then, and on the maintainers' CI); ``SEEDS_DIR`` overrides the second. A
``source.file`` must be the name of a file in one of them. Where neither
folder exists (a fork on a hosted runner, a test's scratch corpus), only the
form of the name is checked (``builder.corpus.schema.FileName``).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path


def source_dirs(corpus_root: Path) -> list[Path]:
    repo = corpus_root.resolve().parent
    seeds = Path(os.environ["SEEDS_DIR"]) if os.environ.get("SEEDS_DIR") else repo.parent / "shared" / "seeds"
    return [repo / "sources", seeds]


@functools.cache
def _names(folders: tuple[Path, ...]) -> frozenset[str] | None:
    existing = [f for f in folders if f.is_dir()]
    if not existing:
        return None
    return frozenset(p.name for f in existing for p in f.iterdir() if p.is_file() and not p.name.startswith("."))


def known_source_names(corpus_root: Path) -> frozenset[str] | None:
    """Names of the raw files a document may cite, or None when no source folder is present."""
    return _names(tuple(source_dirs(corpus_root)))
