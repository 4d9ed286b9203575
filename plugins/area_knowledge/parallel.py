"""Work over many items on every core: a large area's entry pages, a site's files.

Each worker is forked from the process that holds the work, so it shares the
indexes, templates and patterns without copying them; only results come back.
Forking is safe only with no other thread running, so a preview (whose server
runs threads) works through items one after another, as a small area does.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .progress import Progress

T = TypeVar("T")
R = TypeVar("R")

# Fewer items than this are done faster than workers start.
PARALLEL_FROM = 400
CHUNKS_PER_CORE = 16

_shared: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def forked_map(
    work: Callable[[T], R], items: Sequence[T], progress: Progress | None = None
) -> list[R]:
    """`work` of each item, in order, on every core when there are many items; each
    item done is counted in `progress`, if given."""
    cores = os.cpu_count() or 1
    if len(items) < PARALLEL_FROM or cores < 2 or threading.active_count() > 1:
        return [_counted(work(item), progress) for item in items]
    global _shared
    _shared = (work, items)
    try:
        size = max(1, len(items) // (cores * CHUNKS_PER_CORE))
        ranges = [(start, start + size) for start in range(0, len(items), size)]
        chunks = []
        with multiprocessing.get_context("fork").Pool(cores) as pool:
            for chunk in pool.imap(_run, ranges):
                chunks.append(chunk)
                if progress is not None:
                    progress.advance(len(chunk))
    finally:
        _shared = None
    return [result for chunk in chunks for result in chunk]


def _counted(result: R, progress: Progress | None) -> R:
    if progress is not None:
        progress.advance()
    return result


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _shared is not None
    work, items = _shared
    return [work(item) for item in items[bounds[0] : bounds[1]]]
