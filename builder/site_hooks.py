"""MkDocs hook (``hooks:`` in mkdocs.yml): theme files the site does not publish.

Material ships lunr, its language packs and the worker of its built-in search
plugin, which is off (the edition's own search replaces it), and a ``.map``
beside every minified file (1.24 MB a reader's browser never asks for).
``on_files`` is MkDocs' documented event for the file list, theme files
included, so these are never copied, rather than deleted afterwards.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

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
    return files
