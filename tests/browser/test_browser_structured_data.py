"""structured-data-testing-tool (npm) with its Google, Twitter and Facebook presets on item
pages in both languages, with and without photos: no failure, and the tests that matter ran."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.build import test_photos_build as photos
from tests.conftest import parse

from .browser_site import ROOT, find_pages

pytestmark = pytest.mark.browser

CHECKER = Path(__file__).with_name("structured_data.js")
TOOL = ROOT / "node_modules" / "structured-data-testing-tool" / "index.js"
# Tests of the presets that failed on pages without a picture or a logo: they must have run and passed.
REQUIRED = {"NewsArticle[0].image", "NewsArticle[0].publisher.logo", "NewsArticle[0].publisher.logo.url",
            '"twitter:image" || "twitter:image:src"', '"twitter:image:alt"', '"og:image" || "og:image:src"',
            '"og:image:alt"', "NewsArticle[0].headline", "NewsArticle[0].datePublished"}


def run_tool(pages: list[Path]) -> list[dict]:
    node = shutil.which("node")
    if node is None or not TOOL.exists():
        pytest.fail("node or structured-data-testing-tool missing: run `make system-deps`")
    done = subprocess.run([node, str(CHECKER), *map(str, pages)], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)
    assert done.stdout, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def photo_pages(tmp_path_factory) -> list[Path]:
    """The item with photos of the photo tests, built, in both languages."""
    root = tmp_path_factory.mktemp("sdtt-photos")
    photos._site(root)
    articles = photos._build(root, root / "output")
    return [root / "output" / a.save_as for a in photos._by_lang(articles).values()]


def test_item_pages_pass_the_google_twitter_and_facebook_presets(built_site, photo_pages):
    found = find_pages(built_site)
    plain = [built_site / found[("item", lang)] / "index.html" for lang in ("vi", "en")]
    reports = run_tool(plain + photo_pages)
    assert len(reports) == 4
    for report in reports:
        assert report["failed"] == [], (report["path"], report["failed"])
        assert "NewsArticle" in report["schemas"], report["path"]
        ran = {test["test"] for test in report["passed"]}
        assert ran >= REQUIRED, (report["path"], sorted(REQUIRED - ran))
    # The page with photos shares the photo's crop, the page without a card.
    images = [parse(p).find("meta", attrs={"property": "og:image"})["content"] for p in plain + photo_pages]
    assert all("/cards/card-" in url for url in images[:2]) and all("-social.jpg" in url for url in images[2:])
