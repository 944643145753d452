"""The index finds every unit that contains a phrase: candidates are never fewer than the truth."""

import itertools
import json

import pytest

import builder.search.index as index_module
from builder.search.index import (
    CHUNK_UNITS,
    MANIFEST,
    base36,
    decode_gaps,
    encode_gaps,
    fnv1a,
    grams,
)
from builder.search.normalise import fold
from builder.search.packed import read
from builder.search.queries import random_substrings


class Index:
    """Reads the index files the way search/index.js does."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.manifest = json.loads(files[MANIFEST])

    def postings(self, gram: str) -> list[int]:
        h = fnv1a(gram)
        shard = read(self.files, f"search/g/{h % self.manifest['shards']}.txt")
        for line in shard.splitlines():
            g, df, post = line.split("\t")
            if g == gram:
                if not post.startswith("@"):
                    ids = decode_gaps(post)
                else:
                    ranges = [int(k, 36) for k in post.split(":")[1].split(",")]
                    ids = [i for k in ranges for i in decode_gaps(read(self.files, f"search/p/{h:08x}-{k}.txt"))]
                assert len(ids) == int(df)
                return ids
        return []

    def candidates(self, term: str) -> set[int]:
        cps = list(term)
        gs = cps if len(cps) == 1 else [a + b for a, b in itertools.pairwise(cps)]
        out = set(self.postings(gs[0]))
        for g in gs[1:]:
            out &= set(self.postings(g))
        return out

    def unit(self, uid: int) -> list:
        chunk = json.loads(read(self.files, f"search/t/{uid // CHUNK_UNITS}.json"))
        return chunk["u"][uid % CHUNK_UNITS]


@pytest.fixture(scope="module")
def index(index_files):
    return Index(index_files)


@pytest.fixture(scope="module")
def units(documents):
    """(unit id, unit) of every unit, numbered as the index numbers them."""
    return index_module.all_units(documents)[0]


def test_fnv1a_is_the_standard_32_bit_hash_search_index_js_computes():
    assert fnv1a("a") == 0xE40C292C


def test_postings_are_gaps_in_letters_each_ending_in_a_lower_case_one():
    assert encode_gaps([12, 13, 16]) == "mbd"
    assert encode_gaps([25, 26 + 25, 26 + 25 + 26 * 26]) == "zBaBAa"
    ids = [0, 1, 700, 18_000, 600_000, 600_001]
    assert decode_gaps(encode_gaps(ids)) == ids


def test_range_numbers_are_base36():
    assert base36(35) == "z" and base36(36) == "10" and base36(36 ** 2) == "100"


def test_grams_are_characters_and_adjacent_pairs_without_whitespace():
    assert grams("三零 单位") == {"三", "零", "单", "位", "三零", "单位"}


def test_every_unit_holding_a_slogan_is_a_candidate(index, units):
    truth = {uid for uid, u in units if "三零" in u.text}
    assert len(truth) > 12
    assert index.candidates("三零") == truth


def test_random_phrases_of_the_seeds_are_never_missed(index, units, documents):
    for phrase in random_substrings(documents, 60, seed=11):
        term = fold(phrase)
        truth = {uid for uid, u in units if term in fold(u.text)}
        assert truth <= index.candidates(term), phrase


def test_a_long_posting_list_is_written_apart_in_pages_cut_at_unit_ranges(monkeypatch, units):
    """At 14 documents every list fits its shard; from about 100 on, 的 and 发展 do not."""
    monkeypatch.setattr(index_module, "INLINE_BYTES", 300)
    monkeypatch.setattr(index_module, "PAGE_BYTES", 300)
    monkeypatch.setattr(index_module, "RANGE_UNITS", 128)
    files, shards = index_module.in_memory_gram_files(index_module.postings(units))
    reader = Index({**files, MANIFEST: json.dumps({"shards": shards})})
    for gram in ("的", "发展"):
        shard = read(files, f"search/g/{fnv1a(gram) % shards}.txt")
        line = next(x for x in shard.splitlines() if x.startswith(gram + "\t"))
        shift, ranges = line.split("\t")[2][1:].split(":")
        span = 128 << int(shift)
        for k in ranges.split(","):  # every page holds only units of its own range
            page = decode_gaps(read(files, f"search/p/{fnv1a(gram):08x}-{int(k, 36)}.txt"))
            assert all(u // span == int(k, 36) for u in page)
        assert len(ranges.split(",")) > 2
        assert reader.postings(gram) == [uid for uid, u in units if gram in u.text]


def test_a_unit_is_found_in_its_chunk_with_its_permalink(index, documents):
    doc = next(d for d in documents if d.id == "wenxi-2021-gongzuobaogao")
    block = next(b for b in doc.paragraphs if "151.5亿元" in b.plain_text)
    rows = [index.unit(uid) for uid in index.candidates("151.5亿元")]
    assert [block.anchor, block.plain_text] in [[r[1], r[4]] for r in rows]
    first_unit = index.manifest["docs"][documents.index(doc)][0]
    assert index.unit(first_unit)[4] == doc.meta.title


def test_the_manifest_knows_each_documents_region_type_and_year(index, documents):
    m = index.manifest
    for doc, (_, region, doc_type, year) in zip(documents, m["docs"], strict=True):
        assert m["regions"][region][0] == doc.meta.region
        assert m["types"][doc_type] == doc.meta.doc_type
        assert year == doc.meta.year


def test_a_documents_unit_ids_do_not_depend_on_the_documents_before_it(documents):
    """Stable ranges: a paragraph added to one document leaves every other document's ids."""
    _, first, _ = index_module.all_units(documents)
    longer = [documents[0], *documents[1:]]
    longer[0] = type(documents[0])(documents[0].path, documents[0].meta,
                                   [*documents[0].blocks, documents[0].paragraphs[0]])
    numbered, first_after, _ = index_module.all_units(longer)
    assert first_after == first
    before = {uid: (u.doc, u.anchor) for uid, u in index_module.all_units(documents)[0] if u.doc > 0}
    assert {uid: (u.doc, u.anchor) for uid, u in numbered if u.doc > 0} == before
