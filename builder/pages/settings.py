"""Site facts the pages need, read from ``mkdocs.yml`` so they are stated once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class SiteSettings:
    site_name: str
    site_url: str  # ends with "/"
    repo_url: str  # no trailing "/"
    branch: str

    def page_url(self, url_path: str) -> str:
        """Absolute permalink of a page given its site-relative URL path."""
        return self.site_url + url_path

    def edit_url(self, repo_path: str) -> str:
        return f"{self.repo_url}/edit/{self.branch}/{repo_path}"

    def blob_url(self, repo_path: str) -> str:
        return f"{self.repo_url}/blob/{self.branch}/{repo_path}"

    def new_issue_url(self) -> str:
        return f"{self.repo_url}/issues/new"


def load_settings(config_file: Path) -> SiteSettings:
    """Read ``site_name``, ``site_url`` and ``extra.repository`` from mkdocs.yml.

    The repository lives under ``extra`` rather than MkDocs' ``repo_url``:
    Material fetches star and fork counts for ``repo_url`` from the GitHub
    API at view time, and the site must make no request to another host.
    """
    data = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    repo = (data.get("extra") or {}).get("repository") or {}
    site_url = str(data.get("site_url") or "")
    if not site_url or not repo.get("url"):
        raise ValueError(f"{config_file}: site_url and extra.repository.url are required")
    return SiteSettings(
        site_name=str(data.get("site_name", "")),
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        repo_url=str(repo["url"]).rstrip("/"),
        branch=str(repo.get("branch") or "main"),
    )
