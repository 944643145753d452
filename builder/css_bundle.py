"""MkDocs hook (``hooks:`` in mkdocs.yml): the edition's stylesheets served as one file.

The edition's CSS is seven small files in ``site_overrides/assets/stylesheets/``,
one per concern, each easy to find and review. A page that linked all seven
asked for seven render-blocking files before its first paint (on a throttled
phone connection each is a round trip: Lighthouse counted them among the
render-blocking resources of every page). ``on_files``, MkDocs' documented
event for the file list (theme files included), replaces them with one
generated file, ``assets/stylesheets/edition.bundle.css``: their text in the
order below, the cascade's order, which ``site_overrides/main.html`` links.
Material's own stylesheets stay as Material ships them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

#: The edition's stylesheets, in cascade order (a later file wins a tie).
SHEETS = ("edition", "search", "indicators", "glossary", "glossary-index", "reader", "sources")
#: The one file that replaces them.
BUNDLE = "assets/stylesheets/edition.bundle.css"


def sheet_uri(name: str) -> str:
    return f"assets/stylesheets/{name}.css"


def bundle(texts: list[tuple[str, str]]) -> str:
    """The sheets' texts one after the other, each under a comment naming its source file."""
    return "".join(f"/* ---- {uri} ---- */\n{text.rstrip()}\n" for uri, text in texts)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    texts = []
    for name in SHEETS:
        f = files.get_file_from_path(sheet_uri(name))
        if f is None or f.abs_src_path is None:
            raise FileNotFoundError(f"{sheet_uri(name)}: a stylesheet of {__name__}.SHEETS is missing")
        texts.append((f.src_uri, Path(f.abs_src_path).read_text(encoding="utf-8")))
        files.remove(f)
    files.append(File.generated(config, BUNDLE, content=bundle(texts)))
    return files
