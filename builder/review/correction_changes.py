"""The corrections' part of the reviewer's summary: every change of the source's wording, with its reason.

A correction (``source.corrections``) is the one way the edition may say
something other than its raw text, so a reviewer must see each new one:
the paragraph it lands in, the raw wording, the corrected wording and the
reason given. Corrections are matched by (document, raw, corrected); one
whose reason changed is listed as changed.
"""

from __future__ import annotations

from builder.corpus.load import Corpus
from builder.corpus.model import Correction, Document
from builder.escape import gfm_code, gfm_text
from builder.fidelity.align import align
from builder.pages.settings import SiteSettings
from builder.review.summary import FeatureChanges, link

Key = tuple[str, str, str]  # doc id, raw, corrected


def _corrections(corpus: Corpus) -> dict[Key, Correction]:
    return {(d.id, c.raw, c.corrected): c for d in corpus.documents for c in d.meta.source.corrections}


def _anchors(corpus: Corpus, doc: Document) -> dict[tuple[str, str], str]:
    """(raw, corrected) -> anchor of the block the correction lands in (when the raw file is at hand)."""
    raw = corpus.sources.get(doc.meta.source.file)
    if raw is None:
        return {}
    al = align(doc, raw)
    spans = [(al.block_span(b), blk.anchor) for b, blk in enumerate(doc.blocks)]
    out = {}
    for c, lo, _hi in al.raw.corrected:
        out[(c.raw, c.corrected)] = next((a for s, a in spans if s and s[0] <= lo < s[1] and a), "")
    return out


def _line(sign: str, doc_id: str, c: Correction, anchor: str, settings: SiteSettings) -> str:
    where = f"{doc_id}#{anchor}" if anchor else doc_id
    return (f"- {sign} [{gfm_code(where)}]({link(settings, doc_id, anchor)}): 原文 “{gfm_text(c.raw)}” → "
            f"“{gfm_text(c.corrected)}”; reason: {gfm_text(c.reason)}")


def compare(old: Corpus, new: Corpus, settings: SiteSettings) -> FeatureChanges:
    before, after = _corrections(old), _corrections(new)
    added = [k for k in after if k not in before]
    changed = [k for k in after if k in before and before[k].reason != after[k].reason]
    removed = [k for k in before if k not in after]
    anchors: dict[str, dict[tuple[str, str], str]] = {}
    for doc_id in {k[0] for k in added + changed}:
        doc = next(d for d in new.documents if d.id == doc_id)
        anchors[doc_id] = _anchors(new, doc)

    def anchor(k: Key) -> str:
        return anchors.get(k[0], {}).get((k[1], k[2]), "")

    lines = [_line("+", k[0], after[k], anchor(k), settings) for k in added]
    lines += [_line("~", k[0], after[k], anchor(k), settings) + f" (was: {gfm_text(before[k].reason)})"
              for k in changed]
    lines += [f"- − {gfm_code(k[0])}: 原文 “{gfm_text(k[1])}” → “{gfm_text(k[2])}” no longer corrected"
              for k in removed]
    return FeatureChanges(title="校勘 · corrections of the source added / changed / removed",
                          counts=f"+{len(added)} / ~{len(changed)} / −{len(removed)}", lines=lines)
