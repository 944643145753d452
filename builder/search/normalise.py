"""Fold text and queries so that what a reader types finds what the page says.

One rule, applied to the indexed text at build time and to the query (and,
in the browser, to the text a hit is verified against) alike. It works one
character at a time, each character becoming zero, one or more characters,
never looking at its neighbours: a fold that looked at context would break
substring matching (``零`` alone must still find the 零 of ``三零``). The
steps, in order, each with the example the search help repeats:

1. **Compatibility forms** (Unicode NFKC) in the blocks that hold forms a
   reader of Chinese text meets (``NFKC_BLOCKS``): full-width Latin and
   digits ``１５１．５亿元`` -> ``151.5亿元``, Roman numerals ``劣Ⅴ类`` ->
   ``劣V类`` (the corpus itself writes both), ``㎡`` -> ``m2``, ``O₃`` ->
   ``O3``, ``①`` -> ``1``, the ideographic space -> a space, CJK
   compatibility ideographs -> the unified ones. "Where safe": a mapping
   that would bring in a combining mark or a space (``¨`` -> space +
   U+0308) is not applied, and no block outside the list is touched.
2. **Traditional characters** -> simplified, from OpenCC's character table
   (``builder.search.t2s``): ``十四五規劃`` -> ``十四五规划``.
3. **Quotes and brackets of every kind** are dropped (Unicode classes
   Ps, Pe, Pi, Pf and the ASCII ``"`` ``'``): ``“十四五”规划`` ->
   ``十四五规划``, a pasted fragment ``大”行`` -> ``大行`` (one phrase, not
   two words), ``（R&D）`` -> ``R&D``, ``《纲要》`` -> ``纲要``.
4. **〇 and 零** are one: ``二〇三五年`` and ``二零三五年`` both -> ``二零三五年``
   (with the lookalikes ``○`` U+25CB and ``◯`` U+25EF). The corpus writes 〇
   only inside numbers, so folding 〇 into 零 everywhere is the rule
   "equal inside numbers" without looking at the neighbours.
5. **Latin letters** compare lower-case: ``5G`` finds ``5g``; ``PCR`` -> ``pcr``.

Spaces stay: in a query they separate terms that must all occur
(``query_terms``). ``search/fold.js`` runs the same steps from the table this
module writes (``browser_table``), so the browser cannot drift from it;
``tests/search/folding_cases.yml`` holds the cases both are tested on.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from builder.search import t2s

#: Blocks whose characters are NFKC-folded (first, last code point, inclusive).
NFKC_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x00FF),    # Latin-1 supplement: no-break space, ², ½
    (0x2000, 0x206F),    # general punctuation: en/em spaces, ‥ …
    (0x2070, 0x209F),    # superscripts and subscripts: O₃, m²
    (0x2100, 0x218F),    # letterlike, number forms: ℃, №, Ⅴ, ⅻ
    (0x2460, 0x24FF),    # enclosed alphanumerics: ①, ⑴, ⒈
    (0x2E80, 0x2FDF),    # CJK and Kangxi radicals
    (0x3000, 0x303F),    # CJK symbols: the ideographic space
    (0x3200, 0x33FF),    # enclosed CJK, CJK compatibility: ㈠, ㊀, ㎡, ㎏
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0xFE10, 0xFE1F),    # vertical forms
    (0xFE30, 0xFE6F),    # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),    # half-width and full-width forms
    (0x1D400, 0x1D7FF),  # mathematical alphanumerics
    (0x1F100, 0x1F1FF),  # enclosed alphanumeric supplement
    (0x2F800, 0x2FA1F),  # CJK compatibility ideographs supplement
)
#: Unicode general categories of quotes and brackets (open, close, initial, final).
DROP_CATEGORIES = ("Ps", "Pe", "Pi", "Pf")
#: Quotes that Unicode files under other punctuation (Po).
DROP_EXTRA = "\"'"
#: What 〇 and its lookalikes fold to.
ZERO, ZERO_FORMS = "零", "〇○◯"


def _in_nfkc_blocks(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in NFKC_BLOCKS)


def _safe_nfkc(ch: str) -> str:
    """NFKC of one character in ``NFKC_BLOCKS``, unless it would bring a combining mark or a space."""
    if not _in_nfkc_blocks(ord(ch)):
        return ch
    out = unicodedata.normalize("NFKC", ch)
    if out == " ":
        return out
    if " " in out or any(unicodedata.category(c).startswith("M") for c in out):
        return ch
    return out


@functools.cache
def drop_chars() -> str:
    """Every quote and bracket of the basic plane, sorted (what step 3 drops)."""
    found = {chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in DROP_CATEGORIES}
    return "".join(sorted(found | set(DROP_EXTRA)))


@functools.cache
def fold_char(ch: str) -> str:
    """One character as search compares it: zero, one or more characters (steps 1-5)."""
    table = t2s.table()
    drop = drop_chars()
    out = []
    for c in _safe_nfkc(ch):
        c = table.get(c, c)
        if c in drop:
            continue
        if c in ZERO_FORMS:
            c = ZERO
        elif "A" <= c <= "Z":
            c = c.lower()
        out.append(c)
    return "".join(out)


def fold(text: str) -> str:
    """``fold_char`` over a whole text."""
    return "".join(fold_char(c) for c in text)


def fold_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the character it came from.

    ``fold_offsets("“三零”")`` -> ``("三零", [1, 2])``: a phrase found at folded
    ``[s, e)`` is ``text[offsets[s]:offsets[e - 1] + 1]`` on the page.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        f = fold_char(c)
        out.append(f)
        offsets.extend([i] * len(f))
    return "".join(out), offsets


#: What separates terms once folded (every other space has become " " by NFKC).
SEPARATORS = " \t\n\r\f\v"
_SPACES = re.compile(f"[{SEPARATORS}]+")


def query_terms(query: str) -> list[str]:
    """The required terms of a query, in the order typed, without duplicates.

    Spaces (half- or full-width) separate terms that must all occur, quotes
    inside a term go with the rest of the folding and never split it:
    ``“六新” 转型`` -> ``["六新", "转型"]``; ``大”行`` -> ``["大行"]``;
    ``１５１．５亿元`` -> ``["151.5亿元"]``. A term contained in another term
    adds nothing and is dropped (``三零 零`` asks only for ``三零``).
    """
    terms: list[str] = []
    for term in _SPACES.split(fold(query).strip(SEPARATORS)):
        if term and term not in terms:
            terms.append(term)
    return [t for t in terms if not any(t != o and t in o for o in terms)]


#: Traditional characters are looked up by the browser in this many files.
T2S_SHARDS = 16
#: The range of code points the browser's bitmap of traditional characters covers.
T2S_BITMAP = (0x3400, 0x9FFF)


def browser_table(texts: list[str]) -> dict[str, str]:
    """The files ``search/fold.js`` folds with, ``docs_dir``-relative path -> text.

    ``search/fold.json``: the NFKC blocks, the characters dropped, the zero
    forms, the traditional characters that occur in ``texts`` (the indexed
    text, so that verifying a hit needs nothing more) and a bitmap of every
    traditional character in ``T2S_BITMAP``; ``search/t2s/<k>.txt``: the
    pairs whose code point is ``k`` modulo ``T2S_SHARDS``, fetched only for a
    query that holds one of them (most queries hold none).
    """
    return browser_table_of(traditional_in(texts))


def traditional_in(texts: Iterable[str]) -> str:
    """The traditional characters (of OpenCC's table) that ``texts`` hold, sorted: the part of
    ``browser_table`` that reads the text, done per document (a shard build) and merged by union."""
    table = t2s.table()
    return "".join(sorted({c for text in texts for c in text if c in table}))


def browser_table_of(traditional: Iterable[str]) -> dict[str, str]:
    """``browser_table`` from the traditional characters the indexed text holds."""
    import base64
    import json

    table = t2s.table()
    in_corpus = sorted(set(traditional))
    lo, hi = T2S_BITMAP
    bits = bytearray((hi - lo + 1 + 7) // 8)
    shards: dict[int, list[str]] = {k: [] for k in range(T2S_SHARDS)}
    for key in sorted(table):
        code = ord(key)
        if not lo <= code <= hi:
            raise ValueError(f"traditional character {key!r} outside the browser's bitmap")
        bits[(code - lo) >> 3] |= 1 << ((code - lo) & 7)
        shards[code % T2S_SHARDS].append(key + table[key])
    data = {
        "v": 1,
        "nfkc": [list(b) for b in NFKC_BLOCKS],
        "drop": drop_chars(),
        "zero": [ZERO_FORMS, ZERO],
        "t2s": {"corpus": "".join(c + table[c] for c in in_corpus), "from": lo, "to": hi,
                "bits": base64.b64encode(bytes(bits)).decode("ascii"), "shards": T2S_SHARDS},
    }
    files = {"search/fold.json": json.dumps(data, ensure_ascii=False, separators=(",", ":"))}
    for k, pairs in shards.items():
        files[f"search/t2s/{k}.txt"] = "".join(pairs)
    return files
