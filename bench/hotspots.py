"""`python -m bench.hotspots [--size 1000] [--phase cold|warm|edit]`: profile one build of
ours with cProfile: cold, unchanged after a cold build (warm: through Pelican's whole pass,
the record that lets a build with nothing changed stop at once dropped first), or after a
one-item edit.

Prints the functions with the most own time and the most cumulative time, as Markdown
tables for docs/performance.md. Work done in child processes is not seen by cProfile, so the
items are read in the build's own process (BLOC_WORKERS = 1) and Pagefind's share is not shown.
"""

from __future__ import annotations

import argparse
import io
import pstats
import subprocess
import sys
from pathlib import Path

from . import runners
from .edits import edit_item
from .measure import wipe

HERE = Path(__file__).resolve().parent
# Frames that only wrap the whole run.
_WRAPPERS = {"<built-in method builtins.exec>", "<module>"}


def profile(size: int, work: Path, seed: int = 0, phase: str = "cold") -> pstats.Stats:
    ws = runners.Workspace(work / f"profile-n{size}", size)
    ws.prepare(seed, photos=False)
    command = runners.ours(ws)
    if isinstance(command, str):
        raise SystemExit(f"cannot profile: {command}")
    settings = runners.bench_settings(ws)
    one_process = settings.with_name("profileconf.py")
    one_process.write_text(settings.read_text(encoding="utf-8") + "BLOC_WORKERS = 1\n", encoding="utf-8")
    command = [str(one_process) if part == str(settings) else part for part in command]
    wipe(ws.ours_output, ws.ours_cache, ws.root / ".cache")
    if phase != "cold":  # the build before it, not profiled
        if subprocess.run(command, cwd=runners.ROOT).returncode != 0:
            raise SystemExit("the cold build before the profiled one failed")
        if phase == "edit":
            edit_item(ws.content, ws.items, 0)
        else:  # warm: through Pelican's pass, not the build that finds nothing changed and stops
            for record in ws.ours_cache.glob("unchanged-*"):
                record.unlink()
    out = ws.root / "build.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), *command], cwd=runners.ROOT)
    if done.returncode != 0:
        raise SystemExit(f"the profiled build failed (exit {done.returncode})")
    return pstats.Stats(str(out), stream=io.StringIO())


def _where(func: tuple) -> str:
    path, line, name = func
    path = path.replace(f"{runners.ROOT}/", "")
    for marker in ("site-packages/", "plugins/", "lib/python"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"`{name}` ({path}:{line})" if line else f"`{name}`"


def table(stats: pstats.Stats, key: str, top: int, only: str = "") -> str:
    """The `top` functions by `key`; `only` keeps functions whose file path contains it."""
    total = stats.total_tt or 1.0
    index = 2 if key == "tottime" else 3  # (calls, primitive calls, tottime, cumtime, callers)
    rows = sorted(((f, v) for f, v in stats.stats.items() if f[2] not in _WRAPPERS and only in f[0]),
                  key=lambda kv: kv[1][index], reverse=True)[:top]
    lines = [f"| function | calls | {key} s | % of run |", "|---|---|---|---|"]
    for func, (_, calls, tt, ct, _) in rows:
        seconds = tt if key == "tottime" else ct
        lines.append(f"| {_where(func)} | {calls} | {seconds:.2f} | {seconds / total:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots", description=__doc__)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--phase", choices=("cold", "warm", "edit"), default="cold")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--work", type=Path, default=HERE / "scratch")
    args = parser.parse_args(argv)
    stats = profile(args.size, args.work, phase=args.phase)
    print(f"Profile of one {args.phase} build at {args.size} items ({stats.total_tt:.1f} s under cProfile)\n")
    print("Own time (tottime):\n\n" + table(stats, "tottime", args.top) + "\n")
    print("Cumulative time (cumtime):\n\n" + table(stats, "cumtime", args.top) + "\n")
    print("Our plugins, cumulative:\n\n" + table(stats, "cumtime", args.top, only=f"{runners.ROOT}/plugins/"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
