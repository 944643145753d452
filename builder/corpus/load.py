"""Load the whole corpus folder: documents and reference files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.model import Document
from builder.corpus.parse import read_document
from builder.corpus.regions import RegionIndex, load_regions
from builder.corpus.sources import SOURCES_DIR, Sources, load_sources

DOCUMENTS_DIR = "documents"
REGIONS_FILE = "regions.yml"


@dataclass
class Corpus:
    root: Path
    regions: RegionIndex
    documents: list[Document]
    #: The raw files' folder; ``sources/`` beside the corpus folder unless given.
    sources_root: Path | None = field(default=None, compare=False)

    @cached_property
    def sources(self) -> Sources:
        """The raw files and their records, read when first needed."""
        return load_sources(self.sources_root or self.root.parent / SOURCES_DIR)

    def by_id(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)


def document_paths(root: Path) -> list[Path]:
    return sorted((root / DOCUMENTS_DIR).rglob("*.md"))


def load_corpus(root: Path, *, collect: list[Problem] | None = None,
                sources: Path | None = None) -> Corpus:
    """Read every document under ``root/documents``.

    With ``collect`` given, unreadable documents are reported into it and
    skipped (``builder check`` wants every problem at once); otherwise the
    first unreadable file raises CorpusError.
    """
    regions = load_regions(root / REGIONS_FILE)
    documents = []
    for path in document_paths(root):
        try:
            documents.append(read_document(path))
        except CorpusError as exc:
            if collect is None:
                raise
            collect.extend(exc.problems)
    documents.sort(key=lambda d: (d.meta.region_code, -d.meta.year, d.id))
    return Corpus(root, regions, documents, sources)
