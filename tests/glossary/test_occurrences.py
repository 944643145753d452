"""Where a term occurs: longest match, quotes, bold, whole numbers, context; on the real corpus."""

from __future__ import annotations

from builder.corpus.glossary import Glossary, Term
from builder.corpus.load import Corpus
from builder.glossary.occurrences import Matcher, find_occurrences, in_text, sentence


def term(term_id: str, text: str, *variants: str, match: str = "text") -> Term:
    return Term(id=term_id, term=text, variants=list(variants), match=match,
                senses=[{"key": "main", "expansion": "unknown", "explanation": "说明。", "level": "不详",
                         "confidence": "medium"}])


SLOGANS = Glossary([term("liuwen", "六稳"), term("liubao", "六保"), term("liuwen-liubao", "六稳六保"),
                    term("sangong", "三公", match="quoted"), term("n1146", "1146"),
                    term("sanling", "三零", match="quoted")])


def found(text: str) -> list[str]:
    return [m.form for m in in_text(Matcher(SLOGANS), text)[1]]


def test_the_longest_term_wins_six_stabilities_six_guarantees_is_one_term() -> None:
    assert found("全面落实六稳六保任务") == ["六稳六保"]


def test_quoted_parts_are_two_terms() -> None:
    # lingshi-2021-gongzuobaogao#p-7
    assert found("扎实做好“六稳”“六保”“六新”工作") == ["六稳", "六保"]


def test_a_quoted_only_term_needs_its_quotes() -> None:
    # lingshi-2021-gongzuobaogao#p-13 and a distance
    assert found("严控“三公”经费和一般性支出") == ["三公"]
    assert found("新建步道三公里") == []


def test_bold_sets_a_term_off_like_quotes() -> None:
    # lishi-2021-gongzuobaogao: 深入推进“**三零**”单位创建 without quotes would still count
    assert found("深入推进**三零**单位创建") == ["三零"]
    assert found("深入推进三零单位创建") == []


def test_a_number_term_matches_whole_numbers_only() -> None:
    assert found("全力实施“1146”发展战略") == ["1146"]
    assert found("培训11460人次") == []


def test_offsets_index_the_plain_text_without_bold_markers() -> None:
    plain, matches = in_text(Matcher(SLOGANS), "深入推进“**三零**”单位创建")
    assert plain == "深入推进“三零”单位创建"
    assert [(m.start, m.end) for m in matches] == [(5, 7)]


def test_the_context_is_the_sentence_holding_the_term() -> None:
    text = "扎实做好“六稳”工作。全面落实“六保”任务。"
    start = text.index("六保")
    assert sentence(text, start, start + 2) == ("全面落实“六保”任务。", 5)


def test_real_corpus_occurrences_point_to_existing_anchors(corpus: Corpus, glossary: Glossary) -> None:
    occurrences = find_occurrences(corpus, glossary)
    assert len(occurrences) > 600
    for o in occurrences:
        doc = corpus.by_id(o.doc_id)
        assert doc.block_by_anchor(o.anchor) is not None, o
        assert o.context[o.context_start:o.context_start + o.end - o.start] == o.form


def test_a_table_cell_occurrence_points_to_the_table_caption(corpus: Corpus, glossary: Glossary) -> None:
    # lishi-2021-shisiwu-guihua-gangyao: | 三、“六新”突破与产业升级（7个） | in 专栏2 {#p-46}
    cells = [o for o in find_occurrences(corpus, glossary) if o.cell is not None]
    assert [(o.doc_id, o.anchor, o.form, o.cell[1]) for o in cells] == [
        ("lishi-2021-shisiwu-guihua-gangyao", "p-46", "六新", 0)]


def test_lishi_explains_its_three_nos(corpus: Corpus, glossary: Glossary) -> None:
    sanwu = [o for o in find_occurrences(corpus, glossary) if o.term_id == "sanwu"]
    assert ("lishi-2021-gongzuobaogao", "p-32") in {(o.doc_id, o.anchor) for o in sanwu}
    assert {o.doc_id.split("-")[0] for o in sanwu} == {"lishi", "xiaoyi"}
