"""The reader-facing builders on their own: what they do with hostile or awkward input."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from builder import html_whitespace, inline_svg
from builder.pages.html_chart import bar_chart_html
from builder.pages.search_cards import script
from builder.pages.svg_chart import Bar, Row
from builder.pages.table_columns import NUMBERED, numbered, numbered_columns, table_html

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
    table, attr = table_html(["地区", "水平", "单位", "增速（%）"], [["离石区", "—", "—", "10"], ["", "—", "", "8"]],
                             ["left", "right", "left", "right"], keep=(0,))
    assert re.findall(r"<th>([^<]*)</th>", table) == ["地区", "增速（%）"]
    assert "<tr>\n<td></td>\n<td>8</td>\n</tr>" in table
    assert attr == ' data-num="2"'  # the figures' column, aligned right by the wrapper


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


# -- the theme's inline icons (builder/inline_svg.py) -------------------------------------

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 8a3 3 0 0 0 3-3"/></svg>'
MENU = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'


def test_a_repeated_icon_is_drawn_from_its_first_copy_and_xmlns_is_dropped() -> None:
    page = f"<header><a>{LOGO}</a><label>{MENU}</label></header><nav><a>{LOGO}</a></nav>"
    assert inline_svg.shrink(page) == (
        '<header><a><svg viewBox="0 0 24 24"><path id="__icon0" d="M12 8a3 3 0 0 0 3-3"/></svg></a>'
        '<label><svg viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg></label></header>'
        '<nav><a><svg viewBox="0 0 24 24"><use href="#__icon0"/></svg></a></nav>')


def test_icons_with_other_attributes_or_several_shapes_are_not_taken_for_one_another() -> None:
    small = LOGO.replace('viewBox="0 0 24 24"', 'viewBox="0 0 24 24" class="small"')
    two = LOGO.replace("</svg>", '<path d="M1 1"/></svg>')
    out = inline_svg.shrink(LOGO + small + two + two)
    assert "<use" not in out  # the same path in an svg of other attributes is another icon
    assert out.count('d="M12 8a3 3 0 0 0 3-3"') == 4 and "xmlns" not in out


def test_icons_in_code_and_scripts_are_left_as_written() -> None:
    page = f"{LOGO}<pre><code>{LOGO}</code></pre><script>s='{LOGO}'</script>"
    out = inline_svg.shrink(page)
    assert out.endswith(f"<pre><code>{LOGO}</code></pre><script>s='{LOGO}'</script>")
    assert "<use" not in out and 'id="__icon' not in out


# -- the frame's whitespace (builder/html_whitespace.py) ----------------------------------

def test_the_frame_loses_its_newlines_between_tags_and_the_article_keeps_them() -> None:
    page = ('<ul>\n<li>\n<a href="x">\n首页\n</a>\n</li>\n</ul>\n<article>\n<p><a>甲</a>\n<a>乙</a></p>\n'
            '<article>\n<p>内</p>\n</article>\n</article>\n<button>\n<svg></svg>\n回到页面顶部\n</button>\n'
            '<script>\nvar a = "<b>\n<i>";\n</script>\n<script></script>\n<footer>\n</footer>')
    assert html_whitespace.tighten_frame(page) == (
        '<ul><li><a href="x">\n首页\n</a></li></ul>\n<article>\n<p><a>甲</a>\n<a>乙</a></p>\n'
        '<article>\n<p>内</p>\n</article>\n</article>\n<button><svg></svg>\n回到页面顶部\n</button>'
        '<script>\nvar a = "<b>\n<i>";\n</script><script></script><footer></footer>')


def test_the_article_loses_the_newlines_between_its_tables_own_tags_only() -> None:
    """Whitespace between a table's rows and cells is never drawn; next to a cell's text it stays."""
    article = ('<article>\n<table>\n<thead>\n<tr>\n<th>地区</th>\n<th>\n数值</th>\n</tr>\n</thead>\n'
               '<tbody>\n<tr>\n<td><a>甲</a>\n<a>乙</a></td>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n'
               '<p>段</p>\n<pre>\n<table>\n<tr>\n</pre>\n</article>')
    assert html_whitespace.tighten_frame(article) == (
        '<article>\n<table><thead><tr><th>地区</th><th>\n数值</th></tr></thead>'
        '<tbody><tr><td><a>甲</a>\n<a>乙</a></td><td>1</td></tr></tbody></table>\n'
        '<p>段</p>\n<pre>\n<table>\n<tr>\n</pre>\n</article>')


def test_a_page_without_an_article_is_all_frame() -> None:
    assert html_whitespace.tighten_frame("<main>\n<p>x</p>\n</main>") == "<main><p>x</p></main>"
