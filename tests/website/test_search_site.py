"""The shipped site carries the edition's search index and not Material's."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from builder.search.index import MANIFEST

from .sitebuild import REPO, BuiltSite


def test_material_search_index_is_not_shipped(built_site: BuiltSite) -> None:
    assert not (built_site.site / "search" / "search_index.json").exists()


def test_the_index_is_published_in_pieces(built_site: BuiltSite) -> None:
    manifest = json.loads((built_site.site / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["docs"]) == len(built_site.corpus.documents)
    shards = list((built_site.site / "search" / "g").glob("*.txt.gz"))
    assert len(shards) == manifest["shards"] > 1
    largest = max(p.stat().st_size for p in shards)
    total = sum(p.stat().st_size for p in (built_site.site / "search").rglob("*") if p.is_file())
    assert largest < total / 50  # a query fetches a few small shards, never the whole index


def test_every_page_has_the_search_box_in_the_header(built_site: BuiltSite) -> None:
    doc = built_site.corpus.documents[0]
    html = built_site.html(f"documents/{doc.id}").read_text(encoding="utf-8")
    header = html[html.index("<header"):html.index("</header>")]
    assert "data-edition-search-input" in header
    assert 'data-md-component="search"' not in html


@pytest.mark.browser
def test_search_eval_judges_units_in_both_views_per_family(built_site: BuiltSite) -> None:
    """A handful of queries of each family; the full run is ``python -m builder search-eval``."""
    result = subprocess.run(
        [sys.executable, "-m", "builder", "search-eval", "--corpus", str(built_site.corpus.root),
         "--site", str(built_site.site), "--limit", "2", "--sample", "3", "--family", "2", "--cold", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    all_row = next(line for line in lines if line.startswith("| all |")).split("|")
    assert all_row[3:5] == [" 1.000 / 1.000 ", " 1.000 / 1.000 "], result.stdout
    assert all_row[6] == " 0 / 0 ", result.stdout  # no unit shown twice
    for exact in all_row[5].split(" / "):  # every query exact in each view
        hit, total = exact.strip().split("/")
        assert hit == total, result.stdout
    for family in ("region", "random", "punct", "unquoted", "spaced", "traditional", "compat", "single"):
        assert f"| {family} | 2 |" in result.stdout, family
    assert "requests to other hosts: 0" in result.stdout


def test_the_results_page_preloads_every_search_module_so_imports_do_not_wait_on_each_other(
        built_site: BuiltSite) -> None:
    """``main.js`` is the entry; on the results page every module it imports is announced in the
    head with modulepreload."""
    html = built_site.html("search/").read_text(encoding="utf-8")
    preloaded = set(re.findall(r'rel="modulepreload" href="[^"]*search/([a-z]+\.js)"', html))
    modules = {p.name for p in (REPO / "site_overrides/assets/javascripts/search").glob("*.js")} - {"main.js"}
    assert preloaded == modules
    assert 'type="module" src="../assets/javascripts/search/main.js"' in html


@pytest.mark.parametrize("url", ["", "documents/lishi-2021-shisiwu-guihua-gangyao/", "glossary/"])
def test_other_pages_load_the_search_without_preloads_that_compete_with_the_first_paint(
        built_site: BuiltSite, url: str) -> None:
    html = built_site.html(url).read_text(encoding="utf-8")
    assert "modulepreload" not in html
    assert re.search(r'type="module" src="[./]*assets/javascripts/search/main\.js"', html)
