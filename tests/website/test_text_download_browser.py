"""A document's "纯文本 .txt" is made in the browser from the page's own text.

The site stores no ``.txt`` per document (issue 12); the file the reader gets
must still be exactly what ``data_files.plain_text`` specifies: title, note,
every block after its number, tables as tab-separated rows. Checked for every
real document, so that the page's markup (controls, marks, tables) and the
text download cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builder.pages.data_files import plain_text

from .browsing import Visit
from .sitebuild import BuiltSite

pytestmark = pytest.mark.browser


def test_every_documents_text_download_is_its_plain_text_byte_for_byte(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit]) -> None:
    v = visit()
    for doc in built_site.corpus.documents:
        page = v.open(f"{server}documents/{doc.id}/")
        with page.expect_download() as download:
            page.locator("a[data-text-download]").click()
        assert download.value.suggested_filename == f"{doc.id}.txt"
        got = Path(download.value.path()).read_text(encoding="utf-8")
        assert got == plain_text(doc), doc.id
        assert page.url == f"{server}documents/{doc.id}/"  # no navigation
    assert not v.errors and not v.foreign


def test_the_text_download_leaves_out_the_cells_that_fill_out_a_short_row(
        built_site: BuiltSite, server: str, visit: Callable[..., Visit]) -> None:
    """A short row of a table is padded on the page (every row as wide as the widest) but not in the text."""
    page = visit().open(f"{server}documents/lishi-2021-shisiwu-guihua-gangyao/")
    page.evaluate("""() => {
      const row = document.querySelector('#t-1 tbody tr');
      row.lastElementChild.textContent = '';
      row.lastElementChild.setAttribute('data-pad', '1');
    }""")
    with page.expect_download() as download:
        page.locator("a[data-text-download]").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    doc = next(d for d in built_site.corpus.documents if d.id == "lishi-2021-shisiwu-guihua-gangyao")
    first_row = "\t".join(doc.blocks[[b.kind for b in doc.blocks].index("table")].plain_text.split("\n")[1]
                          .split("\t")[:-1])
    assert f"\n{first_row}\n" in text
