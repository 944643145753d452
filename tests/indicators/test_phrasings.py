"""Each phrasing the reports use, on the real paragraph that uses it.

Every test names the document and paragraph; the sentence quoted in the
docstring is the corpus text the records must come from.
"""

from __future__ import annotations

from collections.abc import Callable

from builder.indicators import Record

Reader = Callable[[str, str], list[Record]]


def one(records: list[Record], indicator: str, kind: str | None = None, period: str | None = None) -> Record:
    hits = [r for r in records if r.indicator == indicator and (kind is None or r.kind == kind)
            and (period is None or r.period == period)]
    assert len(hits) == 1, f"{indicator} {kind} {period}: {hits}"
    return hits[0]


def fields(r: Record) -> tuple:
    return (r.kind, r.period, r.value, r.unit, r.growth_pct, r.growth_basis, r.qualifier)


def test_target_about_ten_percent(records_at: Reader) -> None:
    """离石 p-41: 主要预期目标是：地区生产总值增长10%左右"""
    r = one(records_at("lishi-2021-gongzuobaogao", "p-41"), "gdp")
    assert fields(r) == ("target", "2021", None, "", 10.0, "", "左右")
    assert r.quote == "地区生产总值增长10%左右"


def test_two_indicators_in_one_phrase_share_the_figures_in_order(records_at: Reader) -> None:
    """离石 p-41: 城乡居民人均可支配收入分别增长6.3%和10.7%左右 — two records, the qualifier stays with 10.7."""
    recs = records_at("lishi-2021-gongzuobaogao", "p-41")
    assert fields(one(recs, "urban-income")) == ("target", "2021", None, "", 6.3, "", "")
    assert fields(one(recs, "rural-income")) == ("target", "2021", None, "", 10.7, "", "左右")
    quote = "城乡居民人均可支配收入分别增长6.3%和10.7%左右"
    assert one(recs, "urban-income").quote == one(recs, "rural-income").quote == quote


def test_one_figure_for_both_with_jun(records_at: Reader) -> None:
    """朔州 p-36: 城乡常住居民人均可支配收入均增长8%以上"""
    recs = records_at("shuozhou-2021-gongzuobaogao", "p-36")
    assert one(recs, "urban-income").growth_pct == one(recs, "rural-income").growth_pct == 8.0
    assert one(recs, "rural-income").qualifier == "以上"


def test_flat_on_last_year(records_at: Reader) -> None:
    """离石 p-41: 一般公共预算收入与上年持平"""
    r = one(records_at("lishi-2021-gongzuobaogao", "p-41"), "public-budget-revenue")
    assert fields(r) == ("target", "2021", None, "", 0.0, "比上年", "持平")


def test_rate_kept_within(records_at: Reader) -> None:
    """离石 p-41: 城镇登记失业率控制在3%以内 — the rate is the level, not a growth."""
    r = one(records_at("lishi-2021-gongzuobaogao", "p-41"), "registered-unemployment")
    assert fields(r) == ("target", "2021", 3.0, "%", None, "", "以内")


def test_price_rise_is_a_growth(records_at: Reader) -> None:
    """稷山 p-26: 居民消费价格水平增幅控制在3%左右"""
    r = one(records_at("jishan-2021-gongzuobaogao", "p-26"), "cpi")
    assert fields(r) == ("target", "2021", None, "", 3.0, "", "左右")


def test_jobs_target_with_yishang(records_at: Reader) -> None:
    """离石 p-41: 城镇新增就业5000人以上"""
    r = one(records_at("lishi-2021-gongzuobaogao", "p-41"), "urban-new-jobs")
    assert fields(r) == ("target", "2021", 5000.0, "人", None, "", "以上")


def test_level_and_growth_in_one_phrase(records_at: Reader) -> None:
    """灵石 p-7: 固定资产投资完成80.1亿元，同比增长7.4%"""
    r = one(records_at("lingshi-2021-gongzuobaogao", "p-7"), "fixed-asset-investment")
    assert fields(r) == ("actual", "2020", 80.1, "亿元", 7.4, "同比", "")
    assert r.quote == "固定资产投资完成80.1亿元，同比增长7.4%"


def test_decline_is_negative(records_at: Reader) -> None:
    """朔州 p-15: 一般公共预算收入完成89.5亿元，下降2.99%"""
    r = one(records_at("shuozhou-2021-gongzuobaogao", "p-15"), "public-budget-revenue")
    assert (r.value, r.growth_pct) == (89.5, -2.99)


def test_pair_levels_and_growths(records_at: Reader) -> None:
    """稷山 p-7: 城镇和农村居民人均可支配收入分别达到30598元和13228元，增长5.4%和7.4%"""
    recs = records_at("jishan-2021-gongzuobaogao", "p-7")
    assert fields(one(recs, "urban-income")) == ("actual", "2020", 30598.0, "元", 5.4, "", "")
    assert fields(one(recs, "rural-income")) == ("actual", "2020", 13228.0, "元", 7.4, "", "")


def test_listed_indicators_share_a_list_of_figures(records_at: Reader) -> None:
    """稷山 p-14: 地区生产总值、固定资产投资和外贸进出口总额等指标，年均增长达到8.5%、4.8%和7.2%"""
    recs = records_at("jishan-2021-gongzuobaogao", "p-14")
    got = {r.indicator: (r.period, r.growth_pct, r.growth_basis) for r in recs
           if r.indicator in ("gdp", "fixed-asset-investment", "import-export")}
    assert got == {"gdp": ("2016-2020", 8.5, "年均"), "fixed-asset-investment": ("2016-2020", 4.8, "年均"),
                   "import-export": ("2016-2020", 7.2, "年均")}


def test_five_year_average_with_level_to_reach_by_2025(records_at: Reader) -> None:
    """离石 p-31: 预计到“十四五”末，全区地区生产总值达到255亿元，年均增长9.8%"""
    r = one(records_at("lishi-2021-gongzuobaogao", "p-31"), "gdp")
    assert fields(r) == ("target", "2025", 255.0, "亿元", 9.8, "年均", "")


def test_synonym_she_hui_xiao_fei_ling_shou_zong_e(records_at: Reader) -> None:
    """离石 p-31: 社会消费零售总额达到95亿元 (= 社会消费品零售总额)"""
    r = one(records_at("lishi-2021-gongzuobaogao", "p-31"), "retail-sales")
    assert (r.value, r.period) == (95.0, "2025")


def test_five_year_average_alone_is_for_the_plan_period(records_at: Reader) -> None:
    """襄汾 p-16: 地区生产总值年均增长8.5%左右"""
    r = one(records_at("xiangfen-2021-gongzuobaogao", "p-16"), "gdp")
    assert fields(r) == ("target", "2021-2025", None, "", 8.5, "年均", "左右")


def test_growth_and_stretch_level_are_two_statements(records_at: Reader) -> None:
    """朔州 p-25: 地区生产总值年均增长8%以上，力争达到2000亿元"""
    recs = records_at("shuozhou-2021-gongzuobaogao", "p-25")
    assert fields(one(recs, "gdp", period="2021-2025")) == ("target", "2021-2025", None, "", 8.0, "年均", "以上")
    assert fields(one(recs, "gdp", period="2025")) == ("target", "2025", 2000.0, "亿元", None, "", "力争")


def test_from_2015_to_2020(records_at: Reader) -> None:
    """离石纲要 p-11: 全区地区生产总值由2015年的67.9亿元增加到2020年154.7亿元，年均增长7.3%"""
    recs = records_at("lishi-2021-shisiwu-guihua-gangyao", "p-11")
    assert fields(one(recs, "gdp", period="2015")) == ("actual", "2015", 67.9, "亿元", None, "", "")
    assert fields(one(recs, "gdp", period="2020")) == ("actual", "2020", 154.7, "亿元", 7.3, "年均", "")


def test_yi_alone_means_yi_yuan(records_at: Reader) -> None:
    """稷山 p-14: 全县财政总收入由3.36亿增长到6.92亿，年均增长15.6%"""
    r = one(records_at("jishan-2021-gongzuobaogao", "p-14"), "fiscal-revenue", period="2020")
    assert (r.value, r.unit, r.growth_pct) == (6.92, "亿元", 15.6)


def test_wan_yuan_kept_as_written(records_at: Reader) -> None:
    """静乐 p-5: 城乡居民人均可支配收入分别达到2.7万元和8806元"""
    recs = records_at("jingle-2021-gongzuobaogao", "p-5")
    assert (one(recs, "urban-income").value, one(recs, "urban-income").unit) == (2.7, "万元")
    assert (one(recs, "rural-income").value, one(recs, "rural-income").unit) == (8806.0, "元")


def test_word_before_a_list_qualifies_every_figure(records_at: Reader) -> None:
    """文水 p-13: 城乡居民可支配收入分别超过2万元和1万元"""
    recs = records_at("wenshui-2021-gongzuobaogao", "p-13")
    assert one(recs, "urban-income").qualifier == one(recs, "rural-income").qualifier == "超过"


def test_a_year_in_review_turns_the_paragraph_to_that_year(records_at: Reader) -> None:
    """榆社 p-6: 五年来，……2020年是“十三五”收官之年，一年来……GDP由负转正，同比增长2.7%"""
    r = one(records_at("yushe-2021-gongzuobaogao", "p-6"), "gdp")
    assert fields(r) == ("actual", "2020", None, "", 2.7, "同比", "")


def test_compared_with_2015(records_at: Reader) -> None:
    """孝义 p-5: 与“十二五”末相比，地区生产总值增长5.9%"""
    r = one(records_at("xiaoyi-2021-gongzuobaogao-zhaiyao", "p-5"), "gdp")
    assert fields(r) == ("actual", "2016-2020", None, "", 5.9, "较2015年", "")


def test_short_form_after_grain(records_at: Reader) -> None:
    """文水 p-22: 粮食播种面积稳定在45.91万亩以上，总产达到2.27亿公斤以上"""
    r = one(records_at("wenshui-2021-gongzuobaogao", "p-22"), "grain-output")
    assert fields(r) == ("target", "2021", 2.27, "亿公斤", None, "", "以上")


def test_net_increase_is_an_increase_not_a_level(records_at: Reader) -> None:
    """榆社 p-17: 地区生产总值净增7.22亿元 — 7.22亿元 more than 2020, not the GDP itself."""
    r = one(records_at("yushe-2021-gongzuobaogao", "p-17"), "gdp")
    assert fields(r) == ("target", "2021", 7.22, "亿元", None, "", "")
    assert r.value_kind == "increase"


def test_downward_from_to(records_at: Reader) -> None:
    """离石 p-18: PM2.5平均浓度从49微克/立方米下降到33微克/立方米 — the start is not the result."""
    recs = [r for r in records_at("lishi-2021-gongzuobaogao", "p-18") if r.indicator == "pm25"]
    assert sorted((r.period, r.value) for r in recs) == [("2015", 49.0), ("2020", 33.0)]


def test_a_later_item_of_one_strive_clause_is_not_a_second_target(records_at: Reader) -> None:
    """吕梁 p-45: 力争高新技术企业达75家、科技型中小企业达90家 — 90 is the other firms'."""
    r = one(records_at("lvliang-2021-gongzuobaogao", "p-45"), "high-tech-enterprises")
    assert (r.value, r.unit, r.qualifier) == (75.0, "家", "力争")


def test_other_indicators_containing_the_name_are_not_it(records_at: Reader) -> None:
    """朔州 p-11: 亿元地区生产总值生产安全事故死亡率控制在0.05以下 is not GDP."""
    assert not [r for r in records_at("shuozhou-2021-gongzuobaogao", "p-11") if r.indicator == "gdp"]


def test_heading_states_a_target(records_at: Reader) -> None:
    """盐湖 h-4: （二）“十四五”时期……地区生产总值年均增长10%"""
    r = one(records_at("yanhu-2021-gongzuobaogao", "h-4"), "gdp")
    assert fields(r) == ("target", "2021-2025", None, "", 10.0, "年均", "")


def test_a_stretch_target_after_a_firm_one_is_a_second_statement(records_at: Reader) -> None:
    """孝义 p-20: “十四五”末，地区生产总值达到460亿元以上，力争突破500亿元 — two 2025 targets, two keys."""
    recs = [r for r in records_at("xiaoyi-2021-gongzuobaogao-zhaiyao", "p-20") if r.indicator == "gdp"]
    assert [fields(r) for r in recs] == [("target", "2025", 460.0, "亿元", None, "", "以上"),
                                         ("target", "2025", 500.0, "亿元", None, "", "突破")]
    assert [r.quote for r in recs] == ["地区生产总值达到460亿元以上", "力争突破500亿元"]
    assert [r.ordinal for r in recs] == [1, 2]
    assert len({r.key for r in recs}) == 2


def test_a_second_level_of_another_phrase_is_not_taken(records_at: Reader) -> None:
    """闻喜 p-47: 新增城镇就业4603人以上、转移农村劳动力6373人以上 — 6373 is 转移农村劳动力's."""
    r = one(records_at("wenxi-2021-gongzuobaogao", "p-47"), "urban-new-jobs")
    assert fields(r) == ("target", "2021", 4603.0, "人", None, "", "以上")


def test_gutou_is_fixed_asset_investment(records_at: Reader) -> None:
    """文水 p-19: 实施总投资121.77亿元的项目68个，力争完成固投35亿元"""
    r = one(records_at("wenshui-2021-gongzuobaogao", "p-19"), "fixed-asset-investment")
    assert fields(r) == ("target", "2021", 35.0, "亿元", None, "", "力争")


def test_primary_industry_gutou_is_another_indicator(records_at: Reader) -> None:
    """榆社 p-20: 确保一产增加值达到7.78亿元，一产固投增速达到12%以上 — not 固定资产投资."""
    assert [r for r in records_at("yushe-2021-gongzuobaogao", "p-20") if r.indicator == "fixed-asset-investment"] == []


def test_net_income_pair_under_its_older_name(records_at: Reader) -> None:
    """离石 p-16: 城乡居民人均纯收入分别达到32851元和7901元"""
    recs = records_at("lishi-2021-gongzuobaogao", "p-16")
    assert fields(one(recs, "urban-income")) == ("actual", "2020", 32851.0, "元", None, "", "")
    assert fields(one(recs, "rural-income")) == ("actual", "2020", 7901.0, "元", None, "", "")
