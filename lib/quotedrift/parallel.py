"""Per-article work spread over the machine's cores, with results in input order (so output stays deterministic).

Only the stages that treat each article on its own and cost most use it (quotation search, garble detectors;
loading is faster in one process, since sending the texts back costs more than reading them).
Small corpora run in this process: starting workers costs more than it saves below ``MIN_ITEMS`` articles,
and notebooks on a handful of articles should not fork. ``QUOTEDRIFT_WORKERS=1`` turns it off.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 300
CHUNKS_PER_WORKER = 4


def workers() -> int:
    """How many processes to use: QUOTEDRIFT_WORKERS if set, else the cores this process may run on."""
    setting = os.environ.get("QUOTEDRIFT_WORKERS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def forks(n_items: int, min_items: int = MIN_ITEMS) -> bool:
    """Whether :func:`ordered_map` runs ``n_items`` items in worker processes (what they share must be loaded
    before, in this process)."""
    if workers() < 2 or n_items < min_items:
        return False
    import multiprocessing  # here, not at the top: a small corpus never needs it (0.02 s to import)

    return not multiprocessing.current_process().daemon


def ordered_map(function: Callable[[Item], Result], items: Sequence[Item], min_items: int = MIN_ITEMS) -> list[Result]:
    """``[function(item) for item in items]``, computed in worker processes when there are enough items.

    ``function`` must be a module-level function (it is pickled). Results come back in the order of ``items``.
    """
    count = workers()
    if not forks(len(items), min_items):
        return [function(item) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunksize = max(1, len(items) // (count * CHUNKS_PER_WORKER))
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        return list(pool.map(function, items, chunksize=chunksize))


@contextmanager
def background_map(function: Callable[[Item], Result], items: Sequence[Item],
                   min_items: int = MIN_ITEMS) -> Iterator[Callable[[], list[Result]]]:
    """:func:`ordered_map` started now and collected later: ``with background_map(f, items) as results:`` starts
    the worker processes at once, lets this process do other work in the block, and ``results()`` returns
    ``[f(item) for item in items]`` in order when they are done. Two stages that do not depend on each other
    then share the cores (the garble detectors: the article ones in workers while this process runs the
    corpus ones), and the workers are forked before that other work fills this process's memory.

    Without workers (small corpora, one core, ``QUOTEDRIFT_WORKERS=1``) ``results()`` computes them when asked."""
    if not forks(len(items), min_items):
        yield lambda: [function(item) for item in items]
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    count = workers()
    chunksize = max(1, len(items) // (count * CHUNKS_PER_WORKER))
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        pending = pool.map(function, items, chunksize=chunksize)  # every chunk submitted: the workers start now
        yield lambda: list(pending)
