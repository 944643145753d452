"""``python -m builder glossary candidates``: every candidate, its count, documents and entry."""

from __future__ import annotations

import pytest

from builder.cli import main
from tests.conftest import REPO


def test_candidates_lists_phrases_with_their_entries_and_plan_periods(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "candidates", "--corpus", str(REPO / "corpus")]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines if "\t" in line}
    assert rows["六新"][1:4] == ["56", "13", "entry liuxin"]
    assert rows["十四五"][3] == "plan period"
    assert rows["三治三零"][3] == "NO ENTRY"  # two uses in one document: listed, not required
    assert lines[-1].endswith("0 needing one; 5 plan period(s)")
