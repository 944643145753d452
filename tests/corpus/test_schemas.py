"""Every corpus file kind has a schema: a bad type, form, length or name is one
``file:line: error: what; what to do`` line of ``builder check``, never a traceback.

Each case breaks one field of one file kind of the fixture corpus (front matter,
``regions.yml``, a glossary entry, ``indicators.yml``, ``indicator_corrections.yml``)
and names the line the problem must be reported at.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.commands.check import collect_problems
from tests.conftest import REPO
from tests.corpus.conftest import DOC, edit

GLOSSARY = "glossary/sanling.yml"
TERM = ("id: sanling\nterm: 三零\nvariants: []\nrelated: []\nsenses:\n- key: main\n  expansion: unknown\n"
        "  explanation: 平安建设中的提法。\n  level: 吕梁市\n  confidence: medium\n  evidence:\n    level:\n"
        "    - inference: 只见于吕梁。\n")
INDICATORS = "indicators.yml"
VOCABULARY = ("indicators:\n  - id: gdp\n    name: 地区生产总值\n    synonyms: [GDP]\n    units: [亿元]\n"
              "    measure: amount\n    category: 经济总量\n")
CORRECTIONS = "indicator_corrections.yml"
CORRECTION = ("corrections:\n  - action: add\n    doc: lishi-2021-gongzuobaogao\n    anchor: p-4\n"
              "    indicator: gdp\n    set: {kind: target, period: '2099', quote: 各位代表}\n    reason: 原文如此。\n")


def put(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def replace_in(root: Path, rel: str, old: str, new: str) -> Path:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def errors(root: Path) -> list[str]:
    return [str(p) for p in collect_problems(root) if p.severity == "error"]


@pytest.fixture
def corpus(corpus_copy: Path) -> Path:
    """The fixture corpus with one glossary entry, a vocabulary and one correction."""
    put(corpus_copy, GLOSSARY, TERM)
    put(corpus_copy, INDICATORS, VOCABULARY)
    put(corpus_copy, CORRECTIONS, CORRECTION)
    return corpus_copy


def test_the_extended_fixture_is_clean(corpus: Path) -> None:
    assert errors(corpus) == []


# (file, old, new, line, words in the message): one field broken per case.
CASES: dict[str, tuple[str, str, str, int, str]] = {
    # front matter
    "date that is no date": (DOC, "date: 2021-04-12", "date: 2021-13-45", 11, "date: '2021-13-45' is no calendar date"),
    "date written otherwise": (DOC, "date: 2021-04-12", "date: 12.4.2021", 11, "not written YYYY-MM-DD"),
    "year as text": (DOC, "year: 2021", "year: 二〇二一", 5, "year: input should be a valid integer"),
    "year out of range": (DOC, "year: 2021", "year: 3021", 5, "year: input should be less than or equal to 2100"),
    "unknown doc_type": (DOC, "doc_type: 政府工作报告", "doc_type: 报告", 4, "doc_type: input should be"),
    "id not a slug": (DOC, "id: lishi-2021-gongzuobaogao", "id: Lishi_2021", 2, "id: 'Lishi_2021' is not of the"),
    "region_code unquoted": (DOC, "region_code: '141102'", "region_code: 141102", 7, "region_code: input should be"),
    "region_code with a backtick": (DOC, "region_code: '141102'", "region_code: '14110`'", 7, "backtick"),
    "completeness note a number": (DOC, "note: 测试用节选：只保留报告开头几段。", "note: 5", 17,
                                   "completeness.note: input should be a valid string"),
    "excerpt without a note": (DOC, "note: 测试用节选：只保留报告开头几段。", "note: null", 16,
                               "an excerpt needs a note"),
    "omitted not a list": (DOC, "lines: 1-23", "lines: 1-23\n  omitted: 5", 22, "source.omitted: input should be"),
    "omitted entry incomplete": (DOC, "lines: 1-23", "lines: 1-23\n  omitted:\n  - reason: 目录", 23,
                                 "needs lines, or line and text"),
    "sha256 not hex": (DOC, "sha256: d8137c5c", "sha256: d813`x`7c5c", 20, "backtick"),
    "sha256 too short": (DOC, "sha256: d8137c5c6f2dbdcec05e1bcd2e6f4d87c5684d9e909ce2692f95524712a9b2cc",
                         "sha256: d8137c5c", 20, "source.sha256: 'd8137c5c' is not of the required form"),
    "source file with a folder": (DOC, "file: mini-lishi.txt", "file: ../../etc/passwd", 19,
                                  "source.file: '../../etc/passwd' is not of the required form"),
    "source lines not a range": (DOC, "lines: 1-23", "lines: first", 21, "source.lines: 'first' is not of the"),
    "title too long": (DOC, "title: 吕梁市离石区2021年政府工作报告", "title: " + "长" * 201, 3,
                       "title: string should have at most 200 characters"),
    "unknown key": (DOC, "speaker_title: 区长", "speaker_title: 区长\nx: 1", 15, "x: is not a field of this file"),
    "spoofing key": (DOC, "speaker_title: 区长", 'speaker_title: 区长\n"x\\n<!--": 1', 15, "the key: invisible"),
    "missing field": (DOC, "speaker_title: 区长\n", "", 2, "lacks the field 'speaker_title'"),
    "a key twice": (DOC, "speaker: 李军", "speaker: 李军\nspeaker: 王五", 14, "the key 'speaker' is written twice"),
    "python tag": (DOC, "speaker: 李军", 'speaker: !!python/object/apply:os.system ["true"]', 13, "a YAML tag"),
    "custom tag": (DOC, "speaker: 李军", "speaker: !x 李军", 13, "a YAML tag !x"),
    "anchor and alias": (DOC, "speaker: 李军", "speaker: &a 李军\nspeaker_x: *a", 13, "a YAML anchor &a"),
    # regions.yml
    "region slug with attributes": ("regions.yml", "slug: lvliang}",
                                    'slug: "lvliang autofocus tabindex=0 onfocus=alert(document.domain)"}', 23,
                                    "regions[12].slug: an event-handler attribute"),
    "region slug upward": ("regions.yml", "slug: lvliang}", 'slug: "../../x"}', 23,
                           "regions[12].slug: '../../x' is not of the required form"),
    "region slug dot-dot": ("regions.yml", "slug: lvliang}", 'slug: ".."}', 23, "is not of the required form"),
    "region slug reserved": ("regions.yml", "slug: lvliang}", "slug: data}", 23, "'data' is reserved"),
    "two regions one slug": ("regions.yml", "slug: lishi}", "slug: lvliang}", 24, "slug 'lvliang' is also that of"),
    "region code with a backtick": ("regions.yml", 'code: "141100"', 'code: "1411`0"', 23, "backtick"),
    "region code five digits": ("regions.yml", 'code: "141100"', 'code: "14110"', 23,
                                "regions[12].code: '14110' is not of the required form"),
    "region name with markup": ("regions.yml", "name: 吕梁市,", "name: 吕梁市<img src=x onerror=alert(1)>,", 23,
                                "a <img> tag"),
    "unknown parent": ("regions.yml", "parent: 吕梁市, slug: lishi", "parent: 梁市, slug: lishi", 24,
                       "parent 梁市 is not a listed prefecture city"),
    # glossary
    "glossary expansion entity": (GLOSSARY, "expansion: unknown", 'expansion: "&lt;img src=x onerror=alert(1)&gt;"',
                                  7, "senses[0].expansion: an event-handler attribute"),
    "glossary id index": (GLOSSARY, "id: sanling", "id: index", 1, "'index' is reserved"),
    "glossary level unknown": (GLOSSARY, "level: 吕梁市", "level: 火星", 9, "unknown level '火星'"),
    "glossary term a number": (GLOSSARY, "term: 三零", "term: 30", 2, "term: input should be a valid string"),
    "glossary evidence neither": (GLOSSARY, "    - inference: 只见于吕梁。", "    - {what: x}", 13,
                                  "senses[0].evidence.level[0].what"),
    "glossary related not ids": (GLOSSARY, "related: []", "related: [Liu Wen]", 4, "related[0]: 'Liu Wen'"),
    "glossary match unknown": (GLOSSARY, "related: []", "related: []\nmatch: fuzzy", 5, "match: input should be"),
    "glossary explanation bidi": (GLOSSARY, "explanation: 平安", "explanation: 平\u202e安", 8,
                                  "U+202E RIGHT-TO-LEFT OVERRIDE"),
    "glossary variant zero-width": (GLOSSARY, "variants: []", "variants: [三\u200b零]", 3, "U+200B ZERO WIDTH SPACE"),
    # indicators.yml
    "indicator name markup": (INDICATORS, "name: 地区生产总值", "name: <img src=x onerror=alert(1)>", 3,
                              "indicators[0].name: a <img> tag"),
    "indicator id index": (INDICATORS, "id: gdp", "id: index", 2, "'index' is reserved"),
    "indicator units missing": (INDICATORS, "    units: [亿元]\n", "", 2, "indicators[0].units: is missing"),
    "indicator flow not a bool": (INDICATORS, "measure: amount", "measure: amount\n    flow: 5", 7,
                                  "indicators[0].flow: input should be a valid boolean"),
    "indicator synonym newline in a scheme": (INDICATORS, "synonyms: [GDP]",
                                              'synonyms: ["[x](javas\\ncript:alert(1))"]', 4, "U+000A LINE FEED"),
    "indicator synonym entity in a scheme": (INDICATORS, "synonyms: [GDP]", 'synonyms: ["java&#115;cript:alert(1)"]',
                                             4, "indicators[0].synonyms[0]: a javascript: URL"),
    # indicator_corrections.yml
    "correction quote markup": (CORRECTIONS, "quote: 各位代表}", 'quote: "<img src=x onerror=alert(1)>"}',
                                6, "corrections[0].set.quote: a <img> tag"),
    "correction unknown set field": (CORRECTIONS, "quote: 各位代表}", "quote: 各位代表, colour: red}", 6,
                                     "corrections[0].set.colour: is not a field"),
    "correction anchor": (CORRECTIONS, "anchor: p-4", "anchor: '#p-4'", 4, "corrections[0].anchor: '#p-4'"),
    "correction value text": (CORRECTIONS, "quote: 各位代表}", "quote: 各位代表, value: 很多}", 6,
                              "corrections[0].set.value: input should be a valid number"),
    "correction action": (CORRECTIONS, "action: add", "action: delete", 2, "corrections[0].action: input should be"),
    "correction add incomplete": (CORRECTIONS, "quote: 各位代表}", "quote: null}", 6,
                                  "an added record needs set.quote"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_broken_field_is_one_problem_at_its_line(corpus: Path, name: str) -> None:
    rel, old, new, line, words = CASES[name]
    path = replace_in(corpus, rel, old, new)
    found = errors(corpus)
    assert any(m.startswith(f"{path}:{line}: error: ") and words in m for m in found), found


def test_a_bad_value_never_gives_a_traceback(corpus: Path) -> None:
    """The tracebacks of the issue, all at once, through the command itself."""
    edit(corpus, "date: 2021-04-12", "date: 2021-13-45")
    replace_in(corpus, GLOSSARY, "term: 三零", "term: 2021-13-45")
    put(corpus, "regions.yml", "- just\n- a list\n")
    run = subprocess.run([sys.executable, "-m", "builder", "check", "--corpus", str(corpus)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert f"{corpus / 'regions.yml'}:1: error: the file: input should be a valid dictionary" in run.stdout


def test_a_glossary_file_name_must_be_an_id(corpus: Path) -> None:
    path = put(corpus, 'glossary/x"onclick="alert(1).yml', TERM)
    assert any(m.startswith(f"{path}:1: error: the file name") for m in errors(corpus))


def test_two_documents_with_one_id_are_an_error_naming_both(corpus: Path) -> None:
    first = corpus / DOC
    second = put(corpus, "documents/lishi-2021-copy.md", first.read_text(encoding="utf-8"))
    found = errors(corpus)
    assert any(":2: error: id 'lishi-2021-gongzuobaogao' is already used by" in m
               and str(first) in m and str(second) in m for m in found), found


def test_a_source_file_must_exist_in_sources(corpus: Path) -> None:
    (corpus.parent / "sources" / "mini-lishi.txt").rename(corpus.parent / "sources" / "001_other.txt")
    found = errors(corpus)
    assert any(m.startswith(f"{corpus / DOC}:19: error: source.file: there is no raw file") for m in found), found


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize(("where", "make"), [
    ("front matter", lambda c: edit(c, "speaker: 李军\n", "speaker: 李军\n" + ALIAS_BOMB)),
    ("glossary", lambda c: put(c, GLOSSARY, TERM + ALIAS_BOMB)),
    ("regions", lambda c: replace_in(c, "regions.yml", "regions:\n", ALIAS_BOMB + "regions:\n")),
])
def test_an_alias_bomb_is_refused_at_once(corpus: Path, where: str, make: Callable[[Path], Path]) -> None:
    path = make(corpus)
    found = errors(corpus)
    assert any(m.startswith(f"{path}:") and "a YAML anchor &a" in m for m in found), found


def test_a_huge_document_is_refused_by_size(corpus: Path) -> None:
    path = edit(corpus, "各位代表： {#p-4}", "各位代表。 {#p-4}\n\n" + "很长的段落。" * 1_200_000 + " {#p-900}")
    (msg,) = [m for m in errors(corpus) if m.startswith(f"{path}:")]
    assert msg.startswith(f"{path}:1: error: ") and "more than the limit" in msg


def test_a_huge_yaml_file_is_refused_by_size(corpus: Path) -> None:
    path = put(corpus, INDICATORS, VOCABULARY + "# " + "x" * 300_000 + "\n")
    assert any(m.startswith(f"{path}:1: error: ") and "more than the limit" in m for m in errors(corpus))


def test_deep_nesting_is_refused(corpus: Path) -> None:
    path = put(corpus, CORRECTIONS, "corrections: " + "[" * 200 + "]" * 200 + "\n")
    assert any(m.startswith(f"{path}:1: error: values nested more than") for m in errors(corpus))
