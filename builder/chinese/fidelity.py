"""What the fidelity comparison treats as the same text, and which edits it accepts.

The edition's text is compared with its raw span character by character
(``builder.fidelity``). Before comparing, both sides are *folded* by these
rules, each the trace of one documented normalisation of the importer
(``builder.chinese.typography``), so that a normalisation never counts as a
change while every other character does (punctuation included):

- **Width** (``full_width_punctuation``, ``full_width_parentheses``): a
  full-width ASCII form folds to its half-width twin, ``，`` -> ``,``,
  ``（`` -> ``(``, ``％`` -> ``%``; so ``各位代表:现在,`` equals ``各位代表：现在，``.
- **Spaces and line breaks** (``spaces_around_numbers``, ``collapse_spaces``,
  paragraph restoration): whitespace is not compared, ``255 亿元`` equals
  ``255亿元``; where the raw text had a line break inside a paragraph or no
  break between two paragraphs is counted, not compared.
- **Emphasis**: ``**`` markers are not compared (the raw PDF text carries
  them as real emphasis; the edition keeps them as bold).

Characters the importer may drop, each only where its rule applies:

- ``HEADING_END``: the ``。`` ``；`` ``：`` that ended a heading cut off the
  paragraph it ran into (``…实现更大突破;工业是强县之基`` -> heading
  ``…实现更大突破`` + paragraph ``工业是强县之基…``);
- ``SCRAPE_SEMICOLON``: a half-width ``;`` that the listing website put where
  a line break was (``认真加以解决。;二、``, ``县长;史玉江``, ``县;长;魏;栋``);
  a full-width ``；`` is a real semicolon and never dropped.
"""

from __future__ import annotations

import re

#: Full-width ASCII forms (U+FF01..U+FF5E) -> their ASCII twins.
WIDTH_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULL_WIDTH_RE = re.compile("[\uff01-\uff5e]")
HEADING_END = "。;:"  # folded forms: 。；： and ;: alike
SCRAPE_SEMICOLON = ";"  # the raw character itself, half-width only


def fold_width(text: str) -> str:
    """``"增长2.8％；"`` -> ``"增长2.8%;"`` (a regex, as ``str.translate`` is slow on CJK text)."""
    return _FULL_WIDTH_RE.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


def unfolded(text: str) -> str:
    """The characters that are compared, as written: no whitespace, no ``**``."""
    return "".join(text.replace("**", "").split())


def fold(text: str) -> str:
    """``"增长 2.8％；"`` -> ``"增长2.8%;"``: the form both sides are compared in."""
    return fold_width(unfolded(text))
