"""Recover the heading structure: ``一、`` -> ``##``, ``（一）`` -> ``###``,
``第一章`` -> ``##`` and ``第一节`` -> ``###`` in a plan outline.

A numbered paragraph is a heading only when its number continues the
sequence of its level (``一、`` … ``二、``; ``（一）`` restarts under each
``一、``), so ``全市第一、全省前列`` inside a sentence is never one.

Headings glued to the text that follows (flattened pages) are cut where the
heading ends; see ``cut_top_heading`` and ``cut_sub_heading``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.importer.numerals import chinese_to_int

TOP_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、")
SUB_RE = re.compile(r"^（([一二三四五六七八九十]{1,3})）")
CHAPTER_RE = re.compile(r"^第([一二三四五六七八九十百]+)章\s*")
SECTION_RE = re.compile(r"^第([一二三四五六七八九十百]+)节\s*")

#: Words a top-level heading of a work report ends with.
TOP_END_WORDS = ("回顾", "安排", "任务", "要求", "目标", "建设", "工作", "成就", "思路",
                 "政府", "战略", "部署")
#: How a sentence after a glued heading typically opens.
OPENER_RE = re.compile(r"^(?:\d{4}年|“|过去|刚刚|各位代表|今年|民之所盼|站在|这|五年|一年来|"
                       r"进入|新的|开局)")
SUB_OPENER_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}是|坚持|坚定|聚焦|深入|统筹|进入|谋|围绕|"
                           r"按照|紧紧|全面|牢固|始终|着力|加快|树立|以|要|我们|把|突出|立足)")
TERMINAL_RE = re.compile(r"[。！!]")


@dataclass
class Cut:
    heading: str
    rest: str
    guessed: bool = False  # True when the cut was guessed and should be reviewed


def cut_top_heading(text: str) -> Cut:
    """Cut ``一、2020年和“十三五”时期工作回顾2020年是…`` after ``回顾``.

    A short paragraph without a sentence end is a heading as it stands.
    Otherwise candidate ends are the heading words of ``TOP_END_WORDS``
    (extended over runs such as ``目标任务和总体要求``) inside the first
    clause; the candidate followed by a typical sentence opener wins, else the
    last candidate before the first comma.
    """
    if len(text) <= 40 and not TERMINAL_RE.search(text):
        return Cut(text, "")
    clause_end = min((text.find(c) for c in "，。：；！" if text.find(c) > 0), default=len(text))
    window = text[: min(clause_end, 45)]
    ends = []
    for word in TOP_END_WORDS:
        for m in re.finditer(word, window):
            ends.append(m.end())
    ends = sorted(set(e for e in ends if e >= 4))
    if not ends:
        return Cut(text, "", guessed=True)
    for e in ends:
        if OPENER_RE.match(text[e:]) and not any(text[e:].startswith(w) for w in TOP_END_WORDS):
            return Cut(text[:e], text[e:].strip())
    e = ends[-1]
    return Cut(text[:e], text[e:].strip(), guessed=True)


def cut_sub_heading(text: str) -> Cut:
    """Cut ``（一）总体要求。坚持…`` into ``（一）总体要求`` and ``坚持…``.

    A paragraph of at most 70 characters with no sentence end inside is a
    heading as it stands (its final ``。`` dropped). A lead sentence of at
    most 60 characters is the heading, and so is a lead of at most 30 before
    a colon (the colon dropped: ``（一）指导思想：高举…``). Glued headings
    with no sentence end (``（一）优化产业生态，加快转型升级步伐坚定不移…``)
    are cut before the first typical opener after the second clause, and
    flagged as guessed.
    """
    if len(text) <= 70 and not TERMINAL_RE.search(text[:-1]):
        return Cut(text.rstrip("。；"), "")
    m = TERMINAL_RE.search(text)
    if m and m.start() <= 60:
        lead = text[: m.start()]
        # ``…增添更实支撑项目是推进转型的有力抓手。``: a heading glued to a
        # definition sentence (``X是…``) reads as one lead; flag it for review.
        glued = bool(re.search(r"，[^，]{4,}[\u4e00-\u9fff]{2,4}(?:就)?是", lead))
        return Cut(lead, text[m.end():].strip(), guessed=glued)
    colon = text.find("：")
    if 0 < colon <= 30:
        # ``（一）“十四五”时期指导思想：高举…``: the lead before the colon.
        return Cut(text[:colon], text[colon + 1:].strip())
    comma = text.find("，")
    if 0 < comma < 25:
        for pos in range(comma + 6, min(len(text), comma + 22)):
            if SUB_OPENER_RE.match(text[pos:]):
                return Cut(text[:pos], text[pos:].strip(), guessed=True)
    return Cut(text, "", guessed=True)


@dataclass
class HeadingState:
    """Where the numbering of each level stands."""

    top: int = 0
    sub: int = 0
    chapter: int = 0
    section: int = 0


#: (pattern, its counter, the counter it resets, level, kind) for each numbering scheme.
PLAN_LEVELS = ((CHAPTER_RE, "chapter", "section", 2, "chapter"), (SECTION_RE, "section", None, 3, "section"))
REPORT_LEVELS = ((TOP_RE, "top", "sub", 2, "top"), (SUB_RE, "sub", None, 3, "sub"))


def heading_level(text: str, state: HeadingState, plan: bool) -> tuple[int, str] | None:
    """(level, kind) when ``text`` opens the next heading in sequence, else None.

    A section (第N节) counts only inside a chapter; a numbered heading of the
    upper level restarts the numbering of the lower one.
    """
    for pattern, counter, resets, level, kind in PLAN_LEVELS if plan else REPORT_LEVELS:
        m = pattern.match(text)
        if not m or chinese_to_int(m.group(1)) != getattr(state, counter) + 1:
            continue
        if kind == "section" and not state.chapter:
            continue
        setattr(state, counter, getattr(state, counter) + 1)
        if resets:
            setattr(state, resets, 0)
        return level, kind
    return None
