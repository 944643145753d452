"""The reviewer's summary in Markdown: what a pull request does to readers.

It is written to the pull request's job summary, where GitHub renders
Markdown with a safe subset of HTML, and the text it quotes is contributed
text: every quoted string goes through ``builder.escape.gfm_text`` (ids through
``gfm_code``), so that a ``<script>``, a ``[link](javascript:…)``, a heading or an
``<!--`` that would hide the rest of the summary shows as itself, on one line.
Changed text is shown as a character diff (Chinese has no word boundaries to
diff by) with a little context: ``…城镇<del>新增</del><ins>新增就业</ins>1.2万人…``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from builder.escape import gfm_code, gfm_text
from builder.pages import urls
from builder.pages.settings import SiteSettings
from builder.review.changes import BlockChange, CorpusChanges

CONTEXT = 15  # characters of unchanged text either side of a change
MAX_BLOCKS = 60  # changed blocks listed in full; the rest are counted


@dataclass(frozen=True)
class FeatureChanges:
    """A feature's own part of the summary (indicator records, glossary occurrences)."""

    title: str
    counts: str  # one line for the overview table, e.g. "+2 / −1 / ~3"
    lines: Sequence[str]  # Markdown list items, already escaped


def anchor_order(anchor: str) -> tuple[int | str, ...]:
    """``p-6`` before ``p-36``: anchors sort by their numbers, as the text reads."""
    return tuple(int(part) if part.isdigit() else part for part in anchor.split("-"))


def link(settings: SiteSettings, doc_id: str, anchor: str = "") -> str:
    """The published URL of a document (and paragraph), as the reviewer would open it."""
    url = settings.page_url(urls.url_path(urls.document_id(doc_id)))
    return f"{url}#{anchor}" if anchor else url


def char_diff(old: str, new: str) -> str:
    """Changed runs of characters marked with <del>/<ins>, unchanged runs cut to context."""
    out: list[str] = []
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for i, (tag, a1, a2, b1, b2) in enumerate(ops):
        if tag == "equal":
            text = old[a1:a2]
            first, last = i == 0, i == len(ops) - 1
            if len(text) > 2 * CONTEXT or ((first or last) and len(text) > CONTEXT):
                head = "" if first else text[:CONTEXT]
                tail = "" if last else text[-CONTEXT:]
                text = f"{head}…{tail}"
            out.append(gfm_text(text))
            continue
        if a2 > a1:
            out.append(f"<del>{gfm_text(old[a1:a2])}</del>")
        if b2 > b1:
            out.append(f"<ins>{gfm_text(new[b1:b2])}</ins>")
    return "".join(out)


def _excerpt(text: str, limit: int = 80) -> str:
    return gfm_text(text if len(text) <= limit else text[:limit] + "…")


def _where(settings: SiteSettings, change: BlockChange) -> str:
    if change.anchor:
        return f"[{gfm_code(f'{change.doc_id}#{change.anchor}')}]({link(settings, change.doc_id, change.anchor)})"
    return f"[{gfm_code(change.doc_id)}]({link(settings, change.doc_id)}) ({change.kind})"


def _overview(changes: CorpusChanges, features: Sequence[FeatureChanges]) -> list[str]:
    rows = [("文件 · documents changed / added / removed",
             f"{len(changes.documents_changed)} / {len(changes.documents_added)} / "
             f"{len(changes.documents_removed)}"),
            ("段落 · blocks changed / added / removed",
             f"{len(changes.blocks)} / {len(changes.blocks_added)} / {len(changes.blocks_removed)}"),
            ("元数据 · front-matter fields changed", str(len(changes.fields))),
            *((f.title, f.counts) for f in features),
            ("⚠ 将失效的永久链接 · permalinks that would break", str(len(changes.broken_permalinks)))]
    return ["| | |", "|---|---:|", *(f"| {name} | {value} |" for name, value in rows)]


#: Files listed in full in the code-change warning; the rest are counted.
MAX_CODE_FILES = 30


def code_warning(paths: Sequence[str]) -> list[str]:
    """The warning that heads the summary of a pull request that changes code, not only the corpus."""
    if not paths:
        return []
    builder = [p for p in paths if p.startswith("builder/")]
    what = (f"**changes the builder's code** (`builder/`, {len(builder)} file(s))" if builder
            else "changes code outside the corpus")
    shown = [f"- {gfm_code(p)}" for p in paths[:MAX_CODE_FILES]]
    more = [f"- … and {len(paths) - MAX_CODE_FILES} more"] if len(paths) > MAX_CODE_FILES else []
    return ["> [!WARNING]", f"> ⚠ 此合并请求修改了代码 · This pull request {what}. The summary below was made "
            "by the base branch's builder; the site this pull request would publish is also shaped by the "
            "changed code: review it as code.", "", *shown, *more, ""]


def render(changes: CorpusChanges, features: Sequence[FeatureChanges], settings: SiteSettings,
           base: str, *, code_changes: Sequence[str] = ()) -> str:
    lines = ["## 审阅摘要 · Reviewer's summary", "", *code_warning(code_changes),
             f"Corpus at {gfm_code(base)} → this change.", ""]
    if changes.empty and not any(f.lines for f in features):
        return "\n".join([*lines, "No document, paragraph, indicator or glossary change.", ""])
    lines += [*_overview(changes, features), ""]
    shown = changes.blocks[:MAX_BLOCKS]
    more = [f"- … and {len(changes.blocks) - MAX_BLOCKS} more"] if len(changes.blocks) > MAX_BLOCKS else []
    sections = [
        ("⚠ 将失效的永久链接 · Permalinks that would break",
         [f"- {link(settings, d, a)}" for d, a in changes.broken_permalinks],
         "Published links to these places would stop resolving. Keep anchors stable: "
         "edit a paragraph's text in place rather than deleting and re-adding it."),
        ("⚠ 永久链接指向了不同内容 · Permalinks now pointing at different text",
         [f"- {_where(settings, b)}: {_excerpt(b.old)} → {_excerpt(b.new)}"
          for b in changes.blocks if b.anchor_reused], ""),
        ("文件 · Documents",
         [*(f"- added [{gfm_code(d)}]({link(settings, d)})" for d in changes.documents_added),
          *(f"- removed {gfm_code(d)}" for d in changes.documents_removed)], ""),
        ("元数据 · Front matter",
         [f"- {gfm_code(c.doc_id)} {gfm_code(c.field)}: {_excerpt(str(c.old))} → {_excerpt(str(c.new))}"
          for c in changes.fields], ""),
        ("段落改动 · Changed text",
         [*(f"- {_where(settings, b)}: {char_diff(b.old, b.new)}" for b in shown), *more], ""),
        ("新增与删除 · Blocks added and removed",
         [*(f"- added {_where(settings, b)}: {_excerpt(b.new)}" for b in changes.blocks_added),
          *(f"- removed {gfm_code(f'{b.doc_id}#{b.anchor}')}: {_excerpt(b.old)}" for b in changes.blocks_removed)],
         ""),
        *((f.title, list(f.lines), "") for f in features),
    ]
    for title, items, intro in sections:
        if items:
            lines += [f"### {title}", "", *([intro, ""] if intro else []), *items, ""]
    return "\n".join(lines)

