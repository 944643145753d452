"""Which prefectures (地级市) each shard of a split build takes.

Why prefectures: a document belongs to exactly one (its region's parent city,
or the city itself in ``corpus/regions.yml``), a contributor knows which one
without reading code, and the pages that gather a prefecture's documents
(its region pages, its target matrices) come out of the merge, never out of
two machines.

The rule, the same on every machine with nothing passed between them:

1. every prefecture of ``corpus/regions.yml`` (those with no document too)
   weighs the number of documents under it (itself and its counties);
2. the heaviest go first: prefectures sorted by weight descending, then by
   division code;
3. each goes to the shard with the fewest documents so far; on a tie the
   lowest shard number.

This is the greedy "longest processing time first" rule: the largest shard
is never more than the largest prefecture above the average. The same corpus
and shard count always give the same plan (it depends on nothing else: not
on file order, the clock or the machine); a new document moves a prefecture
only when it changes the order of weights. With a corpus of 14 documents in
six prefectures, three shards take 吕梁市 (6); 运城市 and 忻州市 (4); 晋中市,
朔州市 and 临汾市 (4).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder.corpus.load import REGIONS_FILE, Corpus
from builder.corpus.regions import Region


class PlanError(ValueError):
    """A shard count, shard number or prefecture list that names no part of the corpus."""


@dataclass(frozen=True)
class Shard:
    number: int  # 1 … count
    count: int
    prefectures: tuple[str, ...]  # in division-code order
    documents: int


def prefecture_of(corpus: Corpus, region_name: str) -> Region:
    """The prefecture of a document's region (``builder check`` guarantees the region is listed)."""
    region = corpus.regions.get(region_name)
    if region is None:
        raise PlanError(f"region {region_name} is not in {REGIONS_FILE}: run python -m builder check")
    parent = corpus.regions.get(region.prefecture)
    if parent is None:
        raise PlanError(f"the prefecture of {region_name} is not in {REGIONS_FILE}: run python -m builder check")
    return parent


def plan(corpus: Corpus, count: int) -> list[Shard]:
    """The ``count`` shards of the corpus (see the module docstring for the rule)."""
    if count < 1:
        raise PlanError(f"--shards {count}: give a number of shards of at least 1")
    weight = Counter(prefecture_of(corpus, d.meta.region).name for d in corpus.documents)
    order = sorted(corpus.regions.prefectures(), key=lambda r: (-weight[r.name], r.code))
    taken: list[list[Region]] = [[] for _ in range(count)]
    load = [0] * count
    for prefecture in order:
        k = min(range(count), key=lambda i: (load[i], i))
        taken[k].append(prefecture)
        load[k] += weight[prefecture.name]
    return [Shard(k + 1, count, tuple(r.name for r in sorted(taken[k], key=lambda r: r.code)), load[k])
            for k in range(count)]


def shard(corpus: Corpus, count: int, number: int) -> Shard:
    """Shard ``number`` (1 … ``count``) of the plan."""
    if not 1 <= number <= count:
        raise PlanError(f"--shard {number}: give a shard number from 1 to {count}")
    return plan(corpus, count)[number - 1]


def explicit(corpus: Corpus, names: list[str]) -> Shard:
    """A shard of the prefectures named (``--prefectures``), checked against the region reference."""
    known = {r.name: r for r in corpus.regions.prefectures()}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise PlanError(f"--prefectures: {'、'.join(unknown)} not a prefecture (地级市) of {REGIONS_FILE}; "
                        f"use one of {'、'.join(known)}")
    chosen = tuple(sorted(dict.fromkeys(names), key=lambda n: known[n].code))
    documents = sum(1 for d in corpus.documents if prefecture_of(corpus, d.meta.region).name in chosen)
    return Shard(0, 0, chosen, documents)


def documents_of(corpus: Corpus, part: Shard) -> set[str]:
    """Ids of the documents under the shard's prefectures."""
    return {d.id for d in corpus.documents if prefecture_of(corpus, d.meta.region).name in part.prefectures}
