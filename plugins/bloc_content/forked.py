"""Work shared out to forked processes: both cores for the parts of a build that need no
shared state (reading items, drawing social cards).

Workers are forked, so the work function (often a closure over the build's reader or fonts)
is never pickled; only the results are, sent back through a pipe. The build's objects are
frozen out of the garbage collector while the workers start, so that a worker's
collections do not write to the objects it inherited (which would copy those pages of the
build's heap into the worker instead of sharing them).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from typing import TypeVar

WORKERS_SETTING = "BLOC_WORKERS"  # processes for the build's parallel work; 1: all in the build's process

Item = TypeVar("Item")
Result = TypeVar("Result")


def workers(settings: dict) -> int:
    """How many processes share the work: the setting, else one per core."""
    value = settings.get(WORKERS_SETTING)
    if value is None:
        return os.cpu_count() or 1
    return max(1, int(value))


def can_fork(processes: int, count: int, least: int) -> bool:
    """Whether `count` pieces of work are worth `processes` forked workers (`least`: the count
    below which starting them costs more than it saves)."""
    return processes > 1 and count >= least and "fork" in multiprocessing.get_all_start_methods()


def in_forks(work: Callable[[list[Item]], list[Result]], items: list[Item],
             processes: int) -> list[Result | None]:
    """`work(share)` in forked processes, each given every n-th item (the items are alike, so
    the shares are even); the results in the order of `items`, None for each item whose
    worker died or sent back fewer results."""
    context = multiprocessing.get_context("fork")
    count = max(1, min(processes, len(items)))
    running = []
    gc.freeze()  # what exists now is left alone by the workers' collections (copy-on-write stays shared)
    try:
        for start in range(count):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(target=_serve, args=(work, items[start::count], send), daemon=True)
            worker.start()
            send.close()
            running.append((receive, worker))
    finally:
        gc.unfreeze()  # the build's own collections see them again
    results: list[Result | None] = [None] * len(items)
    for start, (receive, worker) in enumerate(running):
        try:
            got = receive.recv()
        except EOFError:  # the worker died
            got = []
        worker.join()
        for n, result in enumerate(got[: len(items[start::count])]):
            results[start + n * count] = result
    return results


def _serve(work: Callable[[list], list], share: list, results) -> None:
    results.send(work(share))
    results.close()
