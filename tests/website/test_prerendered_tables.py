"""Tables the builder writes as HTML are the tables MkDocs made of their Markdown, and pre-rendered
blocks pass through MkDocs untouched.

A document page's 主要指标 table is pre-rendered (``indicator_pages.sortable_html``) so that
``mkdocs build`` need not parse a row per record; the page must stay the same to a reader and
to the scripts that read the table (the sort of ``indicators.js``, the mark popup of
``glossary.js``), so the HTML is the markup Python-Markdown writes for the same table.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
from markdown.preprocessors import Preprocessor

from builder.pages.indicator_pages import sortable, sortable_html
from builder.pages.prerendered import BEGIN, END, anchor_ids, wrap

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


def test_a_table_with_right_aligned_figures_and_an_empty_column_is_the_markup_markdown_made_of_it() -> None:
    """An indicator's period page: columns empty in every row dropped, figures aligned right by
    the wrapper (``data-num``), as ``sortable`` made of the Markdown table."""
    head = ["地区", "增速（%）", "水平", "原文出处"]
    rows = [["离石区", "10", "—", '<a href="../../documents/x/#p-3" title="增长10%">工作报告 ¶p-3</a>'],
            ["临县", "8.5", "—", '<a href="../../documents/y/#p-9" title="增长8.5%">工作报告 ¶p-9</a>']]
    table = "\n".join(["| 地区 | 增速（%） | 原文出处 |", "|---|---:|---|",
                       '| 离石区 | 10 | [工作报告 ¶p-3](../../documents/x/#p-3 "增长10%") |',
                       '| 临县 | 8.5 | [工作报告 ¶p-9](../../documents/y/#p-9 "增长8.5%") |'])
    html = sortable_html(head, rows, ["left", "right", "right", "left"], keep=(0,))
    assert html[len(BEGIN) + 1:-len(END) - 1] == converted(sortable(table))


def _markdown_with_a_probe(seen: list[str]) -> markdown.Markdown:
    """Markdown with the extension and a preprocessor where MkDocs' raw-HTML pass runs (21)."""
    class Probe(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            seen.extend(lines)
            return lines

    md = markdown.Markdown(extensions=["builder.pages.prerendered", "attr_list", "md_in_html", "tables"])
    md.preprocessors.register(Probe(md), "probe", 21)
    return md


def test_a_prerendered_block_comes_out_as_it_went_in_and_the_markdown_around_it_is_parsed() -> None:
    block = '<p id="p-1" style="--c:4">二是**坚持** <a class="para-link" href="#p-1">¶</a></p>'
    out = _markdown_with_a_probe([]).convert(f"# 标题\n\n{wrap(block)}\n\n正文 **加粗**")
    assert block in out  # not parsed: its ** stays as it is
    assert "<strong>加粗</strong>" in out and "<h1>标题</h1>" in out


def test_the_preprocessors_before_the_stash_see_only_the_blocks_ids() -> None:
    """MkDocs' raw-HTML pass reads a block for its ids alone (``validation: anchors``): it is
    given them as empty anchors, not the block's text."""
    seen: list[str] = []
    block = '<p id="p-1">甲</p>\n<table id="t-1"><tr><td><a name="n1">乙</a></td></tr></table>'
    _markdown_with_a_probe(seen).convert(wrap(block))
    assert '<a id="p-1"></a><a id="t-1"></a><a id="n1"></a>' in seen
    assert not [line for line in seen if "甲" in line or "乙" in line]


def test_a_blocks_ids_are_those_an_html_parser_finds() -> None:
    html = ("<p id=\"p-1\">x</p><span id='s&amp;1'></span><a name=top></a><div name=\"no\" data-id=\"x\"></div>"
            '<pre id=L3>id="fake" in text</pre>')

    found: list[str] = []

    class Ids(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v or "" for k, v in attrs if k == "id" or (k == "name" and tag == "a"))

    Ids().feed(html)
    assert anchor_ids(html) == found == ["p-1", "s&1", "top", "L3"]
