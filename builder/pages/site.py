"""Assemble every generated file of the ``docs_dir``: relative path -> content.

Every file is added to one ``Output`` under the name of what made it, so an
unsafe path or two sources of one path stop the build with both named
(``builder.pages.output``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from builder.corpus.load import REGIONS_FILE, Corpus
from builder.pages import (
    data_files,
    home,
    indexes,
    methodology,
    nav,
    region,
    search,
    search_cards,
    urls,
    workers,
)
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import Extension, load_extensions
from builder.pages.output import Output
from builder.pages.settings import SiteSettings
from builder.search import synonyms
from builder.search.packed import compress


def generate(corpus: Corpus, settings: SiteSettings, spill: Path | None = None,
             jobs: int = 1) -> Mapping[str, str | bytes]:
    """Every generated file; ``OutputError`` when a path is unsafe or two sources share one.
    ``spill``: a scratch folder the files are kept in rather than in memory (``Output``);
    ``jobs``: processes for the per-document work (``builder.pages.workers``), the same files
    whatever the number."""
    cat = Catalogue(corpus, jobs=jobs)
    extensions = load_extensions(cat, settings)
    out = Output(spill)
    workers.add_document_work(out, cat, settings, extensions, jobs)
    add_gathered_files(out, cat, settings, extensions)
    return out.sorted()


def add_gathered_files(out: Output, cat: Catalogue, settings: SiteSettings,
                       extensions: Sequence[Extension]) -> None:
    """The files that gather documents (home, lists, navigation, every feature's ``pages()``): made
    once from every document's analyses, by a single build or by ``builder merge``."""
    out.add(urls.HOME, home.render(cat, settings, extensions), "the home page")
    out.add(urls.PROVINCE, region.province_page(cat), "the province page")
    out.add(urls.YEARS, indexes.years_page(cat), "the years page")
    out.add(urls.TYPES, indexes.types_page(cat), "the types page")
    out.add(urls.METHODOLOGY, methodology.render(cat, settings), "the methodology page")
    out.add(urls.DOCUMENTS_JSON, compress(data_files.documents_json(cat, settings)), "the documents index")
    out.add(urls.NAV_FILE, nav.nav_yaml(cat, [item for ext in extensions for item in ext.nav()]), "the navigation")
    for r in cat.regions_with_pages():
        out.add_all(region.region_page(cat, r, extensions), f"region {r.name} (slug {r.slug}, {REGIONS_FILE})")
    for y in cat.years():
        out.add_all(indexes.year_page(cat, y), f"the page of year {y}")
    for t in cat.doc_types():
        out.add_all(indexes.type_page(cat, t), f"the page of document type {t}")
    for ext in extensions:
        pages = ext.pages()  # a Mapping, maybe read from disk file by file (the search index's)
        source = f"the {type(ext).__name__} feature"
        if search.RESULTS_PAGE in pages:  # the search feature: every feature's cards, and the names they share
            cards = search_cards.cards(extensions)
            page = pages[search.RESULTS_PAGE]
            text = page.decode("utf-8") if isinstance(page, bytes) else page
            out.add(search.RESULTS_PAGE, text + search_cards.script(cards), source)
            out.add(synonyms.SYNONYMS, synonyms.table_json(synonyms.groups(c["keys"] for c in cards)), source)
        for path in pages:  # one file in memory at a time
            if path != search.RESULTS_PAGE:
                out.add(path, pages[path], source)
