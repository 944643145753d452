"""``builder check``: every problem of a broken corpus file is one ``file:line`` line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builder.commands.check import collect_problems
from tests.conftest import REPO
from tests.corpus.conftest import DOC, edit, line_of


def messages(root: Path) -> list[str]:
    return [str(p) for p in collect_problems(root) if p.severity == "error"]


def besides_fidelity(root: Path) -> list[str]:
    """The errors of an edit that also changes the text: the fidelity error is there, and these."""
    found = messages(root)
    assert any("differs from the source" in m for m in found), found
    return [m for m in found if "differs from the source" not in m]


def test_the_fixture_corpus_is_clean(corpus_copy):
    assert messages(corpus_copy) == []


def test_the_committed_corpus_is_clean():
    assert messages(REPO / "corpus") == []


def test_bad_yaml_names_the_line(corpus_copy):
    path = edit(corpus_copy, "speaker: 李军", "speaker: [李军")
    (msg,) = messages(corpus_copy)
    assert msg.startswith(f"{path}:") and "not valid YAML" in msg


def test_missing_field(corpus_copy):
    edit(corpus_copy, "speaker_title: 区长\n", "")
    (msg,) = messages(corpus_copy)
    assert "lacks the field 'speaker_title'" in msg and "null" in msg


def test_non_utf8_file(corpus_copy):
    path = corpus_copy / DOC
    path.write_bytes(path.read_bytes().replace("各位代表".encode(), "各位代表".encode("gb18030")))
    (msg,) = messages(corpus_copy)
    assert msg.startswith(f"{path}:30:") and "not valid UTF-8" in msg


def test_unknown_doc_type_names_its_line(corpus_copy):
    path = edit(corpus_copy, "doc_type: 政府工作报告", "doc_type: 工作报告")
    (msg,) = messages(corpus_copy)
    assert msg.startswith(f"{path}:{line_of(path, 'doc_type:')}:") and "use one of" in msg


def test_half_width_punctuation_between_chinese(corpus_copy):
    path = edit(corpus_copy, "现在，我代表", "现在,我代表")
    (msg,) = messages(corpus_copy)
    assert msg.startswith(f"{path}:{line_of(path, '现在,我代表')}:") and "full-width '，'" in msg


def test_paragraph_ending_mid_sentence(corpus_copy):
    path = edit(corpus_copy, "全面落实“六保”任务。 {#p-6}", "全面落实 {#p-6}")
    (msg,) = besides_fidelity(corpus_copy)
    assert msg.startswith(f"{path}:{line_of(path, '{#p-6}')}:") and "mid-sentence" in msg


def test_boilerplate_left_in_the_text(corpus_copy):
    edit(corpus_copy, "各位代表： {#p-4}", "【离石区招商】各位代表： {#p-4}")
    (msg,) = besides_fidelity(corpus_copy)
    assert "boilerplate" in msg


def test_table_row_with_a_missing_cell(corpus_copy):
    path = edit(corpus_copy, "| | 2 | 常住人口城镇化率（%） | 82.06 | — |", "| | 2 | 常住人口城镇化率（%） | 82.06 |")
    (msg,) = besides_fidelity(corpus_copy)
    assert msg.startswith(f"{path}:{line_of(path, '| | 2 |')}:") and "4 cells" in msg


def test_duplicate_anchor(corpus_copy):
    edit(corpus_copy, "{#p-7}", "{#p-6}")
    (msg,) = messages(corpus_copy)
    assert "used twice" in msg


def test_region_facts_must_agree_with_the_reference(corpus_copy):
    path = edit(corpus_copy, "region_code: '141102'", "region_code: '141100'")
    (msg,) = messages(corpus_copy)
    assert msg.startswith(f"{path}:{line_of(path, 'region_code')}:") and "'141102'" in msg


def test_unknown_region(corpus_copy):
    edit(corpus_copy, "region: 离石区", "region: 离石县")
    (msg,) = messages(corpus_copy)
    assert "unknown region '离石县'" in msg


def test_raw_html_is_rejected(corpus_copy):
    edit(corpus_copy, "各位代表： {#p-4}", "各位代表：<script>alert(1)</script> {#p-4}")
    assert any("unsafe text: a <script> tag" in m for m in messages(corpus_copy))


def test_command_exits_non_zero_without_a_traceback(corpus_copy):
    edit(corpus_copy, "speaker: 李军", "speaker: [李军")
    run = subprocess.run([sys.executable, "-m", "builder", "check", "--corpus", str(corpus_copy)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert "1 error(s)" in run.stdout
