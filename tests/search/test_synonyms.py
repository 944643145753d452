"""A term finds its synonyms: the edition's own names for one thing (``builder.search.synonyms``).

The cases are in ``synonym_cases.yml``, shared with the browser's ``synonyms.js``
(``tests/website/test_search_folding.py``), so the two cannot drift apart.
"""

from pathlib import Path

import pytest
import yaml

from builder.search.synonyms import MAX_ALTERNATIVES, Synonyms, groups

CASES = yaml.safe_load((Path(__file__).parent / "synonym_cases.yml").read_text(encoding="utf-8"))
TABLE = Synonyms(CASES["groups"])


@pytest.mark.parametrize("case", CASES["alternatives"], ids=lambda c: f"{c['rule']}:{c['term']}")
def test_each_rule_expands_its_example(case: dict) -> None:
    found = TABLE.alternatives(case["term"])
    if "count" in case:
        assert len(found) == case["count"] == MAX_ALTERNATIVES
        assert found[0] == case["term"]
    else:
        assert found == case["alternatives"]


def test_the_names_of_one_entry_are_folded_into_one_group() -> None:
    assert groups([["地区生产总值", "地区生产总值（GDP）", "GDP"]]) == [["gdp", "地区生产总值", "地区生产总值gdp"]]


def test_entries_that_share_a_form_are_one_group() -> None:
    assert groups([["规上工业企业", "规模以上工业企业"], ["规模以上工业企业", "规上企业"]]) == [
        ["规上企业", "规上工业企业", "规模以上工业企业"]]


def test_an_entry_with_one_form_makes_no_group() -> None:
    assert groups([["三零"], ["“三零”", "三零"]]) == []


def test_a_form_of_one_character_takes_no_part() -> None:
    assert groups([["农", "农业"], ["GDP", "G"]]) == []


def test_a_term_without_any_form_is_itself() -> None:
    assert Synonyms([]).alternatives("地区生产总值") == ["地区生产总值"]
