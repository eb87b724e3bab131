"""Checks that requirements.txt installs on the lowest Python that pyproject.toml claims.

Debian 12 ships Python 3.11.2; a pin whose release needs a newer 3.11 (or was yanked
because it is broken there) installs on a developer's newer Python and fails on a stock
Debian 12. pip decides this from each release's Requires-Python and yanked flag on the
package index, without that Python: `pip install --dry-run --python-version`.

Usage: python scripts/check-pins.py [--requirements FILE] [--pyproject FILE]
Exit status: 0 every pin resolves, 1 a problem (printed), 2 could not run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
YANKED = re.compile(r"is a yanked version: '([^']+)' candidate \(version (\S+)")


class CheckError(Exception):
    """A problem in the files themselves (not in a pin): exit status 2."""


def lowest_python(requires_python: str) -> str:
    """The lowest version a requires-python string allows: '>=3.11' gives '3.11'."""
    try:
        specifiers = SpecifierSet(requires_python)
    except InvalidSpecifier as error:
        raise CheckError(f"requires-python {requires_python!r} is not valid: {error}") from None
    lower = [Version(s.version) for s in specifiers if s.operator in (">=", "~=")]
    if not lower:
        raise CheckError(f"requires-python {requires_python!r} has no lower bound (write >=X.Y)")
    # pip's --python-version takes up to three numbers.
    return ".".join(str(part) for part in max(lower).release[:3])


def read_pins(text: str) -> tuple[dict[str, str], list[str]]:
    """Pinned versions by canonical name, and the lines that are not `name==version`."""
    pins, unpinned = {}, []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            unpinned.append(line)
            continue
        exact = [s.version for s in requirement.specifier if s.operator == "=="]
        if len(exact) != 1 or "*" in exact[0]:
            unpinned.append(line)
            continue
        pins[canonicalize_name(requirement.name)] = exact[0]
    return pins, unpinned


def problems_of(pins: dict[str, str], report: dict | None, pip_output: str) -> list[str]:
    """What keeps the resolution from being the pinned, installable set."""
    problems = [f"{name}=={version} is yanked (pip still picks it for an exact pin)"
                for name, version in YANKED.findall(pip_output)]
    if report is None:
        return problems
    for item in report["install"]:
        name = canonicalize_name(item["metadata"]["name"])
        version = item["metadata"]["version"]
        if name not in pins:
            problems.append(f"{name}=={version} is installed as a dependency but not pinned")
    return problems


def run_pip(requirements: Path, python: str) -> tuple[int, str, dict | None]:
    """pip's dry-run resolution for `python`: exit status, its output, its JSON report."""
    with tempfile.TemporaryDirectory() as scratch:
        report_path = Path(scratch) / "report.json"
        # --only-binary: pip cannot know how an sdist would build on another Python, so
        # --python-version requires wheels; every pin here has one.
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
             "--disable-pip-version-check", "--no-input", "--only-binary=:all:",
             "--python-version", python, "--target", str(Path(scratch) / "target"),
             "--report", str(report_path), "-r", str(requirements)],
            capture_output=True, text=True, timeout=1200,
        )
        report = json.loads(report_path.read_text()) if report_path.exists() else None
    output = "\n".join(line for line in (done.stdout + done.stderr).splitlines()
                       if "WARNING: Location" not in line)
    return done.returncode, output, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requirements", type=Path, default=ROOT / "requirements.txt")
    parser.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    args = parser.parse_args(argv)
    try:
        project = tomllib.loads(args.pyproject.read_text(encoding="utf-8")).get("project", {})
        if "requires-python" not in project:
            raise CheckError(f"{args.pyproject}: [project] has no requires-python")
        python = lowest_python(project["requires-python"])
        pins, unpinned = read_pins(args.requirements.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, CheckError) as error:
        print(f"check-pins: {error}", file=sys.stderr)
        return 2

    status, output, report = run_pip(args.requirements, python)
    problems = [f"{line!r} is not pinned to one version (name==version)" for line in unpinned]
    problems += problems_of(pins, report, output)
    where = f"{args.requirements.name} on Python {python} (requires-python of {args.pyproject.name})"
    if status != 0:
        errors = [line for line in output.splitlines() if line.startswith("ERROR")]
        problems += errors or [f"pip exited with status {status}:\n{output}"]
    if problems:
        print(f"check-pins: {where}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"check-pins: {len(pins)} pins resolve for {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
