"""A misspelt or wrongly typed setting stops the build before anything is read, with the
setting's line of the settings file: under `bloc build`, and under a plain `pelican` run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, build, make_content

PELICAN = Path(sys.executable).parent / "pelican"


def _project(base: Path, extra: str) -> tuple[Path, int]:
    """A copy of the project's settings (theme and plugins from this checkout) with `extra`
    at the end, and the fixture content; the line where `extra` starts."""
    base.mkdir(parents=True)
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    text = text.replace('THEME = "theme"', f"THEME = {str(ROOT / 'theme')!r}")
    text = text.replace('PLUGIN_PATHS = ["plugins"]', f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]")
    assert str(ROOT / "theme") in text and str(ROOT / "plugins") in text
    (base / "pelicanconf.py").write_text(text + extra, encoding="utf-8")
    make_content(base / "content")
    return base / "pelicanconf.py", len(text.splitlines()) + 1


def _pelican(project: Path) -> subprocess.CompletedProcess:
    # a wide console: Pelican's log handler would wrap the message at 80 columns
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run([str(PELICAN), "-s", "pelicanconf.py"], cwd=project, capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.mark.parametrize(("extra", "expected"), [
    ("BLOC_SEO_FEDS = False\n",
     "lỗi: BLOC_SEO_FEDS: bloc_seo không có thiết lập này (có phải ý bạn là 'BLOC_SEO_FEEDS'?)"),
    ("BLOC_PHOTOS_JPEG_QUALITY = '80'\n",
     "lỗi: BLOC_PHOTOS_JPEG_QUALITY: cần một số nguyên, nhưng nhận được '80'"),
])
def test_plain_pelican_fails_on_a_bad_setting(tmp_path, extra, expected):
    settings, line = _project(tmp_path / "site", extra)
    done = _pelican(settings.parent)
    assert done.returncode != 0
    assert f"pelicanconf.py:{line}: {expected}" in done.stdout + done.stderr, done.stdout + done.stderr
    assert not (settings.parent / "output").exists()  # nothing was built


def test_plain_pelican_builds_with_good_settings(tmp_path):
    """The same copy without the mistake builds: the failure above is the setting's."""
    settings, _line = _project(tmp_path / "site", "BLOC_SEO_FEEDS = False\nBLOC_SEARCH_ENABLED = False\n")
    done = _pelican(settings.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (settings.parent / "output" / "index.html").is_file()
    assert not (settings.parent / "output" / "tin-tuc" / "atom.xml").exists()  # BLOC_SEO_FEEDS was read


def test_bloc_build_names_the_line_of_the_settings_file_it_was_given(tmp_path):
    settings = tmp_path / "conf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        "BLOC_INDEX_PAGESIZE = 2\nBLOC_SAFETY_META_CSP = 'yes'\n", encoding="utf-8")
    output = tmp_path / "output"
    result = build(make_content(tmp_path / "content"), output, settings=str(settings))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert result.errors == [  # both plugins' problems, at once
        f"{settings}:4: error: BLOC_INDEX_PAGESIZE: unknown setting of bloc_indexes "
        "(did you mean 'BLOC_INDEX_PAGE_SIZE'?)",
        f"{settings}:5: error: BLOC_SAFETY_META_CSP: expected true or false, got 'yes'",
    ], result.stderr
    assert not output.exists()


def test_bloc_check_reports_the_same_settings_problems(tmp_path):
    settings, line = _project(tmp_path / "site", "BLOC_SEO_FEDS = False\n")
    done = subprocess.run([sys.executable, "-m", "bloc_cli", "--root", str(settings.parent), "check", "--lang", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    errors = [row for row in done.stdout.splitlines() if ": error: " in row]  # the fixture has warnings of its own
    assert errors == [
        f"pelicanconf.py:{line}: error: BLOC_SEO_FEDS: unknown setting of bloc_seo (did you mean 'BLOC_SEO_FEEDS'?)"]


@pytest.mark.parametrize(("extra", "expected"), [
    ("X = (\n", "error: the settings file is not valid Python: '(' was never closed"),
    ("from khong_co import X\n",
     "error: the settings file stops here with ModuleNotFoundError: No module named 'khong_co'"),
    ("BLOC_HOME_ITEMS = muoi\n", "error: the settings file stops here with NameError: name 'muoi' is not defined"),
], ids=["syntax", "import", "name"])
def test_a_settings_file_that_does_not_run_is_a_problem_at_its_line(tmp_path, extra, expected):
    """A typo that makes pelicanconf.py fail to run: its line and what to do, in `bloc build`
    and `bloc check` alike, never a traceback."""
    settings, line = _project(tmp_path / "site", extra)
    output = tmp_path / "output"
    result = build(settings.parent / "content", output, settings=str(settings))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert f"pelicanconf.py:{line}: {expected} (the settings file is Python: fix this line" in result.stderr
    assert not output.exists()
    done = subprocess.run([sys.executable, "-m", "bloc_cli", "--root", str(settings.parent), "check", "--lang", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr, done.stderr
    assert f"pelicanconf.py:{line}: {expected}" in done.stdout
