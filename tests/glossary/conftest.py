"""Fixtures of the glossary tests: the real glossary, and a scratch corpus to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.corpus.glossary import Glossary, load_glossary
from tests.conftest import REPO


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary(REPO / "corpus")


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the real corpus (documents, regions, indicators, glossary) to edit."""
    root = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", root)
    (tmp_path / "sources").symlink_to(REPO / "sources")
    return root
