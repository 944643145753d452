"""MkDocs hook (``hooks:`` in mkdocs.yml): publish ``data/texts/*.md`` as files.

Every ``.md`` file in ``docs_dir`` is a page to MkDocs, but the Markdown
source of a document is a download, served verbatim at
``/data/texts/<id>.md``. Marking those files static keeps page links to them
checked by ``--strict`` like any other link.
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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for f in list(files):
        if f.src_uri.startswith(DOWNLOADS) and f.src_uri.endswith(".md"):
            files.remove(f)
            files.append(DownloadFile(f.src_uri, f.src_dir, f.dest_dir, f.use_directory_urls,
                                      dest_uri=f.src_uri, inclusion=f.inclusion))
    return files
