"""The one string-safety rule for every string of every corpus file.

Every file under ``corpus/`` arrives by pull request, so every string in it
(a paragraph, a title, a region name, a glossary expansion, an indicator
synonym, a correction's quote, even a YAML key) is checked by ``unsafe_text``
before anything else reads it. The pages escape every string for its context
anyway (``builder.escape``); this check makes a hostile or careless edit fail
``builder check`` at its file and line instead of being silently neutralised.

What is refused, with the form each rule catches:

- invisible characters: bidi controls (U+202E ``‮``, U+2066…U+2069), zero-width
  characters (U+200B, U+200D, U+FEFF), every other Unicode format character,
  NUL and the other C0/C1 control characters (tab too); only the newline is
  allowed, and only where a field may span lines;
- an HTML tag or comment: ``<b>``, ``</p>``, ``<!--``, ``<img src=x>``, also when
  written with entities (``&lt;img …&gt;``);
- an HTML entity at all, ``&lt;``, ``&#60;``, ``&#x3c;``: the corpus is UTF-8, a
  character is written as itself (``R&D`` is not an entity and passes);
- an event-handler attribute, ``onerror=``, ``onclick =``;
- a URL with any scheme but http(s): ``javascript:``, ``vbscript:``,
  ``data:text/html,…``, ``file://``, also with tabs, newlines, spaces, control
  characters or entities inside the scheme (``java\\nscript:``, ``java&#115;cript:``,
  ``javascript&colon;``);
- Markdown that would make a link, an image or an autolink: ``[x](…)``,
  ``![x](…)``, ``[x][ref]``, ``<https://…>``;
- a Markdown attribute list, ``{: onclick=… }``, ``{ .class }``, ``{ #id }``,
  ``{ tabindex=0 }``;
- a backtick, which opens a code span a string could break out of.

Full-width forms are ordinary Chinese punctuation and pass: ``＜十四五＞``,
``《纲要》``, ``｛｝``, ``［600］``. So do ``[600]`` (a bracketed figure in a
plan's table), ``数据:2020年`` and a bare ``https://`` address.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

#: Format characters that are not ordinary text, by name, for the message.
_NAMED = {
    "\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)", "\u00ad": "SOFT HYPHEN",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE", "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE", "\u2069": "POP DIRECTIONAL ISOLATE", "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK", "\u061c": "ARABIC LETTER MARK", "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR", "\x00": "NUL", "\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN",
}
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")


def _bmp_class() -> str:
    """A regex class of every invisible character of the Basic Multilingual Plane except newline."""
    bad = [c for c in range(0x10000) if c != 10 and unicodedata.category(chr(c)) in _INVISIBLE_CATEGORIES]
    ranges, start = [], bad[0]
    for prev, cur in zip(bad, [*bad[1:], -1], strict=True):
        if cur != prev + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{prev:04x}" if prev != start else ""))
            start = cur
    return "".join(ranges)


_BMP_CLASS = _bmp_class()
#: One pass finds an invisible character of the BMP, or any astral character (checked one by one).
_SUSPECT_RE = re.compile(f"[{_BMP_CLASS}\\U00010000-\\U0010ffff]")
_SQUEEZE_RE = re.compile(f"[\\s{_BMP_CLASS}]+")
#: Characters without which no rule below can match (most Chinese paragraphs have none).
_MARKUP_CHARS_RE = re.compile(r"[<&:\[{`=]")

_TAG_RE = re.compile(r"<\s*[/!?]?\s*[A-Za-z!]|<\s*!--")
_DANGEROUS_TAG_RE = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style|svg|math|form|img|a|link|meta|base)\b",
                               re.I)
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?(?=[^A-Za-z0-9]|$)")
_HANDLER_RE = re.compile(r"\bon[a-z]{3,}\s*=", re.I)
#: A scheme followed by ``//`` (any hierarchical URL), or one of the opaque schemes
#: that run or embed content without ``//``; http and https are fine.
_HIER_RE = re.compile(r"(?<![a-z0-9+.\-])([a-z][a-z0-9+.\-]*):/{1,2}", re.I)
_OPAQUE_RE = re.compile(r"(?<![a-z0-9+.\-])(javascript|vbscript|livescript|mocha|data|blob|file|filesystem|"
                        r"view-source|jar|about|mailto|tel|sms|intent|ms-[a-z-]+)"
                        r":(?!\s*\d)", re.I)
_DATA_RE = re.compile(r"(?<![a-z])data\s*:\s*[a-z]+/[a-z0-9+.\-]+\s*[;,]", re.I)
_MD_LINK_RE = re.compile(r"!?\[[^\]\n]*\]\s*[(\[]|^\s*\[[^\]\n]+\]:\s*\S", re.M)
_ATTR_LIST_RE = re.compile(r"\{\s*:|\{\s*[.#][A-Za-z]|\{[^{}\n]*=[^{}\n]*\}")


@dataclass(frozen=True)
class Unsafe:
    """What is wrong in a string: a short phrase, what to do, and the line inside the string (0-based)."""

    what: str
    hint: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.what}; {self.hint}"


def char_name(ch: str) -> str:
    return _NAMED.get(ch) or unicodedata.name(ch, "control character")


def _invisible(text: str, multiline: bool) -> tuple[int, str] | None:
    if not multiline and "\n" in text:
        return text.index("\n"), "\n"
    for m in _SUSPECT_RE.finditer(text):
        ch = m.group()
        if ord(ch) < 0x10000 or unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            return m.start(), ch
    return None


def _decoded(text: str) -> str:
    """Entities decoded until nothing changes (``&amp;lt;`` -> ``&lt;`` -> ``<``)."""
    for _ in range(4):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _squeezed(text: str) -> str:
    """What a browser's URL parser sees: whitespace and control characters removed."""
    return _SQUEEZE_RE.sub("", text)


def _bad_scheme(candidate: str) -> str | None:
    for m in _HIER_RE.finditer(candidate):
        if m.group(1).lower() not in ("http", "https"):
            return m.group(1).lower()
    m = _OPAQUE_RE.search(candidate)
    if m and (m.group(1).lower() != "data" or _DATA_RE.search(candidate)):
        return m.group(1).lower()
    return None


def unsafe_text(text: str, *, multiline: bool = False) -> Unsafe | None:
    """The first reason ``text`` is not safe corpus text, or None.

    ``unsafe_text("增长<script>alert(1)</script>")`` -> ``Unsafe("a <script> tag", …)``.
    ``multiline`` allows newlines (a YAML block scalar); no other control character
    is ever allowed.
    """
    hit = _invisible(text, multiline)
    if hit is not None:
        pos, ch = hit
        return Unsafe(f"invisible character U+{ord(ch):04X} {char_name(ch)} at character {pos + 1}",
                      "delete it (retype the text around it if you cannot see it)", text.count("\n", 0, pos))
    if not _MARKUP_CHARS_RE.search(text):
        return None
    decoded = _decoded(text)
    for candidate in (text, decoded):
        m = _DANGEROUS_TAG_RE.search(candidate)
        if m:
            return Unsafe(f"a <{m.group(1).lower()}> tag", "write plain text: HTML is not allowed in the corpus")
        if _HANDLER_RE.search(candidate):
            return Unsafe("an event-handler attribute (on…=)", "write plain text: HTML is not allowed in the corpus")
    for candidate in (text, decoded, _squeezed(decoded)):
        scheme = _bad_scheme(candidate)
        if scheme:
            return Unsafe(f"a {scheme}: URL", "only http(s) addresses may appear in the corpus; remove it")
    if _TAG_RE.search(text) or _TAG_RE.search(decoded):
        return Unsafe("an HTML tag or comment", "write plain text; for a sign use the full-width ＜ ＞")
    m = _ENTITY_RE.search(text)
    if m and html.unescape(m.group()) != m.group():
        return Unsafe(f"an HTML entity {m.group()}", "write the character itself (the corpus is UTF-8)")
    if _MD_LINK_RE.search(text) or _MD_LINK_RE.search(decoded):
        return Unsafe("a Markdown link or image [..](..)",
                      "write plain text; name a source by its title instead of linking it")
    if _ATTR_LIST_RE.search(text) or _ATTR_LIST_RE.search(decoded):
        return Unsafe("a Markdown attribute list {…}", "remove it; use full-width ｛ ｝ for braces in text")
    if "`" in text:
        return Unsafe("a backtick (`)", "remove it; quote with “ ” or 「 」")
    return None
