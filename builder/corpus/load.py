"""Load the whole corpus folder: documents and reference files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.model import Document
from builder.corpus.parse import read_document
from builder.corpus.regions import RegionIndex, load_regions

DOCUMENTS_DIR = "documents"
REGIONS_FILE = "regions.yml"


@dataclass
class Corpus:
    root: Path
    regions: RegionIndex
    documents: list[Document]
    _by_id: dict[str, Document] = field(default_factory=dict, init=False, repr=False, compare=False)

    def by_id(self, doc_id: str) -> Document | None:
        """The document with this id, through a dict: glossary occurrences and
        indicator records ask once each, so a scan would make the build quadratic.
        The index is rebuilt if ``documents`` was replaced or changed length."""
        if len(self._by_id) != len(self.documents):
            self._by_id = {d.id: d for d in self.documents}
        return self._by_id.get(doc_id)


def document_paths(root: Path) -> list[Path]:
    return sorted((root / DOCUMENTS_DIR).rglob("*.md"))


def load_corpus(root: Path, *, collect: list[Problem] | None = None) -> Corpus:
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
    return Corpus(root, regions, documents)
