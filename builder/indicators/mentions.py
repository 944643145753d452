"""Where a sentence names an indicator, and which words after it belong to it.

A sentence of a report lists indicators one after another, each followed by
its figures: ``地区生产总值完成92.2亿元，增长4.8%；财政总收入完成6.92亿元…``.
Rules (each with its example from the seeds):

- All terms are found in one pass (an Aho-Corasick automaton, built once
  per vocabulary), then taken longest first, so 城镇常住居民人均可支配收入 is one
  mention, never 城镇… plus a stray 可支配收入.
- A term right after a ``not_after`` word or right before a ``not_before``
  word is part of another indicator: 单位地区生产总值能耗, 亿元地区生产总值
  生产安全事故死亡率, 工业投资占固定资产投资比重.
- An ``elliptic`` short form counts only when its indicator's first word was
  written earlier in the sentence: ``粮食播种面积稳定在45.91万亩以上，总产
  达到2.27亿公斤以上`` (总产 = 粮食总产量), never 工业总产值.
- Mentions joined only by 、 和 及 与 form a group that shares the figures
  after the last one: ``地区生产总值、固定资产投资和外贸进出口总额等指标，
  年均增长达到8.5%、4.8%和7.2%``. A pair phrase (城乡居民人均可支配收入) is a
  group of two by itself.
- A group owns the rest of its clause and every following clause (after ，)
  that continues it: one starting with 增长, 同比, 年均, 分别, 力争, 达到…
  (``固定资产投资完成80.1亿元，同比增长7.4%``), up to the next mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from builder.corpus.indicators import Vocabulary

#: Sentence ends: a figure never spans them.
SENTENCE_END = "。！？；;!?"
#: Words between two mentions that make them one list.
JOINERS_RE = re.compile(r"^(?:[、和及与]|以及|、和)$")
#: How a clause that continues the previous mention's figures begins.
CONTINUES_RE = re.compile(r"^(?:同比|比上年|较上年|与上年|年均|增长|下降|增幅|增速|涨幅|分别|均|力争|达到|突破|"
                          r"增加|提高|达|为|较|比|总量|实现)")
_NOT_A_CONTINUATION_RE = re.compile(r"^(?:总量[^0-9]*$|比重|为[^0-9]*$|实现[^0-9]*$|较快)")
#: Characters a term is compared on: the reports' 、 between 城镇 and 农村 kept.
_FIELD_END_RE = re.compile(r"[，,：:]")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    indicators: tuple[str, ...]  # one id, or two for a pair phrase
    term: str


@dataclass(frozen=True)
class Group:
    """Mentions sharing one run of figures, and the text range they own."""

    mentions: tuple[Mention, ...]
    own_start: int  # end of the last mention
    own_end: int

    @property
    def indicators(self) -> tuple[str, ...]:
        return tuple(i for m in self.mentions for i in m.indicators)

    @property
    def start(self) -> int:
        return self.mentions[0].start


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, the end mark included."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _terms(vocab: Vocabulary) -> list[tuple[str, tuple[str, ...], str]]:
    """(term, ids, how) longest first; how is "term", "pair" or "elliptic"."""
    out = [(t, (i.id,), "term") for i in vocab.indicators for t in i.terms]
    out += [(p.phrase, p.parts, "pair") for p in vocab.pairs]
    out += [(t, (i.id,), "elliptic") for i in vocab.indicators for t in i.elliptic]
    return sorted(out, key=lambda x: -len(x[0]))


#: Entries of one surface string: (rank in ``_terms`` order, ids, how).
_Entry = tuple[int, tuple[str, ...], str]
#: One automaton per vocabulary object (a build loads one; tests a few).
_AUTOMATA: dict[int, tuple[Vocabulary, ahocorasick.Automaton | None]] = {}


def _automaton(vocab: Vocabulary) -> ahocorasick.Automaton | None:
    """Every term of ``vocab`` in one automaton: ``term -> (term, entries)``.

    Built once per vocabulary, not per sentence: the vocabulary does not
    change during a build. None when the vocabulary has no terms.
    """
    cached = _AUTOMATA.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    entries: dict[str, list[_Entry]] = {}
    for rank, (term, ids, how) in enumerate(_terms(vocab)):
        if term:
            entries.setdefault(term, []).append((rank, ids, how))
    automaton = None
    if entries:
        automaton = ahocorasick.Automaton()
        for term, items in entries.items():
            automaton.add_word(term, (term, tuple(items)))
        automaton.make_automaton()
    if len(_AUTOMATA) > 8:
        _AUTOMATA.clear()
    _AUTOMATA[id(vocab)] = (vocab, automaton)
    return automaton


def find_mentions(sentence: str, vocab: Vocabulary) -> list[Mention]:
    """Every indicator named in one sentence, in order, non-overlapping.

    One pass of the automaton lists every occurrence of every term; they are
    then considered term by term, longest term first, and within a term left
    to right skipping overlaps (as a per-term ``re.finditer`` would), the
    first acceptable one taking its characters.
    """
    automaton = _automaton(vocab)
    if automaton is None:
        return []
    hits: list[tuple[int, int, int, tuple[str, ...], str, str]] = []
    for last, (term, items) in automaton.iter(sentence):
        start = last - len(term) + 1
        hits += [(rank, start, start + len(term), ids, how, term) for rank, ids, how in items]
    hits.sort()
    taken = [False] * len(sentence)
    found: list[Mention] = []
    term_end: dict[int, int] = {}  # rank -> end of its previous occurrence
    for rank, a, b, ids, how, term in hits:
        if a < term_end.get(rank, 0):
            continue
        term_end[rank] = b
        if any(taken[a:b]):
            continue
        ind = vocab.get(ids[0])
        if how != "pair" and ind is not None:
            if any(sentence.endswith(w, 0, a) for w in ind.not_after):
                continue
            if any(sentence.startswith(w, b) for w in ind.not_before):
                continue
        if how == "elliptic" and ind is not None:
            if ind.name[:2] not in sentence[:a] or sentence[b:b + 1] == "值":
                continue
        found.append(Mention(a, b, ids, term))
        for k in range(a, b):
            taken[k] = True
    return sorted(found, key=lambda m: m.start)


def _clause_end(sentence: str, pos: int, limit: int) -> int:
    m = _FIELD_END_RE.search(sentence, pos, limit)
    return m.start() if m else limit


def group_mentions(sentence: str, mentions: list[Mention]) -> list[Group]:
    """Join listed mentions into groups and give each the text it owns."""
    runs: list[list[Mention]] = []
    for m in mentions:
        if runs and JOINERS_RE.match(sentence[runs[-1][-1].end:m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    groups = []
    for i, run in enumerate(runs):
        limit = runs[i + 1][0].start if i + 1 < len(runs) else len(sentence)
        pos = run[-1].end
        end = _clause_end(sentence, pos, limit)
        while end < limit:
            nxt = end + 1
            clause = sentence[nxt:_clause_end(sentence, nxt, limit)]
            if not CONTINUES_RE.match(clause) or _NOT_A_CONTINUATION_RE.match(clause):
                break
            end = _clause_end(sentence, nxt, limit)
        groups.append(Group(tuple(run), pos, end))
    return groups
