"""``make site`` (``python -m builder site``) replaces ``site/`` only with a site that built.

mkdocs writes into a fresh folder beside ``site/``; a strict build that fails, a
corpus that fails check, or an mkdocs killed half-way leaves the previous site
byte for byte, and the next run clears what the killed one left behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.corpus.conftest import DOC, FIXTURE

from .sitebuild import write_config


def site_command(work: Path, corpus: Path, config: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "builder", "site", "--corpus", str(corpus), "--out", str(work / "docs"),
            "--config", str(config or write_config(work)), "--site-dir", str(work / "site")]


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("atomic")
    run = subprocess.run(site_command(work, FIXTURE), capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    (work / "site" / "MARKER").write_text("the last good site", encoding="utf-8")
    return work


def test_a_killed_mkdocs_build_leaves_the_previous_site(built: Path) -> None:
    before = snapshot(built / "site")
    proc = subprocess.Popen(site_command(built, FIXTURE), cwd=REPO, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:  # until mkdocs has written part of the new site
            if any(p.is_file() for d in built.glob(".site-*") for p in d.rglob("*")):
                break
            assert proc.poll() is None, "the build ended before it could be killed"
            time.sleep(0.02)
        else:
            pytest.fail("mkdocs never started writing")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert snapshot(built / "site") == before
    assert list(built.glob(".site-*")), "the half-written folder is where the next run will clear it"
    again = subprocess.run(site_command(built, FIXTURE), capture_output=True, text=True, cwd=REPO)
    assert again.returncode == 0, again.stderr
    assert list(built.glob(".site-*")) == []
    assert not (built / "site" / "MARKER").exists()  # a new site replaced the old one whole
    (built / "site" / "MARKER").write_text("the last good site", encoding="utf-8")


def test_a_failing_strict_build_leaves_the_previous_site(built: Path) -> None:
    before = snapshot(built / "site")
    config = write_config(built)
    hook = built / "broken_link_hook.py"  # a page with a link to nowhere: a warning, so strict fails
    hook.write_text("def on_page_markdown(markdown, page, config, files):\n"
                    "    return markdown + '\\n\\n[x](nowhere.md)\\n'\n", encoding="utf-8")
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["hooks"] = [*data.get("hooks", []), str(hook)]
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    run = subprocess.run(site_command(built, FIXTURE, config), capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1 and "mkdocs build --strict failed" in run.stderr
    assert snapshot(built / "site") == before
    assert list(built.glob(".site-*")) == []


def test_a_corpus_that_fails_check_leaves_the_previous_site(built: Path, tmp_path: Path) -> None:
    before = snapshot(built / "site")
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    doc = corpus / DOC
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("各位代表： {#p-4}", "各位代表<script>alert(1)</script> {#p-4}"), encoding="utf-8")
    run = subprocess.run(site_command(built, corpus), capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1 and f"{doc}:" in run.stderr and "a <script> tag" in run.stderr
    assert snapshot(built / "site") == before


def test_no_build_leaves_its_scratch_folder_behind(built: Path, tmp_path: Path) -> None:
    """The generated files wait in ``.docs-generating-*`` beside the docs folder until written in;
    it is gone after a good build (the fixture) and after one that failed."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    (corpus / DOC).write_text((corpus / DOC).read_text(encoding="utf-8").replace(
        "各位代表： {#p-4}", "各位代表<script>alert(1)</script> {#p-4}"), encoding="utf-8")
    run = subprocess.run(site_command(built, corpus), capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert not list(built.glob(".docs-generating-*"))
