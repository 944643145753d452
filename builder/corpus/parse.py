"""Read a corpus file into the model, reporting every problem as file:line."""

from __future__ import annotations

import re
from pathlib import Path

from builder.corpus import yamlsafe
from builder.corpus.errors import CorpusError, Problem
from builder.corpus.front_matter import MAX_FRONT_MATTER_BYTES, FrontMatter
from builder.corpus.model import (
    Block,
    Completeness,
    Correction,
    Document,
    Meta,
    Omission,
    Source,
    TitleLine,
)
from builder.corpus.schema import validate
from builder.corpus.yamlsafe import Loaded

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{#([A-Za-z][\w-]*)\})?\s*$")
ANCHOR_TAIL_RE = re.compile(r"\s*\{#([A-Za-z][\w-]*)\}\s*$")
#: A document is a report, not a book: 171 KB is the biggest today (a plan outline).
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024


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


def key_lines(loaded: Loaded) -> dict[str, int]:
    """File line of each front-matter key as a dotted path (``completeness.note``).

    In a list only the first item's keys are recorded (``source.omitted.reason``).
    """
    out: dict[str, int] = {}
    for loc, line in loaded.lines.items():
        dotted = ".".join(p for p in loc if isinstance(p, str))
        if dotted:
            out.setdefault(dotted, line)
    return out


def parse_meta(loaded: Loaded, path: Path, *, source_names: frozenset[str] | None = None) -> Meta:
    """Validate the front matter against ``FrontMatter``, collecting every problem as file:line."""
    if not isinstance(loaded.data, dict):
        raise CorpusError([Problem(path, 2, "front matter is not a mapping of fields",
                                   "write one 'field: value' per line")])
    fm, problems = validate(FrontMatter, loaded, path, context={"source_names": source_names})
    if fm is None:
        raise CorpusError(problems)
    src = fm.source
    source = Source(src.file, src.sha256, src.lines,
                    tuple(Omission(o.reason, o.lines, o.line, o.text) for o in src.omitted),
                    tuple(Correction(c.raw, c.corrected, c.reason) for c in src.corrections),
                    TitleLine(src.title_line.line, src.title_line.text) if src.title_line else None)
    return Meta(
        id=fm.id, title=fm.title, doc_type=fm.doc_type, year=fm.year, region=fm.region,
        region_code=fm.region_code, admin_level=fm.admin_level, parent=fm.parent, province=fm.province,
        date=fm.date, congress=fm.congress, speaker=fm.speaker, speaker_title=fm.speaker_title,
        completeness=Completeness(fm.completeness.status, fm.completeness.note), source=source,
        year_note=fm.year_note, doc_number=fm.doc_number, issued_by=fm.issued_by, adopted_by=fm.adopted_by,
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


def read_document(path: Path, *, source_names: frozenset[str] | None = None) -> Document:
    """Read and validate one corpus file. Raises CorpusError with file:line problems."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise CorpusError([Problem(path, 1, f"{size:,} bytes, more than the limit of {MAX_DOCUMENT_BYTES:,} "
                                       "for one document", "split it into parts (…-shang, …-xia) of one report")])
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError([Problem(path, 1, f"cannot read the file ({exc.strerror})",
                                   "check that it exists and is readable")]) from exc
    text = yamlsafe.decode(raw, path)
    yaml_text, body, body_line = split_front_matter(text, path)
    loaded = yamlsafe.load(yaml_text, path, first_line=2, max_bytes=MAX_FRONT_MATTER_BYTES)
    meta = parse_meta(loaded, path, source_names=source_names)
    return Document(path, meta, parse_body(body, body_line, path), body_line, key_lines(loaded))
