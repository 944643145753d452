"""The preview (``python -m builder serve``) renders a saved document's page as a full build does."""

from __future__ import annotations

from builder.commands.serve import page_markdown
from builder.pages.lastmod import corpus_dates
from builder.pages.settings import load_settings

from .sitebuild import REPO, BuiltSite


def test_a_document_rendered_alone_is_byte_for_byte_the_full_builds_page(built_site: BuiltSite) -> None:
    """A document's page depends on that document, the shared reference files and its two
    neighbours in the catalogue: the preview builds the features over that one document and
    must get the very same files."""
    settings = load_settings(REPO / "mkdocs.yml")
    dates = corpus_dates(built_site.corpus.root)
    for doc in built_site.corpus.documents:
        doc_id, files = page_markdown(built_site.corpus, doc.path, settings, dates)
        assert doc_id == doc.id
        for rel, content in files.items():
            assert content == (built_site.docs / rel).read_text(encoding="utf-8"), rel
