"""The figures a mention owns: levels, growths, a from-to pair, 持平.

Each rule with its example from the seeds:

- from-to: ``由2015年的67.9亿元增加到2020年154.7亿元`` -> 67.9 (2015) and
  154.7 (2020); ``从820.4亿元增加到1100.5亿元`` the same without years;
  ``PM2.5平均浓度从49微克/立方米下降到33微克/立方米`` downwards too.
- growth: a verb then percentages: ``增长10%左右``, ``下降2.99%`` (-2.99),
  ``年均增长9.8%``, ``增长5.4%和7.4%``, ``年均增速分别达到6.6%和8.2%``,
  ``居民消费价格涨幅控制在3%以内``.
- flat: ``一般公共预算收入与上年持平`` -> growth 0, qualifier 持平.
- level: any other figure with a unit the indicator is measured in
  (``完成92.2亿元``, ``分别达到2.7万元和8806元``, rates: ``控制在3%以内``).
- qualifier: the word right after a figure (左右 以上 以内 以下), else the
  word right before it (突破 超过 跨上 接近 约 不低于, as written), else 力争
  earlier in its clause.
- increase: an amount right after 净增/新增/增加/增长/多增 is an increase, not
  a level (``地区生产总值净增7.22亿元``, ``优良天数较上年增加27天``).
- ambiguity: in a list whose qualifier is written after the last figure only
  (``分别增长8%和8.5%以上``), the qualifier may reach every figure or the last
  one; each figure keeps what is written after it and carries a note saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from builder.indicators.numbers import NUMBER, UNIT_RE, normal_unit, parse_number

PCT = rf"{NUMBER}\s*[%％](?:左右|以上|以内|以下)?"
GROWTH_RE = re.compile(
    rf"(?P<verb>增长|下降|下滑|回落|增幅|增速|涨幅|提高|增)要?(?:分别|均)?(?:达到|达|为|控制在|保持在|在)?"
    rf"(?P<list>{PCT}(?:[和、及]{PCT})*)")
FROM_TO_RE = re.compile(
    rf"[由从](?:(?P<y1>\d{{4}})年的?)?(?:“十二五”末的)?(?P<n1>{NUMBER})\s*(?P<u1>{UNIT_RE})?"
    rf"(?:增加|增长|提高|提升|上升|下降|降低|减少)到(?:(?P<y2>\d{{4}})年的?)?(?P<n2>{NUMBER})\s*(?P<u2>{UNIT_RE})")
FLAT_RE = re.compile(r"[与比较]上年持平")
AMOUNT_RE = re.compile(rf"(?P<num>{NUMBER})\s*(?P<unit>{UNIT_RE})(?!级)")
ITEM_RE = re.compile(rf"(?P<num>{NUMBER})\s*[%％](?P<q>左右|以上|以内|以下)?")
AFTER_RE = re.compile(r"^(左右|以上|以内|以下|多)")
#: Words before a figure that qualify it, kept as written (the record's words
#: are the report's words): ``突破300亿元``, ``超过2万元``, ``跨上3万元``, ``接近2万元``.
BEFORE_WORDS = ("突破", "超过", "跨上", "接近", "不低于", "约")
NEGATIVE = ("下降", "下滑", "回落")
INCREMENT_RE = re.compile(r"(?:净增|增加|新增|多增|增长)$")


@dataclass(frozen=True)
class Figure:
    """One figure: a level (value+unit) or a growth percentage, with where it is."""

    value: float
    unit: str  # "%" for growth
    qualifier: str
    start: int  # offsets in the sentence
    end: int
    growth: bool = False
    year: int | None = None  # a year written with it (由2015年的67.9亿元)
    role: str = ""  # "from" | "to" for a from-to pair
    increase: bool = False  # an amount after 净增/新增/增加: an increase, not a level
    ambiguity: str = ""  # a note when a list's one qualifier may reach this figure too


def ambiguity_note(qualifier: str, count: int) -> str:
    """The note of a list whose only qualifier follows its last figure."""
    return (f"“{qualifier}”只写在{count}个并列数字的最后一个之后：可读作只限定最后一个数字（本条记录按字面如此记录），"
            f"也可读作限定全部{count}个数字")


def _mark_ambiguous(figs: list[Figure]) -> list[Figure]:
    """Notes for a list like 8%和8.5%以上: qualified at its end only."""
    if len(figs) < 2 or not figs[-1].qualifier or any(f.qualifier for f in figs[:-1]):
        return figs
    if figs[-1].qualifier not in ("左右", "以上", "以内", "以下"):
        return figs
    note = ambiguity_note(figs[-1].qualifier, len(figs))
    return [replace(f, ambiguity=note) for f in figs]


@dataclass
class Figures:
    levels: list[Figure]
    growths: list[Figure]
    flat: Figure | None = None
    from_to: tuple[Figure, Figure] | None = None

    @property
    def end(self) -> int:
        all_ = [*self.levels, *self.growths, *([self.flat] if self.flat else []),
                *(self.from_to or ())]
        return max((f.end for f in all_), default=0)


def qualifier(sentence: str, start: int, end: int, clause_start: int) -> tuple[str, int]:
    """(qualifier, end including it) of the figure at ``sentence[start:end]``."""
    after = AFTER_RE.match(sentence[end:])
    if after and after.group(1) != "多":
        return after.group(1), end + len(after.group(1))
    before = sentence[max(clause_start, start - 3):start]
    for word in BEFORE_WORDS:
        if before.endswith(word):
            return word, end
    if "力争" in sentence[clause_start:start]:
        return "力争", end
    return "", end


def read_figures(sentence: str, start: int, end: int, units: list[str], clause_start: int) -> Figures:
    """The figures in ``sentence[start:end]`` for an indicator measured in ``units``."""
    text = sentence[:end]
    used = [False] * len(sentence)

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    def use(a: int, b: int) -> None:
        for k in range(a, b):
            used[k] = True

    out = Figures([], [])
    ft = FROM_TO_RE.search(text, start)
    if ft:
        u2 = normal_unit(ft["u2"])
        u1 = normal_unit(ft["u1"] or ft["u2"])
        if u2 in units and u1 == u2:
            q2, e2 = qualifier(sentence, ft.start("n2"), ft.end("u2"), clause_start)
            f1 = Figure(parse_number(ft["n1"]) or 0.0, u1, "", ft.start("n1"), ft.end("n1"),
                        year=int(ft["y1"]) if ft["y1"] else None, role="from")
            f2 = Figure(parse_number(ft["n2"]) or 0.0, u2, q2 if q2 != "力争" else "", ft.start("n2"), e2,
                        year=int(ft["y2"]) if ft["y2"] else None, role="to")
            out.from_to = (f1, f2)
            use(ft.start(), ft.end())
    for g in GROWTH_RE.finditer(text, start):
        if not free(g.start(), g.end()):
            continue
        sign = -1 if g["verb"] in NEGATIVE else 1
        items: list[Figure] = []
        for it in ITEM_RE.finditer(g["list"]):
            a = g.start("list") + it.start("num")
            b = g.start("list") + it.end()
            value = parse_number(it["num"])
            if value is None:
                continue
            q = it["q"] or ("力争" if "力争" in sentence[clause_start:a] else "")
            items.append(Figure(sign * value, "%", q, a, b, growth=True))
        out.growths += _mark_ambiguous(items) if not any(f.qualifier == "力争" for f in items) else items
        use(g.start(), g.end())
    flat = FLAT_RE.search(text, start)
    if flat and free(flat.start(), flat.end()):
        out.flat = Figure(0.0, "%", "持平", flat.start(), flat.end(), growth=True)
        use(flat.start(), flat.end())
    for m in AMOUNT_RE.finditer(text, start):
        unit = normal_unit(m["unit"])
        if unit not in units or not free(m.start(), m.end()):
            continue
        if re.match(r"\d{4}$", m["num"]) and sentence[m.end("num"):m.end("num") + 1] == "年":
            continue
        increase = bool(INCREMENT_RE.search(sentence[max(start, m.start() - 3):m.start()]))
        value = parse_number(m["num"])
        if value is None:
            continue
        q, e = qualifier(sentence, m.start(), m.end(), clause_start)
        out.levels.append(Figure(value, unit, q, m.start(), e, increase=increase))
        use(m.start(), m.end())
    out.levels.sort(key=lambda f: f.start)
    out.levels = _share_before_words(sentence, out.levels)
    out.levels = _ambiguous_lists(sentence, out.levels)
    out.growths.sort(key=lambda f: f.start)
    return out


def _share_before_words(sentence: str, levels: list[Figure]) -> list[Figure]:
    """``分别超过2万元和1万元``: a word before the first of a list qualifies every figure in it.

    Only a word before the list is shared; a word after a figure stays with
    that figure (``增长8%和8%以上``: 8 and 8 以上), as the report writes it.
    """
    out: list[Figure] = []
    for f in levels:
        prev = out[-1] if out else None
        if (prev and not f.qualifier and prev.qualifier in BEFORE_WORDS
                and re.fullmatch(r"[和、及]", sentence[prev.end:f.start])):
            f = replace(f, qualifier=prev.qualifier)
        out.append(f)
    return out


def _ambiguous_lists(sentence: str, levels: list[Figure]) -> list[Figure]:
    """Runs of levels joined by 和/、/及 (``分别达到2.7万元和8806元以上``) get the ambiguity note."""
    out: list[Figure] = []
    run: list[Figure] = []
    for f in [*levels, None]:
        if f is not None and run and re.fullmatch(r"[和、及]", sentence[run[-1].end:f.start]) \
                and not run[-1].qualifier:
            run.append(f)
            continue
        out += _mark_ambiguous(run)
        run = [f] if f is not None else []
    return out
