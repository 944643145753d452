"""Pre-rendered HTML in the generated Markdown, passed through MkDocs untouched.

The builder renders document bodies (paragraphs, tables) to HTML itself: it
already knows every span (glossary links, indicator marks, bold), so having
Python-Markdown parse them again would only cost time (most of ``mkdocs
build``). A pre-rendered block is written between two marker lines::

    <!-- prerendered -->
    <p id="p-12">…</p>
    <!-- /prerendered -->

and this Python-Markdown extension (listed under ``markdown_extensions`` in
``mkdocs.yml``) stores what is between them in Markdown's HTML stash before
any block processor runs, as Markdown stashes a raw HTML block but without
splitting it into blocks or parsing its inline text. The content is trusted
builder output: corpus text in it is escaped (``builder.pages.annotate``), so
a corpus file can never write a marker line (its ``<`` becomes ``&#60;``).

In two steps, so that the preprocessors before the stash do not read the
block either. First (``_Extract``, right after Python-Markdown's whitespace
normalisation) the block is taken out and only its ids are left between the
markers, as empty anchors (``<a id="p-12"></a>``): the ids are all MkDocs'
raw-HTML pass reads it for (the anchors that ``validation: anchors`` checks
links against), and pymdownx.superfences' search for fences has nothing to
scan. Then (``_Stash``, after MkDocs' pass) the block itself is stashed in
their place. At N = 1,000 (synthetic), MkDocs' pass reading the whole of every
page was about an eighth of ``mkdocs build``.
"""

from __future__ import annotations

import re
from html import escape, unescape

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

BEGIN = "<!-- prerendered -->"
END = "<!-- /prerendered -->"


def wrap(html: str) -> str:
    """One pre-rendered block of HTML, as the generated Markdown holds it."""
    return f"{BEGIN}\n{html}\n{END}" if html else ""


#: A start tag, and an ``id`` (or an anchor's ``name``) in it: what MkDocs' raw-HTML pass collects.
_TAG_RE = re.compile(r"<([A-Za-z][\w-]*)(\s[^<>]*)?>")
_ID_RE = re.compile(r"""\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def anchor_ids(html: str) -> list[str]:
    """The ids an HTML block defines (``id``; ``name`` on an ``a``), in order, as MkDocs reads
    them: ``anchor_ids('<p id="p-1">…</p>')`` is ``["p-1"]``."""
    out = []
    for tag in _TAG_RE.finditer(html):
        for found in _ID_RE.finditer(tag.group(2) or ""):
            if found.group(1) == "id" or tag.group(1).lower() == "a":
                out.append(unescape(next(v for v in found.groups()[1:] if v is not None)))
    return out


class _Extract(Preprocessor):
    """Each block taken out, its ids left in its place (see the module docstring)."""

    def __init__(self, md: Markdown, blocks: list[str]) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        self.blocks.clear()
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == BEGIN:
                    block = []
                else:
                    out.append(line)
            elif line == END:
                html = "\n".join(block)
                self.blocks.append(html)
                ids = "".join(f'<a id="{escape(i, quote=True)}"></a>' for i in anchor_ids(html))
                out += [BEGIN, ids, END]
                block = None
            else:
                block.append(line)
        if block is not None:  # no end marker: leave the text to Markdown as it was
            out += [BEGIN, *block]
        return out


class _Stash(Preprocessor):
    """Each block stashed in place of its ids, after MkDocs has read them."""

    def __init__(self, md: Markdown, blocks: list[str]) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        taken = iter(self.blocks)
        k = 0
        while k < len(lines):
            if lines[k] == BEGIN and k + 2 < len(lines) and lines[k + 2] == END:
                out += ["", self.md.htmlStash.store(next(taken)), ""]
                k += 3
            else:
                out.append(lines[k])
                k += 1
        return out


class PrerenderedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        blocks: list[str] = []
        # After normalize_whitespace (30), before superfences (25) and MkDocs' raw-HTML pass (21):
        # they see the block's ids only.
        md.preprocessors.register(_Extract(md, blocks), "prerendered_ids", 29)
        # After MkDocs' pass and before html_block (20): the block is never parsed again as
        # Markdown or split into HTML blocks.
        md.preprocessors.register(_Stash(md, blocks), "prerendered", 20.5)


def makeExtension(**kwargs: object) -> PrerenderedExtension:
    return PrerenderedExtension(**kwargs)
