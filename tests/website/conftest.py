"""Session fixtures: the real site built once into a temporary folder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .sitebuild import BuiltSite, build_site, site_corpus_root


@pytest.fixture(scope="session")
def site_builder() -> Callable[..., BuiltSite]:
    return build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("site-a"), site_corpus_root())
