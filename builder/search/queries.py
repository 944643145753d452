"""The query set of ``search-eval``, built from the corpus itself, and what each should find.

Kinds: ``glossary`` (every surface form of every glossary term), ``region``
(every region name of ``regions.yml``), ``indicator`` (every indicator name
and synonym) and ``random`` (a reproducible sample of 2- to 8-character
substrings of the documents' paragraphs). The glossary and indicator
modules are other features' and are used when present.

A document is expected for a query when one of its units (title, heading,
paragraph, table) contains every term of the query after ``fold``: that is
the plain text the reader sees, and the rule the browser applies. Random
substrings never hold whitespace (a space separates terms) nor quotes
(quotes are dropped from queries, so ``“三零`` would be asked as ``三零``).
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass

from builder.corpus.load import Corpus
from builder.corpus.model import Document
from builder.search.normalise import QUOTES, fold, query_terms
from builder.search.units import document_units

KINDS = ("glossary", "region", "indicator", "random")


@dataclass(frozen=True)
class Query:
    text: str
    kind: str


def _optional(module: str):
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def glossary_forms(corpus: Corpus) -> list[str]:
    mod = _optional("builder.corpus.glossary")
    if mod is None or not (corpus.root / getattr(mod, "GLOSSARY_DIR", "glossary")).exists():
        return []
    return sorted(set(mod.load_glossary(corpus.root).surface_forms()))


def indicator_names(corpus: Corpus) -> list[str]:
    mod = _optional("builder.corpus.indicators")
    if mod is None:
        return []
    try:
        vocabulary = mod.load_vocabulary(corpus.root)
    except (OSError, ValueError) as exc:  # no vocabulary file yet, or one being written
        print(f"search-eval: indicators skipped ({exc})")
        return []
    names = set()
    for ind in vocabulary.indicators:
        names.add(ind.name)
        names.update(ind.synonyms)
    return sorted(n for n in names if n)


def random_substrings(docs: list[Document], count: int, seed: int) -> list[str]:
    """``count`` distinct substrings, 2 to 8 characters, of random paragraphs (seeded)."""
    rng = random.Random(seed)
    texts = [u.text for i, d in enumerate(docs) for u in document_units(i, d) if len(u.text) >= 8]
    out: list[str] = []
    seen: set[str] = set()
    tries = 0
    while len(out) < count and tries < count * 50:
        tries += 1
        text = rng.choice(texts)
        n = rng.randint(2, 8)
        start = rng.randrange(0, len(text) - n + 1)
        sub = text[start:start + n]
        if any(c.isspace() or c in QUOTES for c in sub) or fold(sub) in seen:
            continue
        seen.add(fold(sub))
        out.append(sub)
    return out


def build_queries(corpus: Corpus, docs: list[Document], *, sample: int = 400, seed: int = 2021) -> list[Query]:
    regions = sorted({r.name for r in corpus.regions.by_name.values()})
    queries = [Query(t, "glossary") for t in glossary_forms(corpus)]
    queries += [Query(t, "region") for t in regions]
    queries += [Query(t, "indicator") for t in indicator_names(corpus)]
    queries += [Query(t, "random") for t in random_substrings(docs, sample, seed)]
    return queries


class Truth:
    """Which documents contain a query, by the rule of the module docstring."""

    def __init__(self, docs: list[Document]) -> None:
        self.ids = [d.id for d in docs]
        self.units = [[fold(u.text) for u in document_units(i, d)] for i, d in enumerate(docs)]

    def expected(self, query: str) -> set[str]:
        terms = query_terms(query)
        if not terms:
            return set()
        return {doc_id for doc_id, units in zip(self.ids, self.units, strict=True)
                if any(all(t in u for t in terms) for u in units)}
