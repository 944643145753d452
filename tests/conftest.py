"""Shared fixtures: the repository, the raw seeds beside it, the real corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.corpus.load import Corpus, load_corpus

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("SEEDS_DIR", REPO.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir() and os.environ.get("SEEDS_OPTIONAL") == "1":
        pytest.skip(f"raw seeds not found at {SEEDS} (SEEDS_OPTIONAL=1, as on GitHub: they are not in the repository)")
    if not SEEDS.is_dir():
        pytest.fail(f"raw seeds not found at {SEEDS}; set SEEDS_DIR or place shared/ beside the repo")
    return SEEDS


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(REPO / "corpus")
