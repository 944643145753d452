"""Each block of the edition maps to the exact raw characters it was made from.

The mapping (``Alignment.block_span``) is what the site's "原文" links and
source pages show, so it is checked on every block of every document, by a
view independent of how it is computed: the raw characters of a block's
range hold exactly the block's Chinese characters and digits, and the
ranges follow each other through the raw file without overlapping.
"""

from __future__ import annotations

import itertools

import pytest

from builder.chinese.charclass import significant
from builder.corpus.model import Document
from tests.corpus.test_nothing_lost import DOCS, alignment


def raw_of_block(doc: Document, text: str, span: tuple[int, int]) -> str:
    """The raw characters of a range, without the recorded omissions inside it."""
    chunk = text[span[0]:span[1]]
    for o in doc.meta.source.omitted:
        if o.text:
            chunk = chunk.replace(o.text, "")
    return chunk


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_every_block_maps_to_raw_characters_holding_exactly_its_words(doc):
    al = alignment(doc)
    for b, block in enumerate(doc.blocks):
        span = al.block_span(b)
        assert span is not None, f"{doc.id} block {b} ({block.anchor or 'table'}) has no raw range"
        assert significant(raw_of_block(doc, al.raw.file_text, span)) == significant(block.plain_text), \
            f"{doc.id} {block.anchor or f'table {b}'}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_the_ranges_follow_each_other_inside_the_span(doc):
    al = alignment(doc)
    first, last = doc.meta.source.line_range
    spans = [al.block_span(b) for b in range(len(doc.blocks))]
    assert al.raw.line_col(spans[0][0])[0] >= first and al.raw.line_col(spans[-1][1] - 1)[0] <= last
    for (_a, z), (b, _y) in itertools.pairwise(spans):
        assert z <= b


def test_a_flattened_report_maps_to_character_ranges_of_its_one_line():
    doc = next(d for d in DOCS if d.id == "wenxi-2021-gongzuobaogao")
    al = alignment(doc)
    lines = {al.raw.line_col(s)[0] for s, _e in filter(None, map(al.block_span, range(len(doc.blocks))))}
    assert lines == {3}  # every block on raw line 3, each its own range
    p12 = al.block_span(next(k for k, b in enumerate(doc.blocks) if b.anchor == "p-12"))
    assert al.raw.file_text[p12[0]:p12[1]].startswith("七是三大攻坚成果丰硕。")
