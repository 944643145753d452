"""Measure the site's search as a reader meets it, unit by unit, in both views.

Builds the corpus into a temporary site (or uses ``--site``), serves it on
127.0.0.1 and types every query of the query set (``builder.search.queries``:
the vocabularies, random substrings and the families made to try it) into
the header box in headless Chromium, as a Chinese IME commits it, and opens
the results page ``search/?q=…`` for it. In each view every "more" button is
pressed to the end ("更多结果" and each document's "本文更多结果"), and the
units shown (title, heading, paragraph, table: ``data-unit``) are compared
with the units whose folded text holds every term of the folded query (a
term or one of its synonyms, from the site's ``search/synonyms.json``):

- recall and precision of units, per query, averaged per family;
- exact: the set shown equals the truth and no unit is shown twice;
- duplicates: units shown more than once, summed;
- time from typing to the first results in the dropdown, and the bytes of
  search files that took (warm: the page already open), median and maximum;
- the first ``--cold`` queries (spread over the families) also on a cold page.

For ``multi`` (two words that never share a unit) the truth has no unit; the
second tier's documents are compared with those holding both words apart.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from builder.corpus.load import load_corpus
from builder.pages.catalogue import Catalogue
from builder.search.probe import Probe, Seen, serve
from builder.search.queries import KINDS, Query, Truth, build_queries
from builder.search.sitebuild import generate_docs, mkdocs
from builder.search.synonyms import Synonyms

VIEWS = ("dropdown", "page")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus)")
    parser.add_argument("--site", type=Path, help="an already built site of that corpus (default: build one)")
    parser.add_argument("--sample", type=int, default=400, help="random substrings (default: 400)")
    parser.add_argument("--family", type=int, default=40, help="queries per made family (default: 40)")
    parser.add_argument("--seed", type=int, default=2021, help="seed of the random sample (default: 2021)")
    parser.add_argument("--cold", type=int, default=20, help="queries also typed on a cold page (default: 20)")
    parser.add_argument("--limit", type=int, help="only the first N queries of each kind (quick runs)")
    parser.add_argument("--show-misses", action="store_true", help="print every query not answered exactly")


@dataclass(frozen=True)
class Judged:
    recall: float
    precision: float
    duplicates: int

    @property
    def exact(self) -> bool:
        return self.recall == 1 and self.precision == 1 and not self.duplicates


def judge(shown: list[int], expected: set[int]) -> Judged:
    got = set(shown)
    hit = len(got & expected)
    recall = hit / len(expected) if expected else 1.0
    precision = hit / len(got) if got else 1.0
    return Judged(recall, precision, len(shown) - len(got))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    docs = Catalogue(corpus).documents
    queries = build_queries(corpus, docs, sample=args.sample, seed=args.seed, family=args.family)
    if args.limit:
        per_kind: dict[str, int] = defaultdict(int)
        kept = []
        for q in queries:
            per_kind[q.kind] += 1
            if per_kind[q.kind] <= args.limit:
                kept.append(q)
        queries = kept
    with tempfile.TemporaryDirectory(prefix="search-eval-") as tmp:
        site = args.site
        if site is None:
            generate_docs(args.corpus, Path(tmp))
            site, _ = mkdocs(Path(tmp))
        truth = Truth(docs, Synonyms.of_site(site))
        return evaluate(site, queries, truth, args.cold, args.show_misses, args.seed)


def evaluate(site: Path, queries: list[Query], truth: Truth, cold: int, show_misses: bool, seed: int = 2021) -> int:
    rows: dict[str, list[tuple[Query, dict[str, Judged], Seen]]] = defaultdict(list)
    cold_seen: list[Seen] = []
    tier2: list[tuple[float, float]] = []
    cold_queries = random.Random(seed).sample(queries, min(cold, len(queries)))
    with serve(site) as base:
        probe = Probe(base, site=site)
        try:
            for q in cold_queries:
                probe.open()
                cold_seen.append(probe.type(q.text, cold_bytes=True, all_results=False))
            probe.open()
            for q in queries:
                seen = probe.type(q.text, cold_bytes=False, all_results=True)
                page = probe.results_page(q.text)
                expected = truth.units(q.text)
                judged = {"dropdown": judge(list(seen.units), expected), "page": judge(list(page.units), expected)}
                rows[q.kind].append((q, judged, seen))
                if q.kind == "multi":
                    split = truth.split_documents(q.text)
                    shown = set(probe.page.eval_on_selector_all(
                        ".edition-search-page__results [data-tier='2']", "els => els.map(e => e.dataset.doc)"))
                    hit = len(shown & split)
                    tier2.append((hit / len(split) if split else 1.0, hit / len(shown) if shown else 1.0))
                if show_misses and not all(j.exact for j in judged.values()):
                    for view, j in judged.items():
                        units = seen.units if view == "dropdown" else page.units
                        if not j.exact:
                            print(f"  miss [{q.kind}/{view}] {q.text!r}: recall {j.recall:.3f} precision "
                                  f"{j.precision:.3f} duplicates {j.duplicates}; missing "
                                  f"{sorted(expected - set(units))[:10]} extra {sorted(set(units) - expected)[:10]}")
            foreign = list(probe.foreign)
        finally:
            probe.close()
    print(f"search-eval: {sum(map(len, rows.values()))} queries on {len(truth.ids)} documents, "
          f"judged by unit in both views (dropdown / results page)\n")
    print("| family | queries | recall | precision | exact | duplicates | ms median | ms max "
          "| KB median | KB max |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in [k for k in KINDS if rows.get(k)] + ["all"]:
        data = [x for k in KINDS for x in rows.get(k, [])] if kind == "all" else rows[kind]
        ms = [s.ms for _, _, s in data]
        kb = [s.bytes_search / 1000 for _, _, s in data]

        def both(f, data=data) -> str:
            return " / ".join(f([j[v] for _, j, _ in data]) for v in VIEWS)
        print(f"| {kind} | {len(data)} | {both(lambda js: f'{statistics.mean(j.recall for j in js):.3f}')} | "
              f"{both(lambda js: f'{statistics.mean(j.precision for j in js):.3f}')} | "
              f"{both(lambda js: f'{sum(j.exact for j in js)}/{len(js)}')} | "
              f"{both(lambda js: str(sum(j.duplicates for j in js)))} | "
              f"{statistics.median(ms):.0f} | {max(ms):.0f} | {statistics.median(kb):.1f} | {max(kb):.1f} |")
    print("\nms: typing to the first results in the dropdown; KB: search files fetched for them (warm page)")
    if tier2:
        print(f"\nsecond tier ({len(tier2)} multi-term queries, results page): document recall "
              f"{statistics.mean(r for r, _ in tier2):.3f}, precision {statistics.mean(p for _, p in tier2):.3f}")
    if cold_seen:
        print(f"\ncold page, first query ({len(cold_seen)} queries): bytes before the first result")
        print("| | median | max |")
        print("|---|---:|---:|")
        for label, values in (("all bytes since navigation", [s.bytes_total for s in cold_seen]),
                              ("search files (raw)", [s.bytes_search for s in cold_seen]),
                              ("search files (gzip)", [s.gzip_search for s in cold_seen]),
                              ("ms from typing to results", [s.ms for s in cold_seen])):
            print(f"| {label} | {statistics.median(values):,.0f} | {max(values):,.0f} |")
    print(f"\nrequests to other hosts: {len(foreign)}")
    return 0
