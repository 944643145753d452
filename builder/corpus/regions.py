"""The region reference (``corpus/regions.yml``): codes, levels, hierarchy.

The file and its schema::

    province: {name: 山西省, code: "140000", slug: shanxi}
    regions:
      - {name: 吕梁市, code: "141100", level: 地级市, parent: null,   slug: lvliang}
      - {name: 离石区, code: "141102", level: 市辖区, parent: 吕梁市, slug: lishi}

Names, codes and slugs are each unique; a parent is a listed prefecture city;
a slug is a lowercase slug that no site section uses (it becomes the folder
``regions/<slug>/`` and an element id on the home, year and type pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from builder.corpus import yamlsafe
from builder.corpus.errors import CorpusError, Problem
from builder.corpus.model import ADMIN_LEVELS
from builder.corpus.schema import Code6, Model, Slug, Text, reserved, validate

__all__ = ["ADMIN_LEVELS", "Region", "RegionIndex", "RegionsFile", "load_regions"]


class ProvinceEntry(Model):
    name: Text(20) = Field(description="write the province's name, 山西省")
    code: Code6 = Field(description="write the province's 6-digit code in quotes, \"140000\"")
    slug: Slug = Field(description="write the province's Latin slug, shanxi")


class RegionEntry(Model):
    name: Text(20) = Field(description="write the region's full name, e.g. 离石区")
    code: Code6 = Field(description="write the 6-digit division code (GB/T 2260) in quotes, e.g. \"141102\"")
    level: Literal[ADMIN_LEVELS] = Field(description=f"use one of {', '.join(ADMIN_LEVELS)}")
    parent: Text(20) | None = Field(description="name the prefecture city it belongs to, or null for a city")
    slug: Slug = Field(description="use the region's pinyin in lowercase letters, digits and '-', e.g. lishi")

    @field_validator("slug")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        return reserved(value, "use the region's pinyin, e.g. lishi")


class RegionsFile(Model):
    """``corpus/regions.yml``."""

    province: ProvinceEntry = Field(description="write province: {name: 山西省, code: \"140000\", slug: shanxi}")
    regions: list[RegionEntry] = Field(max_length=5000, description="list the regions, one mapping each")


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


def _cross_checks(entries: list[RegionEntry], loaded: yamlsafe.Loaded, path: Path) -> list[Problem]:
    """Unique names, codes and slugs; parents listed and themselves prefecture cities."""
    problems: list[Problem] = []
    first: dict[tuple[str, str], int] = {}
    by_name = {e.name: e for e in entries}
    for i, e in enumerate(entries):
        for key in ("name", "code", "slug"):
            value = getattr(e, key)
            j = first.setdefault((key, value), i)
            if j != i:
                problems.append(Problem(path, loaded.line_of(("regions", i, key)),
                                        f"region {e.name}: {key} {value!r} is also that of {entries[j].name} "
                                        f"(line {loaded.line_of(('regions', j, key))})",
                                        f"give every region its own {key}"))
        if e.parent is not None:
            parent = by_name.get(e.parent)
            if parent is None or parent.parent is not None:
                problems.append(Problem(path, loaded.line_of(("regions", i, "parent")),
                                        f"region {e.name}: parent {e.parent} is not a listed prefecture city",
                                        "add the parent city to regions (with parent: null) or fix the name"))
    return problems


def load_regions(path: Path) -> RegionIndex:
    """Read the reference file; raise CorpusError with ``file:line`` problems."""
    loaded = yamlsafe.read_file(path)
    model, problems = validate(RegionsFile, loaded, path)
    if model is None:
        raise CorpusError(problems)
    problems = _cross_checks(model.regions, loaded, path)
    if problems:
        raise CorpusError(problems)
    province = model.province
    regions = {e.name: Region(e.name, e.code, e.level, e.parent, e.slug, province.name) for e in model.regions}
    return RegionIndex(province.name, province.code, regions)
