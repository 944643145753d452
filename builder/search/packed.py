"""The search index's bulk files, stored compressed and unpacked in the browser.

Why: the gram shards, long-list pages and text chunks (``search/g``, ``search/p``,
``search/t``) are most of the search's bytes, about 130 KB per document as plain text
(a document's text is in its chunks once, plus its postings). GitHub Pages counts a site's
bytes as stored, and compresses on the wire only what it chooses; a file stored
compressed is about half the size on disk and on the wire (at N = 300: chunks 0.56, shards
0.59, long-list pages 0.39 of their plain size).

How: a shard or list page is written as ``<name>.gz`` (gzip, level 9, no time stamp in the
header, so the same index gives the same bytes and an unchanged file is never rewritten).
A text chunk is written as ``<name>.deflate``: raw deflate with the preset dictionary of
``builder.search.dictionary`` (a fifth smaller than gzip on the real documents; that module
says why and how the browser reads it). ``assets/javascripts/search/index.js`` fetches them
(``source-text.js`` a source page's span), and ``assets/javascripts/search/packed.js``
unpacks them: a ``.gz`` whose bytes begin with gzip's magic number with the browser's
``DecompressionStream("gzip")`` (when a server already unpacked it, one that sends ``.gz``
files with ``Content-Encoding: gzip``, the bytes are read as they are), a chunk with the
dictionary. The small files read once per visit (``manifest.json``, ``fold.json``,
``synonyms.json``, ``t2s/``, the dictionary) stay plain text.

Example: ``search/t/12.json`` (the units 96–103) is published as ``search/t/12.json.deflate``,
``search/g/3.txt`` as ``search/g/3.txt.gz``; :func:`read` gives either's text back from a build's
files under the plain name.

:func:`compress` is the project's one gzip writer: the bulk downloads under ``data/``
(``indicator_panel.csv.gz``, ``glossary.json.gz``, ``documents.json.gz``) are written with it
too, so every ``.gz`` of the site is made the same reproducible way (``edition.sqlite.xz`` is
xz-compressed: ``builder.pages.edition_db`` says why).
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from pathlib import Path

from builder.search import dictionary

#: The folders under ``search/`` whose files are stored packed.
PACKED_FOLDERS = ("search/g/", "search/p/", "search/t/")
#: The folder whose files are packed with the preset dictionary (``builder.search.dictionary``).
DICTIONARY_FOLDER = "search/t/"
SUFFIX = ".gz"
_MAGIC = b"\x1f\x8b"


def is_packed(path: str) -> bool:
    """Whether the plain-named index file ``path`` is published packed."""
    return path.startswith(PACKED_FOLDERS)


def compress(data: str | bytes) -> bytes:
    """``data`` (text as UTF-8) gzip-compressed at level 9 with no time stamp in the header:
    the same input gives the same bytes, so an unchanged file is never rewritten."""
    return gzip.compress(data.encode("utf-8") if isinstance(data, str) else data, compresslevel=9, mtime=0)


def published_name(path: str) -> str:
    """The name under which the plain-named index file ``path`` is published."""
    if path.startswith(DICTIONARY_FOLDER):
        return path + dictionary.SUFFIX
    return path + SUFFIX if is_packed(path) else path


def pack(path: str, text: str) -> tuple[str, bytes]:
    """The published name and bytes of the plain-named index file ``path`` (of ``PACKED_FOLDERS``)."""
    data = text.encode("utf-8")
    if path.startswith(DICTIONARY_FOLDER):
        return published_name(path), dictionary.deflate(data)
    return published_name(path), compress(data)


def unpack(data: bytes) -> str:
    """The text of a gzip file's bytes (or of bytes a server has already unpacked)."""
    return (gzip.decompress(data) if data[:2] == _MAGIC else data).decode("utf-8")


def read(files: Mapping[str, str | bytes] | Path, path: str) -> str:
    """The text of the index file ``path`` (its plain name) in a build's files or a docs/site folder."""
    name = published_name(path)
    data = (files / name).read_bytes() if isinstance(files, Path) else files[name]
    if not isinstance(data, bytes):
        return data
    return dictionary.inflate(data).decode("utf-8") if name.endswith(dictionary.SUFFIX) else unpack(data)
