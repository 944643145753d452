"""jieba ranks hits; it knows the corpus's region names as words."""

from builder.search.segment import cut_lengths, vocabulary


def test_region_names_stay_whole_words(tok):
    assert cut_lengths(tok, "吕梁市离石区") == "33"


def test_lengths_are_one_base36_character_per_word(tok):
    lengths = cut_lengths(tok, "创建“三零”单位")
    assert sum(int(c, 36) for c in lengths) == len("创建“三零”单位")


def test_vocabulary_holds_every_region(corpus):
    words = vocabulary(corpus)
    assert {r.name for r in corpus.regions.by_name.values()} <= set(words)
