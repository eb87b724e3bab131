"""Read the news items in worker processes before Pelican asks for them: both cores for the
reading, validation, Markdown and sanitising of a cold build (the largest share of it that
needs no shared state).

Pelican reads its files one by one; `preread` hands the files its cache cannot answer to a
pool of forked workers, each with a copy of the build's reader, and returns what each read
returned, with what it logged, by file. The reader then answers Pelican from these results
and logs the records then, so Pelican caches, logs and orders everything exactly as in a
single-process build. A file a worker could not read is read again by the build, which then
reports it as usual.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

WORKERS_SETTING = "BLOC_WORKERS"  # processes for reading items; 1: all in the build's process
MIN_FILES = 16  # below this, starting the workers costs more than it saves


@dataclass
class Prepared:
    """What the reader returned for one file, and the log records it made meanwhile."""

    result: tuple
    records: list[logging.LogRecord]

    def replay(self) -> tuple:
        """Log the records in the build's process (as if read here); the reader's result."""
        for record in self.records:
            logging.getLogger(record.name).handle(record)
        return self.result


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # arguments need not pickle
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


# In a worker process only: its copy of the build's reader and the handler that keeps what
# it logs, set once when the worker starts.
_worker: dict = {}


def workers(settings: dict) -> int:
    """How many processes read the items: the setting, else one per core."""
    value = settings.get(WORKERS_SETTING)
    if value is None:
        return os.cpu_count() or 1
    return max(1, int(value))


def _start(read: Callable) -> None:
    # The forked worker has the build's handlers (terminal, report): its records go back instead.
    capture = _Capture()
    for logger in [logging.root, *logging.root.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
    logging.root.handlers = [capture]
    _worker.update(read=read, capture=capture)


def _read(path: str) -> Prepared | None:
    capture = _worker["capture"]
    capture.records = []
    try:
        return Prepared(_worker["read"](path), capture.records)
    except Exception:  # the build reads it again and reports it as it would
        return None


def preread(read: Callable[[str], tuple], paths: list[str], processes: int) -> dict[str, Prepared]:
    """{path: Prepared} for every path a worker could read; empty with one process.

    Workers are forked, so `read` (a bound method of the build's reader, with its settings)
    is not pickled; only the paths and the results (what Pelican's cache stores) are.
    """
    if processes <= 1 or len(paths) < MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return {}
    processes = min(processes, len(paths))
    chunk = max(1, min(32, len(paths) // (processes * 4)))
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start, initargs=(read,)) as pool:
        results = pool.map(_read, paths, chunksize=chunk)
        return {path: result for path, result in zip(paths, results, strict=True) if result is not None}
