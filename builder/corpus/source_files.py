"""Which raw source files a document's ``source.file`` may name.

The raw files live in the repository's ``sources/`` (beside ``corpus/``; see
``sources/README.md``). A ``source.file`` must be the name of a file there.
Where the folder does not exist (a test's scratch corpus), only the form of
the name is checked (``builder.corpus.schema.FileName``), and ``builder
check`` names every document's missing file (``builder.checks.sources``).
"""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def _names(folder: Path) -> frozenset[str] | None:
    if not folder.is_dir():
        return None
    return frozenset(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def known_source_names(folder: Path) -> frozenset[str] | None:
    """Names of the raw files a document may cite, or None when the folder is absent."""
    return _names(folder.resolve())
