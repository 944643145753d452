"""The plan outline's indicator tables (专栏 1 and 2 of 离石区“十四五”规划纲要)."""

from __future__ import annotations

from collections.abc import Callable

from builder.indicators import Record
from builder.indicators.numbers import parse_cell

OUTLINE = "lishi-2021-shisiwu-guihua-gangyao"
Reader = Callable[[str, str], list[Record]]


def by(records: list[Record], indicator: str) -> dict[tuple[str, str], tuple]:
    return {(r.kind, r.period): (r.value, r.unit, r.growth_pct, r.growth_basis) for r in records
            if r.indicator == indicator}


def test_plan_review_table_gives_2015_target_and_result(records_at: Reader) -> None:
    """专栏1: | 经济发展 | 1 | 地区生产总值（亿元） | 67.9 | 124 | 10 | 154.7 | 7.3 | 预期性 |"""
    assert by(records_at(OUTLINE, "p-19"), "gdp") == {
        ("actual", "2015"): (67.9, "亿元", None, ""),
        ("target", "2020"): (124.0, "亿元", 10.0, "年均"),
        ("actual", "2020"): (154.7, "亿元", 7.3, "年均"),
    }


def test_empty_cells_give_nothing(records_at: Reader) -> None:
    """专栏1: | 2 | 常住人口城镇化率（%） | 82.06 | — | — | 73.47 | — | 预期性 |"""
    assert by(records_at(OUTLINE, "p-19"), "urbanization-rate") == {
        ("actual", "2015"): (82.06, "%", None, ""), ("actual", "2020"): (73.47, "%", None, "")}


def test_bracketed_figure_is_the_plans_cumulative_total(records_at: Reader) -> None:
    """专栏1: | 6 | 固定资产投资（亿元） | 118.4 | — | [600] | 43 | — | — [600] is 600亿元 over 2016-2020."""
    got = by(records_at(OUTLINE, "p-19"), "fixed-asset-investment")
    assert got[("target", "2016-2020")] == (600.0, "亿元", None, "")
    assert got[("actual", "2020")] == (43.0, "亿元", None, "")


def test_synonym_in_a_table_row(records_at: Reader) -> None:
    """专栏1: 城镇常住人口人均可支配收入（元） = 城镇居民人均可支配收入"""
    assert by(records_at(OUTLINE, "p-19"), "urban-income")[("target", "2020")] == (34217.0, "元", 6.5, "年均")


def test_growth_column_belongs_to_the_target_on_its_left(records_at: Reader) -> None:
    """专栏2: | 1 | 地区生产总值（GDP）（亿元） | 154.7 | 255 | 9.8 | 预期性 |"""
    assert by(records_at(OUTLINE, "p-46"), "gdp") == {
        ("actual", "2020"): (154.7, "亿元", None, ""), ("target", "2025"): (255.0, "亿元", 9.8, "年均")}


def test_rows_of_other_indicators_are_not_matched_by_part_of_their_name(records_at: Reader) -> None:
    """专栏1: 万元地区生产总值用水量, 单位地区生产总值能源消耗降低 are not GDP (text cells 已完成市定任务)."""
    recs = records_at(OUTLINE, "p-19")
    assert all("用水量" not in r.quote and "能源消耗" not in r.quote for r in recs if r.indicator == "gdp")
    assert {r.indicator for r in recs if "万元地区生产总值用水量" in r.quote} == {"water-intensity"}
    assert not [r for r in recs if "能源消耗" in r.quote]  # its cells are text: 已完成市定任务


def test_table_quote_is_the_row_as_the_plain_text_has_it(corpus, records_at: Reader) -> None:
    doc = corpus.by_id(OUTLINE)
    text = "\n".join(b.plain_text for b in doc.blocks)
    for r in records_at(OUTLINE, "p-46"):
        assert r.quote in text


def test_cells() -> None:
    assert parse_cell("154.7") == (154.7, False)
    assert parse_cell("[600]") == (600.0, True)
    assert parse_cell("—") == (None, False)
    assert parse_cell("已完成市定任务") == (None, False)
    assert parse_cell("9-12") == (None, False)
