"""requirements.txt installs on the lowest Python pyproject.toml claims (Debian 12's 3.11.2).

These run scripts/check-pins.py, which asks the package index through pip, as a fresh
install would; the small requirements files show each way a pin can break Debian 12.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[2]
DEBIAN_12_PYTHON = "3.11.2"


def check_pins(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/check-pins.py", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=1500)


def requirements(tmp_path: Path, text: str) -> str:
    path = tmp_path / "requirements.txt"
    path.write_text(text)
    return str(path)


def test_the_project_claims_debian_12_python():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert SpecifierSet(project["requires-python"]).contains(DEBIAN_12_PYTHON)


def test_every_pin_resolves_for_the_lowest_supported_python():
    done = check_pins()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pins resolve for requirements.txt on Python 3.11 " in done.stdout


def test_a_pin_that_needs_a_newer_python_fails(tmp_path):
    # soupsieve 4.1.3 declares Requires-Python >=3.11.5: it installs on 3.11.7, not on Debian 12.
    done = check_pins("--requirements", requirements(tmp_path, "soupsieve==4.1.3\n"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "requirements.txt on Python 3.11 (requires-python of pyproject.toml)" in done.stderr
    assert "No matching distribution found for soupsieve==4.1.3" in done.stderr
    assert "4.1.3 Requires-Python >=3.11.5" in done.stderr


def test_a_yanked_pin_fails(tmp_path):
    # soupsieve 3.0.1 allows any 3.11 but was yanked: it is broken before 3.11.5.
    done = check_pins("--requirements", requirements(tmp_path, "soupsieve==3.0.1\n"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "soupsieve==3.0.1 is yanked" in done.stderr


def test_an_unpinned_dependency_or_range_fails(tmp_path):
    done = check_pins("--requirements",
                      requirements(tmp_path, "# a comment\nbeautifulsoup4==4.15.0\nsoupsieve>=2.8\n"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "'soupsieve>=2.8' is not pinned to one version (name==version)" in done.stderr
    assert "typing-extensions==" in done.stderr and "a dependency but not pinned" in done.stderr


def test_a_pyproject_without_a_lower_bound_is_refused(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nrequires-python = "<4"\n')
    done = check_pins("--pyproject", str(pyproject))
    assert done.returncode == 2
    assert "requires-python '<4' has no lower bound (write >=X.Y)" in done.stderr
