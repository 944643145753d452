"""The extractor against the hand-checked statements (tests/indicators/checked_statements.yml)."""

from __future__ import annotations

from pathlib import Path

from builder.corpus.load import load_corpus
from builder.indicators import evaluate as ev
from builder.indicators import extract_corpus

REPO = Path(__file__).resolve().parents[2]


def test_precision_and_recall_on_the_checked_statements() -> None:
    records = extract_corpus(load_corpus(REPO / "corpus"))
    path = REPO / "tests" / "indicators" / "checked_statements.yml"
    score = ev.evaluate(records, ev.load_checked(path), covered=ev.load_covered(path))
    assert score.statements > 250
    assert score.precision >= 0.95, [r for r in score.wrong]
    assert score.recall >= 0.90, score.missed


def test_every_quote_is_verbatim_in_its_block_and_records_are_unique() -> None:
    corpus = load_corpus(REPO / "corpus")
    records = extract_corpus(corpus)
    for r in records:
        doc = corpus.by_id(r.doc_id)
        assert doc is not None
        assert r.quote and r.quote in "\n".join(b.plain_text for b in doc.blocks), r
        assert doc.block_by_anchor(r.anchor) is not None, r
    assert len({r.key for r in records}) == len(records)


def test_precision_and_recall_on_the_independent_statements() -> None:
    """The QA set, annotated from six documents before the extractor was run, quotes checked too."""
    records = extract_corpus(load_corpus(REPO / "corpus"))
    path = REPO / "tests" / "indicators" / "independent_statements.yml"
    score = ev.evaluate(records, ev.load_checked(path), ev.load_quotes(path), ev.load_covered(path))
    assert score.statements > 140
    assert score.precision >= 0.95, [r for r in score.wrong]
    assert score.recall >= 0.90, score.missed


def test_research_fields_on_the_statements_annotated_before_the_extractor_read_them() -> None:
    """tests/indicators/attribute_statements.yml: scope, attribute, cumulative, class, ambiguity, increase, unit."""
    records = extract_corpus(load_corpus(REPO / "corpus"))
    path = REPO / "tests" / "indicators" / "attribute_statements.yml"
    score = ev.evaluate(records, ev.load_checked(path), ev.load_quotes(path), ev.load_covered(path),
                        ev.load_places(path))
    assert score.statements > 60
    assert score.precision >= 0.95, score.wrong
    assert score.recall >= 0.95, score.missed
    accuracy = ev.field_accuracy(records, ev.load_coded(path))
    assert set(accuracy) == {"scope", "attribute", "cumulative", "qclass", "ambiguous", "vkind", "norm"}
    for key, (right, total, diffs) in accuracy.items():
        assert total >= score.found * 0.9, key
        assert right / total >= 0.95, diffs
