"""``builder check`` compares every document with its raw span in ``sources/``.

Each test edits a copy of the real corpus (and, where it says so, of the raw
files) the way a pull request would, and reads what ``builder check`` says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.commands.check import collect_problems
from tests.conftest import REPO

DOC = "documents/lishi-2021-gongzuobaogao.md"
SOURCE = "000_6808a0c448da17fa.txt"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's corpus and raw files: ``tmp/corpus``, ``tmp/sources``."""
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    return tmp_path


def edit(repo: Path, old: str, new: str, path: str = DOC) -> Path:
    file = repo / "corpus" / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return file


def record(repo: Path, *corrections: str, path: str = DOC) -> Path:
    """Add ``source.corrections`` items (YAML flow mappings) to a document."""
    items = "".join(f"  - {c}\n" for c in corrections)
    return edit(repo, "  lines: 3-234\n", f"  lines: 3-234\n  corrections:\n{items}", path)


def errors(repo: Path) -> list[str]:
    return [str(p) for p in collect_problems(repo / "corpus") if p.severity == "error"]


def line_of(file: Path, needle: str) -> int:
    return next(n for n, text in enumerate(file.read_text(encoding="utf-8").split("\n"), 1) if needle in text)


def test_the_real_corpus_matches_its_sources(repo):
    assert errors(repo) == []


def test_an_unrecorded_digit_change_is_an_error_at_the_paragraph(repo):
    file = edit(repo, "减税降费16557万元", "减税降费16558万元")
    assert errors(repo) == [
        f"{file}:{line_of(file, '减税降费16558万元')}: error: p-8 differs from the source "
        "(…减税降费1655[7→8]万元，新增市场主…); record it under source.corrections with its reason, or undo it"]


def test_the_same_change_recorded_passes(repo):
    edit(repo, "减税降费16557万元", "减税降费16558万元")
    record(repo, "{raw: 减税降费16557万元, corrected: 减税降费16558万元, reason: 区财政局公报}")
    assert errors(repo) == []


def test_a_correction_may_quote_the_raw_text_with_its_spaces_or_without(repo):
    # the raw file has “增长 2.8%”-style spaces around figures; a contributor copies either form
    edit(repo, "减税降费16557万元", "减税降费16558万元")
    record(repo, "{raw: '减税降费 16557 万元', corrected: 减税降费16558万元, reason: 公报}")
    assert errors(repo) == []


def test_a_punctuation_change_is_a_change(repo):
    file = edit(repo, "减税降费16557万元，新增", "减税降费16557万元。新增")
    (msg,) = errors(repo)
    assert msg.startswith(f"{file}:{line_of(file, '16557万元。新增')}: error: p-8 differs") and "[，→。]" in msg


def test_a_moved_decimal_point_is_a_change(repo):
    edit(repo, "全年地区生产总值同比增长2.8%", "全年地区生产总值同比增长28%")
    (msg,) = errors(repo)
    assert "p-8 differs from the source (…产总值同比增长2[.→]8%；" in msg


def test_a_dropped_full_stop_ends_only_a_heading(repo):
    # the importer drops the 。 of a heading cut from its paragraph; a paragraph keeps its own
    file = edit(repo, "切实为群众、为企业、为基层解决实际困难，以政府工作的辛苦指数换取人民群众的幸福指数。",
                "切实为群众、为企业、为基层解决实际困难，以政府工作的辛苦指数换取人民群众的幸福指数")
    (msg,) = [m for m in errors(repo) if "differs" in m]
    assert msg.startswith(f"{file}:{line_of(file, '以政府工作的辛苦指数')}:") and "[。→]" in msg


def test_a_deleted_heading_is_reported_before_the_paragraph_that_follows_it(repo):
    file = repo / "corpus" / DOC
    lines = file.read_text(encoding="utf-8").split("\n")
    heading = next(i for i, li in enumerate(lines) if li.startswith("## 二、"))
    file.write_text("\n".join(lines[:heading] + lines[heading + 1:]), encoding="utf-8")
    (msg,) = errors(repo)
    assert "p-25 differs from the source" in msg and "[二、“十四五”时期奋斗目标和工作任务→]" in msg


def test_a_correction_whose_raw_no_longer_occurs_is_an_error_at_its_line(repo):
    file = record(repo, "{raw: 减税降费99999万元, corrected: 减税降费16557万元, reason: 旧的校勘}")
    (msg,) = errors(repo)
    assert msg.startswith(f"{file}:{line_of(file, '99999')}: error: correction raw '减税降费99999万元' "
                          "does not occur in the raw span")


def test_a_correction_whose_raw_occurs_twice_is_an_error(repo):
    file = record(repo, "{raw: 万元, corrected: 亿元, reason: 含糊}")
    msg = next(m for m in errors(repo) if "correction" in m)
    assert msg.startswith(f"{file}:{line_of(file, 'raw: 万元')}:") and "occurs more than once" in msg


def test_an_edited_raw_file_is_an_error_at_its_record(repo):
    raw = repo / "sources" / SOURCE
    raw.write_bytes(raw.read_bytes().replace(b"16557", b"16558", 1))
    found = errors(repo)
    assert any(m.startswith(f"{repo / 'sources' / '000_6808a0c448da17fa.yml'}:4: error: the raw file's SHA-256")
               for m in found), found
    assert any("lishi-2021-gongzuobaogao.md" in m and "source.sha256 does not match" in m for m in found)


def test_without_the_sources_folder_every_document_names_its_missing_file(repo):
    shutil.rmtree(repo / "sources")
    found = errors(repo)
    assert len(found) == 14 and all("is not in" in m and "sources" in m for m in found)


def test_a_raw_file_needs_a_record(repo):
    (repo / "sources" / "005_new.txt").write_text("政府工作报告\n", encoding="utf-8")
    assert errors(repo) == [f"{repo / 'sources' / '005_new.txt'}:1: error: the raw file has no record; "
                            "add 005_new.yml beside it (see sources/README.md)"]


def test_a_stated_publisher_needs_its_evidence(repo):
    path = repo / "sources" / "000_6808a0c448da17fa.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("publisher: null", "publisher: 某某日报"),
                    encoding="utf-8")
    (msg,) = errors(repo)
    assert msg.startswith(f"{path}:{line_of(path, 'publisher:')}: error: publisher: 'publisher' is stated "
                          "without 'publisher_evidence'")


def test_a_record_cannot_carry_markup(repo):
    path = repo / "sources" / "000_6808a0c448da17fa.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("notes: 出版者", "notes: <script>x</script>出版者"),
                    encoding="utf-8")
    (msg,) = errors(repo)
    assert msg.startswith(f"{path}:{line_of(path, 'notes:')}: error: notes: ")


def test_a_title_line_must_be_the_raw_files_line(repo):
    file = edit(repo, "    text: 政府工作报告\n", "    text: 吕梁市离石区政府工作报告\n")
    (msg,) = errors(repo)
    assert msg.startswith(f"{file}:{line_of(file, 'title_line:')}: error: raw line 3 of 000_6808a0c448da17fa.txt "
                          "is not the title line '吕梁市离石区政府工作报告'")


def test_a_year_the_source_does_not_state_is_null_with_a_note(repo):
    path = "documents/linxian-2021-xinwen.md"
    file = edit(repo, "year_note: ", "# ", path)
    (msg,) = errors(repo)
    assert msg.startswith(f"{file}:{line_of(file, 'year: null')}: error: year: year is null without a year_note")
