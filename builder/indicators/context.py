"""Whether a paragraph reports results or promises, and for which period.

A work report has the same three parts everywhere (the headings of the seeds):
a review (``一、2020年和“十三五”工作回顾``: what was achieved), the five-year
plan (``二、“十四五”时期奋斗目标和工作任务``: targets for 2021-2025) and this
year's plan (``三、2021年工作安排``: targets for 2021). The section a
paragraph sits in gives its default; the paragraph's own words refine it:

- ``主要预期目标是``/``主要目标是`` with 今年 or 2021年: this year's targets,
  wherever the paragraph sits;
- in a review, a paragraph speaking of 五年, 十三五, 十二五 or 2015年 reports
  the five-year plan (``五年来…地区生产总值年均增长6.7%``), otherwise the
  past year (``全年地区生产总值同比增长2.8%``);
- a sentence with 到2025年 / “十四五”末 / 到“十四五” promises the plan's end.

The years come from the document (``year: 2021``): the past year is 2020, the
running plan 2021-2025, the finished one 2016-2020.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.corpus.model import Block, Document

REVIEW_RE = re.compile(r"回顾|成就|实现情况|工作总结")
YEAR_PLAN_RE = re.compile(r"工作安排|年度|(?<!\d)20\d\d年(?!和)")
PLAN_RE = re.compile(r"十四五|目标|规划|远景|二〇三五|2035")
ANNUAL_TARGET_RE = re.compile(r"预期(?:目标|指标)|主要目标[是为：:]")
YEAR_CUES_RE = re.compile(r"一年来|全年|过去一年|去年")
PLAN_CUES_RE = re.compile(r"五年|十三五|十二五|2015年|年均")
FIVE_YEARS_RE = re.compile(r"五年|十三五|十二五|2015年")
PLAN_SENTENCE_RE = re.compile(r"到20\d\d年|十四五|今后五年|未来五年")


@dataclass(frozen=True)
class Context:
    kind: str  # actual | target
    scope: str  # "year" (one year) | "plan" (a five-year plan)
    year: int  # the report's year: actuals are for year-1, targets for year

    def period(self, *, end: bool) -> str:
        """The record's period: a year, the plan period, or (``end``) the plan's end year."""
        if self.scope == "year":
            return str(self.year - 1 if self.kind == "actual" else self.year)
        first, last = plan_years(self.year - 1 if self.kind == "actual" else self.year)
        return str(last) if end else f"{first}-{last}"


def plan_years(year: int) -> tuple[int, int]:
    """The five-year plan containing ``year``: 2020 -> (2016, 2020), 2021 -> (2021, 2025)."""
    first = 2001 + 5 * ((year - 2001) // 5)
    return first, first + 4


def section_titles(doc: Document) -> dict[int, str]:
    """Block index -> the titles of the headings it sits under, outermost first."""
    out: dict[int, str] = {}
    path: dict[int, str] = {}
    for i, b in enumerate(doc.blocks):
        if b.kind == "heading":
            path = {lvl: t for lvl, t in path.items() if lvl < b.level}
            path[b.level] = b.plain_text
        out[i] = " ".join(path[k] for k in sorted(path))
    return out


def _section_default(titles: str, doc: Document) -> tuple[str, str] | None:
    review = bool(REVIEW_RE.search(titles))
    plan = bool(PLAN_RE.search(titles))
    if review and not plan:
        return ("actual", "plan" if "十三五" in titles and not re.search(r"20\d\d年", titles) else "year")
    if review and plan:
        return None  # 文水: 十三五时期发展成就和十四五时期主要目标任务 — the paragraph decides
    if "工作安排" in titles or (re.search(r"20\d\d年", titles) and "十四五" not in titles):
        return ("target", "year")
    if plan or doc.meta.doc_type == "规划纲要":
        return ("target", "plan")
    return ("target", "year") if titles else ("actual", "year")


def block_context(doc: Document, index: int, titles: str | None = None) -> Context:
    """The default context of ``doc.blocks[index]`` (see the module docstring)."""
    block = doc.blocks[index]
    if titles is None:
        titles = section_titles(doc)[index]
    text = block.plain_text
    year = doc.meta.year
    if block.kind == "heading":
        titles = text
    this_year = re.compile(f"今年|本年|{year}年")
    if ANNUAL_TARGET_RE.search(text) and this_year.search(text[:120]) and not re.search(r"十四五|今后五年", text[:80]):
        return Context("target", "year", year)
    default = _section_default(titles, doc)
    if default is None:
        default = ("target", "plan") if re.search(r"十四五|2025年|今后五年", text) else ("actual", "plan")
    kind, scope = default
    if kind == "actual":
        scope = "plan" if FIVE_YEARS_RE.search(text) else "year"
    elif scope == "year" and re.search(r"到“?十四五”?末|到2025年|十四五期间|“十四五”期间", text[:40]):
        scope = "plan"
    return Context(kind, scope, year)


def sentence_context(base: Context, sentence: str, block: Block) -> Context:
    """Refine a paragraph's context by one sentence's own words.

    A sentence that names the plan's end promises for it, whatever its
    paragraph. In a review, a sentence with 一年来/全年 turns to the past year
    and one with 五年/十三五/年均 to the plan; the turn holds for the
    sentences after it (榆社 p-6: ``五年来，…2020年是“十三五”收官之年，一年来的
    工作殊为不易。…GDP由负转正，同比增长2.7%`` is 2020).
    """
    if base.kind == "actual":
        if YEAR_CUES_RE.search(sentence):
            return Context("actual", "year", base.year)
        if PLAN_CUES_RE.search(sentence):
            return Context("actual", "plan", base.year)
        if f"{base.year - 1}年" in sentence:
            return Context("actual", "year", base.year)
        return base
    if base.kind == "target" and base.scope == "year" and re.search(r"到20(?:2[5-9]|3\d)年|“十四五”末|十四五末",
                                                                     sentence):
        return Context("target", "plan", base.year)
    return base
