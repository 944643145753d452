"""The three reader tasks of issue 17, tapped on a phone from the home page.

The issue asks how many taps each task takes from the phone home page, three or
fewer being the aim: (a) the permalink of 吕梁's 2021 GDP-target paragraph on the
clipboard; (b) what 三零 means and where else it occurs; (c) every region's 2021
GDP growth target side by side. Each test opens the home page at 375 px on a
touch screen and goes the way a first-time reader would, by links they can see
(no address typed); ``Taps`` taps and counts. Focusing the search box is a tap;
typing the query and pressing Enter are not. What each task must end with is
read from the site's own data (``data/indicator_panel.csv.gz``, ``data/glossary.json.gz``),
so a test fails if the path reaches the wrong paragraph, sense or regions.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from builder.pages.settings import load_settings

from .browsing import SCREENSHOTS, WIDTHS, Page, Visit, playwright_api
from .sitebuild import REPO, BuiltSite

pytestmark = pytest.mark.browser

Locator = playwright_api.Locator

#: The aim of the issue: each task in three taps or fewer from the home page.
MOST_TAPS = 3


class Taps:
    """The taps of one task: ``taps(target)`` taps what the reader sees and counts it."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, target: Locator) -> None:
        target.tap()
        self.count += 1


def phone_home(visit: Callable[..., Visit], server: str) -> tuple[Visit, Page, Taps]:
    """The home page on a 375 px touch screen, and a tap counter at zero."""
    v = visit(WIDTHS["phone"], touch=True)
    return v, v.open(server), Taps()


def clean(v: Visit) -> None:
    assert not v.errors, f"console errors: {v.errors}"
    assert not v.foreign, f"requests to other hosts: {v.foreign}"


def gdp_targets_2021(built_site: BuiltSite) -> list[dict[str, str]]:
    """The records of a 2021 GDP target, one per statement (a growth rate or an amount)."""
    return [r for r in csv.DictReader(io.StringIO(built_site.data("indicator_panel.csv.gz")))
            if r["indicator_id"] == "gdp" and r["kind"] == "target" and r["period"] == "2021"]


def term_data(built_site: BuiltSite, term: str) -> dict:
    terms = json.loads(built_site.data("glossary.json.gz"))
    return next(t for t in terms if t["term"] == term)


def test_lvliangs_gdp_target_permalink_is_on_the_clipboard_in_three_taps(
        server: str, visit: Callable[..., Visit], built_site: BuiltSite) -> None:
    """文件 card's 吕梁市 › the region page's 主要数字, 地区生产总值's 2021 target › that paragraph's ¶."""
    record = next(r for r in gdp_targets_2021(built_site) if r["region"] == "吕梁市")
    anchor = record["permalink"].rpartition("#")[2]
    assert anchor.startswith("p-"), record["permalink"]
    v, page, taps = phone_home(visit, server)
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    taps(page.locator(".home-doors").get_by_role("link", name="吕梁市", exact=True))
    page.wait_for_url("**/regions/lvliang/")
    gdp_row = page.locator("#key-figures ~ .ind-table tbody tr").filter(
        has=page.get_by_role("link", name="地区生产总值", exact=True))
    taps(gdp_row.locator("td").nth(1).get_by_role("link"))
    page.wait_for_url(f"**/{record['permalink']}")
    paragraph = page.locator(f"#{anchor}")
    assert record["quote"] in paragraph.inner_text()
    taps(paragraph.locator("a.para-link"))
    page.wait_for_function("document.querySelector('.para-panel__status').textContent.includes('已复制')",
                           timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == \
        load_settings(REPO / "mkdocs.yml").site_url + record["permalink"]
    assert taps.count <= MOST_TAPS
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "task-permalink-phone.png"))
    clean(v)


def test_what_sanling_means_and_where_it_occurs_is_two_taps_away(
        server: str, visit: Callable[..., Visit], built_site: BuiltSite) -> None:
    """术语 card's 三零: its senses and first uses on one page; 全部 N 处 lists every use."""
    term = term_data(built_site, "三零")
    sense = next(s for s in term["senses"] if s["expansion"] != "unknown")
    uses = [o for o in term["occurrences"] if o["sense"] == sense["key"]]
    v, page, taps = phone_home(visit, server)
    taps(page.locator(".home-doors").get_by_role("link", name="三零", exact=True))
    page.wait_for_url(f"**/glossary/{term['id']}/")
    meaning = page.locator(f"#sense-{sense['key']} + dl dd").first
    assert meaning.is_visible() and meaning.inner_text() == sense["expansion"]
    first_uses = page.locator(f"#occurrences-{sense['key']} ~ ol").first.locator("a.kwic-link")
    assert 1 <= first_uses.count() <= len(uses)
    assert taps.count == 1
    taps(page.get_by_role("link", name=f"全部 {len(uses)} 处"))
    page.wait_for_url("**/glossary/kwic/**")
    every_use = page.locator("article ol a.kwic-link")
    assert every_use.count() == len(uses)
    assert every_use.last.is_visible()
    assert taps.count <= MOST_TAPS
    clean(v)


def test_sanling_typed_in_the_home_search_box_shows_its_meaning_above_its_uses(
        server: str, visit: Callable[..., Visit], built_site: BuiltSite) -> None:
    """One tap to focus the box; typing 三零 and Enter are not taps: the results page opens
    with the term's card (its meaning) above the paragraphs that use it."""
    term = term_data(built_site, "三零")
    sense = next(s for s in term["senses"] if s["expansion"] != "unknown")
    v, page, taps = phone_home(visit, server)
    taps(page.locator(".home-doors").get_by_role("searchbox"))
    page.keyboard.type("三零")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    card = page.locator(".search-card")
    card.wait_for(state="visible", timeout=10000)
    assert sense["expansion"] in card.inner_text()
    assert card.locator("a.search-card__title").get_attribute("href").endswith(f"glossary/{term['id']}/")
    results = page.locator(".edition-search-page__results .md-search-result__list li")
    results.first.wait_for(timeout=10000)
    assert results.count() >= 2 and "三零" in results.first.inner_text()
    assert taps.count <= MOST_TAPS
    clean(v)


def test_every_regions_2021_gdp_growth_target_is_one_tap_away(
        server: str, visit: Callable[..., Visit], built_site: BuiltSite) -> None:
    """指标 card's 地区生产总值 opens the 2021 targets' page: their chart (every growth
    rate, one bar a region) and the table of every 2021 target under it."""
    targets = gdp_targets_2021(built_site)
    rates = {r["region"]: r["growth_pct"] for r in targets if r["growth_pct"]}
    v, page, taps = phone_home(visit, server)
    taps(page.locator(".home-doors").get_by_role("link", name="地区生产总值", exact=True))
    page.wait_for_url("**/indicators/gdp/target-2021/")
    chart = page.locator("figure.bar-chart").first
    assert chart.is_visible() and "2021年目标" in chart.locator("figcaption").inner_text()
    bars = {row.locator(".bar-chart__label").inner_text(): row.locator(".bar-chart__values").inner_text()
            for row in chart.locator(".bar-chart__row").all()}
    assert set(bars) == set(rates)
    assert all(f"{rate}%" in bars[region] for region, rate in rates.items()), bars
    table = page.locator(".ind-table").first
    listed = {row.locator("td").first.inner_text() for row in table.locator("tbody tr").all()}
    assert listed == {r["region"] for r in targets}
    assert taps.count <= MOST_TAPS
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "task-gdp-targets-phone.png"))
    clean(v)
