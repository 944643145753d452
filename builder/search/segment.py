"""jieba word boundaries of the indexed text, used to rank hits, never to find them.

A hit is found by its characters (``index``); whether it also stands as a
word decides its rank: “三零” as a word (创建“三零”单位) ranks above 三零
inside a longer word. The tokenizer knows the corpus's own vocabulary: the
generated user dictionary of glossary terms, region names and indicator
names (``builder.chinese.userdict``, written with the glossary) when it is
present, the region names of ``regions.yml`` otherwise — jieba alone cuts
离石区 into 离石 / 区 and 稷山县 into 稷山 / 县.
"""

from __future__ import annotations

import importlib
import logging

import jieba

from builder.corpus.load import Corpus

#: Word lengths are written one character each, ``0-9a-z`` (base 36), so a
#: word of 36 characters or more is written as several.
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_MAX = len(_DIGITS) - 1


def vocabulary(corpus: Corpus) -> list[str]:
    """Words the tokenizer must keep whole: the shared user dictionary when it
    exists, always the region names."""
    words: list[str] = []
    try:
        userdict = importlib.import_module("builder.chinese.userdict")
    except ImportError:
        userdict = None
    if userdict is not None:
        words.extend(userdict.user_words(corpus))
    words.extend(r.name for r in corpus.regions.by_name.values())
    words.append(corpus.regions.province)
    return sorted({w for w in words if w})


def tokenizer(corpus: Corpus) -> jieba.Tokenizer:
    """A private jieba tokenizer (the global one is left alone) knowing ``vocabulary``."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in vocabulary(corpus):
        tok.add_word(word)
    return tok


def cut_lengths(tok: jieba.Tokenizer, text: str) -> str:
    """The lengths of the words of ``text``, one base-36 character each.

    ``创建“三零”单位`` -> words 创建 / “ / 三零 / ” / 单位 -> ``"21212"``; the
    browser turns the lengths back into word boundaries (``search.js``).
    """
    out: list[str] = []
    for word in tok.cut(text, HMM=False):
        n = len(word)
        while n > _MAX:
            out.append(_DIGITS[_MAX])
            n -= _MAX
        out.append(_DIGITS[n])
    return "".join(out)
