"""The GitHub Actions workflow passes actionlint and keeps its security properties."""

from __future__ import annotations

import os
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


def test_actionlint_runs_without_a_global_web_crypto(tmp_path):
    # Node 18 (Debian 12's) has no globalThis.crypto; take it away on a newer Node too.
    preload = tmp_path / "no-web-crypto.js"
    preload.write_text("delete globalThis.crypto;\n")
    env = {**os.environ, "NODE_OPTIONS": f"--require={preload}"}
    done = subprocess.run(["bash", "scripts/actionlint.sh"], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=600)
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


def readme_commands() -> list[str]:
    """The commands of the README's "two commands" block, without their comments."""
    section = (ROOT / "README.md").read_text().split("## The two commands", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_debian_12_job_runs_the_readme_commands_on_a_stock_system():
    job = load()["jobs"]["debian-12"]
    assert job["container"]["image"] == "debian:12"
    assert "permissions" not in job
    steps = job["steps"]
    install = steps[0]["run"]
    assert "apt-get install" in install
    packages = set(install.split("--no-install-recommends", 1)[1].replace("\\", " ").split())
    assert packages == {"python3", "python3-venv", "git", "make", "ca-certificates"}
    # every package the job starts from is one the README tells a new user to have
    intro = (ROOT / "README.md").read_text().split("## The two commands", 1)[1].split("```", 1)[0]
    assert all(f"`{package}`" in intro for package in packages)
    assert steps[1]["uses"].startswith("actions/checkout@")
    runs = [step["run"] for step in steps[2:]]
    assert readme_commands() == ["make html", "make test"]
    assert runs == readme_commands()
