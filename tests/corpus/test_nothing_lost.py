"""Nothing lost, nothing added: every document keeps every word of its raw span.

For each corpus document, the Chinese characters and digits of its text, in
order, equal those of its part of the raw file once the recorded omissions
(boilerplate, printed table of contents, page markers) are taken out. The
documented normalisations change only punctuation and spaces, so they cannot
make this test pass or fail.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from builder.chinese.charclass import significant
from builder.corpus.load import load_corpus
from builder.corpus.model import Document, parse_range
from tests.conftest import REPO

DOCS = load_corpus(REPO / "corpus").documents


def raw_text_of(doc: Document, seeds: Path) -> str:
    lines = (seeds / doc.meta.source.file).read_text(encoding="utf-8").split("\n")
    first, last = doc.meta.source.line_range
    skipped: set[int] = set()
    for o in doc.meta.source.omitted:
        if o.lines:
            a, b = parse_range(o.lines)
            skipped.update(range(a, b + 1))
    out = []
    for n in range(first, last + 1):
        if n in skipped:
            continue
        line = lines[n - 1]
        for o in doc.meta.source.omitted:
            if o.line == n and o.text:
                assert o.text in line, f"omitted text {o.text!r} not on raw line {n}"
                line = line.replace(o.text, "", 1)
        out.append(line)
    text = "\n".join(out)
    for c in doc.meta.source.corrections:
        assert c.raw in text, f"{doc.path}: correction {c.raw!r} matches nothing in the raw span"
        text = text.replace(c.raw, c.corrected, 1)
    return text


def document_text(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


def test_the_corpus_holds_the_fourteen_seed_documents():
    assert len(DOCS) == 14


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_chinese_characters_and_digits_are_those_of_the_raw_span(doc, seeds):
    raw, ours = significant(raw_text_of(doc, seeds)), significant(document_text(doc))
    if raw != ours:
        i = next((k for k, (a, b) in enumerate(zip(raw, ours, strict=False)) if a != b),
                 min(len(raw), len(ours)))
        pytest.fail(f"{doc.path}: text differs from the raw span at character {i}: "
                    f"raw …{raw[max(0, i - 15): i + 15]}… corpus …{ours[max(0, i - 15): i + 15]}…")


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_source_records_the_raw_file_hash(doc, seeds):
    data = (seeds / doc.meta.source.file).read_bytes()
    assert doc.meta.source.sha256 == hashlib.sha256(data).hexdigest()


def test_a_recorded_correction_is_applied_to_the_raw_text(tmp_path, seeds):

    from builder.corpus.parse import read_document

    src = REPO / "corpus" / "documents" / "xiaoyi-2021-gongzuobaogao-zhaiyao.md"
    path = tmp_path / src.name
    text = src.read_text(encoding="utf-8").replace("极不平凡的五年", "极不寻常的五年", 1)
    text = text.replace("  lines: 3-188\n", "  lines: 3-188\n  corrections:\n"
                        "  - {raw: 极不平凡的五年, corrected: 极不寻常的五年, reason: 测试}\n", 1)
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert significant(raw_text_of(doc, seeds)) == significant(document_text(doc))
