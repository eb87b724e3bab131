"""Read the news items in worker processes before Pelican asks for them: both cores for the
reading, validation, Markdown and sanitising of a cold build (the largest share of it that
needs no shared state).

Pelican reads its files one by one; `preread` hands the files its cache cannot answer to a
set of forked workers, each with a copy of the build's reader, and returns what each read
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


def workers(settings: dict) -> int:
    """How many processes read the items: the setting, else one per core."""
    value = settings.get(WORKERS_SETTING)
    if value is None:
        return os.cpu_count() or 1
    return max(1, int(value))


def _work(read: Callable, paths: list[str], results) -> None:
    """In a forked worker: read `paths`, send back [Prepared or None] in their order."""
    # The forked worker has the build's handlers (terminal, report): its records go back instead.
    capture = _Capture()
    for logger in [logging.root, *logging.root.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
    logging.root.handlers = [capture]
    out: list[Prepared | None] = []
    for path in paths:
        capture.records = []
        try:
            out.append(Prepared(read(path), capture.records))
        except Exception:  # the build reads it again and reports it as it would
            out.append(None)
    results.send(out)
    results.close()


def preread(read: Callable[[str], tuple], paths: list[str], processes: int) -> dict[str, Prepared]:
    """{path: Prepared} for every path a worker could read, in the order of `paths`; empty
    with one process.

    Workers are forked, so `read` (a bound method of the build's reader, with its settings)
    is not pickled; only the results (what Pelican's cache stores) are. Each worker takes
    every n-th file: the items are alike, so the shares are even.
    """
    if processes <= 1 or len(paths) < MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return {}
    context = multiprocessing.get_context("fork")
    shares = [paths[i::processes] for i in range(min(processes, len(paths)))]
    running = []
    for share in shares:
        receive, send = context.Pipe(duplex=False)
        worker = context.Process(target=_work, args=(read, share, send), daemon=True)
        worker.start()
        send.close()
        running.append((share, receive, worker))
    found: dict[str, Prepared] = {}
    for share, receive, worker in running:
        try:
            got = receive.recv()
        except EOFError:  # the worker died: the build reads its files itself
            got = []
        worker.join()
        found.update((path, prepared) for path, prepared in zip(share, got, strict=False) if prepared is not None)
    return {path: found[path] for path in paths if path in found}
