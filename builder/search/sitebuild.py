"""Build a corpus into a throw-away site for ``search-eval`` and the benchmark.

The shipped ``mkdocs.yml`` is copied with its paths moved into a work
folder (as ``tests/website/sitebuild.py`` does for the tests); with
``material_search`` the copy turns Material's built-in search plugin back
on (``lang: zh``, as the site had it), so the benchmark compares both
searches on the same pages. The repository's ``build/`` and ``site/`` are
never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def write_config(work: Path, *, material_search: bool = False) -> Path:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["INHERIT"] = str(work / "docs" / ".nav.yml")
    config["docs_dir"] = str(work / "docs")
    config["site_dir"] = str(work / ("site-material" if material_search else "site"))
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["hooks"] = [str(REPO / h) for h in config.get("hooks", [])]
    if material_search:
        config["plugins"] = [{"search": {"lang": "zh"}}]
    path = work / ("mkdocs-material-search.yml" if material_search else "mkdocs.yml")
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _run(*args: str | Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, *map(str, args)], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


def generate_docs(corpus_root: Path, work: Path) -> float:
    """``python -m builder build`` into ``work/docs``; seconds taken."""
    work.mkdir(parents=True, exist_ok=True)
    return _run("-m", "builder", "build", "--corpus", corpus_root, "--out", work / "docs")


def mkdocs(work: Path, *, material_search: bool = False) -> tuple[Path, float]:
    """``mkdocs build --strict`` of ``work/docs``; the site folder and seconds taken."""
    config = write_config(work, material_search=material_search)
    seconds = _run("-m", "mkdocs", "build", "--strict", "-f", config)
    return work / ("site-material" if material_search else "site"), seconds
