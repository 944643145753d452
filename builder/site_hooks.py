"""MkDocs hook (``hooks:`` in mkdocs.yml): which files the site publishes.

- ``data/texts/*.md`` as files: every ``.md`` file in ``docs_dir`` is a page
  to MkDocs, but the Markdown source of a document is a download, served
  verbatim at ``/data/texts/<id>.md``. Marking those files static keeps page
  links to them checked by ``--strict`` like any other link.
- Not Material's search assets or source maps: the theme ships lunr, its
  language packs and the search worker for its built-in search plugin, which
  is off (the edition's own search replaces it), and a ``.map`` beside every
  minified file (1.24 MB a reader's browser never asks for). ``on_files`` is
  MkDocs' documented event for the file list, theme files included, so
  these are never copied rather than deleted afterwards.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

DOWNLOADS = "data/texts/"


class DownloadFile(File):
    """A Markdown file copied as it is, not rendered."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False


#: Theme files the site does not serve while Material's search plugin is off.
UNUSED_THEME_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def unused_theme_asset(f: File, config: MkDocsConfig) -> bool:
    if not f.src_uri.startswith("assets/") or f.src_dir == config.docs_dir:
        return False
    if f.src_uri.endswith(".map"):
        return True
    search_on = "material/search" in config.plugins or "search" in config.plugins
    return not search_on and f.src_uri.startswith(UNUSED_THEME_ASSETS)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for f in list(files):
        if unused_theme_asset(f, config):
            files.remove(f)
            continue
        if f.src_uri.startswith(DOWNLOADS) and f.src_uri.endswith(".md"):
            files.remove(f)
            files.append(DownloadFile(f.src_uri, f.src_dir, f.dest_dir, f.use_directory_urls,
                                      dest_uri=f.src_uri, inclusion=f.inclusion))
    return files
