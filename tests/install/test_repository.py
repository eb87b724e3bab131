"""The committed tree carries no leftovers of a merge: a conflict marker in a docstring or a
document is invisible to every other test (it once sat in a module's docstring)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(rb"^(<{7}|>{7}) |^={7}$", re.MULTILINE)


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    paths = [ROOT / name.decode() for name in names.split(b"\0") if name]
    return [p for p in paths if p.is_file() and b"\0" not in p.read_bytes()[:8192]]


def line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def test_no_conflict_markers_in_tracked_files():
    files = tracked_text_files()
    assert len(files) > 50
    found = [f"{p.relative_to(ROOT)}:{line_of(p.read_bytes(), m.start())}"
             for p in files for m in MARKER.finditer(p.read_bytes())]
    assert found == []


def test_the_marker_pattern_finds_a_real_conflict():
    conflict = b"x\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> 2d7537b (message)\n"
    assert len(MARKER.findall(conflict)) == 3
