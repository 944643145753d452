"""Assemble every generated file of the ``docs_dir``: relative path -> content."""

from __future__ import annotations

from builder.corpus.load import Corpus
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
from builder.pages.settings import SiteSettings


def generate(corpus: Corpus, settings: SiteSettings) -> dict[str, str | bytes]:
    cat = Catalogue(corpus)
    extensions = load_extensions(cat, settings)
    files: dict[str, str | bytes] = {
        urls.HOME: home.render(cat, settings, extensions),
        urls.PROVINCE: region.province_page(cat),
        urls.YEARS: indexes.years_page(cat),
        urls.TYPES: indexes.types_page(cat),
        urls.METHODOLOGY: methodology.render(cat, settings),
        urls.DOCUMENTS_JSON: data_files.documents_json(cat, settings),
        urls.NAV_FILE: nav.nav_yaml(cat, [item for ext in extensions for item in ext.nav()]),
    }
    for r in cat.regions_with_pages():
        files.update(region.region_page(cat, r, extensions))
    for y in cat.years():
        files.update(indexes.year_page(cat, y))
    for t in cat.doc_types():
        files.update(indexes.type_page(cat, t))
    docs = cat.documents
    around = doc_neighbours.neighbours(docs)
    changed = lastmod.corpus_dates(corpus.root)
    for doc in docs:
        files[urls.document(doc)] = document.render(cat, doc, settings, extensions, around[doc.id],
                                                    changed.get(doc.path.resolve()))
        files[urls.text_download(doc)] = data_files.plain_text(doc)
    for ext in extensions:
        for path, content in ext.pages().items():
            if path in files:
                raise ValueError(f"{type(ext).__name__} generates {path}, which another page already is")
            files[path] = content
    page = files.get(search.RESULTS_PAGE)
    if isinstance(page, str):
        files[search.RESULTS_PAGE] = page + search_cards.script(search_cards.cards(extensions))
    return dict(sorted(files.items()))
