"""Benchmark: the edition's search beside Material's built-in search, on the same pages.

For N = 14 (the real corpus), 100 and 1,000 (``benchmarks.synth``) it builds
the site twice from one generated ``docs_dir`` — as shipped, and with
Material's search plugin turned back on (``builder.search.sitebuild``) —
and prints, for both: index size on disk, index build time, and for a few
queries typed on a cold page (fresh browser context, typed as soon as the
page has loaded, as a Chinese IME commits them): bytes downloaded before
the first result, time from typing to results, how many pages the first
screen shows and how many of those contain the query (in the page's
article text: every page's navigation names every region).

    python -m benchmarks.run                 # N = 14, 100, 1000 (slow: 1000 takes a while)
    python -m benchmarks.run --sizes 14 100  # quicker

Figures are printed, not asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synth import REPO, generate
from builder.corpus.load import load_corpus
from builder.pages.catalogue import Catalogue
from builder.search.index import build_index
from builder.search.normalise import query_terms
from builder.search.probe import Probe, page_text, serve
from builder.search.queries import random_substrings
from builder.search.segment import tokenizer
from builder.search.sitebuild import generate_docs, mkdocs

#: Fixed queries (a slogan, a region, an indicator, a number with its unit, a common word);
#: two random phrases of the corpus are added per run (seeded).
FIXED = (("slogan", "三零"), ("region", "离石区"), ("indicator", "一般公共预算收入"),
         ("number", "151.5亿元"), ("common word", "发展"))
PAGE = "about/methodology/"


@dataclass
class Row:
    system: str
    n: int
    index_bytes: int
    index_files: int
    build_s: float
    queries: list[tuple[str, str, int, int, float, int, int, str]]  # kind, q, raw, gzip, ms, shown, right, meta


def dir_bytes(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def edition_index_size(site: Path) -> tuple[int, int]:
    size, files = dir_bytes(site / "search")
    page = site / "search" / "index.html"
    size -= page.stat().st_size
    assets = [*(site / "assets/javascripts/search").glob("*.js"), site / "assets/stylesheets/search.css"]
    return size + sum(p.stat().st_size for p in assets), files - 1 + len(assets)


def material_index_size(site: Path) -> tuple[int, int]:
    files = [site / "search" / "search_index.json", *(site / "assets/javascripts/workers").glob("search.*.js")]
    return sum(p.stat().st_size for p in files), len(files)


def measure(site: Path, edition: bool, queries: list[tuple[str, str]]) -> list:
    out = []
    with serve(site) as base:
        probe = Probe(base, edition=edition, site=site)
        try:
            for kind, q in queries:
                probe.open(PAGE, wait="load")
                seen = probe.type(q, cold_bytes=True, all_results=False)
                terms = query_terms(q)
                right = sum(1 for item in seen.docs if all(t in page_text(site, item) for t in terms))
                out.append((kind, q, seen.bytes_search, seen.gzip_search, seen.ms, len(seen.docs), right,
                            probe.meta()))
            if probe.foreign:
                print(f"  ! requests to other hosts: {probe.foreign[:3]}")
        finally:
            probe.close()
    return out


def bench(n: int, work: Path) -> list[Row]:
    corpus_root = REPO / "corpus" if n == 14 else generate(n, work / "corpus")
    corpus = load_corpus(corpus_root)
    docs = Catalogue(corpus).documents
    start = time.perf_counter()
    build_index(docs, corpus.regions, tokenizer(corpus))
    index_s = time.perf_counter() - start
    generate_docs(corpus_root, work)
    site, plain_s = mkdocs(work)
    site_m, material_s = mkdocs(work, material_search=True)
    phrases = [p for p in random_substrings(docs, 200, 1000 + n) if len(p) >= 5][:2]
    queries = [*FIXED, *(("phrase", p) for p in phrases)]
    rows = []
    for system, edition, folder, size_of, build_s in (
            ("edition", True, site, edition_index_size, index_s),
            ("material", False, site_m, material_index_size, max(0.0, material_s - plain_s))):
        size, files = size_of(folder)
        rows.append(Row(system, len(docs), size, files, build_s, measure(folder, edition, queries)))
        print(f"  N={len(docs)} {system}: done", flush=True)
    return rows


def report(rows: list[Row]) -> None:
    print("\n| N | search | index on disk | files | index build s | first query: bytes (raw) median / max "
          "| gzip median | ms median / max |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        raw = [q[2] for q in r.queries]
        gz = [q[3] for q in r.queries]
        ms = [q[4] for q in r.queries]
        print(f"| {r.n} | {r.system} | {r.index_bytes / 1e6:.1f} MB | {r.index_files:,} | {r.build_s:.1f} | "
              f"{statistics.median(raw) / 1e3:,.0f} KB / {max(raw) / 1e3:,.0f} KB | "
              f"{statistics.median(gz) / 1e3:,.0f} KB | {statistics.median(ms):,.0f} / {max(ms):,.0f} |")
    print("\nPer query (cold page): bytes of search files before the first result, ms from typing to results, "
          "pages on the first screen (of which contain the query in their article text), the line above the results")
    print("\n| N | search | kind | query | KB raw | KB gzip | ms | first screen: pages (with query) | result line |")
    print("|---:|---|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        for kind, q, raw, gz, ms, shown, right, meta in r.queries:
            line = meta.replace("|", "/").replace("\n", " ")[:40]
            print(f"| {r.n} | {r.system} | {kind} | {q} | {raw / 1e3:,.0f} | {gz / 1e3:,.0f} | {ms:,.0f} | "
                  f"{shown} ({right}) | {line} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[14, 100, 1000],
                        help="corpus sizes; 14 is the real corpus (default: 14 100 1000)")
    args = parser.parse_args()
    rows: list[Row] = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            print(f"N={n}: building", flush=True)
            rows += bench(n, Path(tmp))
    report(rows)


if __name__ == "__main__":
    main()
