"""The fields the target-setting literature codes, derived from a record once it is final.

Applied after the reviewed corrections (``corrections``), so a corrected
qualifier or unit is coded from what the correction says:

- ``qualifier_class`` (Li, Liu, Weng & Zhou 2019 code each target's tone):
  floor for 以上/不低于/确保/突破/超过/跨上, approximate for 左右/约/接近,
  stretch for 力争/争取, ceiling for 以内/以下/控制在, exact otherwise. The
  word after the figure decides first (``力争增长10%以上`` is a floor with a
  stretch verb: floor); without one, the words of the record's clause
  (``确保森林覆盖率增长0.57%`` -> floor, ``控制在3%`` -> ceiling).
- ``normal_value``/``normal_unit``: the value in the indicator's normal unit
  (3.9万人 -> 39000 人; 2.89亿公斤 -> 28.9 万吨) through
  ``numbers.FACTORS`` only; a unit that cannot be converted without outside
  data (亿美元) leaves it empty.
- ``cumulative``: a level stated for a multi-year period (``[600]`` 亿元 of
  investment in 2016-2020, 城镇新增就业 over “十四五”) or a growth with basis
  累计.
- ``price_basis``: 现价/可比价/不变价 only when the quote says so. (No report
  of the corpus does; growth rates of GDP and value added are by the
  statistical rules at comparable prices and levels at current prices, which
  the indicator definitions say, but a record states only what its text does.)
- ``scope``: the region when the extractor found no narrower area.
"""

from __future__ import annotations

from dataclasses import replace

from builder.corpus.indicators import Vocabulary
from builder.indicators.numbers import convert
from builder.indicators.record import Record

FLOOR = ("以上", "不低于", "确保", "突破", "超过", "跨上")
APPROXIMATE = ("左右", "约", "接近")
STRETCH = ("力争", "争取")
CEILING = ("以内", "以下", "控制在")
#: Words before the figure that set the tone when no qualifier is written with it.
CLAUSE_WORDS = (("力争", "stretch"), ("争取", "stretch"), ("控制在", "ceiling"), ("确保", "floor"), ("不低于", "floor"))
CLASSES = ("floor", "approximate", "stretch", "ceiling", "exact")
PRICE_WORDS = (("可比价", "可比价"), ("不变价", "不变价"), ("现价", "现价"))


def qualifier_class(qualifier: str, quote: str) -> str:
    """The literature's class of a target's qualifier (see the module docstring).

    A 专栏 row's quote (cells joined by tabs) is not a clause: only its
    qualifier counts (``力争达到全省平均水平`` in one cell says nothing of the others).
    """
    for words, name in ((FLOOR, "floor"), (APPROXIMATE, "approximate"), (CEILING, "ceiling"), (STRETCH, "stretch")):
        if qualifier in words:
            return name
    if "\t" not in quote:
        for word, name in CLAUSE_WORDS:
            if word in quote:
                return name
    return "exact"


def price_basis(quote: str) -> str:
    return next((name for word, name in PRICE_WORDS if word in quote), "")


def code(record: Record, vocabulary: Vocabulary) -> Record:
    """``record`` with its coded fields set."""
    ind = vocabulary.get(record.indicator)
    to = ind.unit_normal if ind else record.unit
    normal = convert(record.value, record.unit, to)
    return replace(
        record,
        normal_value=normal,
        normal_unit=to if normal is not None else "",
        qualifier_class=qualifier_class(record.qualifier, record.quote),
        cumulative=(record.value is not None and "-" in record.period) or record.growth_basis == "累计",
        price_basis=record.price_basis or price_basis(record.quote),
        scope=record.scope or record.region,
    )
