"""The raw sources in the repository's ``sources/``: the files and their records.

Every raw file ``NNN_….txt`` sits in ``sources/`` byte for byte, with a record
``NNN_….yml`` beside it saying what it is and where it came from, as far as
known (see ``sources/README.md``). Records arrive by pull request like any
corpus file: they are read by the one safe YAML reader and validated by
their pydantic model (``RecordFile``), every string through the one
string-safety rule, and every problem is a ``file:line``.
What is unknown stays ``None``; a stated fact (publisher, website, listing
date) carries the line of evidence that says where the file states it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from builder.corpus import yamlsafe
from builder.corpus.errors import CorpusError, Problem
from builder.corpus.front_matter import DateValue
from builder.corpus.schema import FieldProblem, FileName, Model, Sha256, Text, validate

#: Default folder of the raw files: ``sources/`` beside ``corpus/``.
SOURCES_DIR = "sources"
FORMS = ("pdf-text", "web-listing", "newspaper")
#: A stated fact needs its evidence: the field and the field that says where the file states it.
EVIDENCED = (("publisher", "publisher_evidence"), ("website", "website_evidence"),
             ("listed", "listed_evidence"), ("retrieved", "retrieved_evidence"))
MAX_RECORD_BYTES = 32 * 1024

Evidence = Text(500)


class RecordFile(Model):
    """The schema of ``sources/NNN_….yml``: every field required, null where not known."""

    file: FileName = Field(description="name the raw file beside the record, e.g. 000_6808a0c448da17fa.txt")
    sha256: Sha256 = Field(description="copy the raw file's SHA-256 (sha256sum FILE)")
    bytes: int = Field(ge=0, description="copy the raw file's size in bytes (wc -c FILE)")
    encoding: Literal["UTF-8"] = Field(description="raw files are UTF-8: convert the file "
                                                   "(iconv -f GB18030 -t UTF-8) and write encoding: UTF-8")
    form: Literal[FORMS] = Field(description=f"use one of {', '.join(FORMS)}")
    what: Text(1000) = Field(description="say what the file holds, in the file's own words")
    publisher: Text(200) | None = Field(description="name who published the text as the file states it, or null")
    publisher_evidence: Evidence | None = Field(None, description="say where the file states the publisher")
    website: Text(200) | None = Field(description="name the website the text was taken from, or null")
    website_evidence: Evidence | None = Field(None, description="say where the file names the website")
    url: Text(500) | None = Field(description="give the address it was taken from, or null when not recorded")
    listed: DateValue | None = Field(description="write the website's listing date YYYY-MM-DD, or null")
    listed_evidence: Evidence | None = Field(None, description="say where the file shows the listing date")
    retrieved: DateValue | None = Field(description="write the date the file was collected, or null")
    retrieved_evidence: Evidence | None = Field(None, description="say how the collection date is known")
    missing: Text(1000) | None = Field(description="say what the file lacks (head, tail, notes), or null")
    damage: list[Text(500)] = Field(max_length=50, description="list the kinds of damage, one '- …' line each")
    notes: Text(1000) | None = Field(description="add anything else (e.g. which facts are not recorded), or null")

    @model_validator(mode="after")
    def _facts_have_evidence(self) -> RecordFile:
        for fact, evidence in EVIDENCED:
            if getattr(self, fact) is not None and not getattr(self, evidence):
                raise FieldProblem(f"'{fact}' is stated without '{evidence}'",
                                   f"add {evidence}: saying where the file states it (line numbers), "
                                   f"or write {fact}: null", fact)
        return self


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


def parse_record(path: Path) -> SourceRecord:
    """Read and validate one record (``RecordFile``); raises CorpusError with every problem."""
    loaded = yamlsafe.read_file(path, max_bytes=MAX_RECORD_BYTES)
    record, problems = validate(RecordFile, loaded, path)
    if record is not None and Path(record.file).stem != path.stem:
        problems = [Problem(path, loaded.line_of(("file",)), f"file {record.file!r} is not this record's raw file",
                            f"write file: {path.stem}.txt (the record is named after its file)")]
    if record is None or problems:
        raise CorpusError(problems)
    lines = {str(k): loaded.line_of((k,)) for k in (loaded.data or {})}
    return SourceRecord(
        path=path, file=record.file, sha256=record.sha256, bytes=record.bytes, encoding=record.encoding,
        form=record.form, what=record.what, publisher=record.publisher, website=record.website,
        url=record.url, listed=record.listed, retrieved=record.retrieved, missing=record.missing,
        damage=tuple(record.damage), notes=record.notes,
        evidence={fact: getattr(record, ev) for fact, ev in EVIDENCED if getattr(record, ev)},
        field_lines=lines,
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
