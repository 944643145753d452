"""The indicators' part of the reviewer's summary: records added, removed or changed.

Each version is extracted with its own vocabulary and corrections, exactly
as its site would publish it. Records are matched by ``Record.key`` (document,
paragraph, indicator, kind, period, ordinal): the same key with another figure is a
*changed* record (a corrected number), a key on one side only is added or
removed (a new synonym finds more; a deleted sentence loses some).
"""

from __future__ import annotations

from builder.corpus.load import Corpus
from builder.escape import gfm_code, gfm_text
from builder.indicators import extract_corpus
from builder.indicators.record import Record, format_number
from builder.pages.settings import SiteSettings
from builder.review.summary import FeatureChanges, anchor_order, link

#: The fields that make a record's statement, shown when they change.
SHOWN = ("value", "unit", "growth_pct", "growth_basis", "qualifier")


def figure(r: Record) -> str:
    """``154.7亿元, +2.8% 同比, 左右``: the statement of a record in one short line."""
    parts = []
    if r.value is not None:
        parts.append(f"{format_number(r.value)}{r.unit}")
    if r.growth_pct is not None:
        parts.append(f"{r.growth_pct:+g}% {r.growth_basis}".strip())
    if r.qualifier:
        parts.append(r.qualifier)
    return gfm_text(", ".join(parts) or "—")


def _label(r: Record, settings: SiteSettings) -> str:
    return (f"{gfm_code(r.indicator)} {r.kind} {gfm_text(r.period)} at "
            f"[{gfm_code(f'{r.doc_id}#{r.anchor}')}]({link(settings, r.doc_id, r.anchor)})")


def compare(old: Corpus, new: Corpus, settings: SiteSettings) -> FeatureChanges:
    before = {r.key: r for r in extract_corpus(old)}
    after = {r.key: r for r in extract_corpus(new)}
    def order(key: tuple) -> tuple:
        doc_id, anchor, *rest = key
        return doc_id, anchor_order(anchor), *rest

    added = [after[k] for k in sorted(after.keys() - before.keys(), key=order)]
    removed = [before[k] for k in sorted(before.keys() - after.keys(), key=order)]
    changed = [(before[k], after[k]) for k in sorted(before.keys() & after.keys(), key=order)
               if any(getattr(before[k], f) != getattr(after[k], f) for f in SHOWN)]
    lines = [f"- + {_label(r, settings)}: {figure(r)}" for r in added]
    lines += [f"- − {_label(r, settings)}: {figure(r)}" for r in removed]
    lines += [f"- ~ {_label(b, settings)}: {figure(a)} → {figure(b)}" for a, b in changed]
    return FeatureChanges(title="指标记录 · indicator records added / removed / changed",
                          counts=f"+{len(added)} / −{len(removed)} / ~{len(changed)}", lines=lines)
