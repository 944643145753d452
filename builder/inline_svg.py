"""MkDocs hook (``hooks:`` in mkdocs.yml): the theme's inline icons, in fewer bytes.

Every page carries ten of Material's icons inline (logo, menu, colour toggle, search,
back to top), each as Material ships it: ``<svg xmlns="http://www.w3.org/2000/svg"
viewBox="0 0 24 24"><path d="…"/></svg>``. Two of them twice: the logo (header and
the phone's drawer) and the magnifier (the header's search button and the search box).
Both cost bytes on every page, so they grow with the corpus (issue "Scale": about
4,000 pages at 1,000 documents). This hook

- drops ``xmlns="http://www.w3.org/2000/svg"``: an HTML parser puts ``<svg>`` and its
  children in the SVG namespace by itself (HTML standard, "foreign elements"), so the
  attribute only matters in XML, and the site is served as HTML;
- draws a repeated icon from its first copy: the first ``<path>`` gets an id and every
  later identical ``<svg>`` keeps its own attributes (so it sizes and colours as
  before: CSS styles the ``<svg>``, the path inherits ``fill``) but holds
  ``<use href="#id"/>`` instead of the path.

Only icons of one ``<path>`` are redrawn (Material's icon sets are): anything else is left
as it is. ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>`` bodies are not touched.

Example: ``<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>``
twice becomes ``<svg viewBox="0 0 24 24"><path id="__icon0" d="M3 6h18"/></svg>`` and
``<svg viewBox="0 0 24 24"><use href="#__icon0"/></svg>``.
"""

from __future__ import annotations

import re

#: Elements whose content keeps every character (as in builder/html_whitespace.py).
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_XMLNS = re.compile(r'(<svg\b[^>]*?) xmlns="http://www\.w3\.org/2000/svg"')
#: An inline icon of one path: its opening tag and the path's d.
_ICON = re.compile(r'(<svg\b[^>]*>)<path d="([^"<>]*)"\s*/>(</svg>)')
#: Prefix of the ids given to the first copy of a repeated icon (Material's own ids start with __ too).
ID_PREFIX = "__icon"


def shrink(html: str) -> str:
    """``html`` with its inline icons' ``xmlns`` dropped and every repeated one-path icon drawn from its first copy."""
    parts = _VERBATIM.split(html)
    # split() with two groups yields: text, whole verbatim element, its tag name, text, ...
    texts = [_XMLNS.sub(r"\1", parts[i]) for i in range(0, len(parts), 3)]
    count: dict[tuple[str, str], int] = {}
    for text in texts:
        for m in _ICON.finditer(text):
            count[(m[1], m[2])] = count.get((m[1], m[2]), 0) + 1
    ids = {key: f"{ID_PREFIX}{i}" for i, key in enumerate(key for key, n in count.items() if n > 1)}
    drawn: set[tuple[str, str]] = set()

    def icon(m: re.Match[str]) -> str:
        key = (m[1], m[2])
        if key not in ids:
            return m[0]
        if key not in drawn:  # the first copy in document order keeps the path, named
            drawn.add(key)
            return f'{m[1]}<path id="{ids[key]}" d="{m[2]}"/>{m[3]}'
        return f'{m[1]}<use href="#{ids[key]}"/>{m[3]}'

    out = []
    for i, text in enumerate(texts):
        out.append(_ICON.sub(icon, text))
        if 3 * i + 1 < len(parts):
            out.append(parts[3 * i + 1])
    return "".join(out)


def on_post_page(output: str, **kwargs: object) -> str:
    return shrink(output)
