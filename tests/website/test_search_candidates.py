"""A query whose terms have synonyms reads its candidates as a union per term, intersected across terms.

``AnyCandidates`` (``search/index.js``) merges lists that are whole and lists read one range of
units at a time, each with its own range size, as the index has them past a few hundred documents
(the 14 real documents have no paged list, so the ranges are played here by stand-ins with the
interface of ``Candidates``). What it returns, first ``initial`` and then every ``next()`` to the
end, must be exactly the units that hold, for every term, one of its alternatives: ascending, none
twice, none lost.
"""

from __future__ import annotations

import random

import pytest

from .browsing import Visit

pytestmark = pytest.mark.browser

RUN = """async (cases) => {
  const { AnyCandidates } = await import(new URL("assets/javascripts/search/index.js", location.href).href);
  class StandIn {  // Candidates over a fixed list: whole, or read a range of `span` units at a time
    constructor(ids, span, units) {
      Object.assign(this, { ids, span, units, initial: [], complete: true, window: 0, windows: 0 });
    }
    async start() {
      if (!this.span) { this.initial = [...this.ids]; return this; }
      this.windows = Math.ceil(this.units / this.span);
      this.complete = false;
      return this;
    }
    async next() {
      while (this.window < this.windows) {
        const start = this.window * this.span;
        this.window += 1;
        this.complete = this.window >= this.windows;
        const got = this.ids.filter((u) => u >= start && u < start + this.span);
        if (got.length) return got;
      }
      this.complete = true;
      return [];
    }
  }
  const out = [];
  for (const c of cases) {
    const make = (terms) => {
      let ids = c.lists[terms[0]].ids;
      for (const t of terms.slice(1)) ids = ids.filter((u) => c.lists[t].ids.includes(u));
      const spans = terms.map((t) => c.lists[t].span).filter(Boolean);
      return new StandIn(ids, spans.length ? Math.min(...spans) : 0, c.units);
    };
    const any = await new AnyCandidates(c.alternatives, make).start();
    const got = [...any.initial];
    for (let guard = 0; !any.complete && guard < 10000; guard++) got.push(...await any.next());
    out.push({ got, complete: any.complete });
  }
  return out;
}"""


def make_case(rng: random.Random) -> dict:
    units = rng.choice([4096, 20_000, 70_000])
    names = [f"t{i}" for i in range(rng.randint(2, 5))]
    lists = {n: {"ids": sorted(rng.sample(range(units), rng.randint(0, 400))),
                 "span": rng.choice([0, 0, 4096, 8192, 16384])} for n in names}
    pool = names[:]
    rng.shuffle(pool)
    alternatives = []
    while pool:
        k = rng.randint(1, min(3, len(pool)))
        alternatives.append(pool[:k])
        pool = pool[k:]
    if all(len(a) == 1 for a in alternatives):  # at least one term with synonyms
        alternatives = [[a[0] for a in alternatives]]
    expected = None
    for alts in alternatives:
        union = set().union(*(lists[a]["ids"] for a in alts))
        expected = union if expected is None else expected & union
    return {"units": units, "lists": lists, "alternatives": alternatives, "expected": sorted(expected)}


CASES = [make_case(random.Random(seed)) for seed in range(60)]
# a dense case: every term's list paged, large overlaps
CASES.append({"units": 50_000, "alternatives": [["a", "b"], ["c"]],
              "lists": {"a": {"ids": list(range(0, 50_000, 3)), "span": 4096},
                        "b": {"ids": list(range(1, 50_000, 7)), "span": 16384},
                        "c": {"ids": list(range(0, 50_000, 2)), "span": 8192}}})
CASES[-1]["expected"] = sorted((set(range(0, 50_000, 3)) | set(range(1, 50_000, 7))) & set(range(0, 50_000, 2)))


@pytest.fixture(scope="module")
def results(server: str, browser) -> list[dict]:
    v = Visit(browser, 1280)
    try:
        out = v.open(server).evaluate(RUN, [{k: c[k] for k in ("units", "lists", "alternatives")} for c in CASES])
        assert not v.foreign and not v.errors, (v.foreign, v.errors)
        return out
    finally:
        v.close()


@pytest.mark.parametrize("i", range(len(CASES)))
def test_the_union_of_alternatives_is_read_exactly_once_in_order(results: list[dict], i: int) -> None:
    got = results[i]["got"]
    assert results[i]["complete"]
    assert got == sorted(set(got)), "ascending, none twice"
    assert got == CASES[i]["expected"]
