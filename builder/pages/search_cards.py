"""Cards on the search results page: a query that *is* a glossary term or an indicator.

A reader who searches 三零 wants first what it means, then where it occurs; one
who searches GDP wants the comparison across regions. Each feature lists its
cards (``search_cards()`` on a feature, see ``extensions``): the strings that
name the entry (a term and its variants; an indicator's name and synonyms),
its kind, a one-line text and its page. They are written into the results
page itself, as one JSON block, so ``search-card.js`` shows the card in the
same frame as the page (a card fetched later would push the results down:
layout shift). How a query matches the paragraphs is the search's own
business (``builder/search``); a card matches only a whole query, folded the
simple way the script folds it (NFKC, no quotes or spaces, lower case).

The JSON is escaped for a ``<script>`` element: ``<``, ``>`` and ``&`` as
``\\u003c`` etc., so no corpus string can close the element or open a comment.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from builder.pages.extensions import Extension

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def cards(extensions: Sequence[Extension]) -> list[dict]:
    """Every feature's cards, in feature order."""
    out: list[dict] = []
    for ext in extensions:
        method = getattr(ext, "search_cards", None)
        if method is not None:
            out += method()
    return out


def script(items: list[dict]) -> str:
    """The block appended to the results page's Markdown (a raw HTML block: one line)."""
    data = json.dumps(items, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return f'\n<script type="application/json" id="search-cards">{data}</script>\n'
