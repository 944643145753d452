"""What ``builder check`` verifies about the glossary (``corpus/glossary/*.yml``).

- every entry reads (schema, levels, evidence written as corpus+quote, dated
  public source or inference);
- a cited paragraph exists: ``corpus: lishi-2021-gongzuobaogao#p-54`` names a
  document of the corpus and one of its anchors (error otherwise: a reader
  following the citation would land nowhere);
- the quote of a ``corpus`` evidence occurs in that paragraph, word for word
  (error: the claim would rest on words the paragraph does not say);
- an assignment rule holds: a paragraph in ``paragraphs`` or ``unassigned``
  exists and uses the term (error: a stale rule would assign nothing), and
  is listed once (error: one occurrence, two senses);
- a ``context`` pattern that matches no occurrence (warning: a dead rule);
- related ids exist (error);
- a term that occurs nowhere in the corpus (warning: a typo in the term?);
- a term whose reading is ambiguous and has no ``pinyin`` written by hand
  (warning: pypinyin may pick the wrong reading);
- a candidate used in two or more documents, or three or more times in one,
  counted across its spelling variants, without an entry (warning: readers
  meet it unexplained).
"""

from __future__ import annotations

from collections import defaultdict

from builder.corpus.errors import Problem
from builder.corpus.glossary import GLOSSARY_DIR, Term, read_glossary, split_ref
from builder.corpus.load import Corpus
from builder.corpus.model import plain_inline
from builder.glossary.candidates import find_candidates
from builder.glossary.occurrences import Occurrence, find_occurrences
from builder.glossary.pinyin import ambiguous


def _check_evidence(corpus: Corpus, term: Term) -> list[Problem]:
    out = []
    for i, sense in enumerate(term.senses):
        for claim in ("expansion", "level"):
            for j, e in enumerate(getattr(sense.evidence, claim)):
                if not e.corpus:
                    continue
                line = term.line_of("senses", i, "evidence", claim, j)
                doc = corpus.by_id(e.doc_id or "")
                block = doc.block_by_anchor(e.anchor or "") if doc else None
                if block is None:
                    out.append(Problem(term.path, line, f"source {e.corpus} is no paragraph of the corpus",
                                       "cite an existing <doc_id>#<anchor> (see the ¶ link on the site)"))
                elif e.quote not in plain_inline(block.text):
                    out.append(Problem(term.path, line, f"the quote is not in {e.corpus}: {e.quote!r}",
                                       "copy the words exactly as the paragraph has them (no quotes added or "
                                       "dropped), or cite the paragraph that says them"))
    return out


def _check_rules(corpus: Corpus, term: Term, occurrences: list[Occurrence]) -> list[Problem]:
    out = []
    refs = {f"{o.doc_id}#{o.anchor}" for o in occurrences} | {o.doc_id for o in occurrences}
    seen: dict[str, str] = {}
    rules = [(("unassigned", k), ref) for k, ref in enumerate(term.unassigned)]
    rules += [(("senses", i, "paragraphs", k), ref) for i, s in enumerate(term.senses)
              for k, ref in enumerate(s.paragraphs)]
    for loc, ref in rules:
        line = term.line_of(*loc)
        doc_id, anchor = split_ref(ref)
        doc = corpus.by_id(doc_id)
        if doc is None or (anchor and doc.block_by_anchor(anchor) is None):
            out.append(Problem(term.path, line, f"{ref} is no paragraph or document of the corpus",
                               "write <doc_id>#<anchor> of a paragraph that uses the term"))
        elif ref not in refs:
            out.append(Problem(term.path, line, f"{ref} does not use {term.term}",
                               "list only paragraphs where the term occurs (a stale rule assigns nothing)"))
        where = "unassigned" if loc[0] == "unassigned" else f"sense {term.senses[loc[1]].key}"
        if ref in seen and seen[ref] != where:
            out.append(Problem(term.path, line, f"{ref} is listed for {seen[ref]} and for {where}",
                               "an occurrence has one sense: keep it in one list"))
        seen.setdefault(ref, where)
    for i, s in enumerate(term.senses):
        for k, pattern in enumerate(s.patterns):
            if not any(pattern.search(o.context) for o in occurrences):
                out.append(Problem(term.path, term.line_of("senses", i, "context", k),
                                   f"context pattern {pattern.pattern!r} of sense {s.key} matches no occurrence",
                                   "fix or remove the pattern", "warning"))
    return out


def check_glossary(corpus: Corpus, jobs: int = 1) -> list[Problem]:
    """The glossary files, and their terms against the corpus: the occurrences are matched once
    (in ``jobs`` processes) for both the rules and the candidates."""
    glossary, problems = read_glossary(corpus.root, corpus.regions)
    ids = {t.id for t in glossary.terms}
    by_term: dict[str, list[Occurrence]] = defaultdict(list)
    occurrences = find_occurrences(corpus, glossary, jobs)
    for o in occurrences:
        by_term[o.term_id].append(o)
    for term in glossary.terms:
        problems += _check_evidence(corpus, term)
        problems += _check_rules(corpus, term, by_term[term.id])
        for rel in term.related:
            if rel not in ids:
                problems.append(Problem(term.path, term.line_of("related"), f"related term {rel!r} does not exist",
                                        f"use the id of a file in corpus/{GLOSSARY_DIR}/"))
        if not by_term[term.id]:
            problems.append(Problem(term.path, term.line_of("term"), f"{term.term} occurs nowhere in the corpus",
                                    "check the spelling of term and variants", "warning"))
        if term.pinyin is None and (chars := ambiguous(term.term)):
            problems.append(Problem(term.path, term.line_of("term"),
                                    f"the reading of {'、'.join(chars)} in {term.term} is ambiguous",
                                    "check it and write pinyin: … with tone marks", "warning"))
    for c in find_candidates(corpus, glossary, occurrences):
        if c.needs_entry and not c.term_id:
            spelled = f" (spelled {'、'.join(c.spellings)})" if len(c.spellings) > 1 else ""
            problems.append(Problem(c.first[0], c.first[1], f"“{c.phrase}”{spelled} is used {c.count} time(s) in "
                                    f"{len(c.documents)} document(s) ({', '.join(c.documents)}) and has no entry",
                                    f"add {GLOSSARY_DIR}/<id>.yml for it (python -m builder glossary candidates)",
                                    "warning"))
    return problems
