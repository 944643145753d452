"""A pull request is untrusted input: hostile corpus text is rejected by ``builder check``
with its file and line, and YAML cannot run code.

(That the same text is harmless in the built site even when check is skipped
is ``tests/website/test_hostile_site.py``.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.commands.check import collect_problems
from builder.corpus.textsafety import unsafe_text
from tests.conftest import REPO
from tests.corpus.conftest import DOC, edit, line_of

#: name -> (text in the file, replacement), each a real line of the fixture made hostile.
HOSTILE = {
    "script tag in a paragraph": ("各位代表： {#p-4}", "各位代表：<script>alert(1)</script> {#p-4}"),
    "event handler in an img tag": ("各位代表： {#p-4}", "各位代表：<img src=x onerror=alert(1)> {#p-4}"),
    "javascript: link": ("各位代表： {#p-4}", "各位代表：[点此](javascript:alert(1)) {#p-4}"),
    "entity-encoded javascript: link": ("各位代表： {#p-4}",
                                        "各位代表：[点此](java&#115;cript:alert(1)) {#p-4}"),
    "iframe in a heading": ("（一）疫情防控取得重大成果 {#h-2}",
                            "（一）疫情防控<iframe src=\"//evil.example\"></iframe> {#h-2}"),
    "attribute list with a handler": ("各位代表： {#p-4}", "各位代表：{: onclick=\"alert(1)\" } {#p-4}"),
    "script in a table cell": ("| 经济发展 | 1 |", "| <script>alert(1)</script> | 1 |"),
    "script in the title": ("title: 吕梁市离石区2021年政府工作报告",
                            "title: 离石区<script>alert(1)</script>"),
    "handler in the completeness note": ("note: 测试用节选：只保留报告开头几段。",
                                         "note: '<svg onload=alert(1)>'"),
}


def make_hostile(root: Path, old: str, new: str) -> int:
    """Apply the edit; return the 1-based line it is on."""
    return line_of(edit(root, old, new), new.split("\n")[0])


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_check_rejects_hostile_text_with_its_file_and_line(corpus_copy: Path, name: str) -> None:
    line = make_hostile(corpus_copy, *HOSTILE[name])
    errors = [p for p in collect_problems(corpus_copy) if p.severity == "error"]
    assert [p for p in errors if p.line == line and p.path.name == Path(DOC).name
            and ("unsafe text" in p.message or "tag" in p.message)], [str(p) for p in errors]


def test_yaml_tags_cannot_run_code(corpus_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    line = make_hostile(corpus_copy, "speaker: 李军",
                        f"speaker: !!python/object/apply:os.system [\"touch {marker}\"]")
    (problem,) = collect_problems(corpus_copy)
    assert not marker.exists()
    assert problem.line == line
    assert problem.severity == "error"


@pytest.mark.parametrize("text", ["“十四五”规划《纲要》", "＜十四五＞", "增长6.5%以上", "1＞0",
                                  "在“onion”上", "数据:2020年", "版本 data: 2021"])
def test_ordinary_text_is_not_flagged(text: str) -> None:
    assert unsafe_text(text) is None


def test_no_builder_module_loads_yaml_unsafely() -> None:
    """Glossary, indicator and region files come by pull request too: safe_load only."""
    unsafe = re.compile(r"yaml\.(?:load|full_load|unsafe_load|load_all)\(|Loader\s*=")
    offenders = [f"{p.relative_to(REPO)}:{i}" for p in sorted((REPO / "builder").rglob("*.py"))
                 for i, line in enumerate(p.read_text(encoding="utf-8").split("\n"), 1) if unsafe.search(line)]
    assert offenders == []
