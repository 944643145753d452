"""Horizontal bar charts as standalone SVG, made at build time (no JS, no network).

One row per region, rows grouped under their prefecture (吕梁市: 离石区, 孝义市…),
one or two bars per row (a 2021 target beside the 2020 result). Negative
values (``社会消费品零售总额下降2.8%``) extend left of the zero line. Every
bar carries its value as text and a ``<title>``, so the chart reads without
colour and in a screen reader; the page shows the same figures as a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

ROW = 22
BAR_GAP = 2
LABEL_W = 120
VALUE_W = 110
WIDTH = 640
COLOURS = ("#c62828", "#9e9e9e")  # first series, second series
FONT = "font-family=\"-apple-system,'Noto Sans CJK SC','Microsoft YaHei',sans-serif\" font-size=\"12\""


@dataclass(frozen=True)
class Bar:
    value: float | None
    text: str  # what is printed next to the bar (10%左右)


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[Bar, ...]


def svg_size(svg: str) -> tuple[int, int]:
    """(width, height) of a chart made by ``bar_chart``."""
    m = re.search(r'width="(\d+)" height="(\d+)"', svg)
    return (int(m.group(1)), int(m.group(2))) if m else (WIDTH, 0)


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def value_range(groups: list[tuple[str, list[Row]]]) -> tuple[float, float, float]:
    """(low, high, span) of the values, zero always inside: the axis every chart draws on."""
    values = [b.value for _, rows in groups for r in rows for b in r.bars if b.value is not None]
    lo, hi = min([0.0, *values]), max([0.0, *values])
    return lo, hi, (hi - lo) or 1.0


def bar_chart(title: str, groups: list[tuple[str, list[Row]]], series: tuple[str, ...] = ()) -> str:
    """The SVG document; ``series`` names the bars of a row (legend) when there are two."""
    lo, hi, span = value_range(groups)
    plot_w = WIDTH - LABEL_W - VALUE_W
    nbars = max((len(r.bars) for _, rows in groups for r in rows), default=1)
    row_h = max(ROW, nbars * 12 + 6)

    def x(v: float) -> float:
        return LABEL_W + (v - lo) / span * plot_w

    out: list[str] = []
    y = 28 + (16 if len(series) > 1 else 0)
    for i, name in enumerate(series if len(series) > 1 else ()):
        out.append(f'<rect x="{LABEL_W + i * 150}" y="24" width="10" height="10" fill="{COLOURS[i]}"/>'
                   f'<text x="{LABEL_W + i * 150 + 14}" y="33">{escape(name)}</text>')
    top = y
    for group, rows in groups:
        out.append(f'<text x="4" y="{y + 14}" font-weight="bold">{escape(group)}</text>')
        y += ROW
        for r in rows:
            out.append(f'<text x="16" y="{y + row_h / 2 + 4:.0f}">{escape(r.label)}</text>')
            bh = (row_h - 6 - BAR_GAP * (len(r.bars) - 1)) / max(len(r.bars), 1)
            for k, b in enumerate(r.bars):
                by = y + 3 + k * (bh + BAR_GAP)
                if b.value is None:
                    out.append(f'<text x="{x(0) + 4:.1f}" y="{by + bh - 2:.1f}" fill="#757575">{escape(b.text)}</text>')
                    continue
                x0, x1 = sorted((x(0), x(b.value)))
                tip = f"{r.label} {series[k] if k < len(series) else ''} {b.text}".strip()
                out.append(f'<rect x="{x0:.1f}" y="{by:.1f}" width="{max(x1 - x0, 1):.1f}" height="{bh:.1f}" '
                           f'fill="{COLOURS[k % 2]}"><title>{escape(tip)}</title></rect>')
                out.append(f'<text x="{max(x1, x(0)) + 4:.1f}" y="{by + bh - 2:.1f}">{escape(b.text)}</text>')
            y += row_h
    axis = (f'<line x1="{x(0):.1f}" y1="{top}" x2="{x(0):.1f}" y2="{y}" stroke="#616161"/>'
            f'<text x="{x(lo):.1f}" y="{y + 14}" fill="#616161">{_fmt(lo)}</text>'
            f'<text x="{x(hi):.1f}" y="{y + 14}" text-anchor="end" fill="#616161">{_fmt(hi)}</text>')
    height = y + 22
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
            f'height="{height}" role="img" aria-label="{escape(title)}" {FONT}>'
            f'<title>{escape(title)}</title><rect width="100%" height="100%" fill="#fff"/>'
            f'<text x="4" y="16" font-size="14" font-weight="bold">{escape(title)}</text>'
            + "".join(out) + axis + "</svg>\n")
