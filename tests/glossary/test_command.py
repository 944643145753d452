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
    assert lines[-1].endswith("0 needing one; 3 plan period(s), 2 普法 period(s)")


def test_candidates_count_frequent_phrases_unquoted_and_tell_legal_education_periods(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "candidates", "--corpus", str(REPO / "corpus")]) == 0
    rows = {line.split("\t")[0]: line.split("\t") for line in capsys.readouterr().out.splitlines() if "\t" in line}
    assert rows["放管服效"][1:4] == ["19", "11", "entry fangguanfuxiao"]
    assert rows["转型出雏型"][1:4] == ["42", "12", "entry zhuanxing-chu-chuxing"]
    assert rows["转型出雏型"][4] == "转型出雏型、转型出雏形"  # spellings counted together
    assert rows["七五"][3] == "普法 period" and rows["八五"][3] == "普法 period"
    assert set(rows["三个强市"][4].split("、")) == {"三个强市", "三强市"}
