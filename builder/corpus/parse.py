"""Read a corpus file into the model, reporting every problem as file:line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.model import (
    COMPLETENESS,
    DOC_TYPES,
    Block,
    Completeness,
    Correction,
    Document,
    Meta,
    Omission,
    Source,
)

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{#([A-Za-z][\w-]*)\})?\s*$")
ANCHOR_TAIL_RE = re.compile(r"\s*\{#([A-Za-z][\w-]*)\}\s*$")
REQUIRED = ("id", "title", "doc_type", "year", "region", "region_code", "admin_level",
            "parent", "province", "date", "congress", "speaker", "speaker_title",
            "completeness", "source")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """Return (yaml text, body text, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise CorpusError([Problem(path, 1, "the file does not start with front matter",
                                   "begin the file with a '---' line, the YAML fields, "
                                   "and another '---' line")])
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    raise CorpusError([Problem(path, 1, "the front matter is never closed",
                               "add a '---' line after the last YAML field")])


def _problem(path: Path, line: int, message: str, hint: str) -> Problem:
    return Problem(path, line, message, hint)


def key_lines(yaml_text: str) -> dict[str, int]:
    """Line (1-based, relative to the file) of each key, nested ones as dotted paths.

    ``completeness:`` on line 15 and its ``note:`` on line 17 give
    ``{"completeness": 15, "completeness.note": 17}``; in a list only the
    first item's keys are recorded (``source.omitted.reason``).
    """
    out: dict[str, int] = {}
    stack: list[tuple[int, str]] = []  # (indent, key) of the enclosing mappings
    for i, line in enumerate(yaml_text.split("\n"), start=2):
        m = re.match(r"^(\s*)(?:-\s+)?([A-Za-z_][\w]*)\s*:", line)
        if not m:
            continue
        indent = len(m.group(1)) + (2 if line.lstrip().startswith("-") else 0)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = ".".join([*(k for _, k in stack), m.group(2)])
        out.setdefault(path, i)
        stack.append((indent, m.group(2)))
    return out


def parse_meta(yaml_text: str, path: Path) -> Meta:
    """Validate the front matter against the schema, collecting every problem."""
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 2
        raise CorpusError([_problem(path, line, f"front matter is not valid YAML "
                                    f"({getattr(exc, 'problem', exc)})",
                                    "check the quotes and indentation on this line")]) from exc
    if not isinstance(data, dict):
        raise CorpusError([_problem(path, 2, "front matter is not a mapping of fields",
                                    "write one 'field: value' per line")])
    where = key_lines(yaml_text)
    problems: list[Problem] = []
    for key in REQUIRED:
        if key not in data:
            problems.append(_problem(path, 1, f"front matter lacks the field '{key}'",
                                     f"add '{key}:' (null where the source does not say)"))
    if problems:
        raise CorpusError(problems)

    def bad(key: str, message: str, hint: str) -> None:
        problems.append(_problem(path, where.get(key, 1), message, hint))

    if not isinstance(data["id"], str) or not ID_RE.match(data["id"]):
        bad("id", f"id {data['id']!r} is not a lowercase slug",
            "use lowercase pinyin words joined by '-', e.g. lishi-2021-gongzuobaogao")
    if data["doc_type"] not in DOC_TYPES:
        bad("doc_type", f"unknown doc_type {data['doc_type']!r}", f"use one of {', '.join(DOC_TYPES)}")
    if not isinstance(data["year"], int) or not 1949 <= data["year"] <= 2100:
        bad("year", f"year {data['year']!r} is not a four-digit year", "write e.g. year: 2021")
    if data["date"] is not None and not isinstance(data["date"], date):
        bad("date", f"date {data['date']!r} is not a date", "write YYYY-MM-DD or null")
    for key in ("title", "region", "province"):
        if not isinstance(data[key], str) or not data[key].strip():
            bad(key, f"'{key}' is empty", f"give the document's {key}")
    for key in ("congress", "speaker", "speaker_title", "parent"):
        if data[key] is not None and not isinstance(data[key], str):
            bad(key, f"'{key}' must be text or null", "quote the value or write null")
    if not re.fullmatch(r"\d{6}", str(data["region_code"])):
        bad("region_code", f"region_code {data['region_code']!r} is not 6 digits",
            "copy the code from corpus/regions.yml, in quotes")

    comp = data["completeness"]
    completeness = Completeness("full")
    if not isinstance(comp, dict) or comp.get("status") not in COMPLETENESS:
        bad("completeness", "completeness needs a status",
            f"write completeness: {{status: one of {', '.join(COMPLETENESS)}, note: ...}}")
    else:
        if comp["status"] == "excerpt" and not comp.get("note"):
            bad("completeness", "an excerpt needs a note of what is missing",
                "add note: saying which parts of the document are missing")
        completeness = Completeness(comp["status"], comp.get("note"))

    src = data["source"]
    source = Source("", "", "1")
    if not isinstance(src, dict) or not all(src.get(k) for k in ("file", "sha256", "lines")):
        bad("source", "source needs file, sha256 and lines",
            "record the raw file name, its sha256 and the line range of the document")
    else:
        omitted = []
        for item in src.get("omitted") or []:
            if not isinstance(item, dict) or not item.get("reason") or not (
                    item.get("lines") or (item.get("line") and item.get("text"))):
                bad("source", f"omitted entry {item!r} is incomplete",
                    "give reason and either lines: 'a-b' or line: N with text: '...'")
                continue
            omitted.append(Omission(item["reason"], str(item["lines"]) if item.get("lines") else None,
                                    item.get("line"), item.get("text")))
        corrections = []
        for item in src.get("corrections") or []:
            if not isinstance(item, dict) or not all(
                    isinstance(item.get(k), str) and item.get(k) for k in ("raw", "corrected", "reason")):
                bad("source", f"correction {item!r} is incomplete",
                    "give raw (text as the raw file has it), corrected and reason")
                continue
            corrections.append(Correction(item["raw"], item["corrected"], item["reason"]))
        if not re.fullmatch(r"\d+(-\d+)?", str(src["lines"])):
            bad("source", f"source lines {src['lines']!r} is not a line range",
                "write lines: 'first-last'")
        else:
            source = Source(str(src["file"]), str(src["sha256"]), str(src["lines"]), tuple(omitted),
                            tuple(corrections))
    if problems:
        raise CorpusError(problems)
    extra = {k: v for k, v in data.items() if k not in REQUIRED}
    return Meta(
        id=data["id"], title=data["title"].strip(), doc_type=data["doc_type"], year=data["year"],
        region=data["region"], region_code=str(data["region_code"]),
        admin_level=data["admin_level"], parent=data["parent"], province=data["province"],
        date=data["date"], congress=data["congress"], speaker=data["speaker"],
        speaker_title=data["speaker_title"], completeness=completeness, source=source,
        extra=extra,
    )


def parse_table(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """Cells of a pipe table, without the delimiter row."""
    rows = []
    for i, line in enumerate(lines):
        cells = line.strip().strip("|").split("|")
        if i == 1 and all(re.fullmatch(r"\s*:?-+:?\s*", c) for c in cells):
            continue
        rows.append(tuple(c.strip() for c in cells))
    return tuple(rows)


def parse_body(body: str, first_line: int, path: Path) -> list[Block]:
    """Split the body into blocks; derive anchors that the file does not carry."""
    blocks: list[Block] = []
    chunk: list[str] = []
    start = first_line

    def flush() -> None:
        if not chunk:
            return
        if all(line.lstrip().startswith("|") for line in chunk):
            blocks.append(Block("table", "\n".join(chunk), "", start, rows=parse_table(chunk)))
            return
        text = " ".join(line.strip() for line in chunk)
        m = HEADING_RE.match(chunk[0]) if len(chunk) == 1 else None
        if m:
            anchor = m.group(3) or ""
            blocks.append(Block("heading", m.group(2).strip(), anchor, start,
                                level=len(m.group(1)), anchor_written=bool(anchor)))
            return
        tail = ANCHOR_TAIL_RE.search(text)
        anchor = tail.group(1) if tail else ""
        if tail:
            text = text[: tail.start()]
        blocks.append(Block("paragraph", text.strip(), anchor, start, anchor_written=bool(anchor)))

    for offset, line in enumerate(body.split("\n")):
        if line.strip():
            if not chunk:
                start = first_line + offset
            chunk.append(line)
        else:
            flush()
            chunk = []
    flush()
    return derive_missing_anchors(blocks)


def derive_missing_anchors(blocks: list[Block]) -> list[Block]:
    """Give anchor-less blocks an anchor after their predecessor's: p-12 -> p-12-1.

    Inserting a paragraph therefore moves no existing anchor.
    """
    used = {b.anchor for b in blocks if b.anchor}
    last = {"paragraph": "p-0", "heading": "h-0"}
    out = []
    for b in blocks:
        if b.kind == "table" or b.anchor:
            if b.anchor:
                last[b.kind] = b.anchor
            out.append(b)
            continue
        base, k = last[b.kind], 1
        while f"{base}-{k}" in used:
            k += 1
        anchor = f"{base}-{k}"
        used.add(anchor)
        last[b.kind] = anchor
        out.append(Block(b.kind, b.text, anchor, b.line, b.level, b.rows, anchor_written=False))
    return out


def read_document(path: Path) -> Document:
    """Read and validate one corpus file. Raises CorpusError with file:line problems."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError([Problem(path, 1, f"cannot read the file ({exc.strerror})",
                                   "check that it exists and is readable")]) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CorpusError([Problem(path, line, "the file is not valid UTF-8",
                                   "save it as UTF-8 (not GBK/GB18030)")]) from exc
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    yaml_text, body, body_line = split_front_matter(text, path)
    meta = parse_meta(yaml_text, path)
    return Document(path, meta, parse_body(body, body_line, path), body_line,
                    key_lines(yaml_text))
