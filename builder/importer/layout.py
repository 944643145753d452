"""Cut a raw file into the spans of the documents it holds.

Two layouts occur in the seeds:

* a **listing page** (``001_…``): items of a title line ``• 【闻喜县招商】…``,
  the item's whole text on one line, and a listing-date line; after the
  last item, website boilerplate (submission rules, phone numbers);
* a **single document** (every other seed): the file is one document,
  possibly with a printed table of contents and newspaper page markers.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.corpus.model import Omission

LISTING_TITLE_RE = re.compile(r"^\s*•\s*【[^】]*】\s*(?P<title>.+?)\s*$")
LISTING_DATE_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
PAGE_MARKER_RE = re.compile(r"[（(][上下](?:接|转)\s*\d+\s*版[)）]")
TOC_HEAD_RE = re.compile(r"^\s*目\s*录\s*$")
TOC_ENTRY_RE = re.compile(
    r"^\s*(?:-\s*)?第[一二三四五六七八九十百]+[章节]\s*\S.*?(?:\.{3,}\s*\d+|\t)\s*$|^\s*第[一二三四五六七八九十百]+章\s+\S")


@dataclass
class RawSpan:
    """The part of a raw file that is one document."""

    file: Path
    sha256: str
    first_line: int  # 1-based, inclusive
    lines: list[str]  # the raw lines of the span (without newline)
    layout: str  # "listing-item" | "single"
    title_hint: str | None = None  # the listing's title, prefix removed
    title_line: tuple[int, str] | None = None  # the listing's title line as printed, and its line number
    omitted: list[Omission] = field(default_factory=list)

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.lines) - 1

    @property
    def line_range(self) -> str:
        return (f"{self.first_line}-{self.last_line}" if self.last_line != self.first_line
                else str(self.first_line))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_raw(path: Path) -> list[str]:
    """The raw file's lines; a clear error when it is not UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(f"{path}:{line}: not valid UTF-8; convert the file to UTF-8 "
                         "(e.g. iconv -f GB18030 -t UTF-8) and import it again") from exc
    return text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")


def is_listing(lines: list[str]) -> bool:
    return sum(1 for line in lines if LISTING_TITLE_RE.match(line)) >= 2


def listing_spans(path: Path, lines: list[str], digest: str) -> list[RawSpan]:
    """One span per listing item: the text line(s) between its title and its date.

    The title line (with its ``【…招商】`` prefix), the listing date and the
    website's text after the last item are not document text; they lie
    outside every span, so they are never imported.
    """
    spans = []
    titles = [i for i, line in enumerate(lines) if LISTING_TITLE_RE.match(line)]
    for n, start in enumerate(titles):
        stop = titles[n + 1] if n + 1 < len(titles) else len(lines)
        body_idx = []
        for i in range(start + 1, stop):
            if LISTING_DATE_RE.match(lines[i]):
                break
            if lines[i].strip():
                body_idx.append(i)
        if not body_idx:
            continue
        first, last = body_idx[0], body_idx[-1]
        title = LISTING_TITLE_RE.match(lines[start]).group("title")
        spans.append(RawSpan(path, digest, first + 1, lines[first:last + 1], "listing-item",
                             title_hint=title, title_line=(start + 1, lines[start].strip())))
    return spans


def toc_lines(lines: list[str]) -> tuple[int, int] | None:
    """0-based inclusive range of a printed table of contents, if any.

    It starts at a ``目 录`` line and runs over entries with dot leaders and
    page numbers (``第一节 “十三五”发展成就..... 5``) or bare chapter lines,
    blank lines allowed, up to the first line that is neither.
    """
    for i, line in enumerate(lines):
        if TOC_HEAD_RE.match(line):
            end = i
            for j in range(i + 1, len(lines)):
                if not lines[j].strip():
                    continue
                if TOC_ENTRY_RE.match(lines[j]):
                    end = j
                    continue
                break
            return (i, end) if end > i else None
    return None


def single_span(path: Path, lines: list[str], digest: str) -> RawSpan:
    """The whole file as one document, with its TOC and page markers omitted."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    last = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    span = RawSpan(path, digest, first + 1, lines[first:last + 1], "single")
    toc = toc_lines(lines)
    if toc:
        span.omitted.append(Omission("printed table of contents (the site makes its own)",
                                     lines=f"{toc[0] + 1}-{toc[1] + 1}"))
    for i in range(first, last + 1):
        for m in PAGE_MARKER_RE.finditer(lines[i]):
            span.omitted.append(Omission("newspaper page-continuation marker", line=i + 1,
                                         text=m.group(0)))
    return span


def split_raw_file(path: Path) -> list[RawSpan]:
    """Every document span of one raw file."""
    lines = read_raw(path)
    digest = sha256_of(path)
    if is_listing(lines):
        return listing_spans(path, lines, digest)
    return [single_span(path, lines, digest)]
