"""The fields researchers code (issue 16), on the real paragraphs the review found them in.

Scope, 净增 increases, the 专栏 rows, the ambiguity of a qualifier written
once, the literature's qualifier classes, the plan tables' 属性 and
cumulative figures, and values in the indicator's normal unit.
"""

from __future__ import annotations

from builder.corpus.indicators import Vocabulary
from builder.corpus.load import Corpus
from builder.indicators import Record, extract_document
from builder.indicators.coding import qualifier_class
from builder.indicators.numbers import convert, parse_cell
from builder.indicators.tables import row_indicator

OUTLINE = "lishi-2021-shisiwu-guihua-gangyao"


def at(records: list[Record], doc: str, anchor: str, indicator: str) -> list[Record]:
    return [r for r in records if r.doc_id == doc and r.anchor == anchor and r.indicator == indicator]


def test_the_development_zones_target_is_scoped_to_the_zone(records: list[Record]) -> None:
    """榆社 p-19 “对标一流推动开发区大投入、高产出，…规模以上工业增加值增长11%以上”."""
    [r] = at(records, "yushe-2021-gongzuobaogao", "p-19", "industrial-value-added")
    assert (r.growth_pct, r.qualifier, r.scope) == (11.0, "以上", "开发区")


def test_the_countys_own_targets_keep_the_county_as_scope(records: list[Record]) -> None:
    """榆社 p-17 is the county's list of targets; p-19's 新增高新技术企业2户 is the county's too."""
    for r in [r for r in records if r.doc_id == "yushe-2021-gongzuobaogao" and r.anchor == "p-17"]:
        assert r.scope == "榆社县", r
    [firms] = at(records, "yushe-2021-gongzuobaogao", "p-19", "high-tech-enterprises")
    assert firms.scope == "榆社县"


def test_an_area_named_in_another_clause_does_not_narrow_the_figure(records: list[Record]) -> None:
    """孝义 p-8 “城区规划面积拓展到62平方公里，城镇化率达到70%” is the city's rate."""
    [r] = at(records, "xiaoyi-2021-gongzuobaogao-zhaiyao", "p-8", "urbanization-rate")
    assert r.scope == "孝义市"


def test_yushe_has_its_net_increase_gdp_target(records: list[Record]) -> None:
    """榆社 p-17 “地区生产总值净增7.22亿元，规模以上工业增加值净增2亿元”."""
    [gdp] = at(records, "yushe-2021-gongzuobaogao", "p-17", "gdp")
    assert (gdp.kind, gdp.period, gdp.value, gdp.unit, gdp.value_kind) == ("target", "2021", 7.22, "亿元", "increase")
    assert gdp.growth_pct is None  # an increase is not turned into a growth rate
    [iva] = at(records, "yushe-2021-gongzuobaogao", "p-17", "industrial-value-added")
    assert (iva.value, iva.value_kind) == (2.0, "increase")


def test_the_ambiguous_reach_of_one_qualifier_is_recorded(records: list[Record]) -> None:
    """吕梁 p-37 “城乡居民人均可支配收入分别增长8%和8.5%以上”: 以上 after the second figure only."""
    [urban] = at(records, "lvliang-2021-gongzuobaogao", "p-37", "urban-income")
    [rural] = at(records, "lvliang-2021-gongzuobaogao", "p-37", "rural-income")
    assert (urban.growth_pct, urban.qualifier, rural.growth_pct, rural.qualifier) == (8.0, "", 8.5, "以上")
    assert urban.ambiguity and urban.ambiguity == rural.ambiguity
    assert "以上" in urban.ambiguity


def test_a_qualifier_written_after_each_figure_is_not_ambiguous(records: list[Record]) -> None:
    """静乐 p-23 “城乡居民人均可支配收入分别增长8%以上”: one figure, shared by 分别."""
    for r in at(records, "jingle-2021-gongzuobaogao", "p-23", "urban-income"):
        assert not r.ambiguity


def test_the_same_ambiguity_in_the_other_reports(records: list[Record]) -> None:
    """文水 p-16, 稷山 p-26, 襄汾 p-31, 孝义 p-26 write 分别增长8%和8%以上 too (the review's list)."""
    for doc, anchor in (("wenshui-2021-gongzuobaogao", "p-16"), ("jishan-2021-gongzuobaogao", "p-26"),
                        ("xiangfen-2021-gongzuobaogao", "p-31"), ("xiaoyi-2021-gongzuobaogao-zhaiyao", "p-26")):
        assert all(r.ambiguity for r in at(records, doc, anchor, "urban-income")), doc


def test_qualifier_classes_on_real_targets(records: list[Record]) -> None:
    """floor 以上, approximate 左右, ceiling 以内/控制在, stretch 力争, exact otherwise."""
    def cls(doc: str, anchor: str, indicator: str) -> set[str]:
        return {r.qualifier_class for r in at(records, doc, anchor, indicator) if r.kind == "target"}
    assert cls("lvliang-2021-gongzuobaogao", "p-37", "gdp") == {"floor"}  # 增长8%以上
    assert cls("lishi-2021-gongzuobaogao", "p-41", "gdp") == {"approximate"}  # 增长10%左右
    assert cls("lishi-2021-gongzuobaogao", "p-41", "registered-unemployment") == {"ceiling"}  # 控制在3%以内
    assert cls("wenshui-2021-gongzuobaogao", "p-19", "fixed-asset-investment") == {"stretch"}  # 力争完成固投35亿元
    assert cls("xiaoyi-2021-gongzuobaogao-zhaiyao", "p-26", "gdp") == {"exact"}  # 增长8%
    assert cls("jingle-2021-gongzuobaogao", "p-30", "forest-coverage") == {"floor"}  # 确保…增长0.57%以上


def test_clause_words_set_the_class_when_no_qualifier_is_written() -> None:
    assert qualifier_class("", "确保森林覆盖率年均增长0.82%") == "floor"
    assert qualifier_class("", "居民消费价格涨幅控制在3%") == "ceiling"
    assert qualifier_class("", "争取有效发明专利达270件") == "stretch"
    assert qualifier_class("", "1\t力争达到全省平均水平\t预期性") == "exact"  # a table row is not a clause


def test_plan_tables_give_the_attribute_and_cumulative_totals(records: list[Record]) -> None:
    """专栏1 属性 column; [600] 亿元 of 固定资产投资 is the 2016-2020 total."""
    forest = at(records, OUTLINE, "p-19", "forest-coverage")
    assert forest and {r.attribute for r in forest} == {"约束性"}
    [total] = [r for r in at(records, OUTLINE, "p-19", "fixed-asset-investment") if r.period == "2016-2020"]
    assert (total.value, total.cumulative, total.attribute) == (600.0, True, "预期性")
    assert not any(r.cumulative for r in at(records, OUTLINE, "p-46", "gdp"))


def test_values_are_normalised_to_the_indicators_unit(records: list[Record]) -> None:
    """吕梁 p-37 城镇新增就业3.9万人 -> 39000人; 稷山 p-9 粮食 2.89亿公斤 -> 28.9万吨."""
    [jobs] = at(records, "lvliang-2021-gongzuobaogao", "p-37", "urban-new-jobs")
    assert (jobs.value, jobs.unit, jobs.normal_value, jobs.normal_unit) == (3.9, "万人", 39000.0, "人")
    [grain] = at(records, "jishan-2021-gongzuobaogao", "p-9", "grain-output")
    assert (grain.normal_value, grain.normal_unit) == (28.9, "万吨")
    assert convert(1.2, "亿美元", "亿元") is None  # needs an exchange rate: never guessed


def test_growth_rows_of_a_plan_table_state_changes(records: list[Record]) -> None:
    """专栏2 “单位GDP能源消耗降低（%）| 4.27” is a fall of 4.27%; “居民人均可支配收入增长率” 7.5 a yearly growth."""
    [energy] = at(records, OUTLINE, "p-46", "energy-intensity")
    assert (energy.kind, energy.period, energy.value, energy.growth_pct) == ("actual", "2020", None, -4.27)
    income = {(r.kind, r.period): r.growth_pct for r in at(records, OUTLINE, "p-46", "resident-income")}
    assert income == {("actual", "2020"): 3.8, ("target", "2021-2025"): 7.5}


def _table_after(corpus: Corpus, caption: str):
    doc = corpus.by_id(OUTLINE)
    assert doc is not None
    i = next(i for i, b in enumerate(doc.blocks) if b.anchor == caption)
    assert doc.blocks[i + 1].kind == "table"
    return doc, doc.blocks[i + 1]


def test_every_row_of_the_plans_tables_is_extracted(corpus: Corpus, vocabulary: Vocabulary) -> None:
    """专栏1 and 专栏2: every row names a vocabulary indicator, every figure cell is in a record.

    (Of 专栏2's 34 rows, 3 were extracted before issue 16.) Cells holding text
    (完成市任务), a range (9-12) or a dash give no figure and are not counted.
    """
    for caption in ("p-19", "p-46"):
        doc, table = _table_after(corpus, caption)
        found = [f for f in extract_document(doc, vocabulary) if f.record.anchor == caption and f.cells]
        covered = {cell for f in found for cell in f.cells}
        name_col = next(i for i, c in enumerate(table.rows[0]) if c.strip() == "指标")
        attr_col = next(i for i, c in enumerate(table.rows[0]) if c.strip() == "属性")
        rows = 0
        for r, row in enumerate(table.rows):
            label = row[name_col].strip()
            if r == 0 or not label:
                continue
            if label.startswith(("一、", "二、", "三、", "四、", "五、", "六、")):
                continue
            if all(not c.strip() for c in row[name_col + 1:]):  # a second header row or a group title
                continue
            rows += 1
            assert row_indicator(label, vocabulary) is not None, f"{caption} row {r}: {label}"
            for c, cell in enumerate(row):
                if c > name_col and c != attr_col and parse_cell(cell)[0] is not None:
                    assert (r, c) in covered, f"{caption} row {r} {label}: cell {cell!r} not extracted"
        assert rows >= 34 if caption == "p-46" else rows >= 40
