"""Glossary at scale: how term pages and the glossary's files grow with the corpus.

    .venv/bin/python -m benchmarks.glossary 100 1000     # synthetic corpora (benchmarks.synth)

For each N it prints the time to find and assign every occurrence, the number
of occurrences, the largest term page and the total of term pages (bytes of
generated Markdown), the number and largest of the KWIC pages, and the size of
``data/glossary.json.gz`` as published (gzip-compressed). A term page shows at most ``KWIC_FIRST`` occurrences per
sense, so the largest term page stays flat as N grows; the KWIC pages hold
``KWIC_PAGE`` each, at most ``KWIC_PAGES`` per sense, so neither their size
nor, once every sense fills its pages, their number grows with the corpus.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import posixpath
import tempfile
import time
from pathlib import Path

from benchmarks.synth import REPO, generate
from builder.corpus.load import load_corpus
from builder.pages.catalogue import Catalogue
from builder.pages.glossary import DATA, GlossaryPages
from builder.pages.settings import load_settings


def measure(root: Path) -> dict[str, float]:
    corpus = load_corpus(root)
    cat = Catalogue(corpus)
    start = time.perf_counter()
    feature = GlossaryPages(cat, load_settings(REPO / "mkdocs.yml"))
    found = time.perf_counter() - start
    start = time.perf_counter()
    files = feature.pages()
    rendered = time.perf_counter() - start
    size = {k: len(v.encode("utf-8") if isinstance(v, str) else v) for k, v in files.items()}
    terms = [v for k, v in size.items()
             if k.startswith("glossary/") and "/kwic/" not in k and not k.endswith("index.md")]
    kwic = [v for k, v in size.items() if "/kwic/" in k]
    return {"documents": len(corpus.documents), "occurrences": len(feature.occurrences), "find_s": found,
            "render_s": rendered, "term_max": max(terms), "term_total": sum(terms), "kwic_pages": len(kwic),
            "kwic_max": max(kwic, default=0), "json": size[DATA]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    args = parser.parse_args()
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "corpus"
            generate(n, root)
            m = measure(root)
        print(f"N={m['documents']}: {m['occurrences']} occurrences found and assigned in {m['find_s']:.1f} s, "
              f"pages rendered in {m['render_s']:.1f} s; largest term page {m['term_max'] / 1024:.0f} KB "
              f"(all term pages {m['term_total'] / 1024:.0f} KB); {m['kwic_pages']} KWIC pages, largest "
              f"{m['kwic_max'] / 1024:.0f} KB; {posixpath.basename(DATA)} {m['json'] / 1024:.0f} KB")


if __name__ == "__main__":
    main()
