"""Figures as written: Arabic decimals, Chinese numerals, units kept."""

from __future__ import annotations

from builder.indicators.numbers import chinese_number, normal_unit, parse_number


def test_decimal() -> None:
    assert parse_number("92.2") == 92.2


def test_chinese_numerals_as_the_reports_round() -> None:
    """朔州: 传统煤电产业产值稳定在千亿元; 五百亿元; 二〇三五 digit by digit."""
    assert chinese_number("千") == 1000
    assert chinese_number("五百") == 500
    assert chinese_number("一千二百") == 1200
    assert chinese_number("十") == 10
    assert chinese_number("二十五") == 25
    assert chinese_number("二〇三五") == 2035
    assert parse_number("两") == 2.0


def test_not_a_numeral() -> None:
    assert chinese_number("一般") is None
    assert parse_number("—") is None


def test_units() -> None:
    assert normal_unit("亿") == "亿元"
    assert normal_unit("％") == "%"
    assert normal_unit("万元") == "万元"


def test_a_chinese_numeral_level_is_read_with_its_unit() -> None:
    """朔州: 传统煤电产业产值稳定在千亿元 — 千亿元 is 1000 亿元."""
    from builder.indicators.figures import read_figures

    sentence = "传统煤电产业产值稳定在千亿元"
    figs = read_figures(sentence, 8, len(sentence), ["亿元"], 0)
    assert [(f.value, f.unit) for f in figs.levels] == [(1000.0, "亿元")]
