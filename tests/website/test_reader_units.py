"""The reader-facing builders on their own: what they do with hostile or awkward input."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from builder.pages.html_chart import bar_chart_html
from builder.pages.search_cards import script
from builder.pages.svg_chart import Bar, Row
from builder.pages.table_columns import NUMBERED, numbered, numbered_columns, pipe_table

HOSTILE = '</script><script>alert(1)</script><!-- "x" & y'


def test_search_cards_cannot_close_their_script_element() -> None:
    block = script([{"keys": [HOSTILE], "kind": "术语", "title": HOSTILE, "text": HOSTILE,
                     "url": "glossary/x/", "more": "更多"}])
    inner = block.split('id="search-cards">', 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner)[0]["title"] == HOSTILE  # the reader still sees the text as written


class _Elements(HTMLParser):
    """The elements of an HTML fragment and the attributes of each, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def test_chart_labels_are_escaped_for_html() -> None:
    html = bar_chart_html(HOSTILE, [(HOSTILE, [Row(HOSTILE, (Bar(5.0, HOSTILE),))])])
    parsed = _Elements()
    parsed.feed(html)
    assert {tag for tag, _ in parsed.found} <= {"figure", "figcaption", "div", "span", "svg", "rect", "title", "line"}
    # the attribute holds the label (and the row count the stylesheet sizes it by)
    assert parsed.found[0] == ("figure", {"class": "bar-chart", "style": "--r:2", "aria-label": HOSTILE})
    assert html.count("&lt;script&gt;") >= 4


def test_chart_bars_start_at_zero_and_negative_values_extend_left() -> None:
    html = bar_chart_html("t", [("吕梁市", [Row("离石区", (Bar(10.0, "增长10%"),)),
                                           Row("孝义市", (Bar(-10.0, "下降10%"),))])])
    rects = re.findall(r'<rect class="s0" x="([\d.]+)" y="0" width="([\d.]+)"', html)
    assert rects == [("50", "50"), ("0", "50")]
    assert html.count('<div class="bar-chart__row">') == 2


def test_a_bar_has_a_hover_title_only_where_it_names_one_of_two_series() -> None:
    """One series: the row's label and figure are text beside the bar, a title would repeat them."""
    rows = [("吕梁市", [Row("离石区", (Bar(10.0, "增长10%"), Bar(8.0, "增长8%")))])]
    assert "<title>" not in bar_chart_html("t", [("吕梁市", [Row("离石区", (Bar(10.0, "增长10%"),))])])
    two = bar_chart_html("t", rows, ("2021年目标", "2020年实际"))
    assert re.findall(r"<title>([^<]*)</title>", two) == ["离石区 2021年目标 增长10%", "离石区 2020年实际 增长8%"]


def test_columns_empty_in_every_row_are_dropped_but_the_label_column_stays() -> None:
    table = pipe_table(["地区", "水平", "单位", "增速（%）"], ["left", "right", "left", "right"],
                       [["离石区", "—", "—", "10"], ["", "—", "", "8"]])
    assert table.splitlines()[:2] == ["| 地区 | 增速（%） |", "|---|---:|"]
    assert table.splitlines()[3] == "|  | 8 |"


def test_a_pipe_tables_right_aligned_columns_move_to_its_wrapper() -> None:
    """``---:`` makes Python-Markdown write a style on every cell of the column: the wrapper names
    the column instead (``data-num``) and the rule line aligns nothing itself."""
    table, attr = numbered("| 地区 | 增速（%） | 出处 |\n|---|---:|---|\n| 离石区 | 10 | ¶p-1 |")
    assert attr == ' data-num="2"'
    assert table.splitlines()[1] == "|---|---|---|"
    assert numbered("| 地区 | 出处 |\n|---|---|\n| 离石区 | ¶p-1 |")[1] == ""


def test_a_wide_table_right_aligned_from_a_column_on_names_the_run() -> None:
    """The coverage table: a region column, then one column per indicator (77 on the real corpus)."""
    assert numbered_columns([False] + [True] * 76) == ("2+", [False] * 77)


def test_a_right_aligned_column_past_the_numbered_ones_keeps_its_own_alignment() -> None:
    right = [False] * NUMBERED + [True, False]
    value, own = numbered_columns(right)
    assert value == "" and own == [False] * NUMBERED + [True, False]
    table, attr = numbered("|" + " h |" * 14 + "\n|" + "---|" * NUMBERED + "---:|---|")
    assert table.splitlines()[1] == "|" + "---|" * NUMBERED + "---:|---|" and attr == ""
