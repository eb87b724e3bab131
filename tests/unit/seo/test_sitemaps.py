"""Sitemaps against their published schemas (committed under tests/fixtures/schemas), robots.txt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xmlschema
from bloc_seo import sitemaps

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"
VN = dt.timezone(dt.timedelta(hours=7))


def schema(extension: str, namespace: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "sitemap.xsd"), locations=[(namespace, str(SCHEMAS / extension))])


def sitemap_schema():
    return schema("xhtml-link.xsd", sitemaps.XHTML_NS)


def news_schema():
    return schema("sitemap-news.xsd", sitemaps.NEWS_NS)


def test_sitemap_with_language_versions_is_valid():
    entry = sitemaps.Entry("https://x.example/nam/", (("en", "https://x.example/en/years/"), ("vi", "https://x.example/nam/")),
                           "https://x.example/nam/", "2021-01-15T09:00:00+07:00")
    text = sitemaps.sitemap([entry, sitemaps.Entry("https://x.example/a&b/")])
    assert sitemap_schema().is_valid(text)
    assert 'hreflang="x-default"' in text and "a&amp;b" in text


def test_the_schema_rejects_a_broken_link_element():
    text = sitemaps.sitemap([sitemaps.Entry("https://x.example/", (("vi", "https://x.example/"),))])
    assert not sitemap_schema().is_valid(text.replace('rel="alternate" ', ""))


def news(day: int, hour: int = 9) -> sitemaps.NewsEntry:
    return sitemaps.NewsEntry(f"https://x.example/tin-tuc/2025/{day}-{hour}/", "vi", "Tin <mới> & cũ",
                              dt.datetime(2025, 3, day, hour, tzinfo=VN), "Khối thi đua")


def test_news_window_is_two_days_up_to_the_reference():
    entries = [news(1), news(8), news(9), news(10)]
    reference = sitemaps.news_reference(None, [e.published for e in entries])
    assert [e.loc for e in sitemaps.recent(entries, reference)] == [news(10).loc, news(9).loc, news(8).loc]
    epoch = str(int(dt.datetime(2025, 3, 2, 0, tzinfo=VN).timestamp()))
    assert [e.loc for e in sitemaps.recent(entries, sitemaps.news_reference(epoch, []))] == [news(1).loc]
    assert sitemaps.recent(entries, sitemaps.news_reference(None, [])) == []


def test_news_sitemap_is_valid():
    text = sitemaps.news_sitemap([news(10), news(9)])
    assert news_schema().is_valid(text)
    assert "Tin &lt;mới&gt; &amp; cũ" in text


def test_robots_txt_lists_the_sitemaps():
    text = sitemaps.robots_txt(sitemaps.Robots(["https://x.example/sitemap.xml"]))
    assert text.splitlines() == ["User-agent: *", "Allow: /", "", "Sitemap: https://x.example/sitemap.xml"]
