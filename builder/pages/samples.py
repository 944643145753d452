"""One page of each kind a reader meets, by its site path: what the accessibility tests
(``tests/website/test_accessibility.py``) and the Lighthouse benchmark (``benchmarks.lighthouse``)
both look at, so that a figure and a test speak of the same pages.

The report and the plan are the corpus's longest work report and its 十四五 outline; the term
and indicator pages are the ones the issues quote (三零, 地区生产总值: its 2021 targets, the
page with a chart and a table, and its page listing the periods).
"""

from __future__ import annotations

#: Page name -> path below the site root.
SAMPLE_PAGES = {
    "home": "",
    "report": "documents/lvliang-2021-gongzuobaogao/",
    "plan": "documents/lishi-2021-shisiwu-guihua-gangyao/",
    "search": "search/?q=三零",
    "term": "glossary/sanling/",
    "indicator": "indicators/gdp/target-2021/",
    "indicator-overview": "indicators/gdp/",
}
