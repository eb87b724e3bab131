"""A third language is added in the settings only: the French fixture site
(tests/fixtures/site-trilingual) builds pages, toggles, hreflang, feeds, sitemaps and search
for vi, en and fr, with the structural checks of the two-language site."""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from tests.build.test_links import target_of, urls_of
from tests.conftest import FIXTURES, build, parse

SITE = FIXTURES / "site-trilingual"
SETTINGS = runpy.run_path(str(SITE / "settings.py"))
URLS, LANGS = SETTINGS["BLOC_URLS"], SETTINGS["BLOC_LANGS"]
ORIGIN = SETTINGS["BLOC_SITE_ORIGIN"].rstrip("/")
TRANSLATED = {"vi": "tin-tuc/2024/tong-ket-nam-2023/", "en": "en/news/2024/review-of-2023/",
              "fr": "fr/actualites/2024/bilan-de-l-annee-2023/"}
WITHOUT_FRENCH = {"vi": "tin-tuc/2025/so-ket-6-thang-dau-nam-2025/", "en": "en/news/2025/mid-year-review-2025/"}
UNTRANSLATED_FR = "fr/actualites/non-traduit/so-ket-2025/"
MEMBER_SLUGS = {"vi": "bo-tu-phap", "en": "ministry-of-justice", "fr": "ministere-de-la-justice"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def copy_site(base: Path) -> Path:
    return Path(shutil.copytree(SITE / "content", base / "content"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("trilingual")
    result = build(copy_site(base), base / "output", settings=str(SITE / "settings.py"))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def pages(site) -> dict[str, html.HtmlElement]:
    """Every HTML page of the site by site-relative URL, parsed with lxml."""
    out = {}
    for path in sorted(site.output.rglob("*.html")):
        rel = path.relative_to(site.output).as_posix()
        if not rel.startswith(("pagefind/", "theme/", "admin/")):
            out[rel.removesuffix("index.html")] = html.parse(str(path)).getroot()
    return out


def local(site, href: str) -> Path:
    rel = href.removeprefix(ORIGIN).lstrip("/").split("#")[0]
    return site.output / rel / "index.html" if rel == "" or rel.endswith("/") else site.output / rel


def hreflang(page) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in page.xpath('//head/link[@rel="alternate"][@hreflang]')
            if link.get("type") is None}


def text(page) -> str:
    return " ".join(page.xpath("string(//main)").split())


def test_every_language_has_every_kind_of_page(pages):
    for lang, urls in URLS.items():
        expected = [urls["home"], urls["years"], urls["members"], urls["search"], urls["year"].format(year=2024),
                    urls["member"].format(slug=MEMBER_SLUGS[lang]), TRANSLATED[lang]]
        for url in expected:
            assert url in pages, url
            assert pages[url].get("lang") == lang, url


def test_each_language_has_its_own_article_pattern(site):
    """A third language's items go under its pattern, not under English's (ARTICLE_LANG_URL)."""
    assert (site.output / TRANSLATED["fr"] / "index.html").is_file()
    assert not list((site.output / "en" / "news").glob("*/bilan-*"))


def test_hreflang_names_every_language_and_the_original_as_x_default(site, pages):
    for url, page in pages.items():
        if url == "404.html":
            continue
        links = hreflang(page)
        assert set(links) == {"vi", "en", "fr", "x-default"}, url
        assert links[page.get("lang")] == f"{ORIGIN}/{url}", url
        assert links["x-default"] == links["vi"], url
        for code, href in links.items():
            target = local(site, href)
            assert target.is_file(), (url, href)
            if code != "x-default":
                assert hreflang(html.parse(str(target)).getroot()) == links, (url, href)


def test_toggles_lead_to_every_other_language_by_its_own_name(site, pages):
    for lang, url in TRANSLATED.items():
        toggles = pages[url].xpath('//nav[contains(@class, "language-toggle")]//a')
        assert {a.get("hreflang"): a.text_content().strip() for a in toggles} == {
            other: LANGS[other]["name"] for other in LANGS if other != lang}
        for a in toggles:
            assert a.get("lang") == a.get("hreflang") and local(site, a.get("href")).is_file()
    # an item with no French file: both of its pages lead to the French 'not translated' page
    for url in WITHOUT_FRENCH.values():
        french = pages[url].xpath('//nav[contains(@class, "language-toggle")]//a[@hreflang="fr"]')
        assert [a.get("href") for a in french] == [f"/{UNTRANSLATED_FR}"]


def test_the_untranslated_page_speaks_french_and_links_to_the_versions_there_are(pages):
    page = pages[UNTRANSLATED_FR]
    assert page.get("lang") == "fr"
    assert "noindex" in page.xpath('string(//meta[@name="robots"]/@content)')
    words = text(page)
    assert "Pas encore traduit" in words and "Son texte intégral est en vietnamien" in words
    assert "Conférence de bilan semestriel" in words and "Ministère de la Sécurité publique" in words
    assert {a.get("hreflang") for a in page.xpath('//nav[contains(@class, "language-toggle")]//a')} == {"vi", "en"}


def test_french_pages_are_in_french(pages):
    page = pages[TRANSLATED["fr"]]
    words = text(page)
    for french in ("Publié le 19 janvier 2024", "Faits essentiels", "Conférence de bilan annuel",
                   "Audit d'État du Viêt Nam", "Drapeau d'émulation du gouvernement", "Premier ministre",
                   "Ministère de la Justice", "Lieu Hanoï"):
        assert french in words, french
    for english in ("Key facts", "Published", "Government Emulation Flag", "State Audit Office"):
        assert english not in words, english
    assert [a.text_content() for a in page.xpath('//nav[contains(@class, "site-nav")]//a')] == [
        "Actualités", "Années", "Ministères et organismes", "Recherche"]
    assert page.xpath('string(//meta[@property="og:locale"]/@content)') == "fr_FR"
    assert sorted(page.xpath('//meta[@property="og:locale:alternate"]/@content')) == ["en_GB", "vi_VN"]
    graph = [node for script in page.xpath('//script[@type="application/ld+json"]/text()')
             for node in json.loads(script)["@graph"]]
    article = next(node for node in graph if node["@type"] == "NewsArticle")
    assert article["inLanguage"] == "fr" and article["translationOfWork"]["inLanguage"] == "vi"
    event = next(node for node in graph if node["@type"] == "Event")
    assert event["location"] == {"@type": "Place", "name": "Hanoï"}  # the French file's own words


def test_every_language_has_its_feeds(site):
    for lang, urls in URLS.items():
        feeds = [urls["feed"], urls["member_feed"].format(slug=MEMBER_SLUGS[lang])]
        for feed in feeds:
            root = etree.parse(str(site.output / feed)).getroot()
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, feed
            links = root.xpath("//atom:entry/atom:link/@href", namespaces=ATOM)
            assert f"{ORIGIN}/{TRANSLATED[lang]}" in links, feed
            assert all(link.startswith(f"{ORIGIN}/{urls['home']}") for link in links), feed
    french = etree.parse(str(site.output / URLS["fr"]["feed"])).getroot()
    assert len(french.xpath("//atom:entry", namespaces=ATOM)) == 1  # the one item that has a French file


def test_sitemaps_list_every_language_with_its_alternates(site):
    root = etree.parse(str(site.output / "sitemap.xml")).getroot()
    entries = {url.findtext("s:loc", namespaces=SITEMAP): {
        link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", namespaces=SITEMAP)}
        for url in root.findall("s:url", namespaces=SITEMAP)}
    expected = {lang: f"{ORIGIN}/{url}" for lang, url in TRANSLATED.items()}
    for lang, url in TRANSLATED.items():
        assert entries[f"{ORIGIN}/{url}"] == {**expected, "x-default": expected["vi"]}, lang
    for lang, urls in URLS.items():
        assert f"{ORIGIN}/{urls['home']}" in entries, lang
    assert f"{ORIGIN}/{UNTRANSLATED_FR}" not in entries  # noindex


def test_search_has_an_index_per_language(site):
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "fr", "vi"]


def test_every_page_has_one_h1_a_canonical_and_links_that_resolve(site, pages):
    output = site.output.resolve()
    broken = []
    for url, page in pages.items():
        assert len(page.xpath("//h1")) == 1, url
        if url != "404.html":
            assert page.xpath('//link[@rel="canonical"]/@href') == [f"{ORIGIN}/{url}"], url
        path = output / (url + "index.html" if url == "" or url.endswith("/") else url)
        for tag, link in urls_of(parse(path)):
            found = target_of(output, path, link, ORIGIN)
            if found is not None and not found[0].is_file():
                broken.append(f"{url}: <{tag}> {link}")
    assert broken == []


def test_a_language_without_a_theme_catalogue_fails_the_build(tmp_path):
    """No English words in a French page for want of a catalogue: the build says what to do."""
    settings = tmp_path / "settings.py"
    settings.write_text("import runpy\n"
                        f"globals().update(runpy.run_path({str(SITE / 'settings.py')!r}))\n"
                        "BLOC_I18N_TRANSLATION_PATHS = []\n", encoding="utf-8")
    result = build(copy_site(tmp_path), tmp_path / "output", settings=str(settings))
    assert result.returncode == 1
    assert any("no catalogue of the theme's words for 'fr', a language of the site" in line and
               "fr/LC_MESSAGES/messages.po" in line for line in result.errors), result.stderr
    assert not (tmp_path / "output").exists()
