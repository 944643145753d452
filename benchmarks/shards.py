"""A sharded build beside the single build, on synthetic corpora of N documents.

``python -m benchmarks.shards 100 300 [--shards 3]`` prints, for each N: the
single ``builder build``; each shard's ``builder build --shards S --shard K``
(what one machine of the matrix does); the ``builder merge``; the longest
shard plus the merge (the build's time with one machine per shard); the
artefacts' bytes; and whether the merged docs folder equals the single build's
byte for byte. Each step is its own process, measured alone
(``benchmarks.run.run``: CPU from ``os.wait4``). Figures are printed, never
asserted. ``mkdocs build`` is not part of it: the merge job renders the whole
site either way.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.run import Run, dir_bytes, run
from benchmarks.synth import generate


def same_tree(a: Path, b: Path) -> bool:
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    return files(a) == files(b)


def line(name: str, r: Run) -> str:
    return f"  {name:<22} {r.cpu:8.1f} s CPU {r.wall:8.1f} s wall {r.peak_mb:7.0f} MB peak"


def bench(n: int, shards: int, work: Path) -> None:
    corpus = generate(n, work / "corpus")
    single = run("-m", "builder", "build", "--corpus", corpus, "--out", work / "single", "--force")
    parts = [run("-m", "builder", "build", "--corpus", corpus, "--shards", str(shards), "--shard", str(k),
                 "--out", work / f"shard-{k}") for k in range(1, shards + 1)]
    merged = run("-m", "builder", "merge", "--corpus", corpus, "--out", work / "docs",
                 *(work / f"shard-{k}" for k in range(1, shards + 1)))
    plan = run("-m", "builder", "build", "--corpus", corpus, "--shards", str(shards), "--plan").out
    print(f"N = {n}, {shards} shards\n" + "".join(f"  {p}\n" for p in plan.splitlines()))
    print(line("single build", single))
    for k, r in enumerate(parts, start=1):
        print(line(f"shard {k}", r))
    print(line("merge", merged))
    slowest = max(parts, key=lambda r: r.wall)
    print(f"  {'slowest shard + merge':<22} {slowest.cpu + merged.cpu:8.1f} s CPU "
          f"{slowest.wall + merged.wall:8.1f} s wall (one machine per shard)")
    print(f"  {'all shards + merge':<22} {sum(r.cpu for r in parts) + merged.cpu:8.1f} s CPU")
    for k in range(1, shards + 1):
        size, count = dir_bytes(work / f"shard-{k}")
        print(f"  artefact {k}: {size / 1e6:.1f} MB in {count} files")
    print(f"  merged docs folder == single build: {same_tree(work / 'single', work / 'docs')}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[100])
    parser.add_argument("--shards", type=int, default=3)
    args = parser.parse_args()
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"shards-{n}-") as tmp:
            bench(n, args.shards, Path(tmp))


if __name__ == "__main__":
    main()
