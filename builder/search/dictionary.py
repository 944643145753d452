"""The preset dictionary the search's text chunks are packed with (``search/t/``).

Why: a text chunk (``builder.search.index``: eight units, 2–6 KB of JSON) is small, and
deflate compresses the first kilobytes of a file worst, as its window starts empty: gzip left
the real documents' chunks at half their size. The chunks were a third of the search's bytes
(34 KB per document at N = 1,000). Deflate can start from a preset dictionary instead (RFC 1950's
``FDICT``, zlib's ``zdict``): up to 32 KB of text the compressor may point back into, as if it
came before the file. These reports share much of their wording, and every chunk shares the
JSON around the text, so a dictionary of chunk text helps every chunk. Measured on the 14 real
documents, the dictionary made from the chunks of half of them and the other half's chunks
packed with it (both ways round): 360 KB against 459 KB without one, **21 % smaller**. (The
synthetic corpus of ``benchmarks/synth.py`` is made of the real documents' paragraphs, so its
gain is larger than a real corpus would see; quote the held-out figure.)

What it is: the last ``SIZE`` bytes of the corpus's chunk text when it was made, cut at a
character (``make``): the end of a dictionary costs least to point into, and on the same
held-out test a sample of real chunks saved 21 % where one made of the clauses most documents
share saved 14 %. Against gzip, as published before, each real document's chunks are 17–30 %
smaller (all but the dictionary's own source, the catalogue's last document). It is a file of the
builder, ``chunk-dictionary.txt``, not made anew by each build: a dictionary that followed the
corpus would change every chunk at every edit. ``python -m builder search-dictionary`` remakes
it from the corpus; the builder's version hash (``builder.incremental.builder_version``)
covers the file, so a new dictionary rebuilds every chunk once.

How the browser reads a chunk: ``DecompressionStream`` takes no dictionary, so
``assets/javascripts/search/packed.js`` makes one zlib stream (RFC 1950) of: the two header
bytes ``ZLIB_HEADER`` (no ``FDICT``); one stored (uncompressed) deflate block that holds the
dictionary (``stored_block``: a header byte, the length and its complement, the bytes); then the
file, which is the chunk's raw deflate data followed by the Adler-32 of dictionary and chunk
text (the zlib trailer, computed here, as the browser could not check the stream without it).
It inflates that with ``DecompressionStream("deflate")`` (every browser that has
``DecompressionStream``, as for the gzip files; ``"deflate-raw"`` came later, Chrome 103) and drops
the dictionary's bytes from the front of the output. The chunk's data starts at a byte
boundary, where the stored block ends, so the parts are one valid stream whose checksum the
browser verifies. :func:`inflate` reads a chunk the same way, so the tests hold the layout the
browser relies on.

Example: ``search/t/12.json`` is published as ``search/t/12.json.deflate``; the dictionary as
``search/chunk-dictionary-<first 12 hex digits of its SHA-256>.txt`` (``published_name``), named in
``manifest.json`` as ``dictionary``; a new dictionary gets a new name, so no browser pairs a
cached old one with new chunks.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Iterable
from pathlib import Path

#: Deflate's window: a dictionary longer than this is never pointed into.
SIZE = 32 * 1024
FILE = Path(__file__).with_name("chunk-dictionary.txt")
SUFFIX = ".deflate"
#: A zlib stream's first two bytes: deflate, 32 KB window, no preset dictionary (FDICT 0), and
#: the check bits that make ``0x7801`` a multiple of 31.
ZLIB_HEADER = b"\x78\x01"


@functools.cache
def load() -> bytes:
    """The dictionary's bytes (UTF-8 text)."""
    return FILE.read_bytes()


def published_name() -> str:
    """The dictionary's path in the site, named for its content."""
    return f"search/chunk-dictionary-{hashlib.sha256(load()).hexdigest()[:12]}.txt"


def deflate(data: bytes, zdict: bytes | None = None) -> bytes:
    """``data`` as raw deflate (level 9, no header) compressed with the dictionary, then the
    Adler-32 (big-endian) of dictionary and data: the trailer of the zlib stream the browser makes."""
    zdict = zdict or load()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=zdict)
    return packer.compress(data) + packer.flush() + zlib.adler32(data, zlib.adler32(zdict)).to_bytes(4, "big")


def stored_block(zdict: bytes) -> bytes:
    """A non-final stored deflate block whose content is ``zdict`` (RFC 1951, 3.2.4): the byte
    0 (BFINAL 0, BTYPE 00, then the bits up to the byte's end), LEN and NLEN little-endian."""
    if not 0 < len(zdict) <= 0xFFFF:
        raise ValueError(f"a stored block holds 1 to 65,535 bytes, not {len(zdict)}")
    n = len(zdict)
    return bytes([0, n & 0xFF, n >> 8, ~n & 0xFF, (~n >> 8) & 0xFF]) + zdict


def inflate(data: bytes, zdict: bytes | None = None) -> bytes:
    """A packed chunk's bytes, unpacked the way ``packed.js`` does (see the module docstring):
    zlib checks the stream's checksum, as the browser does."""
    zdict = zdict or load()
    return zlib.decompress(ZLIB_HEADER + stored_block(zdict) + data)[len(zdict):]


def make(chunk_texts: Iterable[str]) -> bytes:
    """A dictionary from chunk texts in index order: the last ``SIZE`` bytes of them joined, from
    the first whole character (a UTF-8 lead byte)."""
    tail = "".join(chunk_texts).encode("utf-8")[-SIZE:]
    start = 0
    while start < len(tail) and tail[start] & 0xC0 == 0x80:
        start += 1
    return tail[start:]
