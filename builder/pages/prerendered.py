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
splitting it into blocks or parsing its inline text. (MkDocs still reads the
page's raw HTML once, for the ids its ``anchors`` validation knows.) The content is trusted
builder output: corpus text in it is escaped (``builder.pages.annotate``), so
a corpus file can never write a marker line (its ``<`` becomes ``&#60;``).
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

BEGIN = "<!-- prerendered -->"
END = "<!-- /prerendered -->"


def wrap(html: str) -> str:
    """One pre-rendered block of HTML, as the generated Markdown holds it."""
    return f"{BEGIN}\n{html}\n{END}" if html else ""


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == BEGIN:
                    block = []
                else:
                    out.append(line)
            elif line == END:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # no end marker: leave the text to Markdown as it was
            out += [BEGIN, *block]
        return out


class PrerenderedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After MkDocs' own raw-HTML pass (21), which collects the ids that links may point
        # to (``validation: anchors``), and before html_block (20): the block is never parsed
        # again as Markdown or split into HTML blocks.
        md.preprocessors.register(_Stash(md), "prerendered", 20.5)


def makeExtension(**kwargs: object) -> PrerenderedExtension:
    return PrerenderedExtension(**kwargs)
