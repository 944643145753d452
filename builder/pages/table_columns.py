"""Tables a phone can read: no column that says nothing, the figure beside the name.

On a 375 px phone only the first two or three columns of a wide table are in
view. The GDP indicator table showed 地区, 所属, 水平, 单位 there, and for a
growth target 水平 and 单位 were all "—": the column the reader came for,
增速, started off screen. ``pipe_table`` drops every column whose cells are all
empty and lets the caller put the columns in the order that matters.
"""

from __future__ import annotations

from collections.abc import Sequence

EMPTY = ("", "—")


def pipe_table(head: Sequence[str], aligns: Sequence[str], rows: Sequence[Sequence[str]],
               keep: Sequence[int] = (0,)) -> str:
    """A Markdown pipe table without the columns that are empty in every row
    (``keep``: columns kept regardless, the row labels). ``aligns`` holds
    ``"left"`` or ``"right"`` per column."""
    columns = [j for j in range(len(head))
               if j in keep or any(r[j].strip() not in EMPTY for r in rows)]
    rule = "|" + "".join("---:|" if aligns[j] == "right" else "---|" for j in columns)
    lines = ["| " + " | ".join(head[j] for j in columns) + " |", rule]
    lines += ["| " + " | ".join(r[j] for j in columns) + " |" for r in rows]
    return "\n".join(lines)
