"""Candidates: the numbered phrases the corpus sets off as slogans, on the real corpus."""

from __future__ import annotations

import pytest

from builder.corpus.glossary import Glossary
from builder.corpus.load import Corpus
from builder.glossary.candidates import Candidate, find_candidates
from builder.glossary.numbered import is_numbered, is_plan_period


@pytest.fixture(scope="module")
def candidates(corpus: Corpus, glossary: Glossary) -> dict[str, Candidate]:
    return {c.phrase: c for c in find_candidates(corpus, glossary)}


@pytest.mark.parametrize("phrase, numbered", [
    ("六稳", True), ("四为四高两同步", True), ("1146", True), ("千企百展", True),
    ("第一要务", False),  # an ordinal ranks, it does not count
    ("1", False),  # the end of 从“0”到“1”
    ("在转型发展上率先蹚出一条新路来", False),  # a quoted instruction, not a slogan
    ("一次告知、一表申办、网上办理", True),  # a list of slogans in one quote
])
def test_what_counts_as_a_numbered_phrase(phrase: str, numbered: bool) -> None:
    assert is_numbered(phrase) is numbered


@pytest.mark.parametrize("phrase, period", [("十四五", True), ("十三五", True), ("八五", True), ("六新", False)])
def test_plan_periods_are_recognised_by_their_shape(phrase: str, period: bool) -> None:
    assert is_plan_period(phrase) is period


def test_a_provincial_slogan_is_found_in_every_report_that_uses_it(candidates: dict[str, Candidate]) -> None:
    six_new = candidates["六新"]
    assert six_new.kind == "slogan" and six_new.term_id == "liuxin"
    assert len(six_new.documents) == 13  # every document but 临县's news item


def test_a_slogan_in_bold_counts_like_a_quoted_one(candidates: dict[str, Candidate]) -> None:
    # 离石区's report prints “**三零**”: quotes and bold around one phrase count once
    assert "lishi-2021-gongzuobaogao" in candidates["三零"].documents


def test_a_county_slogan_stays_in_its_county(candidates: dict[str, Candidate]) -> None:
    assert candidates["1146"].documents == ("wenxi-2021-gongzuobaogao",)
    assert candidates["1146"].count == 4


def test_plan_periods_are_listed_as_such_and_want_no_entry(candidates: dict[str, Candidate]) -> None:
    assert candidates["十四五"].kind == "plan period"
    assert not candidates["十四五"].needs_entry


def test_ordinary_counting_is_no_candidate(candidates: dict[str, Candidate]) -> None:
    # 十九届二中、三中全会; 第一个五年; 第一要务
    assert not {"九届二中", "一个五年", "第一要务"} & set(candidates)


def test_every_candidate_wanting_an_entry_has_one(candidates: dict[str, Candidate]) -> None:
    assert [c.phrase for c in candidates.values() if c.needs_entry and not c.term_id] == []
