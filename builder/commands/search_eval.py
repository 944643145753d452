"""Measure the site's search as a reader meets it: recall, precision, bytes, time.

Builds the corpus into a temporary site (or uses ``--site``), serves it on
127.0.0.1 and types every query of the query set (``builder.search.queries``:
glossary terms, region names, indicator names, a seeded sample of random
substrings) into the search box in headless Chromium, as a Chinese IME
commits it. For each query the documents shown (pressing "more results" to
the end) are compared with the documents whose text contains the query.
The first ``--cold`` queries are also typed on a cold page (fresh browser
context, empty cache) for the bytes downloaded before the first result.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

from builder.corpus.load import load_corpus
from builder.pages.catalogue import Catalogue
from builder.search.probe import Probe, Seen, serve
from builder.search.queries import KINDS, Truth, build_queries
from builder.search.sitebuild import generate_docs, mkdocs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus)")
    parser.add_argument("--site", type=Path, help="an already built site of that corpus (default: build one)")
    parser.add_argument("--sample", type=int, default=400, help="random substrings (default: 400)")
    parser.add_argument("--seed", type=int, default=2021, help="seed of the random sample (default: 2021)")
    parser.add_argument("--cold", type=int, default=20, help="queries also typed on a cold page (default: 20)")
    parser.add_argument("--limit", type=int, help="only the first N queries of each kind (quick runs)")
    parser.add_argument("--show-misses", action="store_true", help="print every query not answered exactly")


def scores(shown: list[str], expected: set[str]) -> tuple[float, float]:
    hit = len(set(shown) & expected)
    recall = hit / len(expected) if expected else 1.0
    precision = hit / len(set(shown)) if shown else (1.0 if not expected else 0.0)
    return recall, precision


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    docs = Catalogue(corpus).documents
    queries = build_queries(corpus, docs, sample=args.sample, seed=args.seed)
    if args.limit:
        per_kind: dict[str, int] = defaultdict(int)
        kept = []
        for q in queries:
            per_kind[q.kind] += 1
            if per_kind[q.kind] <= args.limit:
                kept.append(q)
        queries = kept
    truth = Truth(docs)
    with tempfile.TemporaryDirectory(prefix="search-eval-") as tmp:
        site = args.site
        if site is None:
            generate_docs(args.corpus, Path(tmp))
            site, _ = mkdocs(Path(tmp))
        return evaluate(site, queries, truth, args.cold, args.show_misses)


def evaluate(site: Path, queries: list, truth: Truth, cold: int, show_misses: bool) -> int:
    rows: dict[str, list[tuple[float, float, Seen]]] = defaultdict(list)
    cold_seen: list[Seen] = []
    with serve(site) as base:
        probe = Probe(base, site=site)
        try:
            for q in queries[:cold]:
                probe.open()
                cold_seen.append(probe.type(q.text, cold_bytes=True, all_results=False))
            probe.open()
            for q in queries:
                seen = probe.type(q.text, cold_bytes=False, all_results=True)
                expected = truth.expected(q.text)
                r, p = scores(seen.docs, expected)
                rows[q.kind].append((r, p, seen))
                if show_misses and (r < 1 or p < 1):
                    print(f"  miss [{q.kind}] {q.text!r}: shown {sorted(seen.docs)} expected {sorted(expected)}")
            foreign = list(probe.foreign)
        finally:
            probe.close()
    print(f"search-eval: {sum(map(len, rows.values()))} queries on {len(truth.ids)} documents\n")
    print("| query type | queries | recall | precision | exact | warm ms median | warm ms p95 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in [k for k in KINDS if rows.get(k)] + ["all"]:
        data = [x for k in KINDS for x in rows.get(k, [])] if kind == "all" else rows[kind]
        ms = [s.ms for _, _, s in data]
        exact = sum(1 for r, p, _ in data if r == 1 and p == 1)
        print(f"| {kind} | {len(data)} | {statistics.mean(r for r, _, _ in data):.3f} | "
              f"{statistics.mean(p for _, p, _ in data):.3f} | {exact}/{len(data)} | "
              f"{statistics.median(ms):.0f} | {pct(ms, 0.95):.0f} |")
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
