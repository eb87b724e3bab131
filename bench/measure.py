"""Run one command and measure it: wall-clock seconds and peak memory (`/usr/bin/time -v`)."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

TIME = "/usr/bin/time"
_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


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
    """Run `command` once; the time is measured here, the peak RSS by GNU time."""
    full_env = {**os.environ, **(env or {})}
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        timed = [TIME, "-v", "-o", report.name, *command] if has_gnu_time() else command
        start = time.perf_counter()
        done = subprocess.run(timed, cwd=cwd, env=full_env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        match = _RSS.search(Path(report.name).read_text())
    rss = int(match.group(1)) / 1024 if match else None
    tail = "" if done.returncode == 0 else (done.stderr or done.stdout)[-2000:]
    return Sample(round(seconds, 3), rss and round(rss, 1), done.returncode, tail)


def has_gnu_time() -> bool:
    return Path(TIME).is_file() and os.access(TIME, os.X_OK)


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
