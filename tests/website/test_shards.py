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
from dataclasses import dataclass
from pathlib import Path

import pytest

from builder.corpus.load import load_corpus
from builder.pages.analyses import Analyses, AnalysisMissing
from builder.search.index import SearchAnalysis
from builder.shards.plan import documents_of, plan, prefecture_of

from .sitebuild import REPO, run, site_corpus_root, write_config

SHARDS = 3


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (dot-files too), relative path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def build(corpus: Path, out: Path, *extra: str | Path, config: Path = REPO / "mkdocs.yml") -> None:
    run("-m", "builder", "build", "--corpus", corpus, "--out", out, "--config", config, *extra)


def merge(corpus: Path, out: Path, shards: list[Path], config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "merge", "--corpus", str(corpus), "--out", str(out),
                           "--config", str(config), *map(str, shards)],
                          cwd=REPO, capture_output=True, text=True)


def sharded(corpus: Path, work: Path, config: Path) -> list[Path]:
    """The artefact folders of every shard of the plan."""
    dirs = [work / f"shard-{k}" for k in range(1, SHARDS + 1)]
    for k, d in enumerate(dirs, start=1):
        build(corpus, d, "--shards", str(SHARDS), "--shard", str(k), config=config)
    return dirs


@dataclass(frozen=True)
class Real:
    corpus: Path
    config: Path  # a copy of mkdocs.yml whose docs_dir and site_dir are in the work folder
    docs: Path  # the config's docs_dir
    site: Path  # the config's site_dir
    single: dict[str, bytes]  # the single build's docs folder
    single_site: dict[str, bytes]  # the single build's site
    shards: list[Path]  # every shard's artefact


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Real:
    """The real corpus built once whole (``builder site``: pages and site) and once in shards."""
    work = tmp_path_factory.mktemp("shards-real")
    corpus, config = site_corpus_root(), write_config(work)
    run("-m", "builder", "site", "--corpus", corpus, "--out", work / "docs", "--config", config,
        "--site-dir", work / "site", "--force")
    return Real(corpus, config, work / "docs", work / "site", tree(work / "docs"), tree(work / "site"),
                sharded(corpus, work, config))


def test_three_shards_merged_equal_the_single_build_byte_for_byte(real: Real, tmp_path: Path) -> None:
    result = merge(real.corpus, tmp_path / "docs", real.shards, real.config)
    assert result.returncode == 0, result.stderr
    assert len(real.single) > 1000  # pages, downloads, search index, the build state
    assert differences(tree(tmp_path / "docs"), real.single) == []


def test_the_site_made_from_three_shards_equals_the_single_site_byte_for_byte(real: Real) -> None:
    """``builder site --merge``: the merged pages through ``mkdocs build --strict``, every file compared."""
    run("-m", "builder", "site", "--merge", *real.shards, "--corpus", real.corpus, "--out", real.docs,
        "--config", real.config, "--site-dir", real.site)
    assert len(real.single_site) > 1000
    assert differences(tree(real.site), real.single_site) == []
    assert differences(tree(real.docs), real.single) == []


def test_a_shard_holds_only_its_own_documents_files_and_analyses(real: Real) -> None:
    corpus = load_corpus(real.corpus)
    for part, folder in zip(plan(corpus, SHARDS), real.shards, strict=True):
        mine = documents_of(corpus, part)
        manifest = json.loads((folder / "shard.json").read_text("utf-8"))
        analyses = json.loads((folder / "analyses.json").read_text("utf-8"))
        assert set(manifest["documents"]) == mine == set(analyses)
        assert all(set(by_name) == {"glossary", "indicators", "search"} for by_name in analyses.values())
        pages = {p.relative_to(folder / "files").as_posix() for p in (folder / "files" / "documents").glob("*.md")}
        assert pages == {f"documents/{d}.md" for d in mine}


def test_the_shards_together_hold_every_document_once(real: Real) -> None:
    held = [d for f in real.shards for d in json.loads((f / "shard.json").read_text("utf-8"))["documents"]]
    assert sorted(held) == sorted(d.id for d in load_corpus(real.corpus).documents)


def test_the_merge_refuses_a_missing_shard_by_prefecture(real: Real, tmp_path: Path) -> None:
    result = merge(real.corpus, tmp_path / "docs", real.shards[1:], real.config)
    assert result.returncode == 1
    assert "吕梁市 in no shard" in result.stderr and "merge every shard of the plan" in result.stderr
    assert not (tmp_path / "docs").exists()


def test_a_lost_file_of_one_shard_makes_the_merged_build_differ(real: Real, tmp_path: Path) -> None:
    """The comparison above can fail: a shard that lost one page's file merges into another build."""
    damaged = tmp_path / "shard-1"
    shutil.copytree(real.shards[0], damaged)
    lost = sorted((damaged / "files" / "documents").glob("*.md"))[0]
    lost.unlink()
    assert merge(real.corpus, tmp_path / "docs", [damaged, *real.shards[1:]], real.config).returncode == 0
    assert differences(tree(tmp_path / "docs"), real.single) == [".build-state.json", f"documents/{lost.name}"]


def test_the_merge_refuses_a_shard_built_from_other_inputs(real: Real, tmp_path: Path) -> None:
    stale = tmp_path / "shard-2"
    shutil.copytree(real.shards[1], stale)
    manifest = json.loads((stale / "shard.json").read_text("utf-8"))
    manifest["inputs"]["corpus/regions.yml"] = "0" * 64  # as if built before an edit of the regions
    (stale / "shard.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = merge(real.corpus, tmp_path / "docs", [real.shards[0], stale, real.shards[2]], real.config)
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
    config = REPO / "mkdocs.yml"
    result = merge(corpus, tmp_path / "docs", sharded(corpus, tmp_path, config), config)
    assert result.returncode == 0, result.stderr
    assert differences(tree(tmp_path / "docs"), tree(tmp_path / "single")) == []
