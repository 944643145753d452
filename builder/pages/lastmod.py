"""When each document last changed: the sitemap's ``lastmod``, from the corpus's history.

A sitemap's ``lastmod`` tells a crawler when a page last changed. MkDocs writes
the build date for every page, which says every page changes on every build.
A document page changes when its corpus file does, so its date is the date of
the last commit that touched that file: one ``git log`` over the corpus
folder, read once per build (linear in the history, not per document).

Where there is no history (a corpus outside a git checkout, git not
installed), no date is known and the page gets no ``lastmod``: an absent date
is true, a guessed one is not. A shallow clone knows only its own commit, so
there every document has that commit's date (no later than the truth).
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def corpus_dates(root: Path) -> dict[Path, date]:
    """Resolved path of every committed file under ``root`` -> date of its last commit."""
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True, timeout=30).stdout.strip()
        log = subprocess.run(["git", "-C", str(root), "log", "--format=@%cs", "--name-only",
                              "--no-renames", "--", "."],
                             capture_output=True, text=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[Path, date] = {}
    current: date | None = None
    for line in log.splitlines():
        if line.startswith("@"):
            current = date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault((Path(top) / line).resolve(), current)  # newest commit comes first
    return dates
