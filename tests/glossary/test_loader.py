"""The glossary files: every entry reads, and a broken one is reported as file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.corpus.errors import CorpusError
from builder.corpus.glossary import Glossary, load_glossary

SENSE = ("senses:\n- key: main\n  expansion: {expansion}\n  explanation: 平安建设。\n  level: {level}\n"
         "  confidence: medium\n")


def write(root: Path, name: str, text: str) -> Path:
    path = root / "glossary" / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def entry(term_id: str = "sanling", term: str = "三零", expansion: str = "unknown", level: str = "不详",
          extra: str = "") -> str:
    return f"id: {term_id}\nterm: {term}\n" + SENSE.format(expansion=expansion, level=level) + extra


def problems(root: Path) -> list[str]:
    with pytest.raises(CorpusError) as exc:
        load_glossary(root)
    return [str(p) for p in exc.value.problems]


def test_the_real_glossary_reads(glossary: Glossary) -> None:
    liuwen = glossary.by_id("liuwen")
    assert liuwen.term == "六稳"
    (sense,) = liuwen.senses
    assert sense.expansion == "稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期"
    assert sense.level == "中央"
    assert sense.evidence.expansion[0].public.startswith("中共中央政治局会议，2018年7月31日")
    assert "liubao" in liuwen.related


def test_surface_forms_are_terms_and_variants_without_quotes_longest_first(glossary: Glossary) -> None:
    forms = glossary.surface_forms()
    assert {"三管三必须", "三管三必管", "双随机一公开", "双随机、一公开", "三个强市", "三强市"} <= set(forms)
    assert not any(q in f for f in forms for q in "“”‘’「」")
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)


def test_a_corpus_evidence_names_document_anchor_and_quote(glossary: Glossary) -> None:
    e = glossary.by_id("sanwu").senses[0].evidence.expansion[0]
    assert (e.type, e.doc_id, e.anchor) == ("corpus", "lishi-2021-gongzuobaogao", "p-32")
    assert e.quote.startswith("扎实推进“三无”创建")


def test_every_known_sense_has_evidence_and_every_public_source_a_date(glossary: Glossary) -> None:
    for term in glossary.terms:
        for s in term.senses:
            assert s.explanation
            assert s.evidence.expansion or not s.known, f"{term.id}/{s.key}"
            assert s.evidence.level or s.level == "不详", f"{term.id}/{s.key}"


EVIDENCE = "  evidence:\n    expansion:\n"


@pytest.mark.parametrize("text, line, message", [
    (entry(level="山西"), 7, "senses[0].level: unknown level '山西'"),
    (entry(expansion="零上访、零事故、零案件"), 5, "senses[0].expansion: an expansion without evidence"),
    (entry(extra=EVIDENCE + "    - corpus: lishi-2021-gongzuobaogao#p-32\n"), 11,
     "senses[0].evidence.expansion[0]: corpus evidence names a paragraph"),  # and quotes it
    (entry(extra=EVIDENCE + "    - public: 某某文件\n"), 11,
     "senses[0].evidence.expansion[0]: public source '某某文件' has no date"),
], ids=["unknown level", "expansion without evidence", "corpus evidence without quote", "undated public source"])
def test_a_broken_sense_is_reported_at_its_line(scratch: Path, text: str, line: int, message: str) -> None:
    path = write(scratch, "sanling", text)
    (found,) = problems(scratch)
    assert found.startswith(f"{path}:{line}: error: {message}")


def test_an_inference_alone_cannot_be_high_confidence(scratch: Path) -> None:
    text = entry(level="山西省", extra="  evidence:\n    level:\n    - inference: 多个市都用。\n")
    path = write(scratch, "sanling", text.replace("confidence: medium", "confidence: high"))
    (found,) = problems(scratch)
    assert "confidence high with only an inference for the level" in found
    assert found.startswith(f"{path}:8: error: senses[0].confidence:")


def test_the_id_must_be_the_file_name(scratch: Path) -> None:
    path = write(scratch, "san-ling", entry())
    found = problems(scratch)
    assert f"{path}:1: error: id 'sanling' differs from the file name san-ling.yml" in found[0]


def test_a_string_belongs_to_one_term(scratch: Path) -> None:
    path = write(scratch, "liuwen-liubao", entry("liuwen-liubao", "六稳六保").replace(
        "term: 六稳六保\n", "term: 六稳六保\nvariants: [六保]\n"))
    assert problems(scratch) == [f"{path}:2: error: '六保' is also a form of liubao; "
                                 "a string belongs to one term: drop it from one of them"]


def test_quotes_around_a_term_are_dropped(scratch: Path) -> None:
    write(scratch, "sanling", entry(term="“三零”"))
    assert load_glossary(scratch).by_id("sanling").term == "三零"
