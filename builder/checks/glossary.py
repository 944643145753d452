"""What ``builder check`` verifies about the glossary (``corpus/glossary/*.yml``).

- every entry reads (schema, levels, sources written as doc#anchor or named);
- a cited paragraph exists: ``doc: lishi-2021-gongzuobaogao#p-54`` names a
  document of the corpus and one of its anchors (error otherwise: a reader
  following the citation would land nowhere);
- a cited paragraph mentions the term or an item of its expansion (warning: the
  citation may be wrong);
- related ids exist (error);
- a term that occurs nowhere in the corpus (warning: a typo in the term?);
- a slogan candidate in two or more documents, or three or more times in one,
  without an entry (warning: readers meet it unexplained).
"""

from __future__ import annotations

import re

from builder.corpus.errors import Problem
from builder.corpus.glossary import GLOSSARY_DIR, Term, read_glossary
from builder.corpus.load import Corpus
from builder.corpus.model import plain_inline
from builder.glossary.candidates import find_candidates
from builder.glossary.occurrences import find_occurrences


def expansion_items(term: Term) -> list[str]:
    """The items of an expansion: ``零上访、零事故、零案件`` -> three items a cited paragraph may name."""
    return [w for w in re.split(r"[、，；：（）()“”]", term.expansion) if len(w) >= 2] if term.known else []


def check_glossary(corpus: Corpus) -> list[Problem]:
    glossary, problems = read_glossary(corpus.root, corpus.regions)
    ids = {t.id for t in glossary.terms}
    used = {o.term_id for o in find_occurrences(corpus, glossary)}
    for term in glossary.terms:
        for source in term.sources:
            if not source.doc:
                continue
            doc = corpus.by_id(source.doc_id or "")
            block = doc.block_by_anchor(source.anchor or "") if doc else None
            if block is None:
                problems.append(Problem(term.path, source.line, f"source {source.doc} is no paragraph of the corpus",
                                        "cite an existing <doc_id>#<anchor> (see the ¶ link on the site)"))
            elif not any(w in plain_inline(block.text) for w in [*term.forms, *expansion_items(term)]):
                problems.append(Problem(term.path, source.line, f"source {source.doc} does not mention {term.term}",
                                        "cite the paragraph that spells the term out", "warning"))
        for rel in term.related:
            if rel not in ids:
                problems.append(Problem(term.path, term.line_of("related"), f"related term {rel!r} does not exist",
                                        f"use the id of a file in corpus/{GLOSSARY_DIR}/"))
        if term.id not in used:
            problems.append(Problem(term.path, term.line_of("term"), f"{term.term} occurs nowhere in the corpus",
                                    "check the spelling of term and variants", "warning"))
    for c in find_candidates(corpus, glossary):
        if c.needs_entry and not c.term_id:
            problems.append(Problem(c.first[0], c.first[1], f"“{c.phrase}” is used as a slogan {c.count} time(s) in "
                                    f"{len(c.documents)} document(s) ({', '.join(c.documents)}) and has no entry",
                                    f"add {GLOSSARY_DIR}/<id>.yml for it (python -m builder glossary candidates)",
                                    "warning"))
    return problems
