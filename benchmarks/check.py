"""How long ``builder check`` takes, and how much of it is reading the files through the schemas.

    .venv/bin/python -m benchmarks.check                # the real corpus
    .venv/bin/python -m benchmarks.check /tmp/c1000     # a synthetic one (python -m benchmarks.synth 1000 /tmp/c1000)

Prints, as the median of three runs: the whole ``python -m builder check`` (a fresh
process: imports included, wall and CPU time), and inside one process the loading of
every corpus file through its schema, the safe YAML reader and the string-safety rule
(documents, regions, glossary, indicators, corrections). The issue's aim: check of the
real corpus under 2 s. Figures only, never asserted: they depend on the machine's load.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from builder.corpus.glossary import read_glossary
from builder.corpus.indicators import load_corrections, load_vocabulary
from builder.corpus.load import load_corpus

REPO = Path(__file__).resolve().parents[1]


def whole_check(corpus: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "builder", "check", "--corpus", str(corpus)], cwd=REPO,
                   capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def schema_load(corpus: Path) -> float:
    """CPU seconds (this process) to read every file through its schema."""
    start = time.process_time()
    loaded = load_corpus(corpus, collect=[])
    read_glossary(corpus, loaded.regions)
    vocabulary = load_vocabulary(corpus, collect=[])
    load_corrections(corpus, vocabulary, collect=[])
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "corpus")
    args = parser.parse_args()
    runs = [whole_check(args.corpus) for _ in range(3)]
    loads = [schema_load(args.corpus) for _ in range(3)]
    docs = len(list((args.corpus / "documents").rglob("*.md")))
    print(f"corpus {args.corpus} ({docs} documents)")
    print(f"  python -m builder check: {statistics.median(r[0] for r in runs):.2f} s wall, "
          f"{statistics.median(r[1] for r in runs):.2f} s CPU (median of 3)")
    print(f"  loading every file through its schema and the string-safety rule: "
          f"{statistics.median(loads) * 1000:.0f} ms CPU (median of 3)")


if __name__ == "__main__":
    main()
