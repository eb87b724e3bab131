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
from collections.abc import Callable
from dataclasses import dataclass

from .forked import can_fork, in_forks

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


def _read_all(read: Callable, paths: list[str]) -> list[Prepared | None]:
    """In a forked worker: read `paths`, with what each logged, in their order."""
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
    return out


def preread(read: Callable[[str], tuple], paths: list[str], processes: int) -> dict[str, Prepared]:
    """{path: Prepared} for every path a worker could read, in the order of `paths`; empty
    with one process.

    `read` (a bound method of the build's reader, with its settings) is not pickled; only
    the results (what Pelican's cache stores) are.
    """
    if not can_fork(processes, len(paths), MIN_FILES):
        return {}
    results = in_forks(lambda share: _read_all(read, share), paths, processes)
    return {path: prepared for path, prepared in zip(paths, results, strict=True) if prepared is not None}
