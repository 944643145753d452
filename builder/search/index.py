"""Build the search index: character-bigram postings in hashed shards, text in chunks.

Why bigrams, not words: a phrase on the page must be found whatever jieba
made of it. Every two adjacent characters of a unit's folded text (a
"gram"; one character for one-character queries) list the units that
contain them. A query's grams are looked up, their posting lists
intersected into candidate units, and the browser reads the candidates'
text and keeps those that contain the phrase (``search/verify.js``), so a hit
always contains what was typed, in order.

Why shards: the browser fetches only the shards of the query's grams. A
gram goes to shard ``fnv1a(utf8(gram)) % shards``; the number of shards
grows with the index so a shard stays near ``SHARD_BYTES``. A posting list
longer than ``INLINE_BYTES`` (发展, 的, 亿元 …) is written apart in pages that
cover fixed ranges of unit ids: ``RANGE_UNITS`` units, or a power-of-two
multiple of it for a rarer gram, so that a page stays near ``PAGE_BYTES``.
Because every gram's pages are cut at the same boundaries, the browser can
intersect the lists of a query made only of common grams (``151.5亿元``)
one range at a time, fetching one small page per gram instead of whole
lists, and stop as soon as a screen of results is found.

Why stable ranges: document ``i`` numbers its units from ``i * stride``
(``stride`` a power of two, at least ``MIN_STRIDE``, that holds the longest
document), not from the end of the document before it. An edit that adds
or removes a paragraph changes the unit ids of that one document only, so
a rebuild rewrites its own text chunks and the shards of the grams it
touched, never every later chunk and shard (``builder build`` writes only
changed files). The ids are sparse; gaps between documents cost a letter or
two in a posting list.

Files (``docs_dir``-relative, all under ``search/``; those of ``g/`` and ``p/`` are
published gzip-compressed as ``<name>.gz``, those of ``t/`` as ``<name>.deflate``, and
unpacked in the browser, see ``builder.search.packed``):

- ``manifest.json``: counts, regions, document types, and per document
  ``[first unit, region, type, year]`` (filters and unit -> document);
  ``units`` is the size of the unit-id space (see stable ranges below);
- ``g/<shard>.txt``: one line per gram, ``gram TAB df TAB postings`` where
  postings are gaps in letters (``mbd`` = units 12, 13, 16: ``encode_gaps``),
  or ``@<j>:<ranges>`` for a list written to ``p/<fnv hex>-<range>.txt``,
  one file per range of ``RANGE_UNITS << j`` units that holds postings
  (``<ranges>``: their numbers in base 36, ``,``-joined);
- ``fold.json``, ``t2s/<k>.txt``: the folding table of the browser
  (``builder.search.normalise.browser_table``);
- ``t/<n>.json``: units ``n*CHUNK_UNITS`` … as
  ``[doc, anchor, kind, section, text, word lengths]`` with the id and title
  of their documents, fetched to verify and show a hit; packed with the preset
  dictionary ``chunk-dictionary-<hash>.txt`` (``builder.search.dictionary``),
  which ``manifest.json`` names as ``dictionary``.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from builder.corpus.model import DOC_TYPES, Document
from builder.corpus.regions import RegionIndex
from builder.parallel import map_documents
from builder.search import dictionary
from builder.search.normalise import browser_table_of, fold, traditional_in
from builder.search.packed import pack, unpack
from builder.search.runs import PostingRuns, bucket_count
from builder.search.segment import Segmenter, cut_lengths
from builder.search.units import Unit, document_units

ROOT = "search"
MANIFEST = f"{ROOT}/manifest.json"
#: Units per text chunk. Eight, not four: a chunk's gzip header, document titles and section
#: names are shared by twice the units (``t/`` 37.5 MB at N = 1,000 in fours, 33.8 MB in
#: eights), for about 1.5 KB more per chunk a query fetches to verify a hit.
CHUNK_UNITS = 8
SHARD_BYTES = 8_000
INLINE_BYTES = 3_000
PAGE_BYTES = 8_000
RANGE_UNITS = 4_096
KINDS = {"title": "t", "heading": "h", "paragraph": "p", "table": "b"}
_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def fnv1a(gram: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes; ``search/index.js`` computes the same."""
    h = 0x811C9DC5
    for byte in gram.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def base36(n: int) -> str:
    if n < len(_SMALL):
        return _SMALL[n]
    return _base36(n)


def _base36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _B36[r] + out
        if not n:
            return out


#: Range numbers are mostly small: their base-36 forms are made once.
_SMALL = [_base36(i) for i in range(36 ** 2)]


def _gap(n: int) -> str:
    """``n`` in base 26, its last digit a lower-case letter, the ones before it upper-case."""
    out = chr(97 + n % 26)
    n //= 26
    while n:
        out = chr(65 + n % 26) + out
        n //= 26
    return out


#: Gaps are mostly small: the forms of those under 26³ are made once.
_GAPS = [_gap(i) for i in range(26 ** 3)]


def encode_gaps(ids: Iterable[int]) -> str:
    """Sorted unit ids as gaps, each written ``_gap``: ``[12, 13, 16]`` -> ``"mbd"``, ``[26]`` -> ``"Ba"``.

    Why letters and no separator: a gap's last digit is lower-case, so it ends itself, and the
    commas of ``c,1,3`` go; a gap under 26 is one letter, under 676 two. Gzip-compressed, the
    shards and pages are 12 % smaller than in base-36 gaps with commas (N = 1,000, 2026-12-04),
    and so is what a query fetches. ``search/index.js`` (``decodeGaps``) reads them."""
    prev = 0
    parts = []
    small = len(_GAPS)
    for i in ids:
        gap = i - prev
        parts.append(_GAPS[gap] if gap < small else _gap(gap))
        prev = i
    return "".join(parts)


def decode_gaps(text: str) -> list[int]:
    """The unit ids of ``encode_gaps``' text (the browser's rule, ``decodeGaps``, in Python)."""
    ids, prev, n = [], 0, 0
    for c in text:
        code = ord(c)
        if code >= 97:
            prev += n * 26 + code - 97
            ids.append(prev)
            n = 0
        else:
            n = n * 26 + code - 65
    return ids


#: What ``str.isspace`` calls whitespace (``re``'s ``\s`` on a ``str`` pattern is the same set).
_SPACE_RE = re.compile(r"\s")


def grams(folded: str) -> set[str]:
    """Every character and every pair of adjacent characters, whitespace aside.

    A query term never holds whitespace (spaces separate terms), so a pair
    with a space, tab or line break in it is never asked for.
    """
    out = {a + b for a, b in pairwise(folded)}
    out.update(folded)
    if _SPACE_RE.search(folded):  # rare: most units are one line of Chinese without a space
        out = {g for g in out if not _SPACE_RE.search(g)}
    return out


@dataclass(frozen=True)
class IndexStats:
    documents: int
    units: int
    grams: int
    shards: int
    files: int
    bytes: int


def postings(units: list[tuple[int, Unit]]) -> dict[str, list[int]]:
    """gram -> sorted unit ids; a text seen before (a repeated heading, a
    paragraph two reports share) is folded and cut into grams once."""
    out: dict[str, list[int]] = defaultdict(list)
    seen: dict[str, tuple[str, ...]] = {}
    for uid, unit in units:
        unit_grams = seen.get(unit.text)
        if unit_grams is None:
            unit_grams = seen[unit.text] = tuple(grams(fold(unit.text)))
        for g in unit_grams:
            out[g].append(uid)
    return out


def shard_count(inline_bytes: int) -> int:
    """A power of two keeping the average shard near ``SHARD_BYTES``."""
    n = 1
    while inline_bytes / n > SHARD_BYTES:
        n *= 2
    return n


def _put(files: dict[str, str | bytes], path: str, text: str) -> None:
    """Add the index file ``path`` as it is published: packed (``builder.search.packed``)."""
    name, data = pack(path, text)
    files[name] = data


def gram_files(runs: PostingRuns, jobs: int = 1) -> tuple[list[str], int]:
    """Write the gram shards and long-list pages of every gram in ``runs`` into ``runs.files``:
    their published paths, and the number of shards.

    Two passes over buckets, each spread over ``jobs`` processes (``builder.parallel``):

    1. per posting bucket (``builder.search.runs``): its grams' lists are merged and encoded; a
       long list's pages are finished at once (they do not depend on the shard count), every
       gram's shard line goes to a line bucket, ``fnv1a(gram) % L``, on disk;
    2. once the inline bytes of every bucket give the shard count (a power of two, as is ``L``),
       every shard is made from the line buckets that can hold its grams, its lines sorted.

    A process holds one bucket at a time, so memory does not grow with the corpus; the files
    are the same bytes whatever the buckets, the hash seed or ``jobs``.
    """
    lines_at = runs.buckets  # L: line buckets
    encoded = map_documents(lambda b: _encode_bucket(runs, b, lines_at), range(runs.buckets), jobs)
    big_names: dict[int, str] = {}
    inline = 0
    names: list[str] = []
    for bytes_inline, pages, big in encoded:
        inline += bytes_inline
        names.extend(pages)
        for h, g in big:
            if h in big_names:
                raise ValueError(f"search index: grams {big_names[h]!r} and {g!r} share hash {h:08x}")
            big_names[h] = g
    shards = shard_count(inline)
    groups = min(lines_at, shards)
    for written in map_documents(lambda k: _shard_group(runs, k, groups, lines_at, shards), range(groups), jobs):
        names.extend(written)
    return names, shards


def _encode_bucket(runs: PostingRuns, b: int, lines_at: int) -> tuple[int, list[str], list[tuple[int, str]]]:
    """Pass 1 for posting bucket ``b``: its inline bytes, the long-list pages it wrote, and the
    long lists' ``(hash, gram)``."""
    post = runs.bucket(b)
    runs.remove_bucket(b)
    inline = 0
    pages: list[str] = []
    big: list[tuple[int, str]] = []
    lines: dict[int, list[str]] = defaultdict(list)
    for g, ids in post.items():
        h = fnv1a(g)
        gaps = encode_gaps(ids)
        if len(gaps) <= INLINE_BYTES:
            inline += len(g.encode()) + len(gaps) + 8
            lines[h % lines_at].append(f"{h:08x}\t{g}\t{len(ids)}\t{gaps}\n")
            continue
        big.append((h, g))
        shift, ranges = paginate(ids, len(gaps))
        for k, page in ranges.items():
            pages.append(_write(runs, f"{ROOT}/p/{h:08x}-{k}.txt", page))
        lines[h % lines_at].append(f"{h:08x}\t{g}\t{len(ids)}\t@{shift}:{','.join(base36(k) for k in ranges)}\n")
    for j, part in lines.items():
        runs.append(f"lines-{j}.txt", "".join(part).encode("utf-8"))
    return inline, pages, big


def _write(runs: PostingRuns, path: str, text: str) -> str:
    """Write the index file ``path`` packed into ``runs.files``; its published name."""
    name, data = pack(path, text)
    runs.put(name, data)
    return name


def _shard_group(runs: PostingRuns, k: int, groups: int, lines_at: int, shards: int) -> list[str]:
    """Pass 2: the shards ``s`` with ``s % groups == k``, from the line buckets ``j`` with
    ``j % groups == k`` (both counts are powers of two, so those hold all of these shards' grams)."""
    by_shard: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for j in range(k, lines_at, groups):
        for line in runs.take_lines(f"lines-{j}.txt"):
            h, g, rest = line.split("\t", 2)
            by_shard[int(h, 16) % shards].append((g, rest))
    out = []
    for s in range(k, shards, groups):
        rows = sorted(by_shard.pop(s, []))
        out.append(_write(runs, f"{ROOT}/g/{s}.txt", "".join(f"{g}\t{rest}\n" for g, rest in rows) if rows else "\n"))
    return out


def in_memory_gram_files(post: Mapping[str, Sequence[int]]) -> tuple[dict[str, str | bytes], int]:
    """``gram_files`` of a whole index's postings given at once (gram -> sorted unit ids): the
    files and the shard count. For a small index (a test's); a build streams ``PostingRuns``."""
    runs = PostingRuns()
    runs.write(0, [(0, post, "")])
    names, shards = gram_files(runs)
    return {name: (runs.files / name).read_bytes() for name in names}, shards


def paginate(ids: Sequence[int], encoded_bytes: int) -> tuple[int, dict[int, str]]:
    """A long posting list cut at unit ranges: ``(j, {range number: gaps})``.

    A range spans ``RANGE_UNITS << j`` units, ``j`` the largest that keeps an
    average page under ``PAGE_BYTES`` (measured on this list's density over
    the units it spans); each page's gaps start from 0, i.e. absolute.
    """
    spread = max(ids[-1] + 1, RANGE_UNITS)
    shift = 0
    while (RANGE_UNITS << (shift + 1)) < spread and encoded_bytes * (RANGE_UNITS << (shift + 1)) / spread <= PAGE_BYTES:
        shift += 1
    span = RANGE_UNITS << shift
    ranges: dict[int, list[int]] = defaultdict(list)
    for i in ids:
        ranges[i // span].append(i)
    return shift, {k: encode_gaps(v) for k, v in sorted(ranges.items())}


def chunk_files(docs: list[Document], units: list[tuple[int, Unit]],
                tok: Segmenter) -> dict[str, str | bytes]:
    """``t/<n>.json`` (packed) for every chunk ``n`` that holds units (ids ``n*CHUNK_UNITS`` …, in order)."""
    files: dict[str, str | bytes] = {}
    for path, text in chunk_texts(docs, units, tok).items():
        _put(files, path, text)
    return files


def chunk_texts(docs: list[Document], units: list[tuple[int, Unit]], tok: Segmenter) -> dict[str, str]:
    """``t/<n>.json`` -> its JSON text (plain name), for every chunk ``n`` of ``units``, in order."""
    files: dict[str, str] = {}
    lengths: dict[str, str] = {}  # segmented once per distinct text

    def cut(text: str) -> str:
        if text not in lengths:
            lengths[text] = cut_lengths(tok, text)
        return lengths[text]

    by_chunk: dict[int, list[Unit]] = defaultdict(list)
    for uid, unit in units:
        by_chunk[uid // CHUNK_UNITS].append(unit)
    for n, part in sorted(by_chunk.items()):
        sections: list[str] = []
        rows = []
        for u in part:
            if u.section not in sections:
                sections.append(u.section)
            rows.append([u.doc, u.anchor, KINDS[u.kind], sections.index(u.section), u.text,
                         cut(u.text)])
        doc_info = {str(i): [docs[i].id, docs[i].meta.title] for i in sorted({u.doc for u in part})}
        files[f"{ROOT}/t/{n}.json"] = compact_json({"d": doc_info, "s": sections, "u": rows})
    return files


def compact_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def manifest(docs: list[Document], regions: RegionIndex, first_units: list[int], units: int,
             shards: int) -> str:
    """``units`` is the size of the id space (documents × stride), which the browser walks range by range."""
    names = sorted({d.meta.region for d in docs}, key=lambda n: (regions.get(n).code if regions.get(n) else n))
    region_rows = [[n, regions.get(n).prefecture if regions.get(n) else n] for n in names]
    types = [t for t in DOC_TYPES if any(d.meta.doc_type == t for d in docs)]
    return compact_json({
        "v": 2, "shards": shards, "chunk": CHUNK_UNITS, "units": units, "range": RANGE_UNITS,
        "dictionary": posixpath.relpath(dictionary.published_name(), ROOT),
        "regions": region_rows, "types": types,
        "docs": [[first, names.index(d.meta.region), types.index(d.meta.doc_type), d.meta.year]
                 for d, first in zip(docs, first_units, strict=True)],
    })


#: The least stride: documents of up to this many units never move each other's ids.
MIN_STRIDE = 512


def stride(counts: Iterable[int]) -> int:
    """The power of two (at least ``MIN_STRIDE``, a multiple of ``CHUNK_UNITS``) holding the longest document."""
    longest = max(counts, default=0)
    step = MIN_STRIDE
    while step < longest:
        step *= 2
    return step


@dataclass(frozen=True)
class Layout:
    """Where every document's units sit in the id space: document ``i`` from ``i * step``.

    Made from the whole document list in every build, a shard's too: it only
    lists blocks (no folding, no segmentation), and a shard needs the
    ``step`` of the whole corpus to number its documents' units as the single
    build does.
    """

    units: list[list[Unit]]  # per document, in index order
    step: int

    @property
    def first_units(self) -> list[int]:
        return [i * self.step for i in range(len(self.units))]

    @property
    def space(self) -> int:
        return len(self.units) * self.step

    def numbered(self, i: int) -> list[tuple[int, Unit]]:
        """Document ``i``'s units with their ids."""
        return [(i * self.step + k, u) for k, u in enumerate(self.units[i])]


def layout(docs: Iterable[Document]) -> Layout:
    per_doc = [document_units(i, doc) for i, doc in enumerate(docs)]
    return Layout(per_doc, stride(len(u) for u in per_doc))


def all_units(docs: Iterable[Document]) -> tuple[list[tuple[int, Unit]], list[int], int]:
    """``([(unit id, unit)], first unit id of each document, size of the id space)``."""
    lay = layout(docs)
    numbered = [pair for i in range(len(lay.units)) for pair in lay.numbered(i)]
    return numbered, lay.first_units, lay.space


class SearchAnalysis:
    """The per-document part of the index (``builder.pages.analyses``): the grams of each unit,
    numbered within the document (0 = its title), and the traditional characters it holds."""

    name = "search"
    #: Never kept in the store for every document, which would hold every posting at once: the
    #: processes that make documents' files hand each batch to ``stream`` (``builder.pages.workers``),
    #: which spills it to disk (``builder.search.runs``); what no worker streamed (a one-process
    #: build, a merge of shards) is read once per document when the index is made.
    streamed = True

    def __init__(self, spill: Callable[[Sequence[Document], list[dict]], None] | None = None) -> None:
        """``spill``: takes consecutive documents (in the catalogue's order) and their analyses."""
        self.spill = spill

    def analyse(self, doc: Document) -> dict:
        units = document_units(0, doc)
        return {"grams": postings(list(enumerate(units))), "t2s": traditional_in(u.text for u in units)}

    def stream(self, docs: Sequence[Document]) -> None:
        """Analyse consecutive documents and hand them to ``spill`` (nothing without one)."""
        if self.spill is not None:
            self.spill(docs, [self.analyse(d) for d in docs])


def document_chunks(docs: list[Document], lay: Layout, i: int, tok: Segmenter) -> dict[str, str | bytes]:
    """The text chunks of document ``i``: a chunk never holds two documents (``stride`` is a
    multiple of ``CHUNK_UNITS``), so they are per-document files a shard build makes."""
    return chunk_files(docs, lay.numbered(i), tok)


def index_files(docs: list[Document], regions: RegionIndex, lay: Layout, runs: PostingRuns,
                jobs: int = 1) -> list[str]:
    """Every file of the index that gathers documents (gram shards and pages, folding table,
    manifest), written into ``runs.files``: their published paths. ``runs`` must hold every
    document's postings."""
    written, traditional = runs.documents()
    missing = sorted(set(range(len(docs))) - written)
    if missing:
        raise ValueError(f"search index: the postings of {len(missing)} document(s) were never written, "
                         f"e.g. {docs[missing[0]].id}")
    names, shards = gram_files(runs, jobs)
    small = {**browser_table_of(traditional), MANIFEST: manifest(docs, regions, lay.first_units, lay.space, shards)}
    for name, text in small.items():
        runs.put(name, text.encode("utf-8"))
    runs.put(dictionary.published_name(), dictionary.load())
    return [*names, *small, dictionary.published_name()]


def write_runs(runs: PostingRuns, lay: Layout, start: int, analysed: Sequence[dict]) -> None:
    """Documents ``start``, ``start + 1`` …'s analyses (``SearchAnalysis``) appended to ``runs``,
    their unit ids shifted to where each document sits in the index."""
    runs.write(start, [(lay.first_units[start + i], a["grams"], a["t2s"]) for i, a in enumerate(analysed)])


def build_index(docs: list[Document], regions: RegionIndex, tok: Segmenter) -> dict[str, str | bytes]:
    """Every file of the index, ``docs_dir``-relative path -> bytes (the manifest and folding
    table as text), in one process: for a test or a tool, not a build (``builder.pages.search``)."""
    lay = layout(docs)
    analysis = SearchAnalysis()
    runs = PostingRuns(buckets=bucket_count(len(docs)))
    for i, doc in enumerate(docs):
        write_runs(runs, lay, i, [analysis.analyse(doc)])
    files: dict[str, str | bytes] = {name: (runs.files / name).read_bytes()
                                     for name in index_files(docs, regions, lay, runs)}
    for i in range(len(docs)):
        files.update(document_chunks(docs, lay, i, tok))
    return files


def stats(files: Mapping[str, str | bytes], documents: int) -> IndexStats:
    manifest_data = json.loads(files[MANIFEST])
    grams_n = sum(unpack(f).count("\n") for p, f in files.items()
                  if p.startswith(f"{ROOT}/g/") and isinstance(f, bytes))
    return IndexStats(documents, manifest_data["units"], grams_n, manifest_data["shards"], len(files),
                      sum(len(f.encode("utf-8")) if isinstance(f, str) else len(f) for f in files.values()))
