"""Work spread over the machine's cores by forked processes, which inherit what the parent
has loaded (the catalogue, the templates) instead of receiving it with every task."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import cache
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def worker_count() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_on_cores(
    function: Callable[[Item], Result], items: Iterable[Item], chunksize: int = 1
) -> list[Result]:
    """[function(item) for item in items], in order, on all cores where fork is available.
    `function` is a module-level function; what it needs besides its item, the parent puts in
    a module global before calling, and the workers inherit it."""
    workers = worker_count()
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, items, chunksize=chunksize))


@contextmanager
def in_background(function: Callable[[], Result]) -> Iterator[Callable[[], Result]]:
    """function() worked out on another core while the caller goes on; the callable given
    returns its result (worked out once). `function` is a module-level function, as for
    map_on_cores."""
    if worker_count() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield cache(function)
        return
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        yield pool.submit(function).result
