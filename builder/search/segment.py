"""jieba word boundaries of the indexed text, used to rank hits, never to find them.

A hit is found by its characters (``index``); whether it also stands as a
word decides its rank: “三零” as a word (创建“三零”单位) ranks above 三零
inside a longer word. The tokenizer knows the corpus's own vocabulary, the
edition's jieba user dictionary (``builder.chinese.userdict``: glossary
terms, region names, indicator names) — jieba alone cuts 离石区 into
离石 / 区 and 稷山县 into 稷山 / 县.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import jieba

from builder.chinese.userdict import load_tokenizer, user_words, write_userdict
from builder.corpus.load import Corpus

#: Word lengths are written one character each, ``0-9a-z`` (base 36), so a
#: word of 36 characters or more is written as several.
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_MAX = len(_DIGITS) - 1


def tokenizer(corpus: Corpus) -> jieba.Tokenizer:
    """A private jieba tokenizer with the edition's user dictionary loaded."""
    with tempfile.TemporaryDirectory(prefix="search-userdict-") as tmp:
        return load_tokenizer(write_userdict(user_words(corpus), Path(tmp) / "userdict.txt"))


def cut_lengths(tok: jieba.Tokenizer, text: str) -> str:
    """The lengths of the words of ``text``, one base-36 character each.

    ``创建“三零”单位`` -> words 创建 / “ / 三零 / ” / 单位 -> ``"21212"``; the
    browser turns the lengths back into word boundaries (``search/rank.js``).
    """
    out: list[str] = []
    for word in tok.cut(text, HMM=False):
        n = len(word)
        while n > _MAX:
            out.append(_DIGITS[_MAX])
            n -= _MAX
        out.append(_DIGITS[n])
    return "".join(out)
