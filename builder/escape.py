"""The one escaping module: a function per context a corpus string can land in.

Every string from a corpus file (a paragraph, a title, a region name or slug,
a glossary expansion, an indicator name, a correction's quote) is untrusted.
``builder check`` rejects markup in it (``builder.corpus.textsafety``), and
independently of that, every page writes it through exactly one of these
functions, chosen for where it lands:

================  =========================================================================
``markdown_text``  running Markdown text: every character Markdown or HTML could read as
                   markup (``& < > { } [ ] * _ ` \\ |``) becomes a numeric entity
``nav_label``      a string a theme template prints without escaping (nav titles, page titles)
``page_title``     ``title:`` / ``description:`` of a generated page's front matter (YAML)
``html_text``      text inside raw HTML the builder writes (``<li><a>…</a></li>``)
``html_attr``      a quoted HTML attribute value the builder writes
``title``          a ``title`` attribute, a Markdown link title, an attribute-list value,
                   the glossary popup's texts (``glossary/tips.json``): safe against the
                   double decoding of Material's
                   ``content.tooltips``, which reads the decoded ``title`` and inserts it
                   as HTML; so no ``< > & " ' `` survives, not even as an entity
``code``           a Markdown code span (a file name, a hash, a code)
``token``          an id or class inside markup (``{ #lvliang }``, ``#sense-main``):
                   must already be a slug or anchor; anything else stops the build
``json_in_html``   JSON written into a page (``<script type="application/json">``, an attribute)
``url_query``      the query string of a link the builder writes (``search/?q=六稳``): every
                   value percent-encoded, so no string can end the link or add a parameter
``gfm_text``       GitHub-flavoured Markdown of the reviewer's summary (one line, no HTML,
                   no links, no headings, no comments that could hide what follows)
``gfm_code``       a code span in the reviewer's summary
================  =========================================================================

Examples: ``markdown_text("<b>")`` -> ``&#60;b&#62;``; ``title('&lt;img src=x&gt;')`` ->
``＆lt;img src=x＆gt;``; ``code("a`b")`` -> ````` ``a`b`` `````.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlencode

#: Characters Markdown could read as markup, written as numeric entities.
_MARKDOWN_RE = re.compile(r"[&<>{}\[\]*_`\\|]")
_LABEL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"}
_LABEL_RE = re.compile("[&<>{}\\[\\]]")
#: Prose punctuation in place of every character that could end a title or become markup
#: after one or two rounds of HTML decoding.
_TITLE = str.maketrans({'"': "”", "'": "’", "<": "＜", ">": "＞", "&": "＆", "\\": "＼", "`": "｀",
                        "{": "｛", "}": "｝", "[": "［", "]": "］", "(": "（", ")": "）"})
#: Line breaks, control and invisible characters (not ordinary or ideographic spaces).
_SPACE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+")
_TOKEN_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$|^[a-z]+-[0-9]+(-[0-9]+)*$")
#: GitHub Markdown inside a line (the text is never at a line start): what could open HTML or a
#: comment, a link or image, emphasis, code, a table cell, strike-through, math, a mention or an
#: issue reference, as a numeric entity.
_GFM_RE = re.compile(r"[&<>\[\]*_`\\|~$@#]")


def markdown_text(text: str) -> str:
    """Plain text -> Markdown that renders as exactly this text."""
    return _MARKDOWN_RE.sub(lambda m: f"&#{ord(m.group())};", text)


def nav_label(text: str) -> str:
    """A string a theme template prints unescaped (nav titles): no tag, entity or brace survives."""
    return _LABEL_RE.sub(lambda m: _LABEL[m.group()], _one_line(text))


def page_title(text: str) -> str:
    """A front-matter value (``title: …``) of a generated page: a nav label, as a YAML string."""
    return json_in_html(nav_label(text))


def front_matter(title_text: str) -> str:
    """The front matter of a generated page whose title comes from the corpus. Without it,
    MkDocs takes the title from the page's first heading, decoded, and Material prints it
    unescaped into ``<title>``, where a ``</title>`` would end the element."""
    return f"---\ntitle: {page_title(title_text)}\n---"


def html_text(text: str) -> str:
    """Text inside raw HTML the builder writes."""
    return html.escape(text, quote=False)


def html_attr(text: str) -> str:
    """A double- or single-quoted HTML attribute value the builder writes."""
    return html.escape(_one_line(text), quote=True)


def title(text: str) -> str:
    """A tooltip: one line of prose in which no character can close the title or become markup,
    however many times it is decoded (``<``, ``&``, quotes become their full-width forms)."""
    return _one_line(text).translate(_TITLE)


def code(text: str) -> str:
    """A Markdown code span showing ``text`` literally, on one line, whatever backticks it holds."""
    text = _one_line(text)
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def token(value: str) -> str:
    """An id, class or data value inside markup: must be a slug (``lvliang``) or an anchor (``p-12``).

    The schemas guarantee it for corpus ids; anything else is a bug that must stop the build,
    never be written into an attribute list.
    """
    if not _TOKEN_RE.match(value):
        raise ValueError(f"{value!r} is not an id that may be written into markup")
    return value


def json_in_html(value: object, *, compact: bool = False) -> str:
    """JSON that can sit inside HTML, a ``<script>`` element or YAML front matter:
    ``<``, ``>``, ``&`` and the JavaScript line separators are written as ``\\u`` escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":") if compact else None)
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def url_query(params: dict[str, str]) -> str:
    """``?q=%E5%85%AD%E7%A8%B3``: a link's query string, every value on one line and
    percent-encoded (only letters, digits, ``%+-._~`` remain), safe in a Markdown link and
    in a quoted ``href``."""
    return "?" + urlencode({k: _one_line(v) for k, v in params.items()})


def gfm_text(text: str) -> str:
    """Contributed text in the reviewer's summary (GitHub-flavoured Markdown): one line, every
    character that could start markup, a link, a heading, a table cell or an HTML comment
    written as a numeric entity, so ``x\\n<!--`` cannot hide the sections after it."""
    return _GFM_RE.sub(lambda m: f"&#{ord(m.group())};", _one_line(text))


def gfm_code(text: str) -> str:
    """A code span in the reviewer's summary (ids, anchors, field names)."""
    return code(text)


def _one_line(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()
