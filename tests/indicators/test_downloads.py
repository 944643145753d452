"""The records' downloads: each form once, the JSON compact, the data package naming what is written."""

from __future__ import annotations

import csv
import io
import json

from builder.corpus.indicators import Vocabulary
from builder.corpus.load import Corpus
from builder.indicators import FIELDS, Record
from builder.pages.indicator_data import datapackage, json_text
from builder.pages.indicator_panel import panel_csv

#: The record fields under the panel's names.
PANEL_NAME = {"indicator": "indicator_id", "anchor": "permalink"}


def test_the_records_json_is_one_line_without_indentation_or_spaces(records: list[Record]) -> None:
    text = json_text(records)
    assert text.count("\n") == 1 and text.endswith("]\n")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")) + "\n"


def test_the_records_json_keeps_chinese_as_written(records: list[Record]) -> None:
    text = json_text(records)
    assert "\\u" not in text and "地区生产总值" in text


def test_the_panel_csv_has_every_record_field_under_its_panel_name(
        records: list[Record], corpus: Corpus, vocabulary: Vocabulary) -> None:
    header = next(csv.reader(io.StringIO(panel_csv(records, corpus, vocabulary))))
    assert {PANEL_NAME.get(f, f) for f in FIELDS} <= set(header)


def test_the_data_package_lists_no_records_csv_but_the_panel() -> None:
    paths = [r["path"] for r in json.loads(datapackage("本版"))["resources"]]
    assert paths == ["indicators.json", "indicator_panel.csv", "edition.sqlite.gz"]
