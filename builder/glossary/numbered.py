"""What makes a phrase a *numbered* phrase, and which numbered phrases are plan periods.

Government reports count their slogans: “六稳”“六保” (six stabilities, six
guarantees), “四为四高两同步”, “1146”, “三零”. A phrase is numbered when it
holds a counting numeral: 一 … 十, 两, 百, 千, 双 (“双循环”, “双创”: two of
something) or an ASCII digit. Ordinals do not count: in “第一责任” 第一 means
"first", and a bold “**一是**” opens the first item of a list.

Plan periods are numbered too but are no slogans: “十三五” is the 13th
Five-Year Plan (2016–2020), “十四五” the 14th (2021–2025), and “七五”普法 /
“八五”普法 the 7th and 8th five-year legal-education plans. They are
recognised by their shape (a numeral followed by 五) and reported as plan
periods, not as slogans wanting an entry.
"""

from __future__ import annotations

import re

#: Counting numerals of slogans: 三零, 两个维护, 百村振兴, 千企百展, 双循环; digits: 1146.
CHINESE_NUMERALS = "一二三四五六七八九十两百千双"
NUMERALS = CHINESE_NUMERALS + "0123456789"
NUMERAL_RE = re.compile(f"[{NUMERALS}]")
#: Ordinals: 第一责任, 第一要务 (the numeral ranks, it does not count).
_ORDINAL_RE = re.compile(f"第[{NUMERALS}]+")
#: List items: 一是, 二是 … (often bold in 离石区's report: **一是**).
_LIST_ITEM_RE = re.compile(f"^[{CHINESE_NUMERALS}]+是$")
#: 十三五, 十四五, 十二五, 七五, 八五: the n-th five-year plan (period).
PLAN_PERIOD_RE = re.compile("^(?:十[一二三四五六七八九]?|[一二三四五六七八九])五$")
#: Longest quoted phrase taken as a slogan; longer quotes are sentences
#: (“在转型发展上率先蹚出一条新路来” is a quoted instruction, not a slogan).
MAX_SLOGAN = 12
#: A list of slogans in one quote (“一次告知、一表申办、网上办理”) may run longer.
MAX_LIST = 24


def is_plan_period(phrase: str) -> bool:
    """``十四五`` and ``八五`` are plan periods; ``六新`` is not."""
    return PLAN_PERIOD_RE.match(phrase) is not None


def is_numbered(phrase: str) -> bool:
    """True when ``phrase`` counts something: ``六稳`` yes, ``第一要务`` no, ``12`` no.

    A phrase of digits only needs three of them to be a slogan (“1146”,
    “13710”); “1” and “0” alone are the ends of 从“0”到“1”.
    """
    if phrase.isdigit():
        return len(phrase) >= 3
    limit = MAX_LIST if re.search("[、，,]", phrase) else MAX_SLOGAN
    if not 2 <= len(phrase) <= limit or _LIST_ITEM_RE.match(phrase):
        return False
    return NUMERAL_RE.search(_ORDINAL_RE.sub("", phrase)) is not None
