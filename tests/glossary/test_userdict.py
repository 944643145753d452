"""The jieba user dictionary: a slogan and a region name come out of jieba as one word."""

from __future__ import annotations

from pathlib import Path

import pytest
from jieba import Tokenizer

from builder.chinese.userdict import load_tokenizer, user_words, write_userdict
from builder.corpus.load import Corpus


@pytest.fixture(scope="module")
def tokenizer(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    return load_tokenizer(write_userdict(user_words(corpus), tmp_path_factory.mktemp("jieba") / "userdict.txt"))


def words(tok: Tokenizer, text: str) -> list[str]:
    return list(tok.cut(text, HMM=False))


def test_the_dictionary_holds_terms_regions_and_indicators(corpus: Corpus) -> None:
    found = set(user_words(corpus))
    assert {"四为四高两同步", "三管三必管", "离石区", "临县", "山西省", "地区生产总值"} <= found
    assert not any(q in w for w in found for q in "“”")


def test_a_provincial_slogan_is_one_word(tokenizer: Tokenizer) -> None:
    # lishi-2021-shisiwu-guihua-gangyao#p-23: 省委“四为四高两同步”总体思路要求
    assert "四为四高两同步" in words(tokenizer, "按照省委四为四高两同步总体思路要求")


def test_a_slogan_stays_whole_although_its_parts_are_words(tokenizer: Tokenizer) -> None:
    # lishi-2021-gongzuobaogao#p-40: 加快发展“三新五大”产业 (三新 and 五大 are terms too)
    assert words(tokenizer, "加快发展三新五大产业")[:3] == ["加快", "发展", "三新五大"]


def test_a_county_name_is_one_word(tokenizer: Tokenizer) -> None:
    assert words(tokenizer, "离石区深入开展三无创建")[:2] == ["离石区", "深入开展"]


def test_six_stabilities_six_guarantees_is_one_word_when_listed_after_its_parts(tmp_path: Path) -> None:
    tok = load_tokenizer(write_userdict(["六稳六保", "六稳", "六保"], tmp_path / "userdict.txt"))
    assert "六稳六保" in words(tok, "全面落实六稳六保任务")
    assert (tmp_path / "userdict.txt").read_text(encoding="utf-8") == "六保\n六稳\n六稳六保\n"
