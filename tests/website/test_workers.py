"""The per-document work spread over processes (``builder.pages.workers``) makes the same files.

The real corpus has 14 documents, fewer than two batches, so these tests make the batches
small: the fork path is then really taken (a worker per batch of one or two documents).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.load import load_corpus
from builder.pages import document_files, workers
from builder.pages.settings import load_settings
from builder.pages.site import generate

from .sitebuild import REPO, site_corpus_root


def _bytes(files: Mapping[str, str | bytes]) -> dict[str, bytes]:
    return {p: c.encode("utf-8") if isinstance(c, str) else c for p, c in files.items()}


@pytest.fixture(scope="module")
def single() -> dict[str, bytes]:
    return _bytes(generate(load_corpus(site_corpus_root()), load_settings(REPO / "mkdocs.yml"), jobs=1))


@pytest.mark.parametrize("batch", [1, 3])
def test_two_processes_make_the_single_process_files_byte_for_byte(
        single: dict[str, bytes], batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "BATCH", batch)
    forked = _bytes(generate(load_corpus(site_corpus_root()), load_settings(REPO / "mkdocs.yml"), jobs=2))
    assert forked.keys() == single.keys()
    assert [p for p in single if forked[p] != single[p]] == []


def test_workers_write_into_the_scratch_folder_and_the_build_adopts_their_files(
        single: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "BATCH", 2)
    spilled = generate(load_corpus(site_corpus_root()), load_settings(REPO / "mkdocs.yml"),
                       spill=tmp_path, jobs=2)
    assert _bytes(spilled) == single
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} == set(single)


def test_a_corpus_problem_met_in_a_worker_is_reported_with_its_file_and_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = load_corpus(site_corpus_root())
    victim = corpus.documents[-1]
    render = document_files.document.render

    def failing(cat, doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if doc.id == victim.id:
            raise CorpusError([Problem(doc.path, 7, "a problem found while rendering", "fix line 7")])
        return render(cat, doc, *args, **kwargs)

    monkeypatch.setattr(workers, "BATCH", 2)
    monkeypatch.setattr(document_files.document, "render", failing)
    with pytest.raises(CorpusError) as caught:
        generate(corpus, load_settings(REPO / "mkdocs.yml"), jobs=2)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.message) == (victim.path, 7, "a problem found while rendering")


def test_one_job_or_few_documents_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    settings = load_settings(REPO / "mkdocs.yml")
    generate(load_corpus(site_corpus_root()), settings, jobs=1)
    generate(load_corpus(site_corpus_root()), settings, jobs=4)  # 14 documents: under two batches
