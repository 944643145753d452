"""Load the whole corpus folder: documents and reference files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from builder.corpus.errors import CorpusError, Problem
from builder.corpus.model import Document
from builder.corpus.parse import read_document
from builder.corpus.regions import RegionIndex, load_regions
from builder.corpus.source_files import known_source_names
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
    _by_id: dict[str, Document] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: tuple[int, int] = field(default=(0, -1), init=False, repr=False, compare=False)

    @cached_property
    def sources(self) -> Sources:
        """The raw files and their records, read when first needed."""
        return load_sources(self.sources_root or sources_folder(self.root))

    def by_id(self, doc_id: str) -> Document | None:
        """The document with this id, through a dict: glossary occurrences and
        indicator records ask once each, so a scan would make the build quadratic.
        The index is rebuilt if ``documents`` was replaced or changed length."""
        if self._indexed != (id(self.documents), len(self.documents)):
            self._by_id = {d.id: d for d in self.documents}
            self._indexed = (id(self.documents), len(self.documents))
        return self._by_id.get(doc_id)


def document_paths(root: Path) -> list[Path]:
    return sorted((root / DOCUMENTS_DIR).rglob("*.md"))


def sources_folder(root: Path) -> Path:
    """The raw files' folder of the corpus at ``root``: ``sources/`` beside it."""
    return root.parent / SOURCES_DIR


def duplicate_ids(documents: list[Document]) -> list[Problem]:
    """Two documents with one id would be one page: an error naming both files."""
    first: dict[str, Document] = {}
    problems = []
    for doc in documents:
        other = first.setdefault(doc.id, doc)
        if other is not doc:
            problems.append(Problem(doc.path, doc.line_of("id"), f"id {doc.id!r} is already used by {other.path}",
                                    "give this document a different id (and file name)"))
    return problems


def load_corpus(root: Path, *, collect: list[Problem] | None = None,
                sources: Path | None = None) -> Corpus:
    """Read every document under ``root/documents``.

    With ``collect`` given, unreadable documents (and the second of two with
    one id) are reported into it and skipped (``builder check`` wants every
    problem at once); otherwise any problem raises CorpusError with all of them.
    """
    regions = load_regions(root / REGIONS_FILE)
    names = known_source_names(sources or sources_folder(root))
    documents: list[Document] = []
    problems: list[Problem] = []
    for path in document_paths(root):
        try:
            documents.append(read_document(path, source_names=names))
        except CorpusError as exc:
            problems.extend(exc.problems)
    problems.extend(duplicate_ids(documents))
    if problems:
        if collect is None:
            raise CorpusError(problems)
        collect.extend(problems)
        seen: set[str] = set()
        documents = [d for d in documents if not (d.id in seen or seen.add(d.id))]  # type: ignore[func-returns-value]
    documents.sort(key=lambda d: (d.meta.region_code, -(d.meta.year or 0), d.id))  # undated last
    return Corpus(root, regions, documents, sources)
