"""Numbers as the reports write them: ``154.7``, ``2.7万元``, ``千亿元``, ``[600]``.

Arabic figures are the rule (``地区生产总值完成92.2亿元``); Chinese numerals
occur where a report rounds (``传统煤电产业产值稳定在千亿元``, ``五百亿元``).
A figure keeps the unit it is written in; ``万``/``亿`` belong to the unit
(``2.7万元`` is 2.7 with unit 万元), never multiplied out, so a record can be
read against its quote.
"""

from __future__ import annotations

import re

from builder.importer.numerals import DIGITS

#: Units a level is written in, longest first (亿元 before 元). ``亿`` alone is
#: how some reports abbreviate 亿元 (稷山: ``财政总收入由3.36亿增长到6.92亿``).
UNITS = ("微克/立方米", "万立方米", "亿公斤", "万公斤", "亿美元", "万美元", "亿元", "万元", "亿斤", "万斤", "万吨",
         "万人", "万户", "万家", "立方米", "公斤", "元", "人", "吨", "户", "家", "天", "件", "%", "％", "亿")
UNIT_ALIASES = {"％": "%", "亿": "亿元", "ug/m ³": "微克/立方米", "ug/m³": "微克/立方米", "μg/m³": "微克/立方米"}
#: How many of the second unit one of the first is: a figure is normalised to its
#: indicator's normal unit only through this table (3.9万人 -> 39000人, 2.89亿公斤
#: -> 28.9万吨, 2.4万家 -> 24000户). A unit pair not listed (亿美元 -> 亿元 needs an
#: exchange rate) is not converted: the normalised value stays empty.
FACTORS: dict[tuple[str, str], float] = {
    ("万人", "人"): 1e4, ("万元", "元"): 1e4, ("亿元", "万元"): 1e4, ("亿元", "元"): 1e8, ("万元", "亿元"): 1e-4,
    ("万美元", "亿美元"): 1e-4, ("亿美元", "万美元"): 1e4,
    ("亿公斤", "万吨"): 10, ("万公斤", "万吨"): 1e-3, ("公斤", "万吨"): 1e-7, ("吨", "万吨"): 1e-4,
    ("亿斤", "万吨"): 5, ("万斤", "万吨"): 5e-4, ("万吨", "亿公斤"): 0.1,
    ("家", "户"): 1, ("万户", "户"): 1e4, ("万家", "户"): 1e4, ("户", "家"): 1,
    ("万立方米", "立方米"): 1e4,
}
CHINESE_DIGITS = "〇零一二两三四五六七八九"
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
ARABIC = r"\d+(?:\.\d+)?"
CHINESE = f"[{CHINESE_DIGITS}十百千]+"
NUMBER = f"(?:{ARABIC}|{CHINESE})"
UNIT_RE = "|".join(map(re.escape, UNITS))
#: A figure with its unit; ``亿`` must not be the start of a longer word (亿元 is
#: matched whole, 亿级 is not a unit).
AMOUNT_RE = re.compile(rf"(?P<num>{NUMBER})\s*(?P<unit>{UNIT_RE})(?!级)")


def chinese_number(text: str) -> int | None:
    """``五百`` -> 500, ``千`` -> 1000, ``一千二百`` -> 1200, ``三`` -> 3; None if not a numeral.

    A leading unit character means one of it (``千亿元`` = 1000 亿元).
    """
    if not text or any(c not in DIGITS and c not in _SMALL_UNITS for c in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            if digit is not None:  # 二〇三五: digit by digit
                digit = digit * 10 + DIGITS[ch]
            else:
                digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
    return total + (digit or 0)


def parse_number(text: str) -> float | None:
    """``"92.2"`` -> 92.2, ``"五百"`` -> 500.0; None for anything else."""
    text = text.strip()
    if re.fullmatch(ARABIC, text):
        return float(text)
    value = chinese_number(text)
    return None if value is None else float(value)


def normal_unit(unit: str) -> str:
    """``％`` -> ``%``, ``亿`` -> ``亿元``, ``ug/m ³`` -> ``微克/立方米``; every other unit as written."""
    unit = unit.strip()
    return UNIT_ALIASES.get(unit, unit)


def convert(value: float | None, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to`` (``convert(3.9, "万人", "人")`` -> 39000.0), or None.

    Rounded to 10 significant digits so that 2.89亿公斤 reads 28.9万吨, not
    28.900000000000002.
    """
    if value is None or not unit:
        return None
    if unit == to:
        return value
    factor = FACTORS.get((unit, to))
    if factor is None:
        return None
    return float(f"{value * factor:.10g}")


def parse_cell(text: str) -> tuple[float | None, bool]:
    """A 专栏 table cell -> (number, bracketed).

    Plan tables write cumulative five-year figures in brackets (``[600]``
    亿元 of investment over 2016-2020); ``—`` and text cells (``已完成市定任务``)
    hold no number. ``9-12`` (a range) is not one figure either.
    """
    t = text.strip().replace("［", "[").replace("］", "]")
    bracketed = t.startswith("[") and t.endswith("]")
    t = t.strip("[]").strip()
    if re.fullmatch(r"-?\d+(?:\.\d+)?", t):
        return float(t), bracketed
    return None, False
