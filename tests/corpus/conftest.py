"""A scratch copy of the fixture corpus to break, and the helpers that break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "mini_corpus"
#: The fixture document's raw file (made for the tests, like the document).
FIXTURE_SOURCES = REPO / "tests" / "fixtures" / "sources"
DOC = "documents/lishi-2021-gongzuobaogao.md"


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """The fixture corpus in ``tmp/corpus``, its raw file beside it in ``tmp/sources``."""
    shutil.copytree(FIXTURE, tmp_path / "corpus")
    shutil.copytree(FIXTURE_SOURCES, tmp_path / "sources")
    return tmp_path / "corpus"


def edit(root: Path, old: str, new: str) -> Path:
    """Replace the first ``old`` of the fixture document by ``new``; return the file."""
    path = root / DOC
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
                if needle in line)
