"""MkDocs hook (``hooks:`` in mkdocs.yml): the edition's stylesheets served as one file, and
its classic scripts as one file.

The edition's CSS is seven small files in ``site_overrides/assets/stylesheets/``, and its
page scripts ten in ``site_overrides/assets/javascripts/``, one per concern, each easy to
find and review. A page that linked them all would ask for seventeen files at load: on a throttled
phone connection each is a round trip, the stylesheets all render-blocking (Lighthouse
counted them on every page), the scripts among the requests a long page's first paint waited
behind (plan outline, Lighthouse mobile: largest contentful paint about 3.0 s with nine
script requests, 2.6 s without). ``on_files``, MkDocs' documented event for the file list
(theme files included), replaces each group with one generated file, which
``site_overrides/main.html`` links:

- ``assets/stylesheets/edition.bundle.css``: the sheets in the cascade's order (a later one
  wins a tie);
- ``assets/javascripts/edition.bundle.js``: the scripts in the order they ran as separate
  deferred scripts. Each is a self-contained ``(function () { "use strict"; … })();``, so
  one after another they run exactly as before; a ``;`` between them keeps one from being
  read as a call of the one before. ``document.currentScript`` is the bundle, in the same
  folder as the files it replaces, so URLs made relative to it (glossary.js's tips) are
  unchanged.

Material's own stylesheets and scripts stay as Material ships them; the search's ES modules
(``assets/javascripts/search/``, ``search-card.js``) stay separate files, imported as modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


@dataclass(frozen=True)
class Bundle:
    """One generated file (``uri``) made of the theme files ``parts``, in this order."""

    uri: str
    parts: tuple[str, ...]
    separator: str = ""  # between two parts, after the first's text

    def text(self, texts: list[tuple[str, str]]) -> str:
        """The parts' texts one after the other, each under a comment naming its source file."""
        return "".join(f"/* ---- {uri} ---- */\n{text.rstrip()}{self.separator}\n" for uri, text in texts)


#: The edition's stylesheets, in cascade order (a later file wins a tie).
SHEETS = ("edition", "search", "indicators", "glossary", "glossary-index", "reader", "sources")
#: The edition's classic page scripts, in the order they run.
SCRIPTS = ("edition", "indicators", "glossary", "glossary-index", "paragraph-cite", "marks-switch",
           "table-cards", "scroll-place", "source-text", "text-downloads", "back-to-top")

STYLESHEET = Bundle("assets/stylesheets/edition.bundle.css", tuple(f"assets/stylesheets/{n}.css" for n in SHEETS))
SCRIPT = Bundle("assets/javascripts/edition.bundle.js", tuple(f"assets/javascripts/{n}.js" for n in SCRIPTS), ";")
BUNDLES = (STYLESHEET, SCRIPT)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for bundle in BUNDLES:
        texts = []
        for uri in bundle.parts:
            f = files.get_file_from_path(uri)
            if f is None or f.abs_src_path is None:
                raise FileNotFoundError(f"{uri}: a part of {bundle.uri} ({__name__}) is missing")
            texts.append((f.src_uri, Path(f.abs_src_path).read_text(encoding="utf-8")))
            files.remove(f)
        files.append(File.generated(config, bundle.uri, content=bundle.text(texts)))
    return files
