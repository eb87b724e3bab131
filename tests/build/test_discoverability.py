"""Issue 6, on a real build of the fixture site: every page findable in the right language,
language toggles that never dead-end, structured data, feeds and sitemaps."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from PIL import Image

from pelicanconf import BLOC_SITE_ORIGIN, BLOC_URLS
from tests.conftest import FIXTURES, build, make_content, parse

ORIGIN = BLOC_SITE_ORIGIN.rstrip("/")
SCHEMAS = FIXTURES / "schemas"
OUTDATED_EN = "en/news/2025/original-changed-after-translation/"
UNTRANSLATED_EN = "en/news/untranslated/tin-chua-dich-2025/"
UNTRANSLATED_VI = "tin-tuc/chua-dich/english-only-2025/"
UNTRANSLATED_ORIGINAL = "tin-tuc/2025/tin-chua-co-ban-dich-tieng-anh/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site built once here, keeping the build's messages."""
    base = tmp_path_factory.mktemp("seo")
    result = build(make_content(base / "content"), base / "output")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def pages(site) -> dict[str, object]:
    """Every HTML page of the site by site-relative URL ('' is the Vietnamese home)."""
    out = {}
    for path in sorted(site.output.rglob("*.html")):
        rel = path.relative_to(site.output).as_posix()
        if rel.startswith(("pagefind/", "theme/", "admin/")):  # admin/: the editor (bloc_cms), not a page to find
            continue
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        out[url] = parse(path)
    return out


def local(site, href: str) -> Path:
    """The file an absolute or root-relative link of the site points to."""
    rel = href.removeprefix(ORIGIN).lstrip("/").split("#")[0]
    path = site.output / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


def hreflang(soup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')
            if not link.get("type")}


def jsonld(soup) -> list[dict]:
    scripts = soup.select('script[type="application/ld+json"]')
    return [node for script in scripts for node in json.loads(script.string)["@graph"]]


def robots(soup) -> str:
    meta = soup.find("meta", attrs={"name": "robots"})
    return meta["content"] if meta else ""


def test_the_site_has_every_kind_of_page(pages):
    for url in ["", "en/", "nam/", "en/years/", "2021/", "en/2021/", "bo-nganh/", "en/members/",
                "bo-nganh/bo-cong-an/", "en/members/ministry-of-public-security/", UNTRANSLATED_EN, UNTRANSLATED_VI,
                OUTDATED_EN, "404.html"]:
        assert url in pages, url


def test_every_page_has_one_absolute_canonical_to_itself(pages):
    for url, soup in pages.items():
        canonicals = soup.select('link[rel="canonical"]')
        if url == "404.html":
            assert canonicals == []  # an error page has no canonical address
            continue
        assert [c["href"] for c in canonicals] == [f"{ORIGIN}/{url}"], url


def test_hreflang_is_absolute_reciprocal_and_has_a_vietnamese_x_default(site, pages):
    for url, soup in pages.items():
        if url == "404.html":
            continue
        links = hreflang(soup)
        lang = soup.html["lang"]
        assert links[lang] == f"{ORIGIN}/{url}", url
        assert set(links) == {"vi", "en", "x-default"}, url
        for code, href in links.items():
            assert href.startswith(ORIGIN + "/"), (url, href)
            target = local(site, href)
            assert target.is_file(), (url, href)
            if code != "x-default":
                assert hreflang(parse(target)) == links, (url, href)
        vi_page = parse(local(site, links["vi"]))
        if "noindex" in robots(vi_page):  # an English-only item: x-default is the English original
            assert links["x-default"] == links["en"], url
        else:
            assert links["x-default"] == links["vi"], url


def test_no_language_toggle_points_to_a_missing_file(site, pages):
    for url, soup in pages.items():
        for link in soup.select(".language-toggle a"):
            assert local(site, link["href"]).is_file(), (url, link["href"])
            assert link["lang"] == link["hreflang"]
            assert link.get_text(strip=True) == {"vi": "Tiếng Việt", "en": "English"}[link["lang"]]


def test_untranslated_pages_say_so_in_their_language_and_link_to_the_original(site, pages):
    en = pages[UNTRANSLATED_EN]
    assert en.html["lang"] == "en" and "noindex" in robots(en)
    assert "has not been translated into English yet" in en.main.get_text()
    original = en.main.find("a", attrs={"hreflang": "vi"})
    assert original["lang"] == "vi" and local(site, original["href"]).is_file()
    vi = pages[UNTRANSLATED_VI]
    assert vi.html["lang"] == "vi" and "noindex" in robots(vi)
    assert "chưa được dịch sang tiếng Việt" in vi.main.get_text()
    assert local(site, vi.main.find("a", attrs={"hreflang": "en"})["href"]).is_file()


def test_item_pages_carry_news_article_event_and_breadcrumbs(pages):
    items = [url for url in pages if url.startswith(("tin-tuc/20", "en/news/20"))]
    assert items
    for url in items:
        nodes = {node["@type"]: node for node in jsonld(pages[url])}
        article = nodes["NewsArticle"]
        assert article["url"] == f"{ORIGIN}/{url}"
        assert article["inLanguage"] == pages[url].html["lang"]
        for key in ("headline", "description", "datePublished", "dateModified", "author", "publisher"):
            assert article[key], (url, key)
        assert article["publisher"]["@type"] == "GovernmentOrganization"
        assert ("translationOfWork" in article) != ("workTranslation" in article) or url in (
            UNTRANSLATED_ORIGINAL, "en/news/2025/an-item-written-in-english-only/")
        assert nodes["BreadcrumbList"]["itemListElement"][-1]["item"] == f"{ORIGIN}/{url}"
    conference = {n["@type"]: n for n in jsonld(pages["tin-tuc/2021/ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong/"])}
    assert conference["NewsArticle"]["datePublished"] == "2021-01"  # only the month is known
    event = conference["Event"]
    assert event["startDate"] == "2021-01" and event["location"] and event["organizer"]["name"] == "Bộ Công an"
    english = {n["@type"]: n for n in jsonld(pages[OUTDATED_EN])}["NewsArticle"]
    assert english["datePublished"] == "2025-03-09T10:00:00+07:00"
    assert english["translationOfWork"]["inLanguage"] == "vi"


def test_every_page_has_breadcrumbs_and_open_graph(pages):
    for url, soup in pages.items():
        og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
        assert og["og:locale"] == {"vi": "vi_VN", "en": "en_GB"}[soup.html["lang"]], url
        assert soup.find("meta", attrs={"name": "twitter:card"}), url
        if url == "404.html":
            continue
        assert og["og:url"] == f"{ORIGIN}/{url}"
        assert any(n["@type"] == "BreadcrumbList" for n in jsonld(soup)), url
    assert {m["content"] for m in pages["en/"].select('meta[property="og:locale:alternate"]')} == {"vi_VN"}
    # An item without an English translation offers no English locale; its notice page points back.
    assert not pages[UNTRANSLATED_ORIGINAL].select('meta[property="og:locale:alternate"]')
    assert [m["content"] for m in pages[UNTRANSLATED_EN].select('meta[property="og:locale:alternate"]')] == ["vi_VN"]


def test_sitemap_validates_and_lists_every_indexable_page(site, pages):
    schema = xmlschema.XMLSchema(str(SCHEMAS / "sitemap.xsd"),
                                 locations=[("http://www.w3.org/1999/xhtml", str(SCHEMAS / "xhtml-link.xsd"))])
    sitemap = site.output / "sitemap.xml"
    schema.validate(str(sitemap))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(sitemap).getroot()
    listed = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    indexable = {f"{ORIGIN}/{url}" for url, soup in pages.items() if "noindex" not in robots(soup)}
    assert set(listed) == indexable
    home = {link.get("hreflang"): link.get("href") for link in listed[f"{ORIGIN}/"].findall("x:link", ns)}
    assert home == {"vi": f"{ORIGIN}/", "en": f"{ORIGIN}/en/", "x-default": f"{ORIGIN}/"}


def test_news_sitemap_validates_and_robots_points_at_both(site):
    schema = xmlschema.XMLSchema(str(SCHEMAS / "sitemap.xsd"), locations=[
        ("http://www.google.com/schemas/sitemap-news/0.9", str(SCHEMAS / "sitemap-news.xsd"))])
    news = site.output / "sitemap-news.xml"
    schema.validate(str(news))
    locs = {e.text for e in ET.parse(news).getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    # No SOURCE_DATE_EPOCH: the two days up to the newest item (2025-03-10 09:00).
    assert f"{ORIGIN}/{OUTDATED_EN}" in locs
    assert not any("/2021/" in loc for loc in locs)
    lines = (site.output / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines and f"Sitemap: {ORIGIN}/sitemap-news.xml" in lines


@pytest.mark.parametrize(("feed", "lang"), [
    (BLOC_URLS["vi"]["feed"], "vi"), (BLOC_URLS["en"]["feed"], "en"),
    (BLOC_URLS["vi"]["member_feed"].format(slug="bo-cong-an"), "vi"),
    (BLOC_URLS["en"]["member_feed"].format(slug="ministry-of-public-security"), "en"),
])
def test_atom_feeds_parse_in_their_language(site, feed, lang):
    root = ET.parse(site.output / feed).getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert entries
    for entry in entries:
        href = entry.find("{http://www.w3.org/2005/Atom}link").get("href")
        assert href.startswith(ORIGIN + "/") and local(site, href).is_file()
        assert entry.find("{http://www.w3.org/2005/Atom}summary").text
        assert entry.find("{http://www.w3.org/2005/Atom}updated").text[-6:] == "+07:00"


def test_pages_link_their_feeds(pages):
    feeds = [link["href"] for link in pages["bo-nganh/bo-cong-an/"].select('link[type="application/atom+xml"]')]
    assert feeds == [f"{ORIGIN}/tin-tuc/atom.xml", f"{ORIGIN}/bo-nganh/bo-cong-an/atom.xml"]


def test_outdated_translation_shows_a_notice_and_the_build_warns(site, pages):
    notice = pages[OUTDATED_EN].select_one(".notice-outdated")
    assert notice is not None
    assert "changed on March 10, 2025" in notice.get_text()
    assert notice.find("a", attrs={"hreflang": "vi"})
    assert pages["tin-tuc/2025/tin-goc-da-sua-sau-khi-dich/"].select_one(".notice-outdated") is None
    warnings = [line for line in site.stderr.splitlines() if "translated_from.hash" in line]
    assert len(warnings) == 1
    assert "news/2025/ban-dich-cu/index.en.md:10: warning: translated_from.hash: the original" in warnings[0]
    assert "translated from 0123456789ab, the original is now " in warnings[0]
    assert warnings[0].endswith("(bring the translation up to date, then run: make translated "
                                f"ITEM={site.output.parent / 'content'}/news/2025/ban-dich-cu)")


def test_404_page_is_bilingual_and_links_both_homes_and_search(site, pages):
    soup = pages["404.html"]
    assert "noindex" in robots(soup)
    parts = {section["lang"]: section for section in soup.select("section.not-found")}
    assert set(parts) == {"vi", "en"}
    assert "Không tìm thấy trang" in parts["vi"].get_text() and "Page not found" in parts["en"].get_text()
    for lang, section in parts.items():
        hrefs = [a["href"] for a in section.find_all("a")]
        assert f"/{BLOC_URLS[lang]['home']}" in hrefs and f"/{BLOC_URLS[lang]['search']}" in hrefs


def test_every_page_has_exactly_one_h1(pages):
    for url, soup in pages.items():
        assert len(soup.find_all("h1")) == 1, url


def test_404_page_labels_the_other_language_as_a_section_under_the_h1(pages):
    soup = pages["404.html"]
    h1 = soup.find("h1")
    assert h1.get_text(strip=True) == "Không tìm thấy trang" and h1.find_parent("section")["lang"] == "vi"
    english = soup.find("section", attrs={"lang": "en"})
    heading = english.find("h2")
    assert heading.get_text(strip=True) == "Page not found"
    assert english["aria-labelledby"] == heading["id"]


def test_no_automatic_redirect_by_browser_language(pages):
    for url, soup in pages.items():
        assert not soup.find("meta", attrs={"http-equiv": lambda v: v and v.lower() == "refresh"}), url
        for script in soup.find_all("script"):
            assert "navigator.language" not in (script.string or ""), url


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_a_social_image_of_its_true_size_with_alt_text(site, pages):
    for url, soup in pages.items():
        if url == "404.html":
            assert meta(soup, "og:image") is None
            continue
        image = meta(soup, "og:image")
        assert image and meta(soup, "twitter:image") == image, url
        assert meta(soup, "og:image:alt") and meta(soup, "twitter:image:alt") == meta(soup, "og:image:alt"), url
        assert meta(soup, "twitter:card") == "summary_large_image", url
        with Image.open(local(site, image)) as picture:
            assert picture.size == (int(meta(soup, "og:image:width")), int(meta(soup, "og:image:height"))), url


def test_an_item_without_photos_has_a_card_in_its_language(site, pages):
    for url, words in [("tin-tuc/2019/tong-ket-cong-tac-thi-dua-nam-2018/", ("16 tháng 1, 2019", "Khối thi đua các bộ")),
                       ("en/news/2019/review-of-the-2018-emulation-work/", ("January 16, 2019", "Emulation Bloc"))]:
        soup = pages[url]
        card = meta(soup, "og:image")
        assert "/cards/card-" in card and card.endswith(".png"), url
        alt = meta(soup, "og:image:alt")
        assert soup.h1.get_text(strip=True) in alt and all(w in alt for w in words), alt
        [article] = [n for n in jsonld(soup) if n["@type"] == "NewsArticle"]
        assert [(i["url"], i["width"], i["height"]) for i in article["image"]] == [(card, 1200, 630)]
        logo = article["publisher"]["logo"]
        assert logo["@type"] == "ImageObject" and "/cards/logo-" in logo["url"]
        with Image.open(local(site, logo["url"])) as picture:
            assert picture.size == (logo["width"], logo["height"]) == (600, 60)


def test_listing_pages_have_cards_of_their_own(pages):
    cards = {url: meta(pages[url], "og:image") for url in ["", "en/", "2021/", "en/2021/", "bo-nganh/bo-cong-an/"]}
    assert len(set(cards.values())) == len(cards)
    assert meta(pages["2021/"], "og:image:alt").endswith(", 2021")
