"""The glossary files: every entry reads, and a broken one is reported as file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.corpus.errors import CorpusError
from builder.corpus.glossary import Glossary, load_glossary


def write(root: Path, name: str, text: str) -> Path:
    path = root / "glossary" / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(root: Path) -> list[str]:
    with pytest.raises(CorpusError) as exc:
        load_glossary(root)
    return [str(p) for p in exc.value.problems]


def test_the_real_glossary_reads(glossary: Glossary) -> None:
    liuwen = glossary.by_id("liuwen")
    assert liuwen is not None
    assert liuwen.term == "六稳"
    assert liuwen.expansion == "稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期"
    assert liuwen.level == "中央"
    assert liuwen.sources[0].public.startswith("中共中央政治局会议，2018年7月31日")
    assert "liubao" in liuwen.related


def test_surface_forms_are_terms_and_variants_without_quotes_longest_first(glossary: Glossary) -> None:
    forms = glossary.surface_forms()
    assert {"三管三必须", "三管三必管", "双随机一公开", "双随机、一公开"} <= set(forms)
    assert not any(q in f for f in forms for q in "“”‘’「」")
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)


def test_a_cited_corpus_paragraph_names_document_and_anchor(glossary: Glossary) -> None:
    source = glossary.by_id("sanwu").sources[0]
    assert (source.doc_id, source.anchor) == ("lishi-2021-gongzuobaogao", "p-32")


def test_every_entry_has_an_explanation_and_a_source_or_says_unknown(glossary: Glossary) -> None:
    for term in glossary.terms:
        assert term.explanation
        assert term.sources or not term.known, f"{term.id}: an expansion needs a source"


def test_an_unknown_level_is_reported_at_its_line(scratch: Path) -> None:
    path = write(scratch, "sanling", "id: sanling\nterm: 三零\nexpansion: unknown\n"
                                     "explanation: 平安建设。\nlevel: 山西\n")
    assert problems(scratch) == [f"{path}:5: error: level: unknown level '山西'; use 中央, 山西省, a region of "
                                 "corpus/regions.yml (吕梁市, 离石区 …), 通用 or 不详"]


def test_an_expansion_without_a_source_is_refused(scratch: Path) -> None:
    path = write(scratch, "sanling", "id: sanling\nterm: 三零\nexpansion: 零上访、零事故、零案件\n"
                                     "explanation: 平安建设。\nlevel: 山西省\n")
    assert problems(scratch) == [f"{path}:3: error: expansion: an expansion without a source; cite the paragraph or "
                                 "public source that spells it out, or write expansion: unknown"]


def test_a_source_without_a_paragraph_anchor_is_refused(scratch: Path) -> None:
    path = write(scratch, "sanling", "id: sanling\nterm: 三零\nexpansion: 零上访、零事故、零案件\n"
                                     "explanation: 平安建设。\nlevel: 山西省\nsources:\n"
                                     "  - doc: lishi-2021-shisiwu-guihua-gangyao\n")
    assert problems(scratch) == [f"{path}:7: error: sources[0].doc: 'lishi-2021-shisiwu-guihua-gangyao' is not of "
                                 "the required form; cite a paragraph as <doc_id>#<anchor>, e.g. "
                                 "lishi-2021-gongzuobaogao#p-54"]


def test_the_id_must_be_the_file_name(scratch: Path) -> None:
    path = write(scratch, "san-ling", "id: sanling\nterm: 三零\nexpansion: unknown\n"
                                      "explanation: 平安建设。\nlevel: 山西省\n")
    found = problems(scratch)
    assert f"{path}:1: error: id 'sanling' differs from the file name san-ling.yml" in found[0]


def test_a_string_belongs_to_one_term(scratch: Path) -> None:
    path = write(scratch, "liuwen-liubao", "id: liuwen-liubao\nterm: 六稳六保\nvariants: [六保]\n"
                                           "expansion: unknown\nexplanation: 六稳和六保。\nlevel: 中央\n")
    assert problems(scratch) == [f"{path}:2: error: '六保' is also a form of liubao; "
                                 "a string belongs to one term: drop it from one of them"]


def test_quotes_around_a_term_are_dropped(scratch: Path) -> None:
    write(scratch, "sanling", "id: sanling\nterm: “三零”\nexpansion: unknown\n"
                              "explanation: 平安建设。\nlevel: 山西省\n")
    assert load_glossary(scratch).by_id("sanling").term == "三零"
