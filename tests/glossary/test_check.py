"""``builder check`` on the glossary: clean on the real corpus, file:line on a broken one."""

from __future__ import annotations

from pathlib import Path

from builder.checks.glossary import check_glossary
from builder.corpus.load import Corpus, load_corpus


def test_the_real_glossary_is_clean(corpus: Corpus) -> None:
    assert [str(p) for p in check_glossary(corpus)] == []


def test_a_source_citing_a_missing_paragraph_is_an_error(scratch: Path) -> None:
    path = scratch / "glossary" / "sanwu.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("lishi-2021-gongzuobaogao#p-32",
                                                             "lishi-2021-gongzuobaogao#p-999"), encoding="utf-8")
    found = [p for p in check_glossary(load_corpus(scratch)) if p.severity == "error"]
    assert [str(p) for p in found] == [
        f"{path}:7: error: source lishi-2021-gongzuobaogao#p-999 is no paragraph of the corpus; "
        "cite an existing <doc_id>#<anchor> (see the ¶ link on the site)"]


def test_a_slogan_in_two_documents_without_an_entry_is_a_warning(scratch: Path) -> None:
    (scratch / "glossary" / "sizao.yml").unlink()
    (scratch / "glossary" / "sifang-zeren.yml").write_text(
        (scratch / "glossary" / "sifang-zeren.yml").read_text(encoding="utf-8").replace(", sizao", "")
        .replace("[sizao]", "[]"), encoding="utf-8")
    found = [str(p) for p in check_glossary(load_corpus(scratch))]
    assert len(found) == 1
    assert "warning: “四早” is used as a slogan 2 time(s) in 2 document(s) (lishi-2021-gongzuobaogao, " \
           "shuozhou-2021-gongzuobaogao) and has no entry" in found[0]
    assert found[0].startswith(str(scratch / "documents"))


def test_an_unknown_related_term_is_an_error(scratch: Path) -> None:
    path = scratch / "glossary" / "liuwen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("related: [liubao, liuxin]",
                                                             "related: [liubao, liuxin, liuwen-liubao]"),
                    encoding="utf-8")
    found = [str(p) for p in check_glossary(load_corpus(scratch))]
    assert found == [f"{path}:8: error: related term 'liuwen-liubao' does not exist; "
                     "use the id of a file in corpus/glossary/"]
