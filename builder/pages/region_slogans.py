"""A region page's slogans: the glossary terms its own documents use most.

"六新", "三零", "一区三园": what a reader meets in a region's reports. The
terms are counted over the occurrences in the region's own documents (not its
sub-regions'), most used first; each links to its term page, and a term set
at this region's level (its own coinage) is labelled so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from builder.corpus.glossary import Glossary, Term
from builder.corpus.regions import Region
from builder.pages.markdown import inline

#: How many terms a region page lists.
LIMIT = 16


def slogans(glossary: Glossary, counts: Counter[str], region: Region,
            src: str, link: Callable[[str, Term], str]) -> str:
    """The 常见提法 section from ``counts`` (term id -> uses in the region's own documents),
    or "" when they use no glossary term. ``link(src, term)`` links to a term page."""
    if not counts:
        return ""
    items = []
    for term_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:LIMIT]:
        term = glossary.by_id(term_id)
        if term is None:
            continue
        own = "（本地提法）" if term.level == region.name else ""
        items.append(f"- [{inline(term.term)}]({link(src, term)}){own}：{n} 处")
    more = f"共 {len(counts)} 个术语，列出最常见的 {len(items)} 个。" if len(counts) > len(items) else ""
    return "\n\n".join(["## 常见提法 { #slogans }",
                        f"{inline(region.name)}本级文件中出现的术语，按出现次数排列。{more}",
                        "\n".join(items)])
