"""The whole edition as one SQLite file, published xz-compressed (``data/edition.sqlite.xz``).

Compressed it is a seventh of its size: ``unxz -k edition.sqlite.xz`` (or Python's ``lzma``,
7-Zip, the archive tools of macOS and Windows 11) gives ``edition.sqlite``, readable as it is.
Why xz, not gzip as the other downloads: this file is most of ``data/``, and its text repeats
from page to page of the database further apart than gzip's 32 KB window sees. On the 14 real
documents it is 310 KB with xz (``XZ_PRESET`` 3) against 411 KB with gzip at level 9 (−25 %);
preset 6, xz's default, gives 274 KB but costs five times the time (about 26 s at N = 1,000
against 6 s), where preset 3 costs about what gzip did. Open that with Python's
``sqlite3``, pandas (``read_sql``) or Datasette. Tables, English column names, every
row with its site-relative ``permalink``:

- ``documents``: one row per document (region, codes, year, type, title);
- ``paragraphs``: every heading, paragraph and table of every document, in
  order, with its anchor (a table's rows point at its caption's anchor).
  Find the paragraphs containing a string with ``instr``:
  ``SELECT permalink FROM paragraphs WHERE instr(text, '六新') > 0`` (exact, any
  length; a scan of the text, well under a second for thousands of documents);
- no full-text index is shipped (it was half the file): one command builds
  one in the researcher's copy, ``sqlite3 edition.sqlite "…"`` with the two
  statements of ``FTS_SQL`` (quoted in the README and ``datapackage.json``):
  an FTS5 table ``paragraphs_fts`` over ``paragraphs.text`` with the trigram
  tokenizer (no word segmentation: a query matches exactly the paragraphs
  containing the string, for three characters or more; Datasette then offers
  it as the table's search box), queried as
  ``SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH '"转型出雏型"'``
  (``rowid`` is ``paragraphs.id``);
- ``indicators``, ``indicator_records`` (the columns of the panel download,
  ``builder.pages.indicator_panel``), ``parent_targets`` (targets from
  outside the corpus, with source and date);
- ``glossary_terms``, ``glossary_senses`` (a term can mean different things
  in different places: 三零 is one list in 吕梁 and another elsewhere) and
  ``glossary_occurrences`` (each use of a slogan, with its sentence and the
  key of the sense used there; NULL where the text does not say which).

``glossary_occurrences`` is a view: its sentence is cut from the paragraph's own text
(``substr(paragraphs.text, …)``) and its permalink made from the document and anchor, over the
stored table ``glossary_occurrence_rows`` (where each sentence lies in which paragraph). Its
columns and values are those of the table it replaced; stored, the sentences were a sixth of
the compressed file at N = 1,000 (4.4 of 30.4 MB), each a second copy of text that
``paragraphs`` already holds. A sentence not found in its paragraph's text (none in the
corpus) is stored whole in ``context_text``, so the view never loses one.

This file is the one stored copy of the text for use without a browser: a document's ``.txt``
is made on its page from the page's own text (``builder.pages.data_files``), so no plain file per
document is stored (they were 51 KB per document at N = 300, against this file's 30 KB). The
indicator rows are also the panel CSV: both stay, as each is a different way in (one file of the
whole edition to query and join; one table to load). Nothing here is published in full a second
time in the same form; ``builder.pages.indicator_data`` says which copy went.
"""

from __future__ import annotations

import lzma
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path

from builder.corpus.glossary import Glossary
from builder.corpus.indicators import Vocabulary
from builder.corpus.load import Corpus
from builder.corpus.parent_targets import ParentTarget
from builder.glossary.occurrences import Occurrence
from builder.indicators.record import Record
from builder.pages.indicator_panel import PANEL_FIELDS, panel_rows

DB = "data/edition.sqlite.xz"

#: The xz preset (see the module docstring: the one of 0–3, xz's fast match finder, that packs
#: this file best; the output has no time stamp, so the same edition gives the same bytes).
XZ_PRESET = 3


#: What builds the full-text index in a copy of the file (see the module docstring; the page
#: and ``datapackage.json`` quote it).
FTS_SQL = ("CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id', "
           "tokenize='trigram'); INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');")

#: SQLite's largest page: fewer page headers and half-filled pages for the compressor to carry
#: (with gzip, 3 % less at N = 300: 9,266 KB instead of 9,557 KB); every SQLite since 3.7 reads it.
PAGE_SIZE = 65536

_SQL_TYPES = {"string": "TEXT", "number": "REAL", "integer": "INTEGER", "boolean": "INTEGER"}


def _permalink(doc_id: str, anchor: str) -> str:
    return f"documents/{doc_id}/" + (f"#{anchor}" if anchor else "")


def _create(db: sqlite3.Connection) -> None:
    db.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # before the first table: a new file takes it at once
    db.executescript(f"""
        CREATE TABLE documents (id TEXT PRIMARY KEY, region TEXT, region_code TEXT, admin_level TEXT,
            prefecture TEXT, year INTEGER, doc_type TEXT, title TEXT, date TEXT, permalink TEXT);
        CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, doc_id TEXT REFERENCES documents(id), position INTEGER,
            kind TEXT, anchor TEXT, text TEXT, permalink TEXT);
        CREATE INDEX paragraphs_doc ON paragraphs(doc_id, position);
        CREATE TABLE indicators (id TEXT PRIMARY KEY, name_zh TEXT, name_en TEXT, category TEXT, measure TEXT,
            units TEXT, normal_unit TEXT, definition TEXT, definition_source TEXT);
        CREATE TABLE indicator_records (id INTEGER PRIMARY KEY,
            {", ".join(f"{k} {_SQL_TYPES[t]}" for k, (t, _) in PANEL_FIELDS.items())});
        CREATE TABLE parent_targets (level TEXT, region TEXT, year INTEGER, indicator_id TEXT, value REAL,
            unit TEXT, growth_pct REAL, qualifier TEXT, quote TEXT, source TEXT, date TEXT);
        CREATE TABLE glossary_terms (id TEXT PRIMARY KEY, term TEXT, variants TEXT, pinyin TEXT, english TEXT);
        CREATE TABLE glossary_senses (term_id TEXT REFERENCES glossary_terms(id), key TEXT, expansion TEXT,
            explanation TEXT, level TEXT, confidence TEXT, PRIMARY KEY (term_id, key));
        CREATE TABLE glossary_occurrence_rows (id INTEGER PRIMARY KEY, term_id TEXT REFERENCES glossary_terms(id),
            sense_key TEXT, doc_id TEXT, anchor TEXT, form TEXT, paragraph_id INTEGER REFERENCES paragraphs(id),
            context_start INTEGER, context_length INTEGER, context_text TEXT);
        CREATE VIEW glossary_occurrences AS
            SELECT o.term_id, o.sense_key, o.doc_id, o.anchor, o.form,
                   coalesce(o.context_text, substr(p.text, o.context_start + 1, o.context_length)) AS context,
                   'documents/' || o.doc_id || '/' || (CASE WHEN o.anchor = '' THEN '' ELSE '#' || o.anchor END)
                       AS permalink
            FROM glossary_occurrence_rows o LEFT JOIN paragraphs p ON p.id = o.paragraph_id ORDER BY o.id;
    """)


def edition_sqlite(corpus: Corpus, vocabulary: Vocabulary, records: list[Record], parents: list[ParentTarget],
                   glossary: Glossary, occurrences: list[Occurrence]) -> bytes:
    """The xz file's bytes (the database built in a temporary file, as SQLite wants a file;
    xz writes no time stamp, so the same edition gives the same bytes)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "edition.sqlite"
        db = sqlite3.connect(path)
        try:
            _create(db)
            _fill(db, corpus, vocabulary, records, parents, glossary, occurrences)
            db.commit()
            db.execute("VACUUM")
        finally:
            db.close()
        return lzma.compress(path.read_bytes(), format=lzma.FORMAT_XZ, preset=XZ_PRESET)


def _fill(db: sqlite3.Connection, corpus: Corpus, vocabulary: Vocabulary, records: list[Record],
          parents: list[ParentTarget], glossary: Glossary, occurrences: list[Occurrence]) -> None:
    by_doc: dict[str, list[tuple[int, Occurrence]]] = defaultdict(list)  # in the order given: the view's
    for n, o in enumerate(occurrences):
        by_doc[o.doc_id].append((n, o))
    for doc in sorted(corpus.documents, key=lambda d: d.id):
        texts: dict[tuple[str, str, str], list[tuple[int, str]]] = defaultdict(list)  # (doc, anchor, kind) -> rows
        m = doc.meta
        region = corpus.regions.get(m.region)
        db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (doc.id, m.region, m.region_code, m.admin_level, region.prefecture if region else "", m.year,
                    m.doc_type, m.title, m.date.isoformat() if m.date else None, _permalink(doc.id, "")))
        caption = ""
        for i, b in enumerate(doc.blocks):
            if b.kind == "paragraph":
                caption = b.anchor
            anchor = b.anchor or caption
            text = b.plain_text
            cur = db.execute("INSERT INTO paragraphs (doc_id, position, kind, anchor, text, permalink) "
                             "VALUES (?,?,?,?,?,?)", (doc.id, i, b.kind, anchor, text, _permalink(doc.id, anchor)))
            texts[(doc.id, anchor, b.kind)].append((cur.lastrowid, text))
        db.executemany("INSERT INTO glossary_occurrence_rows VALUES (?,?,?,?,?,?,?,?,?,?)",
                       [(n, o.term_id, o.sense, o.doc_id, o.anchor, o.form, *_context_at(o, texts))
                        for n, o in by_doc.pop(doc.id, ())])
    for ind in vocabulary.indicators:
        db.execute("INSERT INTO indicators VALUES (?,?,?,?,?,?,?,?,?)",
                   (ind.id, ind.name, ind.name_en, ind.category, ind.measure, "、".join(ind.units),
                    ind.unit_normal, ind.definition, ind.definition_source))
    columns = list(PANEL_FIELDS)
    db.executemany(f"INSERT INTO indicator_records ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                   [tuple(row[c] for c in columns) for row in panel_rows(records, corpus, vocabulary)])
    db.executemany("INSERT INTO parent_targets VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   [(t.level, t.region, t.year, t.indicator, t.value, t.unit, t.growth_pct, t.qualifier, t.quote,
                     t.source, t.date.isoformat()) for t in parents])
    db.executemany("INSERT INTO glossary_terms VALUES (?,?,?,?,?)",
                   [(t.id, t.term, "、".join(t.variants), t.pinyin, t.english.text if t.english else None)
                    for t in glossary.terms])
    db.executemany("INSERT INTO glossary_senses VALUES (?,?,?,?,?,?)",
                   [(t.id, s.key, s.expansion, s.explanation, s.level, s.confidence)
                    for t in glossary.terms for s in t.senses])
    db.executemany("INSERT INTO glossary_occurrence_rows VALUES (?,?,?,?,?,?,?,?,?,?)",  # of no document: kept
                   [(n, o.term_id, o.sense, o.doc_id, o.anchor, o.form, None, None, None, o.context)
                    for rest in by_doc.values() for n, o in rest])


def _context_at(o: Occurrence, texts: dict[tuple[str, str, str], list[tuple[int, str]]]
                ) -> tuple[int | None, int | None, int | None, str | None]:
    """(paragraph id, start, length, None) of the occurrence's sentence in the text of its block
    (a table's: the table row of ``paragraphs`` whose text holds the cell's sentence), or
    (None, None, None, sentence) where no row holds it: the view then shows the stored one.

    The sentence starts ``context_start`` before the term in a heading or paragraph, so that
    is where it is looked for first; a table's text joins its cells, so the sentence is found."""
    first = o.start - o.context_start
    for row_id, text in texts.get((o.doc_id, o.anchor, o.kind), ()):
        at = first if o.cell is None and first >= 0 and text.startswith(o.context, first) else text.find(o.context)
        if at >= 0:
            return row_id, at, len(o.context), None
    return None, None, None, o.context
