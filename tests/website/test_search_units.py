"""Every unit that holds a query is reachable exactly once, in both views, as a reader reaches it.

The header dropdown and the results page (``search/?q=…``) are read after pressing every
"more" button ("更多结果" and each document's "本文更多结果") to the end; the units shown
(``data-unit``) are compared with the units whose folded text holds the folded query
(``builder.search.queries.Truth``). One test per failure the search was reported with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

import pytest

from builder.pages.catalogue import Catalogue
from builder.search.normalise import fold
from builder.search.probe import _REACH, DROPDOWN, RESULTS_PAGE
from builder.search.queries import Truth
from builder.search.synonyms import Synonyms

from .browsing import Page, Visit
from .sitebuild import BuiltSite

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def truth(built_site: BuiltSite) -> Truth:
    return Truth(Catalogue(built_site.corpus).documents, Synonyms.of_site(built_site.site))


def dropdown(page: Page, query: str) -> list[int]:
    page.wait_for_selector("[data-edition-search][data-ready]", state="attached")
    page.keyboard.press("/")
    page.keyboard.insert_text(query)
    page.wait_for_selector(f"{DROPDOWN}[data-state=done]")
    return page.evaluate(_REACH, DROPDOWN)[1]


def results_page(page: Page, server: str, query: str) -> list[int]:
    page.goto(f"{server}search/?q={quote(query)}", wait_until="load")
    page.wait_for_selector(f"{RESULTS_PAGE}[data-state=done]")
    return page.evaluate(_REACH, RESULTS_PAGE)[1]


def both_views(visit: Callable[..., Visit], server: str, query: str) -> dict[str, list[int]]:
    v = visit()
    page = v.open(server)
    shown = {"dropdown": dropdown(page, query), "results page": results_page(page, server, query)}
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign
    return shown


def assert_each_once(shown: dict[str, list[int]], expected: set[int]) -> None:
    assert expected
    for view, units in shown.items():
        assert len(units) == len(set(units)), f"{view}: {len(units) - len(set(units))} units shown twice"
        assert set(units) == expected, (view, sorted(expected - set(units))[:10], sorted(set(units) - expected)[:10])


@pytest.mark.parametrize("query", ["，", "的"])
def test_a_one_character_query_reaches_every_unit_that_holds_it_once(
        query: str, server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    expected = truth.units(query)
    assert len(expected) > 600  # hundreds of hits, dozens of "more" presses
    assert_each_once(both_views(visit, server, query), expected)


def test_more_in_this_document_shows_the_hits_not_shown_yet_and_loses_none(
        server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    """“涑水河生 showed p-17 and p-15 twice and never p-20 or p-40."""
    expected = truth.units("“涑水河生")
    assert len(expected) >= 4
    assert_each_once(both_views(visit, server, "“涑水河生"), expected)


@pytest.mark.parametrize("query", ["朔州 交通", "离石 脱贫", "襄汾 环境", "闻喜 疫情"])
def test_two_terms_reach_every_unit_holding_both(
        query: str, server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    assert_each_once(both_views(visit, server, query), truth.units(query))


@pytest.mark.parametrize("query, holds", [
    ("十四五规划", "“十四五”规划"),
    ("三零单位", "“三零”单位"),
    ("六新突破", "“六新”突破"),
    ("二零三五年", "二〇三五年"),
    ("鄉村振興", "乡村振兴"),
    ("劣Ⅴ类", "劣Ⅴ类"),
    ("劣V类", "劣Ⅴ类"),
])
def test_a_variant_form_finds_the_paragraphs_written_the_other_way(
        query: str, holds: str, built_site: BuiltSite, server: str, visit: Callable[..., Visit],
        truth: Truth) -> None:
    expected = truth.units(query)
    written = {uid for uid, text in truth.folded.items() if fold(holds) in text}
    assert expected == written and expected, "the folding makes the variant equal to the text"
    assert_each_once(both_views(visit, server, query), expected)


def test_a_quote_inside_a_pasted_fragment_keeps_it_one_phrase(
        server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    """大”行 was 大 AND 行: 191 rows, 10 true. Now only units that hold 大行 once folded."""
    expected = truth.units("大”行")
    assert expected == {uid for uid, text in truth.folded.items() if "大行" in text}
    assert len(expected) < 40
    v = visit()
    page = v.open(server)
    assert_each_once({"dropdown": dropdown(page, "大”行")}, expected)
    marks = page.locator(f"{DROPDOWN} .edition-search-snippet mark").all_inner_texts()
    assert marks and set(marks) <= {"大”行", "大行"} and "大”行" in marks  # the page's own characters
    assert_each_once({"results page": results_page(page, server, "大”行")}, expected)


def test_an_unknown_filter_value_is_reported_with_the_valid_ones(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    v = visit()
    page = v.open(server + "search/?q=三零&year=2020")
    page.wait_for_selector(f"{RESULTS_PAGE}[data-state=done]")
    problem = page.locator(".edition-search-filter-problem[data-filter=year]")
    assert "年份" in problem.inner_text() and "“2020”" in problem.inner_text()
    years = sorted({str(d.meta.year) for d in built_site.corpus.documents if d.meta.year is not None})
    assert problem.locator("a").all_inner_texts() == sorted(years, reverse=True)
    assert page.locator("select[name=year]").input_value() == ""  # searched without it, and says so
    shown = page.evaluate(_REACH, RESULTS_PAGE)[0]
    assert set(shown) == truth.expected("三零")
    assert not v.errors and not v.foreign


def test_an_unknown_region_is_reported_too(server: str, visit: Callable[..., Visit]) -> None:
    page = visit().open(server + "search/?q=三零&region=" + quote("<b>离石</b>"))
    page.wait_for_selector(f"{RESULTS_PAGE}[data-state=done]")
    problem = page.locator(".edition-search-filter-problem[data-filter=region]")
    assert "“<b>离石</b>”" in problem.inner_text()  # shown as text, never as markup
    assert problem.locator("b").count() == 0
    assert "离石区" in problem.locator("a").all_inner_texts()


def test_terms_found_only_in_different_paragraphs_list_the_documents_as_a_second_tier(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    """政府 and 电商 never share a paragraph: a clear "no results" before; now the documents that
    hold both, labelled, each with the paragraphs for each term."""
    query = "政府 电商"
    assert not truth.units(query)
    expected = truth.split_documents(query)
    assert len(expected) > 3
    v = visit()
    page = v.open(server)
    for view in ("dropdown", "results page"):
        if view == "dropdown":
            root = DROPDOWN
            dropdown(page, query)
        else:
            root = RESULTS_PAGE
            results_page(page, server, query)
        docs = page.evaluate(_REACH, root)[0]
        assert len(docs) == len(set(docs)) and set(docs) == expected, view
        assert page.locator(f"{root} [data-unit]").count() == 0  # no paragraph holds the query
        assert "没有一个段落同时包含" in page.locator(f"{root} .md-search-result__meta").inner_text()
        for item in page.locator(f"{root} [data-tier='2']").all():
            assert "各词分见于本文不同段落" in item.inner_text()
            labels = item.locator(".edition-search-term").all_inner_texts()
            assert labels == ["含“政府”的段落", "含“电商”的段落"]
            lists = item.locator("ol.edition-search-hits").all()
            for term, hits in zip(("政府", "电商"), lists, strict=True):
                for uid in hits.locator("[data-term-unit]").evaluate_all("els => els.map(e => +e.dataset.termUnit)"):
                    assert term in truth.folded[uid]
    assert not v.errors and not v.foreign


def _holding(truth: Truth, *forms: str) -> set[int]:
    return {uid for uid, text in truth.folded.items() if any(fold(f) in text for f in forms)}


@pytest.mark.parametrize("query, synonym", [("GDP", "地区生产总值"), ("规上工业增加值", "规模以上工业增加值")])
def test_a_synonym_from_the_vocabulary_finds_the_units_written_the_other_way(
        query: str, synonym: str, server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    """GDP found 7 documents where 地区生产总值 found 13, though the vocabulary lists GDP as its synonym."""
    expected = truth.units(query)
    assert expected == _holding(truth, query, synonym)
    assert expected > _holding(truth, query), "the synonym adds units the typed form is not in"
    assert_each_once(both_views(visit, server, query), expected)


def test_a_hit_found_through_a_synonym_says_so(server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    """In the dropdown and on the results page: a unit without GDP but with 地区生产总值 is labelled 同义词."""
    v = visit()
    page = v.open(server)
    for view, out in (("dropdown", DROPDOWN), ("results page", RESULTS_PAGE)):
        shown = dropdown(page, "GDP") if view == "dropdown" else results_page(page, server, "GDP")
        labels = page.eval_on_selector_all(f"{out} a[data-unit]", """els => Object.fromEntries(els.map(a => [
          a.dataset.unit, (a.querySelector('.edition-search-hit__synonym') || {}).textContent || '']))""")
        assert labels, view
        for uid, label in labels.items():
            if "gdp" in truth.folded[int(uid)]:
                assert label == "", (view, uid, label)
            else:
                assert label == "同义词：地区生产总值", (view, uid, label)
        assert any(labels.values()) and not all(labels.values()), view
        assert set(shown) == truth.units("GDP")
    assert not v.errors and not v.foreign


def test_a_synonym_counts_inside_a_longer_term(server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    """GDP增长 finds 地区生产总值增长 too: a form inside a term is replaced by its group."""
    expected = truth.units("GDP增长")
    assert expected == _holding(truth, "GDP增长", "地区生产总值增长") and expected
    assert_each_once(both_views(visit, server, "GDP增长"), expected)


def test_a_synonym_term_beside_another_term_reaches_every_unit_once(
        server: str, visit: Callable[..., Visit], truth: Truth) -> None:
    """GDP's alternatives are a union, intersected with 发展's list (the paged lists of a large index
    are tried in ``test_search_candidates.py``)."""
    expected = truth.units("GDP 发展")
    assert expected == {uid for uid in _holding(truth, "GDP", "地区生产总值") if "发展" in truth.folded[uid]}
    assert_each_once(both_views(visit, server, "GDP 发展"), expected)


def test_the_synonym_table_is_the_vocabularies_own(built_site: BuiltSite) -> None:
    """Every group comes from one indicator's names or one glossary term's forms; none is invented."""
    import json

    from builder.corpus.glossary import load_glossary
    from builder.corpus.indicators import load_vocabulary

    table = json.loads((built_site.site / "search" / "synonyms.json").read_text(encoding="utf-8"))["groups"]
    entries = [{fold(n) for n in [i.name, *i.synonyms]} for i in load_vocabulary(built_site.corpus.root).indicators]
    entries += [{fold(n) for n in [t.term, *t.variants]} for t in load_glossary(built_site.corpus.root).terms]
    assert ["gdp", "地区生产总值", "地区生产总值gdp"] in table
    for group in table:
        assert any(set(group) <= e for e in entries), group
    help_text = (built_site.docs / "search" / "index.md").read_text(encoding="utf-8")
    examples = re.findall(r"搜 (\S+) 也找到写“([^”]+)”", help_text)
    assert len(examples) == 2, "the search help shows its synonym examples"
    for typed, written in examples:
        assert any({fold(typed), fold(written)} <= set(g) for g in table), (typed, written)
