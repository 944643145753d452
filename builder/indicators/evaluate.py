"""Precision and recall of the extractor against hand-checked statements.

The checked file (``tests/indicators/checked_statements.yml``) lists, per
document, statements a person read in the text and decided every field of.
A record is *right* when a checked statement has the same document, anchor
and every field (indicator, kind, period, value, unit, growth, basis,
qualifier); a checked statement is *found* when some record is right for it.
Precision counts records of the checked documents only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.indicators.record import Record, format_number

DEFAULT_CHECKED = Path("tests/indicators/checked_statements.yml")
Statement = tuple[str, ...]


def load_checked(path: Path) -> dict[str, list[Statement]]:
    """doc id -> statements ``(anchor, indicator, kind, period, value, unit, growth, basis, qualifier)``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, list[Statement]] = {}
    for doc_id, lines in (data.get("documents") or {}).items():
        out[doc_id] = [tuple(p.strip() for p in str(line).split("#")[0].split("|")) for line in lines or []]
    return out


def statement_of(record: Record) -> Statement:
    return (record.anchor, record.indicator, record.kind, record.period, format_number(record.value), record.unit,
            format_number(record.growth_pct), record.growth_basis, record.qualifier)


@dataclass
class Score:
    records: int
    right: int
    statements: int
    found: int
    wrong: list[Record]
    missed: list[tuple[str, Statement]]

    @property
    def precision(self) -> float:
        return self.right / self.records if self.records else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.statements if self.statements else 1.0


def evaluate(records: list[Record], checked: dict[str, list[Statement]]) -> Score:
    mine = [r for r in records if r.doc_id in checked]
    truth = {(d, s) for d, stmts in checked.items() for s in stmts}
    got = {(r.doc_id, statement_of(r)) for r in mine}
    wrong = [r for r in mine if (r.doc_id, statement_of(r)) not in truth]
    missed = sorted(t for t in truth if t not in got)
    return Score(len(mine), len(mine) - len(wrong), len(truth), len(truth) - len(missed), wrong, missed)
