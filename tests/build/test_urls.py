"""Published URLs are kept: the record in content/data/urls.yaml, a redirect from the old URL
of a renamed item, and shared URLs refused with both files named."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
import yaml

from tests.conftest import build, make_content, parse

pytestmark = pytest.mark.slow

ITEM = Path("news/2023/trien-khai-2023")
OLD = {"vi": "tin-tuc/2023/hoi-nghi-trien-khai-2023/", "en": "en/news/2023/bloc-conference-launch-2023/"}
NEW = {"vi": "tin-tuc/2023/trien-khai-cong-tac-2023/", "en": "en/news/2023/launching-the-2023-work/"}
SLUGS = {"vi": ("hoi-nghi-trien-khai-2023", "trien-khai-cong-tac-2023"),
         "en": ("bloc-conference-launch-2023", "launching-the-2023-work")}


def set_slug(content: Path, lang: str, old: str, new: str) -> None:
    path = content / ITEM / f"index.{lang}.md"
    text = path.read_text(encoding="utf-8")
    assert f"\nslug: {old}\n" in text
    path.write_text(text.replace(f"\nslug: {old}\n", f"\nslug: {new}\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """The fixture site published once, then built again with the item's slugs changed."""
    base = tmp_path_factory.mktemp("urls")
    content = make_content(base / "content")
    first = build(content, base / "output")
    assert first.returncode == 0, first.stderr
    record_before = (content / "data" / "urls.yaml").read_text(encoding="utf-8")
    for lang, (old, new) in SLUGS.items():
        set_slug(content, lang, old, new)
    second = build(content, base / "output")
    assert second.returncode == 0, second.stderr
    return content, second.output, record_before


def test_the_first_build_records_every_published_url(renamed):
    _content, _output, record_before = renamed
    record = yaml.safe_load(record_before)
    assert record[OLD["vi"]] == {"key": "trien-khai-2023", "lang": "vi"}
    assert record[OLD["en"]] == {"key": "trien-khai-2023", "lang": "en"}
    assert record_before.startswith("# Every URL this site has published")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_renamed_slug_leaves_a_redirect_page(renamed, lang):
    _content, output, _ = renamed
    assert parse(output / NEW[lang] / "index.html").h1
    page = output / OLD[lang] / "index.html"
    html = page.read_text(encoding="utf-8")
    # well-formed HTML: the strict parser raises on any parse error
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    soup = parse(page)
    assert soup.html["lang"] == lang
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url=/{NEW[lang]}"
    assert soup.find("link", rel="canonical")["href"] == f"/{NEW[lang]}"
    assert [a["href"] for a in soup.find_all("a")] == [f"/{NEW[lang]}"]
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    title = {"vi": "Trang này đã chuyển địa chỉ", "en": "This page has moved"}[lang]
    assert soup.h1.get_text() == title
    # nothing the Content-Security-Policy would block: no inline script or style
    assert soup.find_all(["script", "style"]) == [] and not soup.find_all(style=True)


def test_the_redirects_file_and_the_record(renamed):
    content, output, _ = renamed
    lines = (output / "_redirects").read_text(encoding="utf-8").splitlines()
    assert lines == sorted([f"/{OLD['en']} /{NEW['en']} 301", f"/{OLD['vi']} /{NEW['vi']} 301"])
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    for lang in ("vi", "en"):  # search engines are given the new URL only
        assert f"/{NEW[lang]}<" in sitemap and f"/{OLD[lang]}<" not in sitemap
    record = yaml.safe_load((content / "data" / "urls.yaml").read_text(encoding="utf-8"))
    for lang in ("vi", "en"):  # the old URL is kept (it is a promise), the new one added
        assert record[OLD[lang]] == record[NEW[lang]] == {"key": "trien-khai-2023", "lang": lang}


def test_a_newcomer_cannot_take_a_published_url(renamed, tmp_path):
    content_before, _, _ = renamed
    content = make_content(tmp_path / "content", content_before)
    newcomer = content / "news" / "2023" / "moi" / "index.vi.md"
    newcomer.parent.mkdir()
    text = (content / ITEM / "index.vi.md").read_text(encoding="utf-8")
    text = text.replace("translation_key: trien-khai-2023", "translation_key: moi-2023")
    newcomer.write_text(text.replace(f"slug: {SLUGS['vi'][1]}", f"slug: {SLUGS['vi'][0]}"), encoding="utf-8")
    result = build(content, tmp_path / "output")
    assert result.returncode == 1
    assert result.errors == [
        f"{newcomer}:3: error: slug: the URL '{OLD['vi']}' is already published for {content / ITEM}/index.vi.md:3 "
        "(give this item another 'slug:'; a published URL never changes)"]


def test_two_new_items_sharing_a_url_fail_naming_both(tmp_path):
    content = make_content(tmp_path / "content")
    storm = content / "news" / "2021" / "ung-ho-vung-bao" / "index.vi.md"
    storm.write_text(storm.read_text(encoding="utf-8").replace("slug: tin-bao-ung-ho\n", ""), encoding="utf-8")
    press = content / "news" / "2021" / "gap-mat-bao-chi" / "index.vi.md"
    result = build(content, tmp_path / "output")
    assert result.returncode == 1
    hint = "(give one of the items another 'slug:' (e.g. with the place or the date))"
    assert result.errors == [
        f"{press}:2: error: slug: the URL 'tin-tuc/2021/tin-bao/' would also be the URL of {storm}:2 {hint}",
        f"{storm}:2: error: slug: the URL 'tin-tuc/2021/tin-bao/' would also be the URL of {press}:2 {hint}"]
    assert not re.search(r"tin-bao-2", result.stderr)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chromium_follows_the_redirect_under_the_sites_csp(renamed, browser, lang):
    from tests.build.test_security import RECORD_VIOLATIONS, read_headers, serve

    _content, output, _ = renamed
    server = serve(output, read_headers(output))
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.add_init_script(RECORD_VIOLATIONS)
        base_url = f"http://127.0.0.1:{server.server_port}"
        with tab.expect_navigation(url=f"{base_url}/{NEW[lang]}"):
            tab.goto(f"{base_url}/{OLD[lang]}")
        tab.wait_for_load_state("load")
        assert tab.url == f"{base_url}/{NEW[lang]}"
        assert tab.evaluate("window.__csp") == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_the_nu_html_checker_finds_no_error_in_the_redirect_pages(renamed):
    from tests.browser.browser_site import run_vnu

    _content, output, _ = renamed
    errors = run_vnu([output / OLD[lang] / "index.html" for lang in ("vi", "en")])
    assert errors == [], errors
