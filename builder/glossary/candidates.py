"""Phrases readers meet most: what a glossary should explain, counted the way readers meet them.

Three sources of candidates, each with an example from the seeds:

- **known terms**, counted at every occurrence the glossary links, quoted or
  not, across all their spellings: 放管服效 in “放管服效”改革 and in 放管服效改革,
  转型出雏型 and 转型出雏形 (``builder.glossary.occurrences``);
- **numbered phrases set off as slogans** that have no entry yet
  (``builder.glossary.numbered``): in quotes (“六新”, ‘三零’, 「三无」,
  『1146』), in bold (离石区's **三零**), or bare when built of two or more
  numbered parts and recurring (六稳六保, 四为四高两同步);
- spellings of one phrase are **grouped**: a numeral's measure word 个 is
  dropped for comparison, so 三个强市 and 三强市, 三个高地 and 三高地 are one
  candidate, counted across its spellings (``fold``).

Periods are no slogans: “十三五”“十四五” are plan periods; “七五”普法 and
“八五”普法 are the 7th and 8th five-year legal-education (普法) plans, told
apart by the word 普法 that follows them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from builder.corpus.glossary import QUOTES, Glossary
from builder.corpus.load import Corpus
from builder.corpus.model import plain_with_bold
from builder.glossary.numbered import CHINESE_NUMERALS, NUMERALS, is_numbered, is_plan_period
from builder.glossary.occurrences import Occurrence, find_occurrences, pieces

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
_MEASURE_RE = re.compile(f"(?<=[{CHINESE_NUMERALS}])个")
_CLOSING = "".join(b for _, b in QUOTES)
KINDS = ("slogan", "phrase", "plan period", "普法 period")


def fold(phrase: str) -> str:
    """The key spellings of one phrase share: ``三个强市`` and ``三强市`` -> ``三强市``."""
    return _MEASURE_RE.sub("", phrase).replace("、", "")


@dataclass(frozen=True)
class Candidate:
    phrase: str
    kind: str  # one of KINDS
    count: int
    documents: tuple[str, ...]
    term_id: str | None  # the glossary term this phrase is (a form of), if any
    first: tuple[str, int] = ("", 0)  # file and line of its first use, for file:line reports
    spellings: tuple[str, ...] = field(default=())  # every spelling counted, most used first

    @property
    def needs_entry(self) -> bool:
        """A slogan in two or more documents, or three or more times in one, wants an entry."""
        return self.kind == "slogan" and (len(self.documents) >= 2 or self.count >= 3)


def _set_off(plain: str, bold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges of ``plain`` set off by quotes or bold (the quotes themselves excluded)."""
    return [m.span(1) for r in _QUOTED_RES for m in r.finditer(plain)] + list(bold)


def _period_kind(plain: str, end: int) -> str:
    """“七五”普法 is a 普法 period, “十四五” a plan period: the word after the phrase tells."""
    after = plain[end:end + 3].lstrip(_CLOSING)
    return "普法 period" if after.startswith("普法") else "plan period"


class _Tally:
    def __init__(self) -> None:
        self.spellings: Counter[str] = Counter()
        self.docs: set[str] = set()
        self.first: tuple[str, int] | None = None
        self.kinds: Counter[str] = Counter()

    def add(self, spelling: str, doc: str, where: tuple[str, int], n: int = 1, kind: str = "slogan") -> None:
        self.spellings[spelling] += n
        self.docs.add(doc)
        self.kinds[kind] += n
        self.first = self.first or where

    def candidate(self, term_id: str | None, kind: str | None = None) -> Candidate:
        spellings = tuple(s for s, _ in self.spellings.most_common())
        return Candidate(spellings[0], kind or self.kinds.most_common(1)[0][0], sum(self.spellings.values()),
                         tuple(sorted(self.docs)), term_id, self.first or ("", 0), spellings)


def find_candidates(corpus: Corpus, glossary: Glossary | None = None,
                    occurrences: list[Occurrence] | None = None) -> list[Candidate]:
    """Every candidate, most widespread first (documents, then count, then phrase)."""
    forms = glossary.term_of_form() if glossary else {}
    terms: dict[str, _Tally] = defaultdict(_Tally)
    if glossary:
        paths = {d.id: str(d.path) for d in corpus.documents}
        lines = {(d.id, b.anchor): b.line for d in corpus.documents for b in d.blocks}
        for o in occurrences if occurrences is not None else find_occurrences(corpus, glossary):
            terms[o.term_id].add(o.form, o.doc_id, (paths[o.doc_id], lines.get((o.doc_id, o.anchor), 0)))
    others: dict[str, _Tally] = defaultdict(_Tally)
    bare: dict[str, list[tuple[str, tuple[str, int]]]] = defaultdict(list)
    for doc in corpus.documents:
        for block, _cell, raw, _anchor in pieces(doc):
            plain, bold = plain_with_bold(raw.strip())
            marked = _set_off(plain, bold)
            where = (str(doc.path), block.line)
            for a, b in marked:
                phrase = plain[a:b].strip()
                if is_numbered(phrase) and phrase not in forms:
                    kind = _period_kind(plain, b) if is_plan_period(phrase) else "slogan"
                    others[fold(phrase)].add(phrase, doc.id, where, kind=kind)
            for m in _COMPOUND_RE.finditer(plain):
                if not any(a < m.end() and m.start() < b for a, b in marked) and m.group() not in forms:
                    bare[m.group()].append((doc.id, where))
    for phrase, uses in bare.items():
        key = fold(phrase)
        ordinary = _ORDINARY_PART_RE.search(phrase) and key not in others
        if len(uses) >= MIN_BARE and is_numbered(phrase) and not ordinary:
            for doc_id, where in uses:
                others[key].add(phrase, doc_id, where)
    out = [t.candidate(None) for t in others.values()]
    for term_id, tally in terms.items():
        term = glossary.by_id(term_id)
        c = tally.candidate(term_id, "phrase" if term.kind == "phrase" else "slogan")
        out.append(replace(c, phrase=term.term))
    return sorted(out, key=lambda c: (-len(c.documents), -c.count, c.phrase))
