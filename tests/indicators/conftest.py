"""The real corpus and vocabulary, loaded once for the indicator tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builder.corpus.indicators import Vocabulary, load_vocabulary
from builder.corpus.load import Corpus, load_corpus
from builder.indicators import Record, extract_corpus, extract_document

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(REPO / "corpus")


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_vocabulary(REPO / "corpus")


@pytest.fixture(scope="session")
def records_at(corpus: Corpus, vocabulary: Vocabulary) -> Callable[[str, str], list[Record]]:
    """``records_at(doc_id, anchor)``: what the extractor reads in one paragraph (or 专栏 table)."""
    cache: dict[str, list[Record]] = {}

    def get(doc_id: str, anchor: str) -> list[Record]:
        if doc_id not in cache:
            doc = corpus.by_id(doc_id)
            assert doc is not None, doc_id
            cache[doc_id] = [f.record for f in extract_document(doc, vocabulary)]
        return [r for r in cache[doc_id] if r.anchor == anchor]

    return get


@pytest.fixture(scope="session")
def records(corpus: Corpus) -> list[Record]:
    """Every final record of the corpus: corrections applied, research fields coded."""
    return extract_corpus(corpus)
