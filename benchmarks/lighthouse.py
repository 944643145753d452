"""Benchmark: Lighthouse scores of the pages readers use most, served with gzip.

Lighthouse (the npm package pinned in ``tests/website/node/package.json``; ``make
lighthouse`` installs it and runs this) drives Debian's ``/usr/bin/chromium``
(``CHROME_PATH``; no browser is downloaded) with the flags of ``builder.chromium``, as the
browser tests use it. The built ``site/`` is served on
127.0.0.1 by a small server that compresses text with gzip, as GitHub Pages
does, so transfer sizes and timings are those a reader gets. For each page it
prints the performance, accessibility, best-practices and SEO scores, mobile
(Lighthouse's default: a mid-range phone on a throttled 4G connection,
simulated) and desktop, plus the metrics behind performance.

    make lighthouse                                   # build, install, run
    .venv/bin/python -m benchmarks.lighthouse          # site/ already built
    .venv/bin/python -m benchmarks.lighthouse --pages plan --runs 3

The aims (issue 17): mobile performance >= 90 for the plan outline, accessibility
100 everywhere. Figures are printed, never asserted: they depend on the machine
and its load, and a Lighthouse run takes about half a minute per page.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import subprocess
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from builder.chromium import CHROMIUM, CHROMIUM_ARGS
from builder.pages.samples import SAMPLE_PAGES

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "tests" / "website" / "node" / "node_modules" / ".bin" / "lighthouse"

PAGES = SAMPLE_PAGES
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text gzip-compressed when the browser accepts it (as GitHub Pages)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash form
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def run_lighthouse(url: str, desktop: bool, out: Path) -> dict:
    args = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=" + " ".join(("--headless=new", *CHROMIUM_ARGS))]
    if desktop:
        args.append("--preset=desktop")
    subprocess.run(args, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300,
                   capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor (median)")
    parser.add_argument("--desktop", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} missing: run `make lighthouse` (npm ci in tests/website/node)")
    if not (args.site / "index.html").exists():
        raise SystemExit(f"{args.site} has no built site: run `make site`")
    httpd, base = serve(args.site)
    print(f"Lighthouse on {args.site} served with gzip at {base}; Chromium {CHROMIUM}; "
          f"median of {args.runs} run(s)")
    head = f"{'page':<10} {'form':<8} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES)
    head += "   FCP ms   LCP ms   TBT ms    CLS  SI ms"
    print(head)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for name in args.pages:
                for desktop in ((False, True) if args.desktop else (False,)):
                    reports = [run_lighthouse(base + PAGES[name], desktop, Path(tmp) / f"{name}-{i}.json")
                               for i in range(args.runs)]
                    scores = [statistics.median(round(100 * (r["categories"][c]["score"] or 0)) for r in reports)
                              for c in CATEGORIES]
                    metrics = [statistics.median(r["audits"][m]["numericValue"] for r in reports) for m in METRICS]
                    print(f"{name:<10} {'desktop' if desktop else 'mobile':<8} "
                          + " ".join(f"{s:>13.0f}" for s in scores)
                          + f" {metrics[0]:>8.0f} {metrics[1]:>8.0f} {metrics[2]:>8.0f} {metrics[3]:>6.3f}"
                          f" {metrics[4]:>6.0f}", flush=True)
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main()
