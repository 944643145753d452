"""Fold text and queries so that what a reader types finds what the page says.

Every rule maps one character to one character, so an offset in folded text
is an offset in the text the reader sees: the browser finds a phrase in the
folded text and highlights the same range of the original. ``search/fold.js``
repeats ``fold`` and ``query_terms`` character for character (``fold`` /
``queryTerms`` there); ``tests/search/test_normalise.py`` holds the examples.

The corpus keeps digits and Latin letters half-width and ``〇`` as it is
(``builder.chinese.typography`` changes punctuation width only), so a
reader typing on a full-width keyboard layout would otherwise miss them.
"""

from __future__ import annotations

import re

#: Quotes a reader may put around a phrase: “六新” and 六新 are the same query.
QUOTES = "\"'“”‘’「」『』〝〞＂＇"
#: ``○`` (U+25CB, a circle) and ``◯`` typed for ``〇`` (U+3007) in years
#: such as 二〇三五年: the corpus writes 〇, so the lookalikes fold into it.
ZERO_LOOKALIKES = {"○": "〇", "◯": "〇"}


def fold_char(ch: str) -> str:
    """One character as search compares it.

    - full-width ASCII becomes half-width: ``１５１．５亿元`` -> ``151.5亿元``,
      ``ＰＣＲ`` -> ``pcr``; that takes in the full-width punctuation of the
      block U+FF01-FF5E too (``，`` -> ``,``, ``（`` -> ``(``), on both sides,
      so ``(R&D)`` typed half-width finds ``（R&D）`` as the corpus sets it;
    - Latin letters compare lower-case: ``5G`` finds ``5g`` and ``5G``;
    - the ideographic space (U+3000, ``区长　李军``) is a space;
    - ``○`` becomes ``〇``.
    """
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        ch = chr(code - 0xFEE0)
    elif ch == "\u3000":
        ch = " "
    ch = ZERO_LOOKALIKES.get(ch, ch)
    return ch.lower() if "A" <= ch <= "Z" else ch


def fold(text: str) -> str:
    """``fold_char`` over a whole text; ``len(fold(t)) == len(t)`` always."""
    return "".join(fold_char(c) for c in text)


_SPACES = re.compile(r"\s+")


def query_terms(query: str) -> list[str]:
    """The required terms of a query, in the order typed, without duplicates.

    Quotes go and spaces (half- or full-width) separate terms that must all
    occur: ``“六新” 转型`` -> ``["六新", "转型"]``; ``１５１．５亿元`` ->
    ``["151.5亿元"]``. A term contained in another term adds nothing and is
    dropped (``三零 零`` asks only for ``三零``).
    """
    text = fold(query)
    for q in QUOTES:
        text = text.replace(q, " ")
    terms: list[str] = []
    for term in _SPACES.split(text.strip()):
        if term and term not in terms:
            terms.append(term)
    return [t for t in terms if not any(t != o and t in o for o in terms)]
