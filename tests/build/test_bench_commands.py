"""The benchmark's commands as docs/performance.md gives them, end to end on a tiny corpus:
every phase runs (or is skipped with its reason, as Hugo is on a machine without it), the
results and the verdicts are written, and the profiler prints its tables for each phase."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bench import suite
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_the_bench_runs_every_phase_and_judges_the_targets(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bench", "--sizes", "4", "--repeat", "1",
                           "--work", str(tmp_path / "work"), "--out", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert set(size["phases"]) | set(size["skipped"]) == set(suite.PHASES)
    ours = ("cold", "warm", "edit", "registry", "template", "devserver", "check", "plain")
    assert set(ours) <= set(size["phases"]), size["skipped"]
    assert all(size["phases"][phase]["ok"] and size["phases"][phase]["seconds"] > 0 for phase in ours)
    assert size["ratios"]["edit_over_cold"] is not None and size["ratios"]["devserver_seconds"] > 0
    assert results["verdicts"] and all("meaning" in v for v in results["verdicts"].values())
    assert "## Against the targets" in (tmp_path / "out" / "RESULTS.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("phase", ["cold", "warm", "edit"])
def test_the_profiler_prints_where_a_builds_time_goes(tmp_path, phase):
    done = subprocess.run([sys.executable, "-m", "bench.hotspots", "--size", "4", "--phase", phase, "--top", "5",
                           "--work", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert done.stdout.startswith(f"Profile of one {phase} build at 4 items")
    assert "Own time (tottime):" in done.stdout and "Our plugins, cumulative:" in done.stdout
    assert "`run_build` (bloc_cli/build.py:" in done.stdout
    assert "`run_pelican` (bloc_cli/reporting.py:" in done.stdout  # the whole pass, also when nothing changed
