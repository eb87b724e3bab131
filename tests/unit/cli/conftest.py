"""A small site in a temporary folder: the real registries and the seed item."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bloc_cli.main import main

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content" / "data", tmp_path / "content" / "data")
    shutil.copytree(SEED, tmp_path / "content" / "news" / "2021" / SEED.name)
    return tmp_path


@pytest.fixture
def bloc(site, capsys):
    """Run `bloc --root <site> ...` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--root", str(site), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
