"""The records' downloads: each form once, compressed, the data package naming what is written."""

from __future__ import annotations

import csv
import io
import json

from builder.corpus.indicators import Vocabulary
from builder.corpus.load import Corpus
from builder.indicators import FIELDS, Record
from builder.pages.indicator_data import datapackage
from builder.pages.indicator_panel import PANEL, panel_csv

#: The record fields under the panel's names.
PANEL_NAME = {"indicator": "indicator_id", "anchor": "permalink"}


def test_the_panel_csv_has_every_record_field_under_its_panel_name(
        records: list[Record], corpus: Corpus, vocabulary: Vocabulary) -> None:
    header = next(csv.reader(io.StringIO(panel_csv(records, corpus, vocabulary))))
    assert {PANEL_NAME.get(f, f) for f in FIELDS} <= set(header)


def test_the_data_package_lists_the_panel_but_no_records_csv_or_json() -> None:
    paths = [r["path"] for r in json.loads(datapackage("本版"))["resources"]]
    assert paths == ["indicator_panel.csv.gz", "documents.json.gz", "glossary.json.gz", "edition.sqlite.xz"]


def test_every_resource_of_the_data_package_is_compressed_and_named_so() -> None:
    """The Data Package recipe "Compression of Resources": ``compression: gz`` (``xz`` for the
    SQLite file), the format's own extension before the compression's, ``format`` and
    ``mediatype`` of what is inside."""
    for r in json.loads(datapackage("本版"))["resources"]:
        expected = "xz" if r["format"] == "sqlite" else "gz"
        assert r["compression"] == expected and r["path"].endswith(f".{r['format']}.{expected}"), r
        assert r["mediatype"] in ("text/csv", "application/json", "application/vnd.sqlite3"), r


def test_the_panel_is_published_under_its_compressed_name() -> None:
    assert PANEL == "data/indicator_panel.csv.gz"
