"""The GitHub Actions workflow passes actionlint and keeps its security properties."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_actionlint_is_clean():
    done = subprocess.run(["bash", "scripts/actionlint.sh"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "clean" in done.stdout


def test_actionlint_finds_problems(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("pages: write", "pages: writ"))
    done = subprocess.run(["bash", "scripts/actionlint.sh", str(broken)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    assert '"writ" is invalid for permission' in done.stdout


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def test_every_action_is_pinned_to_a_commit():
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text())
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.search(r"# v\d+\.\d+\.\d+", comment), (action, comment)


def test_least_privilege_and_deploys_are_never_cancelled():
    workflow = load()
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert "permissions" not in jobs["build"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["concurrency"]["cancel-in-progress"] is False
    assert "main" in jobs["deploy"]["if"]


def test_build_refuses_symlinks_and_runs_tests():
    runs = " ".join(step.get("run", "") for step in load()["jobs"]["build"]["steps"])
    assert "make test" in runs and "make publish" in runs and "find output -type l" in runs
