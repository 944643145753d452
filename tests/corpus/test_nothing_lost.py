"""Nothing lost, nothing added: every document says what its raw span says.

The comparison is ``builder.fidelity`` (the one ``builder check`` runs): every
character of the edition, punctuation included, against its raw span in
``sources/``, under the documented folding rules and the recorded
corrections. A second, independent view checks the Chinese characters and
digits alone, in order, so a fault in the folding rules cannot hide a lost word.
"""

from __future__ import annotations

import hashlib

import pytest

from builder.chinese.charclass import significant
from builder.corpus.load import load_corpus
from builder.corpus.model import Document
from builder.corpus.parse import read_document
from builder.corpus.sources import RawFile
from builder.fidelity.align import Alignment, align
from tests.conftest import REPO, SOURCES

DOCS = load_corpus(REPO / "corpus").documents


def alignment(doc: Document, sources=SOURCES) -> Alignment:
    return align(doc, RawFile(sources / doc.meta.source.file))


def differences(doc: Document, sources=SOURCES) -> list[str]:
    """Every unexplained difference and correction problem, as ``builder check`` words them."""
    al = alignment(doc, sources)
    return [p.message for p in al.raw.problems] + [f"{doc.blocks[d.block].anchor}: {d.excerpt()}"
                                                  for d in al.differences]


def test_the_corpus_holds_the_fourteen_seed_documents():
    assert len(DOCS) == 14


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_every_character_is_that_of_the_raw_span(doc):
    assert differences(doc) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_chinese_characters_and_digits_are_those_of_the_raw_span(doc):
    al = alignment(doc)
    raw, ours = significant(al.raw.text), significant("".join(b.plain_text for b in doc.blocks))
    if raw != ours:
        i = next((k for k, (a, b) in enumerate(zip(raw, ours, strict=False)) if a != b),
                 min(len(raw), len(ours)))
        pytest.fail(f"{doc.path}: text differs from the raw span at character {i}: "
                    f"raw …{raw[max(0, i - 15): i + 15]}… corpus …{ours[max(0, i - 15): i + 15]}…")


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_source_records_the_raw_file_hash(doc):
    data = (SOURCES / doc.meta.source.file).read_bytes()
    assert doc.meta.source.sha256 == hashlib.sha256(data).hexdigest()


def test_a_recorded_correction_is_applied_to_the_raw_text(tmp_path):
    src = REPO / "corpus" / "documents" / "xiaoyi-2021-gongzuobaogao-zhaiyao.md"
    path = tmp_path / src.name
    text = src.read_text(encoding="utf-8").replace("极不平凡的五年", "极不寻常的五年", 1)
    path.write_text(text, encoding="utf-8")
    assert any("极不[平凡→寻常]的五年" in d for d in differences(read_document(path)))
    text = text.replace("  lines: 3-188\n", "  lines: 3-188\n  corrections:\n"
                        "  - {raw: 极不平凡的五年, corrected: 极不寻常的五年, reason: 测试}\n", 1)
    path.write_text(text, encoding="utf-8")
    assert differences(read_document(path)) == []
