"""MkDocs hook (``hooks:`` in mkdocs.yml): the indentation of Material's templates, dropped.

Material's Jinja templates indent every line of the navigation, header and
footer; on a document page that indentation was about a sixth of the bytes
(the 14-document site: 26.9 MB of HTML, 16.8 MB without it), and it repeats
on every page, so it grows with the corpus. HTML treats any run of spaces,
tabs and newlines between words or tags as one space (outside ``<pre>``,
``<textarea>`` and scripts), so a run that holds a newline becomes one
newline: the page renders and reads exactly as before.

Example: ``"<li>\\n      <a href=x>\\n        首页\\n"`` becomes
``"<li>\\n<a href=x>\\n首页\\n"``.

In the frame (everything outside ``<article>``: header, navigation, table of contents,
footer, the same on every page) a newline between two tags is dropped as well: there
it stands between block or flex boxes (list items, the header's and the links' flex
rows), where a browser draws no space for it, and it was 2-3 % of a frame's bytes
(300-440 newlines a page). Newlines next to text stay (the back-to-top button's space
between its icon and its words is one), and so does the article, the builder's HTML,
where a newline between two inline elements is a space a reader sees.

Inside the article, a newline between two of a table's own tags goes too (``</td>\n<td>``,
``<tr>\n<th>``, ``</tr>\n</tbody>``): HTML's table parsing draws no space for whitespace
there, and Python-Markdown writes one newline per cell, about 1 KB per document (an indicator
page's table of 50 rows holds 500).

Left as they are: ``<pre>`` (citation blocks, where spaces are content),
``<textarea>``, ``<script>`` and ``<style>`` bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Elements whose content keeps every character.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
#: A run of whitespace that holds at least one newline.
_RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
#: A newline between two tags (after _RUN, a newline is all that is left of such a run).
_BETWEEN_TAGS = re.compile(r">\n<")
#: A newline between two tags of a table's structure (not next to a cell's content).
_TABLE_TAG = r"</?(?:table|caption|colgroup|col|thead|tbody|tfoot|tr|th|td)\b[^>]*>"
_BETWEEN_TABLE_TAGS = re.compile(rf"({_TABLE_TAG})\n(?={_TABLE_TAG})", re.I)
#: Where the article starts and ends; the frame is what lies before and after.
_ARTICLE_START = re.compile(r"<article\b", re.I)
_ARTICLE_END = re.compile(r"</article\s*>", re.I)


def collapse(html: str) -> str:
    """``html`` with every whitespace run holding a newline made one newline, outside verbatim elements."""
    return _outside_verbatim(html, lambda part: _RUN.sub("\n", part))


def tighten_frame(html: str) -> str:
    """``html`` without the newlines between two tags outside its ``<article>`` (all of a page without one).

    The frame is cut at the first ``<article`` and the last ``</article>``, so an article
    that holds articles stays whole. Verbatim elements in the frame (its scripts) are kept.
    """
    start = _ARTICLE_START.search(html)
    ends = list(_ARTICLE_END.finditer(html))
    if start and ends and ends[-1].end() > start.start():
        head, article, tail = html[: start.start()], html[start.start() : ends[-1].end()], html[ends[-1].end() :]
    else:
        head, article, tail = html, "", ""
    return _between_tags(head) + _outside_verbatim(article, _tighten_tables) + _between_tags(tail)


def _tighten_tables(text: str) -> str:
    return _BETWEEN_TABLE_TAGS.sub(r"\1", text)


def _outside_verbatim(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to what lies outside its verbatim elements."""
    parts = _VERBATIM.split(text)
    out = []
    # split() with two groups yields: text, whole verbatim element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        out.append(change(parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def _between_tags(text: str) -> str:
    parts = _VERBATIM.split(text)
    out = []
    for i in range(0, len(parts), 3):
        part = _BETWEEN_TAGS.sub("><", parts[i])
        # a verbatim element (a script) is a tag on its side too: the newline before or after it goes
        before, after = i > 0, i + 1 < len(parts)
        if part == "\n" and before and after:
            part = ""
        if before and part.startswith("\n<"):
            part = part[1:]
        if after and part.endswith(">\n"):
            part = part[:-1]
        out.append(part)
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def on_post_page(output: str, **kwargs: object) -> str:
    return tighten_frame(collapse(output))
