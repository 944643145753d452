"""Build the whole site atomically: the pages (``builder build``), then ``mkdocs build --strict``.

MkDocs writes into a fresh folder beside ``--site-dir``; only when it exits 0 is
that folder swapped in for the old site (two renames). A strict build that
fails, an mkdocs that is killed half-way, or a corpus that fails ``builder
check`` leaves the previous ``site/`` exactly as it was; half-written folders
of a killed run (``.site-…``) are removed by the next run. ``make site`` runs
this verb. ``--merge SHARD_DIR…`` makes the pages by merging the artefacts of a sharded
build (``builder merge``) instead of building them; the rest is the same. MkDocs reads
the docs folder from ``--config`` (``docs_dir``), so ``--out``
must be the folder that configuration names (``build/docs`` for ``mkdocs.yml``). Not
``--quiet``: with it, mkdocs 1.6 no longer counts warnings and ``--strict`` lets a broken
link through.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from builder.commands import build, merge
from builder.pages.output import swap_in


def add_arguments(parser: argparse.ArgumentParser) -> None:
    build.add_arguments(parser)
    parser.add_argument("--site-dir", type=Path, default=Path("site"),
                        help="the built site (default: site), replaced only by a successful build")
    parser.add_argument("--merge", type=Path, nargs="+", default=None, metavar="SHARD_DIR",
                        help="make the pages by merging these shard artefacts (builder merge), not by building")


def _stale(site: Path) -> list[Path]:
    return [p for p in site.parent.glob(f".{site.name}-*") if p.is_dir()]


def run(args: argparse.Namespace) -> int:
    site: Path = args.site_dir
    site.parent.mkdir(parents=True, exist_ok=True)
    for old in _stale(site):  # left by a run that was killed
        shutil.rmtree(old, ignore_errors=True)
    made = merge.merge_into(args.merge, args) if args.merge else build.run(args)
    if made != 0:
        print(f"{site} left as it was", file=sys.stderr)
        return 1
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=site.parent))
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "--config-file", str(args.config), "--site-dir", str(fresh.resolve())],
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode != 0:
            how = f"was killed by signal {-result.returncode}" if result.returncode < 0 else "failed"
            print(f"error: mkdocs build --strict {how}; {site} left as it was", file=sys.stderr)
            return 1
        fresh.chmod(0o755)
        swap_in(fresh, site)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"site built into {site}")
    return 0
