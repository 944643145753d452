"""Pinyin with tone marks for every term, for readers who do not read Chinese well.

The reading comes from pypinyin (phrase-aware: 两个一百年 -> liǎng gè yì bǎi nián)
unless the term's file writes ``pinyin:`` by hand. pypinyin picks one reading
for a character with several; for the characters below the right one depends
on the word, so ``builder check`` asks for a hand-checked ``pinyin`` whenever a
term holds one of them: in 四为四高两同步 为 is wéi ("taking … as", as in
转型为纲), not wèi; in 两新一重 重 is zhòng (major projects), not chóng.
"""

from __future__ import annotations

import unicodedata

from pypinyin import Style, pinyin

#: Characters whose reading depends on the word (为 wéi/wèi, 重 zhòng/chóng, 种 zhǒng/zhòng …).
POLYPHONIC = "为重种供强单好降分长行调便数都还少乐藏差处干给曲空相正朝发传难应率量卡只角着省"


def ambiguous(text: str) -> list[str]:
    """The characters of ``text`` whose reading must be checked by hand (``四为四高`` -> ``['为']``)."""
    return list(dict.fromkeys(c for c in text if c in POLYPHONIC))


def generated(text: str) -> str:
    """pypinyin's reading, syllables separated by spaces, punctuation and digits kept.

    ``六稳`` -> ``liù wěn``; ``马上办、网上办`` -> ``mǎ shàng bàn、wǎng shàng bàn``; ``1311`` -> ``1311``.
    """
    out = ""
    for (syllable,) in pinyin(text, style=Style.TONE, errors=lambda chars: [chars]):
        if out and syllable[0].isalpha() and (out[-1].isalpha() or out[-1].isdigit()):
            out += " "
        out += syllable
    return out


def toneless(reading: str) -> str:
    """``liù wěn`` -> ``liu wen``: what a reader types in the filter box."""
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)).replace("ü", "v")
