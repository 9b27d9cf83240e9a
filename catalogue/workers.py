"""Work shared among the machine's cores: one process pool, used only when there is enough
work to pay for starting it, and given everything it needs in its jobs."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def core_count() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunks(items: Sequence[Job], parallel: bool, size: int = 100) -> list[Sequence[Job]]:
    """`items` cut into parts for the workers: about four a core (so that none waits long
    for the last), at most `size` items each; one part when not in parallel."""
    if not parallel or not items:
        return [items]
    per_part = max(1, min(size, -(-len(items) // (4 * core_count()))))
    return [items[start : start + per_part] for start in range(0, len(items), per_part)]


def map_jobs(function: Callable[[Job], Result], jobs: Sequence[Job], parallel: bool) -> list[Result]:
    """[function(job) for job in jobs], in order; on all cores if `parallel` and there are
    several. `function` is a module-level function and each job carries all it needs."""
    workers = min(core_count(), len(jobs))
    if not parallel or workers < 2:
        return [function(job) for job in jobs]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, jobs))
