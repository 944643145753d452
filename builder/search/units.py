"""The pieces of text a search hit lands on: a document's title, headings,
paragraphs and tables, each with the permalink a click opens.

A hit is a paragraph, not a page: the reader lands on
``documents/<id>/#p-12``. Tables have no anchor of their own (see
``builder.corpus.model``); a hit in a table links to the block before it,
the table's caption paragraph (专栏…) or heading. The title is a unit too,
so ``离石区 2021`` finds the report by its title and links to the page top.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.corpus.model import Document


@dataclass(frozen=True)
class Unit:
    doc: int  # position of the document in the index's document list
    anchor: str  # "p-12", "h-3", "" for the page top
    kind: str  # "title" | "heading" | "paragraph" | "table"
    section: str  # text of the nearest heading above ("" before the first)
    text: str  # plain text as the reader sees it (tables: cells tab-separated, rows on lines)
    block: int = -1  # the block's index in ``doc.blocks`` (-1: the title)


def document_units(doc_index: int, doc: Document) -> list[Unit]:
    """Title first, then every block in reading order."""
    units = [Unit(doc_index, "", "title", "", doc.meta.title)]
    section = ""
    last_anchor = ""
    for index, block in enumerate(doc.blocks):
        text = block.plain_text
        if block.kind == "heading":
            section = text
        anchor = block.anchor or last_anchor
        last_anchor = anchor
        if text.strip():
            units.append(Unit(doc_index, anchor, block.kind, "" if block.kind == "heading" else section, text,
                              index))
    return units
