"""Typographic normalisation of report text, never changing a word.

Each rule is a small function with an example; ``normalise`` applies them in
the order listed in ``RULES``. Only punctuation width and spacing change: the
Chinese characters and digits of a text are identical before and after (the
"nothing lost" test relies on that).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from builder.chinese.charclass import CJK, CJK_RANGES

#: Characters after which a half-width mark belongs to Chinese text.
CJK_CONTEXT = f"[{CJK_RANGES}“”‘’（）《》、。，：；！？…—%％]"
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}


def full_width_punctuation(text: str) -> str:
    """Half-width ``, : ; ! ?`` touching Chinese text become full-width.

    ``各位代表:现在,我代表`` -> ``各位代表：现在，我代表``. A mark between
    two digits stays (``1,000`` and ``8:30`` are numbers, not prose).
    """
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in HALF_TO_FULL:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():
            continue
        if (before and re.fullmatch(CJK_CONTEXT, before)) or (
                after and re.fullmatch(f"[{CJK_RANGES}“‘（《]", after)):
            chars[i] = HALF_TO_FULL[ch]
    return "".join(chars)


def full_width_parentheses(text: str) -> str:
    """A ``(…)`` pair inside Chinese text becomes ``（…）``.

    ``研究与试验发展(R&D)经费`` -> ``研究与试验发展（R&D）经费``;
    ``(一)优化产业生态`` -> ``（一）优化产业生态``. A pair with no Chinese
    inside or next to it (``(2)`` in a formula) stays half-width.
    """

    def repl(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        inner = m.group(1)
        if re.search(CJK, inner) or re.fullmatch(CJK_CONTEXT, before or "x") or re.fullmatch(
                CJK, after or "x"):
            return f"（{inner}）"
        return m.group(0)

    text = re.sub(f"(?<={CJK})[ \u3000]+(?=\\([^()]*\\))", "", text)
    return re.sub(r"\(([^()]*)\)", repl, text)


def stray_semicolons(text: str) -> str:
    """A ``;`` right after 。！？ is a scraping artifact: the listing site joined
    lines with ``;``. ``认真加以解决。; 二、`` -> ``认真加以解决。 二、``."""
    return re.sub(r"([。！？!?])[;；]", r"\1", text)


def spaces_around_numbers(text: str) -> str:
    """Spaces between a number and Chinese text go.

    ``布设卡口 36 个`` -> ``布设卡口36个``; ``增长 2.8%；`` -> ``增长2.8%；``.
    Spaces inside a number go too (``1 722`` -> ``1722``) when both sides are
    digits of one figure.
    """
    text = re.sub(f"({CJK}|[“”（）、，。：；])[ \u3000]+(?=[0-9])", r"\1", text)
    text = re.sub(f"([0-9%％‰])[ \u3000]+(?={CJK}|[“”（）、，。：；])", r"\1", text)
    return re.sub(r"(?<=[0-9])[ \u3000]+(?=[0-9]{3}(?![0-9]))", "", text)


def spaces_around_latin(text: str) -> str:
    """Spaces between Chinese and Latin letters go, as the printed reports set them.

    ``建成 PCR 实验室`` -> ``建成PCR实验室``.
    """
    text = re.sub(f"({CJK})[ \u3000]+(?=[A-Za-z])", r"\1", text)
    return re.sub(f"([A-Za-z])[ \u3000]+(?={CJK})", r"\1", text)


def letter_spaced_names(text: str) -> str:
    """Single Chinese characters separated by spaces are one letter-spaced word.

    ``代市长 杨 光`` -> ``代市长 杨光``; ``目 录`` -> ``目录``. Only runs in
    which every character stands alone are closed, so ``第一章 坚定信念`` keeps
    its space.
    """
    pattern = re.compile(f"(?<!{CJK})({CJK}(?:[ \u3000]{CJK})+)(?!{CJK})")
    return pattern.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(1)), text)


def spaces_between_chinese(text: str) -> str:
    """A space between two Chinese characters is a PDF line-wrap artifact.

    ``指导思想和 目标任务`` -> ``指导思想和目标任务``;
    ``《…国民经济和社会 发展…》`` -> ``《…国民经济和社会发展…》``.
    Not applied to ``第…章`` / ``第…节`` headings, whose spaces separate the
    number from the title (see ``normalise(keep_word_spaces=True)``).
    """
    return re.sub(f"(?<={CJK}|[“”《》（）])[ \u3000]+(?={CJK}|[“《（])", "", text)


def collapse_spaces(text: str) -> str:
    """Runs of spaces become one, a space after full-width punctuation goes
    (``解决。 二是`` -> ``解决。二是``), the ends of a paragraph are trimmed."""
    text = re.sub(r"(?<=[。，、；：！？”）》])[ \t]+", "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


RULES: tuple[Callable[[str], str], ...] = (
    stray_semicolons,
    full_width_parentheses,
    full_width_punctuation,
    letter_spaced_names,
    spaces_around_numbers,
    spaces_around_latin,
    collapse_spaces,
)


def normalise(text: str, *, keep_word_spaces: bool = False) -> str:
    """Apply every rule of ``RULES`` in order.

    ``keep_word_spaces`` keeps spaces between Chinese words (chapter and
    section headings of a plan outline: ``第一章 坚定信念勇担使命 奋力率先…``).
    """
    for rule in RULES:
        text = rule(text)
    if not keep_word_spaces:
        text = spaces_between_chinese(text)
    return text
