"""Contributed text is untrusted: find markup that could become active in a browser.

A pull request may change any corpus file. The build escapes every
character of corpus text anyway (``builder.pages.annotate``), so nothing
here is the last line of defence; these checks make a hostile or careless
edit fail review early, with the file and line, instead of being silently
neutralised. What counts as unsafe, with the form each rule catches:

- an HTML tag of any kind, ``<b>``, ``</p>``, ``<!-- -->``, and above all
  ``<script>``, ``<iframe>``, ``<object>``, ``<embed>``, ``<style>``;
- an event-handler attribute, ``onclick=…``, ``onerror =…`` (also inside a
  Markdown attribute list ``{: onmouseover="…"}``);
- a link or source with a script or data scheme, ``javascript:``,
  ``vbscript:``, ``data:text/html`` (also with spaces or entities inside the
  scheme, ``java&#115;cript:``, ``java script:``);
- a Markdown attribute list ``{: …}`` / ``{ .class }`` in running text, the
  way Markdown would let text set attributes.

Full-width characters are not markup: ``＜十四五＞`` and ``《纲要》`` pass.
"""

from __future__ import annotations

import html
import re

_TAG_RE = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<\s*(?:script|iframe|object|embed|style)\b", re.I)
_DANGEROUS_TAG_RE = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style|svg|math|form)\b", re.I)
_HANDLER_RE = re.compile(r"\bon[a-z]{3,}\s*=", re.I)
_SCHEME_RE = re.compile(r"(?:java|vb)\s*script\s*:|data\s*:\s*[a-z]+/[a-z+.-]+[;,]", re.I)
_ATTR_LIST_RE = re.compile(r"\{\s*:|\{\s*[.#][A-Za-z][^}]*\}")


def unsafe_markup(text: str) -> str | None:
    """What in ``text`` could become markup or script, as a short phrase; None if nothing.

    ``unsafe_markup("增长<script>alert(1)</script>")`` -> ``"a <script> tag"``.
    """
    decoded = html.unescape(text)
    for candidate in (text, decoded):
        m = _DANGEROUS_TAG_RE.search(candidate)
        if m:
            return f"a <{m.group(1).lower()}> tag"
        if _HANDLER_RE.search(candidate):
            return "an event-handler attribute (on…=)"
        if _SCHEME_RE.search(candidate):
            return "a javascript:/vbscript:/data: link"
    if _TAG_RE.search(text) or _TAG_RE.search(decoded):
        return "an HTML tag"
    if _ATTR_LIST_RE.search(text):
        return "a Markdown attribute list {…}"
    return None
