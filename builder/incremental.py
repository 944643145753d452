"""Incremental output: what the build's inputs are, and writing only the files that changed.

Two rules keep a rebuild cheap and its output stable:

- **Inputs by content hash.** A build reads every file under the corpus
  folder (documents, regions, glossary, indicator vocabulary and
  corrections), the MkDocs config (site URL, repository) and the builder's
  own source, and the last commit touching the corpus (a page's ``lastmod``
  is its file's last commit date). ``fingerprint`` hashes each (SHA-256 of the bytes, never the
  mtime); the generated folder keeps the fingerprint of its last good build
  in ``STATE_FILE`` (a dot-file, which MkDocs does not publish). When every
  hash matches and every output file is still there as written, the build
  has nothing to do and writes nothing.
- **Only changed bytes are written.** ``sync_tree`` compares each generated
  file with the file on disk and replaces it (write to a temporary name,
  then an atomic rename) only when the bytes differ; files no longer
  generated are removed. A file whose bytes are unchanged keeps its mtime,
  so MkDocs' dev server, rsync or a Pages upload see only real changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import builder
from builder.corpus.load import sources_folder
from builder.corpus.sources import SOURCES_DIR
from builder.pages.output import inside

#: The state of the last good build, inside the generated folder.
STATE_FILE = ".build-state.json"
BUILDER_ROOT = Path(builder.__file__).resolve().parent
#: The builder's files whose bytes make its version.
BUILDER_SUFFIXES = (".py", ".txt")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def builder_version() -> str:
    """One hash of the builder's own source and data files (``*.py``, and ``*.txt`` such as the
    search's chunk dictionary): a changed page generator invalidates every output."""
    digest = hashlib.sha256()
    for path in sorted(p for p in BUILDER_ROOT.rglob("*") if p.suffix in BUILDER_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(BUILDER_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(corpus_root: Path, config: Path) -> dict[str, str]:
    """``input name -> sha256`` of every input of a build: ``corpus/<path>``, ``sources/<path>``
    (the raw files: source pages and raw downloads are made from them), ``config``, ``builder``."""
    out = {}
    for name, root in (("corpus", corpus_root), (SOURCES_DIR, sources_folder(corpus_root))):
        if root.is_dir():
            out.update({f"{name}/{p.relative_to(root).as_posix()}": _sha(p.read_bytes())
                        for p in sorted(root.rglob("*")) if p.is_file() and not p.name.startswith(".")})
    out["config"] = _sha(config.read_bytes())
    out["builder"] = builder_version()
    out["history"] = corpus_history(corpus_root)
    return out


def corpus_history(corpus_root: Path) -> str:
    """The last commit touching the corpus (pages carry their file's last commit date); "" without git."""
    try:
        return subprocess.run(["git", "-C", str(corpus_root), "log", "-1", "--format=%H", "--", "."],
                              capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


@dataclass
class Changes:
    """What one ``sync_tree`` did, as ``docs_dir``-relative paths."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def sync_tree(files: Mapping[str, str | bytes], out: Path, *, keep: frozenset[str] = frozenset()) -> Changes:
    """Make ``out`` hold exactly ``files`` (and ``keep``), writing only what differs; a path that
    would resolve outside ``out`` stops it (``builder.pages.output.inside``)."""
    changes = Changes()
    out.mkdir(parents=True, exist_ok=True)
    for rel in sorted(files):  # one file's bytes at a time: a spilled Output reads each from disk
        if write_if_changed(inside(out, rel), files[rel]):
            changes.written.append(rel)
        else:
            changes.unchanged += 1
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel not in files and rel not in keep:
            path.unlink()
            changes.removed.append(rel)
    return changes


def read_state(out: Path) -> dict:
    try:
        return json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def up_to_date(out: Path, inputs: dict[str, str]) -> bool:
    """The last good build had these very inputs, and its outputs are all still on disk unchanged."""
    state = read_state(out)
    if state.get("inputs") != inputs:
        return False
    outputs: dict[str, list] = state.get("outputs", {})
    for rel, (size, sha) in outputs.items():
        path = out / rel
        try:
            if path.stat().st_size != size or _sha(path.read_bytes()) != sha:
                return False
        except OSError:
            return False
    return bool(outputs)


def state_text(inputs: dict[str, str], files: Mapping[str, str | bytes]) -> str:
    """The inputs, and each output's size and hash (the same corpus gives the same state file)."""
    outputs = {rel: _size_and_sha(_bytes(files[rel])) for rel in sorted(files)}
    return json.dumps({"inputs": inputs, "outputs": outputs}, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def _size_and_sha(data: bytes) -> list:
    return [len(data), _sha(data)]


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` (atomically) unless the file holds these bytes already."""
    data = _bytes(content)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    _write_atomic(path, data)
    return True


def write_state(out: Path, text: str) -> bool:
    """Write the state file if it changed; whether it was written."""
    return write_if_changed(out / STATE_FILE, text)
