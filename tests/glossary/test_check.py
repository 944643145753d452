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
        f"{path}:12: error: source lishi-2021-gongzuobaogao#p-999 is no paragraph of the corpus; "
        "cite an existing <doc_id>#<anchor> (see the ¶ link on the site)"]


def test_a_quote_the_cited_paragraph_does_not_say_is_an_error(scratch: Path) -> None:
    path = scratch / "glossary" / "sanwu.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("扎实推进“三无”创建", "扎实推进“三零”创建"),
                    encoding="utf-8")
    found = [str(p) for p in check_glossary(load_corpus(scratch)) if p.severity == "error"]
    assert len(found) == 1 and found[0].startswith(f"{path}:12: error: the quote is not in "
                                                   "lishi-2021-gongzuobaogao#p-32")


def test_a_paragraph_rule_on_a_paragraph_without_the_term_is_an_error(scratch: Path) -> None:
    path = scratch / "glossary" / "wuge-yipi.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("paragraphs: [jingle-2021-gongzuobaogao#p-5]",
                                                             "paragraphs: [jingle-2021-gongzuobaogao#p-6]"),
                    encoding="utf-8")
    found = [str(p) for p in check_glossary(load_corpus(scratch)) if p.severity == "error"]
    assert found == [f"{path}:25: error: jingle-2021-gongzuobaogao#p-6 does not use 五个一批; list only paragraphs "
                     "where the term occurs (a stale rule assigns nothing)"]


def test_a_slogan_in_two_documents_without_an_entry_is_a_warning(scratch: Path) -> None:
    (scratch / "glossary" / "sizao.yml").unlink()
    (scratch / "glossary" / "sifang-zeren.yml").write_text(
        (scratch / "glossary" / "sifang-zeren.yml").read_text(encoding="utf-8").replace(", sizao", "")
        .replace("[sizao]", "[]"), encoding="utf-8")
    found = [str(p) for p in check_glossary(load_corpus(scratch))]
    assert len(found) == 1
    assert "warning: “四早” is used 2 time(s) in 2 document(s) (lishi-2021-gongzuobaogao, " \
           "shuozhou-2021-gongzuobaogao) and has no entry" in found[0]
    assert found[0].startswith(str(scratch / "documents"))


def test_an_unknown_related_term_is_an_error(scratch: Path) -> None:
    path = scratch / "glossary" / "liuwen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("related: [liubao, liuxin]",
                                                             "related: [liubao, liuxin, liuwen-liubao]"),
                    encoding="utf-8")
    found = [str(p) for p in check_glossary(load_corpus(scratch))]
    assert found == [f"{path}:3: error: related term 'liuwen-liubao' does not exist; "
                     "use the id of a file in corpus/glossary/"]
