"""Shared fixtures: real builds of small sites, through the real `bloc build` command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SITE_FIXTURE = FIXTURES / "site" / "content"
REGISTRIES = ROOT / "content" / "data"


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    output: Path

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if ": error: " in line]


def make_content(dest: Path, source: Path | None = SITE_FIXTURE) -> Path:
    """A content folder: the fixture's items (if any) and the project's registries."""
    if source is not None:
        shutil.copytree(source, dest)
    else:
        (dest / "news").mkdir(parents=True)
    if not (dest / "data").exists():
        # the registries, not the site's record of published URLs: a test site starts unpublished
        shutil.copytree(REGISTRIES, dest / "data", ignore=shutil.ignore_patterns("urls.yaml"))
    return dest


def build(content: Path, output: Path, settings: str = "pelicanconf.py", env: dict | None = None,
          cache: Path | None = None) -> BuildResult:
    """Run `bloc build` as a user would, from the project root."""
    command = [sys.executable, "-m", "bloc_cli", "build", "--lang", "en", "--settings", settings,
               "--content", str(content), "--output", str(output), "--quiet"]
    # each test site keeps its own content cache, beside its content unless told otherwise
    command += ["--cache", str(cache or content.parent / ".cache" / "pelican")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    return BuildResult(done.returncode, done.stdout, done.stderr, output)


def parse(path: Path) -> BeautifulSoup:
    """Parse a built page with a real HTML5 parser."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The fixture site, built once per test session; returns its output folder."""
    base = tmp_path_factory.mktemp("site")
    content = make_content(base / "content")
    result = build(content, base / "output")
    assert result.returncode == 0, result.stderr
    return result.output


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the whole session: Playwright's sync
    API cannot be started twice in one thread, so every test that needs it shares this."""
    from tests.browser.browser_site import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(built_site):
    """Open a built page by its site-relative URL: page('en/') or page('tin-tuc/2021/x/')."""

    def open_page(url: str) -> BeautifulSoup:
        path = built_site / url
        if url == "" or url.endswith("/"):
            path = path / "index.html"
        return parse(path)

    return open_page
