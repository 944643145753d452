"""The search's text chunks are packed with a preset dictionary the browser can read
(``builder.search.dictionary``): the stream the browser makes, the files the index names, and
the bytes it saves on real chunks."""

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from builder.incremental import BUILDER_ROOT, BUILDER_SUFFIXES
from builder.search import dictionary
from builder.search.index import MANIFEST, chunk_texts, layout
from builder.search.packed import compress, pack, read

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real_chunks(documents, tok) -> list[str]:
    """Every text chunk of the real documents, in index order, as plain JSON text."""
    lay = layout(documents)
    return [t for i in range(len(documents)) for t in chunk_texts(documents, lay.numbered(i), tok).values()]


def test_a_packed_chunk_is_read_back_as_the_browser_reads_it(real_chunks) -> None:
    """zlib header, a stored block holding the dictionary, the file: one stream whose checksum holds."""
    for text in real_chunks:
        name, data = pack("search/t/0.json", text)
        assert name == "search/t/0.json.deflate"
        zdict = dictionary.load()
        stream = b"\x78\x01" + bytes([0, len(zdict) & 0xFF, len(zdict) >> 8]) + \
            bytes([~len(zdict) & 0xFF, (~len(zdict) >> 8) & 0xFF]) + zdict + data
        assert zlib.decompress(stream)[len(zdict):].decode("utf-8") == text


def test_a_chunk_read_with_another_dictionary_is_refused_not_misread(real_chunks) -> None:
    """A cached old dictionary against new chunks: the checksum fails, no wrong text is shown."""
    _, data = pack("search/t/0.json", real_chunks[0])
    other = bytearray(dictionary.load())
    other[-100:] = b"x" * 100
    with pytest.raises(zlib.error):
        dictionary.inflate(data, bytes(other))


def test_the_dictionary_packs_real_chunks_a_sixth_smaller_than_gzip(real_chunks) -> None:
    """Measured on chunks that are not the dictionary's own source (it is the corpus's last 32 KB
    of chunk text): the first half of the real documents' chunks."""
    held_out = [t.encode("utf-8") for t in real_chunks[: len(real_chunks) // 2]]
    assert all(t not in dictionary.load() for t in held_out)
    with_dictionary = sum(len(dictionary.deflate(t)) for t in held_out)
    assert with_dictionary < 5 / 6 * sum(len(compress(t)) for t in held_out)


def test_the_dictionary_fits_the_deflate_window_and_is_whole_characters() -> None:
    zdict = dictionary.load()
    assert 0 < len(zdict) <= dictionary.SIZE
    zdict.decode("utf-8")  # raises on a cut character


def test_make_starts_at_a_whole_character() -> None:
    made = dictionary.make(["六新" * 20_000])
    assert len(made) <= dictionary.SIZE and made.decode("utf-8").strip("六新") == ""


def test_the_manifest_names_the_dictionary_the_index_publishes(index_files) -> None:
    name = json.loads(index_files[MANIFEST])["dictionary"]
    assert name.startswith("chunk-dictionary-") and name.endswith(".txt")
    assert index_files[f"search/{name}"] == dictionary.load()
    assert f"search/{name}" == dictionary.published_name()


def test_every_chunk_of_the_index_is_packed_with_the_dictionary(index_files, real_chunks) -> None:
    packed = sorted((p for p in index_files if p.startswith("search/t/")),
                    key=lambda p: int(p.split("/")[2].split(".")[0]))
    assert all(p.endswith(".json.deflate") for p in packed)
    assert [read(index_files, p.removesuffix(".deflate")) for p in packed] == real_chunks


def test_a_new_dictionary_is_a_new_builder_version() -> None:
    """The builder's version hash covers the file, so a remade dictionary rebuilds every chunk."""
    assert dictionary.FILE.suffix in BUILDER_SUFFIXES and dictionary.FILE.parent.is_relative_to(BUILDER_ROOT)


def test_search_dictionary_check_compares_and_writes_nothing() -> None:
    before = dictionary.FILE.stat()
    done = subprocess.run([sys.executable, "-m", "builder", "search-dictionary", "--check"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "committed: " in done.stdout and "from the corpus: " in done.stdout and "chunks pack to" in done.stdout
    assert dictionary.FILE.stat().st_mtime_ns == before.st_mtime_ns
