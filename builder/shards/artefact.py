"""The folder one shard hands to the merge: written and read only here.

Layout (all under the artefact folder, e.g. ``build/shards/2``)::

    shard.json      format, shard number and count, prefectures, document ids,
                    and the build's inputs (``builder.incremental.fingerprint``)
    analyses.json   document id -> analysis name -> data (``builder.pages.analyses``)
    files/<path>    the shard's per-document files, ``docs_dir``-relative

Why the inputs: the merge compares them with its own, so shards made from
another corpus, config or builder version (a stale artefact, a job that ran on
another commit) are refused by name instead of merged into a site that mixes
two editions. The artefact is JSON and plain files only (never pickle), so a
merge never runs anything an artefact holds.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from builder.pages.output import check_path, swap_in, write_tree

FORMAT = 1
MANIFEST = "shard.json"
ANALYSES = "analyses.json"
FILES = "files"


class ArtefactError(ValueError):
    """A folder that is not a shard artefact this builder can merge."""


@dataclass(frozen=True)
class Artefact:
    path: Path
    number: int
    count: int
    prefectures: tuple[str, ...]
    documents: tuple[str, ...]
    inputs: dict[str, str]
    analyses: dict[str, dict[str, object]]
    files: dict[str, bytes]


def write(target: Path, *, number: int, count: int, prefectures: tuple[str, ...], documents: list[str],
          inputs: dict[str, str], analyses: dict[str, dict[str, object]],
          files: dict[str, str | bytes]) -> None:
    """Write the artefact into a fresh folder beside ``target`` and swap it in: a failed shard
    build never leaves half an artefact for the merge to find."""
    fresh = target.with_name(target.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    manifest = {"format": FORMAT, "shard": number, "shards": count, "prefectures": list(prefectures),
                "documents": sorted(documents), "inputs": inputs}
    (fresh / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                  encoding="utf-8")
    (fresh / ANALYSES).write_text(json.dumps(analyses, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                                  encoding="utf-8")
    write_tree(files, fresh / FILES)
    swap_in(fresh, target)


def read(path: Path) -> Artefact:
    """The artefact at ``path``; ``ArtefactError`` naming the folder and what is wrong with it."""
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        analyses = json.loads((path / ANALYSES).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArtefactError(f"{path}: not a shard artefact ({exc}); make it with "
                            "python -m builder build --shards N --shard K --out DIR") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(analyses, dict):
        raise ArtefactError(f"{path}/{MANIFEST}: not an artefact of format {FORMAT}; rebuild the shard "
                            "with this builder")
    root = path / FILES
    files: dict[str, bytes] = {}
    if root.is_dir():
        for p in sorted(root.rglob("*")):
            if p.is_symlink():
                raise ArtefactError(f"{p}: a symbolic link in a shard artefact; rebuild the shard")
            if p.is_file():
                files[check_path(p.relative_to(root).as_posix())] = p.read_bytes()
    return Artefact(path, int(manifest["shard"]), int(manifest["shards"]), tuple(manifest["prefectures"]),
                    tuple(manifest["documents"]), dict(manifest["inputs"]), analyses, files)
