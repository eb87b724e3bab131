"""`bloc devserver`: one warm process that rebuilds the preview in place on every save.
The test edits an item and polls the served page until it changes (no clock): a second edit
shows too, a broken edit shows its diagnostics while output.preview/ keeps the last good
preview, and the pages the edit did not touch were reused, not rendered again."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.build.test_guide_commands import free_port, stop_process_group
from tests.conftest import ROOT, make_content

pytestmark = pytest.mark.slow

LINKED = ("plugins", "theme", ".venv", "node_modules", "package.json", "package-lock.json", "requirements.txt",
          "pyproject.toml")
ITEM = Path("content/news/2021/so-ket-6-thang/index.vi.md")
ITEM_URL = "tin-tuc/2021/so-ket-6-thang-dau-nam-2021/"
OTHER_PAGE = Path("output.preview/tin-tuc/2019/tong-ket-cong-tac-thi-dua-nam-2018/index.html")
BODY = "Nội dung tin dùng để kiểm thử."
PATIENCE = 900  # polls of 0.5 s: a first build of the fixture site on a busy machine takes a while


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("Makefile", "pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / name, tmp_path / name)
    for name in LINKED:
        if (ROOT / name).exists():
            (tmp_path / name).symlink_to(ROOT / name)
    make_content(tmp_path / "content")
    return tmp_path


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


def poll(url: str, server: subprocess.Popen, wanted) -> tuple[int, str]:
    """The first answer `wanted(status, text)` accepts; fails if the server exits or never gives one."""
    status, text = 0, ""
    for _attempt in range(PATIENCE):
        assert server.poll() is None, "the dev server exited"
        status, text = fetch(url)
        if wanted(status, text):
            return status, text
        time.sleep(0.5)
    pytest.fail(f"{url} never gave the expected page; last answer {status}: {text[:500]}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_dev_server_rebuilds_in_place(project):
    port = free_port()
    log = (project / "devserver.log").open("w")
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "bloc"), "devserver", "--port", str(port)],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/{ITEM_URL}"
    try:
        poll(url, server, lambda status, text: status == 200 and BODY in text)
        other = (project / OTHER_PAGE).stat().st_ino

        edit(project / ITEM, BODY, "Lần sửa thứ nhất của tin.")
        poll(url, server, lambda status, text: status == 200 and "Lần sửa thứ nhất" in text)
        # the saved item was shown by a quick preview first (tests/build/test_quick_preview.py)
        assert f": /{ITEM_URL}\n" in (project / "devserver.log").read_text(encoding="utf-8")
        assert (project / OTHER_PAGE).stat().st_ino == other  # reused: the edit rendered what it changed

        edit(project / ITEM, "Lần sửa thứ nhất của tin.", "Lần sửa thứ hai của tin.")
        poll(url, server, lambda status, text: status == 200 and "Lần sửa thứ hai" in text)

        edit(project / ITEM, "host: bqp", "host: bo-khong-co")
        _status, text = poll(url, server, lambda status, text: status == 500)
        assert "index.vi.md:" in text and "bo-khong-co" in text, text  # the diagnostic, with its line
        # the last good preview stays as it was, and its files are still served
        kept = (project / "output.preview" / ITEM_URL / "index.html").read_text(encoding="utf-8")
        assert "Lần sửa thứ hai" in kept
        assert fetch(f"http://127.0.0.1:{port}/theme/css/site.css")[0] == 200

        edit(project / ITEM, "host: bo-khong-co", "host: bqp")
        poll(url, server, lambda status, text: status == 200 and "Lần sửa thứ hai" in text)
        assert server.poll() is None
    finally:
        stop_process_group(server, timeout=60)
        log.close()
