"""Checks of ``sources/``: every raw file recorded, unchanged, and every document's file there.

(A record's own fields, its strings included, are validated when it is read:
``builder.corpus.sources.RecordFile``.)

The recorded SHA-256 is the promise that the raw file is the one the corpus
was made from: a raw file whose bytes no longer match its record (or a
document's ``source.sha256``) has been edited, which is never allowed.
"""

from __future__ import annotations

from builder.corpus.errors import Problem
from builder.corpus.load import Corpus


def check_sources(corpus: Corpus, jobs: int = 1) -> list[Problem]:
    """The raw files against their records (``jobs`` unused: a hash per file, no per-document work)."""
    sources = corpus.sources
    problems = list(sources.problems)
    for name, raw in sources.files.items():
        record = sources.records.get(name)
        if record is None:
            if not (sources.root / f"{raw.path.stem}.yml").exists():  # else: its record is broken
                problems.append(Problem(raw.path, 1, "the raw file has no record",
                                        f"add {raw.path.stem}.yml beside it (see sources/README.md)"))
            continue
        if record.sha256 != raw.sha256:
            problems.append(Problem(record.path, record.line_of("sha256"),
                                    f"the raw file's SHA-256 is {raw.sha256}, not the recorded one",
                                    "raw files are never edited: restore the original bytes "
                                    "(a new raw file gets a new name and record)"))
        if record.bytes != len(raw.data):
            problems.append(Problem(record.path, record.line_of("bytes"),
                                    f"the raw file has {len(raw.data)} bytes, not {record.bytes}",
                                    "restore the original file, or correct bytes: for a new one"))
        try:
            raw.text  # noqa: B018 - decoding is the check
        except UnicodeDecodeError as exc:
            line = raw.data[: exc.start].count(b"\n") + 1
            problems.append(Problem(raw.path, line, "the raw file is not valid UTF-8",
                                    "convert it to UTF-8 (iconv -f GB18030 -t UTF-8)"))
    for record in sources.records.values():
        if record.file not in sources.files:
            problems.append(Problem(record.path, record.line_of("file"),
                                    f"{record.file} is not in {sources.root}",
                                    "add the raw file beside its record, or remove the record"))
    for doc in corpus.documents:
        src = doc.meta.source
        raw = sources.get(src.file)
        if raw is None:
            problems.append(Problem(doc.path, doc.line_of("source.file"),
                                    f"raw file {src.file} is not in {sources.root}",
                                    "add the raw file and its record to sources/, or fix source.file"))
        elif src.title_line and (src.title_line.line > len(raw.lines)
                                 or raw.lines[src.title_line.line - 1].strip() != src.title_line.text):
            problems.append(Problem(doc.path, doc.line_of("source.title_line"),
                                    f"raw line {src.title_line.line} of {src.file} is not the title line "
                                    f"{src.title_line.text!r}", "copy the line exactly as the raw file has it "
                                    "(spaces at its ends aside), or fix its line number"))
        if raw is not None and raw.sha256 != src.sha256:
            problems.append(Problem(doc.path, doc.line_of("source.sha256"),
                                    f"source.sha256 does not match {src.file} ({raw.sha256})",
                                    "the document was made from other bytes: re-import it from the "
                                    "file in sources/, or restore that file"))
    return problems
