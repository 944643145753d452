"""Write a document of the model back to its corpus file format."""

from __future__ import annotations

import yaml

from builder.corpus.model import Block, Meta


def meta_to_dict(meta: Meta) -> dict:
    source = {"file": meta.source.file, "sha256": meta.source.sha256, "lines": meta.source.lines}
    if meta.source.omitted:
        source["omitted"] = [
            {k: v for k, v in (("lines", o.lines), ("line", o.line), ("text", o.text),
                               ("reason", o.reason)) if v is not None}
            for o in meta.source.omitted
        ]
    if meta.source.corrections:
        source["corrections"] = [{"raw": c.raw, "corrected": c.corrected, "reason": c.reason}
                                 for c in meta.source.corrections]
    if meta.source.title_line:
        source["title_line"] = {"line": meta.source.title_line.line, "text": meta.source.title_line.text}
    data = {
        "id": meta.id, "title": meta.title, "doc_type": meta.doc_type, "year": meta.year,
        "region": meta.region, "region_code": meta.region_code,
        "admin_level": meta.admin_level, "parent": meta.parent, "province": meta.province,
        "date": meta.date, "congress": meta.congress, "speaker": meta.speaker,
        "speaker_title": meta.speaker_title,
        "completeness": {"status": meta.completeness.status, "note": meta.completeness.note},
        "source": source,
    }
    if meta.year_note:  # beside the year it explains
        data = {k: v for item in data.items() for k, v in (item, *((("year_note", meta.year_note),)
                                                                   if item[0] == "year" else ()))}
    for key in ("doc_number", "issued_by", "adopted_by"):  # written only where the source has them
        if getattr(meta, key):
            data[key] = getattr(meta, key)
    data.update(meta.extra)
    return data


def render_block(block: Block) -> str:
    if block.kind == "heading":
        return f"{'#' * block.level} {block.text} {{#{block.anchor}}}"
    if block.kind == "table":
        return block.text
    return f"{block.text} {{#{block.anchor}}}"


def render_document(meta: Meta, blocks: list[Block]) -> str:
    """The exact text of a corpus file: front matter, then blocks, blank-line separated."""
    front = yaml.safe_dump(meta_to_dict(meta), allow_unicode=True, sort_keys=False, width=1000)
    body = "\n\n".join(render_block(b) for b in blocks)
    return f"---\n{front}---\n\n{body}\n"
