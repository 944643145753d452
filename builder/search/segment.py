"""jieba word boundaries of the indexed text, used to rank hits, never to find them.

A hit is found by its characters (``index``); whether it also stands as a
word decides its rank: “三零” as a word (创建“三零”单位) ranks above 三零
inside a longer word. The tokenizer knows the corpus's own vocabulary, the
edition's jieba user dictionary (``builder.chinese.userdict``: glossary
terms, region names, indicator names) — jieba alone cuts 离石区 into
离石 / 区 and 稷山县 into 稷山 / 县.

Why two libraries. jieba (Python) is the edition's segmenter: its dictionary, and
the frequency it gives each user word, define the words. Cutting every unit of
the corpus with it was a quarter of the builder's time (issue "Scale": its DAG and
route, pure Python, about 30 ms a document). jieba-rs (``rjieba``, the same
algorithm in Rust) is given exactly that dictionary, word by word with jieba's
frequencies, and cuts the same words about 17 times faster; a test checks that
both cut every unit of the real corpus alike (``tests/search/test_segment.py``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import jieba
import rjieba

from builder.chinese.userdict import load_tokenizer, user_words, write_userdict
from builder.corpus.load import Corpus

#: Word lengths are written one character each, ``0-9a-z`` (base 36), so a
#: word of 36 characters or more is written as several.
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_MAX = len(_DIGITS) - 1


class Segmenter:
    """jieba's dictionary (its own words and the edition's, with jieba's frequencies) in jieba-rs.

    ``jieba.cut(text, HMM=False)`` and ``Segmenter(tok).cut(text)`` give the same words:
    both take the most probable route through the same word graph. jieba's prefix
    entries (frequency 0) are not words and are left out; jieba-rs keeps its own.
    """

    def __init__(self, tok: jieba.Tokenizer) -> None:
        tok.check_initialized()
        self._rs = rjieba.Jieba.empty()
        for word, freq in tok.FREQ.items():
            if freq > 0:
                self._rs.add_word(word, freq, None)

    def cut(self, text: str) -> list[str]:
        """The words of ``text``, jieba's precise mode without its HMM for unknown words."""
        return self._rs.cut(text, False)


def jieba_tokenizer(corpus: Corpus) -> jieba.Tokenizer:
    """A private jieba tokenizer with the edition's user dictionary loaded."""
    with tempfile.TemporaryDirectory(prefix="search-userdict-") as tmp:
        return load_tokenizer(write_userdict(user_words(corpus), Path(tmp) / "userdict.txt"))


def tokenizer(corpus: Corpus) -> Segmenter:
    """The search's segmenter: jieba's words of the edition, cut by jieba-rs."""
    return Segmenter(jieba_tokenizer(corpus))


def cut_lengths(tok: Segmenter, text: str) -> str:
    """The lengths of the words of ``text``, one base-36 character each.

    ``创建“三零”单位`` -> words 创建 / “ / 三零 / ” / 单位 -> ``"21212"``; the
    browser turns the lengths back into word boundaries (``search/rank.js``).
    """
    out: list[str] = []
    for word in tok.cut(text):
        n = len(word)
        while n > _MAX:
            out.append(_DIGITS[_MAX])
            n -= _MAX
        out.append(_DIGITS[n])
    return "".join(out)
