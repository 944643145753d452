"""Reviewed corrections without code: fix, add, suppress one record; stale entries reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.checks.indicators import check_indicators
from builder.corpus.errors import CorpusError
from builder.corpus.indicators import load_corrections, load_vocabulary
from builder.corpus.load import load_corpus
from builder.indicators import extract_corpus

REPO = Path(__file__).resolve().parents[2]
DOC = "lishi-2021-gongzuobaogao"


@pytest.fixture
def corpus_root(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "documents").mkdir(parents=True)
    shutil.copy(REPO / "corpus" / "documents" / f"{DOC}.md", root / "documents")
    shutil.copy(REPO / "corpus" / "regions.yml", root)
    shutil.copy(REPO / "corpus" / "indicators.yml", root)
    return root


def write(root: Path, body: str) -> Path:
    path = root / "indicator_corrections.yml"
    path.write_text("corrections:\n" + body, encoding="utf-8")
    return path


def test_fix_sets_a_field(corpus_root: Path) -> None:
    write(corpus_root, f"""  - action: fix
    doc: {DOC}
    anchor: p-41
    indicator: gdp
    set: {{growth_basis: 比上年}}
    reason: test
""")
    recs = [r for r in extract_corpus(load_corpus(corpus_root)) if r.anchor == "p-41" and r.indicator == "gdp"]
    assert [(r.growth_pct, r.growth_basis) for r in recs] == [(10.0, "比上年")]


def test_suppress_drops_the_record(corpus_root: Path) -> None:
    write(corpus_root, f"""  - action: suppress
    doc: {DOC}
    anchor: p-41
    indicator: urban-new-jobs
    reason: test
""")
    recs = extract_corpus(load_corpus(corpus_root))
    assert not [r for r in recs if r.anchor == "p-41" and r.indicator == "urban-new-jobs"]
    assert [r for r in recs if r.anchor == "p-41" and r.indicator == "gdp"]


def test_add_creates_a_record_from_a_quote(corpus_root: Path) -> None:
    write(corpus_root, f"""  - action: add
    doc: {DOC}
    anchor: p-32
    indicator: urban-new-jobs
    set: {{kind: target, period: 2021-2025, value: 5000, unit: 人, qualifier: 左右, quote: 每年新增就业5000人左右}}
    reason: 每年 = every year of the plan
""")
    recs = [r for r in extract_corpus(load_corpus(corpus_root)) if r.anchor == "p-32"]
    assert [(r.indicator, r.kind, r.period, r.value, r.quote) for r in recs] == [
        ("urban-new-jobs", "target", "2021-2025", 5000.0, "每年新增就业5000人左右")]
    assert check_indicators(load_corpus(corpus_root)) == []


def test_stale_entries_are_reported_with_file_and_line(corpus_root: Path) -> None:
    path = write(corpus_root, f"""  - action: fix
    doc: {DOC}
    anchor: p-41
    indicator: grain-output
    set: {{value: 1}}
    reason: nothing to fix here
  - action: add
    doc: {DOC}
    anchor: p-32
    indicator: gdp
    set: {{kind: target, period: "2021", quote: 这句话不在原文里}}
    reason: quote gone
""")
    problems = check_indicators(load_corpus(corpus_root))
    assert [(p.path, p.line) for p in problems] == [(path, 2), (path, 8)]
    assert "stale fix of grain-output" in problems[0].message
    assert "no longer in the paragraph" in problems[1].message


def test_unknown_indicator_id_is_reported(corpus_root: Path) -> None:
    path = write(corpus_root, f"""  - action: suppress
    doc: {DOC}
    anchor: p-41
    indicator: gpd
    reason: typo
""")
    problems = check_indicators(load_corpus(corpus_root))
    assert any(p.path == path and p.line == 2 and "unknown indicator id 'gpd'" in p.message for p in problems)
    with pytest.raises(CorpusError):
        load_corrections(corpus_root, load_vocabulary(corpus_root))


def test_the_shipped_corrections_file_is_clean() -> None:
    assert check_indicators(load_corpus(REPO / "corpus")) == []


def test_an_add_clashing_with_an_extracted_record_is_reported(corpus_root: Path) -> None:
    path = write(corpus_root, f"""  - action: add
    doc: {DOC}
    anchor: p-41
    indicator: gdp
    set: {{kind: target, period: "2021", growth_pct: 11, quote: 地区生产总值增长10%左右}}
    reason: should have been a fix
""")
    corpus = load_corpus(corpus_root)
    recs = [r for r in extract_corpus(corpus) if r.anchor == "p-41" and r.indicator == "gdp"]
    assert [r.growth_pct for r in recs] == [10.0]
    problems = check_indicators(corpus)
    assert [(p.path, p.line) for p in problems] == [(path, 2)]
    assert "use action: fix" in problems[0].hint
