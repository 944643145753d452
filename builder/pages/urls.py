"""Where every generated page and data file lives, and how pages link each other.

All paths are ``docs_dir``-relative source paths (``documents/<id>.md``);
links between pages are relative source paths so that ``mkdocs build
--strict`` validates every one of them.
"""

from __future__ import annotations

import posixpath

from builder.corpus.model import DOC_TYPES, Document
from builder.corpus.regions import Region

HOME = "index.md"
PROVINCE = "regions/index.md"
YEARS = "years/index.md"
TYPES = "types/index.md"
METHODOLOGY = "about/methodology.md"
DOCUMENTS_JSON = "data/documents.json.gz"  # gzip-compressed: builder.pages.data_files
NAV_FILE = ".nav.yml"  # dot-file: MkDocs excludes it from the site by default

#: URL slug of each document type (the Chinese names are the corpus vocabulary).
TYPE_SLUGS: dict[str, str] = dict(zip(
    DOC_TYPES, ("gongzuobaogao", "gongzuobaogao-zhaiyao", "guihua-gangyao", "xinwen"),
    strict=True))


def document(doc: Document) -> str:
    return document_id(doc.id)


def document_id(doc_id: str) -> str:
    """The page of a document known only by its id (a record, a review)."""
    return f"documents/{doc_id}.md"


def region(r: Region) -> str:
    return f"regions/{r.slug}/index.md"


def year(value: int) -> str:
    return f"years/{value}.md"


def doc_type(name: str) -> str:
    return f"types/{TYPE_SLUGS[name]}.md"


#: The document page's section that holds its raw span (``builder.pages.sources``): ``#source``.
SOURCE_SECTION = "source"


def raw_anchor(block_id: str) -> str:
    """The id of block ``block_id``'s raw range inside the document page's raw span
    (``raw-p-12`` for ``p-12``): the page's own blocks hold the plain ids."""
    return f"raw-{block_id}"


def source_text(doc: Document) -> str:
    """The document's raw span as edits of its text in the search chunks
    (``builder.pages.raw_delta``), stored gzip-compressed beside its page and drawn into the
    page's 原文 section by ``source-text.js``."""
    return f"documents/{doc.id}/{SOURCE_TEXT}"


#: The file name of ``source_text``, as the page's placeholder names it (relative to the page).
SOURCE_TEXT = "raw-edits.json.gz"


def raw_file(doc: Document) -> str:
    """The document's raw file in the repository (not copied into the site: its source page shows
    the span, and makes the span's download in the browser, ``text-downloads.js``)."""
    return f"sources/{doc.meta.source.file}"


def corpus_file(doc: Document) -> str:
    """The document's file in the repository, the one a correction edits."""
    return f"corpus/documents/{doc.id}.md"


def url_path(src: str) -> str:
    """Site-relative URL of a source path under ``use_directory_urls``."""
    if not src.endswith(".md") or src.startswith("data/"):
        return src
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return f"{stem}/" if stem else ""


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for the site's relative paths, without its two
    ``abspath`` calls (each asks the OS for the working directory): the builder makes a link
    for every glossary mark, indicator row and listing entry, about 140,000 at N = 1,000, and
    ``posixpath.relpath`` was 3 % of the build. ``relpath("glossary/liuwen/", "documents/a")``
    is ``"../../glossary/liuwen"``. An absolute path or a ``..`` goes to ``posixpath.relpath``."""
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    to = [c for c in path.split("/") if c and c != "."]
    here = [c for c in start.split("/") if c and c != "."]
    common = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def link(from_src: str, to_src: str) -> str:
    """Relative link from one source file to another, as Markdown wants it."""
    return relpath(to_src, posixpath.dirname(from_src) or ".")


def href(from_src: str, to_src: str) -> str:
    """Relative URL from one page to another page or file, as the built site has it.

    For HTML the builder writes itself (pre-rendered document bodies), which
    MkDocs does not rewrite: ``href("documents/a.md", "glossary/liuwen.md")``
    is ``"../../glossary/liuwen/"``, as MkDocs makes of ``link(...)``.
    """
    base = url_path(from_src) if from_src.endswith(".md") else posixpath.dirname(from_src) + "/"
    target = url_path(to_src)
    rel = relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel
