"""What a reader types is compared with the page after the same folding."""

from builder.search.normalise import fold, query_terms


def test_full_width_digits_and_letters_fold_to_the_corpus_spelling():
    assert fold("１５１．５亿元") == "151.5亿元"
    assert fold("建成ＰＣＲ实验室") == "建成pcr实验室"


def test_folding_keeps_every_offset_and_folds_full_width_punctuation_too():
    text = "区长　李军，二○三五年远景目标"
    assert len(fold(text)) == len(text)
    assert fold(text) == "区长 李军,二〇三五年远景目标"


def test_quotes_are_optional():
    assert query_terms("“六新”") == query_terms("六新") == ["六新"]
    assert query_terms("「三零」单位") == ["三零", "单位"]


def test_spaces_half_or_full_width_separate_required_terms():
    assert query_terms("六新　转型 ") == ["六新", "转型"]


def test_a_term_inside_another_adds_nothing():
    assert query_terms("三零 零 三零") == ["三零"]


def test_an_empty_query_has_no_terms():
    assert query_terms(" “” ") == []
