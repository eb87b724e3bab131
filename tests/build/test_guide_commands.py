"""Every command the authors' guides show runs as written, on a scratch copy of the fixture site.

The commands are the lines starting with `make ` or `bloc ` in the guides' fenced `sh`/`shell`
blocks, run in order, each with the shell, in a folder laid out like the project (its Makefile
and settings, the fixture site's content and the registries). Two documented substitutions:
- `SRC=bai-cu.txt` (the old article of section 7): the test puts a real old article there, and
  `SRC=bai-cu/` (a folder of them) holds two more real articles from the importer's corpus;
- servers (`make devserver`, `make serve`, `make cms`) run with the PORT environment variable
  (the Makefile's `PORT ?= 8000`) set to a free port; the test waits until the port answers
  HTTP, then stops the server.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bloc_content.fields import field_paths, translation_field
from bloc_content.model import ItemFile, TranslationFile

from tests.conftest import FIXTURES, ROOT, make_content
from tests.template_fields import fields_in

pytestmark = pytest.mark.slow

GUIDES = ("huong-dan.md", "guide.en.md")
SERVERS = ("make devserver", "make serve", "make cms")
LINKED = ("plugins", "theme", "scripts", ".venv", "requirements.txt", "pyproject.toml", "package.json",
          "package-lock.json", "node_modules")
COPIED = ("Makefile", "pelicanconf.py", "publishconf.py")
OLD_ARTICLE = FIXTURES / "legacy" / "seed-tong-ket-2020.txt"
OLD_FOLDER = ("02-bqllang-2022-so-ket.txt", "05-kiemsat-2024-tong-ket.txt")
FENCE = re.compile(r"^```(\w*)\s*$")


def guide_commands(text: str) -> list[str]:
    """The `make`/`bloc` lines of the fenced sh/shell blocks, in order."""
    commands, language = [], None
    for line in text.splitlines():
        fence = FENCE.match(line)
        if fence:
            language = None if language is not None else fence.group(1)
            continue
        if language in ("sh", "shell", "bash", "console") and line.startswith(("make ", "bloc ")):
            commands.append(line.strip())
    return commands


def test_the_extractor_takes_only_shell_blocks():
    text = "```sh\nmake new TITLE=\"x\"\n# a note\n```\n```yaml\nmake: no\n```\n```text\nbloc check\n```\n" \
           "```shell\nbloc check\n```\n"
    assert guide_commands(text) == ['make new TITLE="x"', "bloc check"]


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A folder laid out like the project, holding a copy of the fixture site."""
    for name in COPIED:
        shutil.copy2(ROOT / name, tmp_path / name)
    for name in LINKED:
        if (ROOT / name).exists():
            (tmp_path / name).symlink_to(ROOT / name)
    make_content(tmp_path / "content")
    shutil.copy2(OLD_ARTICLE, tmp_path / "bai-cu.txt")
    (tmp_path / "bai-cu").mkdir()
    for name in OLD_FOLDER:
        shutil.copy2(FIXTURES / "import-corpus" / name, tmp_path / "bai-cu" / name)
    return tmp_path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process_group(process: subprocess.Popen, timeout: float) -> None:
    """Ctrl+C to a server started in its own session (and the builds it runs), then a kill."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            return response.status == 200
    except urllib.error.HTTPError as error:
        return error.code == 500  # the devserver's page listing a failed build is an answer too
    except OSError:
        return False


def run_server(command: str, cwd: Path, env: dict) -> str:
    port = free_port()
    process = subprocess.Popen(command, shell=True, cwd=cwd, env={**env, "PORT": str(port)},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        for _attempt in range(600):  # a first build of the fixture site takes a while on a busy machine
            if process.poll() is not None:
                return f"exited with {process.returncode}: {process.stdout.read()}"
            if answers(port):
                return ""
            time.sleep(0.5)
        return "never answered"
    finally:
        stop_process_group(process, timeout=30)


@pytest.mark.parametrize("guide", GUIDES)
def test_every_command_in_the_guide_runs_as_written(guide, scratch):
    commands = guide_commands((ROOT / "docs" / guide).read_text(encoding="utf-8"))
    assert any(c.startswith("make new ") for c in commands) and "make devserver" in commands
    env = {key: value for key, value in os.environ.items() if key not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    for command in commands:
        if command.split(" #")[0].strip() in SERVERS:
            problem = run_server(command, scratch, env)
            assert problem == "", f"{guide}: `{command}` {problem}"
            continue
        done = subprocess.run(command, shell=True, cwd=scratch, env=env, capture_output=True, text=True,
                              timeout=900)
        assert done.returncode == 0, f"{guide}: `{command}` failed:\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stdout + done.stderr
    # what the commands made is there: the new item (marked translated) and the imported draft
    item = scratch / "content/news/2024/hoi-nghi-so-ket-cong-tac-thi-dua-6-thang-dau-nam-2024"
    assert "translated_from: {hash: " in (item / "index.en.md").read_text(encoding="utf-8")
    # `make new` wrote every field the model knows (the translation: every field of its own words)
    assert fields_in((item / "index.vi.md").read_text(encoding="utf-8")) == field_paths(ItemFile)
    assert fields_in((item / "index.en.md").read_text(encoding="utf-8")) == {
        path for path in field_paths(TranslationFile) if translation_field(path)}
    imported = scratch / "content/news/2021/hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2020/index.vi.md"
    assert "\n  date: 2021-01-15" in imported.read_text(encoding="utf-8")  # DATE= reached the importer
