"""Bar charts as HTML in the page: readable on a phone, in the theme's colours.

The charts were SVG images 640 units wide: on a 375 px phone they were scaled
to about half, so their 12-unit labels rendered at 6.4 px, and an image cannot
follow the page's colour scheme, so they were white slabs in dark mode. Here
a chart is HTML: one grid row per region (name, bars, the figure as text),
grouped under its prefecture, with text at the page's own size (reader.css:
never under 12 px) and bars coloured by Material's CSS variables in either
scheme. Only the bar itself is drawn, as a tiny inline SVG whose viewBox is
the value range (0–100 stretched to the row's width), so negative values
(下降2.8%) extend left of the zero line like in the standalone SVG.

The figures are also in the table below each chart, and every bar has its
figure as text, so the chart reads without colour and in a screen reader.
A bar has a hover title only where there are two series (it names the bar's
series, which the row's text does not): in a one-series chart it repeated the
row's label and figure, shown beside it (14 KB of the indicator pages).
Every label goes through the one escaping module, ``builder.escape``: ``html_attr`` where
it lands in an attribute (``aria-label``), ``html_text`` where it is element text.
"""

from __future__ import annotations

from builder.escape import html_attr, html_text
from builder.pages.markdown import size_hint
from builder.pages.svg_chart import Row, value_range


def _pct(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def bar_chart_html(title: str, groups: list[tuple[str, list[Row]]], series: tuple[str, ...] = ()) -> str:
    """The chart as one raw-HTML block (no blank lines, so Markdown leaves it whole)."""
    lo, _, span = value_range(groups)

    def x(v: float) -> float:
        return (v - lo) / span * 100

    lines = len(groups) + sum(len(rows) for _, rows in groups) + (len(series) > 1)  # for reader.css
    out = [f'<figure class="bar-chart"{size_hint(rows=lines)} aria-label="{html_attr(title)}">',
           f'<figcaption class="bar-chart__title">{html_text(title)}</figcaption>']
    if len(series) > 1:
        out.append('<ul class="bar-chart__legend">' + "".join(
            f'<li><span class="bar-chart__swatch s{i % 2}"></span>{html_text(name)}</li>'
            for i, name in enumerate(series)) + "</ul>")
    zero = x(0)
    for group, rows in groups:
        out.append(f'<div class="bar-chart__group">{html_text(group)}</div>')
        for r in rows:
            bars, texts = [], []
            for k, b in enumerate(r.bars):
                name = series[k] if k < len(series) else ""
                texts.append(f'<span>{html_text(b.text)}</span>')
                if b.value is None:
                    bars.append('<svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"></svg>')
                    continue
                x0, x1 = sorted((zero, x(b.value)))
                hover = (f'<title>{html_text(" ".join(p for p in (r.label, name, b.text) if p))}</title>'
                         if len(series) > 1 else "")
                bars.append(f'<svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">'
                            f'<rect class="s{k % 2}" x="{_pct(x0)}" y="0" width="{_pct(max(x1 - x0, 0.4))}" '
                            f'height="1">{hover}</rect>'
                            f'<line class="zero" x1="{_pct(zero)}" x2="{_pct(zero)}" y1="-0.2" y2="1.2"/></svg>')
            out.append(f'<div class="bar-chart__row"><span class="bar-chart__label">{html_text(r.label)}</span>'
                       f'<span class="bar-chart__bars">{"".join(bars)}</span>'
                       f'<span class="bar-chart__values">{"".join(texts)}</span></div>')
    out.append("</figure>")
    return "".join(out)
