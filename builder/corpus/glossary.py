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

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.load import REGIONS_FILE
from builder.corpus.regions import RegionIndex, load_regions

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
#: A public source is *dated*: it names a year (2018年, 2020年12月16日).
_DATED_RE = re.compile(r"(19|20)\d\d年")
_DOC_REF_RE = re.compile(r"^[a-z0-9-]+(#[a-z]-[0-9][0-9-]*)?$")
_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _text(value: str) -> str:
    """Corpus prose: stripped, not empty, no control or direction-override characters."""
    value = value.strip()
    if not value:
        raise ValueError("empty text")
    if _CONTROL_RE.search(value):
        raise ValueError("control or direction-override character in text")
    return value


def strip_quotes(text: str) -> str:
    """``“六稳”`` -> ``六稳``: a form is written without the quotes it stands in."""
    for left, right in QUOTES:
        text = text.replace(left, "").replace(right, "")
    return text.strip()


def _doc_ref(value: str) -> str:
    if not _DOC_REF_RE.match(value):
        raise ValueError(f"{value!r} is no paragraph reference; write <doc_id>#<anchor>, "
                         "e.g. lishi-2021-gongzuobaogao#p-54")
    return value


def _pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"context pattern {value!r} is no regular expression: {exc}") from None
    return value


Text = Annotated[str, AfterValidator(_text)]
Form = Annotated[str, AfterValidator(_text), AfterValidator(strip_quotes)]
DocRef = Annotated[str, AfterValidator(_doc_ref)]
Pattern = Annotated[str, AfterValidator(_pattern)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def split_ref(ref: str) -> tuple[str, str | None]:
    """``lishi-2021-gongzuobaogao#p-54`` -> (doc id, anchor); a bare doc id has no anchor."""
    doc, _, anchor = ref.partition("#")
    return doc, anchor or None


class Evidence(_Model):
    """One piece of evidence: a quoted paragraph, a named dated source, or an inference."""

    corpus: DocRef | None = None
    quote: Text | None = None
    public: Text | None = None
    inference: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Evidence:
        kinds = [k for k in ("corpus", "public", "inference") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError("evidence is one of {corpus: <doc_id>#<anchor>, quote: …}, {public: <title>，<date>} "
                             "or {inference: <the reasoning>}")
        if self.corpus and (not self.quote or "#" not in self.corpus):
            raise ValueError("corpus evidence names a paragraph (<doc_id>#p-N) and quotes the words that spell "
                             "it out (quote: …)")
        if self.quote and not self.corpus:
            raise ValueError("a quote belongs to corpus evidence")
        if self.public and not _DATED_RE.search(self.public):
            raise ValueError(f"public source {self.public!r} has no date; name the source with its date "
                             "(…，2018年7月31日)")
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


class SenseEvidence(_Model):
    expansion: list[Evidence] = Field(default_factory=list)
    level: list[Evidence] = Field(default_factory=list)


class Sense(_Model):
    """One meaning of a term, with the evidence for its expansion and its level."""

    key: Annotated[str, Field(pattern=_KEY_RE.pattern)]
    expansion: Text
    explanation: Text
    level: Text
    confidence: Literal["high", "medium", "low"]
    evidence: SenseEvidence = Field(default_factory=SenseEvidence)
    paragraphs: list[DocRef] = Field(default_factory=list)
    context: list[Pattern] = Field(default_factory=list)
    default: bool = False

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str, info: ValidationInfo) -> str:
        levels = (info.context or {}).get("levels")
        if levels is not None and value not in levels:
            raise ValueError(f"unknown level {value!r}; use 中央, 山西省, a region of corpus/regions.yml "
                             "(吕梁市, 离石区 …), 通用 or 不详")
        return value

    @model_validator(mode="after")
    def _evidence_for_claims(self) -> Sense:
        if self.known and not self.evidence.expansion:
            raise ValueError("an expansion without evidence; cite the paragraph (corpus + quote) or the public "
                             "source that spells it out, or write expansion: unknown")
        if self.level != "不详" and not self.evidence.level:
            raise ValueError(f"level {self.level} without evidence; quote the paragraph or name the source that "
                             "says who set it, give the reasoning as inference, or write level: 不详")
        if self.confidence == "high":
            for claim, items in (("expansion", self.evidence.expansion if self.known else []),
                                 ("level", self.evidence.level if self.level != "不详" else [])):
                if items and all(e.type == "inference" for e in items):
                    raise ValueError(f"confidence high with only an inference for the {claim}; "
                                     "write confidence: medium or low, or cite a paragraph or source")
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


class English(_Model):
    """An established English rendering and where it is established (a named, dated source)."""

    text: Text
    source: Text

    @field_validator("source")
    @classmethod
    def _dated(cls, value: str) -> str:
        if not _DATED_RE.search(value):
            raise ValueError("name the source of the English rendering with its date (…，2021年3月5日)")
        return value


class Term(_Model):
    """One term of the glossary.

    ``match`` says where the text is matched: ``text`` everywhere (六稳六保 is
    unambiguous), ``quoted`` only inside quotes or bold, for short terms
    that are also ordinary words (“三公”经费 is a slogan, 三公里 is a distance).
    """

    id: Annotated[str, Field(pattern=_KEY_RE.pattern)]
    term: Form
    variants: list[Form] = Field(default_factory=list)
    kind: Literal["numbered", "phrase"] = "numbered"
    pinyin: Text | None = None
    english: English | None = None
    match: Literal["text", "quoted"] = "text"
    related: list[Annotated[str, Field(pattern=_KEY_RE.pattern)]] = Field(default_factory=list)
    gaps: list[Text] = Field(default_factory=list)
    unassigned: list[DocRef] = Field(default_factory=list)
    senses: list[Sense] = Field(min_length=1)
    _path: Path = PrivateAttr(default=Path())
    _lines: dict[tuple, int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _distinct_senses(self) -> Term:
        keys = [s.key for s in self.senses]
        if len(set(keys)) != len(keys):
            raise ValueError(f"two senses share a key ({', '.join(keys)}); give each sense its own key")
        if sum(s.default for s in self.senses) > 1:
            raise ValueError("more than one sense is the default; mark at most one `default: true`")
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


def node_lines(node: yaml.Node, loc: tuple = ()) -> dict[tuple, int]:
    """Every key and list item of a YAML document -> its 1-based line, by pydantic-style location."""
    out = {loc: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                out.update(node_lines(v, (*loc, k.value)))
                out[(*loc, k.value)] = k.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.update(node_lines(item, (*loc, i)))
    return out


_HINTS = {
    "missing": "add it (see corpus/glossary/README.md)",
    "extra_forbidden": "remove it or check its spelling (see corpus/glossary/README.md for the keys)",
    "literal_error": "use one of the values the README lists",
}


def _problems_of(path: Path, exc: ValidationError, lines: dict[tuple, int]) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        line, probe = 1, loc
        while probe:
            if probe in lines:
                line = lines[probe]
                break
            probe = probe[:-1]
        where = ".".join(str(x) for x in loc) or "entry"
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "missing":
            message = f"{where} is missing"
        elif err["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
        else:
            message = f"{where}: {message}"
        out.append(Problem(path, line, message, _HINTS.get(err["type"], "")))
    return out


def read_term(path: Path, levels: set[str]) -> tuple[Term | None, list[Problem]]:
    """One glossary file -> its Term, or the problems that stop it being read."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return None, [Problem(path, line, f"cannot read glossary entry: {exc}", "fix the YAML syntax")]
    if not isinstance(data, dict) or node is None:
        return None, [Problem(path, 1, "a glossary entry is a mapping (id: …, term: …, senses: […])",
                              "start from an existing file in corpus/glossary/")]
    lines = node_lines(node)
    for key in ("id", "term", "pinyin"):  # YAML reads 1311 as a number: the term is the text written
        if isinstance(data.get(key), int | float):
            data[key] = str(data[key])
    try:
        term = Term.model_validate(data, context={"levels": levels})
    except ValidationError as exc:
        return None, _problems_of(path, exc, lines)
    term._path = path
    term._lines = lines
    if term.id != path.stem:
        return None, [Problem(path, lines.get(("id",), 1),
                              f"id {term.id!r} differs from the file name {path.name}",
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
