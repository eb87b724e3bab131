"""The dev server's full builds in a forked child: the result comes back, a crash is said, and
a stop ends the build and everything it started, dropping its result."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from bloc_cli.background_build import BackgroundBuilds


def gone(pid: int) -> bool:
    """Not running: no such process, or a zombie waiting for a parent that reaps it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def until(condition, attempts: int = 600) -> None:
    for _attempt in range(attempts):
        if condition():
            return
        time.sleep(0.05)
    pytest.fail("the condition never held")


def test_the_child_s_result_is_handed_over():
    results = []
    builds = BackgroundBuilds(lambda: [0, "Đã dựng xong", {"tin-tuc/a/index.html": "/c/a/index.vi.md"}],
                              results.append)
    builds.start()
    builds.wait()
    assert results == [[0, "Đã dựng xong", {"tin-tuc/a/index.html": "/c/a/index.vi.md"}]]
    assert not builds.running
    assert builds.stop() is False  # nothing left to stop


def test_a_child_that_crashes_gives_no_result():
    results = []

    def crash():
        raise RuntimeError("a bug")

    builds = BackgroundBuilds(crash, results.append)
    builds.start()
    builds.wait()
    assert results == [None]


def test_a_stop_ends_the_build_and_what_it_started_and_drops_its_result(tmp_path):
    results, started = [], tmp_path / "started"

    def slow_build():
        worker = subprocess.Popen(["sleep", "600"])  # as Pagefind or a card worker would be
        started.write_text(f"{os.getpid()} {worker.pid}")
        time.sleep(600)
        return [0, "", {}]

    builds = BackgroundBuilds(slow_build, results.append)
    builds.start()
    until(started.exists)
    until(lambda: len(started.read_text().split()) == 2)
    child, worker = (int(word) for word in started.read_text().split())
    assert builds.running
    assert builds.stop() is True
    until(lambda: gone(child) and gone(worker))
    assert results == []
    assert not builds.running


def test_a_new_start_stops_the_build_in_progress(tmp_path):
    results, marks = [], tmp_path / "marks"
    marks.mkdir()

    def build():
        (marks / str(os.getpid())).touch()
        if len(list(marks.iterdir())) == 1:
            time.sleep(600)  # the first build: stopped by the second start
        return [len(list(marks.iterdir()))]

    builds = BackgroundBuilds(build, results.append)
    builds.start()
    until(lambda: any(marks.iterdir()))
    builds.start()
    builds.wait()
    assert results == [[2]]


def test_the_child_runs_after_fork_first(tmp_path):
    seen = tmp_path / "seen"
    builds = BackgroundBuilds(lambda: [seen.exists()], lambda result: None,
                              after_fork=lambda: seen.write_text("closed"))
    results = []
    builds.done = results.append
    builds.start()
    builds.wait()
    assert results == [[True]]


SERVER = """
import os, sys, time
from bloc_cli.background_build import BackgroundBuilds

def build():
    print(os.getpid(), flush=True)
    time.sleep(600)
    return [0]

builds = BackgroundBuilds(build, print)
builds.start()
time.sleep(600)
"""


def test_the_build_dies_with_a_server_killed_outright():
    """In its own process group, the build misses the signals sent to the server's group."""
    import signal
    import sys

    from tests.conftest import ROOT

    server = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True,
                              env={"PYTHONPATH": str(ROOT / "plugins")})
    try:
        child = int(server.stdout.readline())
        assert not gone(child)
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()
    until(lambda: gone(child))
