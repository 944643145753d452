"""The region reference (``corpus/regions.yml``): codes, levels, hierarchy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.corpus.errors import CorpusError, Problem

ADMIN_LEVELS = ("地级市", "县级市", "县", "市辖区")


@dataclass(frozen=True)
class Region:
    name: str
    code: str
    level: str
    parent: str | None  # the prefecture city; None for a prefecture city itself
    slug: str
    province: str

    @property
    def prefecture(self) -> str:
        """The prefecture city a region belongs to (itself for a prefecture)."""
        return self.parent or self.name


@dataclass(frozen=True)
class RegionIndex:
    province: str
    province_code: str
    by_name: dict[str, Region]

    def get(self, name: str) -> Region | None:
        return self.by_name.get(name)

    def children(self, name: str) -> list[Region]:
        return sorted((r for r in self.by_name.values() if r.parent == name), key=lambda r: r.code)

    def prefectures(self) -> list[Region]:
        return sorted((r for r in self.by_name.values() if r.parent is None), key=lambda r: r.code)

    def find_in(self, text: str) -> Region | None:
        """The region whose full name occurs first in ``text`` (longest name on ties).

        ``吕梁市离石区`` names both 吕梁市 and 离石区; the most specific region
        wins, so names of lower levels are preferred when both occur.
        """
        hits = [r for r in self.by_name.values() if r.name in text]
        if not hits:
            return None
        lower = [r for r in hits if r.parent is not None]
        pool = lower or hits
        return min(pool, key=lambda r: (text.index(r.name), -len(r.name)))


def load_regions(path: Path) -> RegionIndex:
    """Read the reference file, reporting problems as ``file:line`` messages."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise CorpusError([Problem(path, line, f"cannot read region reference: {exc}",
                                   "fix the YAML syntax")]) from exc
    problems: list[Problem] = []
    province = data.get("province", {}) if isinstance(data, dict) else {}
    regions: dict[str, Region] = {}
    for i, item in enumerate((data or {}).get("regions", []) or []):
        missing = [k for k in ("name", "code", "level", "slug") if not item.get(k)]
        if missing:
            problems.append(Problem(path, 1, f"region #{i + 1} lacks {', '.join(missing)}",
                                    "give every region name, code, level and slug"))
            continue
        if item["level"] not in ADMIN_LEVELS:
            problems.append(Problem(path, 1, f"region {item['name']}: unknown level "
                                    f"{item['level']!r}", f"use one of {', '.join(ADMIN_LEVELS)}"))
        regions[item["name"]] = Region(item["name"], str(item["code"]), item["level"],
                                       item.get("parent"), item["slug"], province.get("name", ""))
    for r in regions.values():
        if r.parent and r.parent not in regions:
            problems.append(Problem(path, 1, f"region {r.name}: parent {r.parent} is not listed",
                                    "add the parent city to regions"))
    if problems:
        raise CorpusError(problems)
    return RegionIndex(province.get("name", ""), str(province.get("code", "")), regions)
