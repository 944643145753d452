"""Character classes used by every Chinese-text rule.

CJK here means the Unified Ideographs block plus Extension A and the
compatibility ideographs: the characters the reports are written in.
``〇`` (U+3007, as in 二〇三五年) is a number sign that behaves like a
Chinese character, so it counts as CJK too.
"""

from __future__ import annotations

import re

CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
CJK = f"[{CJK_RANGES}]"
CJK_RE = re.compile(CJK)
#: Punctuation a paragraph may end with; a paragraph ending otherwise was cut
#: (a page break, a flattened line). Shared by the importer and ``builder check``.
SENTENCE_END = "。！？!?；;：:…”」）)"

#: Characters whose order is compared by the "nothing lost, nothing added" test:
#: Chinese characters and ASCII digits.
SIGNIFICANT_RE = re.compile(f"[{CJK_RANGES}0-9]")


def is_cjk(ch: str) -> bool:
    """True for one Chinese character (see module docstring)."""
    return bool(ch) and CJK_RE.fullmatch(ch) is not None


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (bold markers aside).

    >>> ends_sentence("实现新突破。**"), ends_sentence("离石全面")
    (True, False)
    """
    t = text.rstrip().removesuffix("**").rstrip()
    return bool(t) and t[-1] in SENTENCE_END


def significant(text: str) -> str:
    """The Chinese characters and ASCII digits of ``text``, in order.

    >>> significant("全年地区生产总值同比增长 2.8%；")
    '全年地区生产总值同比增长28'
    """
    return "".join(SIGNIFICANT_RE.findall(text))
