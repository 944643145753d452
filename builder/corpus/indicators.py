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

import yaml

from builder.corpus.errors import CorpusError, Problem

VOCABULARY_FILE = "indicators.yml"
CORRECTIONS_FILE = "indicator_corrections.yml"
MEASURES = ("amount", "rate", "change")
KINDS = ("actual", "target")
ACTIONS = ("fix", "add", "suppress")
#: The fields of a record a correction may set (``Record`` has exactly these plus
#: doc_id, region and anchor, which locate it).
FIELDS = ("indicator", "kind", "period", "value", "unit", "growth_pct", "growth_basis", "qualifier", "quote",
          "scope", "attribute", "price_basis", "value_kind", "ambiguity")
#: The values a correction may give the coded fields (see ``builder.indicators.coding``).
ATTRIBUTES = ("约束性", "预期性", "")
VALUE_KINDS = ("level", "increase")
PRICE_BASES = ("现价", "可比价", "不变价", "")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
    #: English name for the downloads (``Gross regional product``).
    name_en: str = ""
    #: One line saying what the figure counts, and where that definition is from
    #: (国家统计局's 主要统计指标解释 where it has one); an editor's explanation
    #: without an official source says so in ``definition_source``.
    definition: str = ""
    definition_source: str = ""
    #: The unit figures are normalised to (``人`` for 3.9万人); the first of ``units`` if not given.
    normal_unit: str = ""
    #: One of the headline indicators of the per-year target matrix.
    standard: bool = False
    #: Words that state the indicator without naming it, for the matrix's
    #: “only qualitative” cells (盐湖 “城乡居民收入与GDP增速基本同步”).
    qualitative: list[str] = field(default_factory=list)
    line: int = 1

    @property
    def unit_normal(self) -> str:
        return self.normal_unit or (self.units[0] if self.units else "")

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


def _key_lines(text: str) -> list[int]:
    """1-based file line of each top-level list item (``  - ``) in order."""
    return [i for i, line in enumerate(text.split("\n"), start=1) if re.match(r"^\s{0,4}-\s", line)]


def _read_yaml(path: Path) -> tuple[object, str]:
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text), text
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise CorpusError([Problem(path, line, f"cannot read {path.name}: {exc}",
                                   "fix the YAML syntax")]) from exc


def _str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def load_vocabulary(corpus_root: Path, *, collect: list[Problem] | None = None) -> Vocabulary:
    """Read ``corpus_root/indicators.yml``; raise CorpusError (or collect) on problems.

    A corpus without the file (a test fixture, a fresh fork) has no indicators:
    the site then simply has no indicator pages.
    """
    path = corpus_root / VOCABULARY_FILE
    if not path.exists():
        return Vocabulary([], [], path)
    data, text = _read_yaml(path)
    problems: list[Problem] = []
    lines = iter(_key_lines(text))
    items = (data or {}).get("indicators", []) if isinstance(data, dict) else []
    indicators: list[Indicator] = []
    seen_terms: dict[str, str] = {}
    for item in items or []:
        line = next(lines, 1)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "an indicator must be a mapping", "give id, name, units"))
            continue
        missing = [k for k in ("id", "name", "units") if not item.get(k)]
        if missing:
            problems.append(Problem(path, line, f"indicator lacks {', '.join(missing)}",
                                    "give every indicator id, name and units"))
            continue
        ind = Indicator(id=str(item["id"]), name=str(item["name"]), synonyms=_str_list(item.get("synonyms")),
                        units=_str_list(item["units"]), measure=str(item.get("measure", "amount")),
                        category=str(item.get("category", "")), flow=bool(item.get("flow", False)),
                        elliptic=_str_list(item.get("elliptic")), not_after=_str_list(item.get("not_after")),
                        not_before=_str_list(item.get("not_before")), name_en=str(item.get("name_en") or ""),
                        definition=str(item.get("definition") or ""),
                        definition_source=str(item.get("definition_source") or ""),
                        normal_unit=str(item.get("normal_unit") or ""), standard=bool(item.get("standard", False)),
                        qualitative=_str_list(item.get("qualitative")), line=line)
        if not ID_RE.match(ind.id):
            problems.append(Problem(path, line, f"indicator id {ind.id!r} is not lowercase-with-dashes",
                                    "use an id like public-budget-revenue"))
        if ind.measure not in MEASURES:
            problems.append(Problem(path, line, f"indicator {ind.id}: unknown measure {ind.measure!r}",
                                    f"use one of {', '.join(MEASURES)}"))
        if ind.definition and not ind.definition_source:
            problems.append(Problem(path, line, f"indicator {ind.id}: a definition without its source",
                                    "give definition_source (国家统计局 主要统计指标解释, "
                                    "or 编者释义 for an editor's note)"))
        if any(i.id == ind.id for i in indicators):
            problems.append(Problem(path, line, f"indicator id {ind.id} is listed twice", "give each id once"))
        for term in ind.terms:
            if term in seen_terms and seen_terms[term] != ind.id:
                problems.append(Problem(path, line, f"{term} names both {seen_terms[term]} and {ind.id}",
                                        "keep a synonym under one indicator only"))
            seen_terms[term] = ind.id
        indicators.append(ind)
    pairs: list[Pair] = []
    ids = {i.id for i in indicators}
    for item in (data or {}).get("pairs", []) or [] if isinstance(data, dict) else []:
        line = next(lines, 1)
        parts = tuple(_str_list(item.get("parts")) if isinstance(item, dict) else [])
        phrase = str(item.get("phrase", "")) if isinstance(item, dict) else ""
        unknown = [p for p in parts if p not in ids]
        if not phrase or len(parts) < 2 or unknown:
            problems.append(Problem(path, line, f"pair {phrase or '?'}: needs a phrase and two known indicator ids"
                                    + (f" (unknown: {', '.join(unknown)})" if unknown else ""),
                                    "write {phrase: 城乡居民人均可支配收入, parts: [urban-income, rural-income]}"))
            continue
        pairs.append(Pair(phrase, parts, line))
    if problems:
        if collect is None:
            raise CorpusError(problems)
        collect.extend(problems)
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
    data, text = _read_yaml(path)
    problems: list[Problem] = []
    lines = iter(_key_lines(text))
    entries: list[RecordCorrection] = []
    items = (data or {}).get("corrections", []) if isinstance(data, dict) else []
    for item in items or []:
        line = next(lines, 1)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "a correction must be a mapping", "see the file's header"))
            continue
        action = str(item.get("action", ""))
        missing = [k for k in ("action", "doc", "anchor", "indicator", "reason") if not item.get(k)]
        if missing:
            problems.append(Problem(path, line, f"correction lacks {', '.join(missing)}",
                                    "give action, doc, anchor, indicator and reason"))
            continue
        if action not in ACTIONS:
            problems.append(Problem(path, line, f"unknown action {action!r}", f"use one of {', '.join(ACTIONS)}"))
            continue
        values = item.get("set") or {}
        if not isinstance(values, dict):
            problems.append(Problem(path, line, "set: must be a mapping of record fields", "write set: {value: 255}"))
            continue
        bad = [k for k in values if k not in FIELDS]
        if bad:
            problems.append(Problem(path, line, f"set: unknown field(s) {', '.join(map(str, bad))}",
                                    f"use only {', '.join(FIELDS)}"))
        indicator = str(values.get("indicator", item["indicator"]))
        for ind_id in {str(item["indicator"]), indicator}:
            if vocabulary is not None and vocabulary.get(ind_id) is None:
                problems.append(Problem(path, line, f"unknown indicator id {ind_id!r}",
                                        f"use an id from {VOCABULARY_FILE}"))
        kind = item.get("kind")
        period = None if item.get("period") is None else str(item["period"])
        for name, value in (("kind", kind), ("set.kind", values.get("kind"))):
            if value is not None and value not in KINDS:
                problems.append(Problem(path, line, f"{name}: {value!r} is not actual or target",
                                        "write kind: actual or kind: target"))
        for name, value in (("period", period), ("set.period", values.get("period"))):
            if value is not None and not PERIOD_RE.match(str(value)):
                problems.append(Problem(path, line, f"{name}: {value!r} is not a year or plan period",
                                        'write period: "2021" or period: "2021-2025"'))
        for name, allowed in (("attribute", ATTRIBUTES), ("value_kind", VALUE_KINDS), ("price_basis", PRICE_BASES)):
            if name in values and (values[name] or "") not in allowed:
                problems.append(Problem(path, line, f"set.{name}: {values[name]!r} is not one of "
                                        f"{', '.join(a or '(empty)' for a in allowed)}",
                                        f"write set: {{{name}: {allowed[0]}}}"))
        if action == "add":
            need = [k for k in ("kind", "period", "quote") if not values.get(k)]
            if need:
                problems.append(Problem(path, line, f"an added record needs set.{', set.'.join(need)}",
                                        "give the record's kind, period and the quote it comes from"))
        entries.append(RecordCorrection(action, str(item["doc"]), str(item["anchor"]), str(item["indicator"]),
                                        None if kind is None else str(kind), period, dict(values),
                                        str(item["reason"]), line))
    if problems:
        if collect is None:
            raise CorpusError(problems)
        collect.extend(problems)
    return Corrections(entries, path)
