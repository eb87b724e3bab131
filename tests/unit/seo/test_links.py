"""Canonical and hreflang links, and which BLOC_URLS entry a URL comes from."""

from __future__ import annotations

import pytest
from bloc_seo.links import absolute, kind_of, page_links

from pelicanconf import BLOC_URLS


def test_absolute_joins_origin_and_site_relative_url():
    assert absolute("https://x.example/", "") == "https://x.example/"
    assert absolute("https://x.example", "en/") == "https://x.example/en/"


def test_page_links_are_reciprocal_with_a_vietnamese_x_default():
    vi = page_links("https://x.example", "vi", "nam/", {"en": "en/years/"}, "vi")
    en = page_links("https://x.example", "en", "en/years/", {"vi": "nam/"}, "vi")
    assert vi.hreflang == en.hreflang == (("en", "https://x.example/en/years/"), ("vi", "https://x.example/nam/"))
    assert vi.x_default == en.x_default == "https://x.example/nam/"
    assert vi.canonical == "https://x.example/nam/" and en.canonical == "https://x.example/en/years/"


@pytest.mark.parametrize(("lang", "url", "kind", "params"), [
    ("vi", "", "home", {}),
    ("en", "en/", "home", {}),
    ("vi", "nam/", "years", {}),
    ("vi", "2021/", "year", {"year": "2021"}),
    ("en", "en/2021/", "year", {"year": "2021"}),
    ("vi", "bo-nganh/", "members", {}),
    ("en", "en/members/ministry-of-justice/", "member", {"slug": "ministry-of-justice"}),
    ("vi", "tim-kiem/", "search", {}),
    ("vi", "tin-tuc/chua-dich/abc-2025/", "untranslated", {"key": "abc-2025"}),
    ("en", "en/news/untranslated/abc-2025/", "untranslated", {"key": "abc-2025"}),
    ("vi", "tin-tuc/2021/ky-giao-uoc/", "article", {"date": "2021", "slug": "ky-giao-uoc"}),
    ("vi", "2021/trang/2/", "year", {"year": "2021", "number": "2"}),
    ("en", "en/members/ministry-of-justice/page/3/", "member", {"slug": "ministry-of-justice", "number": "3"}),
])
def test_kind_of(lang, url, kind, params):
    assert kind_of(BLOC_URLS, lang, url) == (kind, params)


def test_kind_of_an_unknown_url_is_none():
    assert kind_of(BLOC_URLS, "vi", "khong/co/trang/nay/") is None
