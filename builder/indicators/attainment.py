"""Target against outcome: a target and the actual figure for the same region, indicator and period.

The plan's 专栏1 sets 2020 targets beside the 2020 results (离石: 社会消费品零售
总额 target 100亿元, reached 68.05亿元); a later year's report reports the
outcome of an earlier report's target. Pairs are made across documents, so
a 2022 report's 2021 result meets the 2021 report's 2021 target without any
code change.

A level is compared with a level in the same unit (or the same normal unit),
an increase with an increase; a growth with a growth of the same basis
(年均 with 年均; a year's growth stated without basis, 同比 or 比上年 with
each other). The outcome is ``met`` only where the target's class says which
way counts: at least the figure for a floor (以上), at most for a ceiling
(以内); otherwise it is left open (None).
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.indicators.record import Record

_YEARLY = ("", "同比", "比上年")


@dataclass(frozen=True)
class Attainment:
    target: Record
    actual: Record
    measure: str  # level | growth
    target_figure: float
    actual_figure: float
    unit: str

    @property
    def difference(self) -> float:
        return round(self.actual_figure - self.target_figure, 4)

    @property
    def ratio(self) -> float | None:
        """Actual / target for levels (68.05 / 100 = 0.6805); None for growths or a zero target."""
        if self.measure != "level" or not self.target_figure:
            return None
        return self.actual_figure / self.target_figure

    @property
    def met(self) -> bool | None:
        if self.target.qualifier_class == "floor":
            return self.actual_figure >= self.target_figure
        if self.target.qualifier_class == "ceiling":
            return self.actual_figure <= self.target_figure
        return None


def _same_basis(a: str, b: str) -> bool:
    return a == b or (a in _YEARLY and b in _YEARLY)


def _level(r: Record) -> tuple[float, str] | None:
    if r.value is None:
        return None
    if r.normal_value is not None:
        return r.normal_value, r.normal_unit
    return r.value, r.unit


def attainments(records: list[Record]) -> list[Attainment]:
    """Every (target, actual) pair of one region, indicator and period, level and growth apart."""
    actuals: dict[tuple[str, str, str], list[Record]] = {}
    for r in records:
        if r.kind == "actual":
            actuals.setdefault((r.region, r.indicator, r.period), []).append(r)
    out: list[Attainment] = []
    for t in records:
        if t.kind != "target":
            continue
        for a in actuals.get((t.region, t.indicator, t.period), []):
            tl, al = _level(t), _level(a)
            if tl and al and tl[1] == al[1] and t.value_kind == a.value_kind:
                out.append(Attainment(t, a, "level", tl[0], al[0], tl[1]))
            if (t.growth_pct is not None and a.growth_pct is not None
                    and _same_basis(t.growth_basis, a.growth_basis)):
                out.append(Attainment(t, a, "growth", t.growth_pct, a.growth_pct, "%"))
    return out
