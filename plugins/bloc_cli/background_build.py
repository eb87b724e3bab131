"""The dev server's full builds, each in a forked child of its warm process.

A full build of a large preview takes a while; a save made meanwhile makes its result out of
date. Run in a child (its own process group: its workers and Pagefind too), a build can be
stopped at once, and the save shown by a quick preview (quick_preview.py) instead of waiting
for it. A build stopped midway leaves the previous preview complete, as a build killed at
any moment does (`bloc build`'s atomic swap); the next one cleans up after it.

The child inherits the warm process: libraries, content model, compiled templates.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import threading
from collections.abc import Callable

PR_SET_PDEATHSIG = 1  # prctl: a signal for this process when its parent dies (Linux)


class BackgroundBuilds:
    """At most one build at a time: `start` runs `build()` in a child and hands its result (made
    of JSON values) to `done(result)` in this process, or `done(None)` when the child died
    without one; `stop` ends a running build, whose result is then dropped."""

    def __init__(self, build: Callable[[], object], done: Callable[[object], None],
                 after_fork: Callable[[], None] = lambda: None) -> None:
        self.build, self.done, self.after_fork = build, done, after_fork
        self._child: int | None = None
        self._stopped = False
        self._reader: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._reader is not None and self._reader.is_alive()

    def start(self) -> None:
        self.stop()
        readable, writable = os.pipe()
        parent = os.getpid()
        child = os.fork()
        if child == 0:  # the child: build, send the result, leave without running the parent's cleanups
            os.close(readable)
            status = 0
            try:
                os.setpgid(0, 0)
                _end_with(parent)
                self.after_fork()
                payload = json.dumps(self.build(), ensure_ascii=False).encode("utf-8")
                with os.fdopen(writable, "wb") as pipe:
                    pipe.write(payload)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        os.close(writable)
        with contextlib.suppress(OSError):  # it already did, or already exited
            os.setpgid(child, child)  # also here: a stop before the child got to it still reaches its group
        self._child, self._stopped = child, False
        self._reader = threading.Thread(target=self._collect, args=(child, readable), daemon=True)
        self._reader.start()

    def stop(self) -> bool:
        """End the running build and everything it started; True if one was running."""
        reader, child = self._reader, self._child
        if reader is None:
            return False
        was_running = reader.is_alive()
        if was_running:
            self._stopped = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child, signal.SIGTERM)
        reader.join()
        self._reader = self._child = None
        return was_running

    def wait(self) -> None:
        """Until the running build is done and its result handed over."""
        if self._reader is not None:
            self._reader.join()

    def _collect(self, child: int, readable: int) -> None:
        with os.fdopen(readable, "rb") as pipe:
            payload = pipe.read()
        _pid, status = os.waitpid(child, 0)
        if self._stopped:
            return
        whole = bool(payload) and os.waitstatus_to_exitcode(status) == 0
        self.done(json.loads(payload) if whole else None)


def _end_with(parent: int) -> None:
    """The build dies with the dev server, even one killed outright: its own process group does
    not get the signals sent to the server's."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return  # not Linux: a stop still ends it
    if os.getppid() != parent:  # the server died before the line above
        os._exit(1)
