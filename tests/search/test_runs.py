"""The postings spilled to disk (``builder.search.runs``) make the same index however they were cut.

A build's processes append each batch of documents to bucket files, and the index is merged a
bucket at a time; none of that may show in the published files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.search.index import SearchAnalysis, index_files, layout, write_runs
from builder.search.runs import MAX_BUCKETS, PostingRuns, bucket_count

REPO = Path(__file__).resolve().parents[2]


def _index(documents, regions, *, buckets: int, batch: int, jobs: int = 1) -> dict[str, bytes]:
    lay = layout(documents)
    analysis = SearchAnalysis()
    runs = PostingRuns(buckets=buckets)
    for start in range(0, len(documents), batch):
        part = documents[start:start + batch]
        write_runs(runs, lay, start, [analysis.analyse(d) for d in part])
    names = index_files(documents, regions, lay, runs, jobs)
    return {name: (runs.files / name).read_bytes() for name in names}


@pytest.fixture(scope="module")
def one_bucket(documents, corpus) -> dict[str, bytes]:
    return _index(documents, corpus.regions, buckets=1, batch=1)


def test_the_index_does_not_depend_on_the_number_of_buckets_or_the_batches(one_bucket, documents, corpus):
    assert _index(documents, corpus.regions, buckets=8, batch=3) == one_bucket


def test_the_index_does_not_depend_on_the_number_of_processes(one_bucket, documents, corpus):
    assert _index(documents, corpus.regions, buckets=64, batch=2, jobs=2) == one_bucket


def test_the_index_does_not_depend_on_the_hash_seed(tmp_path):
    """Buckets come from Python's string hash, which differs from one interpreter to the next."""
    script = ("import sys; from pathlib import Path; from builder.corpus.load import load_corpus;"
              "from builder.pages.catalogue import Catalogue; from builder.search.index import build_index;"
              "from builder.search.segment import tokenizer; c = load_corpus(Path('corpus'));"
              "d = Catalogue(c).documents; f = build_index(d, c.regions, tokenizer(c));"
              "import hashlib; h = hashlib.sha256();"
              "[h.update(k.encode() + (v if isinstance(v, bytes) else v.encode())) for k, v in sorted(f.items())];"
              "print(h.hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1


def test_a_document_written_twice_is_refused(documents):
    lay = layout(documents[:2])
    runs = PostingRuns(buckets=2)
    data = SearchAnalysis().analyse(documents[0])
    write_runs(runs, lay, 0, [data])
    write_runs(runs, lay, 0, [data])
    with pytest.raises(ValueError, match="written twice"):
        runs.documents()


def test_an_index_with_a_document_missing_is_refused(documents, corpus):
    lay = layout(documents[:2])
    runs = PostingRuns(buckets=2)
    write_runs(runs, lay, 0, [SearchAnalysis().analyse(documents[0])])
    with pytest.raises(ValueError, match=f"never written, e.g. {documents[1].id}"):
        index_files(documents[:2], corpus.regions, lay, runs)


def test_a_bucket_holds_about_the_same_number_of_documents_whatever_the_corpus():
    assert [bucket_count(n) for n in (1, 8, 9, 100, 1000, 10_000, 100_000)] == [1, 1, 2, 16, 128, 1024, MAX_BUCKETS]


def test_the_run_folder_goes_with_the_runs():
    runs = PostingRuns()
    folder = runs.folder
    assert folder.is_dir()
    del runs
    assert not folder.exists()
