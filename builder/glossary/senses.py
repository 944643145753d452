"""Which sense of a term an occurrence has: the assignment rules written in the term's file.

A contributor corrects one occurrence by editing one list in one file. The
rules are tried in this order, first hit wins:

1. ``unassigned: [<doc>#<anchor>]`` of the term: the text does not say
   which sense is meant (闻喜县's “双零”战果 names no items), so the
   occurrence is shown without an expansion, and says so;
2. ``paragraphs: [<doc>#<anchor> | <doc>]`` of a sense: 五个一批 at
   ``jingle-2021-gongzuobaogao#p-5`` is the forestry programme; a bare
   document id assigns every occurrence in that document;
3. ``context: [<pattern>]`` of a sense: a regular expression searched in the
   sentence around the occurrence (三零 in a sentence matching ``单位创建``
   is the 平安建设 campaign);
4. the sense marked ``default: true``, or the only sense of a one-sense term.

Anything else is *unassigned*: a multi-sense term never lends an occurrence
the expansion of a sense the text does not support.
"""

from __future__ import annotations

from builder.corpus.glossary import Sense, Term, split_ref


def sense_of(term: Term, doc_id: str, anchor: str, sentence: str) -> Sense | None:
    """The sense of ``term`` used at ``doc_id#anchor`` in ``sentence``, or None when the text does not say."""
    ref = f"{doc_id}#{anchor}"
    if ref in term.unassigned or doc_id in term.unassigned:
        return None
    for exact in (True, False):
        for s in term.senses:
            for p in s.paragraphs:
                if (p == ref) if exact else (split_ref(p)[1] is None and p == doc_id):
                    return s
    for s in term.senses:
        if any(p.search(sentence) for p in s.patterns):
            return s
    for s in term.senses:
        if s.default:
            return s
    return term.senses[0] if len(term.senses) == 1 else None
