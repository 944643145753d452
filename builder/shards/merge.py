"""Merge shard artefacts into the one ``docs_dir`` a single build makes, byte for byte.

The merge takes each shard's per-document files as they are and makes only
the pages that gather documents (home, region, year and type lists, the
navigation, the glossary and indicator pages and downloads, the search
index's shards and manifest), reading every document's analyses from the
artefacts (``builder.pages.analyses``: the store is frozen, so it can never
quietly analyse a document a shard left out). Before anything is made it
refuses, naming what to do:

- an artefact made from other inputs (corpus, sources, config, builder,
  history) than the merge's own: a stale or foreign shard;
- a document of the corpus in no artefact (a shard missing), or in two.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.corpus.load import Corpus
from builder.pages.analyses import Analyses
from builder.pages.catalogue import Catalogue
from builder.pages.extensions import load_extensions
from builder.pages.output import Output
from builder.pages.settings import SiteSettings
from builder.pages.site import add_gathered_files
from builder.shards.artefact import Artefact
from builder.shards.plan import prefecture_of


class MergeError(ValueError):
    """Artefacts that do not make up one build of this corpus."""


def _differences(mine: dict[str, str], theirs: dict[str, str]) -> list[str]:
    return sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))


def check_artefacts(corpus: Corpus, inputs: dict[str, str], artefacts: Sequence[Artefact]) -> None:
    """``MergeError`` unless the artefacts were built from these inputs and hold each document once."""
    problems: list[str] = []
    for a in artefacts:
        differ = _differences(inputs, a.inputs)
        if differ:
            shown = ", ".join(differ[:5]) + (f" and {len(differ) - 5} more" if len(differ) > 5 else "")
            problems.append(f"{a.path}: built from other inputs than this merge ({shown}); "
                            "rebuild the shard from the same commit")
    holder: dict[str, Artefact] = {}
    for a in artefacts:
        for doc_id in a.documents:
            if doc_id in holder:
                problems.append(f"document {doc_id} is in two shards, {holder[doc_id].path} and {a.path}: "
                                "merge the shards of one plan (the same --shards)")
            holder[doc_id] = a
    known = {d.id for d in corpus.documents}
    missing: dict[str, list[str]] = {}
    for doc in corpus.documents:
        if doc.id not in holder:
            missing.setdefault(prefecture_of(corpus, doc.meta.region).name, []).append(doc.id)
    for prefecture, ids in missing.items():
        shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        problems.append(f"{len(ids)} document(s) of {prefecture} in no shard ({shown}): "
                        "merge every shard of the plan")
    for doc_id in sorted(holder.keys() - known):
        problems.append(f"{holder[doc_id].path}: document {doc_id} is not in the corpus; rebuild the shard")
    if problems:
        raise MergeError("\n".join(problems))


def merge(corpus: Corpus, settings: SiteSettings, inputs: dict[str, str],
          artefacts: Sequence[Artefact]) -> dict[str, str | bytes]:
    """Every file of the ``docs_dir``: the shards' per-document files and the gathering pages."""
    check_artefacts(corpus, inputs, artefacts)
    loaded: dict[str, dict[str, object]] = {}
    for a in artefacts:
        loaded.update(a.analyses)
    cat = Catalogue(corpus, Analyses(loaded))
    extensions = load_extensions(cat, settings)
    out = Output()
    for a in artefacts:
        out.add_all(a.files, f"shard {a.number} of {a.count} ({a.path})")
    add_gathered_files(out, cat, settings, extensions)
    return out.sorted()
