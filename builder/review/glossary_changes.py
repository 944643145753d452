"""The glossary's part of the reviewer's summary: occurrences of terms gained or lost.

Both versions are read with their own glossary, so a new term file shows
every occurrence it links as gained, and a text edit that breaks a slogan
(六稳六保 → 六稳六宝) shows that occurrence as lost. Occurrences are counted
per (term, document, paragraph), the unit a reader sees linked.
"""

from __future__ import annotations

from collections import Counter

from builder.corpus.glossary import Glossary, load_glossary
from builder.corpus.load import Corpus
from builder.escape import gfm_code, gfm_text
from builder.glossary.occurrences import find_occurrences
from builder.pages.settings import SiteSettings
from builder.review.summary import FeatureChanges, anchor_order, link

Where = tuple[str, str, str]  # term id, doc id, anchor


def _count(corpus: Corpus, glossary: Glossary) -> Counter[Where]:
    return Counter((o.term_id, o.doc_id, o.anchor) for o in find_occurrences(corpus, glossary))


def _line(sign: str, where: Where, n: int, name: str, settings: SiteSettings) -> str:
    term_id, doc_id, anchor = where
    times = f" ×{n}" if n > 1 else ""
    return (f"- {sign} {gfm_text(name)} ({gfm_code(term_id)}){times} at "
            f"[{gfm_code(f'{doc_id}#{anchor}')}]({link(settings, doc_id, anchor)})")


def compare(old: Corpus, new: Corpus, settings: SiteSettings) -> FeatureChanges:
    old_glossary, new_glossary = load_glossary(old.root), load_glossary(new.root)
    before, after = _count(old, old_glossary), _count(new, new_glossary)
    gained, lost = after - before, before - after

    def name(term_id: str) -> str:
        term = new_glossary.by_id(term_id) or old_glossary.by_id(term_id)
        return term.term if term else term_id

    def order(item: tuple[Where, int]) -> tuple:
        (term_id, doc_id, anchor), _ = item
        return term_id, doc_id, anchor_order(anchor)

    lines = [_line("+", w, n, name(w[0]), settings) for w, n in sorted(gained.items(), key=order)]
    lines += [_line("−", w, n, name(w[0]), settings) for w, n in sorted(lost.items(), key=order)]
    added_terms = sorted({t.id for t in new_glossary.terms} - {t.id for t in old_glossary.terms})
    removed_terms = sorted({t.id for t in old_glossary.terms} - {t.id for t in new_glossary.terms})
    lines = ([f"- new term {gfm_code(t)}: {gfm_text(name(t))}" for t in added_terms]
             + [f"- removed term {gfm_code(t)}" for t in removed_terms] + lines)
    return FeatureChanges(title="术语出现 · glossary occurrences gained / lost",
                          counts=f"+{sum(gained.values())} / −{sum(lost.values())}", lines=lines)
