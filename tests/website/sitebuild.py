"""Build the real site once per test session, into a temporary folder.

The repository's ``build/`` and ``site/`` are left alone: the builder writes
into the tmp folder, and a copy of ``mkdocs.yml`` points MkDocs there (only
the paths differ, so the tests check the configuration that ships).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.corpus.load import Corpus, load_corpus
from builder.corpus.schema import string_safety
from builder.search.packed import unpack

REPO = Path(__file__).resolve().parents[2]
FIXTURE_CORPUS = REPO / "tests" / "fixtures" / "mini_corpus"


def site_corpus_root() -> Path:
    """The real corpus once it has documents; the fixture corpus before that."""
    real = REPO / "corpus"
    return real if any((real / "documents").glob("*.md")) else FIXTURE_CORPUS


@dataclass(frozen=True)
class BuiltSite:
    corpus: Corpus
    docs: Path  # generated docs_dir
    site: Path  # MkDocs output

    def html(self, url_path: str) -> Path:
        return self.site / url_path / "index.html"

    def data(self, name: str) -> str:
        """The text of the download ``data/<name>`` as a researcher gets it: a ``.gz`` unpacked,
        the way ``gunzip`` or ``pandas.read_csv`` reads it (``data/indicator_panel.csv.gz``)."""
        return unpack((self.site / "data" / name).read_bytes())


def write_config(work: Path) -> Path:
    """``mkdocs.yml`` with docs_dir, site_dir, INHERIT and theme paths moved to ``work``."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["INHERIT"] = str(work / "docs" / ".nav.yml")
    config["docs_dir"] = str(work / "docs")
    config["site_dir"] = str(work / "site")
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["hooks"] = [str(REPO / h) for h in config.get("hooks", [])]
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(*args: str | Path) -> None:
    result = subprocess.run([sys.executable, *map(str, args)], cwd=REPO, capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"


def build_site(work: Path, corpus_root: Path, *, mkdocs: bool = True, check: bool = True) -> BuiltSite:
    """``python -m builder build`` then ``mkdocs build --strict``, as ``make site`` does.

    ``check=False`` builds with ``--no-check``: the tests that show the pages escape
    hostile text on their own, with ``builder check`` and the string-safety rule skipped.
    """
    work.mkdir(parents=True, exist_ok=True)
    run("-m", "builder", "build", "--corpus", corpus_root, "--out", work / "docs", *(() if check else ("--no-check",)))
    if mkdocs:
        run("-m", "mkdocs", "build", "--strict", "-f", write_config(work))
    with string_safety(check):
        return BuiltSite(load_corpus(corpus_root), work / "docs", work / "site")
