"""The corpus as it was at a git revision, unpacked into a folder to load like any other.

``git archive REF corpus`` gives exactly the committed files of the corpus
at REF (no working-tree edits, no ignored files), so the base side of a
review is what the target branch really publishes.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class RevisionError(RuntimeError):
    """The revision is unknown, or the repository has no corpus there."""


def git(repo: Path, *args: str) -> bytes:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True)
    if result.returncode != 0:
        raise RevisionError(result.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return result.stdout


def describe(repo: Path, ref: str) -> str:
    """``origin/main`` -> ``origin/main (3f2a9c1)``."""
    return f"{ref} ({git(repo, 'rev-parse', '--short', ref + '^{commit}').decode().strip()})"


def export_corpus(repo: Path, ref: str, corpus: Path, dest: Path) -> Path:
    """Write the files of ``corpus`` (a folder of ``repo``) at ``ref`` under ``dest``; return it."""
    top = Path(git(repo, "rev-parse", "--show-toplevel").decode().strip())
    rel = corpus.resolve().relative_to(top.resolve()).as_posix()
    try:
        git(repo, "rev-parse", "--verify", "--quiet", ref + "^{commit}")
    except RevisionError:
        raise RevisionError(f"unknown revision {ref!r}: fetch it first (git fetch origin) "
                            f"or name a branch, tag or commit") from None
    data = git(top, "archive", "--format=tar", ref, "--", rel)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    return dest / rel


#: Paths whose change is a change of code, not of the corpus: the summary says so first.
CODE_PATHS = ("builder", "site_overrides", ".github", ".ci", "tests", "benchmarks", "Makefile", "mkdocs.yml",
              "pyproject.toml", "requirements.lock", "requirements-pip.in")


def changed_code(repo: Path, base: str, head: str = "HEAD") -> list[str]:
    """Files outside the corpus that ``head`` changes since its merge base with ``base``
    (``builder/pages/home.py``, ``Makefile``), sorted; [] for a pure corpus change."""
    top = Path(git(repo, "rev-parse", "--show-toplevel").decode().strip())
    out = git(top, "diff", "--name-only", "-z", f"{base}...{head}", "--", *CODE_PATHS)
    return sorted(p for p in out.decode("utf-8", "replace").split("\0") if p)
