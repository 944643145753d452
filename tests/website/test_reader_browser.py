"""The reader's experience in headless Chromium, at 375 px and 1280 px, light and dark.

Each test is one promise of issue 17 that would fail if it regressed: the
address keeps the paragraph, the ¶ control copies the permalink, tables show
their figures first, chart text is readable, one tooltip per tap, the search
page does not move, the font stack applies and quotes are full-width.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .browsing import SCHEMES, SCREENSHOTS, WIDTHS, Page, Visit
from .sitebuild import BuiltSite

pytestmark = pytest.mark.browser

REPORT = "documents/lvliang-2021-gongzuobaogao/"  # p-37: 今年全市主要预期目标是：地区生产总值增长8%以上…
PLAN = "documents/lishi-2021-shisiwu-guihua-gangyao/"
TERM_DOC = "documents/lishi-2021-gongzuobaogao/"  # p-6: 扎实做好“六稳”工作
PERMALINK = "https://shanxi-reports.github.io/shanxi-reports/" + REPORT + "#p-37"

EVERY_VIEW = [(w, s) for w in sorted(WIDTHS) for s in SCHEMES]


def _ids(view: tuple[str, str]) -> str:
    return f"{view[0]}-{view[1]}"


def open_view(visit: Callable[..., Visit], view: tuple[str, str], url: str) -> tuple[Visit, Page]:
    v = visit(WIDTHS[view[0]], view[1])
    return v, v.open(url)


def clean(v: Visit) -> None:
    assert not v.errors, f"console errors: {v.errors}"
    assert not v.foreign, f"requests to other hosts: {v.foreign}"


@pytest.mark.parametrize("view", EVERY_VIEW, ids=_ids)
def test_the_address_keeps_the_paragraph_while_the_reader_scrolls(
        server: str, visit: Callable[..., Visit], view: tuple[str, str]) -> None:
    v, page = open_view(visit, view, server + REPORT + "#p-37")
    for _ in range(4):
        page.mouse.wheel(0, 40)
        page.wait_for_timeout(150)
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(600)
    assert page.evaluate("window.scrollY") > 0
    assert page.url.endswith("#p-37"), page.url
    clean(v)


@pytest.mark.parametrize("view", EVERY_VIEW, ids=_ids)
def test_the_paragraph_control_copies_the_permalink_and_says_so(
        server: str, visit: Callable[..., Visit], view: tuple[str, str]) -> None:
    v, page = open_view(visit, view, server + REPORT + "#p-37")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    control = page.locator("#p-37 a.para-link")
    box = control.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
    control.click()
    status = page.locator(".para-panel__status")
    status.wait_for(state="visible", timeout=5000)
    page.wait_for_function("document.querySelector('.para-panel__status').textContent.includes('已复制')",
                           timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == PERMALINK
    assert page.url.endswith("#p-37")
    panel = page.locator(".para-panel").bounding_box()
    assert panel is not None and panel["x"] >= 0 and panel["x"] + panel["width"] <= WIDTHS[view[0]]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"paragraph-copied-{_ids(view)}.png"))
    clean(v)


def test_cite_this_paragraph_gives_three_formats_with_the_anchor(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + REPORT + "#p-37")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("#p-37 a.para-link").click()
    page.get_by_role("button", name="引用本段").click()
    formats = page.locator(".para-panel__format pre")
    formats.first.wait_for(state="visible", timeout=5000)
    plain, bibtex, csl = (formats.nth(i).inner_text() for i in range(3))
    assert plain.startswith("吕梁市人民政府. 吕梁市2021年政府工作报告[R/OL].") and plain.endswith(PERMALINK)
    assert "YYYY-MM-DD" not in plain + bibtex + csl  # the access date is filled in
    assert bibtex.startswith("@techreport{lvliang-2021-gongzuobaogao-p-37,")
    assert f"url = {{{PERMALINK}}}" in bibtex
    item = json.loads(csl)[0]
    assert item["URL"] == PERMALINK and item["author"] == [{"literal": "吕梁市人民政府"}]
    assert len(item["accessed"]["date-parts"][0]) == 3
    page.locator(".para-panel__format").nth(1).get_by_role("button", name="复制").click()
    page.wait_for_function("document.querySelector('.para-panel__status').textContent.includes('BibTeX')")
    assert page.evaluate("navigator.clipboard.readText()") == bibtex.strip()
    clean(v)


def test_the_document_citation_wraps_and_has_copy_buttons(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + PLAN)
    code = page.locator(".edition-cite pre code").first
    code.scroll_into_view_if_needed()
    assert code.evaluate("c => c.scrollWidth <= c.clientWidth + 1"), "the reference runs off the screen"
    assert page.locator(".edition-cite button.md-code__button[data-md-type=copy], "
                        ".edition-cite button.md-clipboard").count() >= 1
    assert "YYYY-MM-DD" not in code.inner_text()
    clean(v)


def test_a_permalink_to_a_citation_tab_opens_that_tab(server: str, visit: Callable[..., Visit]) -> None:
    # Material's script that checks the tab a permalink names, written only on pages with tabs
    # (site_overrides/partials/javascripts/content.html)
    v = visit(WIDTHS["phone"])
    page = v.open(server + REPORT + "#__tabbed_1_2")
    assert page.locator("#__tabbed_1_2").is_checked()
    assert page.locator(".tabbed-set").first.get_by_text("@techreport{").first.is_visible()
    clean(v)


TABLE_PAGES = ["indicators/gdp/target-2021/", "indicators/gdp/", "indicators/", PLAN, "regions/lvliang/"]


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_no_table_shows_two_empty_columns_first_on_a_phone(server: str, visit: Callable[..., Visit],
                                                         path: str) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + path)
    empties = page.evaluate("""() => {
      const bad = [];
      document.querySelectorAll('.md-typeset table').forEach((t, i) => {
        const rows = [...t.tBodies[0]?.rows || []];
        if (!rows.length) return;
        const left = t.getBoundingClientRect().left;
        // the first two columns whose cells start inside the screen
        const cols = [...t.tHead.rows[0].cells].map((c, j) => [j, c.getBoundingClientRect().left - left])
          .filter(([, x]) => x < window.innerWidth).slice(0, 2).map(([j]) => j);
        const empty = cols.filter(j => rows.every(r => ['', '—'].includes((r.cells[j]?.textContent || '').trim())));
        if (cols.length === 2 && empty.length === 2) bad.push(i);
      });
      return bad;
    }""")
    assert empties == [], f"{path}: tables {empties} show two all-empty columns first"
    clean(v)


def test_the_indicator_table_keeps_the_region_in_view_and_the_figure_beside_it(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + "indicators/gdp/target-2021/")
    table = page.locator(".ind-table table").first
    heads = table.locator("thead th").all_inner_texts()
    assert heads[0] == "地区" and heads[1] in ("增速（%）", "水平"), heads
    wrap = table.locator("xpath=ancestor::div[contains(@class,'md-typeset__scrollwrap')]")
    if wrap.evaluate("w => w.scrollWidth > w.clientWidth"):
        wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
        page.wait_for_timeout(100)
        first = table.locator("tbody td").first.bounding_box()
        assert first is not None and first["x"] >= 0, "the region column scrolled away"
    clean(v)


@pytest.mark.parametrize("view", EVERY_VIEW, ids=_ids)
def test_chart_text_is_at_least_12px_and_bars_take_the_theme_colour(
        server: str, visit: Callable[..., Visit], view: tuple[str, str]) -> None:
    v, page = open_view(visit, view, server + "indicators/gdp/target-2021/")
    assert page.locator("img.ind-chart").count() == 0
    charts = page.locator("figure.bar-chart")
    assert charts.count() >= 1
    sizes = page.evaluate("""() => [...document.querySelectorAll('figure.bar-chart *')]
        .filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(e => parseFloat(getComputedStyle(e).fontSize))""")
    assert sizes and min(sizes) >= 12, min(sizes)
    bar = page.evaluate("""() => {
        const rect = document.querySelector('figure.bar-chart rect');
        const bg = getComputedStyle(document.body).backgroundColor;
        return [getComputedStyle(rect).fill, bg,
                getComputedStyle(document.querySelector('figure.bar-chart')).backgroundColor];
    }""")
    fill, body_bg, chart_bg = bar
    assert chart_bg in ("rgba(0, 0, 0, 0)", body_bg), "the chart is drawn on its own slab"
    assert fill not in ("rgb(0, 0, 0)", body_bg)
    if view[1] == "light":
        assert fill == "rgb(183, 28, 28)"  # the primary colour, #b71c1c
    else:
        assert fill == "rgb(239, 154, 154)"  # its light tint on the slate scheme
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    charts.first.screenshot(path=str(SCREENSHOTS / f"chart-{_ids(view)}.png"))
    clean(v)


def _visible_tooltips(page: Page) -> int:
    return page.evaluate("""() => [...document.querySelectorAll(
          '.glossary-tip, .md-tooltip, .md-tooltip2, [role=tooltip]')]
        .filter(e => { const s = getComputedStyle(e); const b = e.getBoundingClientRect();
                       return !e.hidden && s.display !== 'none' && s.visibility !== 'hidden'
                              && parseFloat(s.opacity) > 0 && b.width > 0; }).length""")


def tap(page: Page, x: float, y: float) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.mark.parametrize("scheme", SCHEMES)
def test_one_tooltip_per_tap(server: str, visit: Callable[..., Visit], scheme: str) -> None:
    v = visit(WIDTHS["phone"], scheme)
    page = v.open(server + TERM_DOC)
    link = page.locator("#p-6 a.term[href*='glossary/liuwen/']").first
    link.scroll_into_view_if_needed()
    assert link.get_attribute("title") is None  # no second, browser tooltip either
    box = link.bounding_box()
    assert box is not None
    tap(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator(".glossary-tip").wait_for(state="visible", timeout=5000)
    page.wait_for_timeout(700)  # any other tooltip would have faded in by now
    assert _visible_tooltips(page) == 1
    clean(v)


def test_one_tooltip_on_hover_with_readable_text(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + TERM_DOC)
    page.locator("#p-6 a.term[href*='glossary/liuwen/']").first.hover()
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    page.wait_for_timeout(700)
    assert _visible_tooltips(page) == 1
    assert float(tip.evaluate("t => parseFloat(getComputedStyle(t).fontSize)")) >= 12
    page.mouse.move(5, 700)
    tip.wait_for(state="hidden", timeout=5000)
    clean(v)


GDP_2021 = "#p-41 a.ind-mark[href$='/indicators/gdp/target-2021/']"  # 地区生产总值增长10%左右


def test_hovering_an_indicator_mark_names_its_indicator_period_and_reading(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + TERM_DOC)
    mark = page.locator(GDP_2021).first
    assert mark.get_attribute("title") is None  # no second, browser tooltip
    mark.hover()
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text().startswith("地区生产总值：2021年目标 · 增长10%左右")
    page.wait_for_timeout(700)
    assert _visible_tooltips(page) == 1
    clean(v)


def test_a_focused_indicator_mark_is_described_by_the_popup(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + TERM_DOC)
    mark = page.locator(GDP_2021).first
    mark.focus()
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    assert mark.get_attribute("aria-describedby") == tip.get_attribute("id")
    assert "地区生产总值：2021年目标" in tip.inner_text()
    clean(v)


def test_a_mark_in_a_plan_table_names_the_reading_of_its_caption(server: str, visit: Callable[..., Visit]) -> None:
    """A 专栏 cell's record names the paragraph before the table as 出处: the popup finds it there."""
    v = visit(WIDTHS["desktop"])
    page = v.open(server + PLAN)
    mark = page.locator("td a.ind-mark[href$='/indicators/gdp/target-2025/']", has_text="255").first
    mark.scroll_into_view_if_needed()
    mark.hover()
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text().startswith("地区生产总值：2025年目标 · 255亿元，年均增长9.8%")
    clean(v)


def test_tapping_an_indicator_mark_explains_it_once_then_opens_its_page(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + TERM_DOC)
    mark = page.locator(GDP_2021).first
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    assert box is not None
    tap(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible", timeout=5000)
    page.wait_for_timeout(700)  # any other tooltip would have faded in by now
    assert _visible_tooltips(page) == 1
    assert "地区生产总值：2021年目标" in tip.inner_text()
    assert page.url.split("#")[0] == server + TERM_DOC  # the first tap explains, it does not navigate
    tap(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(server + "indicators/gdp/target-2021/", timeout=5000)
    clean(v)


CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("view", EVERY_VIEW, ids=_ids)
def test_the_search_page_does_not_shift_and_opens_with_the_term_card(
        server: str, visit: Callable[..., Visit], view: tuple[str, str]) -> None:
    v, page = open_view(visit, view, server + "search/?q=三零")
    page.locator(".edition-search-page__results .md-search-result__list li").first.wait_for(timeout=10000)
    shift = page.evaluate(CLS)
    assert shift < 0.1, f"cumulative layout shift {shift:.3f}"
    card = page.locator(".search-card")
    assert card.is_visible()
    assert "零上访、零事故、零案件" in card.inner_text()
    assert card.locator("a.search-card__title").get_attribute("href").endswith("glossary/sanling/")
    clean(v)


def test_an_indicator_query_opens_with_its_comparison_card(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + "search/?q=GDP")
    card = page.locator(".search-card")
    card.wait_for(state="visible", timeout=5000)
    assert card.locator(".search-card__kind").inner_text() == "指标"
    card.locator("a.search-card__title").click()
    page.wait_for_url(server + "indicators/gdp/", timeout=5000)
    clean(v)


def _card(page: Page) -> tuple[str, str, str | None]:
    card = page.locator(".search-card")
    card.wait_for(state="visible", timeout=10000)
    return (card.locator(".search-card__kind").inner_text(), card.locator("a.search-card__title").inner_text(),
            card.locator("a.search-card__title").get_attribute("href"))


@pytest.mark.parametrize(("typed", "plain"), [("六穩", "六稳"), ("ＧＤＰ", "GDP"), ("“三零”", "三零")])
def test_a_query_opens_the_card_its_folded_form_opens(server: str, visit: Callable[..., Visit],
                                                      typed: str, plain: str) -> None:
    """The card reads a query with the search's own folding (search/fold.js): traditional
    characters, full-width letters and quotes open the same card as the plain query."""
    v = visit(WIDTHS["phone"])
    expected = _card(v.open(server + "search/?q=" + plain))
    assert expected[0] == ("指标" if plain == "GDP" else "术语")  # a whole-query card, not a related one
    assert _card(v.open(server + "search/?q=" + typed)) == expected
    clean(v)


@pytest.mark.parametrize("width_name", sorted(WIDTHS))
def test_the_font_stack_applies_and_quotes_are_full_width(server: str, visit: Callable[..., Visit],
                                                          width_name: str) -> None:
    v = visit(WIDTHS[width_name])
    page = v.open(server + TERM_DOC)
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
    assert family.startswith('"Edition CJK Quotes"'), family
    widths = page.evaluate("""() => {
      const p = document.getElementById('p-6');
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const em = parseFloat(getComputedStyle(p).fontSize);
      const out = [];
      while (walker.nextNode()) {
        const node = walker.currentNode;
        for (let i = 0; i < node.length; i++) {
          if ('“”'.includes(node.data[i])) {
            const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
            out.push(r.getBoundingClientRect().width / em);
          }
        }
      }
      return out;
    }""")
    assert widths and min(widths) >= 0.9, f"quote widths in em: {widths}"
    clean(v)


def test_marks_switch_off_and_it_stays_off(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + TERM_DOC)
    term = page.locator("#p-6 a.term").first
    assert "underline" in term.evaluate("t => getComputedStyle(t).textDecorationLine")
    page.locator("[data-marks-switch]").click()
    assert term.evaluate("t => getComputedStyle(t).textDecorationLine") == "none"
    assert page.locator("[data-marks-switch]").get_attribute("aria-pressed") == "true"
    page.reload(wait_until="networkidle")
    assert page.locator("#p-6 a.term").first.evaluate("t => getComputedStyle(t).textDecorationLine") == "none"
    page.locator("[data-marks-switch]").click()
    assert "underline" in page.locator("#p-6 a.term").first.evaluate("t => getComputedStyle(t).textDecorationLine")
    clean(v)


def test_edit_and_report_buttons_do_not_print(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + REPORT)
    assert page.locator("a.edit-document").is_visible()
    page.emulate_media(media="print")
    for selector in ("a.edit-document", "a.report-error", "[data-marks-switch]", "#p-37 a.para-link"):
        assert not page.locator(selector).is_visible(), selector
    clean(v)


def test_previous_and_next_documents(server: str, visit: Callable[..., Visit], built_site: BuiltSite) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + REPORT)
    nxt = page.locator("a.doc-pager__link--next")
    prev = page.locator("a.doc-pager__link--prev")
    assert nxt.count() + prev.count() >= 1
    target = nxt if nxt.count() else prev
    title = target.inner_text().splitlines()[-1]
    target.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith(title)
    clean(v)


#: The first block of the text below the header, and how far its top sits from the header.
TOP_BLOCK = """() => {
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  for (const b of document.querySelectorAll('.md-content__inner > [id]')) {
    const r = b.getBoundingClientRect();
    if (r.bottom > top + 1) return [b.id, Math.round(r.top - top)];
  }
}"""


def test_a_long_page_draws_only_the_blocks_near_the_screen(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + PLAN)
    drawn = "id => document.querySelector(`#${id} .para-link`).checkVisibility({contentVisibilityAuto: true})"
    skipped = page.evaluate(f"""() => [...document.querySelectorAll('.md-content__inner > p[id^="p-"]')]
      .filter(p => !({drawn})(p.id)).length""")
    total = page.locator(".md-content__inner > p[id^='p-']").count()
    assert skipped > total / 2, f"{skipped} of {total} paragraphs skipped at load"
    assert not page.evaluate(f"({drawn})('p-250')")
    page.locator("#p-250").scroll_into_view_if_needed()  # an anchor still reaches a skipped block
    page.wait_for_timeout(300)
    assert page.evaluate(f"({drawn})('p-250')")
    clean(v)


def test_a_page_load_fetches_no_sitemap(server: str, visit: Callable[..., Visit]) -> None:
    """Material's instant navigation fetched the whole sitemap.xml (an entry per page of the
    site) on every fresh page load: bytes and start-up work per visit that grew with the corpus."""
    v = visit(WIDTHS["phone"])
    requested: list[str] = []
    v.page.on("request", lambda r: requested.append(r.url))
    v.open(server + PLAN)
    assert requested and not [u for u in requested if "sitemap" in u], requested
    clean(v)


def test_a_paragraph_opened_by_its_permalink_is_not_covered_by_the_back_to_top_button(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + "documents/lvliang-2021-gongzuobaogao/#p-37")
    page.wait_for_timeout(500)
    assert not page.locator(".md-top").is_visible()
    clean(v)


def test_the_back_to_top_button_shows_when_the_reader_scrolls_back_up(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + PLAN)
    page.mouse.move(180, 400)
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    page.locator(".md-top").wait_for(state="visible")
    clean(v)


#: Every change to <body>'s attributes while a page loads, and whether the text had been
#: parsed by then: recorded from before the page's first script runs.
BODY_CHANGES = """
window.__bodyChanges = [];
new MutationObserver(records => records.forEach(r => {
  if (r.target === document.body) window.__bodyChanges.push(
    [r.attributeName, !!document.querySelector('.md-content')]);
})).observe(document, {attributes: true, subtree: true});
"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_page_takes_the_reader_s_system_colour_scheme(
        server: str, visit: Callable[..., Visit], scheme: str) -> None:
    v = visit(WIDTHS["phone"], scheme)
    page = v.open(server + PLAN)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    # the toggle offers the other scheme
    label = page.locator("form[data-edition-palette] label:visible")
    assert label.count() == 1
    assert label.get_attribute("title") == ("切换到浅色模式" if scheme == "dark" else "切换到深色模式")
    clean(v)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_colour_scheme_is_set_before_the_text_is_parsed_and_never_again(
        server: str, visit: Callable[..., Visit], scheme: str) -> None:
    """Setting the scheme once the text is there restyles every element of a long page
    (Material's palette component did it three times, issue 17): the edition sets it while
    only the header exists, and loading the page changes <body> no more."""
    v = visit(WIDTHS["phone"], scheme)
    v.context.add_init_script(BODY_CHANGES)
    page = v.open(server + PLAN)
    page.wait_for_timeout(300)
    changes = page.evaluate("window.__bodyChanges")
    assert [name for name, _ in changes if name.startswith("data-md-color-")], changes
    assert not [name for name, parsed in changes if name.startswith("data-md-color-") and parsed], changes
    assert "data-md-color-switching" not in [name for name, _ in changes], changes
    # one meta color-scheme, the page's own (the HTML standard takes the first)
    metas = page.evaluate("() => [...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)")
    assert metas == ["light dark"], metas
    clean(v)


def test_the_colour_toggle_switches_the_page_and_the_pick_is_kept(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + PLAN)
    background = "getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.locator("form[data-edition-palette] label:visible").first.click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate(background) != light
    # the mobile browser's bar takes the header's colour
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == header
    # kept on the next page, though the system still asks for light
    page = v.open(server + "glossary/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.locator("form[data-edition-palette] label:visible").get_attribute("title") == "切换到浅色模式"
    clean(v)


def test_enter_on_the_focused_colour_toggle_switches(server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["desktop"])
    page = v.open(server + PLAN)
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    clean(v)


def test_without_a_pick_the_page_follows_a_change_of_the_system_scheme(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + PLAN)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    clean(v)


#: The height of every block of the text the stylesheet may skip, as the page lays it out.
BLOCK_HEIGHTS = """() => [...document.querySelectorAll(
  '.md-content__inner > :is(p[id], ul, ol, details, figure, .corpus-table, .ind-table)')]
  .map(b => [b.id || b.className, b.getBoundingClientRect().height])"""


@pytest.mark.parametrize("url", [PLAN, "indicators/gdp/target-2021/"])
@pytest.mark.parametrize("width", [320, WIDTHS["phone"], WIDTHS["desktop"]])
def test_a_block_not_yet_drawn_has_at_least_the_room_it_takes(
        server: str, visit: Callable[..., Visit], url: str, width: int) -> None:
    v = visit(width)
    page = v.open(server + url)
    room = page.evaluate(BLOCK_HEIGHTS)
    page.add_style_tag(content=".md-content__inner > * { content-visibility: visible !important; }")
    taken = page.evaluate(BLOCK_HEIGHTS)
    short = [(name, round(r), round(t)) for (name, r), (_, t) in zip(room, taken, strict=True) if t > r + 1]
    assert not short, f"blocks given less room than they take (block, room, height): {short[:5]}"
    clean(v)


@pytest.mark.parametrize("width_name", sorted(WIDTHS))
def test_the_back_button_returns_to_the_paragraph_the_reader_left(server: str, visit: Callable[..., Visit],
                                                                  width_name: str) -> None:
    v = visit(WIDTHS[width_name])
    page = v.open(server + PLAN)
    page.evaluate("document.getElementById('p-250').scrollIntoView()")
    page.mouse.wheel(0, 120)
    # the reader stops scrolling: the place is remembered (waited for, not timed: on a loaded
    # machine the script's 200 ms pause after the last scroll event can come much later)
    page.wait_for_function(f"""() => {{
      const place = JSON.parse(sessionStorage.getItem('edition.place:' + location.pathname) || 'null');
      const top = ({TOP_BLOCK})();
      return place !== null && place.id === top[0] && Math.abs(place.offset - top[1]) <= 1; }}""")
    left = page.evaluate(TOP_BLOCK)
    page.locator(".doc-meta a[href$='regions/lishi/']").dispatch_event("click")  # Material's instant navigation
    page.wait_for_url("**/regions/lishi/")
    page.go_back()
    page.wait_for_url("**/" + PLAN)
    page.wait_for_load_state("load")
    try:  # the place is put back after the browser's own restoring has settled
        page.wait_for_function(f"() => ({TOP_BLOCK})()[0] === {json.dumps(left[0])}", timeout=5000)
    except PlaywrightTimeout:
        pass  # the assertion below says where the page came back instead
    page.wait_for_timeout(300)  # and it stays there
    back = page.evaluate(TOP_BLOCK)
    assert back[0] == left[0] and abs(back[1] - left[1]) <= 4, f"left at {left}, back at {back}"
    clean(v)


def test_a_plan_table_reads_as_cards_on_a_phone(
        server: str, visit: Callable[..., Visit]) -> None:
    v = visit(WIDTHS["phone"])
    page = v.open(server + PLAN)
    table = page.locator("#t-1 table")
    table.scroll_into_view_if_needed()
    page.wait_for_selector("#t-1 table[data-cards]", timeout=5000)
    cell = page.locator("#t-1 tbody tr").nth(1).locator("td").nth(3)  # 地区生产总值, 2015年: 67.9
    assert cell.get_attribute("data-label") == "2015年"
    assert cell.evaluate("c => getComputedStyle(c).display") != "table-cell"  # a line of the card, not a column
    clean(v)
