"""A pull request is untrusted input: a hostile edit of any corpus file is rejected by
``builder check`` at its file and line, whatever the file kind, the field or the payload.

Every payload family (``tests/corpus/hostile.py``: tags, entities, ``javascript:`` with
tabs, newlines or entities inside it, Markdown links, images and autolinks, attribute
lists, backtick breakouts, bidi and zero-width characters, NUL) is tried in one field of
each file kind, and every field family of every kind is tried with one payload.
(That the same edits are harmless on the site even with check bypassed is
``tests/website/test_hostile_site.py``.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.commands.check import collect_problems
from builder.corpus.textsafety import unsafe_text
from tests.conftest import REPO
from tests.corpus.hostile import FIELDS, PAYLOADS, with_every_kind

#: One field per file kind, to try every payload in.
ONE_PER_KIND = ["document title", "paragraph", "region name", "glossary expansion", "indicator name",
                "correction quote"]


def rejected_at(root: Path, field: str, payload: str) -> list[str]:
    """Apply the edit; return the errors reported at its file and line (should be one or more)."""
    spec = FIELDS[field]
    line = spec.apply(root, payload)
    errors = [p for p in collect_problems(root) if p.severity == "error"]
    here = [str(p) for p in errors if Path(p.path) == root / spec.file and p.line == line]
    assert here, f"not rejected at {spec.file}:{line}: {[str(p) for p in errors]}"
    return here


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
@pytest.mark.parametrize("field", ONE_PER_KIND)
def test_every_payload_is_rejected_at_its_file_and_line(corpus_copy: Path, field: str, payload: str) -> None:
    rejected_at(with_every_kind(corpus_copy), field, PAYLOADS[payload])


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_every_field_of_every_file_kind_is_checked(corpus_copy: Path, field: str) -> None:
    rejected_at(with_every_kind(corpus_copy), field, PAYLOADS["img onerror"])


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_an_invisible_character_is_rejected_in_every_field(corpus_copy: Path, field: str) -> None:
    (message,) = rejected_at(with_every_kind(corpus_copy), field, "离石\u202e区")[:1]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in message


def test_a_glossary_file_name_with_markup_is_rejected(corpus_copy: Path) -> None:
    root = with_every_kind(corpus_copy)
    bad = root / "glossary" / 'x"onclick="alert(1).yml'
    (root / "glossary" / "sanling.yml").rename(bad)
    assert any(p.path == bad and p.line == 1 and "is not a term id" in p.message for p in collect_problems(root))


def test_yaml_tags_cannot_run_code(corpus_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    spec = FIELDS["document speaker"]
    path = corpus_copy / spec.file
    path.write_text(path.read_text(encoding="utf-8").replace(
        "speaker: 李军", f'speaker: !!python/object/apply:os.system ["touch {marker}"]'), encoding="utf-8")
    (problem,) = collect_problems(corpus_copy)
    assert not marker.exists()
    assert (problem.line, problem.severity) == (13, "error") and "a YAML tag" in problem.message


@pytest.mark.parametrize("text", ["“十四五”规划《纲要》", "＜十四五＞", "增长6.5%以上", "1＞0", "在“onion”上",
                                  "数据:2020年", "版本 data: 2021", "研究与试验发展（R&D）经费", "[600]",
                                  "见 https://www.gov.cn/ 公告", "区长　李军", "𠀀"])
def test_ordinary_text_is_not_flagged(text: str) -> None:
    assert unsafe_text(text) is None


def test_no_builder_module_loads_yaml_unsafely() -> None:
    """Corpus YAML is read only by builder.corpus.yamlsafe; nothing uses PyYAML's unsafe loaders."""
    unsafe = re.compile(r"yaml\.(?:load|full_load|unsafe_load|load_all)\(|Loader\s*=|UnsafeLoader|FullLoader")
    offenders = [f"{p.relative_to(REPO)}:{i}" for p in sorted((REPO / "builder").rglob("*.py"))
                 for i, line in enumerate(p.read_text(encoding="utf-8").split("\n"), 1) if unsafe.search(line)]
    assert offenders == []
