"""Precision and recall of the extractor against hand-checked statements.

The checked file (``tests/indicators/checked_statements.yml``) lists, per
document, statements a person read in the text and decided every field of.
A record is *right* when a checked statement has the same document, anchor
and every field (indicator, kind, period, value, unit, growth, basis,
qualifier); a checked statement is *found* when some record is right for it.
Precision counts records of the checked documents only, and of the
indicators the set covers (its ``indicators:`` list: a set made before an
indicator joined the vocabulary says nothing of its records). A checked line may
carry a tenth column, words the record's quote must contain (the independent
set has them), so a record quoting the wrong clause is not right, and an
eleventh, the coded research fields as ``key=value`` words
(``scope=开发区 qclass=floor``): ``field_accuracy`` scores those on the records
that are right in every other field.
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
        out[doc_id] = [_fields(line)[:9] for line in lines or []]
    return out


def load_covered(path: Path) -> set[str] | None:
    """The indicator ids a set covers (its ``indicators:`` list), or None for all."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    ids = data.get("indicators")
    return None if ids is None else {str(i) for i in ids}


def load_places(path: Path) -> set[tuple[str, str, str]] | None:
    """For a set annotating chosen paragraphs only (``precision: annotated paragraphs``):
    the (doc, anchor, indicator) it annotates, every statement of which it lists."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if data.get("precision") != "annotated paragraphs":
        return None
    return {(d, s[0], s[1]) for d, stmts in load_checked(path).items() for s in stmts}


def load_coded(path: Path) -> dict[tuple[str, Statement], dict[str, str]]:
    """(doc id, statement) -> the research fields its eleventh column states."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[tuple[str, Statement], dict[str, str]] = {}
    for doc_id, lines in (data.get("documents") or {}).items():
        for line in lines or []:
            parts = _fields(line)
            if len(parts) > 10 and parts[10]:
                out[(doc_id, parts[:9])] = dict(w.split("=", 1) for w in parts[10].split() if "=" in w)
    return out


#: Column-11 key -> how a record states it.
CODED = {
    "scope": lambda r: r.scope,
    "attribute": lambda r: r.attribute,
    "cumulative": lambda r: "y" if r.cumulative else "n",
    "qclass": lambda r: r.qualifier_class,
    "ambiguous": lambda r: "y" if r.ambiguity else "n",
    "vkind": lambda r: r.value_kind,
    "norm": lambda r: f"{format_number(r.normal_value)}{r.normal_unit}" if r.normal_value is not None else "",
}


def field_accuracy(records: list[Record], coded: dict[tuple[str, Statement], dict[str, str]]
                   ) -> dict[str, tuple[int, int, list[str]]]:
    """field -> (right, compared, differences) over the records matching an annotated statement."""
    out: dict[str, tuple[int, int, list[str]]] = {k: (0, 0, []) for k in CODED}
    for r in records:
        want = coded.get((r.doc_id, statement_of(r)))
        if want is None:
            continue
        for key, get in CODED.items():
            if key not in want:
                continue
            right, total, diffs = out[key]
            ok = get(r) == want[key]
            if not ok:
                diffs = [*diffs, f"{r.doc_id} {r.anchor} {r.indicator} {r.period}: {key} {get(r)!r}, "
                                 f"annotated {want[key]!r}"]
            out[key] = (right + ok, total + 1, diffs)
    return out


def load_quotes(path: Path) -> dict[tuple[str, Statement], str]:
    """(doc id, statement) -> the words its record's quote must contain: an optional tenth column.

    The independent set (``tests/indicators/independent_statements.yml``) names
    the words each statement was read from (“地区生产总值增长8%以上”), so a
    record with the right numbers but quoting another clause is counted wrong.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[tuple[str, Statement], str] = {}
    for doc_id, lines in (data.get("documents") or {}).items():
        for line in lines or []:
            parts = _fields(line)
            if len(parts) > 9 and parts[9]:
                out[(doc_id, parts[:9])] = parts[9]
    return out


def _fields(line: object) -> Statement:
    return tuple(p.strip() for p in str(line).split("#")[0].split("|"))


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


def evaluate(records: list[Record], checked: dict[str, list[Statement]],
             quotes: dict[tuple[str, Statement], str] | None = None, covered: set[str] | None = None,
             places: set[tuple[str, str, str]] | None = None) -> Score:
    """Score ``records``; with ``quotes``, a record is right only if its quote contains the checked words.

    With ``covered``, only records of those indicators count for precision;
    with ``places``, only records of those (document, anchor, indicator).
    """
    quotes = quotes or {}
    mine = [r for r in records if r.doc_id in checked and (covered is None or r.indicator in covered)
            and (places is None or (r.doc_id, r.anchor, r.indicator) in places)]
    truth = {(d, s) for d, stmts in checked.items() for s in stmts}

    def right(r: Record) -> bool:
        k = (r.doc_id, statement_of(r))
        return k in truth and quotes.get(k, "") in r.quote

    got = {(r.doc_id, statement_of(r)) for r in mine if right(r)}
    wrong = [r for r in mine if not right(r)]
    missed = sorted(t for t in truth if t not in got)
    return Score(len(mine), len(mine) - len(wrong), len(truth), len(truth) - len(missed), wrong, missed)
