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

Left as they are: ``<pre>`` (citation blocks, where spaces are content),
``<textarea>``, ``<script>`` and ``<style>`` bodies.
"""

from __future__ import annotations

import re

#: Elements whose content keeps every character.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
#: A run of whitespace that holds at least one newline.
_RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")


def collapse(html: str) -> str:
    """``html`` with every whitespace run holding a newline made one newline, outside verbatim elements."""
    parts = _VERBATIM.split(html)
    out = []
    # split() with two groups yields: text, whole verbatim element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def on_post_page(output: str, **kwargs: object) -> str:
    return collapse(output)
