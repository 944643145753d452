"""A sense's keyword-in-context pages: capped in number, honest about what they leave out.

Built on the real corpus with a sense given many synthetic occurrences (``六新``, sense ``main``,
each with its own numbered sentence ``0007六新`` so that the order can be read off a page).
"""

from __future__ import annotations

import json

import pytest

from builder.corpus.glossary import Glossary
from builder.corpus.load import Corpus
from builder.escape import url_query
from builder.glossary.occurrences import Occurrence
from builder.pages.catalogue import Catalogue
from builder.pages.glossary import DATA, KWIC_PAGE, KWIC_PAGES, GlossaryPages, kwic_page, term_page
from builder.pages.settings import load_settings
from builder.search.packed import unpack
from tests.conftest import REPO

TERM, SENSE, DOC = "liuxin", "main", "lvliang-2021-gongzuobaogao"
CAPPED = KWIC_PAGES * KWIC_PAGE  # 500: what the pages of one sense list at most
#: 六新, percent-encoded as the search link's query carries it
QUERY = "?q=%E5%85%AD%E6%96%B0"


def uses(n: int) -> list[Occurrence]:
    return [Occurrence(term_id=TERM, doc_id=DOC, anchor="p-3", start=0, end=2, cell=None,
                       context=f"{i:04d}六新", context_start=4, kind="paragraph", form="六新", sense=SENSE)
            for i in range(1, n + 1)]


@pytest.fixture(scope="module")
def catalogue(corpus: Corpus) -> Catalogue:
    return Catalogue(corpus)


def glossary_with(catalogue: Catalogue, n: int) -> GlossaryPages:
    """The glossary feature whose only occurrences are ``n`` uses of 六新 in its one sense."""
    feature = GlossaryPages(catalogue, load_settings(REPO / "mkdocs.yml"))
    feature.occurrences = uses(n)
    return feature


@pytest.fixture(scope="module")
def capped(catalogue: Catalogue) -> dict:
    """The glossary's files when 六新 is used 1,234 times: more than its pages hold."""
    return glossary_with(catalogue, 1234).pages()


def kwic_paths(files: dict, glossary: Glossary) -> list[str]:
    prefix = kwic_page(glossary.by_id(TERM), SENSE, 1).removesuffix("1.md")
    return sorted((p for p in files if p.startswith(prefix)), key=lambda p: int(p.rsplit("-", 1)[1][:-3]))


def test_a_sense_used_more_often_than_the_pages_hold_gets_exactly_the_capped_number_of_pages(
        capped: dict, glossary: Glossary) -> None:
    files = capped
    assert kwic_paths(files, glossary) == [kwic_page(glossary.by_id(TERM), SENSE, n)
                                           for n in range(1, KWIC_PAGES + 1)]


def test_the_capped_pages_list_the_first_occurrences_in_order(capped: dict, glossary: Glossary) -> None:
    last = capped[kwic_page(glossary.by_id(TERM), SENSE, KWIC_PAGES)]
    assert f"{CAPPED:04d}<mark>六新</mark>" in last
    assert f"{CAPPED + 1:04d}<mark>" not in last


def test_the_last_capped_page_states_the_true_total_and_how_many_are_listed(
        capped: dict, glossary: Glossary) -> None:
    last = capped[kwic_page(glossary.by_id(TERM), SENSE, KWIC_PAGES)]
    assert f"共 1234 处，以上列出前 {CAPPED} 处，其余 {1234 - CAPPED} 处不逐条列出" in last


def test_the_last_capped_page_links_to_the_search_for_the_term_and_to_the_full_data(
        capped: dict, glossary: Glossary) -> None:
    last = capped[kwic_page(glossary.by_id(TERM), SENSE, KWIC_PAGES)]
    assert f"[在全文搜索中查“六新”](../../search/index.md{QUERY})" in last
    assert "[glossary.json.gz](../../data/glossary.json.gz)" in last


def test_only_the_last_capped_page_speaks_of_what_is_left_out(capped: dict, glossary: Glossary) -> None:
    files = capped
    assert [p for p in kwic_paths(files, glossary) if "不逐条列出" in files[p]] == [
        kwic_page(glossary.by_id(TERM), SENSE, KWIC_PAGES)]


def test_the_term_page_states_the_total_the_listed_and_links_the_search(
        capped: dict, glossary: Glossary) -> None:
    page = capped[term_page(glossary.by_id(TERM))]
    assert f"共 1234 处，见于 1 份文件。用例页列出[前 {CAPPED} 处](kwic/liuxin-main-1.md)，" in page
    assert f"其余 {1234 - CAPPED} 处不逐条列出：[在全文搜索中查“六新”](../search/index.md{QUERY})" in page
    assert "[glossary.json.gz](../data/glossary.json.gz)" in page


def test_the_data_download_still_lists_every_occurrence(capped: dict) -> None:
    terms = json.loads(unpack(capped[DATA]))
    assert len(next(t for t in terms if t["id"] == TERM)["occurrences"]) == 1234


def test_a_sense_under_the_cap_lists_every_occurrence_and_mentions_no_search(
        catalogue: Catalogue, glossary: Glossary) -> None:
    files = glossary_with(catalogue, 250).pages()
    paths = kwic_paths(files, glossary)
    assert len(paths) == 3 and "0250<mark>六新</mark>" in files[paths[-1]]
    assert not any("不逐条列出" in files[p] or "search/index.md" in files[p]
                   for p in [*paths, term_page(glossary.by_id(TERM))])
    assert "下面是前 10 处，[全部 250 处](kwic/liuxin-main-1.md)：" in files[term_page(glossary.by_id(TERM))]


def test_a_search_query_from_the_corpus_cannot_end_the_link_or_add_a_parameter() -> None:
    assert url_query({"q": "六新)&x=[1]"}) == "?q=%E5%85%AD%E6%96%B0%29%26x%3D%5B1%5D"


def test_a_later_page_numbers_its_list_from_where_the_page_says_it_starts(capped: dict, glossary: Glossary) -> None:
    """Page 2 says 第 101—200 处 and its list counts from 101 (it is pre-rendered HTML: Python-Markdown
    numbered every page's list from 1)."""
    second = capped[kwic_page(glossary.by_id(TERM), SENSE, 2)]
    assert f"第 {KWIC_PAGE + 1}—{2 * KWIC_PAGE} 处" in second
    assert f'<ol start="{KWIC_PAGE + 1}">\n<li>{KWIC_PAGE + 1:04d}<mark>六新</mark>' in second
    assert "<ol>\n<li>0001<mark>" in capped[kwic_page(glossary.by_id(TERM), SENSE, 1)]
