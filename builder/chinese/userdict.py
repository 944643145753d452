"""The jieba user dictionary of the edition: words jieba must keep whole.

jieba's own dictionary does not know the corpus's vocabulary: it cuts 离石区
into 离石 / 区 and 四为四高两同步 into 四为 / 四高 / 两 / 同步, so a search
for a slogan would rank it as scattered characters. The dictionary lists

- every glossary term and variant, without quotes (“三零” -> 三零);
- every region name of ``regions.yml`` and the province (离石区, 吕梁市, 山西省);
- every indicator name and synonym of ``indicators.yml`` (地区生产总值, GDP …),
  when the corpus has that file.

File format (jieba's ``load_userdict``): one word a line, no frequency, so
jieba suggests one just high enough to keep the word whole against the words
it already knows. Words are written shortest first: a long slogan (三新五大)
is added after its parts (三新, 五大), so its suggested frequency beats theirs.
A word containing whitespace cannot be written (the format splits on it) and
is left out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import jieba

from builder.corpus.glossary import load_glossary
from builder.corpus.indicators import VOCABULARY_FILE, load_vocabulary
from builder.corpus.load import Corpus


def user_words(corpus: Corpus) -> list[str]:
    """Glossary forms, region names and indicator names of ``corpus``, shortest first."""
    words = set(load_glossary(corpus.root).surface_forms())
    words |= set(corpus.regions.by_name)
    words.add(corpus.regions.province)
    if (corpus.root / VOCABULARY_FILE).exists():  # a corpus without indicators has none to add
        for indicator in load_vocabulary(corpus.root).indicators:
            words.update([indicator.name, *indicator.synonyms])
    return order([w.strip() for w in words])


def order(words: Iterable[str]) -> list[str]:
    """Distinct writable words, shortest first, then in code-point order (stable files)."""
    return sorted({w for w in words if w and not any(c.isspace() for c in w)}, key=lambda w: (len(w), w))


def userdict_text(words: Iterable[str]) -> str:
    """The dictionary file's content: one word a line."""
    return "".join(f"{w}\n" for w in order(words))


def write_userdict(words: Iterable[str], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(userdict_text(words), encoding="utf-8")
    return path


def load_tokenizer(path: Path) -> jieba.Tokenizer:
    """A private jieba tokenizer (jieba's global one is left alone) with the dictionary loaded."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(path))
    return tok
