"""The glossary of numbered slogans (``corpus/glossary/<id>.yml``): typed model and loader.

One YAML file per term, named after its id, so that two contributors adding
two slogans never edit the same file (one big ``glossary.yml`` would make
every new entry a merge conflict with every other). A file looks like::

    id: liuwen-liubao
    term: 六稳六保
    variants: [六稳“六保”]          # other spellings met in the text (no quotes needed)
    expansion: 稳就业、稳金融、……  # or the word ``unknown`` when no source spells it out
    explanation: 党中央在疫情之下……  # a short explanation in Chinese
    level: 中央                     # 中央 | 山西省 | a city or county of regions.yml | 通用 | 不详
    sources:
      - doc: lishi-2021-gongzuobaogao#p-6     # a paragraph of this corpus, or
      - public: 2020年中央经济工作会议（2020年12月16日至18日）   # a named public source
    related: [liuwen, liubao]
    match: text                     # text (default) | quoted: see ``Term.match``

Problems are reported as ``file:line: what; what to do`` (``Problem``), the
line being the one of the offending key, so a broken pull request is fixed
by reading one line. Cross-checks that need the documents (a cited
paragraph exists, a related id exists) live in ``builder.checks.glossary``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, ValidationInfo, field_validator, model_validator

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
#: Opening and closing quotes a slogan may stand in (“六稳”, ‘六保’, 「三零」, 『三无』).
QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
#: A glossary entry is a few hundred bytes; the limit leaves room for long explanations.
MAX_TERM_BYTES = 32 * 1024


@dataclass(frozen=True)
class Source:
    """Where an expansion is spelled out: a corpus paragraph or a named public source.

    ``doc`` is ``<doc_id>#<anchor>`` (``lishi-2021-gongzuobaogao#p-54``);
    ``public`` names a source outside the corpus precisely (title and date).
    """

    doc: str | None = None
    public: str | None = None
    line: int = 0

    @property
    def doc_id(self) -> str | None:
        return self.doc.partition("#")[0] if self.doc else None

    @property
    def anchor(self) -> str | None:
        return self.doc.partition("#")[2] or None if self.doc else None


@dataclass(frozen=True)
class Term:
    """One slogan.

    ``match`` says where the text is matched: ``text`` everywhere (六稳六保 is
    unambiguous), ``quoted`` only inside quotes or bold, for short terms
    that are also ordinary words (“三公”经费 is a slogan, 三公里 is a distance).
    """

    id: str
    term: str
    variants: list[str]
    expansion: str
    explanation: str
    level: str
    sources: list[Source]
    related: list[str]
    match: str = "text"
    path: Path = Path()
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        """False when no source spells the expansion out (``expansion: unknown``)."""
        return self.expansion != UNKNOWN

    @property
    def forms(self) -> list[str]:
        """The term and its variants, without quotes, longest first."""
        return sorted(dict.fromkeys([self.term, *self.variants]), key=lambda s: (-len(s), s))

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


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


def strip_quotes(text: str) -> str:
    """``“六稳”`` -> ``六稳``: a form is written without the quotes it stands in."""
    for left, right in QUOTES:
        text = text.replace(left, "").replace(right, "")
    return text.strip()


#: ``lishi-2021-gongzuobaogao#p-54``: a document id and one of its anchors.
DocRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*#[a-z]+-[0-9]+(-[0-9]+)*$",
                                          max_length=120)]


def _list(value: object) -> object:
    """``variants:`` left empty (null) is the empty list."""
    return [] if value is None else value


class SourceEntry(Model):
    """One source of an expansion: ``{doc: <doc_id>#<anchor>}`` or ``{public: <title, date>}``."""

    doc: DocRef | None = Field(None, description="cite a paragraph as <doc_id>#<anchor>, "
                                                 "e.g. lishi-2021-gongzuobaogao#p-54")
    public: Text(300) | None = Field(None, description="name a public source precisely, title and date")

    @model_validator(mode="after")
    def _one_of(self) -> SourceEntry:
        if (self.doc is None) == (self.public is None):
            raise FieldProblem("a source is either {doc: …} or {public: …}",
                               "cite a paragraph (doc: lishi-2021-gongzuobaogao#p-54) or name a public source "
                               "(public: 2020年中央经济工作会议，2020年12月18日)")
        return self


class TermEntry(Model):
    """``corpus/glossary/<id>.yml``."""

    id: Slug = Field(description="use the file's name: lowercase pinyin joined by '-', e.g. liuwen-liubao")
    term: Text(40) = Field(description="write the term as the text has it, without quotes, e.g. 六稳")
    variants: Annotated[list[Text(40)], BeforeValidator(_list)] = Field(
        default_factory=list, max_length=50, description="write variants: [六稳六保, 六稳、六保]")
    expansion: Text(1000) = Field(description="write the items it stands for, or `unknown` when no source "
                                              "spells it out")
    explanation: Text(3000) = Field(description="explain the term in a sentence or two of Chinese")
    level: Text(30) = Field(description="use 中央, 山西省, a region of corpus/regions.yml (吕梁市, 离石区 …), "
                                        "通用 or 不详")
    sources: Annotated[list[SourceEntry], BeforeValidator(_list)] = Field(
        default_factory=list, max_length=50, description="write sources: [{doc: <doc_id>#p-N}] or [{public: …}]")
    related: Annotated[list[Slug], BeforeValidator(_list)] = Field(
        default_factory=list, max_length=50, description="write related: [liuwen, liubao] (ids of other entries)")
    match: Literal[MATCH_MODES] = Field("text", description="use text (anywhere) or quoted (only inside quotes)")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        return reserved(value, "the id names the term's page glossary/<id>/: choose another")

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str, info: ValidationInfo) -> str:
        levels = (info.context or {}).get("levels")
        if levels is not None and value not in levels:
            raise FieldProblem(f"unknown level {value!r}",
                               "use 中央, 山西省, a region of corpus/regions.yml (吕梁市, 离石区 …), 通用 or 不详")
        return value

    @model_validator(mode="after")
    def _expansion_has_source(self) -> TermEntry:
        if self.expansion != UNKNOWN and not self.sources:
            raise FieldProblem("an expansion without a source", "cite the paragraph or public source that "
                               "spells it out, or write expansion: unknown", "expansion")
        return self


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
        return None, [Problem(path, 1, "a glossary entry is a mapping (id: …, term: …)",
                              "start from an existing file in corpus/glossary/")]
    entry, problems = validate(TermEntry, loaded, path, context={"levels": levels})
    if entry is None:
        return None, problems
    lines = {k: v for k, v in ((loc[0], line) for loc, line in loaded.lines.items() if len(loc) == 1)}
    if entry.id != path.stem:
        return None, [Problem(path, lines.get("id", 1), f"id {entry.id!r} differs from the file name {path.name}",
                              f"rename the file to {entry.id}.yml or fix the id (ids are stable, used in URLs)")]
    sources = [Source(doc=s.doc, public=s.public, line=loaded.line_of(("sources", i)))
               for i, s in enumerate(entry.sources)]
    return Term(id=entry.id, term=strip_quotes(entry.term), variants=[strip_quotes(v) for v in entry.variants],
                expansion=entry.expansion, explanation=entry.explanation, level=entry.level,
                sources=sources, related=list(entry.related), match=entry.match, path=path, lines=lines), []


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
