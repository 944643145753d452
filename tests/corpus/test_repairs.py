"""Each repair of the importer, shown on the real seeds and the committed corpus."""

from __future__ import annotations

import re

import pytest

from builder.chinese import typography as ty
from builder.importer.headings import cut_sub_heading, cut_top_heading
from builder.importer.layout import split_raw_file
from builder.importer.paragraphs import split_enumerations, split_flattened


def doc(corpus, doc_id):
    d = corpus.by_id(doc_id)
    assert d is not None, doc_id
    return d


def text_of(d) -> str:
    return "\n".join(b.text for b in d.blocks)


# --- splitting the listing page -------------------------------------------------

def test_listing_page_splits_into_its_ten_documents(seeds):
    spans = split_raw_file(seeds / "001_330ca93b427a2047.txt")
    assert [s.title_hint for s in spans][:2] == ["2021年闻喜县政府工作报告", "2021年襄汾县政府工作报告"]
    assert len(spans) == 10


@pytest.mark.parametrize("needle", ["招商】", "400-162-2002", "投稿", "产业园区网", "2025-07-08"])
def test_website_boilerplate_is_in_no_document(corpus, needle):
    assert not [d.id for d in corpus.documents if needle in text_of(d)]


def test_news_item_is_typed_as_news(corpus):
    assert doc(corpus, "linxian-2021-xinwen").meta.doc_type == "新闻"


# --- paragraphs -------------------------------------------------------------------

def test_a_sentence_broken_by_a_page_break_is_joined(corpus):
    # 000 line 20 ends "离石全面", the page break, then "小康实现程度位居全市第一方阵。"
    paras = [b.text for b in doc(corpus, "lishi-2021-gongzuobaogao").paragraphs]
    assert any("离石全面小康实现程度位居全市第一方阵" in p for p in paras)


def test_flattened_text_breaks_only_after_a_sentence_end():
    # 襄汾县 (001 line 9): the space inside the book title is not a paragraph break.
    parts = split_flattened("组织企业对《刑法修正案 (十一)》安全生产有关内容进行学习。 (二)围绕打造")
    assert parts == ["组织企业对《刑法修正案 (十一)》安全生产有关内容进行学习。", "(二)围绕打造"]


def test_a_space_after_a_short_heading_is_a_break():
    # 朔州市 (001 line 27) keeps a space after its headings.
    parts = split_flattened("一、“十三五”发展回顾和2020年工作 过去五年，我市经济发展")
    assert parts == ["一、“十三五”发展回顾和2020年工作", "过去五年，我市经济发展"]


def test_enumerations_that_open_a_sentence_start_paragraphs():
    assert split_enumerations("重点抓好：一是稳增长。二是促改革；三是惠民生。") == [
        "重点抓好：", "一是稳增长。", "二是促改革；三是惠民生。"]


def test_real_paragraph_breaks_are_kept(corpus):
    paras = [b.text for b in doc(corpus, "lishi-2021-gongzuobaogao").paragraphs]
    starts = [p[:10] for p in paras]
    assert "疫情防控取得重大成果" in starts and "经济运行实现逆势增长" in starts


# --- headings ---------------------------------------------------------------------

def test_glued_top_heading_is_cut_where_it_ends():
    cut = cut_top_heading("一、2020年和“十三五”时期工作回顾2020年是闻喜发展历程中极不平凡的一年。")
    assert (cut.heading, cut.rest[:6]) == ("一、2020年和“十三五”时期工作回顾", "2020年是")


def test_glued_heading_in_the_corpus(corpus):
    d = doc(corpus, "wenxi-2021-gongzuobaogao")
    i = next(i for i, b in enumerate(d.blocks) if b.kind == "heading")
    assert d.blocks[i].text == "一、2020年和“十三五”时期工作回顾"
    assert d.blocks[i].level == 2
    assert d.blocks[i + 1].text.startswith("2020年是闻喜发展历程中极不平凡的一年")


def test_sub_heading_lead_sentence_becomes_the_heading():
    cut = cut_sub_heading("（一）总体要求。坚持以习近平新时代中国特色社会主义思想为指导，" + "全面贯彻" * 20)
    assert cut.heading == "（一）总体要求" and cut.rest.startswith("坚持")


def test_number_inside_a_sentence_is_not_a_heading(corpus):
    headings = [b.text for d in corpus.documents for b in d.headings]
    assert not [h for h in headings if h.startswith("一、全省前列") or h.startswith("一、点对点")]


def test_plan_outline_has_chapters_and_sections(corpus):
    d = doc(corpus, "lishi-2021-shisiwu-guihua-gangyao")
    chapters = [b.text for b in d.headings if b.level == 2]
    sections = [b.text for b in d.headings if b.level == 3]
    assert len(chapters) == 10
    assert chapters[1] == "第二章 坚定实施创新驱动发展战略 以更新理念厚植发展优势"
    assert "第一节 “十三五”发展成就" in sections


def test_printed_table_of_contents_is_dropped(corpus):
    d = doc(corpus, "lishi-2021-shisiwu-guihua-gangyao")
    assert "....." not in text_of(d)
    assert d.meta.source.omitted[0].reason.startswith("printed table of contents")


# --- tables -----------------------------------------------------------------------

def test_plan_tables_are_pipe_tables_with_their_columns_right(corpus):
    d = doc(corpus, "lishi-2021-shisiwu-guihua-gangyao")
    tables = [b for b in d.blocks if b.kind == "table"]
    assert len(tables) == 2
    rows = {r[2]: r for r in tables[0].rows if len(r) > 2}
    # raw: "移动互联网用户率(%)⇥⇥—⇥—⇥—⇥90⇥—⇥预期性" (an empty cell in the wrong place)
    assert rows["移动互联网用户率（%）"] == ("", "", "移动互联网用户率（%）", "—", "—", "—", "90", "—", "预期性")
    # raw: "7⇥一般公共预算收入(亿元)⇥8.42…" (the spanning 类别 cell missing)
    assert rows["一般公共预算收入（亿元）"][:4] == ("", "7", "一般公共预算收入（亿元）", "8.42")
    assert all(len(r) == 9 for r in tables[0].rows)


def test_table_note_follows_the_table_as_a_paragraph(corpus):
    d = doc(corpus, "lishi-2021-shisiwu-guihua-gangyao")
    i = next(i for i, b in enumerate(d.blocks) if b.kind == "table")
    assert d.blocks[i + 1].text.startswith("注：规划纲要中烟粉尘")


# --- masthead and typography -------------------------------------------------------

def test_meeting_line_and_speaker_glued_together_are_separated(corpus):
    d = doc(corpus, "wenxi-2021-gongzuobaogao")
    assert [b.text for b in d.paragraphs[:3]] == [
        "2021年4月13日在闻喜县第十七届人民代表大会第一次会议上", "县长\u3000史玉江", "各位代表："]
    assert (d.meta.speaker, d.meta.speaker_title) == ("史玉江", "县长")


def test_speaker_without_a_title_keeps_title_null(corpus):
    d = doc(corpus, "xiangfen-2021-gongzuobaogao")
    assert (d.meta.speaker, d.meta.speaker_title) == ("刘春林", None)


def test_letter_spaced_name_is_closed(corpus):
    d = doc(corpus, "xiaoyi-2021-gongzuobaogao-zhaiyao")
    assert d.meta.speaker == "杨光" and d.meta.speaker_title == "代市长"
    assert "代市长\u3000杨光" in [b.text for b in d.paragraphs]


@pytest.mark.parametrize(("raw", "clean"), [
    ("各位代表:现在,我代表", "各位代表：现在，我代表"),
    ("255 亿元", "255亿元"),
    ("布设卡口 36 个，增长 2.8%；", "布设卡口36个，增长2.8%；"),
    ("代市长 杨 光", "代市长杨光"),
    ("1,000人 8:30", "1,000人8:30"),
    ("研究与试验发展(R&D)经费", "研究与试验发展（R&D）经费"),
    ("认真加以解决。; 二", "认真加以解决。二"),
])
def test_typography_rules(raw, clean):
    assert ty.normalise(raw) == clean


def test_half_width_punctuation_is_gone_from_the_flattened_reports(corpus):
    d = doc(corpus, "wenxi-2021-gongzuobaogao")
    assert not re.search(r"[\u4e00-\u9fff][,:;!?][\u4e00-\u9fff]", text_of(d))


def test_real_bold_and_footnote_markers_stay(corpus):
    assert "**必须**" in text_of(doc(corpus, "lishi-2021-gongzuobaogao"))
    jingle = text_of(doc(corpus, "jingle-2021-gongzuobaogao"))
    assert all(m in jingle for m in "①⑤⑩⑲")


def test_newspaper_excerpt_is_marked_with_what_is_missing(corpus):
    d = doc(corpus, "lvliang-2021-gongzuobaogao")
    assert d.meta.completeness.status == "excerpt"
    assert "上接1版" in d.meta.completeness.note and "下转3版" in d.meta.completeness.note
    assert d.meta.date is None and d.meta.speaker is None
    assert "上接" not in text_of(d)
