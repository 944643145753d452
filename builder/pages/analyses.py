"""Per-document analyses: the expensive work done once per document, as plain data.

Why a store: the costly part of a build is per document (matching glossary
terms, extracting indicator records, cutting a document's text into search
grams), while the pages that gather many documents (glossary and indicator
pages, the search shards, region pages) only combine those results. Keeping
each result as plain JSON data, computed by one named ``Analysis`` and kept in
one ``Analyses`` store per build, lets the same generators run

- in one build: every document is analysed on demand, once;
- in a shard build (``builder build --shard``): only the shard's documents are
  analysed, and their results are written to the shard artefact
  (``builder.shards.artefact``);
- in the merge (``builder merge``): the store is *loaded* from the artefacts and
  never analyses; a document no shard analysed is an error, not silent
  extra work on the merging machine.

The data is JSON (lists, dicts, strings, numbers, null), so a single build and
a merge read exactly the same values: a single build never keeps a richer
object than what a shard can hand over.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from builder.corpus.model import Document

#: JSON-able data (what ``json.dumps`` writes and ``json.loads`` gives back unchanged).
Data = object


class Analysis(Protocol):
    """One kind of per-document work; ``name`` keys its results in the store and the artefact."""

    name: str

    def analyse(self, doc: Document) -> Data: ...


class AnalysisMissing(LookupError):
    """The merge asked for a document's analysis that no shard artefact holds."""


class Analyses:
    """Results by (analysis name, document id), computed on demand unless loaded from shards."""

    def __init__(self, loaded: Mapping[str, Mapping[str, Data]] | None = None) -> None:
        """``loaded``: document id -> analysis name -> data, from shard artefacts; with it nothing
        is ever computed (``AnalysisMissing`` instead), so the merge cannot quietly redo a shard's work."""
        self._data: dict[tuple[str, str], Data] = {}
        self.frozen = loaded is not None
        self.load(loaded or {})

    def get(self, analysis: Analysis, doc: Document, *, keep: bool = True) -> Data:
        """The document's data; ``keep=False`` for a reader that needs it once (the search index
        merges each document's grams and is done with them): the store lets go of it, so a build
        never holds every document's grams at once."""
        key = (analysis.name, doc.id)
        if key not in self._data:
            if self.frozen:
                raise AnalysisMissing(f"no shard artefact holds the {analysis.name} analysis of document "
                                      f"{doc.id} ({doc.path}): merge every shard of the plan")
            if not keep:
                return analysis.analyse(doc)
            self._data[key] = analysis.analyse(doc)
        return self._data[key] if keep else self._data.pop(key)

    def load(self, exported: Mapping[str, Mapping[str, Data]]) -> None:
        """Take what another store ``export``-ed: a shard artefact's, or a worker's (``builder.pages.workers``)."""
        for doc_id, by_name in exported.items():
            for name, data in by_name.items():
                self._data.setdefault((name, doc_id), data)

    def export(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Data]]:
        """What the store holds for these documents: document id -> analysis name -> data."""
        wanted = set(doc_ids)
        out: dict[str, dict[str, Data]] = {d: {} for d in sorted(wanted)}
        for (name, doc_id), data in sorted(self._data.items()):
            if doc_id in wanted:
                out[doc_id][name] = data
        return out
