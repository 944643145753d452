"""Benchmark: the browser's main-thread work while a page loads, from Chromium's own trace.

Lighthouse's mobile score (``benchmarks/lighthouse.py``) is what issue 17 aims at, but on a
shared machine one run's score swings by ten points: it multiplies the work it observed by
four and adds a simulated network. A change of a few tens of milliseconds of work (one
restyling of a long page less) is lost in that noise. This prints the work itself, the median
of several loads of each page in a 375 px phone-sized Chromium (Debian's, with the flags of
``builder.chromium``), the site served with gzip as by ``benchmarks.lighthouse``:

- ``busy``: the main thread's tasks from navigation to one second after the load event, ms;
- ``longest``: the longest of those tasks, ms;
- ``>50@4x``: their blocking time were the CPU four times slower (Lighthouse mobile's
  assumption): the sum over tasks of ``4 * duration - 50`` where positive, ms. An
  approximation of Lighthouse's total blocking time, not its simulation;
- ``style``, ``layout``: the time of style recalculation and layout in those tasks, ms;
- ``restyled``: elements restyled in all, the sum of each recalculation's element count
  (a page restyled twice counts twice: the figure a whole-page restyle shows up in).

    .venv/bin/python -m benchmarks.main_thread                      # plan outline, 7 loads
    .venv/bin/python -m benchmarks.main_thread --pages plan report --runs 9
    .venv/bin/python -m benchmarks.main_thread --site /tmp/a --site /tmp/b   # A/B, interleaved

With several ``--site`` folders the loads alternate between them, so the machine's load
falls on each alike. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
from dataclasses import dataclass
from pathlib import Path

from benchmarks.lighthouse import PAGES, REPO, serve
from builder.chromium import CHROMIUM, CHROMIUM_ARGS

TASK = "ThreadControllerImpl::RunTask"
CATEGORIES = ["devtools.timeline", "toplevel"]


@dataclass(frozen=True)
class Load:
    """The figures of one page load (module docstring)."""

    busy: float
    longest: float
    blocking_4x: float
    style: float
    layout: float
    restyled: int


def _outermost(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The (start, duration) spans not inside another: a task can run a nested task."""
    out: list[tuple[float, float]] = []
    end = -1.0
    for start, duration in sorted(spans):
        if start >= end:
            out.append((start, duration))
            end = start + duration
    return out


def figures(events: list[dict]) -> Load:
    """One load's figures from its trace events (microseconds in, milliseconds out)."""
    main = next(e for e in events if e.get("name") == "ParseHTML")
    thread = [e for e in events if e.get("pid") == main["pid"] and e.get("tid") == main["tid"] and e.get("ph") == "X"]
    tasks = [d / 1000 for _, d in _outermost([(e["ts"], e.get("dur", 0)) for e in thread if e["name"] == TASK])]
    recalcs = [e for e in thread if e["name"] == "UpdateLayoutTree"]
    return Load(
        busy=sum(tasks),
        longest=max(tasks, default=0.0),
        blocking_4x=sum(max(0.0, 4 * t - 50) for t in tasks),
        style=sum(e.get("dur", 0) for e in recalcs) / 1000,
        layout=sum(e.get("dur", 0) for e in thread if e["name"] == "Layout") / 1000,
        restyled=sum(int((e.get("args", {}).get("elementCount")) or 0) for e in recalcs),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, action="append",
                        help="a built site folder (repeat for an A/B comparison; default: site/)")
    parser.add_argument("--pages", nargs="+", default=["plan"], choices=sorted(PAGES))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sites = args.site or [REPO / "site"]

    from playwright.sync_api import sync_playwright  # a test dependency: installed by make test

    servers = [serve(site) for site in sites]
    loads: dict[tuple[str, str], list[Load]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            for page_name in args.pages:
                for _ in range(args.runs):
                    for site, (_, base) in zip(sites, servers, strict=True):
                        context = browser.new_context(viewport={"width": 375, "height": 800},
                                                      device_scale_factor=2, is_mobile=True, has_touch=True)
                        page = context.new_page()
                        browser.start_tracing(page=page, categories=CATEGORIES)
                        page.goto(base + PAGES[page_name], wait_until="load")
                        page.wait_for_timeout(1000)
                        trace = json.loads(browser.stop_tracing())["traceEvents"]
                        context.close()
                        loads.setdefault((page_name, str(site)), []).append(figures(trace))
            browser.close()
    finally:
        for httpd, _ in servers:
            httpd.shutdown()

    print(f"Main-thread work at load, median of {args.runs} loads, 375 px, Chromium {CHROMIUM}")
    print(f"{'page':<10} {'site':<28} {'busy':>7} {'longest':>8} {'>50@4x':>8} {'style':>7} {'layout':>7} "
          f"{'restyled':>9}")
    for (page_name, site), runs in loads.items():
        med = {name: statistics.median(getattr(r, name) for r in runs)
               for name in ("busy", "longest", "blocking_4x", "style", "layout", "restyled")}
        print(f"{page_name:<10} {site[-28:]:<28} {med['busy']:>7.0f} {med['longest']:>8.0f} "
              f"{med['blocking_4x']:>8.0f} {med['style']:>7.0f} {med['layout']:>7.0f} {med['restyled']:>9.0f}")


if __name__ == "__main__":
    main()
