"""Front-matter facts of an imported document: type, region, year, id, title.

Only what the text states is taken from it; region facts come from the
reference file; a field the source does not state stays None.
"""

from __future__ import annotations

import re
from collections import Counter

from builder.corpus.regions import Region, RegionIndex

TYPE_SLUGS = {
    "政府工作报告": "gongzuobaogao",
    "政府工作报告（摘要）": "gongzuobaogao-zhaiyao",
    "规划纲要": "shisiwu-guihua-gangyao",
    "新闻": "xinwen",
}
PLAN_TITLE_RE = re.compile(r"关于印发\s*《(?P<title>.+?)》\s*的通知")


def doc_type_of(title_text: str) -> str:
    """The document type, read from its printed or listed title."""
    t = re.sub(r"\s", "", title_text)
    if "摘要" in t and "政府工作报告" in t:
        return "政府工作报告（摘要）"
    if "规划" in t and "纲要" in t:
        return "规划纲要"
    if "政府工作报告" in t:
        return "政府工作报告"
    return "新闻"


def region_of(texts: list[str], regions: RegionIndex) -> Region | None:
    """The region a document is about.

    The first text that names a region decides (the dateline or title:
    ``在吕梁市离石区第七届…`` names 离石区). Failing that, the region whose
    short name (``吕梁``, ``临县``) the body mentions most often.
    """
    for text in texts:
        found = regions.find_in(text)
        if found:
            return found
    body = "".join(texts)
    counts = Counter()
    for r in regions.by_name.values():
        short = r.name if len(r.name) <= 2 else r.name[:-1]
        counts[r.name] = body.count(short)
    best = counts.most_common(1)
    return regions.get(best[0][0]) if best and best[0][1] else None


def year_of(texts: list[str]) -> int | None:
    """The report year: the year its work plan is for (``2021年工作安排``),
    else the most frequent four-digit year of the 2000s."""
    body = "".join(texts)
    m = re.search(r"(20\d\d)\s*年(?:政府)?(?:主要)?工作安排", body)
    if m:
        return int(m.group(1))
    years = Counter(re.findall(r"(20\d\d)\s*年", body))
    return int(years.most_common(1)[0][0]) if years else None


def display_name(region: Region) -> str:
    """``吕梁市离石区`` for a district (its name alone is ambiguous), else the name."""
    if region.level == "市辖区" and region.parent:
        return region.parent + region.name
    return region.name


def make_title(doc_type: str, region: Region, year: int | None, hint: str | None) -> str:
    if doc_type == "新闻" and hint:
        return hint
    if doc_type == "规划纲要" and hint:
        return hint
    suffix = {"政府工作报告": "政府工作报告", "政府工作报告（摘要）": "政府工作报告（摘要）"}[doc_type]
    return f"{display_name(region)}{f'{year}年' if year else ''}{suffix}"


def make_id(region: Region, year: int | None, doc_type: str, taken: set[str]) -> str:
    """``lishi-2021-gongzuobaogao``; without the year when the text states none."""
    base = f"{region.slug}-{year}-{TYPE_SLUGS[doc_type]}" if year else f"{region.slug}-{TYPE_SLUGS[doc_type]}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
