"""The one description of the headless Chromium every tool of the project drives.

Debian's ``chromium`` (no browser can be downloaded here), at ``/usr/bin/chromium``
unless ``CHROME_PATH`` names another, started with the same flags by the browser
tests (``tests/website``, through Playwright), ``builder search-eval``
(``builder.search.probe``) and the Lighthouse benchmark (``benchmarks.lighthouse``,
through Lighthouse's own launcher), so a page is measured in the browser it is
tested in:

- ``--no-sandbox``: the tools run as root in containers, where Chromium's sandbox
  cannot start;
- ``--disable-gpu``: there is no GPU; software rendering, the same on every machine;
- ``--disable-background-networking``, ``--disable-component-update``,
  ``--disable-sync``, ``--no-first-run``: Chromium makes no request of its own
  (the tests fail on any request that leaves the site, and none could be answered
  here) and shows no first-run page.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run")
