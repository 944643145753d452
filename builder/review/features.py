"""Each feature's part of the reviewer's summary (indicator records, glossary occurrences).

``FEATURE_DIFFS`` names, as "module:function", a comparison per feature:
``function(old: Corpus, new: Corpus, settings) -> FeatureChanges``. Each
derives its data from both versions of the corpus with the feature's own
public code, so the summary shows exactly what the built site would.
"""

from __future__ import annotations

import importlib

from builder.corpus.load import Corpus
from builder.pages.settings import SiteSettings
from builder.review.summary import FeatureChanges

FEATURE_DIFFS: tuple[str, ...] = (
    "builder.review.correction_changes:compare",
    "builder.review.indicator_changes:compare",
    "builder.review.glossary_changes:compare",
)


def compare_features(old: Corpus, new: Corpus, settings: SiteSettings) -> list[FeatureChanges]:
    out = []
    for spec in FEATURE_DIFFS:
        module, _, name = spec.partition(":")
        out.append(getattr(importlib.import_module(module), name)(old, new, settings))
    return out
