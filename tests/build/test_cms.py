"""The browser editor in the built site (/admin/) and `bloc cms` (what `make cms` runs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import yaml
from bs4 import BeautifulSoup

from tests.browser.cms_servers import cms_settings_file, free_port
from tests.conftest import ROOT, build, make_content


def admin_csp(headers_text: str) -> str:
    block = headers_text.split("/admin/*\n", 1)[1]
    return re.search(r"^  Content-Security-Policy: (.+)$", block, re.M).group(1)


def test_admin_is_in_the_built_site(built_site):
    admin = built_site / "admin"
    page = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "html5lib")
    assert page.html["lang"] == "vi"
    scripts = [s.get("src") for s in page.find_all("script")]
    assert scripts == ["decap-cms.js", "js-yaml.min.js", "bloc-cms.js"]  # all served from /admin/, none inline
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert not list(admin.glob("*.map"))
    assert not any("sourceMappingURL" in p.read_text(encoding="utf-8")[-200:] for p in admin.glob("*.js"))
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "vi" and config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
    assert config["collections"][0]["folder"] == "content/news"


def test_admin_has_its_own_csp_and_the_public_pages_keep_theirs(built_site):
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    public = re.search(r"^/\*\n  Content-Security-Policy: (.+)$", headers, re.M).group(1)
    assert "'unsafe-eval'" not in public and "unsafe-inline" not in public and "api.github.com" not in public
    admin = admin_csp(headers)
    assert "'unsafe-eval'" in admin and "connect-src 'self' blob: http://127.0.0.1:8081" in admin
    assert "! Content-Security-Policy" in headers.split("/admin/*\n", 1)[1]


def test_production_admin_uses_github_with_review(tmp_path):
    env = {**os.environ, "BLOC_CMS_REPO": "bloc/site", "BLOC_CMS_BRANCH": "main",
           "BLOC_CMS_AUTH_URL": "https://auth.example.org", "SITEURL": "https://bloc.example.org"}
    result = build(make_content(tmp_path / "content"), tmp_path / "output", settings="publishconf.py", env=env)
    assert result.returncode == 0, result.stderr
    admin = result.output / "admin"
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "github", "repo": "bloc/site", "branch": "main",
                                 "base_url": "https://auth.example.org", "auth_endpoint": "auth"}
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    assert config["site_url"] == "https://bloc.example.org"
    # GitHub Pages sends no headers: the admin page carries its own policy in a <meta>.
    meta = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "html5lib").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "connect-src 'self' blob: https://api.github.com https://auth.example.org" in meta
    assert "127.0.0.1" not in meta
    # The header says the same, plus frame-ancestors (which a <meta> cannot carry).
    assert admin_csp((result.output / "_headers").read_text(encoding="utf-8")) == meta + "; frame-ancestors 'none'"
    # The only hosts it allows: the site ('self'), GitHub's API, the relay, and GitHub's
    # image host for the editor's avatar; every other directive stays on 'self' or 'none'.
    policy = {d.split()[0]: d.split()[1:] for d in meta.split("; ")}
    hosts = {source for sources in policy.values() for source in sources if "://" in source}
    assert hosts == {"https://api.github.com", "https://auth.example.org", "https://avatars.githubusercontent.com"}
    assert policy["connect-src"] == ["'self'", "blob:", "https://api.github.com", "https://auth.example.org"]
    assert policy["img-src"] == ["'self'", "blob:", "data:", "https://avatars.githubusercontent.com"]
    assert policy["default-src"] == policy["frame-src"] == policy["object-src"] == policy["form-action"] == ["'none'"]
    assert all("://" not in s for d, sources in policy.items() if d not in ("connect-src", "img-src") for s in sources)


def _get(url: str, data: bytes | None = None) -> bytes:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read()


def _wait_for(url: str, data: bytes | None = None, seconds: float = 120) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return _get(url, data)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_cms_command_starts_both_servers_and_ctrl_c_stops_both(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    backend, port = free_port(), free_port()
    settings = cms_settings_file(site, backend, "simple")
    log = tmp_path / "cms.log"
    with open(log, "w") as handle:
        process = subprocess.Popen([sys.executable, "-m", "bloc_cli", "--root", str(site), "--lang", "en", "cms",
                                    "--port", str(port), "--settings", settings.name],
                                   cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)
        try:
            info = json.loads(_wait_for(f"http://127.0.0.1:{backend}/api/v1", b'{"action": "info"}'))
            assert info["type"] == "local_fs"
            config = yaml.safe_load(_wait_for(f"http://127.0.0.1:{port}/admin/config.yml"))
            assert config["local_backend"]["url"] == f"http://127.0.0.1:{backend}/api/v1"
        finally:
            process.send_signal(signal.SIGINT)
            code = process.wait(timeout=30)
    text = log.read_text()
    assert code == 130, text
    assert f"Editor: http://localhost:{port}/admin/" in text
    assert f"decap-server: http://127.0.0.1:{backend}/api/v1" in text
    for stopped in (backend, port):  # nothing listens any more
        try:
            _get(f"http://127.0.0.1:{stopped}/")
        except OSError:
            continue
        raise AssertionError(f"port {stopped} still answers")


def test_build_without_the_bundle_fails_and_says_how_to_install_it(tmp_path):
    settings = tmp_path / "nobundle.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa: F403\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"BLOC_CMS_BUNDLE = {str(tmp_path / 'missing')!r}\n", encoding="utf-8")
    result = build(make_content(tmp_path / "content"), tmp_path / "output", settings=str(settings))
    assert result.returncode == 1
    assert "Decap CMS is not installed" in result.stderr and "make cms-bundle" in result.stderr
    assert not (tmp_path / "output").exists()  # never a site without its editor, never a silent skip
