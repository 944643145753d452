"""Assemble every generated file of the ``docs_dir``: relative path -> content.

Every file is added to one ``Output`` under the name of what made it, so an
unsafe path or two sources of one path stop the build with both named
(``builder.pages.output``).
"""

from __future__ import annotations

from builder.corpus.load import REGIONS_FILE, Corpus
from builder.pages import (
    data_files,
    doc_neighbours,
    document,
    home,
    indexes,
    lastmod,
    methodology,
    nav,
    region,
    search,
    search_cards,
    urls,
)
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import load_extensions
from builder.pages.output import Output
from builder.pages.settings import SiteSettings


def generate(corpus: Corpus, settings: SiteSettings) -> dict[str, str | bytes]:
    """Every generated file; ``OutputError`` when a path is unsafe or two sources share one."""
    cat = Catalogue(corpus)
    extensions = load_extensions(cat, settings)
    out = Output()
    out.add(urls.HOME, home.render(cat, settings, extensions), "the home page")
    out.add(urls.PROVINCE, region.province_page(cat), "the province page")
    out.add(urls.YEARS, indexes.years_page(cat), "the years page")
    out.add(urls.TYPES, indexes.types_page(cat), "the types page")
    out.add(urls.METHODOLOGY, methodology.render(cat, settings), "the methodology page")
    out.add(urls.DOCUMENTS_JSON, data_files.documents_json(cat, settings), "the documents index")
    out.add(urls.NAV_FILE, nav.nav_yaml(cat, [item for ext in extensions for item in ext.nav()]), "the navigation")
    for r in cat.regions_with_pages():
        out.add_all(region.region_page(cat, r, extensions), f"region {r.name} (slug {r.slug}, {REGIONS_FILE})")
    for y in cat.years():
        out.add_all(indexes.year_page(cat, y), f"the page of year {y}")
    for t in cat.doc_types():
        out.add_all(indexes.type_page(cat, t), f"the page of document type {t}")
    docs = cat.documents
    around = doc_neighbours.neighbours(docs)
    changed = lastmod.corpus_dates(corpus.root)
    for doc in docs:
        out.add(urls.document(doc), document.render(cat, doc, settings, extensions, around[doc.id],
                                                    changed.get(doc.path.resolve())), f"document {doc.path}")
        out.add(urls.text_download(doc), data_files.plain_text(doc), f"the text download of {doc.path}")
    for ext in extensions:
        pages = dict(ext.pages())
        page = pages.get(search.RESULTS_PAGE)
        if isinstance(page, str):  # the results page carries every feature's search cards
            pages[search.RESULTS_PAGE] = page + search_cards.script(search_cards.cards(extensions))
        out.add_all(pages, f"the {type(ext).__name__} feature")
    return out.sorted()
