"""Hostile edits of every corpus file kind, as a contributor could send them by pull request.

``PAYLOADS`` are the payload families of the issue; ``FIELDS`` are the routes: one
string field of each family of each file kind (document front matter and body,
``regions.yml``, a glossary entry, ``indicators.yml``, ``indicator_corrections.yml``),
each with the line of the fixture it is written on. ``tests/corpus/test_hostile_input.py``
shows ``builder check`` rejects each at its file and line; ``tests/website/test_hostile_site.py``
builds with check bypassed and shows no page carries active content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tests.corpus.conftest import DOC
from tests.corpus.test_schemas import CORRECTION, CORRECTIONS, GLOSSARY, INDICATORS, TERM, VOCABULARY

#: name -> payload. Each would run script, load from another host or hide text if it reached a page raw.
PAYLOADS: dict[str, str] = {
    "script tag": "<script>alert(1)</script>",
    "img onerror": "<img src=x onerror=alert(1)>",
    "svg onload": "<svg onload=alert(1)>",
    "entity-encoded tag": "&lt;img src=x onerror=alert(1)&gt;",
    "numeric-entity tag": "&#60;img src=x onerror=alert(1)&#62;",
    "double-encoded tag": "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
    "javascript link": "[x](javascript:alert(1))",
    "javascript with a tab": "[x](java\tscript:alert(1))",
    "javascript with a newline": "[x](java\nscript:alert(1))",
    "javascript with an entity": "[x](java&#115;cript:alert(1))",
    "javascript colon entity": "javascript&colon;alert(1)",
    "data url": "[x](data:text/html,<script>alert(1)</script>)",
    "markdown link": "[点此](https://evil.example/)",
    "markdown image": "![x](https://evil.example/x.png)",
    "autolink": "<https://evil.example/>",
    "attribute list": "{: onclick=alert(1) }",
    "attribute list, no handler": "{ .md-button tabindex=0 autofocus }",
    "backtick breakout": "` [x](javascript:alert(1)) `",
    "bidi override": "离石\u202e告报",
    "zero-width space": "离\u200b石",
    "NUL": "离石\x00区",
}


@dataclass(frozen=True)
class Field:
    """One route: a string of a file kind, written on one line of the fixture."""

    kind: str
    file: str  # corpus-relative
    old: str  # the fixture line's text
    template: str  # the new text, with @ where the payload goes
    yaml: bool = True

    def apply(self, root: Path, payload: str) -> int:
        """Write the payload into the corpus at ``root`` (at ``@`` of the template, as a YAML string
        in a YAML file); return the file line it lands on."""
        path = root / self.file
        text = path.read_text(encoding="utf-8")
        assert self.old in text, self.old
        value = json.dumps(payload, ensure_ascii=False) if self.yaml else payload.replace("\n", " ")
        before, _, after = self.template.partition("@")
        start = text.index(self.old)
        path.write_text(text[:start] + before + value + after + text[start + len(self.old):], encoding="utf-8")
        return text[:start].count("\n") + 1 + before.count("\n")


REGIONS = "regions.yml"
FIELDS: dict[str, Field] = {
    # document front matter
    "document title": Field("front matter", DOC, "title: 吕梁市离石区2021年政府工作报告", "title: @"),
    "document congress": Field("front matter", DOC, "congress: 吕梁市离石区第七届人民代表大会第一次会议",
                               "congress: @"),
    "document speaker": Field("front matter", DOC, "speaker: 李军", "speaker: @"),
    "document speaker_title": Field("front matter", DOC, "speaker_title: 区长", "speaker_title: @"),
    "document completeness note": Field("front matter", DOC, "note: 测试用节选：只保留报告开头几段。", "note: @"),
    "document source file": Field("front matter", DOC, "file: mini-lishi.txt", "file: @"),
    "document source sha256": Field("front matter", DOC,
                                    "sha256: d8137c5c6f2dbdcec05e1bcd2e6f4d87c5684d9e909ce2692f95524712a9b2cc",
                                    "sha256: @"),
    "document omitted reason": Field("front matter", DOC, "lines: 1-23",
                                     "lines: 1-23\n  omitted:\n  - {lines: 2-3, reason: @}"),
    "document correction": Field("front matter", DOC, "lines: 1-23",
                                 "lines: 1-23\n  corrections:\n  - {raw: 甲, corrected: @, reason: 错字}"),
    "document region_code": Field("front matter", DOC, "region_code: '141102'", "region_code: @"),
    "document key": Field("front matter", DOC, "speaker: 李军", "speaker: 李军\n@: 1"),
    # document body
    "paragraph": Field("body", DOC, "各位代表： {#p-4}", "各位代表：@ {#p-4}", yaml=False),
    "heading": Field("body", DOC, "（一）疫情防控取得重大成果 {#h-2}", "（一）疫情防控@ {#h-2}", yaml=False),
    "table cell": Field("body", DOC, "| 经济发展 | 1 |", "| 经济发展@ | 1 |", yaml=False),
    # regions.yml
    "region name": Field("regions", REGIONS, "name: 离石区,", "name: @,"),
    "region slug": Field("regions", REGIONS, "slug: lishi}", "slug: @}"),
    "region code": Field("regions", REGIONS, 'code: "141102"', "code: @"),
    "region parent": Field("regions", REGIONS, "parent: 吕梁市, slug: lishi", "parent: @, slug: lishi"),
    "province name": Field("regions", REGIONS, "  name: 山西省", "  name: @"),
    # a glossary entry
    "glossary term": Field("glossary", GLOSSARY, "term: 三零", "term: @"),
    "glossary variants": Field("glossary", GLOSSARY, "variants: []", "variants: [@]"),
    "glossary expansion": Field("glossary", GLOSSARY, "expansion: unknown", "expansion: @"),
    "glossary explanation": Field("glossary", GLOSSARY, "explanation: 平安建设中的提法。", "explanation: @"),
    "glossary level": Field("glossary", GLOSSARY, "level: 吕梁市", "level: @"),
    "glossary public source": Field("glossary", GLOSSARY, "    - inference: 只见于吕梁。", "    - public: @"),
    "glossary quote": Field("glossary", GLOSSARY, "    - inference: 只见于吕梁。",
                            "    - {corpus: lishi-2021-gongzuobaogao#p-4, quote: @}"),
    "glossary inference": Field("glossary", GLOSSARY, "    - inference: 只见于吕梁。", "    - inference: @"),
    "glossary related": Field("glossary", GLOSSARY, "related: []", "related: [@]"),
    # indicators.yml
    "indicator name": Field("indicators", INDICATORS, "name: 地区生产总值", "name: @"),
    "indicator synonyms": Field("indicators", INDICATORS, "synonyms: [GDP]", "synonyms: [GDP, @]"),
    "indicator units": Field("indicators", INDICATORS, "units: [亿元]", "units: [@]"),
    "indicator category": Field("indicators", INDICATORS, "category: 经济总量", "category: @"),
    "indicator not_after": Field("indicators", INDICATORS, "category: 经济总量",
                                 "category: 经济总量\n    not_after: [@]"),
    "indicator pair phrase": Field("indicators", INDICATORS, "category: 经济总量",
                                   "category: 经济总量\npairs:\n  - {phrase: @, parts: [gdp, gdp]}"),
    # indicator_corrections.yml
    "correction quote": Field("corrections", CORRECTIONS, "quote: 各位代表}", "quote: @}"),
    "correction reason": Field("corrections", CORRECTIONS, "reason: 原文如此。", "reason: @"),
    "correction qualifier": Field("corrections", CORRECTIONS, "quote: 各位代表}", "quote: 各位代表, qualifier: @}"),
    "correction doc": Field("corrections", CORRECTIONS, "doc: lishi-2021-gongzuobaogao", "doc: @"),
}


def with_every_kind(root: Path) -> Path:
    """The fixture corpus at ``root`` plus one glossary entry, a vocabulary and a correction."""
    for rel, text in ((GLOSSARY, TERM), (INDICATORS, VOCABULARY), (CORRECTIONS, CORRECTION)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root

