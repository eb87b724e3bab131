"""The images of an item page's head: the 1200x630 social image for Open Graph and Twitter,
the 16:9, 4:3 and 1:1 crops for the NewsArticle JSON-LD (duck-typed articles, no Pelican)."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

from bloc_content.article_view import ArticleView
from bloc_seo import jsonld
from bloc_seo.head import Site, SocialImage, build_head

VN = dt.timezone(dt.timedelta(hours=7))
URLS = {"vi": {"home": "", "article": "tin-tuc/{date:%Y}/{slug}/", "year": "{year}/", "years": "nam/"},
        "en": {"home": "en/", "article": "en/news/{date:%Y}/{slug}/", "year": "en/{year}/", "years": "en/years/"}}
SITE = Site("https://x.example", URLS, "vi", {"vi": "Khối", "en": "Bloc"})
CROPS = [{"url": f"/photos/lead-0123456789-{name}.jpg", "width": w, "height": h}
         for name, w, h in (("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 1200, 1200))]


def _photo(file, **kw):
    return SimpleNamespace(file=file, caption=kw.get("caption"), credit=kw.get("credit"),
                           lead=kw.get("lead", False), decorative=kw.get("decorative", False))


def _article(**photos_attrs):
    published = dt.datetime(2021, 1, 15, 9, 0, tzinfo=VN)
    original = [_photo("deco.jpg", decorative=True), _photo("lead.jpg", lead=True, credit="TTXVN",
                                                            caption="Quang cảnh")]
    model = SimpleNamespace(lang="en", summary="S", published=published, updated=None, date_precision="time",
                            byline="TG-PV", photos=[_photo("lead.jpg", caption="The hall")])
    view = ArticleView(
        item=SimpleNamespace(original=SimpleNamespace(model=SimpleNamespace(lang="vi", photos=original))),
        is_original=False, state="published", facts=SimpleNamespace(has_event=False), org_ids=[],
        alternates={"vi": "tin-tuc/2021/a/"}, **photos_attrs)
    return SimpleNamespace(lang="en", title="A", date=published, url="en/news/2021/a/", translations=[],
                           bloc=SimpleNamespace(model=model), view=view)


def _head(article, card=None, site=SITE):
    return build_head(site, lang="en", url=article.url, alternates=article.view.alternates, title="A",
                      description="S", labels={"home": "Home", "years": "Years"}, article=article, card=card)


def _news_article(head) -> dict:
    return next(n for n in json.loads(head.jsonld)["@graph"] if n["@type"] == "NewsArticle")


def test_json_ld_lists_the_three_crops_and_open_graph_keeps_the_social_image():
    head = _head(_article(social_image="/photos/lead-0123456789-social.jpg", structured_images=CROPS))
    og = dict(head.og)
    assert og["og:image"] == "https://x.example/photos/lead-0123456789-social.jpg"
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert dict(head.twitter)["twitter:image"] == og["og:image"]
    images = _news_article(head)["image"]
    assert [(i["url"], i["width"], i["height"]) for i in images] == [
        ("https://x.example/photos/lead-0123456789-16x9.jpg", 1200, 675),
        ("https://x.example/photos/lead-0123456789-4x3.jpg", 1200, 900),
        ("https://x.example/photos/lead-0123456789-1x1.jpg", 1200, 1200)]
    for image in images:
        assert image["@type"] == "ImageObject" and image["contentUrl"] == image["url"]
        # the caption in the page's language, the credit of the photo
        assert (image["caption"], image["creditText"]) == ("The hall", "TTXVN")


def test_absolute_crop_urls_are_kept():
    crops = [{**c, "url": "https://cdn.example" + c["url"]} for c in CROPS]
    head = _head(_article(social_image="https://cdn.example/photos/s.jpg", structured_images=crops))
    assert [i["url"] for i in _news_article(head)["image"]] == [c["url"] for c in crops]


def test_without_crops_the_social_image_is_the_json_ld_image():
    head = _head(_article(social_image="/photos/s.jpg"))
    [image] = _news_article(head)["image"]
    assert (image["url"], image["width"], image["height"]) == ("https://x.example/photos/s.jpg", 1200, 630)


def test_without_photos_there_is_no_image():
    head = _head(_article(social_image=None, structured_images=[]))
    assert "image" not in _news_article(head)
    assert "og:image" not in dict(head.og)
    assert dict(head.twitter)["twitter:card"] == "summary"


CARD = SocialImage("/cards/card-0123456789abcdef.png", 1200, 630, "A – Bloc, January 15, 2021")


def test_an_item_without_photos_shows_its_card_everywhere():
    head = _head(_article(social_image=None, structured_images=[]), card=CARD)
    og, twitter = dict(head.og), dict(head.twitter)
    assert og["og:image"] == twitter["twitter:image"] == "https://x.example/cards/card-0123456789abcdef.png"
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["og:image:alt"] == twitter["twitter:image:alt"] == "A – Bloc, January 15, 2021"
    assert twitter["twitter:card"] == "summary_large_image"
    [image] = _news_article(head)["image"]
    assert (image["url"], image["width"], image["height"]) == (og["og:image"], 1200, 630)
    assert "creditText" not in image  # the card is the site's own drawing, not the photo's


def test_a_photo_wins_over_the_card_and_its_true_size_and_alt_are_given():
    article = _article(social_image="/photos/s.jpg", social_image_size=(300, 158), social_image_alt="The hall, seen from the stage")
    og, twitter = dict(_head(article, card=CARD).og), dict(_head(article, card=CARD).twitter)
    assert og["og:image"] == "https://x.example/photos/s.jpg"
    assert (og["og:image:width"], og["og:image:height"]) == ("300", "158")
    assert og["og:image:alt"] == twitter["twitter:image:alt"] == "The hall, seen from the stage"


def test_a_listing_page_shows_its_card():
    head = build_head(SITE, lang="en", url="en/2021/", alternates={"vi": "2021/"}, title="The bloc in 2021",
                      description="S", labels={"home": "Home", "years": "Years"}, card=CARD)
    assert dict(head.og)["og:image:alt"] == CARD.alt and dict(head.og)["og:type"] == "website"


def test_the_publisher_has_the_wordmark_as_its_logo():
    logo = jsonld.Image("https://x.example/cards/logo-0123456789abcdef.png", 600, 60)
    site = Site("https://x.example", URLS, "vi", {"vi": "Khối", "en": "Bloc"}, logos={"en": logo})
    publisher = _news_article(_head(_article(social_image=None, structured_images=[]), CARD, site))["publisher"]
    assert publisher["logo"] == {"@type": "ImageObject", "url": logo.url, "contentUrl": logo.url,
                                 "width": 600, "height": 60}
