"""Features that add to the edition: their pages, nav sections and marks in the text.

The document pages, the navigation and the site's file list are the same for
every feature; what a feature (the glossary, the indicators, the search
index) adds, it adds through this one interface, so the core pages never
import a feature and a feature never edits the core pages:

- ``spans(doc, block, cell, plain)``: places to mark in one piece of a
  document's text (see ``builder.pages.annotate``), e.g. a glossary link;
- ``document_sections(doc, src)``: Markdown sections appended to a document
  page after its text (before the citation), e.g. its indicator table;
- ``pages()``: generated files, ``docs_dir``-relative path -> content;
- ``nav()``: top-level navigation sections;
- ``region_sections(region, src)`` (optional): Markdown sections for a region
  page after its document list, e.g. its key figures or its slogans. Optional
  so that a feature without anything to say about a region need not define it
  (``region_sections`` below asks for it with ``getattr``);
- ``home_door(src)`` (optional): the feature's card among the home page's
  doors (documents, glossary, indicators, search), as a Markdown list item.
- optionally ``has_raw(doc)``: whether the page holds the raw characters its text was made
  from (the 原文 section), which the card then links to;
- optionally ``document_files(doc)``: the feature's files that belong to one
  document (its source page, its search text chunks), made with the document's
  own page: a shard build (``builder.shards``) makes them on the shard's machine;
- optionally ``analyses()``: the per-document analyses (``builder.pages.analyses``)
  its ``pages()`` read, which a shard build runs for its documents and hands to
  the merge. An analysis marked ``streamed`` (the search grams) is handed each batch of
  documents through its ``stream(docs)`` by the process that made their files, and is never
  kept for every document (``builder.pages.workers``).

``pages()`` and ``nav()`` gather every document; a feature that needs a
document's expensive analysis in them asks ``cat.analyses`` for it, never
recomputes it, so the merge of a sharded build stays cheap.

``FACTORIES`` lists the features in the order their nav sections appear;
each is built once per build from the catalogue and the site settings.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Protocol

from builder.corpus.model import Block, Document
from builder.corpus.regions import Region
from builder.pages.analyses import Analysis
from builder.pages.annotate import Span
from builder.pages.catalogue import Catalogue
from builder.pages.nav import NavItem
from builder.pages.settings import SiteSettings


class Extension(Protocol):
    def spans(self, doc: Document, block: Block, cell: tuple[int, int] | None,
              plain: str) -> Sequence[Span]: ...

    def document_sections(self, doc: Document, src: str) -> list[str]: ...

    def pages(self) -> Mapping[str, str | bytes]: ...

    def nav(self) -> list[NavItem]: ...


#: "module:factory" of every feature; the factory takes (catalogue, settings).
#: Search first, then indicators, then the glossary: the glossary's nav section is
#: long (one group per level), and below it 指标 was out of sight on a desktop sidebar.
FACTORIES: tuple[str, ...] = (
    "builder.pages.search:SearchPages",
    "builder.pages.indicators:IndicatorPages",
    "builder.pages.glossary:GlossaryPages",
    "builder.pages.sources:SourcePages",
)


def region_sections(extensions: Sequence[Extension], region: Region, src: str) -> list[str]:
    """Every feature's sections for one region page, in feature order."""
    out: list[str] = []
    for ext in extensions:
        method = getattr(ext, "region_sections", None)
        if method is not None:
            out += method(region, src)
    return out


def home_doors(extensions: Sequence[Extension], src: str) -> list[str]:
    """Every feature's home-page card, in feature order."""
    return [door for ext in extensions
            if (method := getattr(ext, "home_door", None)) is not None and (door := method(src))]


def document_files(extensions: Sequence[Extension], doc: Document) -> dict[str, str | bytes]:
    """Every feature's files of one document (see ``document_files`` above)."""
    out: dict[str, str | bytes] = {}
    for ext in extensions:
        method = getattr(ext, "document_files", None)
        if method is not None:
            out.update(method(doc))
    return out


def analyses(extensions: Sequence[Extension]) -> list[Analysis]:
    """Every feature's per-document analyses, one per name."""
    out: dict[str, Analysis] = {}
    for ext in extensions:
        for a in getattr(ext, "analyses", list)():
            out.setdefault(a.name, a)
    return list(out.values())


def load_extensions(cat: Catalogue, settings: SiteSettings) -> list[Extension]:
    out: list[Extension] = []
    for spec in FACTORIES:
        module, _, name = spec.partition(":")
        out.append(getattr(importlib.import_module(module), name)(cat, settings))
    return out
