"""The real corpus indexed once per session, as the site build indexes it."""

from __future__ import annotations

import pytest

from builder.corpus.load import Corpus
from builder.pages.catalogue import Catalogue
from builder.search.index import build_index
from builder.search.segment import tokenizer


@pytest.fixture(scope="session")
def documents(corpus: Corpus) -> list:
    return Catalogue(corpus).documents


@pytest.fixture(scope="session")
def tok(corpus: Corpus):
    return tokenizer(corpus)


@pytest.fixture(scope="session")
def index_files(corpus: Corpus, documents: list, tok) -> dict[str, str]:
    return build_index(documents, corpus.regions, tok)
