"""Indicator pages in the browser: tables sort on a click, nothing is fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .browsing import SCREENSHOTS, WIDTHS, Visit

pytestmark = pytest.mark.browser


def _column(page, table, index: int) -> list[str]:
    return table.locator("tbody tr").evaluate_all(
        f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def test_indicator_table_sorts_by_a_numeric_column(server: str, visit: Callable[..., Visit]) -> None:
    v = visit()
    page = v.open(server + "indicators/gdp/target-2021/")
    table = page.locator(".ind-table table").first
    header = table.locator("thead th", has_text="增速")
    index = table.locator("thead th").evaluate_all("hs => hs.findIndex(h => h.textContent.includes('增速'))")
    header.click()
    values = [float(x) for x in _column(page, table, index) if x != "—"]
    assert values == sorted(values) and len(values) > 5
    header.click()
    values = [float(x) for x in _column(page, table, index) if x != "—"]
    assert values == sorted(values, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"
    assert not v.errors and not v.foreign


@pytest.mark.parametrize("width_name", sorted(WIDTHS))
@pytest.mark.parametrize("url", ["indicators/", "indicators/gdp/", "indicators/gdp/target-2021/",
                                 "documents/lishi-2021-gongzuobaogao/"])
def test_indicator_pages_load_clean(server: str, visit: Callable[..., Visit], url: str, width_name: str) -> None:
    v = visit(WIDTHS[width_name])
    page = v.open(server + url)
    assert page.locator("h1").first.is_visible()
    charts = page.locator("figure.bar-chart")
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        assert charts.nth(i).locator(".bar-chart__row").count() > 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = url.strip("/").replace("/", "-") or "home"
    page.screenshot(path=str(SCREENSHOTS / f"indicators-{name}-{width_name}.png"))
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign


def test_sorting_still_works_after_instant_navigation(server: str, visit: Callable[..., Visit]) -> None:
    v = visit()
    page = v.open(server + "indicators/")
    page.locator("a[href$='gdp/']").first.click()
    page.wait_for_url("**/indicators/gdp/")
    header = page.locator(".ind-table table").first.locator("thead th").first
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert not v.errors and not v.foreign
