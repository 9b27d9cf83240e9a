"""Work shared among the machine's cores: one process pool, used only when there is enough
work to pay for starting it, and given everything it needs in its jobs."""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def core_count() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunks(items: Sequence[Job], parallel: bool, size: int = 400) -> list[Sequence[Job]]:
    """`items` cut into parts of equal size for the workers: at least four a core (so that
    none waits long for the last), at most about `size` items each, and a multiple of the
    core count (so that the last round keeps every core busy); one part when not in parallel."""
    if not parallel or not items:
        return [items]
    cores = core_count()
    count = min(len(items), max(4 * cores, cores * -(-len(items) // (cores * size))))
    bounds = [len(items) * part // count for part in range(count + 1)]
    return [items[start:end] for start, end in pairwise(bounds)]


def map_jobs(function: Callable[[Job], Result], jobs: Iterable[Job], parallel: bool) -> Iterator[Result]:
    """function(job) for each job, in order; on all cores if `parallel`. `function` is a
    module-level function and each job carries all it needs. A few jobs per core are under
    way at a time, so that jobs are made, and results used, as the work goes on."""
    if not parallel or core_count() < 2:
        yield from map(function, jobs)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    # Workers start from a small server process, not as copies of this one (which may hold a
    # whole catalogue by now): their memory is their job's.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    with ProcessPoolExecutor(core_count(), context, initializer=_leave_ctrl_c_to_the_parent) as pool:
        under_way: deque[Future[Result]] = deque()
        try:
            for job in jobs:
                under_way.append(pool.submit(function, job))
                if len(under_way) >= 2 * core_count():
                    yield under_way.popleft().result()
            while under_way:
                yield under_way.popleft().result()
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def _leave_ctrl_c_to_the_parent() -> None:
    """On a terminal Ctrl+C reaches the workers too. A worker goes on, and the process that
    started it ends the pool: the jobs under way end, those not begun never begin. (Workers that
    stopped printed a traceback each; one that stopped while it sent back its result could leave the
    pool waiting for the rest of it, for ever.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
