"""Benchmark: the edition at growing N, beside plain MkDocs + Material on the same text.

For each N (14 is the real corpus; larger N are ``benchmarks.synth`` corpora)
it runs, each as its own process so that CPU time and peak memory are that
process's own (``os.wait4``):

- ``python -m builder build`` (generation) and ``mkdocs build --strict``;
- the same again with no change (the incremental path: what a no-change
  rebuild costs and how many files it writes);
- one corpus document edited and the preview path timed from the save to
  the served page showing the edit (``builder.commands.serve``: the page
  is re-rendered alone through the same theme);
- plain MkDocs + Material on the same text: every corpus document as a
  Markdown page, Material's defaults (its search plugin on, the automatic
  nav listing every page);
- in headless Chromium, queries typed on a cold page of the edition: bytes
  of search files received before the first result, and the time to it.

It prints one table of build figures, one of site bytes per document by
part, and one of first queries.

    python -m benchmarks.run                          # N = 14, 100, 1000
    python -m benchmarks.run --sizes 14 100 1000 3000 10000
    python -m benchmarks.run --sizes 100 --no-plain   # without the plain Material build

Figures are printed, not asserted: they depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.synth import REPO, generate
from builder.corpus.load import load_corpus
from builder.corpus.sources import SOURCES_DIR
from builder.pages.catalogue import Catalogue
from builder.pages.urls import SOURCE_TEXT
from builder.parallel import default_jobs
from builder.search.probe import Probe, serve
from builder.search.queries import random_substrings
from builder.search.sitebuild import write_config

#: Fixed queries (a slogan, a region, an indicator, a number with its unit, a common word);
#: two random phrases of the corpus are added per run (seeded).
FIXED = (("slogan", "三零"), ("region", "离石区"), ("indicator", "一般公共预算收入"),
         ("number", "151.5亿元"), ("common word", "发展"))
PAGE = "about/methodology/"
#: Parts of the site, by top folder (a document's source page apart from its page), for the
#: bytes-per-document table.
PARTS = (("documents", "document pages"), ("sources", "raw spans (edits)"), ("search", "search index"),
         ("data", "downloads and data"), ("glossary", "glossary pages"), ("indicators", "indicator pages"),
         ("assets", "theme assets"))


@dataclass
class Run:
    """One process: CPU seconds (user + system), wall seconds, peak resident memory in MB."""

    cpu: float
    wall: float
    peak_mb: float
    out: str = ""


def run(*args: str | Path, cwd: Path = REPO) -> Run:
    """Run ``python args`` as its own process and measure that process alone."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *map(str, args)], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.stdout is not None
    out = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{out[-3000:]}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, out)


def dir_bytes(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def by_part(site: Path) -> dict[str, int]:
    sizes: Counter[str] = Counter()
    for p in site.rglob("*"):
        if p.is_file():
            parts = p.relative_to(site).parts
            top = "sources" if parts[0] == "documents" and parts[-1] == SOURCE_TEXT else parts[0]
            sizes[top if top in dict(PARTS) else "other pages"] += p.stat().st_size
    return dict(sizes)


def plain_docs(corpus_root: Path, docs: Path) -> None:
    """Every corpus document as a plain Markdown page: its title as the heading, its body as it is."""
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Corpus\n", encoding="utf-8")
    for path in sorted((corpus_root / "documents").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        title = yaml.safe_load(front).get("title", path.stem)
        (docs / path.name).write_text(f"# {title}\n\n{body}", encoding="utf-8")


def plain_config(work: Path) -> Path:
    config = {"site_name": "plain", "docs_dir": str(work / "plain-docs"), "site_dir": str(work / "plain-site"),
              "theme": {"name": "material", "language": "zh"}, "plugins": [{"search": {"lang": "zh"}}],
              "markdown_extensions": ["attr_list", "tables"]}
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


@dataclass
class Row:
    n: int
    builder: Run
    mkdocs: Run
    rebuild: Run
    rebuild_written: str
    site_bytes: int
    site_files: int
    parts: dict[str, int]
    edit_s: float | None
    plain: Run | None = None
    plain_bytes: int = 0
    plain_files: int = 0
    plain_index: int = 0  # Material's search_index.json: what its first query downloads
    queries: list[tuple[str, str, int, int, float, int]] = field(default_factory=list)


def measure_queries(site: Path, queries: list[tuple[str, str]]) -> list[tuple[str, str, int, int, float, int]]:
    out = []
    with serve(site) as base:
        probe = Probe(base, edition=True, site=site)
        try:
            for kind, q in queries:
                probe.open(PAGE, wait="load")
                seen = probe.type(q, cold_bytes=True, all_results=False)
                out.append((kind, q, seen.bytes_search, seen.gzip_search, seen.ms, len(seen.docs)))
            if probe.foreign:
                print(f"  ! requests to other hosts: {probe.foreign[:3]}")
        finally:
            probe.close()
    return out


def edit_latency(corpus_root: Path, work: Path, config: Path, port: int = 8765) -> float:
    """Seconds from saving one edited document to the preview (``builder serve``) serving the change.

    The preview is started on the built site and left to settle; then the first
    paragraph of a document gets a marker and the page URL is fetched until the
    marker is in it.
    """
    proc = subprocess.Popen([sys.executable, "-m", "builder", "serve", "--corpus", corpus_root, "--config", config,
                             "--site", work / "preview", "--port", str(port)], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if b"Serving on" in line:
                base = line.decode().split("Serving on ")[1].strip()
                break
        else:
            raise RuntimeError("builder serve stopped before serving")
        threading.Thread(target=proc.stdout.read, daemon=True).start()  # keep its pipe drained
        time.sleep(3)
        path = sorted((corpus_root / "documents").glob("*.md"))[-1]
        text = path.read_text(encoding="utf-8")
        marker = f"基准测试标记{int(time.time())}"
        at = text.index("{#p-1}")
        line_start = text.rfind("\n", 0, at) + 1
        start = time.perf_counter()
        path.write_text(text[:line_start] + marker + text[line_start:], encoding="utf-8")
        url = f"{base}documents/{path.stem}/"
        try:
            while time.perf_counter() - start < 300:
                try:
                    with urllib.request.urlopen(url) as response:
                        if marker in response.read().decode("utf-8"):
                            return time.perf_counter() - start
                except OSError:
                    pass
                time.sleep(0.05)
            raise RuntimeError(f"{url} did not show the edit within 300 s")
        finally:
            path.write_text(text, encoding="utf-8")
    finally:
        proc.terminate()
        proc.wait()


def bench(n: int, work: Path, *, plain: bool, browser: bool, edit: bool, jobs: int) -> Row:
    if n == 14:  # the real corpus and its raw files, copied: the edit-latency run edits a document
        corpus_root = work / "corpus"
        shutil.copytree(REPO / "corpus", corpus_root)
        shutil.copytree(REPO / SOURCES_DIR, work / SOURCES_DIR)
    else:
        corpus_root = generate(n, work / "corpus")
    docs_dir, config = work / "docs", write_config(work)
    b = run("-m", "builder", "build", "--corpus", corpus_root, "--out", docs_dir, "--config", config,
            "--jobs", str(jobs))
    m = run("-m", "mkdocs", "build", "--strict", "-f", config)  # not --quiet: it stops --strict counting
    again = run("-m", "builder", "build", "--corpus", corpus_root, "--out", docs_dir, "--config", config)
    written = re.search(r"(\d+) written|nothing written", again.out)
    site = work / "site"
    size, files = dir_bytes(site)
    row = Row(n, b, m, again, written.group(0) if written else "?", size, files, by_part(site),
              edit_latency(corpus_root, work, config) if edit else None)
    print(f"  N={n}: built", flush=True)
    if browser:
        docs = Catalogue(load_corpus(corpus_root)).documents
        phrases = [p for p in random_substrings(docs, 200, 1000 + n) if len(p) >= 5][:2]
        row.queries = measure_queries(site, [*FIXED, *(("phrase", p) for p in phrases)])
        print(f"  N={n}: queries", flush=True)
    if plain:
        plain_docs(corpus_root, work / "plain-docs")
        row.plain = run("-m", "mkdocs", "build", "--quiet", "-f", plain_config(work))
        row.plain_bytes, row.plain_files = dir_bytes(work / "plain-site")
        index = work / "plain-site" / "search" / "search_index.json"
        row.plain_index = index.stat().st_size if index.exists() else 0
        print(f"  N={n}: plain Material built", flush=True)
    shutil.rmtree(site, ignore_errors=True)
    return row


def report(rows: list[Row]) -> None:
    print("\n## Build (CPU = user + system of that process; peak = its maximum resident memory)\n")
    print("| N | builder CPU s | builder wall s | builder peak MB | mkdocs CPU s | mkdocs wall s | mkdocs peak MB "
          "| CPU ms/doc | no-change rebuild s (files) | edit → served s | site MB | files | KB/doc "
          "| plain Material CPU s | wall s | peak MB | site MB | files | its search_index.json MB |")
    print("|" + "---:|" * 20)
    for r in rows:
        plain = (f"{r.plain.cpu:.1f} | {r.plain.wall:.1f} | {r.plain.peak_mb:.0f} | {r.plain_bytes / 1e6:.1f} | "
                 f"{r.plain_files:,} | {r.plain_index / 1e6:.1f}" if r.plain else "— | — | — | — | — | —")
        edit = f"{r.edit_s:.2f}" if r.edit_s is not None else "—"
        print(f"| {r.n:,} | {r.builder.cpu:.1f} | {r.builder.wall:.1f} | {r.builder.peak_mb:.0f} | "
              f"{r.mkdocs.cpu:.1f} | {r.mkdocs.wall:.1f} | {r.mkdocs.peak_mb:.0f} | "
              f"{1000 * (r.builder.cpu + r.mkdocs.cpu) / r.n:.0f} | {r.rebuild.wall:.1f} ({r.rebuild_written}) | "
              f"{edit} | {r.site_bytes / 1e6:.1f} | {r.site_files:,} | {r.site_bytes / r.n / 1e3:.0f} | {plain} |")
    print("\n## Site bytes per document, by part (KB; theme assets are shared, so they shrink per document)\n")
    names = [*(label for _, label in PARTS), "other pages"]
    print("| N | " + " | ".join(names) + " | total |")
    print("|" + "---:|" * (len(names) + 2))
    for r in rows:
        cells = [r.parts.get(key, 0) for key, _ in PARTS] + [r.parts.get("other pages", 0)]
        per_doc = " | ".join(f"{c / r.n / 1e3:.1f}" for c in cells)
        print(f"| {r.n:,} | {per_doc} | {r.site_bytes / r.n / 1e3:.1f} |")
    if any(r.queries for r in rows):
        print("\n## First query on a cold page (search files received before the first result; ms from typing)\n")
        print("| N | KB raw median / max | KB gzip median | ms median / max |")
        print("|---:|---:|---:|---:|")
        for r in rows:
            if not r.queries:
                continue
            raw, gz, ms = ([q[i] for q in r.queries] for i in (2, 3, 4))
            print(f"| {r.n:,} | {statistics.median(raw) / 1e3:,.0f} / {max(raw) / 1e3:,.0f} | "
                  f"{statistics.median(gz) / 1e3:,.0f} | {statistics.median(ms):,.0f} / {max(ms):,.0f} |")
        print("\n| N | kind | query | KB raw | KB gzip | ms | results on the first screen |")
        print("|---:|---|---|---:|---:|---:|---:|")
        for r in rows:
            for kind, q, raw_b, gz_b, ms_q, shown in r.queries:
                print(f"| {r.n:,} | {kind} | {q} | {raw_b / 1e3:,.0f} | {gz_b / 1e3:,.0f} | {ms_q:,.0f} | {shown} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[14, 100, 1000],
                        help="corpus sizes; 14 is the real corpus (default: 14 100 1000)")
    parser.add_argument("--no-plain", action="store_true", help="skip plain MkDocs + Material")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-query measurements")
    parser.add_argument("--no-edit", action="store_true", help="skip the save-to-served-page measurement")
    parser.add_argument("--jobs", type=int, default=None,
                        help="builder build --jobs (default: the builder's own, one process per core)")
    args = parser.parse_args()
    jobs = args.jobs or default_jobs()
    print(f"builder build --jobs {jobs} (CPU includes its workers; peak memory is its largest process)")
    rows: list[Row] = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            print(f"N={n}: building", flush=True)
            rows.append(bench(n, Path(tmp), plain=not args.no_plain, browser=not args.no_browser,
                              edit=not args.no_edit, jobs=jobs))
        report(rows)  # after every N, so a long run shows what it has


if __name__ == "__main__":
    main()
