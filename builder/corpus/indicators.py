"""The indicator vocabulary (``corpus/indicators.yml``) and the reviewed record
corrections (``corpus/indicator_corrections.yml``): typed model, loader, validation.

Both files are edited by contributors, so every problem is reported as
``file:line: what; what to do`` (``builder.corpus.errors.Problem``), never as a
traceback. The extractor (``builder.indicators``), the jieba user dictionary
and ``builder diff`` read the vocabulary through ``load_vocabulary`` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, Field, StringConstraints, field_validator, model_validator

from builder.corpus import yamlsafe
from builder.corpus.errors import CorpusError, Problem
from builder.corpus.schema import Anchor, FieldProblem, Model, Slug, Text, reserved, validate

M = TypeVar("M", bound=BaseModel)

VOCABULARY_FILE = "indicators.yml"
CORRECTIONS_FILE = "indicator_corrections.yml"
MEASURES = ("amount", "rate", "change")
KINDS = ("actual", "target")
ACTIONS = ("fix", "add", "suppress")
#: The fields of a record a correction may set (``Record`` has exactly these plus
#: doc_id, region and anchor, which locate it).
FIELDS = ("indicator", "kind", "period", "value", "unit", "growth_pct", "growth_basis", "qualifier", "quote")
PERIOD_RE = re.compile(r"^(?:19|20)\d\d(?:-(?:19|20)\d\d)?$")


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    synonyms: list[str]
    units: list[str]
    measure: str = "amount"
    category: str = ""
    flow: bool = False
    elliptic: list[str] = field(default_factory=list)
    not_after: list[str] = field(default_factory=list)
    not_before: list[str] = field(default_factory=list)
    line: int = 1

    @property
    def terms(self) -> list[str]:
        """The canonical name and every synonym: what counts as naming it."""
        return [self.name, *self.synonyms]


@dataclass(frozen=True)
class Pair:
    """A phrase naming two indicators at once (城乡居民人均可支配收入 = 城镇 + 农村)."""

    phrase: str
    parts: tuple[str, ...]
    line: int = 1


@dataclass
class Vocabulary:
    indicators: list[Indicator]
    pairs: list[Pair] = field(default_factory=list)
    path: Path | None = None

    def get(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    @property
    def ids(self) -> list[str]:
        return [i.id for i in self.indicators]


@dataclass(frozen=True)
class RecordCorrection:
    """One reviewed change of the extracted records.

    ``fix`` and ``suppress`` select the extracted record(s) of ``doc`` at
    ``anchor`` with the given ``indicator`` (and ``kind``/``period`` when
    given); ``fix`` then overrides the fields in ``set``. ``add`` creates a
    record from ``set``, whose ``quote`` must occur in that paragraph.
    """

    action: str
    doc: str
    anchor: str
    indicator: str
    kind: str | None
    period: str | None
    set: dict
    reason: str
    line: int


@dataclass
class Corrections:
    entries: list[RecordCorrection]
    path: Path | None = None


def _list(value: object) -> object:
    return [] if value is None else value


def _period(value: object) -> object:
    """``period: 2021`` (a YAML number) is the period ``"2021"``."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Words = Annotated[list[Text(60)], BeforeValidator(_list)]
Period = Annotated[str, BeforeValidator(_period), StringConstraints(pattern=PERIOD_RE.pattern)]
Number = Annotated[float, BeforeValidator(lambda v: float(v) if isinstance(v, int) and not isinstance(v, bool)
                                          else v)]


class IndicatorEntry(Model):
    """One indicator of ``corpus/indicators.yml`` (see the comment at the top of that file)."""

    id: Slug = Field(description="use a stable id of lowercase words joined by '-', e.g. public-budget-revenue")
    name: Text(60) = Field(description="write the canonical Chinese name, e.g. 地区生产总值")
    synonyms: Words = Field(default_factory=list, max_length=100, description="write synonyms: [GDP, …]")
    units: Annotated[list[Text(20)], Field(min_length=1, max_length=20)] = Field(
        description="write units: [亿元] (the usual unit first)")
    measure: Literal[MEASURES] = Field("amount", description=f"use one of {', '.join(MEASURES)}")
    category: Text(30) | None = Field(None, description="name the section of the overview page, e.g. 经济总量")
    flow: bool = Field(False, description="write true or false")
    elliptic: Words = Field(default_factory=list, max_length=50, description="write elliptic: [总产]")
    not_after: Words = Field(default_factory=list, max_length=100, description="write not_after: [单位, 人均]")
    not_before: Words = Field(default_factory=list, max_length=100, description="write not_before: [比重]")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        return reserved(value, "the id names the indicator's page indicators/<id>/: choose another")


class PairEntry(Model):
    phrase: Text(60) = Field(description="write the phrase that names two indicators, e.g. 城乡居民人均可支配收入")
    parts: Annotated[list[Slug], Field(min_length=2, max_length=5)] = Field(
        description="write parts: [urban-income, rural-income] (indicator ids, in the order the figures come)")


class IndicatorsFile(Model):
    """``corpus/indicators.yml``."""

    indicators: Annotated[list[IndicatorEntry], BeforeValidator(_list)] = Field(
        default_factory=list, max_length=1000, description="list the indicators, one mapping each")
    pairs: Annotated[list[PairEntry], BeforeValidator(_list)] = Field(
        default_factory=list, max_length=1000, description="list the pairs as {phrase: …, parts: [a, b]}")


class RecordFields(Model):
    """The fields of a record a correction sets (``set:``)."""

    indicator: Slug | None = Field(None, description="use an id from indicators.yml")
    kind: Literal[KINDS] | None = Field(None, description="write kind: actual or kind: target")
    period: Period | None = Field(None, description='write period: "2021" or period: "2021-2025"')
    value: Number | None = Field(None, description="write the level as a number, e.g. value: 154.7")
    unit: Text(20) | None = Field(None, description="write the unit as the text has it, e.g. 亿元")
    growth_pct: Number | None = Field(None, description="write the growth in percent as a number, e.g. -2.8")
    growth_basis: Text(20) | None = Field(None, description="write the basis as the text has it: 同比, 年均 …")
    qualifier: Text(10) | None = Field(None, description="write the qualifier as the text has it: 左右, 以上 …")
    quote: Text(500) | None = Field(None, description="copy the words of the paragraph the record comes from")


class CorrectionEntry(Model):
    """One entry of ``corpus/indicator_corrections.yml`` (see the comment at the top of that file)."""

    action: Literal[ACTIONS] = Field(description=f"use one of {', '.join(ACTIONS)}")
    doc: Slug = Field(description="use a document id from corpus/documents")
    anchor: Anchor = Field(description="use the paragraph's ¶ anchor, e.g. p-41")
    indicator: Slug = Field(description=f"use an id from {VOCABULARY_FILE}")
    kind: Literal[KINDS] | None = Field(None, description="write kind: actual or kind: target")
    period: Period | None = Field(None, description='write period: "2021" or period: "2021-2025"')
    set: Annotated[RecordFields, BeforeValidator(lambda v: {} if v is None else v)] = Field(
        default_factory=RecordFields, description="write set: {value: 255} (record fields)")
    reason: Text(1000) = Field(description="say why, with the words of the text")

    @model_validator(mode="after")
    def _add_is_complete(self) -> CorrectionEntry:
        if self.action == "add":
            need = [k for k in ("kind", "period", "quote") if not getattr(self.set, k)]
            if need:
                raise FieldProblem(f"an added record needs set.{', set.'.join(need)}",
                                   "give the record's kind, period and the quote it comes from", "set")
        return self


class CorrectionsFile(Model):
    """``corpus/indicator_corrections.yml``."""

    corrections: Annotated[list[CorrectionEntry], BeforeValidator(_list)] = Field(
        default_factory=list, max_length=10_000, description="list the corrections, one mapping each")


def _read(path: Path, model: type[M], context: dict | None = None) -> tuple[M | None, yamlsafe.Loaded | None,
                                                                            list[Problem]]:
    try:
        loaded = yamlsafe.read_file(path)
    except CorpusError as exc:
        return None, None, exc.problems
    if loaded.data is None:
        loaded.data = {}
    found, problems = validate(model, loaded, path, context=context)
    return found, loaded, problems


def _report(problems: list[Problem], collect: list[Problem] | None) -> None:
    if problems:
        if collect is None:
            raise CorpusError(problems)
        collect.extend(problems)


def load_vocabulary(corpus_root: Path, *, collect: list[Problem] | None = None) -> Vocabulary:
    """Read ``corpus_root/indicators.yml``; raise CorpusError (or collect) on problems.

    A corpus without the file (a test fixture, a fresh fork) has no indicators:
    the site then simply has no indicator pages.
    """
    path = corpus_root / VOCABULARY_FILE
    if not path.exists():
        return Vocabulary([], [], path)
    model, loaded, problems = _read(path, IndicatorsFile)
    if model is None or loaded is None:
        _report(problems, collect)
        return Vocabulary([], [], path)
    indicators: list[Indicator] = []
    seen_terms: dict[str, str] = {}
    for i, e in enumerate(model.indicators):
        line = loaded.line_of(("indicators", i))
        ind = Indicator(id=e.id, name=e.name, synonyms=list(e.synonyms), units=list(e.units), measure=e.measure,
                        category=e.category or "", flow=e.flow, elliptic=list(e.elliptic),
                        not_after=list(e.not_after), not_before=list(e.not_before), line=line)
        if any(other.id == ind.id for other in indicators):
            problems.append(Problem(path, line, f"indicator id {ind.id} is listed twice", "give each id once"))
        for term in ind.terms:
            if term in seen_terms and seen_terms[term] != ind.id:
                problems.append(Problem(path, line, f"{term} names both {seen_terms[term]} and {ind.id}",
                                        "keep a synonym under one indicator only"))
            seen_terms[term] = ind.id
        indicators.append(ind)
    ids = {i.id for i in indicators}
    pairs: list[Pair] = []
    for i, p in enumerate(model.pairs):
        line = loaded.line_of(("pairs", i))
        unknown = [part for part in p.parts if part not in ids]
        if unknown:
            problems.append(Problem(path, line, f"pair {p.phrase}: unknown indicator id(s) {', '.join(unknown)}",
                                    "use ids of the indicators listed above"))
            continue
        pairs.append(Pair(p.phrase, tuple(p.parts), line))
    _report(problems, collect)
    return Vocabulary(indicators, pairs, path)


def load_corrections(corpus_root: Path, vocabulary: Vocabulary | None = None, *,
                     collect: list[Problem] | None = None) -> Corrections:
    """Read ``corpus_root/indicator_corrections.yml`` (absent file = no corrections).

    Checks the form of each entry and, given the vocabulary, that its
    indicator ids exist; whether an entry still matches the text is checked
    by ``builder.checks.indicators`` (it needs the extractor).
    """
    path = corpus_root / CORRECTIONS_FILE
    if not path.exists():
        return Corrections([], path)
    model, loaded, problems = _read(path, CorrectionsFile)
    if model is None or loaded is None:
        _report(problems, collect)
        return Corrections([], path)
    entries: list[RecordCorrection] = []
    for i, e in enumerate(model.corrections):
        line = loaded.line_of(("corrections", i))
        for ind_id in dict.fromkeys([e.indicator, e.set.indicator or e.indicator]):
            if vocabulary is not None and vocabulary.get(ind_id) is None:
                problems.append(Problem(path, line, f"unknown indicator id {ind_id!r}",
                                        f"use an id from {VOCABULARY_FILE}"))
        entries.append(RecordCorrection(e.action, e.doc, e.anchor, e.indicator, e.kind, e.period,
                                        e.set.model_dump(exclude_unset=True), e.reason, line))
    _report(problems, collect)
    return Corrections(entries, path)
