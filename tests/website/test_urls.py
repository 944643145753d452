"""Relative links between the site's pages, as the builder writes them into HTML and Markdown."""

from __future__ import annotations

import posixpath
from itertools import product

import pytest

from builder.pages import urls

#: Paths the builder links between: pages with and without a trailing slash, the site root,
#: files, a shared prefix that is not a shared folder (glossary / glossary-index).
PATHS = ["", ".", "documents/a", "documents/a/", "documents/b/index.html", "glossary/liuwen/",
         "glossary", "glossary-index/x", "indicators/gdp/target-2018/", "data/edition.sqlite.xz",
         "./documents/a", "documents//a", "search/t/3.json"]


@pytest.mark.parametrize(("path", "start"), list(product(PATHS, PATHS)))
def test_relpath_is_posixpaths_for_the_sites_paths(path: str, start: str) -> None:
    assert urls.relpath(path or ".", start or ".") == posixpath.relpath(path or ".", start or ".")


def test_a_dot_dot_or_an_absolute_path_is_left_to_posixpath() -> None:
    assert urls.relpath("a/../b", "c") == posixpath.relpath("a/../b", "c")
    assert urls.relpath("/a/b", "/a") == "b"


def test_href_from_a_document_to_a_glossary_term() -> None:
    assert urls.href("documents/a.md", "glossary/liuwen.md") == "../../glossary/liuwen/"
