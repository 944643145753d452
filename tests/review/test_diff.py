"""``builder diff BASE_REF``: the reviewer's summary of real edits to the real corpus.

Each test commits a copy of the corpus to a scratch git repository, edits
it the way a contributor would, and reads the Markdown summary.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.review.summary import char_diff
from tests.conftest import REPO

DOC = "corpus/documents/lishi-2021-gongzuobaogao.md"
URL = "https://shanxi-reports.github.io/shanxi-reports/documents/lishi-2021-gongzuobaogao/"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def base_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed corpus at a commit tagged ``base``."""
    repo = tmp_path_factory.mktemp("base")
    shutil.copytree(REPO / "corpus", repo / "corpus")
    shutil.copytree(REPO / "sources", repo / "sources")
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "tag", "base")
    return repo


@pytest.fixture
def work(base_repo: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(base_repo), str(clone)], check=True)
    return clone


def edit(repo: Path, old: str, new: str, path: str = DOC) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def diff(repo: Path, ref: str = "origin/main") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "builder", "diff", ref, "--corpus", str(repo / "corpus"),
                           "--config", str(repo / "mkdocs.yml")], capture_output=True, text=True, cwd=REPO)


def summary(repo: Path) -> str:
    run = diff(repo)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_no_change_says_so(work: Path) -> None:
    assert "No document, paragraph, indicator or glossary change." in summary(work)


def test_a_corrected_number_shows_old_and_new_with_the_paragraph_permalink(work: Path) -> None:
    edit(work, "全年地区生产总值同比增长2.8%", "全年地区生产总值同比增长2.9%")
    out = summary(work)
    assert f"[`lishi-2021-gongzuobaogao#p-8`]({URL}#p-8)" in out
    assert "同比增长2.<del>8</del><ins>9</ins>%" in out
    assert "| 段落 · blocks changed / added / removed | 1 / 0 / 0 |" in out
    assert "| ⚠ 将失效的永久链接 · permalinks that would break | 0 |" in out


def test_a_deleted_paragraph_is_a_permalink_that_would_break(work: Path) -> None:
    file = work / DOC
    lines = file.read_text(encoding="utf-8").split("\n")
    victim = next(i for i, line in enumerate(lines) if line.endswith("{#p-9}"))
    file.write_text("\n".join(lines[:victim] + lines[victim + 1:]), encoding="utf-8")
    out = summary(work)
    assert "### ⚠ 将失效的永久链接 · Permalinks that would break" in out
    assert f"- {URL}#p-9" in out
    assert "- removed `lishi-2021-gongzuobaogao#p-9`" in out


def test_reusing_an_anchor_for_other_text_is_flagged(work: Path) -> None:
    file = work / DOC
    text = file.read_text(encoding="utf-8")
    line = next(li for li in text.split("\n") if li.endswith("{#p-9}"))
    file.write_text(text.replace(line, "这是一段完全不同的文字，替换了原来的内容。 {#p-9}"), encoding="utf-8")
    out = summary(work)
    assert "Permalinks now pointing at different text" in out


def test_front_matter_changes_are_listed_by_field(work: Path) -> None:
    edit(work, "speaker: 李军", "speaker: 李 军")
    assert "- `lishi-2021-gongzuobaogao` `speaker`: 李军 → 李 军" in summary(work)


def test_contributed_markup_is_quoted_not_rendered(work: Path) -> None:
    edit(work, "全年地区生产总值同比增长2.8%", "全年地区生产总值同比增长<script>alert(1)</script>")
    out = summary(work)
    assert "<script>" not in out
    assert "&#60;script&#62;" in out


def test_an_unknown_revision_is_a_clear_error(work: Path) -> None:
    run = diff(work, "no-such-branch")
    assert run.returncode == 2
    assert "unknown revision 'no-such-branch'" in run.stderr
    assert "Traceback" not in run.stderr


def test_char_diff_keeps_context_short() -> None:
    old = "一" * 40 + "旧" + "二" * 40
    new = "一" * 40 + "新" + "二" * 40
    assert char_diff(old, new) == "…" + "一" * 15 + "<del>旧</del><ins>新</ins>" + "二" * 15 + "…"


def test_a_corrected_figure_is_a_changed_indicator_record(work: Path) -> None:
    edit(work, "全年地区生产总值同比增长2.8%", "全年地区生产总值同比增长2.9%")
    out = summary(work)
    assert "| 指标记录 · indicator records added / removed / changed | +0 / −0 / ~1 |" in out
    assert f"- ~ `gdp` actual 2020 at [`lishi-2021-gongzuobaogao#p-8`]({URL}#p-8): +2.8% 同比 → +2.9% 同比" in out


def test_a_broken_slogan_loses_its_glossary_occurrence(work: Path) -> None:
    edit(work, "扎实做好“六稳”工作、全面落实“六保”任务", "扎实做好“六隐”工作、全面落实“六保”任务")
    out = summary(work)
    assert "| 术语出现 · glossary occurrences gained / lost | +0 / −1 |" in out
    assert f"- − 六稳 (`liuwen`) at [`lishi-2021-gongzuobaogao#p-6`]({URL}#p-6)" in out


def test_a_new_glossary_term_gains_its_occurrences(work: Path) -> None:
    (work / "corpus" / "glossary" / "liuwen.yml").unlink()
    subprocess.run(["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "commit", "-qam", "no liuwen"], check=True)
    subprocess.run(["git", "-C", str(work), "checkout", "-q", "HEAD~1", "--", "corpus/glossary/liuwen.yml"],
                   check=True)
    run = diff(work, "HEAD")
    assert run.returncode == 0, run.stderr
    assert "- new term `liuwen`: 六稳" in run.stdout
    assert "- + 六稳 (`liuwen`) at [`lishi-2021-gongzuobaogao#p-6`]" in run.stdout


def test_a_change_of_builder_code_is_labelled_at_the_top(work: Path) -> None:
    (work / "builder").mkdir()
    (work / "builder" / "sneaky.py").write_text("print('hi')\n", encoding="utf-8")
    git(work, "add", "builder/sneaky.py")
    git(work, "commit", "-q", "-m", "code")
    out = summary(work)
    assert "This pull request **changes the builder's code** (`builder/`, 1 file(s))" in out
    assert out.index("changes the builder's code") < out.index("Corpus at")
    assert "- `builder/sneaky.py`" in out


def test_a_pure_corpus_change_carries_no_code_label(work: Path) -> None:
    edit(work, "全年地区生产总值同比增长2.8%", "全年地区生产总值同比增长2.9%")
    git(work, "commit", "-q", "-am", "text")
    assert "changes the builder's code" not in summary(work) and "[!WARNING]" not in summary(work)


def test_contributed_text_cannot_hide_or_forge_sections_of_the_summary(work: Path) -> None:
    forged = "<!-- ### 段落改动 · Changed text [ok](https://x) @team"
    edit(work, "全年地区生产总值同比增长2.8%", f"全年地区生产总值同比增长2.8%{forged}")
    out = summary(work)
    assert "<!--" not in out and "&#60;!--" in out
    assert "[ok](https" not in out and "&#64;team" in out
    assert out.count("### 段落改动 · Changed text") == 1  # the real heading only; the forged one is text


def test_a_recorded_correction_is_listed_with_its_reason(work: Path) -> None:
    edit(work, "减税降费16557万元", "减税降费16558万元")
    edit(work, "  lines: 3-234\n", "  lines: 3-234\n  corrections:\n"
         "  - {raw: 减税降费16557万元, corrected: 减税降费16558万元, reason: 区财政局2020年决算公报}\n")
    out = summary(work)
    assert "| 校勘 · corrections of the source added / changed / removed | +1 / ~0 / −0 |" in out
    assert (f"- + [`lishi-2021-gongzuobaogao#p-8`]({URL}#p-8): 原文 “减税降费16557万元” → “减税降费16558万元”; "
            "reason: 区财政局2020年决算公报") in out
