"""Cards on the search results page: a query that *is* a glossary term or an indicator.

A reader who searches 三零 wants first what it means, then where it occurs; one
who searches GDP wants the comparison across regions. Each feature lists its
cards (``search_cards()`` on a feature, see ``extensions``): the strings that
name the entry (a term and its variants; an indicator's name and synonyms),
its kind, a one-line text and its page. They are written into the results
page itself, as one JSON block, so ``search-card.js`` shows the card in the
same frame as the page (a card fetched later would push the results down:
layout shift). How a query matches the paragraphs is the search's own
business (``builder/search``); a card matches a whole query (or, failing that,
the longest key the query contains), read by the search's one folding rule:
each key is folded here by ``builder.search.normalise.fold`` and the query in
the browser by ``search/fold.js``, which runs the same steps from the same
table, so ``六穩``, ``ＧＤＰ`` and ``“三零”`` open the cards of 六稳, GDP and 三零.

The JSON is escaped for a ``<script>`` element: ``<``, ``>`` and ``&`` as
``\\u003c`` etc., so no corpus string can close the element or open a comment.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.escape import json_in_html
from builder.pages.extensions import Extension
from builder.search.normalise import fold


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
    folded = [{**item, "keys": list(dict.fromkeys(fold(k) for k in item["keys"]))} for item in items]
    data = json_in_html(folded, compact=True)
    return f'\n<script type="application/json" id="search-cards">{data}</script>\n'
