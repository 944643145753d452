"""Chinese numerals as they number sections: 一 … 九十九."""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_to_int(text: str) -> int | None:
    """``"十二"`` -> 12, ``"二十"`` -> 20, ``"七"`` -> 7; None if not a numeral.

    >>> chinese_to_int("十九")
    19
    """
    if not text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = DIGITS.get(tens, None) if tens else 1
        o = DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(text) == 1:
        return DIGITS.get(text)
    return None
