"""What a reader types is compared with the page after the same folding.

The cases are in ``folding_cases.yml``, shared with the browser's ``fold.js``
(``tests/website/test_search_folding.py``), so the two cannot drift apart.
"""

from pathlib import Path

import pytest
import yaml

from builder.search import t2s
from builder.search.normalise import browser_table, fold, fold_offsets, query_terms

CASES = yaml.safe_load((Path(__file__).parent / "folding_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["fold"], ids=lambda c: f"{c['rule']}:{c['text']}")
def test_each_rule_folds_its_example(case: dict) -> None:
    assert fold(case["text"]) == case["folded"]


@pytest.mark.parametrize("case", CASES["terms"], ids=lambda c: c["query"])
def test_a_query_is_cut_into_required_terms(case: dict) -> None:
    assert query_terms(case["query"]) == case["terms"]


@pytest.mark.parametrize("case", CASES["marks"], ids=lambda c: c["text"])
def test_a_folded_match_maps_back_to_the_original_characters(case: dict) -> None:
    folded, offsets = fold_offsets(case["text"])
    marked = []
    for term in query_terms(case["query"]):
        at = folded.find(term)
        while at >= 0:
            marked.append(case["text"][offsets[at]:offsets[at + len(term) - 1] + 1])
            at = folded.find(term, at + len(term))
    assert marked == case["marked"]


def test_folding_twice_changes_nothing() -> None:
    samples = list(t2s.table()) + [c["text"] for c in CASES["fold"]]
    for text in samples:
        assert fold(fold(text)) == fold(text), text


def test_every_traditional_character_is_in_the_browsers_bitmap_and_one_of_its_files() -> None:
    files = browser_table(["發展"])
    pairs = "".join(v for k, v in files.items() if k.startswith("search/t2s/"))
    assert len(pairs) == 2 * len(t2s.table())
    assert '"corpus":"發发"' in files["search/fold.json"]


def test_the_search_help_shows_an_example_per_rule_and_each_folds_as_it_says() -> None:
    """The table on the results page (``search/#search-help``) is checked against the rule itself."""
    from builder.pages.search import _PAGE

    rows = [line.strip("|").split("|") for line in _PAGE.splitlines()
            if line.startswith("| ") and not line.startswith("| 规则")]
    assert len(rows) == 5
    for _rule, typed, original in rows:
        for t, o in zip(typed.split(" · "), original.split(" · "), strict=True):
            assert any(fold(t.strip()) == fold(form.strip()) for form in o.split(" / ")), (t, o)
