"""Numbered phrases the corpus uses as slogans: what a glossary should explain.

A phrase is a candidate when the text sets it off as a slogan and it counts
something (``builder.glossary.numbered``):

- in quotes: “六新”, ‘三零’, 「三无」, 『1146』, and a list in one quote
  (“两下两进两拆”);
- in bold: 离石区's report prints **三零** in bold instead of quotes;
- bare, when it is built of two or more numbered parts and recurs: 六稳六保
  (六稳 + 六保), 四为四高两同步, written without quotes in several reports.

``count`` is how often the phrase is set off as a slogan (quoted, bold, or a
bare compound); ``documents`` the documents it is set off in. Plan periods
(“十三五”, “十四五”, “八五”普法) are listed as such, not as slogans.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from builder.corpus.glossary import QUOTES, Glossary
from builder.corpus.load import Corpus
from builder.corpus.model import plain_with_bold
from builder.glossary.numbered import CHINESE_NUMERALS, NUMERALS, is_numbered, is_plan_period
from builder.glossary.occurrences import pieces

_QUOTED_RES = [re.compile(f"{re.escape(a)}([^{a}{b}\n]{{1,30}}){re.escape(b)}") for a, b in QUOTES]
#: A numbered part: a numeral (not a digit) and one or two characters that
#: are no numeral and no punctuation: 六稳, 两同步, 三延伸.
_PART = f"[{CHINESE_NUMERALS}][^{NUMERALS}\\s，。、；：！？“”‘’「」『』（）()《》—…·]{{1,2}}"
#: Two to four parts in a row: 六稳六保, 四为四高两同步, 一城两中心三基地.
_COMPOUND_RE = re.compile(f"(?:{_PART}){{2,4}}")
#: Bare compounds must recur this often in the corpus to count as slogans.
MIN_BARE = 2
#: A bare part made of a numeral and a measure word is ordinary counting, not a
#: slogan part: 四个五年规划, 九届二中全会, 第二个百年奋斗目标. Such a compound
#: counts only when the text also sets it off somewhere (“三个一批”).
_ORDINARY_PART_RE = re.compile(f"[{CHINESE_NUMERALS}][个届年次中]")


@dataclass(frozen=True)
class Candidate:
    phrase: str
    kind: str  # "slogan" | "plan period"
    count: int
    documents: tuple[str, ...]
    term_id: str | None  # the glossary term this phrase is a form of, if any
    first: tuple[str, int] = ("", 0)  # file and line of its first use, for file:line reports

    @property
    def needs_entry(self) -> bool:
        """A slogan in two or more documents, or three or more times in one, wants an entry."""
        return self.kind == "slogan" and (len(self.documents) >= 2 or self.count >= 3)


def _set_off(plain: str, bold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges of ``plain`` set off by quotes or bold (the quotes themselves excluded)."""
    return [m.span(1) for r in _QUOTED_RES for m in r.finditer(plain)] + list(bold)


def find_candidates(corpus: Corpus, glossary: Glossary | None = None) -> list[Candidate]:
    """Every candidate, most widespread first (documents, then count, then phrase)."""
    counts: dict[str, int] = defaultdict(int)
    docs: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, list[str]] = defaultdict(list)
    first: dict[str, tuple[str, int]] = {}
    for doc in corpus.documents:
        for block, _cell, raw, _anchor in pieces(doc):
            plain, bold = plain_with_bold(raw.strip())
            marked = _set_off(plain, bold)
            for a, b in marked:
                phrase = plain[a:b].strip()
                if is_numbered(phrase):
                    counts[phrase] += 1
                    docs[phrase].add(doc.id)
                    first.setdefault(phrase, (str(doc.path), block.line))
            for m in _COMPOUND_RE.finditer(plain):
                if not any(a < m.end() and m.start() < b for a, b in marked):
                    bare[m.group()].append(doc.id)
                    first.setdefault(m.group(), (str(doc.path), block.line))
    for phrase, where in bare.items():
        ordinary = _ORDINARY_PART_RE.search(phrase) and phrase not in counts
        if len(where) >= MIN_BARE and is_numbered(phrase) and not ordinary:
            counts[phrase] += len(where)
            docs[phrase].update(where)
    forms = glossary.term_of_form() if glossary else {}
    out = [Candidate(p, "plan period" if is_plan_period(p) else "slogan", n, tuple(sorted(docs[p])),
                     forms[p].id if p in forms else None, first[p])
           for p, n in counts.items()]
    return sorted(out, key=lambda c: (-len(c.documents), -c.count, c.phrase))
