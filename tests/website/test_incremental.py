"""Incremental builds: a rebuild writes only files whose bytes change.

``python -m builder build`` generates in memory and writes a file only when
its bytes differ (``builder.incremental``); the search index numbers each
document's units from a stable base, so an edit moves nothing outside the
edited document.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from builder.incremental import STATE_FILE
from builder.pages.urls import SOURCE_TEXT
from builder.search.index import CHUNK_UNITS, MANIFEST, all_units, fnv1a, grams
from builder.search.normalise import fold
from builder.search.packed import SUFFIX, published_name, read

from .sitebuild import REPO, run, site_corpus_root

DOC = "lishi-2021-gongzuobaogao"


def _stamps(docs: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(docs).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(docs.rglob("*")) if p.is_file()}


def _build(corpus: Path, out: Path, *extra: str) -> None:
    run("-m", "builder", "build", "--corpus", corpus, "--out", out, "--config", REPO / "mkdocs.yml", *extra)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("incremental") / "corpus"
    shutil.copytree(site_corpus_root(), root)
    shutil.copytree(site_corpus_root().parent / "sources", root.parent / "sources")  # the raw files beside it
    return root


def test_a_rebuild_with_no_change_writes_no_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    _build(corpus, out)
    before = _stamps(out)
    _build(corpus, out)  # nothing changed: nothing is generated
    assert _stamps(out) == before
    _build(corpus, out, "--force")  # generated again, every byte the same: nothing is written
    assert _stamps(out) == before


def _shard_files(docs: Path, changed_grams: set[str]) -> set[str]:
    """The index files holding the posting lists of these grams (a shard, or the pages of a long list)."""
    shards = json.loads((docs / MANIFEST).read_text("utf-8"))["shards"]
    out = set()
    for g in changed_grams:
        h = fnv1a(g)
        shard = f"search/g/{h % shards}.txt"
        out.add(shard + SUFFIX)
        for line in read(docs, shard).splitlines():
            name, _, post = line.split("\t")
            if name == g and post.startswith("@"):
                out |= {f"search/p/{h:08x}-{int(k, 36)}.txt{SUFFIX}" for k in post.split(":")[1].split(",")}
    return out


def test_an_edit_to_one_document_rewrites_only_the_files_that_depend_on_it(corpus: Path, tmp_path: Path) -> None:
    """A paragraph added to one report: its page, its source page (which shows the edition's
    changes against the raw text), its text download, its last search chunk, the shards of the
    grams the paragraph brings, the metadata file (paragraph count) and the home page
    (characters in the corpus) and the database download (every paragraph) change;
    no other document's page, chunk or download does, nor any glossary or indicator page."""
    out = tmp_path / "docs"
    _build(corpus, out)
    before = _stamps(out)
    path = corpus / "documents" / f"{DOC}.md"
    original = path.read_text("utf-8")
    added = "编者测试段落：春风又绿江南岸。"
    path.write_text(original.rstrip("\n") + f"\n\n{added} {{#p-9999}}\n", "utf-8")
    try:
        # --no-check: the added paragraph is not in the raw file, which builder check refuses
        # (fidelity) unless recorded as a correction; what is measured here is what is rewritten.
        _build(corpus, out, "--no-check")
        after = _stamps(out)
    finally:
        path.write_text(original, "utf-8")
    changed = {rel for rel in after if before.get(rel) != after[rel]} | (before.keys() - after.keys())

    from builder.corpus.load import load_corpus
    from builder.pages.catalogue import Catalogue
    docs = Catalogue(load_corpus(corpus)).documents
    position = [d.id for d in docs].index(DOC)
    numbered, first, _ = all_units(docs)
    new_unit = first[position] + sum(u.doc == position for _, u in numbered)  # appended after the last
    expected = ({f"documents/{DOC}.md", f"documents/{DOC}/{SOURCE_TEXT}", "data/documents.json.gz",
                 "index.md",  # the home page states the corpus's size in characters
                 "data/edition.sqlite.xz",  # the database download holds every paragraph
                 STATE_FILE}  # the inputs of the last good build
                | {published_name(f"search/t/{new_unit // CHUNK_UNITS}.json")} | _shard_files(out, grams(fold(added))))
    assert changed <= expected, f"rewritten without depending on the edit: {sorted(changed - expected)}"
    assert {f"documents/{DOC}.md", "data/documents.json.gz"} <= changed
    assert any(c.startswith("search/g/") for c in changed) and any(c.startswith("search/t/") for c in changed)
    assert not [c for c in changed if c.startswith(("glossary/", "indicators/", "regions/", "years/", "types/"))]
