"""The browser folds as the builder does: ``fold.js`` run in Chromium on the cases of
``tests/search/folding_cases.yml``, the table ``tests/search/test_normalise.py`` runs in Python;
and expands synonyms as it does: ``synonyms.js`` on ``tests/search/synonym_cases.yml``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .browsing import Visit

pytestmark = pytest.mark.browser

CASES = yaml.safe_load((Path(__file__).parents[1] / "search" / "folding_cases.yml").read_text(encoding="utf-8"))

RUN = """async (cases) => {
  const { folding, Folding } = await import(new URL("assets/javascripts/search/fold.js", location.href).href);
  const f = await folding();
  const out = { fold: [], terms: [], marks: [] };
  for (const c of cases.fold) out.fold.push((await f.prepare(c.text)).fold(c.text));
  for (const c of cases.terms) out.terms.push((await f.prepare(c.query)).terms(c.query));
  for (const c of cases.marks) {
    await f.prepare(c.text + c.query);
    const m = f.map(c.text);
    const marked = [];
    for (const t of f.terms(c.query)) {
      for (let at = m.folded.indexOf(t); at >= 0; at = m.folded.indexOf(t, at + t.length)) {
        const [s, e] = Folding.original(m, at, at + t.length);
        marked.push(c.text.slice(s, e));
      }
    }
    out.marks.push(marked);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser_results(server: str, browser) -> dict:
    v = Visit(browser, 1280)
    try:
        page = v.open(server)
        out = page.evaluate(RUN, CASES)
        assert not v.foreign and not v.errors, (v.foreign, v.errors)
        return out
    finally:
        v.close()


@pytest.mark.parametrize("i", range(len(CASES["fold"])), ids=lambda i: CASES["fold"][i]["text"])
def test_the_browser_folds_each_case_as_the_builder(browser_results: dict, i: int) -> None:
    assert browser_results["fold"][i] == CASES["fold"][i]["folded"]


@pytest.mark.parametrize("i", range(len(CASES["terms"])), ids=lambda i: CASES["terms"][i]["query"])
def test_the_browser_cuts_each_query_into_the_same_terms(browser_results: dict, i: int) -> None:
    assert browser_results["terms"][i] == CASES["terms"][i]["terms"]


@pytest.mark.parametrize("i", range(len(CASES["marks"])), ids=lambda i: CASES["marks"][i]["text"])
def test_the_browser_marks_the_original_characters(browser_results: dict, i: int) -> None:
    assert browser_results["marks"][i] == CASES["marks"][i]["marked"]


def test_every_character_folds_alike_in_both_languages(server: str, browser) -> None:
    """Beyond the examples: every character of the blocks the rule touches, and the corpus's own."""
    from builder.search import t2s
    from builder.search.normalise import NFKC_BLOCKS, drop_chars, fold

    chars = {chr(c) for lo, hi in NFKC_BLOCKS for c in range(lo, hi + 1)} | set(drop_chars()) | set(t2s.table())
    text = "".join(sorted(chars))
    v = Visit(browser, 1280)
    try:
        page = v.open(server)
        got = page.evaluate("""async (text) => {
          const { folding } = await import(new URL("assets/javascripts/search/fold.js", location.href).href);
          const f = await (await folding()).prepare(text);
          return Array.from(text, (c) => f.foldChar(c));
        }""", text)
    finally:
        v.close()
    differ = [(c, fold(c), g) for c, g in zip(text, got, strict=True) if fold(c) != g]
    assert not differ, differ[:20]


SYNONYM_CASES = yaml.safe_load((Path(__file__).parents[1] / "search" / "synonym_cases.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser_alternatives(server: str, browser) -> list[list[str]]:
    v = Visit(browser, 1280)
    try:
        page = v.open(server)
        out = page.evaluate("""async (cases) => {
          const { Synonyms } = await import(new URL("assets/javascripts/search/synonyms.js", location.href).href);
          const table = new Synonyms(cases.groups);
          return cases.alternatives.map((c) => table.alternatives(c.term));
        }""", SYNONYM_CASES)
        assert not v.foreign and not v.errors, (v.foreign, v.errors)
        return out
    finally:
        v.close()


@pytest.mark.parametrize("i", range(len(SYNONYM_CASES["alternatives"])),
                         ids=lambda i: SYNONYM_CASES["alternatives"][i]["term"])
def test_the_browser_expands_each_synonym_case_as_the_builder(browser_alternatives: list, i: int) -> None:
    from builder.search.synonyms import Synonyms

    case = SYNONYM_CASES["alternatives"][i]
    assert browser_alternatives[i] == Synonyms(SYNONYM_CASES["groups"]).alternatives(case["term"])
