"""Assemble every generated file of the ``docs_dir``: relative path -> content."""

from __future__ import annotations

from builder.corpus.load import REGIONS_FILE, Corpus
from builder.pages import data_files, document, home, indexes, methodology, nav, region, urls
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import load_extensions
from builder.pages.output import Output
from builder.pages.settings import SiteSettings


def generate(corpus: Corpus, settings: SiteSettings) -> dict[str, str | bytes]:
    """Every generated file; ``OutputError`` when a path is unsafe or two sources share one."""
    cat = Catalogue(corpus)
    extensions = load_extensions(cat, settings)
    out = Output()
    out.add(urls.HOME, home.render(cat, settings), "the home page")
    out.add(urls.PROVINCE, region.province_page(cat), "the province page")
    out.add(urls.YEARS, indexes.years_page(cat), "the years page")
    out.add(urls.TYPES, indexes.types_page(cat), "the types page")
    out.add(urls.METHODOLOGY, methodology.render(cat, settings), "the methodology page")
    out.add(urls.DOCUMENTS_JSON, data_files.documents_json(cat, settings), "the documents index")
    out.add(urls.NAV_FILE, nav.nav_yaml(cat, [item for ext in extensions for item in ext.nav()]), "the navigation")
    for r in cat.regions_with_pages():
        out.add_all(region.region_page(cat, r), f"region {r.name} (slug {r.slug}, {REGIONS_FILE})")
    for y in cat.years():
        out.add_all(indexes.year_page(cat, y), f"the page of year {y}")
    for t in cat.doc_types():
        out.add_all(indexes.type_page(cat, t), f"the page of document type {t}")
    for doc in cat.documents:
        out.add(urls.document(doc), document.render(cat, doc, settings, extensions), f"document {doc.path}")
        out.add(urls.text_download(doc), data_files.plain_text(doc), f"the text download of {doc.path}")
    for ext in extensions:
        out.add_all(ext.pages(), f"the {type(ext).__name__} feature")
    return out.sorted()
