"""Senses on the real corpus: each finding of the specialist's review, one test each.

An occurrence carries the sense its paragraph supports, or none: a multi-sense
term never lends an occurrence the expansion of another sense.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from builder.corpus.glossary import Glossary
from builder.corpus.load import Corpus
from builder.corpus.model import plain_inline
from builder.glossary.occurrences import Occurrence, find_occurrences

POVERTY = "发展生产脱贫一批、易地扶贫搬迁脱贫一批、生态补偿脱贫一批、发展教育脱贫一批、社会保障兜底一批"


@pytest.fixture(scope="module")
def at(corpus: Corpus, glossary: Glossary) -> dict[tuple[str, str, str], list[Occurrence]]:
    """(term id, doc id, anchor) -> occurrences there."""
    out: dict[tuple[str, str, str], list[Occurrence]] = defaultdict(list)
    for o in find_occurrences(corpus, glossary):
        out[(o.term_id, o.doc_id, o.anchor)].append(o)
    return out


def expansion(glossary: Glossary, at: dict, term_id: str, ref: str) -> str | None:
    doc_id, anchor = ref.split("#")
    (o, *_) = at[(term_id, doc_id, anchor)]
    sense = glossary.by_id(term_id).sense(o.sense)
    return sense.expansion if sense else None


def test_every_corpus_quote_occurs_in_its_cited_paragraph(corpus: Corpus, glossary: Glossary) -> None:
    checked = 0
    for term in glossary.terms:
        for s in term.senses:
            for e in [*s.evidence.expansion, *s.evidence.level]:
                if e.type == "corpus":
                    block = corpus.by_id(e.doc_id).block_by_anchor(e.anchor)
                    assert e.quote in plain_inline(block.text), (term.id, s.key, e.corpus)
                    checked += 1
    assert checked > 100


def test_wuge_yipi_of_jingle_and_xiaoyi_is_not_the_poverty_relief_list(glossary: Glossary, at: dict) -> None:
    assert expansion(glossary, at, "wuge-yipi", "lishi-2021-shisiwu-guihua-gangyao#p-13") == POVERTY
    assert expansion(glossary, at, "wuge-yipi", "jingle-2021-gongzuobaogao#p-5") != POVERTY
    assert expansion(glossary, at, "wuge-yipi", "xiaoyi-2021-gongzuobaogao-zhaiyao#p-58") != POVERTY
    assert len(glossary.by_id("wuge-yipi").senses) == 3


def test_n1311_of_wenxi_is_annotated_apart_from_yunchengs_projects(glossary: Glossary, at: dict) -> None:
    senses = {o.sense for ref in ("yanhu-2021-gongzuobaogao#p-8", "yanhu-2021-gongzuobaogao#p-35")
              for o in at[("n1311", *ref.split("#"))]}
    (wenxi,) = at[("n1311", "wenxi-2021-gongzuobaogao", "p-27")]
    assert senses == {"yuncheng-xiangmu"} and wenxi.sense == "wenxi-chuangxin"
    assert "1331" in glossary.by_id("n1311").sense("wenxi-chuangxin").explanation


def test_lingshi_p28_sanling_is_not_the_zero_petition_campaign(glossary: Glossary, at: dict) -> None:
    assert expansion(glossary, at, "sanling", "lingshi-2021-gongzuobaogao#p-28") != "零上访、零事故、零案件"
    assert expansion(glossary, at, "sanling", "wenxi-2021-gongzuobaogao#p-54") == "零上访、零事故、零案件"


@pytest.mark.parametrize("term_id, ref, expected", [
    ("sanhua", "lishi-2021-gongzuobaogao#p-58", "绿化、彩化、财化"),
    ("sanhua", "shuozhou-2021-gongzuobaogao#p-50", "unknown"),  # 开发区“三化”, not 绿化彩化财化
    ("shuangling", "shuozhou-2021-gongzuobaogao#p-14", "确诊病例零死亡、医护人员零感染"),
    ("shuangling", "wenxi-2021-gongzuobaogao#p-54", None),  # “双零”战果: the text does not say
    ("shida-gongcheng", "yushe-2021-gongzuobaogao#p-17", "unknown"),
    ("wuda-gongcheng", "jingle-2021-gongzuobaogao#p-5", "供热、供水、污水处理、燃气、环卫"),
    ("sanwei-yiti", "lishi-2021-shisiwu-guihua-gangyao#p-266", "社会、学校、家庭"),
    ("sanwei-yiti", "xiangfen-2021-gongzuobaogao#p-52", "农业、文化、旅游"),
    ("yicheng", "yanhu-2021-gongzuobaogao#p-31", "中心城区"),
    ("yicheng", "wenxi-2021-gongzuobaogao#p-40", "运城副中心城市"),
    ("sanqu", "yanhu-2021-gongzuobaogao#p-31", "盐湖高新技术产业开发区、现代农业示范园区、关公文化旅游产业集聚区"),
    ("sanqu", "wenshui-2021-gongzuobaogao#p-17", "unknown"),
    ("sanxiang-zhidu", "yushe-2021-gongzuobaogao#p-33",
     "行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度"),
    ("sanxiang-zhidu", "shuozhou-2021-gongzuobaogao#p-20", "unknown"),  # 煤炭企业的安全生产“三项制度”
    ("wuzhi", "lishi-2021-gongzuobaogao#p-78", "政治、德治、法治、自治、智治"),
    ("wuzhi", "jishan-2021-gongzuobaogao#p-33", "清、拆、改、种、建"),
    ("sige-yi", "xiangfen-2021-gongzuobaogao#p-43", "一枚印章管审批、一张网络管服务、一个系统管监管、一条热线管便民"),
    ("sige-yi", "xiaoyi-2021-gongzuobaogao-zhaiyao#p-36", None),
    ("sanda-pinpai", "lvliang-2021-gongzuobaogao#p-59", "吕梁山护工、生态治理、光伏产业"),
    ("sanda-pinpai", "xiaoyi-2021-gongzuobaogao-zhaiyao#p-31", "特色文化旅游、红色旅游、工业旅游"),
])
def test_each_occurrence_carries_the_sense_its_paragraph_supports(glossary: Glossary, at: dict, term_id: str,
                                                                  ref: str, expected: str | None) -> None:
    assert expansion(glossary, at, term_id, ref) == expected


def test_liujin_has_one_sense_per_programme_and_none_guessed(glossary: Glossary, at: dict) -> None:
    for ref in ("lingshi-2021-gongzuobaogao#p-13", "xiangfen-2021-gongzuobaogao#p-74",
                "lishi-2021-shisiwu-guihua-gangyao#p-243"):
        assert expansion(glossary, at, "liujin", ref) == "unknown"
    assert len({o.sense for (t, _, _), occ in at.items() if t == "liujin" for o in occ}) == 3


def test_wuda_gongcheng_at_yushe_p20_carries_that_paragraphs_five_projects(glossary: Glossary, at: dict) -> None:
    assert expansion(glossary, at, "wuda-gongcheng", "yushe-2021-gongzuobaogao#p-20") == \
        "稳粮保供工程、精品示范工程、龙头引领工程、链条培育工程、品牌提升工程"


def test_a_multi_sense_term_lends_no_expansion_to_an_occurrence_no_rule_claims(glossary: Glossary,
                                                                               at: dict) -> None:
    for (term_id, _, _), occ in at.items():
        term = glossary.by_id(term_id)
        if len(term.senses) > 1 and not any(s.default for s in term.senses):
            for o in occ:
                assert o.sense is None or term.sense(o.sense) is not None


@pytest.mark.parametrize("term_id", ["sanwu", "yizhuan-duozhi"])
def test_only_lvliang_counties_using_a_term_does_not_make_it_lvliangs(glossary: Glossary, term_id: str) -> None:
    assert {s.level for s in glossary.by_id(term_id).senses} == {"不详"}


@pytest.mark.parametrize("term_id", ["sange-yipi", "wujian", "sanzhi-duiwu", "yilao-yixiao-yiqingzhuang"])
def test_a_provincial_level_inferred_from_county_use_is_shown_as_an_inference(glossary: Glossary,
                                                                               term_id: str) -> None:
    (sense,) = glossary.by_id(term_id).senses
    assert sense.level == "山西省"
    assert [e.type for e in sense.evidence.level] == ["inference"] and sense.confidence == "low"


def test_mashangban_names_the_2018_guideline(glossary: Glossary) -> None:
    (sense,) = glossary.by_id("mashangban").senses
    assert sense.level == "中央"
    assert "审批服务便民化" in sense.evidence.expansion[0].public and "2018年" in sense.evidence.expansion[0].public


def test_sanguan_sanbixu_cites_no_source_dated_after_the_reports(glossary: Glossary) -> None:
    (sense,) = glossary.by_id("sanguan-sanbixu").senses
    assert all("2021年" not in e.public for e in sense.sources if e.public)


def test_sanling_and_jiuda_jidi_cite_paragraphs_that_show_what_they_are_cited_for(glossary: Glossary) -> None:
    pingan = glossary.by_id("sanling").sense("pingan")
    quotes = [e.quote for e in pingan.evidence.expansion if e.quote]
    assert any("“三零”村（社区）" in q for q in quotes)  # a paragraph that says 三零, not only 三无
    jidi = glossary.by_id("jiuda-jidi").senses[0].evidence.expansion
    assert [e.anchor for e in jidi] == [f"p-{n}" for n in range(18, 27)]


@pytest.mark.parametrize("term_id", ["sige-yi", "wuda-gongcheng", "sanda-pinpai", "sanwei-yiti", "sanqu", "yicheng"])
def test_unknowns_the_corpus_explains_are_filled(glossary: Glossary, term_id: str) -> None:
    assert any(s.known for s in glossary.by_id(term_id).senses)


@pytest.mark.parametrize("term_id", ["yiqu-sanyuan", "shiluan"])
def test_partly_explained_unknowns_quote_what_the_corpus_gives(glossary: Glossary, term_id: str) -> None:
    assert any(e.type == "corpus" for s in glossary.by_id(term_id).senses for e in s.evidence.expansion)


@pytest.mark.parametrize("term, kind", [
    ("放管服效", "numbered"), ("中央八项规定", "numbered"), ("转型出雏型", "phrase"), ("蹚出一条新路", "phrase"),
    ("专精特新", "numbered"), ("破零", "phrase"), ("六种能力", "numbered"), ("五治", "numbered"),
    ("六项常态化", "numbered"), ("一村一品", "numbered"), ("一老一小", "numbered"), ("双拥", "numbered"),
    ("三个强市", "numbered"), ("三个高地", "numbered"),
])
def test_frequent_language_has_an_entry(glossary: Glossary, term: str, kind: str) -> None:
    entry = glossary.term_of_form()[term]
    assert entry.kind == kind


def test_spellings_that_differ_by_document_are_one_entry(glossary: Glossary) -> None:
    forms = glossary.term_of_form()
    assert forms["三强市"] is forms["三个强市"] and forms["三高地"] is forms["三个高地"]


def test_liuzhong_nengli_is_spelled_out_at_xiaoyi_p59(glossary: Glossary, at: dict) -> None:
    assert expansion(glossary, at, "liuzhong-nengli", "xiaoyi-2021-gongzuobaogao-zhaiyao#p-59") == \
        "核酸检测、流调溯源、集中隔离、医疗救治、应急处置、物资保障"


def test_jingles_footnotes_are_recorded_as_known_gaps(glossary: Glossary) -> None:
    marks = {m for t in glossary.terms for g in t.gaps for m in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲" if m in g}
    assert marks == set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲") - {"⑧"} | {"⑧"}
