"""libyaml and the pure-Python reader refuse the same things at the same lines and read the same data.

``builder.corpus.yamlsafe`` reads with libyaml when PyYAML has it (a tenth of a build's CPU
was the Python composer) and screens its events for what the Python composer refuses node by
node; a PyYAML without libyaml falls back to the Python reader. Both must give one answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.corpus import yamlsafe
from builder.corpus.errors import CorpusError

REPO = Path(__file__).resolve().parents[2]

REFUSED = {
    "alias": ("a: 1\nb: *x\n", 2, "a YAML alias *x"),
    "anchor": ("a: &x 1\n", 1, "a YAML anchor &x"),
    "anchored list": ("a:\n  - &x [1, 2]\n", 2, "a YAML anchor &x"),
    "tag": ("a:\n  b: !!python/object/apply:os.system [ls]\n", 2, "a YAML tag"),
    "bare tag": ("a: ! 1\n", 1, "a YAML tag !"),
    "tag on a mapping": ("- !x\n  b: 1\n", 1, "a YAML tag !x"),
    "too deep": ("a: " + "[" * 13 + "]" * 13 + "\n", 1, "values nested more than 12 levels deep"),
    "key twice": ("a: 1\nb: 2\na: 3\n", 3, "the key 'a' is written twice"),
    "not YAML": ("a: [1, 2\nb: 3\n", 2, "not valid YAML"),
}


@pytest.fixture(params=["libyaml", "python"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "libyaml":
        if yamlsafe._Libyaml is None:
            pytest.skip("PyYAML without libyaml")
    else:
        monkeypatch.setattr(yamlsafe, "_Libyaml", None)
    return request.param


@pytest.mark.parametrize("case", REFUSED)
def test_both_readers_refuse_at_the_same_line(reader: str, case: str) -> None:
    text, line, message = REFUSED[case]
    with pytest.raises(CorpusError) as caught:
        yamlsafe.load(text, "x.yml", first_line=10)
    (problem,) = caught.value.problems
    assert problem.line == line + 9 and message in problem.message, problem


def test_twelve_levels_are_still_read(reader: str) -> None:
    assert yamlsafe.load("a: " + "[" * 11 + "]" * 11 + "\n", "x.yml").data == {"a": [[[[[[[[[[[]]]]]]]]]]]}


def test_dates_stay_text_and_lines_are_kept(reader: str) -> None:
    loaded = yamlsafe.load("title: 报告\ndate: 2021-04-12\nlist:\n  - 1\n  - x: 2.5\n", "x.yml", first_line=3)
    assert loaded.data == {"title": "报告", "date": "2021-04-12", "list": [1, {"x": 2.5}]}
    assert loaded.line_of(("list", 1, "x")) == 7 and loaded.line_of(("date",)) == 4


@pytest.mark.parametrize("path", sorted((REPO / "corpus").rglob("*.yml")), ids=lambda p: p.name)
def test_the_corpus_files_read_the_same_with_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if yamlsafe._Libyaml is None:
        pytest.skip("PyYAML without libyaml")
    fast = yamlsafe.read_file(path)
    monkeypatch.setattr(yamlsafe, "_Libyaml", None)
    slow = yamlsafe.read_file(path)
    assert (fast.data, fast.lines) == (slow.data, slow.lines)
