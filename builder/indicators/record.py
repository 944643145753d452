"""One extracted statement: what a region reported or promised for one indicator."""

from __future__ import annotations

from dataclasses import asdict, dataclass

#: The record fields, in the order of the downloads (CSV header, JSON keys).
FIELDS = ("doc_id", "region", "indicator", "kind", "period", "value", "unit",
          "growth_pct", "growth_basis", "qualifier", "quote", "anchor",
          "value_kind", "normal_value", "normal_unit", "qualifier_class", "scope", "attribute", "cumulative",
          "price_basis", "ambiguity")


@dataclass(frozen=True)
class Record:
    """A statement such as “地区生产总值增长10%左右” (lishi p-41).

    ``value``/``unit`` are the level as written (154.7 亿元, 2.7 万元: never
    converted, so the record can be checked against its quote);
    ``growth_pct`` a signed percentage (下降2.99% -> -2.99); ``anchor`` the
    paragraph's anchor id (``p-41``), or for a 专栏 table the anchor of its
    caption paragraph. Frozen and ordered, so record sets can be compared
    (``builder diff``) and sorted deterministically (``sort_key``).
    """

    doc_id: str
    region: str
    indicator: str
    kind: str  # actual | target
    period: str  # "2020", "2016-2020", "2025"
    value: float | None
    unit: str
    growth_pct: float | None
    growth_basis: str  # 同比 | 比上年 | 年均 | 较2015年 | ""
    qualifier: str  # as written: 左右 | 以上 | 以内 | 以下 | 突破 | 超过 | 接近 | 力争 | 持平 | ""
    quote: str
    anchor: str
    #: level (达到255亿元), or increase for an amount stated as 净增/新增/增加
    #: (榆社 p-17 “地区生产总值净增7.22亿元”: 7.22亿元 more than 2020, not a level).
    value_kind: str = "level"
    #: The area the figure is for: the region unless the sentence narrows it
    #: (榆社 p-19 “推动开发区大投入…规模以上工业增加值增长11%以上” is 开发区's).
    scope: str = ""
    #: 约束性 | 预期性 as a plan table's 属性 column states it; "" when not stated.
    attribute: str = ""
    #: 现价 | 可比价 | 不变价 only where the text or table says so; "" otherwise.
    price_basis: str = ""
    #: Where a qualifier's reach is unclear, what the two readings are
    #: (“分别增长8%和8.5%以上”: 以上 written after the last figure only).
    ambiguity: str = ""
    #: Coded from the fields above after corrections (``builder.indicators.coding``):
    #: the value in the indicator's normal unit, the literature's qualifier class
    #: (floor | approximate | stretch | ceiling | exact) and whether the figure is a
    #: total over a multi-year period.
    normal_value: float | None = None
    normal_unit: str = ""
    qualifier_class: str = ""
    cumulative: bool = False
    #: Not a download field: the statement's number among the paragraph's
    #: statements of the same indicator, kind and period, in text order. Almost
    #: always 1; 孝义 p-20 “地区生产总值达到460亿元以上，力争突破500亿元” states
    #: two 2025 GDP targets, the second is ordinal 2.
    ordinal: int = 1

    @property
    def place(self) -> tuple[str, str, str, str, str]:
        """Where and what: document, paragraph, indicator, kind, period (shared by a paragraph's 1st, 2nd… target)."""
        return (self.doc_id, self.anchor, self.indicator, self.kind, self.period)

    @property
    def key(self) -> tuple[str, str, str, str, str, str]:
        """Stable, unique identity across corpus versions: ``place`` plus the ordinal.

        A typo fix elsewhere in the paragraph changes nothing; a changed figure
        shows up as the same key with different values. The ordinal keeps two
        statements of one place apart (460亿元以上 is …/2025/1, 力争突破500亿元
        …/2025/2) and only moves when a statement of the same place is added
        before it in the same paragraph.
        """
        return (*self.place, str(self.ordinal))

    @property
    def statement(self) -> tuple:
        """The figures a record states: two records of one place saying this are one statement."""
        return (self.value, self.unit, self.growth_pct, self.growth_basis, self.qualifier, self.value_kind)

    @property
    def sort_key(self) -> tuple:
        """Document, then paragraph in text order (p-2 before p-10), then indicator, kind, period."""
        parts = tuple(int(x) if x.isdigit() else 0 for x in self.anchor.split("-")[1:])
        return (self.doc_id, self.anchor[:1], parts, self.indicator, self.kind, self.period, self.ordinal, self.quote)

    @property
    def key_text(self) -> str:
        return "/".join(self.key)

    def permalink(self) -> str:
        """Site-relative permalink of the paragraph: ``documents/<id>/#p-12``."""
        return f"documents/{self.doc_id}/#{self.anchor}"

    def as_row(self) -> dict[str, object]:
        """The download row: exactly ``FIELDS``, anchor as the permalink, numbers as numbers."""
        row = asdict(self)  # ordinal is not a field of the downloads
        row["anchor"] = self.permalink()
        row["value"] = number(self.value)
        row["growth_pct"] = number(self.growth_pct)
        row["normal_value"] = number(self.normal_value)
        return {k: row[k] for k in FIELDS}


def number(x: float | None) -> int | float | None:
    """255.0 -> 255, 9.8 -> 9.8: figures read as the report writes them."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def format_number(x: float | None) -> str:
    n = number(x)
    return "" if n is None else str(n)
