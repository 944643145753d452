"""A new contributor's correction, step by step as CONTRIBUTING.md tells it.

From the document page (its ¶ permalink and its edit and report links, in
the browser) to the corpus file, the recorded correction, a green
``builder check``, the nothing-lost comparison with the raw seed, and the
reviewer's summary CI would post.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from builder.corpus.parse import read_document
from tests.corpus.test_nothing_lost import differences

from .browsing import Visit
from .sitebuild import REPO, BuiltSite

pytestmark = pytest.mark.browser

DOC_ID = "wenxi-2021-gongzuobaogao"
ANCHOR = "p-12"
WRONG, RIGHT = "全县137支驻村工作队", "全县138支驻村工作队"  # as if the official PDF said 138
CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def builder(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "builder", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    """The contributor's copy of the repository's corpus, with main as origin/main."""
    origin = tmp_path / "origin"
    shutil.copytree(REPO / "corpus", origin / "corpus")
    shutil.copytree(REPO / "sources", origin / "sources")
    shutil.copy(REPO / "mkdocs.yml", origin / "mkdocs.yml")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "main")
    subprocess.run(["git", "clone", "-q", str(origin), str(tmp_path / "fork")], check=True)
    return tmp_path / "fork"


def test_contributing_describes_these_steps() -> None:
    for step in ("编辑此文件", "source:", "corrections:", "make check", "builder diff"):
        assert step in CONTRIBUTING, step


def test_a_typo_correction_from_the_page_to_a_green_check(built_site: BuiltSite, server: str,
                                                          visit: Callable[..., Visit], fork: Path) -> None:
    # 1. The reader lands on the paragraph through its permalink and finds the two links.
    page = visit().open(f"{server}documents/{DOC_ID}/#{ANCHOR}")
    assert WRONG in page.locator(f"#{ANCHOR}").inner_text()
    edit = page.locator("a.edit-document").get_attribute("href")
    report = parse_qs(urlsplit(page.locator("a.report-error").get_attribute("href")).query)
    assert report["paragraph"][0].endswith(f"#{ANCHOR}")
    repo_path = re.sub(r"^.*/edit/main/", "", edit)
    assert repo_path == f"corpus/documents/{DOC_ID}.md"

    # 2. In the web editor: change the digit, record the correction under source:.
    file = fork / repo_path
    text = file.read_text(encoding="utf-8").replace(WRONG, RIGHT, 1)
    text = re.sub(r"(\n  lines: '?[\d-]+'?\n)", r"\1  corrections:\n"
                  rf"  - {{raw: {WRONG}, corrected: {RIGHT}, reason: 官方PDF第3页}}\n", text, count=1)
    file.write_text(text, encoding="utf-8")

    # 3. The local check is green, and the nothing-lost comparison accepts the recorded change.
    check = builder("check", "--corpus", fork / "corpus")
    assert check.returncode == 0, check.stdout
    assert differences(read_document(file), fork / "sources") == []

    # 4. The reviewer's summary shows the change at its permalink, and no broken link.
    summary = builder("diff", "origin/main", "--corpus", fork / "corpus", "--config", fork / "mkdocs.yml")
    assert summary.returncode == 0, summary.stderr
    assert f"{DOC_ID}#{ANCHOR}" in summary.stdout
    assert "全县13<del>7</del><ins>8</ins>支" in summary.stdout
    assert f"原文 “{WRONG}” → “{RIGHT}”; reason: 官方PDF第3页" in summary.stdout
    assert "permalinks that would break | 0 |" in summary.stdout


def test_an_unrecorded_digit_change_fails_the_check_at_its_paragraph(fork: Path) -> None:
    file = fork / "corpus" / "documents" / f"{DOC_ID}.md"
    file.write_text(file.read_text(encoding="utf-8").replace(WRONG, RIGHT, 1), encoding="utf-8")
    line = next(n for n, text in enumerate(file.read_text(encoding="utf-8").split("\n"), 1) if RIGHT in text)
    check = builder("check", "--corpus", fork / "corpus")
    assert check.returncode == 1
    assert f"{file}:{line}: error: {ANCHOR} differs from the source (…" in check.stdout
    assert "全县13[7→8]支驻村工作队" in check.stdout and "record it under source.corrections" in check.stdout
