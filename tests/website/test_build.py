"""The build command: deterministic output, atomic swap, untrusted text stays text."""

from __future__ import annotations

import filecmp
import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from builder.corpus.load import load_corpus
from builder.corpus.model import Block
from builder.pages.data_files import plain_text
from builder.pages.markdown import inline, table
from builder.pages.settings import load_settings
from builder.pages.site import generate

from .sitebuild import FIXTURE_CORPUS, REPO, BuiltSite, site_corpus_root

#: Files MkDocs stamps by itself: every sitemap ``<lastmod>`` is the build date
#: (two builds on either side of midnight differ; SOURCE_DATE_EPOCH pins it).
#: Everything else must come out byte-identical.
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}


def _differences(a: Path, b: Path) -> list[str]:
    """Relative paths that differ or exist on one side only."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files)
        out.extend(prefix + n for n in cmp.funny_files)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return sorted(out)


def _shallow_off(a: Path, b: Path) -> list[str]:
    """Byte-compare every file (dircmp alone trusts size and mtime)."""
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return [str(f) for f in files if (b / f).read_bytes() != (a / f).read_bytes()]


def test_builds_are_deterministic(built_site: BuiltSite, site_builder: Callable[..., BuiltSite],
                                  tmp_path: Path) -> None:
    again = site_builder(tmp_path / "site-b", site_corpus_root())
    assert not _differences(built_site.docs, again.docs)
    assert not _shallow_off(built_site.docs, again.docs), "generated docs differ between builds"
    changed = set(_differences(built_site.site, again.site)) | set(
        _shallow_off(built_site.site, again.site))
    assert changed <= STAMPED, f"site differs beyond what MkDocs stamps: {sorted(changed)}"


def test_failed_build_keeps_last_good_output(site_builder: Callable[..., BuiltSite],
                                             tmp_path: Path) -> None:
    good = site_builder(tmp_path, FIXTURE_CORPUS, mkdocs=False)
    before = {p: p.read_bytes() for p in good.docs.rglob("*") if p.is_file()}
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURE_CORPUS, broken)
    doc = next((broken / "documents").glob("*.md"))
    doc.write_text(doc.read_text("utf-8").replace("doc_type: 政府工作报告", "doc_type: 未知"),
                   "utf-8")
    with pytest.raises(AssertionError, match="doc_type: input should be"):
        site_builder(tmp_path, broken, mkdocs=False)
    after = {p: p.read_bytes() for p in good.docs.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _render(md_text: str) -> str:
    """Markdown to HTML with the extensions the site uses (taken from mkdocs.yml)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        name, options = next(iter(ext.items())) if isinstance(ext, dict) else (ext, {})
        names.append(name)
        configs[name] = options or {}
    return markdown.markdown(md_text, extensions=names, extension_configs=configs)


HOSTILE = ('<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil.example/i.png) '
           '&amp; {: onclick="alert(1)" }')


@pytest.mark.parametrize("text", [HOSTILE, "# 不是标题", "1. 不是列表", "- 不是列表", "---"])
def test_untrusted_text_stays_text(text: str) -> None:
    tags: list[tuple[str, list]] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, attrs))  # type: ignore[method-assign]
    parser.feed(_render(f"{inline(text)}\n{{: #p-1 }}"))
    assert tags == [("p", [("id", "p-1")])]


def test_fixture_document_page(tmp_path: Path) -> None:
    """Anchors, permalinks, table, metadata and links of the fixture document."""
    corpus = load_corpus(FIXTURE_CORPUS)
    files = generate(corpus, load_settings(REPO / "mkdocs.yml"))
    page = files["documents/lishi-2021-gongzuobaogao.md"]
    assert isinstance(page, str)
    html = _render(page)
    assert '<p id="p-6" style="--c:' in html and 'href="#p-6"' in html  # its length for reader.css
    assert '<h2 id="h-1">' in html and '<h3 id="h-2">' in html
    assert "<strong>必须</strong>" in html
    assert "<table>" in html and "<td>154.7</td>" in html
    table = re.search(r'<div class="corpus-table"[^>]*>', html).group(0)
    assert 'data-label-col="3"' in table and 'id="t-1"' in table  # 指标, the longest texts; its id for 原文
    assert re.search(r'data-num="[^"]*\b5\b', table)  # figures align right by column (edition.css)
    assert "[../regions/index.md]" not in page and "](../regions/lvliang/index.md)" in page
    assert "/edit/main/corpus/documents/lishi-2021-gongzuobaogao.md" in page
    assert "https://shanxi-reports.github.io/shanxi-reports/documents/lishi-2021-gongzuobaogao/" \
        in page
    assert 'data-text-download="lishi-2021-gongzuobaogao.txt"' in html  # made in the browser from the page
    assert not [name for name in files if name.startswith("data/texts/")]  # so not stored
    text = plain_text(next(d for d in corpus.documents if d.id == "lishi-2021-gongzuobaogao"))
    assert text.startswith("吕梁市离石区2021年政府工作报告\n\n")
    assert "{#" not in text and "**" not in text and "|" not in text
    assert "\n\n[p-6] 2020年，是离石发展史上极不平凡的一年。" in text  # the permalink's number, to cite offline


def test_a_blank_table_header_continues_the_one_before_it() -> None:
    """A 专栏's 规划目标 over its level and growth columns: one header spanning both, so
    that no cell stands under a blank header (axe: td-has-header)."""
    rows = (("指标", "规划目标", "", "属性"), ("", "2025年", "年均增长", ""),
            ("地区生产总值（亿元）", "210", "8", "预期性"))
    html = table(Block(kind="table", text="", anchor="", line=1, rows=rows))
    head = html[html.index("<thead>"):html.index("</thead>")]
    assert re.findall(r"<th(?: [^>]*)?>", head) == ["<th>", '<th colspan="2">', "<th>"]


def test_a_short_table_row_is_filled_out_with_cells_the_text_download_leaves_out() -> None:
    """Every row is as wide as the widest on the page; the cells added are marked data-pad with
    how many of their columns are filling, so the .txt made from the page (text-downloads.js)
    has the row as the corpus has it (data_files.plain_text)."""
    rows = (("指标", "2025年"), ("地区生产总值（亿元）", "210", "8"), ("增速",))
    html = table(Block(kind="table", text="", anchor="", line=1, rows=rows))

    def cells(part: str) -> list[tuple[str, str]]:  # (colspan, data-pad) of each cell
        tags = re.findall(r"<t[hd](?: [^>]*)?>", part)
        return [(m.group(1) if (m := re.search(r'colspan="(\d+)"', t)) else "1",
                 m.group(1) if (m := re.search(r'data-pad="(\d+)"', t)) else "0") for t in tags]
    assert cells(html[html.index("<thead>"):html.index("</thead>")]) == [("1", "0"), ("2", "1")]
    assert cells(html[html.rindex("<tr>"):]) == [("1", "0"), ("1", "1"), ("1", "1")]


def test_figures_align_right_by_column_not_by_cell() -> None:
    """The wrapper names the figure columns (data-num) and the stylesheet aligns them by place:
    no cell repeats it, except a header cell a spanning one moved onto a figure column's place."""
    rows = (("指标", "规划目标", "", "属性"), ("地区生产总值（亿元）", "210", "8", "预期性"),
            ("一般公共预算收入（亿元）", "12.5", "6", "预期性"))
    html = table(Block(kind="table", text="", anchor="", line=1, rows=rows))
    assert re.search(r'<div class="corpus-table"[^>]* data-num="2 3"', html)
    assert "<td>210</td>" in html and "<td>8</td>" in html
    head = html[html.index("<thead>"):html.index("</thead>")]
    # 属性 is the third header cell, on the place of the third column (a figure column): it says left
    assert re.findall(r"<th(?: [^>]*)?>", head) == ["<th>", '<th colspan="2">', '<th style="text-align: left;">']


class _Attributes(HTMLParser):
    """Every (tag, attribute) of a page, and the text of its script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: set[tuple[str, str]] = set()
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs |= {(tag, name) for name, _ in attrs}
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
            self._in_script = False


def test_hostile_corpus_builds_into_a_safe_page(site_builder: Callable[..., BuiltSite],
                                                tmp_path: Path) -> None:
    """HTML in title, congress and a paragraph of a pull request never becomes markup."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, corpus)
    doc = next((corpus / "documents").glob("*.md"))
    text = doc.read_text("utf-8")
    text = text.replace("title: 吕梁市离石区2021年政府工作报告",
                        'title: "离石<script>alert(1)</script>报告"')
    text = re.sub(r"(?m)^congress: .*$", 'congress: "<img src=x onerror=alert(1)>"', text)
    text = text.replace("各位代表： {#p-4}", "<b onclick=alert(1)>各位</b>代表 {: onclick=alert(1) } {#p-4}")
    assert text.count("alert(1)") == 4, "the fixture changed; update the injections"
    doc.write_text(text, "utf-8")
    site = site_builder(tmp_path / "out", corpus, check=False)
    for page in sorted(site.site.rglob("*.html")):
        parsed = _Attributes()
        parsed.feed(page.read_text("utf-8"))
        assert not {a for a in parsed.attrs if a[1] in ("onclick", "onerror")}, page
        assert not [s for s in parsed.scripts if "alert(1)" in s], page
        assert ("b", "onclick") not in parsed.attrs
