"""The glossary (``corpus/glossary/<id>.yml``): typed model and loader.

One YAML file per term, named after its id, so that two contributors adding
two slogans never edit the same file. A term has one or more *senses*: the
same string can name different programmes in different reports (五个一批 is
the poverty-relief list in 离石区's plan, a forestry programme in 静乐县 and a
culture programme in 孝义市). A file looks like::

    id: wuge-yipi
    term: 五个一批
    variants: []                  # other spellings met in the text (no quotes needed)
    kind: numbered                # numbered (a slogan that counts) | phrase (转型出雏型)
    pinyin: wǔ gè yī pī           # optional: pypinyin's reading is used when absent
    english:                      # optional: only an established rendering, with its source
      text: …
      source: <title>，<date>
    match: text                   # text (default) | quoted: see ``Term.match``
    related: [liangbuchou-sanbaozhang]
    gaps: [静乐县报告的注释⑦未能采集]   # what the sources leave out, shown as such
    unassigned: [jingle-2021-gongzuobaogao#p-5]   # occurrences the text leaves open
    senses:
      - key: tuopin                 # stable within the term: #sense-tuopin on the page
        expansion: 发展生产脱贫一批、…  # or ``unknown``: never guess
        explanation: …
        level: 中央                 # 中央 | 山西省 | a region of regions.yml | 通用 | 不详
        confidence: high            # high | medium | low
        evidence:
          expansion:
            - public: 中共中央、国务院《关于打赢脱贫攻坚战的决定》，2015年11月29日
          level:
            - corpus: lishi-2021-shisiwu-guihua-gangyao#p-13
              quote: 以“六个精准”、“五个一批”脱贫攻坚战略为指引
            - inference: 只见于吕梁市所属区县的文件……   # reasoning, shown as an inference
        paragraphs: [lishi-2021-shisiwu-guihua-gangyao#p-13]   # occurrences of this sense
        context: [脱贫]             # or: a sentence matching one of these patterns
        default: false              # true: every occurrence no rule assigns

Evidence is the sense's sources: ``corpus`` cites a paragraph and quotes the
words that spell the claim out (``builder check`` verifies the quote is in
that paragraph), ``public`` names a source outside the corpus with its date,
``inference`` gives the reasoning and is printed as an inference. An
inference alone never makes a sense ``high`` confidence.

Problems are reported as ``file:line: what; what to do`` (``Problem``), the
line being the one of the offending key, so a broken pull request is fixed
by reading one line. Cross-checks that need the documents (a cited
paragraph exists, a quote is in it, a paragraph rule names a paragraph
using the term) live in ``builder.checks.glossary``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from builder.corpus import yamlsafe
from builder.corpus.errors import CorpusError, Problem
from builder.corpus.load import REGIONS_FILE
from builder.corpus.regions import RegionIndex, load_regions
from builder.corpus.schema import RESERVED_NAMES, SLUG_PATTERN, FieldProblem, Model, Slug, Text, reserved, validate

GLOSSARY_DIR = "glossary"
#: Levels above the regions of ``regions.yml`` (中央, 山西省), and two for terms no
#: single level set: 通用, a common expression (“最后一公里”, “店小二”), and 不详,
#: a slogan whose originator the corpus and the named sources do not tell.
UPPER_LEVELS = ("中央", "山西省")
OTHER_LEVELS = ("通用", "不详")
FIXED_LEVELS = UPPER_LEVELS + OTHER_LEVELS
UNKNOWN = "unknown"
MATCH_MODES = ("text", "quoted")
KINDS = ("numbered", "phrase")
CONFIDENCE = ("high", "medium", "low")
#: Opening and closing quotes a slogan may stand in (“六稳”, ‘六保’, 「三零」, 『三无』).
QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
#: A glossary entry is a few kilobytes; the limit leaves room for many senses.
MAX_TERM_BYTES = 32 * 1024
#: A public source is *dated*: it names a year (2018年, 2020年12月16日).
_DATED_RE = re.compile(r"(19|20)\d\d年")
_LEVEL_HINT = "use 中央, 山西省, a region of corpus/regions.yml (吕梁市, 离石区 …), 通用 or 不详"


def strip_quotes(text: str) -> str:
    """``“六稳”`` -> ``六稳``: a form is written without the quotes it stands in."""
    for left, right in QUOTES:
        text = text.replace(left, "").replace(right, "")
    return text.strip()


def _list(value: object) -> object:
    """A list key left empty (null) is the empty list."""
    return [] if value is None else value


def _pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise FieldProblem(f"context pattern {value!r} is no regular expression ({exc})",
                           "write a plain phrase (单位创建) or a valid regular expression") from None
    return value


def split_ref(ref: str) -> tuple[str, str | None]:
    """``lishi-2021-gongzuobaogao#p-54`` -> (doc id, anchor); a bare doc id has no anchor."""
    doc, _, anchor = ref.partition("#")
    return doc, anchor or None


_DOC = r"[a-z0-9]+(-[a-z0-9]+)*"
_ANCHOR = r"#[a-z]+-[0-9]+(-[0-9]+)*"
#: ``lishi-2021-gongzuobaogao#p-54``: a document id and one of its anchors.
DocRef = Annotated[str, Field(pattern=f"^{_DOC}{_ANCHOR}$", max_length=120)]
#: An assignment rule's target: a paragraph, or a whole document (every occurrence in it).
DocOrParagraph = Annotated[str, Field(pattern=f"^{_DOC}({_ANCHOR})?$", max_length=120)]
Form = Annotated[Text(40), AfterValidator(strip_quotes)]
Pattern = Annotated[Text(200), AfterValidator(_pattern)]
Items = BeforeValidator(_list)


class Evidence(Model):
    """One piece of evidence: a quoted paragraph, a named dated source, or an inference."""

    corpus: DocRef | None = Field(None, description="cite a paragraph as <doc_id>#<anchor> and quote it (quote: …)")
    quote: Text(500) | None = Field(None, description="copy the words of the paragraph that spell the claim out")
    public: Text(300) | None = Field(None, description="name a public source with its title and date")
    inference: Text(1000) | None = Field(None, description="give the reasoning; it is shown as an inference")

    @model_validator(mode="after")
    def _one_kind(self) -> Evidence:
        kinds = [k for k in ("corpus", "public", "inference") if getattr(self, k)]
        if len(kinds) != 1:
            raise FieldProblem("evidence is one of corpus (with quote), public or inference",
                               "write {corpus: <doc_id>#<anchor>, quote: …}, {public: <title>，<date>} "
                               "or {inference: <the reasoning>}")
        if self.corpus and not self.quote:
            raise FieldProblem("corpus evidence names a paragraph (<doc_id>#p-N) and quotes the words that spell "
                               "it out", "add quote: … with the paragraph's words")
        if self.quote and not self.corpus:
            raise FieldProblem("a quote belongs to corpus evidence", "add corpus: <doc_id>#<anchor>")
        if self.public and not _DATED_RE.search(self.public):
            raise FieldProblem(f"public source {self.public!r} has no date",
                               "name the source with its date (…，2018年7月31日)")
        return self

    @property
    def type(self) -> str:
        return "corpus" if self.corpus else "public" if self.public else "inference"

    @property
    def doc_id(self) -> str | None:
        return split_ref(self.corpus)[0] if self.corpus else None

    @property
    def anchor(self) -> str | None:
        return split_ref(self.corpus)[1] if self.corpus else None


class SenseEvidence(Model):
    expansion: Annotated[list[Evidence], Items] = Field(default_factory=list, max_length=30,
                                                        description="the evidence for the expansion")
    level: Annotated[list[Evidence], Items] = Field(default_factory=list, max_length=30,
                                                    description="the evidence for the level")


class Sense(Model):
    """One meaning of a term, with the evidence for its expansion and its level."""

    key: Slug = Field(description="a short stable key of the sense, e.g. tuopin (used in #sense-<key>)")
    expansion: Text(1000) = Field(description="write the items it stands for, or `unknown` when no source "
                                              "spells it out")
    explanation: Text(3000) = Field(description="explain the sense in a sentence or two of Chinese")
    level: Text(30) = Field(description=_LEVEL_HINT)
    confidence: Literal[CONFIDENCE] = Field(description="use high, medium or low")
    evidence: SenseEvidence = Field(default_factory=SenseEvidence, description="write evidence: {expansion: […], "
                                                                                "level: […]}")
    paragraphs: Annotated[list[DocOrParagraph], Items] = Field(
        default_factory=list, max_length=500, description="list <doc_id>#<anchor> (or <doc_id>) of this sense's "
                                                          "occurrences")
    context: Annotated[list[Pattern], Items] = Field(
        default_factory=list, max_length=50, description="list phrases (regular expressions) of the sentence "
                                                         "around this sense's occurrences")
    default: bool = Field(False, description="true: this sense takes every occurrence no rule assigns")

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str, info: ValidationInfo) -> str:
        levels = (info.context or {}).get("levels")
        if levels is not None and value not in levels:
            raise FieldProblem(f"unknown level {value!r}", _LEVEL_HINT)
        return value

    @model_validator(mode="after")
    def _evidence_for_claims(self) -> Sense:
        if self.known and not self.evidence.expansion:
            raise FieldProblem("an expansion without evidence",
                               "cite the paragraph (corpus + quote) or the public source that spells it out, "
                               "or write expansion: unknown", "expansion")
        if self.level != "不详" and not self.evidence.level:
            raise FieldProblem(f"level {self.level} without evidence",
                               "quote the paragraph or name the source that says who set it, give the reasoning "
                               "as inference, or write level: 不详", "level")
        if self.confidence == "high":
            for claim, items in (("expansion", self.evidence.expansion if self.known else []),
                                 ("level", self.evidence.level if self.level != "不详" else [])):
                if items and all(e.type == "inference" for e in items):
                    raise FieldProblem(f"confidence high with only an inference for the {claim}",
                                       "write confidence: medium or low, or cite a paragraph or source",
                                       "confidence")
        return self

    @property
    def known(self) -> bool:
        """False when no source spells the expansion out (``expansion: unknown``)."""
        return self.expansion != UNKNOWN

    @property
    def sources(self) -> list[Evidence]:
        """Cited paragraphs and public sources, expansion's first, each once."""
        seen: dict[tuple, Evidence] = {}
        for e in [*self.evidence.expansion, *self.evidence.level]:
            if e.type != "inference":
                seen.setdefault((e.corpus, e.public), e)
        return list(seen.values())

    @cached_property
    def patterns(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.context]


class English(Model):
    """An established English rendering and where it is established (a named, dated source)."""

    text: Text(200) = Field(description="the English rendering as the source has it")
    source: Text(400) = Field(description="name the source of the rendering with its date")

    @field_validator("source")
    @classmethod
    def _dated(cls, value: str) -> str:
        if not _DATED_RE.search(value):
            raise FieldProblem("the source of the English rendering has no date",
                               "name it with its date (…，2021年3月5日)")
        return value


class Term(Model):
    """``corpus/glossary/<id>.yml``: one term and its senses.

    ``match`` says where the text is matched: ``text`` everywhere (六稳六保 is
    unambiguous), ``quoted`` only inside quotes or bold, for short terms
    that are also ordinary words (“三公”经费 is a slogan, 三公里 is a distance).
    """

    id: Slug = Field(description="use the file's name: lowercase pinyin joined by '-', e.g. liuwen-liubao")
    term: Form = Field(description="write the term as the text has it, without quotes, e.g. 六稳")
    variants: Annotated[list[Form], Items] = Field(default_factory=list, max_length=50,
                                                   description="write variants: [六稳六保, 六稳、六保]")
    kind: Literal[KINDS] = Field("numbered", description="use numbered (a slogan that counts: 六稳) or phrase "
                                                         "(a 提法 without a number: 转型出雏型)")
    pinyin: Text(200) | None = Field(None, description="write the reading with tone marks, e.g. liù wěn")
    english: English | None = Field(None, description="an established rendering: {text: …, source: …}")
    match: Literal[MATCH_MODES] = Field("text", description="use text (anywhere) or quoted (only inside quotes)")
    related: Annotated[list[Slug], Items] = Field(default_factory=list, max_length=50,
                                                  description="write related: [liuwen, liubao] (ids of other "
                                                              "entries)")
    gaps: Annotated[list[Text(500)], Items] = Field(default_factory=list, max_length=30,
                                                    description="say what the sources leave out")
    unassigned: Annotated[list[DocOrParagraph], Items] = Field(
        default_factory=list, max_length=500, description="list <doc_id>#<anchor> of occurrences whose text does "
                                                          "not say which sense is meant")
    senses: list[Sense] = Field(min_length=1, max_length=30, description="write senses: [{key: …, expansion: …, "
                                                                         "…}] (see corpus/glossary/README.md)")
    _path: Path = PrivateAttr(default=Path())
    _lines: dict[tuple, int] = PrivateAttr(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        return reserved(value, "the id names the term's page glossary/<id>/: choose another")

    @model_validator(mode="after")
    def _distinct_senses(self) -> Term:
        keys = [s.key for s in self.senses]
        if len(set(keys)) != len(keys):
            raise FieldProblem(f"two senses share a key ({', '.join(keys)})", "give each sense its own key",
                               "senses")
        if sum(s.default for s in self.senses) > 1:
            raise FieldProblem("more than one sense is the default", "mark at most one `default: true`", "senses")
        return self

    @property
    def path(self) -> Path:
        return self._path

    @property
    def known(self) -> bool:
        """True when at least one sense is spelled out."""
        return any(s.known for s in self.senses)

    @property
    def forms(self) -> list[str]:
        """The term and its variants, without quotes, longest first."""
        return sorted(dict.fromkeys([self.term, *self.variants]), key=lambda s: (-len(s), s))

    def sense(self, key: str | None) -> Sense | None:
        return next((s for s in self.senses if s.key == key), None)

    def line_of(self, *loc: str | int) -> int:
        """The file line of a key (``line_of("senses", 0, "paragraphs", 2)``), or the nearest enclosing one."""
        while loc:
            if loc in self._lines:
                return self._lines[loc]
            loc = loc[:-1]
        return 1


@dataclass
class Glossary:
    terms: list[Term]

    def by_id(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)

    def surface_forms(self) -> list[str]:
        """Every string matched in text (terms and variants, no quotes), longest first.

        The search's jieba dictionary and the occurrence finder use the same list,
        so a slogan is one word for both.
        """
        forms = {f for t in self.terms for f in t.forms}
        return sorted(forms, key=lambda s: (-len(s), s))

    def term_of_form(self) -> dict[str, Term]:
        """Surface form -> its term (a form belongs to one term; the check reports clashes)."""
        out: dict[str, Term] = {}
        for t in self.terms:
            for f in t.forms:
                out.setdefault(f, t)
        return out


def glossary_paths(corpus_root: Path) -> list[Path]:
    return sorted((corpus_root / GLOSSARY_DIR).glob("*.yml"))


def read_term(path: Path, levels: set[str]) -> tuple[Term | None, list[Problem]]:
    """One glossary file -> its Term, or the problems that stop it being read."""
    if not re.fullmatch(SLUG_PATTERN, path.stem) or path.stem in RESERVED_NAMES:
        return None, [Problem(path, 1, f"the file name {path.name!r} is not a term id",
                              "name the file <id>.yml with a lowercase id of letters, digits and '-' "
                              "(not a section name such as index), e.g. liuwen-liubao.yml")]
    try:
        loaded = yamlsafe.read_file(path, max_bytes=MAX_TERM_BYTES)
    except CorpusError as exc:
        return None, exc.problems
    if not isinstance(loaded.data, dict):
        return None, [Problem(path, 1, "a glossary entry is a mapping (id: …, term: …, senses: […])",
                              "start from an existing file in corpus/glossary/")]
    term, problems = validate(Term, loaded, path, context={"levels": levels})
    if term is None:
        return None, problems
    term._path = path
    term._lines = {tuple(k): v for k, v in loaded.lines.items()}
    if term.id != path.stem:
        return None, [Problem(path, term.line_of("id"), f"id {term.id!r} differs from the file name {path.name}",
                              f"rename the file to {term.id}.yml or fix the id (ids are stable, used in URLs)")]
    return term, []


def read_glossary(corpus_root: Path, regions: RegionIndex) -> tuple[Glossary, list[Problem]]:
    """Every entry that reads, and the problems of those that do not (for ``builder check``)."""
    levels = {*FIXED_LEVELS, *regions.by_name}
    terms: list[Term] = []
    problems: list[Problem] = []
    for path in glossary_paths(corpus_root):
        term, found = read_term(path, levels)
        problems.extend(found)
        if term is not None:
            terms.append(term)
    seen: dict[str, Term] = {}
    for t in terms:
        for form in t.forms:
            other = seen.setdefault(form, t)
            if other is not t:
                problems.append(Problem(t.path, t.line_of("term"), f"{form!r} is also a form of {other.id}",
                                        "a string belongs to one term: drop it from one of them"))
    return Glossary(sorted(terms, key=lambda t: t.id)), problems


def load_glossary(corpus_root: Path) -> Glossary:
    """The glossary of the corpus at ``corpus_root``; raises CorpusError on any problem."""
    glossary, problems = read_glossary(corpus_root, load_regions(corpus_root / REGIONS_FILE))
    if problems:
        raise CorpusError(problems)
    return glossary
