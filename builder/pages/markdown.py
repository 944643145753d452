"""Safe Markdown building blocks for untrusted corpus text.

Corpus text arrives by pull request. It may use **bold**, nothing else: HTML
is escaped, and characters that would let it start a link, an image, an
attribute list (``{: onclick=...}``) or a block construct are neutralised,
so contributor text can only ever become text.

Paragraphs and tables of a document body are emitted as HTML blocks, the
HTML Python-Markdown would have made of them (``<p id="p-12">…</p>``, a
``<table>`` with the tables extension's alignment styles): MkDocs stashes a
raw HTML block as it is, so it does not parse again what the builder had
already annotated span by span (that re-parsing was most of ``mkdocs
build``). Headings stay Markdown, because Material's table of contents and
the ¶ permalinks are made from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from builder.corpus.model import Block, plain_inline
from builder.escape import html_attr, token
from builder.pages import annotate
from builder.pages.annotate import Span
from builder.pages.prerendered import wrap
from builder.pages.table_columns import numbered_columns


def door(label: str, href: str, body: str) -> str:
    """One card of the home page's grid (Material's ``grid cards`` list): its title linked, then
    ``body`` (Markdown, already escaped by the caller), indented into the list item."""
    return f"-   **[{label}]({href})**\n\n    {body}"


def inline(text: str) -> str:
    """Escape corpus inline text for Markdown (titles, notes), keeping **bold**: the same
    rendering as a block's text, with no marks."""
    return annotate.render(text)


#: Spans for one piece of a block's text: the whole text of a heading or
#: paragraph (``cell`` is None) or one table cell (``cell`` = (row, column)).
SpanSource = Callable[[Block, "tuple[int, int] | None", str], Sequence[Span]]


def _no_spans(block: Block, cell: tuple[int, int] | None, plain: str) -> Sequence[Span]:
    return ()


def _text(block: Block, raw: str, spans: SpanSource, cell: tuple[int, int] | None = None,
          *, html: bool = False) -> str:
    return annotate.render(raw, spans(block, cell, plain_inline(raw.strip())), html=html)


def heading(block: Block, spans: SpanSource = _no_spans) -> str:
    """A heading with its stored anchor (its 原文 link, drawn by ``source-text.js``, follows it as
    its own block, so that the table of contents keeps the heading's words only)."""
    return f"{'#' * block.level} {_text(block, block.text, spans)} {{ #{block.anchor} }}"


def size_hint(chars: int | None = None, rows: int | None = None) -> str:
    """``style="--c:N;--r:M"``: the block's characters and rows, from which reader.css
    ("Long pages") sizes the block while it is not drawn.

    A block of the text is drawn only near the screen (content-visibility); until
    then it takes the height the stylesheet gives it. A guess below its real
    height let its content, when a script or axe measured it, spill over the next
    blocks' (Lighthouse then found ¶ and figure links on top of each other); from
    these counts the stylesheet gives at least the real height at every width.
    ``size_hint(120)`` is ``' style="--c:120"'``, ``size_hint(rows=3)`` ``' style="--r:3"'``.
    """
    parts = [f"--c:{chars}"] if chars is not None else []
    parts += [f"--r:{rows}"] if rows is not None else []
    return f' style="{";".join(parts)}"' if parts else ""


def paragraph(block: Block, spans: SpanSource = _no_spans) -> str:
    """A paragraph with its stored anchor as id and a visible ¶ permalink, as HTML (its 原文
    link, after the ¶, is drawn by ``source-text.js``: ``builder.pages.sources.linked_blocks``).

    The ¶ has no ``title``: ``paragraph-cite.js`` labels it and makes it the copy
    control, and a long plan has hundreds of paragraphs, each a title to carry."""
    anchor = html_attr(token(block.anchor))
    return wrap(f'<p id="{anchor}"{size_hint(len(block.plain_text))}>{_text(block, block.text, spans, html=True)} '
                f'<a class="para-link" href="#{anchor}">¶</a></p>')


_FIGURE_RE = re.compile(r"^[\[(（]?[-+−]?\d[\d,.]*[%％]?[\])）]?$|^[—–-]+$")


def _is_figure(cell: str) -> bool:
    """``154.7``, ``[600]``, ``-2.99``, ``—``: a cell read as a number (or its absence)."""
    return bool(_FIGURE_RE.match(plain_inline(cell).strip()))


def table_layout(rows: Sequence[Sequence[str]], width: int) -> tuple[list[str], int | None]:
    """Alignment per column, and the label column, for a corpus table.

    A 专栏 of the plan outline is a column of indicator names among columns of
    figures: figures align right so that decimals line up, and the label
    column (the one with the longest texts) is kept from being squeezed to a
    few characters a line. ``(["left", "left", "left", "right", …], 2)``.
    """
    body = [r for r in rows[1:] if any(c.strip() for c in r)]
    aligns, lengths = [], []
    for j in range(width):
        cells = [r[j] for r in body if j < len(r) and r[j].strip()]
        figures = sum(_is_figure(c) for c in cells)
        aligns.append("right" if cells and figures >= 0.8 * len(cells) else "left")
        lengths.append(max((len(plain_inline(c)) for c in cells), default=0))
    label = max(range(width), key=lambda j: lengths[j]) if width else None
    return aligns, label if label is not None and lengths[label] >= 6 else None


def header_spans(head: Sequence[str]) -> list[tuple[int, int]]:
    """The header cells of a table as (column, columns spanned): a blank header after a
    named one continues it.

    A 专栏's 规划目标 stands over two columns (the level and the growth), and the
    pipe table leaves the second header blank: a cell under a blank header has no
    header for a screen reader (axe: td-has-header). ``["指标", "规划目标", "", "属性"]``
    gives ``[(0, 1), (1, 2), (3, 1)]``: 规划目标 spans its two columns. A blank first
    header stays a blank cell of its own.
    """
    out: list[tuple[int, int]] = []
    for j, cell in enumerate(head):
        if out and not cell.strip() and head[out[-1][0]].strip():
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((j, 1))
    return out


def table(block: Block, spans: SpanSource = _no_spans, table_id: str | None = None) -> str:
    """A table as HTML, header row first, every cell escaped, figures right-aligned.

    It is wrapped in ``<div class="corpus-table" data-label-col="N" data-num="…">`` so
    the stylesheet can give the label column room and align the figure columns right
    by their place (``table_columns.numbered_columns``: a style on every figure cell was
    12 KB of the plan outline). A header cell spanning columns moves the header's later
    cells off their columns' places: such a cell says its alignment itself.
    """
    width = max((len(r) for r in block.rows), default=0)
    if not width:
        return ""
    aligns, label = table_layout(block.rows, width)
    right = [a == "right" for a in aligns]
    num, own = numbered_columns(right)

    def style(j: int, place: int) -> str:
        """The cell's own alignment where the stylesheet's, by place, would differ from its column's."""
        by_place = place < width and right[place] and not own[place]
        if right[j] and (own[j] or not by_place):
            return ' style="text-align: right;"'
        return ' style="text-align: left;"' if by_place and not right[j] else ""

    def row(i: int, cells: tuple[str, ...], tag: str) -> str:
        # A short row is filled out with empty cells marked data-pad="1": the .txt made in the
        # browser (text-downloads.js) leaves them out, as data_files.plain_text does.
        given = "".join(f"<{tag}{style(j, j)}>{_text(block, c, spans, (i, j), html=True)}</{tag}>\n"
                        for j, c in enumerate(cells))
        pad = "".join(f'<{tag}{style(j, j)} data-pad="1"></{tag}>\n' for j in range(len(cells), width))
        return "<tr>\n" + given + pad + "</tr>"

    def header(cells: tuple[str, ...]) -> str:
        padded = [*cells, *([""] * (width - len(cells)))]
        out = []
        for place, (j, span) in enumerate(header_spans(padded)):
            colspan = f' colspan="{span}"' if span > 1 else ""
            filled = max(0, j + span - max(j, len(cells)))  # columns of this cell past a short header row
            colspan += f' data-pad="{filled}"' if filled else ""
            out.append(f"<th{colspan}{style(j, place)}>{_text(block, padded[j], spans, (0, j), html=True)}</th>\n")
        return "<tr>\n" + "".join(out) + "</tr>"

    head, *body = block.rows
    attrs = f' id="{html_attr(token(table_id))}"' if table_id else ""
    attrs += f' data-label-col="{label + 1}"' if label is not None else ""
    attrs += f' data-num="{num}"' if num else ""
    attrs += size_hint(len(block.plain_text), len(block.rows))
    return wrap("\n".join([f'<div class="corpus-table"{attrs}>', "<table>", "<thead>", header(head),
                           "</thead>", "<tbody>", *(row(i, r, "td") for i, r in enumerate(body, start=1)),
                           "</tbody>", "</table>", "</div>"]))


def block_ids(blocks: Sequence[Block]) -> list[str]:
    """The id of each block on its pages: its anchor; ``t-N`` for the N-th table, which has none."""
    out, tables = [], 0
    for b in blocks:
        tables += b.kind == "table"
        out.append(f"t-{tables}" if b.kind == "table" else b.anchor)
    return out


def block(b: Block, spans: SpanSource = _no_spans, table_id: str | None = None) -> str:
    if b.kind == "table":
        return table(b, spans, table_id)
    return {"heading": heading, "paragraph": paragraph}[b.kind](b, spans)


def fenced(content: str, lang: str = "text") -> str:
    """A code fence longer than any backtick run inside ``content``."""
    longest = max((len(m) for m in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{content}\n{fence}"


def indent(text: str, by: int = 4) -> str:
    """Indent every non-empty line (content of admonitions and tabs)."""
    pad = " " * by
    return "\n".join(pad + line if line else "" for line in text.split("\n"))
