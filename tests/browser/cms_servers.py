"""What the CMS browser tests run against: a scratch Git repository holding the site's
content, decap-server on it, and the site built from it served on 127.0.0.1 with the
headers its `_headers` file gives /admin/."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import typing
import urllib.error
import urllib.request
from pathlib import Path

from .browser_site import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    # GIT_OPTIONAL_LOCKS=0: a test's `git status` must not take the index lock, or a
    # checkout decap-server runs at that moment fails ("index.lock: File exists").
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    return subprocess.run([*GIT, *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def scratch_repo(dest: Path) -> Path:
    """A Git repository with the site's registries and seed item, committed on main."""
    shutil.copytree(ROOT / "content", dest / "content")
    git(dest, "init", "-q", "-b", "main")
    # decap-server commits with plain git in this repository: a fresh machine has no identity.
    for key, value in (("user.name", "Test"), ("user.email", "test@example.org"), ("commit.gpgsign", "false")):
        git(dest, "config", key, value)
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "Seed")
    return dest


def cms_settings_file(dest: Path, backend_port: int, publish_mode: str) -> Path:
    """pelicanconf.py with the CMS pointed at a test decap-server (paths made absolute)."""
    path = dest / "cmsconf.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa: F403\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"BLOC_CMS_BUNDLE = {str(ROOT / 'node_modules' / 'decap-cms' / 'dist')!r}\n"
        f"BLOC_CMS_LOCAL_BACKEND = 'http://127.0.0.1:{backend_port}/api/v1'\n"
        f"BLOC_CMS_PUBLISH_MODE = {publish_mode!r}\n",
        encoding="utf-8",
    )
    return path


def bloc(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bloc_cli", "--lang", "en", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def build_site(repo: Path, output: Path, settings: Path) -> Path:
    done = bloc("build", "--settings", str(settings), "--content", str(repo / "content"), "--output", str(output),
                "--cache", str(output.parent / ".cache"), "--quiet")
    assert done.returncode == 0, done.stderr
    return output


class DecapServer:
    """decap-server on 127.0.0.1 serving `repo` (MODE=fs writes files; MODE=git commits)."""

    def __init__(self, repo: Path, mode: str):
        self.port = free_port()
        env = {**os.environ, "MODE": mode, "BIND_HOST": "127.0.0.1", "PORT": str(self.port),
               "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "error"}
        self.process = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=repo, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.2)
        raise RuntimeError("decap-server did not start")

    def call(self, action: str, **params) -> tuple[int, typing.Any]:
        """One request to decap-server's API, as the admin page makes it: (status, JSON answer)."""
        body = json.dumps({"branch": "main", "action": action, "params": {"branch": "main", **params}}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/v1", data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def unpublished_entries(self, deadline_seconds: float = 60) -> list[str]:
        """The entries the editorial workflow holds, once decap-server is idle.

        decap-server runs one Git operation at a time (a mutex) and moves the work tree
        between branches while it answers; this request waits its turn, so its answer
        comes after every operation asked for before it, with `main` checked out again.
        While another operation is still running past decap-server's 3-second lock wait
        it answers 500; that is asked again, not taken as an answer.
        """
        deadline = time.monotonic() + deadline_seconds
        while True:
            status, answer = self.call("unpublishedEntries")
            if status == 200:
                return answer
            if time.monotonic() > deadline:
                raise AssertionError(f"decap-server answered {status}: {answer}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def admin_headers(output: Path) -> dict[str, str]:
    """The headers the `_headers` file gives /admin/*."""
    headers = {}
    text = (output / "_headers").read_text(encoding="utf-8")
    block = text.split("/admin/*\n", 1)[1]
    for line in block.splitlines():
        if not line.startswith("  "):
            break
        if line.strip().startswith("!"):  # detaches the site-wide header
            continue
        name, value = line.strip().split(": ", 1)
        headers[name] = value
    return headers


class StaticSite:
    """The built site on 127.0.0.1, with the admin's own headers on /admin/."""

    def __init__(self, output: Path):
        extra = admin_headers(output)

        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map: typing.ClassVar = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                                               ".yml": "text/yaml"}

            def end_headers(self):
                if self.path.startswith("/admin/"):
                    for name, value in extra.items():
                        self.send_header(name, value)
                super().end_headers()

            def log_message(self, format, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                      functools.partial(Handler, directory=str(output)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
