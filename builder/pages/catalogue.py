"""The corpus seen as a catalogue: which regions, years and types have documents.

Every page that lists or groups documents asks this module, so the home
page, region pages and navigation always agree on order and membership.
Each grouping is computed once per build (``cached_property``): pages ask
for them once per document, and a scan per question would make the build
quadratic in the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from builder.corpus.load import Corpus
from builder.corpus.model import DOC_TYPES, Document
from builder.corpus.regions import Region
from builder.pages.analyses import Analyses


class CatalogueError(ValueError):
    """The corpus names a region the region reference does not know."""


def _doc_order(doc: Document) -> tuple:
    return (doc.meta.region_code, -(doc.meta.year or 0), DOC_TYPES.index(doc.meta.doc_type), doc.id)  # undated last


@dataclass(frozen=True)
class Catalogue:
    corpus: Corpus
    #: The per-document analyses the features share: computed on demand, or loaded from shard
    #: artefacts by ``builder merge`` (``builder.pages.analyses``).
    analyses: Analyses = field(default_factory=Analyses, compare=False)
    #: Processes the pages that gather documents may use (``builder.parallel``); the files are
    #: the same whatever it is.
    jobs: int = field(default=1, compare=False)

    @property
    def province(self) -> str:
        return self.corpus.regions.province

    @cached_property
    def documents(self) -> list[Document]:
        return sorted(self.corpus.documents, key=_doc_order)

    def region_of(self, doc: Document) -> Region:
        region = self.corpus.regions.get(doc.meta.region)
        if region is None:
            raise CatalogueError(f"{doc.path}: region {doc.meta.region} is not in regions.yml")
        return region

    def prefecture_of(self, region: Region) -> Region:
        prefecture = self.corpus.regions.get(region.prefecture)
        assert prefecture is not None  # load_regions guarantees listed parents
        return prefecture

    @cached_property
    def _of_region(self) -> dict[Region, list[Document]]:
        out: dict[Region, list[Document]] = defaultdict(list)
        for d in self.documents:
            out[self.region_of(d)].append(d)
        return out

    @cached_property
    def _under_region(self) -> dict[Region, list[Document]]:
        out: dict[Region, list[Document]] = defaultdict(list)
        for d in self.documents:
            region = self.region_of(d)
            out[region].append(d)
            prefecture = self.prefecture_of(region)
            if prefecture != region:
                out[prefecture].append(d)
        return out

    def documents_of(self, region: Region) -> list[Document]:
        """Documents about the region itself (not its sub-regions)."""
        return list(self._of_region.get(region, ()))

    def documents_under(self, region: Region) -> list[Document]:
        """Documents about the region or any of its sub-regions."""
        return list(self._under_region.get(region, ()))

    @cached_property
    def _with_pages(self) -> tuple[Region, ...]:
        named = {self.region_of(d) for d in self.corpus.documents}
        named |= {self.prefecture_of(r) for r in named}
        return tuple(sorted(named, key=lambda r: r.code))

    def regions_with_pages(self) -> list[Region]:
        """Regions that get a page: those with documents, and their prefectures."""
        return list(self._with_pages)

    def has_page(self, region: Region) -> bool:
        return region in self._with_pages_set

    @cached_property
    def _with_pages_set(self) -> frozenset[Region]:
        return frozenset(self._with_pages)

    def prefectures(self) -> list[Region]:
        return [r for r in self.regions_with_pages() if r.parent is None]

    def children_with_pages(self, prefecture: Region) -> list[Region]:
        return [r for r in self.regions_with_pages() if r.parent == prefecture.name]

    def children(self, prefecture: Region) -> list[Region]:
        return self.corpus.regions.children(prefecture.name)

    def hierarchy(self, region: Region) -> list[Region]:
        """Prefecture first, then the region itself (one element for a prefecture)."""
        prefecture = self.prefecture_of(region)
        return [prefecture] if prefecture == region else [prefecture, region]

    def years(self) -> list[int]:
        return sorted({d.meta.year for d in self.corpus.documents if d.meta.year is not None}, reverse=True)

    def doc_types(self) -> list[str]:
        present = {d.meta.doc_type for d in self.corpus.documents}
        return [t for t in DOC_TYPES if t in present]

    @staticmethod
    def characters(docs: Iterable[Document]) -> int:
        """Characters of text a reader gets (no markup, anchors or whitespace)."""
        return sum(len("".join(b.plain_text.split())) for d in docs for b in d.blocks)
