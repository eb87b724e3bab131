"""Items read in worker processes (BLOC_WORKERS) build the same site, byte for byte, and report
the same problems in the same order, as a build that reads them all in one process."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, build, make_content

pytestmark = pytest.mark.slow
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


def _settings(base: Path, workers: int) -> Path:
    path = base / f"workers{workers}.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"BLOC_PHOTOS_CACHE = {str(base / f'photos-{workers}')!r}\nBLOC_WORKERS = {workers}\n",
        encoding="utf-8")
    return path


def _tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_two_workers_build_the_same_bytes_as_one(tmp_path):
    content = make_content(tmp_path / "content")
    outputs = {}
    for workers in (1, 2):
        settings = _settings(tmp_path, workers)
        result = build(content, tmp_path / f"output-{workers}", settings=str(settings),
                       cache=tmp_path / f"cache-{workers}", env=ENV)
        assert result.returncode == 0, result.stderr
        outputs[workers] = result.output
    one, two = outputs[1], outputs[2]
    assert _tree(one) == _tree(two)
    files = [p for p in _tree(one) if (one / p).is_file()]
    assert len(files) > 50
    _match, mismatch, errors = filecmp.cmpfiles(one, two, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_workers_are_used_and_the_problems_are_the_same_in_the_same_order(tmp_path):
    content = make_content(tmp_path / "content")
    items = sorted(content.rglob("index.vi.md"))
    assert len(items) >= 8
    # three kinds of problem, in files far apart in the reading order
    for path, (old, new) in zip(items[::3], [("lang: vi", "lang: vi\nunknown_field: 1"),
                                             ("published: ", "published: x"),
                                             ("lang: vi", "lang: vi\ntitel: Typo")],
                                strict=False):
        text = path.read_text(encoding="utf-8")
        assert old in text, path
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    runs = {}
    for workers in (1, 2):
        command = [sys.executable, "-m", "bloc_cli", "build", "--lang", "en", "--verbose",
                   "--settings", str(_settings(tmp_path, workers)), "--content", str(content),
                   "--output", str(tmp_path / f"output-{workers}"), "--cache", str(tmp_path / f"cache-{workers}")]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=600)
        assert done.returncode != 0
        runs[workers] = done.stdout + done.stderr
    assert "files read ahead in 2 processes" in runs[2]
    assert "read ahead" not in runs[1]

    def problems(text: str) -> list[str]:
        return [line for line in text.splitlines() if ": error: " in line or ": warning: " in line]

    assert len(problems(runs[1])) >= 3
    assert problems(runs[2]) == problems(runs[1])
