"""Problems found in corpus files, reported as ``file:line: what, what to do``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a corpus file.

    Every problem names the file and line a contributor must open, what is
    wrong and what to do about it, so that a broken pull request is fixed by
    reading one line, never a traceback.
    """

    path: Path | str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error" fails the check, "warning" is only reported

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return text


class CorpusError(Exception):
    """Raised when a corpus file cannot be read into the model."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
