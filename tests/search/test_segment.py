"""jieba ranks hits; it knows the corpus's region names as words."""

from builder.search.segment import cut_lengths


def test_region_names_stay_whole_words(tok):
    assert cut_lengths(tok, "吕梁市离石区") == "33"


def test_lengths_are_one_base36_character_per_word(tok):
    lengths = cut_lengths(tok, "创建“三零”单位")
    assert sum(int(c, 36) for c in lengths) == len("创建“三零”单位")


def test_glossary_slogans_stay_whole_words(tok):
    """四为四高两同步 is one glossary term; jieba alone cuts it in four."""
    assert cut_lengths(tok, "坚持四为四高两同步") == "27"
