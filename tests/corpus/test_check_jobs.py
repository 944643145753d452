"""``builder check --jobs N``: the per-document checks spread over processes (``builder.parallel``)
find the same problems, in the same order, as one process.

The real corpus has 14 documents, fewer than two batches, so the test makes the batches one
document long: the fork path is then really taken.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder import parallel
from builder.commands.check import collect_problems
from tests.conftest import REPO


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The real corpus and its raw files, with a changed character in three documents (a
    fidelity error each) and a half-width comma between Chinese characters in a fourth."""
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    docs = sorted((tmp_path / "corpus" / "documents").glob("*.md"))
    for path in docs[1:10:3]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("发展", "發展", 1), encoding="utf-8")
    last = docs[-1]
    last.write_text(last.read_text(encoding="utf-8").replace("，", ",", 1), encoding="utf-8")
    return tmp_path / "corpus"


def test_two_processes_find_the_problems_one_finds_in_the_same_order(
        broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = [str(p) for p in collect_problems(broken, jobs=1)]
    monkeypatch.setattr(parallel, "BATCH", 1)
    assert parallel.can_fork(2, 14)
    two = [str(p) for p in collect_problems(broken, jobs=2)]
    assert len([p for p in one if "differs from the source" in p]) == 3, one
    assert any("half-width ','" in p for p in one), one
    assert two == one


def test_a_closure_runs_in_the_workers_and_the_results_keep_the_items_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BATCH", 2)
    offset = 100

    def work(n: int) -> tuple[int, int]:
        import os
        return n + offset, os.getpid()

    out = parallel.map_documents(work, list(range(20)), jobs=2)
    pids = {pid for _, pid in out}
    assert [n for n, _ in out] == list(range(100, 120))
    assert len(pids) >= 2  # this process (the first item) and at least one worker
