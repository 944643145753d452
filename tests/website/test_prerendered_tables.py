"""Tables the builder writes as HTML are the tables MkDocs made of their Markdown.

A document page's 主要指标 table is pre-rendered (``indicator_pages.sortable_html``) so that
``mkdocs build`` need not parse a row per record; the page must stay the same to a reader and
to the scripts that read the table (the sort of ``indicators.js``, the mark popup of
``glossary.js``), so the HTML is the markup Python-Markdown writes for the same table.
"""

from __future__ import annotations

import markdown

from builder.pages.indicator_pages import sortable, sortable_html
from builder.pages.prerendered import BEGIN, END

HEAD = ["指标", "实际", "目标", "出处"]


def converted(text: str) -> str:
    """Markdown as ``mkdocs.yml`` has it read (the extensions a document page's table meets)."""
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"])


def test_a_prerendered_indicator_table_is_the_markup_markdown_made_of_it() -> None:
    rows_md = [["[地区生产总值](../../indicators/gdp/target-2021/)", "", "增长8%以上",
                "[¶p-37 地区生产总值增长8%以上](#p-37)"],
               ["[粮食总产量](../../indicators/grain-output/target-2021/)", "", "10亿公斤以上",
                '[¶p-60 确保粮食…](#p-60 "确保粮食播种面积不低于500万亩")']]
    rows_html = [['<a href="../../indicators/gdp/target-2021/">地区生产总值</a>', "", "增长8%以上",
                  '<a href="#p-37">¶p-37 地区生产总值增长8%以上</a>'],
                 ['<a href="../../indicators/grain-output/target-2021/">粮食总产量</a>', "", "10亿公斤以上",
                  '<a href="#p-60" title="确保粮食播种面积不低于500万亩">¶p-60 确保粮食…</a>']]
    table = "\n".join(["| " + " | ".join(HEAD) + " |", "|---|---|---|---|",
                       *("| " + " | ".join(r) + " |" for r in rows_md)])
    html = sortable_html(HEAD, rows_html)
    assert html.startswith(BEGIN + "\n") and html.endswith("\n" + END)
    assert html[len(BEGIN) + 1:-len(END) - 1] == converted(sortable(table))


def test_a_prerendered_table_counts_its_header_and_rows_for_the_long_page_sizing() -> None:
    assert 'style="--r:3"' in sortable_html(HEAD, [["a", "", "b", "c"], ["d", "e", "", "f"]])
