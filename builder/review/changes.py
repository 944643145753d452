"""Compare two versions of the corpus the way a reader would notice the difference.

Blocks are matched by their permalink anchor (``p-12``), never by position:
an anchor is the promise a published link makes, so "the paragraph at
``#p-12`` now says something else" and "``#p-12`` no longer exists" are the
two facts a reviewer must see. A document is matched by its id (its URL).
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field

from builder.corpus.load import Corpus
from builder.corpus.model import Block, Document

#: Below this similarity a changed block is reported as "now says something else".
REUSED_ANCHOR_RATIO = 0.3


@dataclass(frozen=True)
class BlockChange:
    doc_id: str
    anchor: str  # "" for a table, which has no permalink of its own
    kind: str
    old: str
    new: str

    @property
    def similarity(self) -> float:
        return difflib.SequenceMatcher(None, self.old, self.new, autojunk=False).ratio()

    @property
    def anchor_reused(self) -> bool:
        """The permalink survives but points at different text: a silent break."""
        return bool(self.old and self.new) and self.similarity < REUSED_ANCHOR_RATIO


@dataclass(frozen=True)
class FieldChange:
    doc_id: str
    field: str
    old: object
    new: object


@dataclass
class CorpusChanges:
    documents_added: list[str] = field(default_factory=list)
    documents_removed: list[str] = field(default_factory=list)
    documents_changed: list[str] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    blocks: list[BlockChange] = field(default_factory=list)  # old and new both set
    blocks_added: list[BlockChange] = field(default_factory=list)  # old == ""
    blocks_removed: list[BlockChange] = field(default_factory=list)  # new == ""

    @property
    def broken_permalinks(self) -> list[tuple[str, str]]:
        """(doc_id, anchor) that published links point at and that would stop resolving;
        anchor "" stands for the whole document page."""
        return ([(d, "") for d in self.documents_removed]
                + [(b.doc_id, b.anchor) for b in self.blocks_removed if b.anchor])

    @property
    def empty(self) -> bool:
        return not (self.documents_added or self.documents_removed or self.fields or self.blocks
                    or self.blocks_added or self.blocks_removed)


def _keyed(doc: Document) -> dict[str, Block]:
    """Blocks by anchor; tables (no anchor) by their position among tables."""
    out: dict[str, Block] = {}
    tables = 0
    for b in doc.blocks:
        if b.anchor:
            out[b.anchor] = b
        else:
            tables += 1
            out[f"table-{tables}"] = b
    return out


def _meta_fields(doc: Document) -> dict[str, object]:
    meta = dataclasses.asdict(doc.meta)
    extra = meta.pop("extra")
    return {**meta, **extra}


def compare_documents(old: Document, new: Document, changes: CorpusChanges) -> None:
    before, after = _keyed(old), _keyed(new)
    found = False
    old_meta, new_meta = _meta_fields(old), _meta_fields(new)
    for key in sorted(old_meta.keys() | new_meta.keys()):
        if old_meta.get(key) != new_meta.get(key):
            changes.fields.append(FieldChange(new.id, key, old_meta.get(key), new_meta.get(key)))
            found = True
    for key in [*before, *(k for k in after if k not in before)]:
        a, b = before.get(key), after.get(key)
        anchor = key if not key.startswith("table-") else ""
        kind = (b or a).kind  # type: ignore[union-attr]
        if a is not None and b is not None:
            if a.plain_text != b.plain_text:
                changes.blocks.append(BlockChange(new.id, anchor, kind, a.plain_text, b.plain_text))
                found = True
        elif a is not None:
            changes.blocks_removed.append(BlockChange(new.id, anchor, kind, a.plain_text, ""))
            found = True
        elif b is not None:
            changes.blocks_added.append(BlockChange(new.id, anchor, kind, "", b.plain_text))
            found = True
    if found:
        changes.documents_changed.append(new.id)


def compare(old: Corpus, new: Corpus) -> CorpusChanges:
    """Everything about the documents that differs between ``old`` and ``new``."""
    changes = CorpusChanges()
    old_docs = {d.id: d for d in old.documents}
    new_docs = {d.id: d for d in new.documents}
    changes.documents_added = sorted(new_docs.keys() - old_docs.keys())
    changes.documents_removed = sorted(old_docs.keys() - new_docs.keys())
    for doc_id in sorted(old_docs.keys() & new_docs.keys()):
        compare_documents(old_docs[doc_id], new_docs[doc_id], changes)
    return changes
