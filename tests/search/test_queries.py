"""The search-eval query set comes from the corpus and is reproducible."""

from builder.search.normalise import drop_chars
from builder.search.queries import Truth, build_queries, random_substrings


def test_the_random_sample_is_reproducible_and_typeable(documents):
    first = random_substrings(documents, 50, seed=2021)
    assert first == random_substrings(documents, 50, seed=2021)
    assert all(2 <= len(q) <= 8 and not any(c.isspace() or c in drop_chars() for c in q) for q in first)


def test_every_region_is_a_query(corpus, documents):
    queries = build_queries(corpus, documents, sample=5)
    assert {q.text for q in queries if q.kind == "region"} == set(corpus.regions.by_name)


def test_expected_documents_contain_the_query_as_plain_text(documents):
    truth = Truth(documents)
    assert truth.expected("151.5亿元") == {"wenxi-2021-gongzuobaogao"}
    assert truth.expected("１５１．５亿元") == {"wenxi-2021-gongzuobaogao"}
    assert len(truth.expected("三零")) == 12
