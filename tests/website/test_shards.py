"""A build split by prefecture and merged is the single build, byte for byte.

``python -m builder build --shards 3 --shard K --out DIR`` does the
per-document work of shard K's prefectures and writes a shard artefact;
``python -m builder merge DIR…`` makes the ``docs_dir`` from every shard's
artefact (``builder.shards``). These tests run the commands as CI does, on the
real corpus (six prefectures) and on a synthetic corpus spread over more
prefectures (``benchmarks.synth``), and compare every file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.corpus.load import load_corpus
from builder.pages.analyses import Analyses, AnalysisMissing
from builder.search.index import SearchAnalysis
from builder.shards.plan import documents_of, plan, prefecture_of

from .sitebuild import REPO, run, site_corpus_root

SHARDS = 3


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (dot-files too), relative path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def build(corpus: Path, out: Path, *extra: str | Path) -> None:
    run("-m", "builder", "build", "--corpus", corpus, "--out", out, "--config", REPO / "mkdocs.yml", *extra)


def merge(corpus: Path, out: Path, shards: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "merge", "--corpus", str(corpus), "--out", str(out),
                           "--config", str(REPO / "mkdocs.yml"), *map(str, shards)],
                          cwd=REPO, capture_output=True, text=True)


def sharded(corpus: Path, work: Path) -> list[Path]:
    """The artefact folders of every shard of the plan."""
    dirs = [work / f"shard-{k}" for k in range(1, SHARDS + 1)]
    for k, d in enumerate(dirs, start=1):
        build(corpus, d, "--shards", str(SHARDS), "--shard", str(k))
    return dirs


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    """(corpus, single build's docs folder, shard artefacts) for the real corpus."""
    work = tmp_path_factory.mktemp("shards-real")
    corpus = site_corpus_root()
    build(corpus, work / "single", "--force")
    return corpus, work / "single", sharded(corpus, work)


def test_three_shards_merged_equal_the_single_build_byte_for_byte(real, tmp_path: Path) -> None:
    corpus, single, shards = real
    result = merge(corpus, tmp_path / "docs", shards)
    assert result.returncode == 0, result.stderr
    expected = tree(single)
    assert len(expected) > 1000  # pages, downloads, search index, the build state
    assert differences(tree(tmp_path / "docs"), expected) == []


def test_a_shard_holds_only_its_own_documents_files_and_analyses(real) -> None:
    corpus_root, _, shards = real
    corpus = load_corpus(corpus_root)
    for part, folder in zip(plan(corpus, SHARDS), shards, strict=True):
        mine = documents_of(corpus, part)
        manifest = json.loads((folder / "shard.json").read_text("utf-8"))
        analyses = json.loads((folder / "analyses.json").read_text("utf-8"))
        assert set(manifest["documents"]) == mine == set(analyses)
        assert all(set(by_name) == {"glossary", "indicators", "search"} for by_name in analyses.values())
        pages = {p.relative_to(folder / "files").as_posix() for p in (folder / "files" / "documents").glob("*.md")}
        assert pages == {f"documents/{d}.md" for d in mine}


def test_the_shards_together_hold_every_document_once(real) -> None:
    corpus_root, _, shards = real
    held = [d for folder in shards for d in json.loads((folder / "shard.json").read_text("utf-8"))["documents"]]
    assert sorted(held) == sorted(d.id for d in load_corpus(corpus_root).documents)


def test_the_merge_refuses_a_missing_shard_by_prefecture(real, tmp_path: Path) -> None:
    corpus, _, shards = real
    result = merge(corpus, tmp_path / "docs", shards[1:])
    assert result.returncode == 1
    assert "吕梁市 in no shard" in result.stderr and "merge every shard of the plan" in result.stderr
    assert not (tmp_path / "docs").exists()


def test_a_lost_file_of_one_shard_makes_the_merged_build_differ(real, tmp_path: Path) -> None:
    """The comparison above can fail: a shard that lost one page's file merges into another build."""
    corpus, single, shards = real
    damaged = tmp_path / "shard-1"
    shutil.copytree(shards[0], damaged)
    lost = sorted((damaged / "files" / "documents").glob("*.md"))[0]
    lost.unlink()
    assert merge(corpus, tmp_path / "docs", [damaged, *shards[1:]]).returncode == 0
    assert differences(tree(tmp_path / "docs"), tree(single)) == [".build-state.json", f"documents/{lost.name}"]


def test_the_merge_refuses_a_shard_built_from_other_inputs(real, tmp_path: Path) -> None:
    corpus, _, shards = real
    stale = tmp_path / "shard-2"
    shutil.copytree(shards[1], stale)
    manifest = json.loads((stale / "shard.json").read_text("utf-8"))
    manifest["inputs"]["corpus/regions.yml"] = "0" * 64  # as if built before an edit of the regions
    (stale / "shard.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = merge(corpus, tmp_path / "docs", [shards[0], stale, shards[2]])
    assert result.returncode == 1
    assert "built from other inputs than this merge (corpus/regions.yml)" in result.stderr


def test_the_merge_never_analyses_a_document_itself() -> None:
    """A merge's analyses come only from the artefacts: one left out is an error, not work redone."""
    doc = load_corpus(site_corpus_root()).documents[0]
    with pytest.raises(AnalysisMissing, match=doc.id):
        Analyses(loaded={}).get(SearchAnalysis(), doc)


def test_the_plan_gives_each_prefecture_to_one_shard_balanced_by_documents() -> None:
    corpus = load_corpus(site_corpus_root())
    parts = plan(corpus, SHARDS)
    names = [p for part in parts for p in part.prefectures]
    assert sorted(names) == sorted(r.name for r in corpus.regions.prefectures())
    assert sum(part.documents for part in parts) == len(corpus.documents)
    weight = max(sum(1 for d in corpus.documents if prefecture_of(corpus, d.meta.region).name == p) for p in names)
    assert max(p.documents for p in parts) - min(p.documents for p in parts) <= weight
    assert [(p.prefectures, p.documents) for p in parts] == [
        (("吕梁市",), 6), (("运城市", "忻州市"), 4), (("朔州市", "晋中市", "临汾市"), 4)]


def test_the_plan_is_the_same_on_every_run() -> None:
    corpus = load_corpus(site_corpus_root())
    reordered = type(corpus)(corpus.root, corpus.regions, list(reversed(corpus.documents)))
    assert plan(reordered, SHARDS) == plan(corpus, SHARDS)


def test_three_shards_of_a_synthetic_corpus_over_more_prefectures_merge_into_the_single_build(
        tmp_path: Path) -> None:
    from benchmarks.synth import generate

    corpus = generate(40, tmp_path / "synth" / "corpus")
    prefectures = {prefecture_of(load_corpus(corpus), d.meta.region).name for d in load_corpus(corpus).documents}
    assert len(prefectures) > 6
    build(corpus, tmp_path / "single", "--force")
    result = merge(corpus, tmp_path / "docs", sharded(corpus, tmp_path))
    assert result.returncode == 0, result.stderr
    assert differences(tree(tmp_path / "docs"), tree(tmp_path / "single")) == []
