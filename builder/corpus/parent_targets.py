"""Targets set above the corpus (``corpus/parent_targets.yml``): typed model, loader, validation.

The State Council's and the province's targets are what the target-setting
literature compares local targets with (targets escalate down the
hierarchy), but no document of the corpus states them. The file lists them,
each with the document and date it comes from; the site marks them as from
outside the corpus. Problems are reported as ``file:line: what; what to do``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.indicators import Vocabulary

PARENT_TARGETS_FILE = "parent_targets.yml"
LEVELS = ("centre", "province", "prefecture")
LEVEL_NAMES = {"centre": "中央", "province": "省", "prefecture": "市"}


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


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    return float(value)  # type: ignore[arg-type]


def load_parent_targets(corpus_root: Path, vocabulary: Vocabulary, *,
                        collect: list[Problem] | None = None) -> list[ParentTarget]:
    """Read the file (absent file: no rows); raise CorpusError, or collect, on problems."""
    path = corpus_root / PARENT_TARGETS_FILE
    if not path.exists():
        return []
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise CorpusError([Problem(path, line, f"cannot read {path.name}: {exc}", "fix the YAML syntax")]) from exc
    lines = iter(i for i, t in enumerate(text.split("\n"), start=1) if re.match(r"^\s{0,4}-\s", t))
    out: list[ParentTarget] = []
    for item in (data.get("targets") or []) if isinstance(data, dict) else []:
        line = next(lines, 1)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "a target must be a mapping", "see the file's header"))
            continue
        missing = [k for k in ("level", "region", "year", "indicator", "quote", "source", "date") if not item.get(k)]
        if missing:
            problems.append(Problem(path, line, f"target lacks {', '.join(missing)}",
                                    "every row names its figure, its quote, its source document and its date"))
            continue
        when = item["date"]
        if not isinstance(when, date):
            problems.append(Problem(path, line, f"date {when!r} is not a date", "write date: 2021-03-05"))
            continue
        try:
            value, growth = _number(item.get("value")), _number(item.get("growth_pct"))
            year = int(item["year"])
        except (TypeError, ValueError):
            problems.append(Problem(path, line, "year, value and growth_pct must be numbers", "write growth_pct: 6"))
            continue
        if value is None and growth is None:
            problems.append(Problem(path, line, "target has neither value nor growth_pct", "give the figure"))
        if str(item["level"]) not in LEVELS:
            problems.append(Problem(path, line, f"unknown level {item['level']!r}", f"use one of {', '.join(LEVELS)}"))
        if vocabulary.get(str(item["indicator"])) is None:
            problems.append(Problem(path, line, f"unknown indicator id {item['indicator']!r}",
                                    "use an id from indicators.yml"))
        out.append(ParentTarget(str(item["level"]), str(item["region"]), year, str(item["indicator"]), value,
                                str(item.get("unit") or ""), growth, str(item.get("qualifier") or ""),
                                str(item["quote"]), str(item["source"]), when, line))
    if problems:
        if collect is None:
            raise CorpusError(problems)
        collect.extend(problems)
    return out
