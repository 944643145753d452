"""Every document's search postings, spilled to disk in buckets as documents are analysed.

Why: the index's postings (gram -> unit ids) used to be merged in the main process, one
document after another, and held for every document at once until the shards were written:
about 0.4 MB a document, the part of the builder's peak memory that grew with the corpus
(855 MB at N = 1,000, 2,186 MB at N = 3,000), and about a third of its serial time. Now each
process that analyses documents (the main one and the workers ``builder.pages.workers`` forks)
appends its documents' postings to bucket files, and ``builder.search.index`` makes the index
one bucket at a time, in as many processes as the build has, holding one bucket's postings.

How a gram finds its bucket: ``hash(gram) % buckets``, Python's own string hash. It is the
same in a process and in every process forked from it (the hash secret is drawn when the
interpreter starts), and it is fast. Buckets are never published, and the index made from
them does not depend on which gram went to which bucket (each gram's whole list is in one
bucket, and every shard's lines are sorted before they are written), so a build gives the
same bytes whatever the hash seed (``tests/search/test_runs.py``).

Files, in the run folder (a scratch folder of the build, removed when it is done):

- ``<bucket>.<pid>.bin``: segments appended by process ``pid``, each one batch of consecutive
  documents: a header of four little-endian unsigned 32-bit integers (index of the batch's
  first document, number of grams, bytes of the grams, number of ids), the grams as UTF-8
  joined by ``\\n``, one count per gram, then the ids (whole-index unit ids, ascending per
  gram), 32-bit each in the machine's order (the runs never leave the machine);
- ``docs.<pid>.txt``: one line per batch, ``first document TAB count TAB traditional
  characters``, so the index knows which documents are in and which traditional characters
  its folding table needs.

Each segment is written with one ``os.write`` on a file opened for appending, so a crashed
worker leaves whole segments or none, and segments of two processes never mix.
"""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import weakref
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path

#: Unit ids as 32-bit unsigned integers: 4 bytes a posting (a Python int in a list costs 36).
POSTING_TYPE = "I"
assert array(POSTING_TYPE).itemsize == 4
_HEADER = struct.Struct("<IIII")
#: Documents' worth of postings a bucket holds on average: what one merging process holds at once.
BUCKET_DOCUMENTS = 8
MAX_BUCKETS = 1024


def bucket_count(documents: int) -> int:
    """A power of two near ``documents / BUCKET_DOCUMENTS`` (at most ``MAX_BUCKETS``, so a process
    keeps that many files open at most): a bucket's share of the postings stays the same as the
    corpus grows."""
    n = 1
    while n * BUCKET_DOCUMENTS < documents and n < MAX_BUCKETS:
        n *= 2
    return n


#: One document's analysis as the runs take it: its first unit id, gram -> its own unit ids
#: (0 = the title), and the traditional characters it holds.
DocumentPostings = tuple[int, Mapping[str, Sequence[int]], str]


class PostingRuns:
    """The run folder of one build: ``write`` appends, ``bucket`` reads one bucket back whole."""

    def __init__(self, folder: Path | None = None, buckets: int = 1) -> None:
        """``folder``: where the runs go (a new scratch folder when None, removed when this object
        is collected or the process ends, by the process that made it only)."""
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="search-runs-"))
            weakref.finalize(self, _remove, folder, os.getpid())
        self.folder = folder
        self.buckets = buckets
        self._pid = -1
        self._fds: dict[str, int] = {}

    def append(self, name: str, data: bytes) -> None:
        """Append ``data`` to this process's file ``name`` (one write: whole or not at all)."""
        if self._pid != os.getpid():  # forked: the parent's descriptors are the parent's files
            self._pid, self._fds = os.getpid(), {}
        fd = self._fds.get(name)
        if fd is None:
            fd = self._fds[name] = os.open(self.folder / f"{name}.{self._pid}", os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                                           0o644)
        os.write(fd, data)

    def close(self) -> None:
        """Close this process's files (the runs stay for reading)."""
        if self._pid == os.getpid():
            for fd in self._fds.values():
                os.close(fd)
        self._fds = {}

    def write(self, start: int, documents: Sequence[DocumentPostings]) -> None:
        """Append documents ``start``, ``start + 1`` … (their analyses in that order) as one segment per bucket."""
        # Lists while gathering, one array per bucket at the end: an array's extend per gram and
        # document (about 13,000 a document) was most of the time this took.
        n = self.buckets
        per_bucket: list[dict[str, list[int]]] = [{} for _ in range(n)]
        traditional: set[str] = set()
        for first, grams, chars in documents:
            for g, ids in grams.items():
                post = per_bucket[hash(g) % n]
                shifted = [first + k for k in ids]
                have = post.get(g)
                if have is None:
                    post[g] = shifted
                else:
                    have += shifted
            traditional.update(chars)
        for b, post in enumerate(per_bucket):
            if post:
                names = "\n".join(post).encode("utf-8")
                counts = array(POSTING_TYPE, map(len, post.values()))
                ids = array(POSTING_TYPE, chain.from_iterable(post.values()))
                self.append(f"{b}.bin", _HEADER.pack(start, len(post), len(names), len(ids)) + names
                             + counts.tobytes() + ids.tobytes())
        self.append("docs.txt", f"{start}\t{len(documents)}\t{''.join(sorted(traditional))}\n".encode())

    def documents(self) -> tuple[set[int], str]:
        """The indexes of the documents written so far, and their traditional characters (sorted);
        ``ValueError`` if a document was written twice (its postings would count twice)."""
        seen: set[int] = set()
        traditional: set[str] = set()
        for path in self.folder.glob("docs.txt.*"):
            for line in path.read_text(encoding="utf-8").splitlines():
                start, count, chars = line.split("\t")
                batch = set(range(int(start), int(start) + int(count)))
                if seen & batch:
                    raise ValueError(f"search runs: documents {sorted(seen & batch)[:3]} written twice")
                seen |= batch
                traditional.update(chars)
        return seen, "".join(sorted(traditional))

    def bucket(self, b: int) -> dict[str, array]:
        """gram -> ascending unit ids, for every gram of bucket ``b`` (segments taken in document order)."""
        segments = sorted(_segments(self.folder, b), key=lambda s: s[0])
        out: dict[str, array] = {}
        for _, names, counts, ids in segments:
            at = 0
            for g, c in zip(names, counts, strict=True):
                part = ids[at:at + c]
                at += c
                have = out.get(g)
                if have is None:
                    out[g] = part
                else:
                    have.extend(part)
        return out

    def remove_bucket(self, b: int) -> None:
        for path in self.folder.glob(f"{b}.bin.*"):
            path.unlink()

    def take_lines(self, name: str) -> Iterator[str]:
        """The lines every process appended to ``name``, in no set order; the files are removed."""
        for path in sorted(self.folder.glob(f"{name}.*")):
            yield from path.read_text(encoding="utf-8").splitlines()
            path.unlink()

    @property
    def files(self) -> Path:
        """Where the finished index files go, under their published paths (see ``put``)."""
        return self.folder / "files"

    def put(self, name: str, data: bytes) -> None:
        """Write the finished file ``name`` (a published, ``docs_dir``-relative path) under ``files``:
        from any process, so that the index's files never pass through the main process's memory."""
        target = self.files / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _segments(folder: Path, b: int) -> Iterator[tuple[int, list[str], array, array]]:
    for path in folder.glob(f"{b}.bin.*"):
        data = memoryview(path.read_bytes())
        at = 0
        while at < len(data):
            start, n, name_bytes, n_ids = _HEADER.unpack_from(data, at)
            at += _HEADER.size
            names = bytes(data[at:at + name_bytes]).decode("utf-8").split("\n")
            at += name_bytes
            counts, ids = array(POSTING_TYPE), array(POSTING_TYPE)
            counts.frombytes(data[at:at + 4 * n])
            at += 4 * n
            ids.frombytes(data[at:at + 4 * n_ids])
            at += 4 * n_ids
            yield start, names, counts, ids


def _remove(folder: Path, pid: int) -> None:
    if os.getpid() == pid:
        shutil.rmtree(folder, ignore_errors=True)
