"""Tables a phone can read: no column that says nothing, the figure beside the name.

On a 375 px phone only the first two or three columns of a wide table are in
view. The GDP indicator table showed 地区, 所属, 水平, 单位 there, and for a
growth target 水平 and 单位 were all "—": the column the reader came for,
增速, started off screen. ``table_html`` drops every column whose cells are all
empty (``kept_columns``) and lets the caller put the columns in the order that matters.

Figures align right by column, not by cell: ``numbered_columns`` names a
table's right-aligned columns on its wrapper (``data-num="2 3 4"``, or
``"2+"`` for every column from the second on) and the stylesheet aligns the
cells by their place (``edition.css``, "Figures align right"). A
``style="text-align: right;"`` on every cell, as Python-Markdown writes for
``---:``, was 71 KB of the indicator pages and 12 KB of the plan outline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

EMPTY = ("", "—")

#: Columns the stylesheet right-aligns by number (``[data-num~="N"]``, ``[data-num~="N+"]``, N up to
#: this); a right-aligned column past it that no ``N+`` covers keeps its cells' own style.
NUMBERED = 12


def kept_columns(width: int, rows: Sequence[Sequence[str]], keep: Sequence[int] = (0,)) -> list[int]:
    """The columns of a table ``width`` wide that say something: those with a cell that is not
    empty, and ``keep`` (columns kept regardless, the row labels)."""
    return [j for j in range(width) if j in keep or any(r[j].strip() not in EMPTY for r in rows)]


def table_html(head: Sequence[str], rows: Sequence[Sequence[str]], aligns: Sequence[str] | None = None,
               keep: Sequence[int] | None = None) -> tuple[str, str]:
    """A table as the HTML Python-Markdown makes of a pipe table, for cells the caller wrote
    as HTML (``escape.html_text``, ``html_attr``), and the attribute its wrapper must carry
    (``numbered``): ``("<table>…</table>", ' data-num="2"')``. With ``keep``, the columns empty
    in every row but those are dropped (``kept_columns``); ``aligns``: ``"left"`` or ``"right"``
    per column, all left when None.

    For the long tables (a row per record: an indicator's period pages), which the builder
    pre-renders (``builder.pages.prerendered``) so that ``mkdocs build`` need not parse them:
    they were three quarters of its Markdown time on those pages (N = 1,000: 7.6 of 9.6 ms a page).
    """
    columns = list(range(len(head))) if keep is None else kept_columns(len(head), rows, keep)
    value, own = numbered_columns([aligns is not None and aligns[j] == "right" for j in columns])

    def cell(tag: str, k: int, content: str) -> str:
        style = ' style="text-align: right;"' if own[k] else ""
        return f"<{tag}{style}>{content}</{tag}>"

    heads = "\n".join(cell("th", k, head[j]) for k, j in enumerate(columns))
    body = "\n".join("<tr>\n" + "\n".join(cell("td", k, row[j]) for k, j in enumerate(columns)) + "\n</tr>"
                     for row in rows)
    table = f"<table>\n<thead>\n<tr>\n{heads}\n</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    return table, f' data-num="{value}"' if value else ""


def numbered_columns(right: Sequence[bool]) -> tuple[str, list[bool]]:
    """The ``data-num`` value for a table whose column ``j`` aligns right where ``right[j]``,
    and per column whether its cells must still say so themselves (a column past
    ``NUMBERED`` that is not in a run of right-aligned columns to the table's end starting
    at or before it). ``[False, True, True, False]`` -> ``("2 3", [False] * 4)``; 77
    columns right from the second -> ``("2+", [False] * 77)``."""
    start = len(right)
    while start > 0 and right[start - 1]:
        start -= 1
    run = start + 1 if len(right) > NUMBERED and start < NUMBERED and len(right) - start > 1 else None
    tokens, own = [], [False] * len(right)
    for j, r in enumerate(right):
        if not r or (run is not None and j + 1 >= run):
            continue
        if j < NUMBERED:
            tokens.append(str(j + 1))
        else:
            own[j] = True
    if run is not None:
        tokens.append(f"{run}+")
    return " ".join(tokens), own


_RULE_CELL_RE = re.compile(r"\s*:?-+:?\s*")


def numbered(table: str) -> tuple[str, str]:
    """A Markdown pipe table whose right-aligned columns (``---:``) the stylesheet aligns
    instead, and the attribute its wrapper must carry: ``(table, ' data-num="4"')``.
    (``table`` with its rule line ``|---|---|---|---|``; ``""`` when no column aligns right.)"""
    lines = table.split("\n")
    if len(lines) < 2:
        return table, ""
    cells = lines[1].strip().strip("|").split("|")
    if not all(_RULE_CELL_RE.fullmatch(c) for c in cells):
        return table, ""
    right = [c.strip().endswith(":") and not c.strip().startswith(":") for c in cells]
    value, own = numbered_columns(right)
    if not value:
        return table, ""
    lines[1] = "|" + "".join("---:|" if own[j] else "---|" if right[j] else f"{cells[j].strip()}|"
                             for j in range(len(cells)))
    return "\n".join(lines), f' data-num="{value}"'
