"""Work over the documents spread across forked processes: how many, and the one map that forks.

Why: most of ``builder check`` and of a build is per document and independent of the others
(a document's indicator extraction, its glossary occurrences, its alignment with the raw
file), and this machine, like most, has more than one core.

How (``map_documents``): the first item is done in this process, which also builds every lazy
part the work reads (the glossary's automaton, the indicator matchers); the rest go, in
batches of ``BATCH`` given as index ranges, to ``jobs`` processes forked after that, which
inherit the items and the function instead of receiving them pickled. Results come back in
item order, so the output is the same whatever ``jobs`` is. Without ``fork`` (not on
Linux), with one job, or with few items, everything runs in this process.

The build's page work (``builder.pages.workers``) forks the same way, with its own batch
handling (its workers write files); both take their default from ``default_jobs``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Items a worker takes at a time: small enough that two workers end together.
BATCH = 8

_TASK: tuple[Callable, Sequence] | None = None


def default_jobs() -> int:
    """One process per core this process may use, at most four (the per-document share of a
    build does not pay for more)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def jobs_or_default(jobs: int | None) -> int:
    """A ``--jobs`` option's value: ``jobs`` (at least 1), or ``default_jobs()`` when not given."""
    return default_jobs() if jobs is None else max(1, jobs)


def can_fork(jobs: int, items: int, batch: int | None = None) -> bool:
    """Whether ``items`` pieces of work, in batches of ``batch`` (``BATCH``), are worth ``jobs``
    forked processes here: more than two batches, and a system that forks."""
    batch = BATCH if batch is None else batch
    return jobs > 1 and items > 2 * batch and "fork" in multiprocessing.get_all_start_methods()


def _batch(bounds: tuple[int, int]) -> list:
    assert _TASK is not None, "a worker runs only in a process forked by map_documents"
    fn, items = _TASK
    return [fn(item) for item in items[bounds[0]:bounds[1]]]


def map_documents(fn: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> list[R]:
    """``[fn(item) for item in items]``, in ``jobs`` processes (see the module's docstring).
    ``fn`` may be a closure: the workers inherit it; its results must pickle."""
    if not can_fork(jobs, len(items)):
        return [fn(item) for item in items]
    out = [fn(items[0])]
    global _TASK
    _TASK = (fn, items)
    try:
        bounds = [(i, min(i + BATCH, len(items))) for i in range(1, len(items), BATCH)]
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for part in pool.map(_batch, bounds):
                out.extend(part)
    finally:
        _TASK = None
    return out
