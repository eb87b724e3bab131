"""Dev-server save-to-page: the time from saving an item's file to the running `bloc devserver`
serving the page with the change, polled over HTTP as a browser's reload would see it.

The server is started on the workspace (its first build is not timed), asked for the item's
page until it serves it, then the file is saved and the page asked for again until it shows
the new word. It is stopped after each measurement: the other phases edit the same content.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .edits import edit_item
from .measure import Sample, TreePeak

POLL = 0.05  # seconds between two requests
START_TIMEOUT = 1800.0  # the first build of a large corpus is a cold one
SAVE_TIMEOUT = 600.0
PREVIEW_CACHE = "preview"  # `bloc devserver` keeps its cache in .cache/preview (bloc_cli/devserver.py)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_url(output: Path, slug: str) -> str | None:
    """The site-root URL of the page built for `slug` in `output` (a built site), if any."""
    for folder, _dirs, names in os.walk(output):
        for name in names:
            if Path(name).stem == slug or (name == "index.html" and Path(folder).name == slug):
                relative = Path(folder, name).relative_to(output).as_posix()
                return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return None


def fetch(url: str) -> tuple[int, str]:
    """(status, body) of a GET; status 0 when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def wait_for(url: str, process: subprocess.Popen, timeout: float, shows: str = "") -> str | None:
    """Poll `url` until it answers 200 (and its body holds `shows`); None when it does, else why not."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return f"the dev server stopped (exit {process.returncode})"
        status, body = fetch(url)
        if status == 200 and shows in body:
            return None
        if status == 500:  # the dev server's page listing the problems of a failed build
            return "the dev server's build failed"
        time.sleep(POLL)
    return f"no page after {timeout:.0f} s"


def save_to_page(command: list[str], root: Path, content: Path, items: list, slug: str, round_: int,
                 built: Path) -> Sample | str:
    """Start the dev server (`command` with `{port}` in it), time one save; a string if it cannot run."""
    relative = page_url(built, slug)
    if relative is None:
        return f"no page for '{slug}' in {built.name}/ to watch"
    port = free_port()
    url = f"http://127.0.0.1:{port}{relative}"
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen([part.replace("{port}", str(port)) for part in command], cwd=root,
                                   stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            problem = wait_for(url, process, START_TIMEOUT)
            if problem is not None:
                return _failed(problem, log)
            with TreePeak(process.pid) as peak:
                _path, word = edit_item(content, items, round_, phase="devserver")
                start = time.perf_counter()
                problem = wait_for(url, process, SAVE_TIMEOUT, shows=word)
                seconds = time.perf_counter() - start
            if problem is not None:
                return _failed(problem, log)
            return Sample(round(seconds, 3), peak.mib and round(peak.mib, 1), 0)
        finally:
            _stop(process)


def _failed(problem: str, log) -> Sample:
    log.seek(0)
    return Sample(0.0, None, 1, f"{problem}\n{log.read()[-2000:]}")


def _stop(process: subprocess.Popen) -> None:
    """Stop the dev server and the build it may be running (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
