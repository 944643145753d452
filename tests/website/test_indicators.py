"""The indicators on the built site: quotes, permalinks, pages, charts, downloads."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from builder.indicators import FIELDS, extract_corpus

from .sitebuild import BuiltSite


@pytest.fixture(scope="module")
def records(built_site: BuiltSite) -> list:
    return extract_corpus(built_site.corpus)


def test_every_quote_is_verbatim_in_its_documents_plain_text(built_site: BuiltSite, records: list) -> None:
    assert records
    for r in records:
        text = (built_site.site / "data" / "texts" / f"{r.doc_id}.txt").read_text(encoding="utf-8")
        assert r.quote in text, r


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


def test_numbers_are_marked_in_the_text(built_site: BuiltSite) -> None:
    html = built_site.html("documents/lishi-2021-gongzuobaogao").read_text(encoding="utf-8")
    marks = re.findall(r'<a class="ind-mark" href="([^"]+)" title="([^"]+)">([^<]+)</a>', html)
    assert ("../../indicators/gdp/", "地区生产总值 · 2021年目标 · 增长10%左右", "10%左右") in marks


def test_table_cells_are_marked(built_site: BuiltSite) -> None:
    html = built_site.html("documents/lishi-2021-shisiwu-guihua-gangyao").read_text(encoding="utf-8")
    assert re.search(r'<td[^>]*><a class="ind-mark" [^>]*title="地区生产总值 · 2025年目标[^"]*">255</a></td>', html)


def _chart_of(built_site: BuiltSite, url: str) -> list[ET.Element]:
    html = built_site.html(url).read_text(encoding="utf-8")
    assert '<figure class="bar-chart"' in html, f"no chart on {url}"  # drawn in the page (html_chart)
    srcs = re.findall(r'<a class="chart-download" href="([^"]+\.svg)"', html)  # the same chart as SVG
    assert srcs, f"no chart download on {url}"
    base = built_site.site / url
    return [ET.parse(base / s).getroot() for s in srcs]


def test_indicator_page_compares_regions_with_a_chart(built_site: BuiltSite) -> None:
    html = built_site.html("indicators/gdp").read_text(encoding="utf-8")
    for region in ("离石区", "孝义市", "朔州市", "盐湖区"):
        assert region in html
    assert 'id="target-2021"' in html and 'id="actual-2020"' in html
    svg = _chart_of(built_site, "indicators/gdp")[0]
    assert svg.tag.endswith("svg")
    texts = "".join(svg.itertext())
    assert "吕梁市" in texts and "离石区" in texts and "增长10%左右" in texts


def test_overview_shows_coverage_and_target_against_result(built_site: BuiltSite) -> None:
    html = built_site.html("indicators").read_text(encoding="utf-8")
    assert 'id="coverage"' in html and 'id="target-vs-actual"' in html
    assert _chart_of(built_site, "indicators")


def test_charts_make_no_request(built_site: BuiltSite) -> None:
    for svg in (built_site.site / "indicators" / "charts").glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "href" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", ""), svg


def test_csv_has_exactly_the_record_fields(built_site: BuiltSite, records: list) -> None:
    text = (built_site.site / "data" / "indicators.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == FIELDS
    assert len(rows) == len(records)
    for row in rows:
        for k in ("value", "growth_pct"):
            assert row[k] == "" or float(row[k]) == float(row[k])
        assert re.fullmatch(r"documents/[a-z0-9-]+/#[ph]-[\w-]+", row["anchor"])


def test_json_has_exactly_the_record_fields(built_site: BuiltSite, records: list) -> None:
    data = json.loads((built_site.site / "data" / "indicators.json").read_text(encoding="utf-8"))
    assert len(data) == len(records)
    for item in data:
        assert tuple(item) == FIELDS
        assert all(item[k] is None or isinstance(item[k], int | float) for k in ("value", "growth_pct"))


def test_datapackage_describes_both_files(built_site: BuiltSite) -> None:
    package = json.loads((built_site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    assert set(resources) == {"indicators.csv", "indicators.json"}
    for r in resources.values():
        assert [f["name"] for f in r["schema"]["fields"]] == list(FIELDS)
        assert (built_site.site / "data" / r["path"]).exists()
    html = built_site.html("indicators").read_text(encoding="utf-8")
    assert "../data/datapackage.json" in html and "../data/indicators.csv" in html
