"""Synonyms: the edition's own names for one thing match each other in search.

Where they come from: every feature's search cards (``builder.pages.search_cards``)
name their entry by several strings, an indicator by its name and synonyms
(地区生产总值, GDP, 地区生产总值（GDP）), a glossary term by the term and its
variants (六稳六保, 六稳、六保). Those strings, folded by the search's one rule
(``builder.search.normalise.fold``), are the groups of this table: a reader
who types one form finds the units that hold any form of its group. Nothing
outside the edition's vocabularies is added (no thesaurus, no guesses): an
abbreviation the vocabularies do not list (规上 alone) is not expanded.

The rule, applied to each term of a query (``alternatives``) at build time
(``search-eval``'s truth, ``builder.search.queries.Truth``) and in the browser
(``search/synonyms.js``, tested on the same cases, ``tests/search/synonym_cases.yml``):

1. **Forms are found in the term leftmost-longest**: ``gdp增速`` holds the form
   ``gdp``; ``单位gdp能耗`` is a form of its own (an indicator) and is taken whole.
2. **Each form found is replaced by every form of its group**, the typed one
   first: ``gdp增速`` -> ``gdp增速``, ``地区生产总值增速``, ``地区生产总值gdp增速``;
   at most ``MAX_ALTERNATIVES`` alternatives per term (the product of the forms
   found, in order), so a long query never fans out.
3. **An alternative that contains another adds nothing and is dropped**: a
   unit holding ``地区生产总值gdp增速`` holds ``gdp增速``, so the list above
   becomes ``gdp增速``, ``地区生产总值增速``, and the browser looks up as few
   posting lists as the rule allows.

A unit matches a term when its folded text holds any alternative of it; a hit
that holds an alternative and not the term as typed is labelled 同义词.

Groups that share a form are one group (``GDP`` under an indicator and a
term's variant would join them), and forms of one character are left out: a
single character names nothing on its own and would match everywhere.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from builder.search.normalise import fold

#: Where the browser reads the table (``docs_dir``-relative).
SYNONYMS = "search/synonyms.json"
#: Alternatives per query term, at most (the typed term among them).
MAX_ALTERNATIVES = 16
#: The shortest form (in code points) that takes part.
MIN_FORM = 2


def groups(names: Iterable[Sequence[str]]) -> list[list[str]]:
    """The folded groups of synonymous forms, from each entry's names; groups sharing a form merged.

    ``[["地区生产总值", "GDP"], ["六稳六保", "六稳、六保"]]`` ->
    ``[["gdp", "地区生产总值"], ["六稳、六保", "六稳六保"]]``.
    Entries with fewer than two distinct forms make no group. Sorted, so the file is stable.
    """
    parent: dict[str, str] = {}

    def find(f: str) -> str:
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    for entry in names:
        forms = sorted({f for f in (fold(n).strip() for n in entry) if len(f) >= MIN_FORM})
        for f in forms:
            parent.setdefault(f, f)
        for f in forms[1:]:
            a, b = find(forms[0]), find(f)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for f in sorted(parent):
        members.setdefault(find(f), []).append(f)
    return sorted((m for m in members.values() if len(m) > 1), key=lambda m: m[0])


def table_json(table: list[list[str]]) -> str:
    """``search/synonyms.json``: ``{"v": 1, "groups": [[form, …], …]}`` (fetched data, never markup)."""
    return json.dumps({"v": 1, "groups": table}, ensure_ascii=False, separators=(",", ":"))


class Synonyms:
    """The table, ready to expand terms (``search/synonyms.js`` is its twin in the browser)."""

    def __init__(self, table: list[list[str]]) -> None:
        self.group_of = {f: g for g in table for f in g}
        self.by_first: dict[str, list[str]] = {}
        for f in sorted(self.group_of, key=lambda f: (-len(f), f)):
            self.by_first.setdefault(f[0], []).append(f)

    @classmethod
    def of_site(cls, site: Path) -> Synonyms:
        """The table a built site (or docs folder) ships, so a judge of the search uses the site's own."""
        return cls(json.loads((site / SYNONYMS).read_text(encoding="utf-8"))["groups"])

    def pieces(self, term: str) -> list[list[str]]:
        """The term cut into literal runs and forms found leftmost-longest; a form as its group,
        the typed form first: ``gdp增速`` -> ``[["gdp", "地区生产总值", …], ["增速"]]``."""
        out: list[list[str]] = []
        literal = ""
        i = 0
        while i < len(term):
            form = next((f for f in self.by_first.get(term[i], ()) if term.startswith(f, i)), None)
            if form is None:
                literal += term[i]
                i += 1
                continue
            if literal:
                out.append([literal])
                literal = ""
            out.append([form, *(f for f in self.group_of[form] if f != form)])
            i += len(form)
        if literal:
            out.append([literal])
        return out

    def alternatives(self, term: str) -> list[str]:
        """Every string that counts as ``term`` (steps 1-3 of the module docstring)."""
        found: dict[str, None] = {}
        for parts in itertools.product(*self.pieces(term)):
            found.setdefault("".join(parts))
            if len(found) >= MAX_ALTERNATIVES:
                break
        return [a for a in found if not any(o != a and o in a for o in found)]
