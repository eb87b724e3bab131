"""The dev-server phase finds the watched item's page by its slug, and polls until it shows a word."""

from __future__ import annotations

import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from bench import devserver


def test_the_page_of_a_slug_not_of_a_longer_one(tmp_path):
    for relative in ("tin-tuc/2020/bao-cao-10/index.html", "tin-tuc/2020/bao-cao-1/index.html", "en/x.html"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("page", encoding="utf-8")
    assert devserver.page_url(tmp_path, "bao-cao-1") == "/tin-tuc/2020/bao-cao-1/"
    assert devserver.page_url(tmp_path, "x") == "/en/x.html"
    assert devserver.page_url(tmp_path, "bao-cao") is None


def test_wait_for_a_word_on_a_served_page(tmp_path):
    (tmp_path / "a.html").write_text("before", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/a.html"
        assert devserver.wait_for(url, idle, 5) is None
        assert devserver.wait_for(url, idle, 0.3, shows="after") == "no page after 0 s"
        (tmp_path / "a.html").write_text("after", encoding="utf-8")
        assert devserver.wait_for(url, idle, 5, shows="after") is None
        idle.kill()
        idle.wait()
        assert devserver.wait_for(url, idle, 5, shows="never") == f"the dev server stopped (exit {idle.returncode})"
    finally:
        server.shutdown()
        if idle.poll() is None:
            idle.kill()
