"""Targets across levels, what was not stated, and target against outcome, on the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.corpus.errors import CorpusError
from builder.corpus.indicators import Vocabulary
from builder.corpus.load import Corpus
from builder.corpus.parent_targets import load_parent_targets
from builder.indicators import Record
from builder.indicators.attainment import attainments
from builder.indicators.matrix import cell, matrix_documents, search_terms

REPO = Path(__file__).resolve().parents[2]


def _cells(corpus: Corpus, vocabulary: Vocabulary, records: list[Record]):
    for doc in matrix_documents(corpus.documents, 2021):
        mine = [r for r in records if r.doc_id == doc.id]
        for ind in (i for i in vocabulary.indicators if i.standard):
            yield doc, ind, cell(doc, ind, vocabulary, mine)


def test_not_stated_cells_match_a_plain_text_search(corpus: Corpus, vocabulary: Vocabulary,
                                                     records: list[Record]) -> None:
    """未提出 only where neither the file nor its plain text contains any name of the indicator."""
    not_stated = named = 0
    for doc, ind, c in _cells(corpus, vocabulary, records):
        raw = doc.path.read_text(encoding="utf-8")
        plain = "\n".join(b.plain_text for b in doc.blocks)
        terms = search_terms(ind, vocabulary)
        hit = any(t in raw or t in plain for t in terms)
        if c.state == "not-stated":
            not_stated += 1
            assert not hit, (doc.id, ind.id)
        else:
            named += 1
            assert hit, (doc.id, ind.id, c.state)
    assert not_stated and named  # both kinds occur in the corpus: the test can fail either way


def test_only_qualitative_targets_are_quoted(corpus: Corpus, vocabulary: Vocabulary, records: list[Record]) -> None:
    """盐湖 p-33: 城乡居民收入与GDP增速基本同步 — an income target without a figure."""
    doc = corpus.by_id("yanhu-2021-gongzuobaogao")
    ind = vocabulary.get("urban-income")
    assert doc is not None and ind is not None
    c = cell(doc, ind, vocabulary, [r for r in records if r.doc_id == doc.id])
    assert (c.state, c.anchor) == ("qualitative", "p-33")
    assert "与GDP增速基本同步" in c.quote and c.quote in doc.block_by_anchor("p-33").plain_text


def test_a_stated_target_fills_its_cell(corpus: Corpus, vocabulary: Vocabulary, records: list[Record]) -> None:
    """吕梁 p-37 地区生产总值增长8%以上."""
    doc = corpus.by_id("lvliang-2021-gongzuobaogao")
    ind = vocabulary.get("gdp")
    assert doc is not None and ind is not None
    c = cell(doc, ind, vocabulary, [r for r in records if r.doc_id == doc.id])
    assert c.state == "target" and [(r.growth_pct, r.qualifier) for r in c.records] == [(8.0, "以上")]


def test_yushe_net_increase_target_is_in_its_gdp_cell(corpus: Corpus, vocabulary: Vocabulary,
                                                      records: list[Record]) -> None:
    doc = corpus.by_id("yushe-2021-gongzuobaogao")
    ind = vocabulary.get("gdp")
    assert doc is not None and ind is not None
    c = cell(doc, ind, vocabulary, [r for r in records if r.doc_id == doc.id])
    assert c.state == "target" and [(r.value, r.value_kind) for r in c.records] == [(7.22, "increase")]


def test_only_work_reports_make_rows(corpus: Corpus) -> None:
    types = {d.meta.doc_type for d in matrix_documents(corpus.documents, 2021)}
    assert types <= {"政府工作报告", "政府工作报告（摘要）"}
    assert len({d.meta.region for d in matrix_documents(corpus.documents, 2021)}) == len(
        matrix_documents(corpus.documents, 2021))


def test_target_against_outcome_in_the_plans_review_table(records: list[Record]) -> None:
    """离石 专栏1: 社会消费品零售总额 2020 target 100亿元, reached 68.05亿元."""
    pairs = [a for a in attainments(records) if a.target.indicator == "retail-sales" and a.target.region == "离石区"
             and a.target.period == "2020" and a.measure == "level"]
    assert pairs
    assert {(a.target_figure, a.actual_figure) for a in pairs} >= {(100.0, 68.05)}
    a = next(a for a in pairs if a.actual_figure == 68.05)
    assert round(a.ratio or 0, 4) == 0.6805


def test_parent_targets_name_their_source_and_date(vocabulary: Vocabulary) -> None:
    rows = load_parent_targets(REPO / "corpus", vocabulary)
    gdp = [t for t in rows if t.indicator == "gdp" and t.year == 2021 and t.level == "centre"]
    assert [(t.growth_pct, t.qualifier) for t in gdp] == [(6.0, "以上")]
    assert "2021年国务院政府工作报告" in gdp[0].source and gdp[0].date.isoformat() == "2021-03-05"
    assert all(t.source and t.date for t in rows)


def test_a_parent_target_without_a_source_is_rejected_at_its_line(tmp_path: Path, vocabulary: Vocabulary) -> None:
    (tmp_path / "parent_targets.yml").write_text(
        "targets:\n  - level: province\n    region: 山西省\n    year: 2021\n    indicator: gdp\n"
        "    growth_pct: 8\n    quote: 地区生产总值增长8%\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        load_parent_targets(tmp_path, vocabulary)
    problems = err.value.problems
    assert {p.line for p in problems} == {2}
    assert any("source" in str(p) for p in problems) and any("date" in str(p) for p in problems)
