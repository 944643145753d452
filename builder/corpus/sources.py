"""The raw sources in the repository's ``sources/``: the files and their records.

Every raw file ``NNN_….txt`` sits in ``sources/`` byte for byte, with a record
``NNN_….yml`` beside it saying what it is and where it came from, as far as
known (see ``sources/README.md``). Records arrive by pull request like any
corpus file: they are validated here and every problem is a ``file:line``.
What is unknown stays ``None``; a stated fact (publisher, website, listing
date) carries the line of evidence that says where the file states it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import yaml

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.parse import key_lines

#: Default folder of the raw files: ``sources/`` beside ``corpus/``.
SOURCES_DIR = "sources"
FORMS = ("pdf-text", "web-listing", "newspaper")
TEXT_FIELDS = ("what", "publisher", "publisher_evidence", "website", "website_evidence", "url",
               "listed_evidence", "retrieved_evidence", "missing", "notes")
REQUIRED = ("file", "sha256", "bytes", "encoding", "form", "what", "publisher", "website", "url",
            "listed", "retrieved", "missing", "damage", "notes")
#: A stated fact needs its evidence: the field and the field that says where the file states it.
EVIDENCED = (("publisher", "publisher_evidence"), ("website", "website_evidence"),
             ("listed", "listed_evidence"))
FILE_RE = re.compile(r"^[\w.-]+\.txt$")


@dataclass(frozen=True)
class SourceRecord:
    """What one raw file is, as far as known (``None``: not known)."""

    path: Path  # the record's .yml
    file: str
    sha256: str
    bytes: int
    encoding: str
    form: str
    what: str
    publisher: str | None
    website: str | None
    url: str | None
    listed: date | None
    retrieved: date | None
    missing: str | None
    damage: tuple[str, ...]
    notes: str | None
    evidence: dict[str, str] = field(default_factory=dict)  # "publisher" -> where the file says so
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.field_lines.get(key, 1)


@dataclass
class RawFile:
    """One raw file of ``sources/``: its bytes, text and lines, read once."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @cached_property
    def data(self) -> bytes:
        return self.path.read_bytes()

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def text(self) -> str:
        """The decoded text; a raw file is UTF-8 (``read_raw`` names the line if not)."""
        return self.data.decode("utf-8")

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines without their ``\\n``, as the raw line numbers count them."""
        return self.text.split("\n")


@dataclass
class Sources:
    """The ``sources/`` folder: raw files by name and their records."""

    root: Path
    files: dict[str, RawFile]
    records: dict[str, SourceRecord]
    problems: list[Problem] = field(default_factory=list)  # records that did not load

    def get(self, name: str) -> RawFile | None:
        return self.files.get(name)


def _problem(path: Path, line: int, message: str, hint: str) -> Problem:
    return Problem(path, line, message, hint)


def parse_record(path: Path) -> SourceRecord:
    """Read and validate one record; raises CorpusError with every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError([_problem(path, 1, f"cannot read the record ({exc})",
                                    "save it as UTF-8 text")]) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CorpusError([_problem(path, mark.line + 1 if mark else 1,
                                    f"the record is not valid YAML ({getattr(exc, 'problem', exc)})",
                                    "check the quotes and indentation on this line")]) from exc
    if not isinstance(data, dict):
        raise CorpusError([_problem(path, 1, "the record is not a mapping of fields",
                                    "write one 'field: value' per line")])
    # key_lines counts from the line after a front matter's '---'; a record has none.
    where = {k: v - 1 for k, v in key_lines(text).items()}
    problems: list[Problem] = []

    def bad(key: str, message: str, hint: str) -> None:
        problems.append(_problem(path, where.get(key, 1), message, hint))

    for key in REQUIRED:
        if key not in data:
            problems.append(_problem(path, 1, f"the record lacks the field '{key}'",
                                     f"add '{key}:' (null where it is not known)"))
    if problems:
        raise CorpusError(problems)
    if not isinstance(data["file"], str) or not FILE_RE.match(data["file"]) or \
            Path(data["file"]).stem != path.stem:
        bad("file", f"file {data['file']!r} is not this record's raw file",
            f"write file: {path.stem}.txt (the record is named after its file)")
    if not isinstance(data["sha256"], str) or not re.fullmatch(r"[0-9a-f]{64}", data["sha256"]):
        bad("sha256", "sha256 is not 64 lowercase hex digits", "copy it from `sha256sum FILE`")
    if not isinstance(data["bytes"], int) or data["bytes"] < 0:
        bad("bytes", "bytes is not a size in bytes", "copy it from `wc -c FILE`")
    if data["encoding"] != "UTF-8":
        bad("encoding", f"encoding {data['encoding']!r}: raw files are UTF-8",
            "convert the file to UTF-8 (iconv -f GB18030 -t UTF-8) and write encoding: UTF-8")
    if data["form"] not in FORMS:
        bad("form", f"unknown form {data['form']!r}", f"use one of {', '.join(FORMS)}")
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            bad(key, f"'{key}' must be text or null", "quote the value, or write null when it is not known")
    if not isinstance(data["what"], str):
        bad("what", "'what' is empty", "say what the file holds")
    for key in ("listed", "retrieved"):
        if data[key] is not None and not isinstance(data[key], date):
            bad(key, f"{key} {data[key]!r} is not a date", "write YYYY-MM-DD, or null when it is not known")
    for fact, evidence in EVIDENCED:
        if data.get(fact) is not None and not data.get(evidence):
            bad(fact, f"'{fact}' is stated without '{evidence}'",
                f"add {evidence}: saying where the file states it (line numbers), or write {fact}: null")
    damage = data["damage"] or []
    if not isinstance(damage, list) or not all(isinstance(d, str) and d.strip() for d in damage):
        bad("damage", "damage is not a list of sentences", "write one '- …' line per kind of damage")
        damage = []
    unknown = sorted(set(data) - set(REQUIRED) - set(TEXT_FIELDS))
    if unknown:
        bad(unknown[0], f"unknown field '{unknown[0]}'", f"use only {', '.join(REQUIRED)} and their *_evidence")
    if problems:
        raise CorpusError(problems)
    return SourceRecord(
        path=path, file=data["file"], sha256=data["sha256"], bytes=data["bytes"],
        encoding=data["encoding"], form=data["form"], what=data["what"].strip(),
        publisher=data["publisher"], website=data["website"], url=data["url"],
        listed=data["listed"], retrieved=data["retrieved"], missing=data["missing"],
        damage=tuple(d.strip() for d in damage), notes=data["notes"],
        evidence={fact: data[ev] for fact, ev in (*EVIDENCED, ("retrieved", "retrieved_evidence"))
                  if data.get(ev)},
        field_lines=where,
    )


def load_sources(root: Path) -> Sources:
    """Every raw file and record of ``root``.

    A record that does not load is left out and its problems kept in
    ``Sources.problems`` (``builder check`` reports them all); a missing
    folder is an empty ``Sources``, so that every document then names its
    missing file.
    """
    files = {p.name: RawFile(p) for p in sorted(root.glob("*.txt"))} if root.is_dir() else {}
    sources = Sources(root, files, {})
    for path in sorted(root.glob("*.yml")) if root.is_dir() else []:
        try:
            record = parse_record(path)
        except CorpusError as exc:
            sources.problems.extend(exc.problems)
            continue
        sources.records[record.file] = record
    return sources
