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

#: The sample pages, and two source pages (not Lighthouse samples): the newspaper's, at a cited
#: block, so its highlight, its links back, its line anchors and an omitted part are all checked;
#: and the plan's, whose short consecutive lines that each start a block put line-number links
#: one line apart (WCAG 2.2's 24 px targets: the span's own line height, sources.css).
PAGES = {**SAMPLE_PAGES, "source": "documents/lvliang-2021-gongzuobaogao/#raw-p-2",
         "source-plan": "documents/lishi-2021-shisiwu-guihua-gangyao/#raw"}

#: axe's defaults leave out two rules Lighthouse scores: target-size (WCAG 2.2's 24 px
#: targets: the ¶ control, the figure and term links) and td-has-header (a cell under a
#: blank header, as the 专栏 tables had). Both are run here.
RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations'],
    rules: {'target-size': {enabled: true}, 'td-has-header': {enabled: true}}});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                first: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


#: Material applies the dark scheme when its script runs, after the first paint, and its links
#: fade to the new colour (``transition: color``). In a block the page has not drawn yet
#: (``content-visibility``) the fade only starts when axe asks for the colour, so axe read the
#: light scheme's link colour on the dark background (2.44:1), a colour no reader sees once the
#: block is drawn. Transitions are switched off in the page before its scripts run, through a
#: constructed stylesheet (no element in the document); colours are then what they settle to.
NO_TRANSITIONS = """(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('*, *::before, *::after { transition: none !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
})();"""


def axe_source() -> Path:
    assert AXE.exists(), f"{AXE} missing: run `make browser` (npm ci in tests/website/node)"
    return AXE


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width_name", sorted(WIDTHS))
@pytest.mark.parametrize("page_name", sorted(PAGES))
def test_no_serious_or_critical_axe_violation(server: str, visit: Callable[..., Visit], page_name: str,
                                              width_name: str, scheme: str) -> None:
    v = visit(WIDTHS[width_name], scheme)
    v.page.add_init_script(NO_TRANSITIONS)
    page = v.open(server + PAGES[page_name])
    if page_name == "search":
        page.locator(".edition-search-page__results .md-search-result__list li").first.wait_for(timeout=10000)
    if page_name.startswith("source"):  # the span drawn from its packed file (source-text.js)
        page.locator("pre.raw-text:not(.raw-title)").wait_for(timeout=10000)
    # The page as loaded, as Lighthouse judges it: the blocks of a long text far from the
    # screen not drawn (reader.css, "Long pages"). axe then measures their content where it
    # would lie inside the room the stylesheet gives them, so a block given less room than
    # it takes shows as links on top of the next block's (target-size).
    page.add_script_tag(path=str(axe_source()))
    violations = page.evaluate(RUN)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert not v.foreign, v.foreign
