"""Targets set above the corpus (``corpus/parent_targets.yml``): schema, loader, validation.

The State Council's and the province's targets are what the target-setting
literature compares local targets with (targets escalate down the
hierarchy), but no document of the corpus states them. The file lists them,
each with the document and date it comes from; the site marks them as from
outside the corpus. The schema (``ParentTargetEntry``) is read through
``builder.corpus.schema.validate`` like every corpus file, so a row without
its source or date is rejected at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from builder.corpus.errors import Problem
from builder.corpus.indicators import Number, Vocabulary, _list, _read, _report
from builder.corpus.schema import FieldProblem, Model, Slug, Text

PARENT_TARGETS_FILE = "parent_targets.yml"
LEVELS = ("centre", "province", "prefecture")
LEVEL_NAMES = {"centre": "中央", "province": "省", "prefecture": "市"}
IsoDate = Annotated[str, BeforeValidator(lambda v: v.isoformat() if isinstance(v, date) else v),
                    StringConstraints(pattern=r"^(19|20)\d\d-\d\d-\d\d$")]


@dataclass(frozen=True)
class ParentTarget:
    level: str
    region: str
    year: int
    indicator: str
    value: float | None
    unit: str
    growth_pct: float | None
    qualifier: str
    quote: str
    source: str
    date: date
    line: int


class ParentTargetEntry(Model):
    """One row of ``corpus/parent_targets.yml`` (see the comment at the top of that file)."""

    level: Literal[LEVELS] = Field(description=f"use one of {', '.join(LEVELS)}")
    region: Text(30) = Field(description="name who set it: 全国, 山西省 …")
    year: int = Field(ge=1990, le=2100, description="write the year the target is for, e.g. 2021")
    indicator: Slug = Field(description="use an id from indicators.yml")
    value: Number | None = Field(None, description="write the level as a number, e.g. value: 1100")
    unit: Text(20) | None = Field(None, description="write the unit of value, e.g. 万人")
    growth_pct: Number | None = Field(None, description="write the growth in percent, e.g. growth_pct: 6")
    qualifier: Text(10) | None = Field(None, description="write the qualifier as the source has it: 以上, 左右 …")
    quote: Text(300) = Field(description="copy the source's words, e.g. 国内生产总值增长6%以上")
    source: Text(300) = Field(description="name the source document: title, by whom, where it was delivered")
    date: IsoDate = Field(description="write the source's date, e.g. date: 2021-03-05")

    @model_validator(mode="after")
    def _has_a_figure(self) -> ParentTargetEntry:
        if self.value is None and self.growth_pct is None:
            raise FieldProblem("a target without a figure", "give value (with unit) or growth_pct", "value")
        return self


class ParentTargetsFile(Model):
    targets: Annotated[list[ParentTargetEntry], BeforeValidator(_list)] = Field(
        default_factory=list, max_length=10_000, description="list the targets, one mapping each")


def load_parent_targets(corpus_root: Path, vocabulary: Vocabulary, *,
                        collect: list[Problem] | None = None) -> list[ParentTarget]:
    """Read the file (absent file: no rows); raise CorpusError, or collect, on problems."""
    path = corpus_root / PARENT_TARGETS_FILE
    if not path.exists():
        return []
    model, loaded, problems = _read(path, ParentTargetsFile)
    out: list[ParentTarget] = []
    if model is not None and loaded is not None:
        for i, e in enumerate(model.targets):
            line = loaded.line_of(("targets", i))
            if vocabulary.get(e.indicator) is None:
                problems.append(Problem(path, line, f"unknown indicator id {e.indicator!r}",
                                        "use an id from indicators.yml"))
            out.append(ParentTarget(e.level, e.region, e.year, e.indicator, e.value, e.unit or "", e.growth_pct,
                                    e.qualifier or "", e.quote, e.source, date.fromisoformat(e.date), line))
    _report(problems, collect)
    return out
