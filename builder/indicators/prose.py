"""Records from a paragraph (or heading) of prose.

For each sentence: find the mentions (``mentions``), read the figures each
group owns (``figures``), share them out among the group's indicators, and
give every record its kind and period (``context``). Rules for sharing out:

- as many figures as indicators: in order (``城乡居民人均可支配收入分别增长
  6.3%和10.7%左右`` -> 城镇 6.3, 农村 10.7 左右; a qualifier belongs to the
  figure it follows);
- one figure for several indicators with 分别 or 均: each gets it
  (``城乡常住居民人均可支配收入均增长8%以上``);
- otherwise nothing is guessed.

A second level of one indicator makes a second record only as a 力争 stretch
goal in a later clause (``达到460亿元以上，力争突破500亿元``: two targets).

A level and a growth of one indicator make one record (``全区地区生产总值达到
255亿元，年均增长9.8%``), unless both carry different qualifiers
(``年均增长8%以上，力争达到2000亿元``: two statements, two records).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import replace as _replace

from builder.corpus.indicators import Indicator, Vocabulary
from builder.corpus.model import Block, Document
from builder.indicators.context import Context, sentence_context
from builder.indicators.figures import Figure, Figures, read_figures
from builder.indicators.mentions import Group, find_mentions, group_mentions, sentence_spans
from builder.indicators.record import Record

CLAUSE_START_RE = re.compile(r"[，,；;。：:！？]")
#: Growth bases as the reports write them -> the record's ``growth_basis``.
#: 较2015年 covers 与“十二五”末相比 / 较“十二五”末 (the 十二五 plan ended in 2015).
BASIS_RULES = (("年均", "年均"), ("同比", "同比"), ("比上年", "比上年"), ("较上年", "比上年"),
               ("与上年", "比上年"), ("较2015年", "较2015年"), ("比2015年", "较2015年"),
               ("较“十二五”末", "较2015年"), ("与“十二五”末相比", "较2015年"))
WHOLE_PERIOD_RE = re.compile(r"累计|期间|每年|年均|保持在|稳定在")
#: Areas narrower than the region that a sentence can set its figures for, as the
#: reports name them; 全县/全市/全区 after one turns back to the whole region.
AREA_RE = re.compile(r"(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|工业园区|产业园区|园区|"
                     r"主城区|城区|市区|县城|全县|全市|全区)")
#: Zones with their own administration (管委会) whose targets a sentence can list.
ZONE_RE = re.compile(r"经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区")
#: 新增高新技术企业2户, 净增规上工业企业4户: the word before the name makes the amount an increase.
INCREASE_BEFORE_RE = re.compile(r"(?:净增|新增|增加|多增|新培育)$")


@dataclass(frozen=True)
class Found:
    """A record and the places in its block's plain text that state it."""

    record: Record
    marks: tuple[tuple[int, int], ...]  # plain-text offsets of its figures
    cell: tuple[int, int] | None = None  # for a table: (row, column) of each mark's cell
    cells: tuple[tuple[int, int], ...] = ()


def scope_of(lead: str, region: str) -> str:
    """The area a sentence's figures are for, from the words before the mention (``lead``).

    Two ways a report narrows a figure to a part of the region:

    - the area is written in the mention's own clause: 离石 p-10 “市区空气质量优良率
      达到82.8%” -> 市区 (全县/全市/全区 there turn back to the region);
    - the sentence opens with a clause about a development zone, without a
      figure of its own, and lists the zone's targets: 榆社 p-19 “对标一流推动
      开发区大投入、高产出，工业投资增长20%以上，…规模以上工业增加值增长11%以上”
      -> 开发区.

    An area named in another clause is the subject of that clause only: 孝义 p-8
    “城区规划面积拓展到62平方公里，城镇化率达到70%” is the city's rate, 朔州 p-16
    “经纬通达物流园区被确定为…试点，…新增规上工业企业77家” the city's firms.
    """
    clause = lead[_clause_start(lead, len(lead)):]
    areas = AREA_RE.findall(clause)
    if areas:
        return region if areas[-1].startswith("全") else areas[-1]
    first = re.split(r"[，,；;：:]", lead, maxsplit=1)
    if len(first) > 1 and not re.search(r"\d", first[0]):
        zone = ZONE_RE.findall(first[0])
        if zone:
            return zone[-1]
    return region


def _clause_start(sentence: str, pos: int) -> int:
    starts = [m.end() for m in CLAUSE_START_RE.finditer(sentence, 0, pos)]
    return starts[-1] if starts else 0


def _basis(sentence: str, clause_start: int, fig: Figure, paragraph: str, ctx: Context) -> str:
    before = sentence[clause_start:fig.start]
    for word, basis in BASIS_RULES:
        if word in before:
            return basis
    if ctx.kind == "actual" and ctx.scope == "plan":
        for word, basis in BASIS_RULES[5:]:
            if word in paragraph:
                return basis
    return ""


def _share(figs: list[Figure], n: int, owned: str) -> list[Figure | None]:
    if len(figs) == n:
        return list(figs)
    if len(figs) >= 1 and n > 1 and re.search(r"分别|均", owned) and len(figs) == 1:
        return [figs[0]] * n
    if n == 1 and figs:
        return [figs[0]]
    return [None] * n


def _level_period(ind: Indicator, fig: Figure, ctx: Context, sentence: str, clause_start: int) -> str:
    if fig.year:
        return str(fig.year)
    if ctx.scope == "year":
        return ctx.period(end=True)
    before = sentence[_clause_start(sentence, fig.start):fig.start]
    whole = (ind.flow or bool(WHOLE_PERIOD_RE.search(before))
             or (ind.measure == "rate" and "控制在" in before))
    return ctx.period(end=not whole)


def _stretch_levels(sentence: str, levels: list[Figure]) -> list[Figure]:
    """Further levels of one indicator that a later clause sets as a stretch goal with 力争.

    孝义 p-20 “地区生产总值达到460亿元以上，力争突破500亿元”: two targets, two
    records (460 以上, then 500 突破). Any other second level of a lone
    indicator belongs to a following phrase (“城镇新增就业4603人以上、转移农村
    劳动力6373人以上”) and is not taken.
    """
    if not levels:
        return []
    return [f for f in levels[1:] if _clause_start(sentence, f.start) >= levels[0].end
            and "力争" in sentence[_clause_start(sentence, f.start):f.start]]


def _records_for(ind: Indicator, level: Figure | None, growth: Figure | None, ctx: Context,
                 sentence: str, clause_start: int, paragraph: str) -> list[tuple[Figure | None, Figure | None, str]]:
    """(level, growth, period) of each record one indicator's figures make."""
    if level and growth and level.qualifier and growth.qualifier and level.qualifier != growth.qualifier:
        return [*_records_for(ind, level, None, ctx, sentence, clause_start, paragraph),
                *_records_for(ind, None, growth, ctx, sentence, clause_start, paragraph)]
    if level:
        return [(level, growth, _level_period(ind, level, ctx, sentence, clause_start))]
    if growth:
        return [(None, growth, ctx.period(end=False))]
    return []


def extract_prose(doc: Document, block: Block, ctx: Context, vocab: Vocabulary) -> list[Found]:
    text = block.plain_text
    out: list[Found] = []
    for s0, s1 in sentence_spans(text):
        sentence = text[s0:s1]
        sctx = sentence_context(ctx, sentence, block)
        if sctx.kind == "actual":
            ctx = sctx  # a review's turn to the year or the plan holds for the next sentences
        for group in group_mentions(sentence, find_mentions(sentence, vocab)):
            out += _group_records(doc, block, sctx, vocab, sentence, s0, group, text)
    return out


def _group_records(doc: Document, block: Block, ctx: Context, vocab: Vocabulary, sentence: str, offset: int,
                   group: Group, paragraph: str) -> list[Found]:
    ids = group.indicators
    inds = [vocab.get(i) for i in ids]
    if any(i is None for i in inds):
        return []
    units = sorted({u for i in inds if i for u in i.units})
    clause_start = _clause_start(sentence, group.start)
    figs: Figures = read_figures(sentence, group.own_start, group.own_end, units, clause_start)
    lead = sentence[:group.start]
    owned = sentence[group.own_start:group.own_end]
    n = len(ids)
    rate_like = [i for i in inds if i and i.measure in ("rate", "change")]
    growths = [*figs.growths, *([figs.flat] if figs.flat else [])]
    out: list[Found] = []
    quote_end = figs.end
    if figs.from_to and n == 1:
        ind = inds[0]
        assert ind is not None
        first, last = figs.from_to
        growth = growths[0] if growths else None
        if ctx.kind == "target":  # 由73.47%提高到75%: the start is the past year's result
            start_year = first.year or ctx.year - 1
        else:
            start_year = first.year or int(ctx.period(end=False).split("-")[0]) - 1
        plan_ctx = Context("actual", "plan", ctx.year) if ctx.kind == "actual" else ctx
        end_period = str(last.year) if last.year else plan_ctx.period(end=True)
        start = _found(doc, block, ctx, sentence, offset, clause_start, paragraph, first, None, str(start_year), ind,
                       quote_end, lead)
        out.append(Found(_replace(start.record, kind="actual"), start.marks))
        items = [(last, growth, end_period)]
    else:
        if rate_like and len(rate_like) == n:
            # a rate's percentage is its level (失业率控制在3%以内), a price change's its growth
            levels = [f for f in [*figs.levels, *figs.growths] if not f.growth or rate_like[0].measure == "rate"]
            if rate_like[0].measure == "change":
                levels, growths = [], [*figs.growths, *figs.levels]
                growths = [Figure(f.value, "%", f.qualifier, f.start, f.end, growth=True) for f in growths]
            else:
                growths = [] if not figs.flat else [figs.flat]
                # 森林覆盖率增长0.57%: a rate's growth is a change of the rate, in points
                levels = sorted((_replace(f, increase=True) if f.growth else f for f in levels),
                                key=lambda f: f.start)
        else:
            levels = figs.levels
        lv = _share(levels, n, owned)
        gr = _share(growths, n, owned)
        items = []
        for k, ind in enumerate(inds):
            assert ind is not None
            for level, growth, period in _records_for(ind, lv[k], gr[k], ctx, sentence, clause_start, paragraph):
                items.append((level, growth, period, ind))  # type: ignore[arg-type]
        stretch = _stretch_levels(sentence, levels) if n == 1 else []
        if stretch:  # 地区生产总值达到460亿元以上 | 力争突破500亿元: each quoted up to its own figure
            quote_end = max((f.end for f in [*levels, *growths] if f not in stretch), default=quote_end)
        found = [_found(doc, block, ctx, sentence, offset, clause_start, paragraph, *item, quote_end, lead)
                 for item in items]
        if inds[0] is not None:
            for level in stretch:  # quoted from its own clause: 力争突破500亿元
                period = _level_period(inds[0], level, ctx, sentence, clause_start)
                found.append(_found(doc, block, ctx, sentence, offset, _clause_start(sentence, level.start),
                                    paragraph, level, None, period, inds[0], level.end, lead))
        return found
    ind = inds[0]
    assert ind is not None
    return out + [_found(doc, block, ctx, sentence, offset, clause_start, paragraph, level, growth, period, ind,
                         quote_end, lead) for level, growth, period in items]


def _found(doc: Document, block: Block, ctx: Context, sentence: str, offset: int, clause_start: int,
           paragraph: str, level: Figure | None, growth: Figure | None, period: str, ind: Indicator,
           quote_end: int, lead: str = "") -> Found:
    """The record; its quote runs from its clause's start to the group's last figure."""
    figs = [f for f in (level, growth) if f is not None]
    end = max(quote_end, *(f.end for f in figs))
    if growth is not None and growth.qualifier == "持平":
        qual = "持平"
    else:
        qual = next((f.qualifier for f in figs if f.qualifier), "")
    basis = _basis(sentence, clause_start, growth, paragraph, ctx) if growth else ""
    if growth is not None and growth.qualifier == "持平":
        basis = "比上年"
    kind = ctx.kind
    quote = sentence[clause_start:end].strip()
    increase = level is not None and not ind.flow and (level.increase or bool(INCREASE_BEFORE_RE.search(lead)))
    ambiguity = next((f.ambiguity for f in figs if f.ambiguity), "")
    record = Record(doc_id=doc.id, region=doc.meta.region, indicator=ind.id, kind=kind, period=period,
                    value=level.value if level else None, unit=level.unit if level else "",
                    growth_pct=growth.value if growth else None, growth_basis=basis, qualifier=qual,
                    quote=quote, anchor=block.anchor, value_kind="increase" if increase else "level",
                    scope=scope_of(lead, doc.meta.region), ambiguity=ambiguity)
    marks = tuple((offset + f.start, offset + f.end) for f in figs)
    return Found(record, marks)
