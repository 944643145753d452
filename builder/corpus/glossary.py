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

from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
#: Opening and closing quotes a slogan may stand in (“六稳”, ‘六保’, 「三零」, 『三无』).
QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
_KEYS = ("id", "term", "variants", "expansion", "explanation", "level", "sources", "related", "match")


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


def _key_lines(node: yaml.Node) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _source_lines(node: yaml.Node) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, v in node.value:
        if getattr(k, "value", None) == "sources" and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def _strings(value: object) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    return None


def strip_quotes(text: str) -> str:
    """``“六稳”`` -> ``六稳``: a form is written without the quotes it stands in."""
    for left, right in QUOTES:
        text = text.replace(left, "").replace(right, "")
    return text.strip()


def read_term(path: Path, levels: set[str]) -> tuple[Term | None, list[Problem]]:
    """One glossary file -> its Term, or the problems that stop it being read."""
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return None, [Problem(path, line, f"cannot read glossary entry: {exc}", "fix the YAML syntax")]
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "a glossary entry is a mapping (id: …, term: …)",
                              "start from an existing file in corpus/glossary/")]
    lines = _key_lines(node)

    def bad(key: str, message: str, hint: str) -> None:
        problems.append(Problem(path, lines.get(key, 1), message, hint))

    for key in data:
        if key not in _KEYS:
            bad(key, f"unknown key {key!r}", f"use only {', '.join(_KEYS)}")
    for key in ("id", "term", "expansion", "explanation", "level"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            bad(key, f"{key} is missing or empty", f"write the {key} as text"
                + ("; write `unknown` when no source spells it out" if key == "expansion" else ""))
    if problems:
        return None, problems
    if data["id"] != path.stem:
        bad("id", f"id {data['id']!r} differs from the file name {path.name}",
            f"rename the file to {data['id']}.yml or fix the id (ids are stable, used in URLs)")
    term = strip_quotes(data["term"])
    variants = _strings(data.get("variants"))
    related = _strings(data.get("related"))
    if variants is None:
        bad("variants", "variants must be a list of strings", "write variants: [六稳六保, 六稳、六保]")
    if related is None:
        bad("related", "related must be a list of term ids", "write related: [liuwen, liubao]")
    if data["level"] not in levels:
        bad("level", f"unknown level {data['level']!r}",
            "use 中央, 山西省, a region of corpus/regions.yml (吕梁市, 离石区 …), 通用 or 不详")
    match = data.get("match", "text")
    if match not in MATCH_MODES:
        bad("match", f"unknown match mode {match!r}", "use text (anywhere) or quoted (only inside quotes)")
    sources: list[Source] = []
    raw_sources = data.get("sources") or []
    source_lines = _source_lines(node)
    if not isinstance(raw_sources, list):
        bad("sources", "sources must be a list", "write sources: [{doc: <doc_id>#p-N}] or [{public: …}]")
        raw_sources = []
    for i, item in enumerate(raw_sources):
        line = source_lines[i] if i < len(source_lines) else lines.get("sources", 1)
        ok = isinstance(item, dict) and len(item) == 1 and isinstance(
            item.get("doc") or item.get("public"), str)
        if not ok:
            problems.append(Problem(path, line, f"source #{i + 1} is neither {{doc: …}} nor {{public: …}}",
                                    "cite a paragraph (doc: lishi-2021-gongzuobaogao#p-54) or name a "
                                    "public source (public: 2020年中央经济工作会议，2020年12月18日)"))
            continue
        if item.get("doc") and "#" not in item["doc"]:
            problems.append(Problem(path, line, f"source {item['doc']!r} names no paragraph",
                                    "write <doc_id>#<anchor>, e.g. lishi-2021-gongzuobaogao#p-54"))
            continue
        sources.append(Source(doc=item.get("doc"), public=item.get("public"), line=line))
    if data["expansion"].strip() != UNKNOWN and not raw_sources:
        bad("expansion", "an expansion without a source",
            "cite the paragraph or public source that spells it out, or write expansion: unknown")
    if problems:
        return None, problems
    return Term(id=data["id"], term=term, variants=[strip_quotes(v) for v in variants or []],
                expansion=data["expansion"].strip(), explanation=data["explanation"].strip(),
                level=data["level"], sources=sources, related=related or [], match=match,
                path=path, lines=lines), []


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
