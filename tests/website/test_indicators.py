"""The indicators on the built site: quotes, permalinks, pages, charts, downloads."""

from __future__ import annotations

import csv
import gzip
import io
import json
import lzma
import re
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.indicators import FIELDS, extract_corpus
from builder.pages.data_files import plain_text
from builder.search.packed import compress

from .sitebuild import REPO, BuiltSite


@pytest.fixture(scope="module")
def records(built_site: BuiltSite) -> list:
    return extract_corpus(built_site.corpus)


def test_every_quote_is_verbatim_in_its_documents_plain_text(built_site: BuiltSite, records: list) -> None:
    assert records
    texts = {d.id: plain_text(d) for d in built_site.corpus.documents}  # each document's .txt
    for r in records:
        assert r.quote in texts[r.doc_id], r


def test_every_anchor_resolves_on_the_built_site(built_site: BuiltSite, records: list) -> None:
    pages: dict[str, str] = {}
    for r in records:
        url, _, anchor = r.permalink().partition("#")
        html = pages.setdefault(url, built_site.html(url.rstrip("/")).read_text(encoding="utf-8"))
        assert f'id="{anchor}"' in html, r.permalink()


def test_document_page_lists_its_indicators_linking_to_paragraphs(built_site: BuiltSite) -> None:
    html = built_site.html("documents/lishi-2021-gongzuobaogao").read_text(encoding="utf-8")
    assert 'id="indicators"' in html
    section = html[html.index('id="indicators"'):]
    assert 'href="#p-41"' in section
    assert "与上年持平" in section


def test_a_source_link_has_a_title_only_where_its_text_cuts_the_quote(built_site: BuiltSite) -> None:
    """The document's indicator table: ``¶p-41 quote`` shows the first 23 characters and "…" of a
    longer quote, whose whole text is then the link's title; a short quote is shown whole, no title."""
    html = built_site.html("documents/lishi-2021-shisiwu-guihua-gangyao").read_text(encoding="utf-8")
    links = re.findall(r'<a href="#p-\d+"( title="[^"]*")?>¶p-\d+ ([^<]*)</a>', html)
    assert any(t for t, _ in links) and any(not t for t, _ in links)
    for t, text in links:
        assert bool(t) == text.endswith("…"), (t, text)


def test_numbers_are_marked_in_the_text(built_site: BuiltSite) -> None:
    html = built_site.html("documents/lishi-2021-gongzuobaogao").read_text(encoding="utf-8")
    marks = re.findall(r'<a class="ind-mark" href="([^"]+)">([^<]+)</a>', html)
    assert ("../../indicators/gdp/target-2021/", "10%左右") in marks


def test_table_cells_are_marked(built_site: BuiltSite) -> None:
    html = built_site.html("documents/lishi-2021-shisiwu-guihua-gangyao").read_text(encoding="utf-8")
    assert re.search(r'<td[^>]*><a class="ind-mark" href="../../indicators/gdp/target-2025/">255</a></td>', html)


class _Marks(HTMLParser):
    """A document page's indicator marks with the paragraph each belongs to (a mark in a 专栏 table:
    the paragraph before the table), and the rows of its indicator table: (name link, figure, 出处)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []  # {"href", "anchor", "attrs"}
        self.rows: list[list[dict]] = []  # per row, per cell {"text", "href"} (its first link)
        self.paragraph = ""
        self.in_ind_table = 0
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "p" and re.fullmatch(r"p-\d+", a.get("id", "")):
            self.paragraph = a["id"]
        if tag == "a" and "ind-mark" in a.get("class", "").split():
            self.marks.append({"href": a.get("href", ""), "anchor": self.paragraph, "attrs": a})
        if tag == "div":
            self.depth += 1
            if "ind-table" in a.get("class", "").split():
                self.in_ind_table = self.depth
        if self.in_ind_table and tag == "tr":
            self.rows.append([])
        if self.in_ind_table and tag == "td":
            self.rows[-1].append({"text": "", "href": ""})
        if self.in_ind_table and tag == "a" and self.rows and self.rows[-1] and not self.rows[-1][-1]["href"]:
            self.rows[-1][-1]["href"] = a.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            if self.depth == self.in_ind_table:
                self.in_ind_table = 0
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_ind_table and self.rows and self.rows[-1]:
            self.rows[-1][-1]["text"] += data


def test_a_mark_names_what_it_is_through_the_pages_indicator_table(built_site: BuiltSite) -> None:
    """No title on a mark: glossary.js finds the row linking to the same period page whose 出处 is
    the mark's paragraph, and shows its name, period and reading. Every mark must have that row."""
    total = 0
    for doc in built_site.corpus.documents:
        page = _Marks()
        page.feed(built_site.html(f"documents/{doc.id}").read_text(encoding="utf-8"))
        rows = {(r[0]["href"], r[-1]["href"]) for r in page.rows if len(r) == 4}
        for mark in page.marks:
            assert set(mark["attrs"]) == {"class", "href"}, mark  # no title: one tooltip, the popup's
            assert (mark["href"], f"#{mark['anchor']}") in rows, (doc.id, mark)
        total += len(page.marks)
    assert total > 500


def _chart_of(built_site: BuiltSite, url: str) -> list[ET.Element]:
    html = built_site.html(url).read_text(encoding="utf-8")
    assert '<figure class="bar-chart"' in html, f"no chart on {url}"  # drawn in the page (html_chart)
    srcs = re.findall(r'<a class="chart-download" href="([^"]+\.svg)"', html)  # the same chart as SVG
    assert srcs, f"no chart download on {url}"
    base = built_site.site / url
    return [ET.parse(base / s).getroot() for s in srcs]


def test_a_period_page_compares_regions_with_a_chart(built_site: BuiltSite) -> None:
    html = built_site.html("indicators/gdp/target-2021").read_text(encoding="utf-8")
    for region in ("离石区", "孝义市", "朔州市", "盐湖区"):
        assert region in html
    svg = _chart_of(built_site, "indicators/gdp/target-2021")[0]
    assert svg.tag.endswith("svg")
    texts = "".join(svg.itertext())
    assert "吕梁市" in texts and "离石区" in texts and "增长10%左右" in texts


def _panel(built_site: BuiltSite) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(built_site.data("indicator_panel.csv.gz"))))


def _table_rows(html: str) -> list[str]:
    """The body rows of the page's sortable tables (``.ind-table``)."""
    tables = re.findall(r'<div class="ind-table".*?</table>', html, re.S)
    return [row for t in tables for row in re.findall(r"<tr>.*?</tr>", t.split("<tbody>", 1)[-1], re.S)]


def test_a_period_page_holds_only_that_periods_records(built_site: BuiltSite) -> None:
    """indicators/gdp/target-2021/ has a row per 2021 GDP target, each linking to its paragraph,
    and no other period's: a page's size follows the regions of one period, not the corpus."""
    panel = _panel(built_site)
    for kind, period in (("target", "2021"), ("actual", "2020")):
        mine = [r for r in panel if (r["indicator_id"], r["kind"], r["period"]) == ("gdp", kind, period)]
        rows = _table_rows(built_site.html(f"indicators/gdp/{kind}-{period}").read_text(encoding="utf-8"))
        assert len(rows) == len(mine) > 5
        cited = {m for row in rows for m in re.findall(r'href="[./]*(documents/[^"]+/#[ph]-[\w-]+)"', row)}
        assert cited == {r["permalink"] for r in mine}


def test_the_indicator_page_lists_every_period_newest_first_and_holds_no_figures(built_site: BuiltSite) -> None:
    panel = [r for r in _panel(built_site) if r["indicator_id"] == "gdp"]
    html = built_site.html("indicators/gdp").read_text(encoding="utf-8")
    linked = re.findall(r'href="((?:target|actual|levels|attainment)-[\d-]+)/"', html)
    assert {f"{r['kind']}-{r['period']}" for r in panel} <= set(linked)
    assert {"levels-2021", "attainment-2020"} <= set(linked)
    years = [int(p.rsplit("-", 1)[-1]) for p in linked]
    assert years == sorted(years, reverse=True)
    targets = [r for r in panel if (r["kind"], r["period"]) == ("target", "2021")]
    assert f'{len({r["region"] for r in targets})} 个地区，{len(targets)} 条' in html  # how many regions, figures
    assert "documents/" not in html and "bar-chart" not in html  # no record's row, no chart


def test_every_period_page_links_its_neighbours_and_the_overview(built_site: BuiltSite) -> None:
    """From the newest year's targets, 较早 walks every year's targets, oldest last."""
    years = sorted({int(r["period"]) for r in _panel(built_site)
                    if (r["indicator_id"], r["kind"]) == ("gdp", "target") and r["period"].isdigit()}, reverse=True)
    seen = []
    at: str | None = f"target-{years[0]}"
    while at:
        html = built_site.html(f"indicators/gdp/{at}").read_text(encoding="utf-8")
        assert 'href="../">← 地区生产总值：全部时期' in html
        seen.append(int(at.split("-")[1]))
        older = re.search(r'较早：<a href="../(target-\d+)/"', html)
        at = older.group(1) if older else None
    assert seen == years
    levels = built_site.html("indicators/gdp/levels-2021").read_text(encoding="utf-8")
    assert 'href="../target-2021/"' in levels


def test_no_link_points_at_an_indicator_pages_old_section(built_site: BuiltSite) -> None:
    """The periods were sections of one page (indicators/gdp/#target-2021); every link now
    goes to the period's own page, and the nav lists none of them."""
    old = re.compile(r'href="[^"]*indicators/[\w-]+/#(?:target|actual|levels|attainment)')
    linking = [str(p.relative_to(built_site.site)) for p in built_site.site.rglob("*.html")
               if old.search(p.read_text(encoding="utf-8"))]
    assert linking == []
    nav = (built_site.docs / ".nav.yml").read_text(encoding="utf-8")
    assert "indicators/gdp.md" in nav
    assert not re.search(r"indicators/[\w-]+/(?:target|actual|levels|attainment)-", nav)


def test_overview_shows_coverage_and_target_against_result(built_site: BuiltSite) -> None:
    html = built_site.html("indicators").read_text(encoding="utf-8")
    assert 'id="coverage"' in html and 'id="target-vs-actual"' in html
    assert _chart_of(built_site, "indicators")


def test_charts_make_no_request(built_site: BuiltSite) -> None:
    for svg in (built_site.site / "indicators" / "charts").glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "href" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", ""), svg


#: The record fields under the panel's names (``builder.pages.indicator_panel``).
PANEL_NAME = {"indicator": "indicator_id", "anchor": "permalink"}


def test_the_panel_is_the_one_file_of_the_records_besides_the_database(built_site: BuiltSite) -> None:
    """The records once as CSV (the panel) and once in the SQLite file: no records CSV, no JSON copy."""
    data = built_site.site / "data"
    assert sorted(p.name for p in data.glob("*.csv*")) == ["indicator_panel.csv.gz"]
    assert not list(data.glob("indicators.*"))


def test_the_panel_csv_carries_every_record_field(built_site: BuiltSite, records: list) -> None:
    rows = list(csv.DictReader(io.StringIO(built_site.data("indicator_panel.csv.gz"))))
    assert {PANEL_NAME.get(f, f) for f in FIELDS} <= set(rows[0])
    assert len(rows) == len(records)
    for row in rows:
        for k in ("value", "growth_pct"):
            assert row[k] == "" or float(row[k]) == float(row[k])
        assert re.fullmatch(r"documents/[a-z0-9-]+/#[ph]-[\w-]+", row["permalink"])


def test_the_panel_holds_every_value_the_records_json_held(built_site: BuiltSite, records: list) -> None:
    """What ``indicators.json`` published (``Record.as_row``), cell for cell, in the same order: a
    null is the empty cell, a boolean ``true``/``false`` (``datapackage.json`` says so)."""
    rows = list(csv.DictReader(io.StringIO(built_site.data("indicator_panel.csv.gz"))))
    cell = {None: "", True: "true", False: "false"}
    assert [{f: row[PANEL_NAME.get(f, f)] for f in FIELDS} for row in rows] == [
        {f: cell.get(v, v) if isinstance(v, bool | None) else str(v) for f, v in r.as_row().items()}
        for r in records]


def test_datapackage_describes_every_download(built_site: BuiltSite) -> None:
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    assert set(resources) == {"indicator_panel.csv.gz", "documents.json.gz", "glossary.json.gz",
                              "edition.sqlite.xz"}
    for path in resources:
        assert (built_site.site / "data" / path).exists()
    html = built_site.html("indicators").read_text(encoding="utf-8")
    assert "../data/datapackage.json" in html and "../data/indicator_panel.csv.gz" in html
    assert "indicators.csv" not in html and "indicators.json" not in html


def test_every_bulk_download_is_published_compressed(built_site: BuiltSite) -> None:
    """Under ``data/`` only the package and jieba's dictionary (read by ``jieba.load_userdict`` as it is)
    are plain; every other file is a ``.gz`` (the SQLite file an ``.xz``) the data package describes.
    No per-document ``.txt`` is stored: the document page makes it (test_text_download_browser.py)."""
    data = built_site.site / "data"
    plain = {p.name for p in data.iterdir() if p.suffix not in (".gz", ".xz")}
    assert plain == {"datapackage.json", "jieba-userdict.txt"}
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert {p.name for p in [*data.glob("*.gz"), *data.glob("*.xz")]} == {r["path"] for r in package["resources"]}


#: What each ``compression`` of the package is, by its magic number and its reader.
_UNPACK = {"gz": (b"\x1f\x8b", gzip.decompress), "xz": (b"\xfd7zXZ\x00", lzma.decompress)}


def test_every_compressed_download_says_so_and_unpacks_to_its_format(built_site: BuiltSite) -> None:
    """``compression: gz`` (the Data Package recipe) with a gzip header with no time stamp (the same
    edition, the same bytes), or ``xz`` for the SQLite file; inside, the format the resource names."""
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for r in package["resources"]:
        raw = (built_site.site / "data" / r["path"]).read_bytes()
        magic, unpack = _UNPACK[r["compression"]]
        assert r["path"].endswith("." + r["compression"]) and raw.startswith(magic), r["path"]
        if r["compression"] == "gz":
            assert raw[4:8] == bytes(4), r["path"]
        inner = unpack(raw)
        if r["format"] == "json":
            json.loads(inner)
        elif r["format"] == "csv":
            assert next(csv.reader(io.StringIO(inner.decode("utf-8")))) == [
                f["name"] for f in r["schema"]["fields"]]
        else:
            assert r["compression"] == "xz" and inner[:16] == b"SQLite format 3\x00"


def test_the_documents_index_lists_every_document_with_its_page_and_corpus_file(built_site: BuiltSite) -> None:
    records = json.loads(built_site.data("documents.json.gz"))["documents"]
    assert [r["id"] for r in records] == [d.id for d in built_site.corpus.documents]
    assert all((built_site.site / r["page"] / "index.html").exists() for r in records)
    assert all(r["corpus_file"].endswith(f"/blob/main/corpus/documents/{r['id']}.md") for r in records)
    home = built_site.html("").read_text(encoding="utf-8")
    assert 'href="data/documents.json.gz"' in home


def test_indicator_page_defines_the_indicator_with_its_source(built_site: BuiltSite) -> None:
    """财政总收入 includes the taxes handed up; the page says so, and whose explanation it is."""
    html = built_site.html("indicators/fiscal-revenue").read_text(encoding="utf-8")
    assert "释义" in html and "上划中央" in html and "编者释义" in html
    gdp = built_site.html("indicators/gdp").read_text(encoding="utf-8")
    assert "国家统计局" in gdp and "Gross regional product" in gdp


def test_indicator_table_notes_a_narrower_scope_and_an_increase(built_site: BuiltSite) -> None:
    """榆社 p-19 is the 开发区's target; 榆社 p-17 “地区生产总值净增7.22亿元” reads as an increase."""
    iva = built_site.html("indicators/industrial-value-added/target-2021").read_text(encoding="utf-8")
    assert "范围：开发区" in iva
    gdp = built_site.html("indicators/gdp/target-2021").read_text(encoding="utf-8")
    assert "净增7.22" in gdp


def test_downloads_carry_the_research_fields(built_site: BuiltSite) -> None:
    rows = list(csv.DictReader(io.StringIO(built_site.data("indicator_panel.csv.gz"))))
    yushe = [r for r in rows if r["permalink"] == "documents/yushe-2021-gongzuobaogao/#p-19"
             and r["indicator_id"] == "industrial-value-added"]
    assert [(r["scope"], r["qualifier_class"]) for r in yushe] == [("开发区", "floor")]
    assert {r["cumulative"] for r in rows} == {"true", "false"}


def test_escalation_from_the_centre_to_the_counties(built_site: BuiltSite) -> None:
    """吕梁市 8%以上 against 离石 10%左右, 文水 10%以上, 孝义 8%; the State Council's 6%以上 marked outside."""
    html = built_site.html("indicators/gdp/levels-2021").read_text(encoding="utf-8")
    section = html[html.index("<table"):]
    section = section[:section.index("</table>")]
    assert "语料外" in section and "2021年国务院政府工作报告" in section and "增长6%以上" in section
    for region, figure in (("吕梁市", "增长8%以上"), ("离石区", "增长10%左右"), ("文水县", "增长10%以上"),
                           ("孝义市", "增长8%")):
        assert re.search(rf"{region}.*?{figure}", section, re.S), region
    assert "documents/lvliang-2021-gongzuobaogao/#p-37" in section


def test_target_matrix_says_what_was_not_stated(built_site: BuiltSite) -> None:
    index = built_site.html("indicators/targets-2021").read_text(encoding="utf-8")
    assert "lvliang/" in index
    html = built_site.html("indicators/targets-2021/yuncheng").read_text(encoding="utf-8")
    assert "盐湖区" in html and "仅定性" in html and "与GDP增速基本同步" in html
    pages = [built_site.html(f"indicators/targets-2021/{p}").read_text(encoding="utf-8")
             for p in ("lvliang", "yuncheng", "jinzhong", "xinzhou", "linfen", "shuozhou")]
    assert any("未提出" in p for p in pages)


def test_target_against_outcome_on_the_periods_attainment_page(built_site: BuiltSite) -> None:
    """离石 专栏1: 社会消费品零售总额 reached 68.05亿元 against a target of 100亿元 for 2020."""
    html = built_site.html("indicators/retail-sales/attainment-2020").read_text(encoding="utf-8")
    section = html[html.index("<table"):]
    assert "68.05亿元" in section and "100亿元" in section and "68.0%" in section


def test_panel_csv_has_the_research_columns(built_site: BuiltSite) -> None:
    from builder.pages.indicator_panel import PANEL_FIELDS
    rows = list(csv.DictReader(io.StringIO(built_site.data("indicator_panel.csv.gz"))))
    assert tuple(rows[0]) == tuple(PANEL_FIELDS)
    yushe = [r for r in rows if r["region_code"] == "140721" and r["indicator_id"] == "gdp" and r["kind"] == "target"
             and r["period"] == "2021"]
    assert [(r["value"], r["value_kind"], r["prefecture_code"], r["indicator_en"][:5]) for r in yushe] == [
        ("7.22", "increase", "140700", "Gross")]
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    panel = next(r for r in package["resources"] if r["path"] == "indicator_panel.csv.gz")
    assert [f["name"] for f in panel["schema"]["fields"]] == list(PANEL_FIELDS)
    assert all(f["description"] for f in panel["schema"]["fields"])


def _containing(built_site: BuiltSite, phrase: str) -> set[tuple[str, int]]:
    return {(d.id, i) for d in built_site.corpus.documents for i, b in enumerate(d.blocks) if phrase in b.plain_text}


@pytest.fixture(scope="module")
def edition_file(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published ``edition.sqlite.xz`` as a researcher unpacks it (``unxz``)."""
    path = tmp_path_factory.mktemp("edition") / "edition.sqlite"
    path.write_bytes(lzma.decompress((built_site.site / "data" / "edition.sqlite.xz").read_bytes()))
    return path


def _edition_db(edition_file: Path, tmp_path: Path | None = None) -> sqlite3.Connection:
    """The unpacked file, or (``tmp_path``) a copy of it to change."""
    return sqlite3.connect(shutil.copy(edition_file, tmp_path / "edition.sqlite") if tmp_path else edition_file)


def test_sqlite_is_published_xz_compressed_and_the_same_edition_gives_the_same_bytes(built_site: BuiltSite) -> None:
    from builder.pages.edition_db import XZ_PRESET
    data = (built_site.site / "data" / "edition.sqlite.xz").read_bytes()
    assert data[:6] == b"\xfd7zXZ\x00"  # xz magic (the format has no time stamp)
    plain = lzma.decompress(data)
    assert plain[:16] == b"SQLite format 3\x00"
    assert lzma.compress(plain, format=lzma.FORMAT_XZ, preset=XZ_PRESET) == data
    assert not (built_site.site / "data" / "edition.sqlite").exists()
    assert not (built_site.site / "data" / "edition.sqlite.gz").exists()


def test_sqlite_xz_is_a_fifth_smaller_than_the_same_file_gzip_compressed(built_site: BuiltSite,
                                                                          edition_file: Path) -> None:
    """Why the file is xz, not gzip as the other downloads (``builder.pages.edition_db``): on the
    real documents, 310 KB against 411 KB."""
    published = (built_site.site / "data" / "edition.sqlite.xz").stat().st_size
    assert published < 0.8 * len(compress(edition_file.read_bytes()))


def test_sqlite_is_stored_in_the_largest_pages(edition_file: Path) -> None:
    """64 KB pages: fewer page headers and half-filled pages to compress (``PAGE_SIZE``)."""
    from builder.pages.edition_db import PAGE_SIZE
    with closing(_edition_db(edition_file)) as db:
        assert db.execute("PRAGMA page_size").fetchone() == (PAGE_SIZE,) == (65536,)


def test_sqlite_ships_no_full_text_index(edition_file: Path) -> None:
    """The index was half the file's bytes; the researcher builds it (``FTS_SQL``)."""
    with closing(_edition_db(edition_file)) as db:
        names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    assert "paragraphs" in names
    assert not [n for n in names if "fts" in n or "grams" in n]


def test_sqlite_instr_finds_exactly_the_paragraphs_containing_a_short_phrase(built_site: BuiltSite,
                                                                            edition_file: Path) -> None:
    with closing(_edition_db(edition_file)) as db:
        got = set(db.execute("SELECT doc_id, position FROM paragraphs WHERE instr(text, ?) > 0", ("六新",)))
    assert got == _containing(built_site, "六新") and len(got) > 3


def test_sqlite_documented_command_builds_a_full_text_index(built_site: BuiltSite, edition_file: Path,
                                                            tmp_path: Path) -> None:
    """``FTS_SQL``, quoted in the README and datapackage.json, makes a trigram index over the
    shipped text that finds exactly the paragraphs containing a phrase."""
    from builder.pages.edition_db import FTS_SQL
    assert FTS_SQL in (REPO / "README.md").read_text(encoding="utf-8")
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert FTS_SQL in next(r for r in package["resources"] if r["path"] == "edition.sqlite.xz")["description"]
    five = "转型出雏型"
    with closing(_edition_db(edition_file, tmp_path)) as db:
        db.executescript(FTS_SQL)
        got = set(db.execute("SELECT p.doc_id, p.position FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid "
                             "WHERE paragraphs_fts MATCH ?", (f'"{five}"',)))
    assert got == _containing(built_site, five) and len(got) > 3


def test_sqlite_holds_records_targets_and_occurrences(edition_file: Path) -> None:
    with closing(_edition_db(edition_file)) as db:
        [(permalink,)] = db.execute("SELECT permalink FROM indicator_records WHERE region = '榆社县' "
                                    "AND indicator_id = 'industrial-value-added' AND scope = '开发区'")
        assert permalink == "documents/yushe-2021-gongzuobaogao/#p-19"
        assert db.execute("SELECT count(*) FROM glossary_occurrences").fetchone()[0] > 0
        assert db.execute("SELECT source FROM parent_targets WHERE indicator_id = 'gdp'").fetchone()[0]


def test_sqlite_occurrences_view_cuts_each_sentence_from_its_paragraph(built_site: BuiltSite,
                                                                        edition_file: Path) -> None:
    """``glossary_occurrences`` is a view: each use's sentence is ``substr`` of the text in
    ``paragraphs`` (table cells included), none stored a second time, and each value is the one
    the glossary pages show."""
    from builder.corpus.glossary import load_glossary
    from builder.glossary.occurrences import find_occurrences
    from builder.pages.edition_db import _permalink
    occurrences = find_occurrences(built_site.corpus, load_glossary(built_site.corpus.root))
    assert any(o.cell for o in occurrences) and any(not o.cell for o in occurrences)
    with closing(_edition_db(edition_file)) as db:
        got = db.execute("SELECT term_id, sense_key, doc_id, anchor, form, context, permalink "
                         "FROM glossary_occurrences").fetchall()
        [(kind,)] = db.execute("SELECT type FROM sqlite_master WHERE name = 'glossary_occurrences'")
        stored = db.execute("SELECT count(*) FROM glossary_occurrence_rows WHERE context_text IS NOT NULL")
        assert kind == "view" and stored.fetchone() == (0,)
    assert got == [(o.term_id, o.sense, o.doc_id, o.anchor, o.form, o.context, _permalink(o.doc_id, o.anchor))
                   for o in occurrences]
