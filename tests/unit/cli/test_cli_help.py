"""`bloc --help` and every command's --help: Vietnamese by default, English with --lang en,
argparse's own words included."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
from bloc_cli import i18n
from bloc_cli.main import COMMANDS, build_parser, main

from tests.conftest import ROOT

ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message and exit")


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _no_english_locale(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield
    i18n.activate("en")  # argparse's words back to English for the rest of the session


def _helps(parser):
    """(option, help) of a parser's actions, the sub-commands' included."""
    for action in parser._actions:
        if action.help and action.help != "==SUPPRESS==":
            yield action.option_strings, action.help
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _helps(sub)


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]], ids=lambda c: " ".join(c) or "bloc")
def test_help_is_vietnamese_by_default(capsys, command):
    text = _help(capsys, *command)
    assert text.startswith(f"cách dùng: bloc{' ' + command[0] if command else ''}")
    assert "tùy chọn:" in text and "hiện trợ giúp này rồi thoát" in text
    for word in ARGPARSE_ENGLISH:
        assert word not in text


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]], ids=lambda c: " ".join(c) or "bloc")
def test_help_is_english_with_lang_en(capsys, command):
    text = _help(capsys, *command, "--lang", "en")
    assert text.startswith("usage: bloc") and "show this help message and exit" in text
    assert "cách dùng" not in text and "tùy chọn" not in text


def test_every_help_text_of_every_command_is_translated():
    i18n.activate("en")
    english = list(_helps(build_parser(["build"])))
    i18n.activate("vi")
    vietnamese = list(_helps(build_parser(["build"])))
    assert len(english) == len(vietnamese) > 20
    untranslated = [(options, en) for (options, en), (_o, vi) in zip(english, vietnamese, strict=True) if en == vi]
    assert not untranslated


def test_argparse_errors_are_vietnamese(capsys):
    with pytest.raises(SystemExit):
        main(["new"])
    err = capsys.readouterr().err
    assert "bloc new: lỗi: thiếu tham số bắt buộc: --title" in err
    assert "error" not in err


def test_bloc_help_command_line_is_vietnamese_by_default():
    env = {"PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "bloc_cli", "--help"], cwd=ROOT, capture_output=True,
                          text=True, env=env, check=True)
    assert done.stdout.startswith("cách dùng: bloc")
    assert "các lệnh:" in done.stdout and "dựng trang vào thư mục output/" in done.stdout


@pytest.mark.parametrize("lang, title, line", [
    ("", "Các lệnh của trang (make LỆNH):", "make html         dựng trang vào output/"),
    ("en", "The site's commands (make COMMAND):", "make html         build the site into output/"),
])
def test_make_help_lists_the_commands(lang, title, line):
    done = subprocess.run(["make", "--no-print-directory", "help", *([f"LANG={lang}"] if lang else [])], cwd=ROOT,
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == title
    assert any(entry.strip().startswith(line) for entry in lines)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = [entry.split("|")[0][3:].strip() for entry in makefile.splitlines() if entry.startswith("## ")]
    assert {"html", "serve", "check", "new", "test", "help"} <= set(targets)
    listed = [entry.split()[1] for entry in lines[1:-1]]
    assert listed == targets
    for target in targets:  # every listed command is a real target
        assert f"\n{target}:" in makefile
