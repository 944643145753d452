"""Rebuild the plan outline's tab-separated indicator tables (专栏) as pipe tables.

PDF extraction shifts cells: a cell spanning rows (类别 ``经济发展``) is
printed once and missing below, so later rows start one or two cells short,
and an empty cell sometimes lands between the indicator name and its values
(``移动互联网用户率(%)⇥⇥—⇥—…``). Columns are put right by aligning every
row's values to the right-hand columns (there are always as many value
columns as the header has after its 指标 column) and its labels (类别, 序号,
指标) to the left ones, in their order. A row of labels only (``一、经济发展
（6个）``) is a group row and stays left-aligned.
"""

from __future__ import annotations

import re

from builder.chinese.typography import normalise

VALUE_RE = re.compile(r"^(?:[-+]?\d[\d.,]*%?|\[[\d.]+\]|[—–-]+|\d+-\d+)$")


def _is_value(cell: str) -> bool:
    return bool(VALUE_RE.match(cell.replace(" ", "")))


def _trim(row: list[str]) -> list[str]:
    while row and not row[-1].strip():
        row = row[:-1]
    return row


def header_rows(rows: list[list[str]]) -> int:
    """How many rows at the top are header rows: those before the first row
    that holds a value cell."""
    for i, row in enumerate(rows):
        if any(_is_value(c) for c in row if c.strip()):
            return max(i - 0, 1) if i else 1
        if i and re.match(r"^\d+$", (row[0] or "").strip()):
            return i
    return 1


def label_columns(header: list[str]) -> int:
    """Columns up to and including the 指标 column hold labels."""
    for i, cell in enumerate(header):
        if "指标" in re.sub(r"\s", "", cell):
            return i + 1
    return 1


def align_row(row: list[str], ncols: int, nlabels: int) -> list[str]:
    """Place a body row's cells into ``ncols`` columns (see module docstring)."""
    row = _trim(row)
    if len(row) == ncols:
        return row
    nvalues = ncols - nlabels
    nonempty = [c for c in row if c.strip()]
    if len(nonempty) <= 1 or not any(_is_value(c) for c in nonempty[1:]):
        return (row + [""] * ncols)[:ncols] if len(row) <= ncols else row
    values, labels = row[-nvalues:], [c for c in row[:-nvalues] if c.strip()]
    if len(row) < nvalues or any(_is_value(c) for c in labels if not re.fullmatch(r"\d+", c)):
        return (row + [""] * ncols)[:ncols] if len(row) <= ncols else row
    placed = [""] * nlabels
    # The last label is the indicator, a leading number is the 序号, the rest the 类别.
    if labels:
        placed[-1] = labels[-1]
        others = labels[:-1]
        if others and re.fullmatch(r"\d+", others[-1]) and nlabels >= 2:
            placed[-2] = others.pop()
        for i, cell in enumerate(others):
            if i < nlabels - 2:
                placed[i] = cell
    return placed + values


def build_table(rows: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """(table rows with the header first, notes that follow the table)."""
    notes = []
    body = []
    for row in rows:
        cells = [normalise(c, keep_word_spaces=False) for c in row]
        first = next((c for c in cells if c), "")
        if not first:
            continue
        if first.startswith("注") and sum(1 for c in cells if c) == 1:
            notes.append(first)
            continue
        body.append(cells)
    if not body:
        return [], notes
    nhead = header_rows(body)
    ncols = max(len(_trim(r)) for r in body)
    header = [(_trim(r) + [""] * ncols)[:ncols] for r in body[:nhead]]
    nlabels = label_columns(header[0])
    aligned = [align_row(r, ncols, nlabels) for r in body[nhead:]]
    return header + aligned, notes


def to_markdown(rows: list[list[str]]) -> str:
    """A GitHub pipe table; ``|`` inside a cell is escaped."""
    ncols = max(len(r) for r in rows)

    def line(cells: list[str]) -> str:
        cells = (cells + [""] * ncols)[:ncols]
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    out = [line(rows[0]), "|" + "|".join(["---"] * ncols) + "|"]
    out.extend(line(r) for r in rows[1:])
    return "\n".join(out)
