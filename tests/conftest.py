"""Shared fixtures: the repository, its raw sources (``sources/``), the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.corpus.load import Corpus, load_corpus

REPO = Path(__file__).resolve().parents[1]
#: The raw files, in the repository: a fresh clone has everything the tests need.
SOURCES = REPO / "sources"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder of the raw files (``sources/``); the name is the one the tests grew up with."""
    return SOURCES


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(REPO / "corpus")
