"""A settings file that does not run: the problem at its line, or None when the error is not the
settings' (a bug elsewhere stays a traceback)."""

from __future__ import annotations

import runpy

import pytest
from bloc_cli.settings_file import problem_of


def raised(path):
    try:
        runpy.run_path(str(path))
    except Exception as error:
        return error
    pytest.fail("the settings ran")


def test_a_syntax_error_is_at_its_line(tmp_path):
    settings = tmp_path / "pelicanconf.py"
    settings.write_text('SITENAME = "Khối"\nX = [1,\n', encoding="utf-8")
    problem = problem_of(raised(settings), settings)
    assert (problem.line, problem.severity) == (2, "error")
    assert problem.path.endswith("pelicanconf.py")
    assert "not valid Python" in problem.render()


def test_an_error_while_running_is_at_the_line_that_raised_it(tmp_path):
    settings = tmp_path / "pelicanconf.py"
    settings.write_text('SITENAME = "Khối"\nPAGES = 10\nSIZE = PAGES / 0\n', encoding="utf-8")
    problem = problem_of(raised(settings), settings)
    assert problem.line == 3
    assert "ZeroDivisionError" in problem.render()


def test_the_line_is_in_the_project_file_the_settings_import(tmp_path):
    """As publishconf.py imports pelicanconf.py (under a name no other test has imported)."""
    import sys

    (tmp_path / "base_conf_that_fails.py").write_text("A = 1\nB = khong_co\n", encoding="utf-8")
    publish = tmp_path / "publishconf.py"
    publish.write_text(f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\nfrom base_conf_that_fails import *\n",
                       encoding="utf-8")
    try:
        problem = problem_of(raised(publish), publish)
    finally:
        sys.modules.pop("base_conf_that_fails", None)
        sys.path.remove(str(tmp_path))
    assert problem.path.endswith("base_conf_that_fails.py") and problem.line == 2


def test_an_error_raised_elsewhere_is_not_the_settings_problem(tmp_path):
    def bug():
        raise KeyError("a bug in our code")

    try:
        bug()
    except KeyError as error:
        assert problem_of(error, tmp_path / "pelicanconf.py") is None
