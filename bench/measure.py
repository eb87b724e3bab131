"""Run one command and measure it: wall-clock seconds and the peak memory of its process tree.

The peak is sampled from /proc every 0.2 s as the sum of the proportional set sizes (PSS:
pages shared between a build and its worker processes are counted once) of the command and
every process it started; GNU time's "maximum resident set size" (the largest single
process) is taken too, and the larger of the two is kept, so a short peak between two
samples of a single-process build is not missed.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

TIME = "/usr/bin/time"
_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
SAMPLE_EVERY = 0.2  # seconds between two looks at the tree's memory
RESCAN_EVERY = 5  # samples between two walks of /proc for new processes (a walk costs more)
PROC = Path("/proc")


@dataclass
class Sample:
    seconds: float
    peak_rss_mib: float | None
    returncode: int
    tail: str = ""  # the end of stderr, kept when the command failed

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run(command: list[str], cwd: Path, env: dict | None = None) -> Sample:
    """Run `command` once; the time is measured here, the peak memory by `TreePeak` and GNU time."""
    full_env = {**os.environ, **(env or {})}
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        timed = [TIME, "-v", "-o", report.name, *command] if has_gnu_time() else command
        start = time.perf_counter()
        process = subprocess.Popen(timed, cwd=cwd, env=full_env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        with TreePeak(process.pid) as peak:
            stdout, stderr = process.communicate()
        seconds = time.perf_counter() - start
        match = _RSS.search(Path(report.name).read_text())
    single = int(match.group(1)) / 1024 if match else None
    rss = max((v for v in (single, peak.mib) if v), default=None)
    tail = "" if process.returncode == 0 else (stderr or stdout)[-2000:]
    return Sample(round(seconds, 3), rss and round(rss, 1), process.returncode, tail)


def has_gnu_time() -> bool:
    return Path(TIME).is_file() and os.access(TIME, os.X_OK)


def _parents(proc: Path = PROC) -> dict[int, int]:
    """{pid: parent pid} of every process visible in /proc."""
    out = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        # "pid (name) state ppid ...": the name may hold spaces and parentheses
        out[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return out


def tree(root: int, parents: dict[int, int]) -> set[int]:
    """`root` and all its descendants."""
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


def memory_kib(pid: int, proc: Path = PROC) -> int:
    """Proportional set size of one process (its resident size where PSS is not shown); 0 if gone."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            lines = (proc / str(pid) / name).read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


class TreePeak:
    """The largest total memory of a process tree, sampled in a thread while it runs."""

    def __init__(self, root: int, every: float = SAMPLE_EVERY) -> None:
        self.root, self.every = root, every
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def mib(self) -> float | None:
        return self.peak_kib / 1024 if self.peak_kib else None

    def sample_once(self, pids: set[int] | None = None) -> int:
        total = sum(memory_kib(pid) for pid in (pids or tree(self.root, _parents())))
        self.peak_kib = max(self.peak_kib, total)
        return total

    def _sample(self) -> None:
        count, pids = 0, set()
        while not self._stop.is_set():
            if count % RESCAN_EVERY == 0:
                pids = tree(self.root, _parents())
            self.sample_once(pids)
            count += 1
            self._stop.wait(self.every)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Summary:
    """The median of k samples (and every sample, for the record)."""

    seconds: float | None
    peak_rss_mib: float | None
    ok: bool
    samples: list[dict]
    error: str = ""

    @classmethod
    def of(cls, samples: list[Sample]) -> Summary:
        good = [s for s in samples if s.ok]
        if not good:
            return cls(None, None, False, [asdict(s) for s in samples],
                       samples[-1].tail if samples else "not run")
        rss = [s.peak_rss_mib for s in good if s.peak_rss_mib is not None]
        return cls(round(statistics.median(s.seconds for s in good), 3),
                   max(rss) if rss else None, len(good) == len(samples),
                   [asdict(s) for s in samples])


def wipe(*paths: Path) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def which(name: str) -> str | None:
    return shutil.which(name)
