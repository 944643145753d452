"""axe-core on the pages readers use most: no serious or critical violation, at
375 px and 1280 px, in the light and the dark scheme.

axe-core is the npm package pinned in ``tests/website/node/package.json``
(installed by ``make browser``); the test injects its ``axe.min.js`` from that
local file into the page, so nothing is fetched from another host. Without it
installed the test fails (it does not skip): accessibility is a promise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.pages.samples import SAMPLE_PAGES

from .browsing import SCHEMES, WIDTHS, Visit
from .sitebuild import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "website" / "node" / "node_modules" / "axe-core" / "axe.min.js"

PAGES = SAMPLE_PAGES

RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                first: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


def axe_source() -> Path:
    assert AXE.exists(), f"{AXE} missing: run `make browser` (npm ci in tests/website/node)"
    return AXE


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width_name", sorted(WIDTHS))
@pytest.mark.parametrize("page_name", sorted(PAGES))
def test_no_serious_or_critical_axe_violation(server: str, visit: Callable[..., Visit], page_name: str,
                                              width_name: str, scheme: str) -> None:
    v = visit(WIDTHS[width_name], scheme)
    page = v.open(server + PAGES[page_name])
    if page_name == "search":
        page.locator(".edition-search-page__results .md-search-result__list li").first.wait_for(timeout=10000)
    # Long pages draw a block of the text only near the screen (reader.css, content-visibility);
    # axe judges an undrawn block from geometry it does not have (its colours came out as the
    # light scheme's on the dark plan page, though getComputedStyle gives the right ones). A
    # reader sees every block drawn, so axe is given the page with every block drawn.
    page.add_style_tag(content=".md-content__inner > * { content-visibility: visible !important; }")
    page.add_script_tag(path=str(axe_source()))
    violations = page.evaluate(RUN)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert not v.foreign, v.foreign
