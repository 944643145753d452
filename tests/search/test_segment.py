"""jieba ranks hits; it knows the corpus's region names as words, and jieba-rs cuts as jieba does."""

from builder.search.segment import Segmenter, cut_lengths, jieba_tokenizer
from builder.search.units import document_units


def test_region_names_stay_whole_words(tok):
    assert cut_lengths(tok, "吕梁市离石区") == "33"


def test_lengths_are_one_base36_character_per_word(tok):
    lengths = cut_lengths(tok, "创建“三零”单位")
    assert sum(int(c, 36) for c in lengths) == len("创建“三零”单位")


def test_glossary_slogans_stay_whole_words(tok):
    """四为四高两同步 is one glossary term; jieba alone cuts it in four."""
    assert cut_lengths(tok, "坚持四为四高两同步") == "27"


def test_jieba_rs_cuts_every_unit_of_the_corpus_as_jieba_does(corpus, documents):
    """The index's word lengths come from jieba-rs given jieba's dictionary; the words must be jieba's own."""
    jieba_tok = jieba_tokenizer(corpus)
    segmenter = Segmenter(jieba_tok)
    texts = {u.text for i, d in enumerate(documents) for u in document_units(i, d)}
    assert len(texts) > 1000
    differ = [t for t in sorted(texts) if segmenter.cut(t) != jieba_tok.lcut(t, HMM=False)]
    assert differ == []


def test_jieba_rs_keeps_jiebas_frequency_for_a_user_word(corpus):
    """Both segmenters keep 四为四高两同步 whole (a user word, at the frequency jieba suggested for it)."""
    segmenter = Segmenter(jieba_tokenizer(corpus))
    assert "四为四高两同步" in segmenter.cut("按照省委四为四高两同步总体思路要求")
