"""Safe Markdown building blocks for untrusted corpus text.

Corpus text arrives by pull request. It may use **bold**, nothing else: HTML
is escaped, and characters that would let it start a link, an image, an
attribute list (``{: onclick=...}``) or a block construct are neutralised,
so contributor text can only ever become text.
"""

from __future__ import annotations

import re

from builder.corpus.model import Block

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;",
             "[": "&#91;", "]": "&#93;"}
_ENTITY_RE = re.compile("[&<>{}\\[\\]]")
# Line starts that Markdown would read as a heading, list item or quote.
_BLOCK_START_RE = re.compile(r"^(?:(?P<mark>#|[-+*](?=\s)|[-*_]{3,})|(?P<num>\d+)(?=[.)]\s))")


def inline(text: str) -> str:
    """Escape corpus inline text for a Markdown paragraph, keeping **bold**."""
    escaped = _ENTITY_RE.sub(lambda m: _ENTITIES[m.group()], text.strip())
    return _BLOCK_START_RE.sub(_neutralise, escaped, count=1)


def _neutralise(m: re.Match[str]) -> str:
    """``# x`` -> ``\\# x``; ``1. x`` -> ``1\\. x``: the text stays a paragraph."""
    if m["mark"]:
        return "".join("\\" + c for c in m["mark"])
    return m["num"] + "\\"


def label(text: str) -> str:
    """Escape a string that a theme template prints unescaped (nav titles)."""
    return _ENTITY_RE.sub(lambda m: _ENTITIES[m.group()], text)


def heading(block: Block) -> str:
    return f"{'#' * block.level} {inline(block.text)} {{ #{block.anchor} }}"


def paragraph(block: Block) -> str:
    """A paragraph with its stored anchor as id and a visible ¶ permalink."""
    return (f"{inline(block.text)} [¶](#{block.anchor}){{ .para-link title=\"本段链接\" }}\n"
            f"{{: #{block.anchor} }}")


def table(block: Block) -> str:
    """A pipe table, header row first, every cell escaped and padded."""
    width = max((len(r) for r in block.rows), default=0)

    def row(cells: tuple[str, ...]) -> str:
        padded = [*cells, *([""] * (width - len(cells)))]
        return "| " + " | ".join(inline(c).replace("|", "\\|") for c in padded) + " |"

    if not width:
        return ""
    head, *body = block.rows
    return "\n".join([row(head), "|" + "---|" * width, *(row(r) for r in body)])


def block(b: Block) -> str:
    return {"heading": heading, "paragraph": paragraph, "table": table}[b.kind](b)


def fenced(content: str, lang: str = "text") -> str:
    """A code fence longer than any backtick run inside ``content``."""
    longest = max((len(m) for m in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{content}\n{fence}"


def indent(text: str, by: int = 4) -> str:
    """Indent every non-empty line (content of admonitions and tabs)."""
    pad = " " * by
    return "\n".join(pad + line if line else "" for line in text.split("\n"))
