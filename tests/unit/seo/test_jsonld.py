"""JSON-LD as data, and its serialisation inside a <script> element."""

from __future__ import annotations

import datetime as dt
import json

from bloc_seo import jsonld

VN = dt.timezone(dt.timedelta(hours=7))


def test_serialize_cannot_close_the_script_element():
    text = jsonld.serialize({"headline": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_serialize_keeps_vietnamese_readable_and_is_deterministic():
    data = {"b": "Bộ Công an", "a": 1}
    assert jsonld.serialize(data) == '{"a":1,"b":"Bộ Công an"}'


def test_iso_keeps_the_offset_and_only_the_known_precision():
    when = dt.datetime(2021, 1, 15, 9, 0, tzinfo=VN)
    assert jsonld.iso(when) == "2021-01-15T09:00:00+07:00"
    assert jsonld.iso(when, "day") == "2021-01-15"
    assert jsonld.iso(when, "month") == "2021-01"


def test_breadcrumb_list_numbers_items_from_one():
    data = jsonld.breadcrumb_list([("Trang chủ", "https://x.example/"), ("2021", "https://x.example/2021/")])
    assert data["@type"] == "BreadcrumbList"
    assert [(i["position"], i["name"], i["item"]) for i in data["itemListElement"]] == [
        (1, "Trang chủ", "https://x.example/"), (2, "2021", "https://x.example/2021/")]


def _article(**overrides):
    values = dict(url="https://x.example/en/news/2021/a/", lang="en", headline="A", description="D",
                  published=dt.datetime(2021, 1, 15, 9, 0, tzinfo=VN), modified=None, precision="time",
                  author="TG-PV", publisher=jsonld.government_organization("Bloc", "https://x.example/en/"))
    values.update(overrides)
    return jsonld.ArticleData(**values)


def test_news_article_of_a_translation_points_to_its_original():
    data = jsonld.news_article(_article(original=("vi", "https://x.example/tin-tuc/2021/a/")))
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == data["dateModified"] == "2021-01-15T09:00:00+07:00"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["translationOfWork"]["@id"] == "https://x.example/tin-tuc/2021/a/#article"
    assert "workTranslation" not in data and "image" not in data


def test_news_article_of_an_original_lists_its_translations_and_images():
    image = jsonld.Image("https://x.example/a.jpg", 1200, 630, "Caption", "Ảnh: TTXVN")
    data = jsonld.news_article(_article(lang="vi", images=[image], translations=[("en", "https://x.example/en/a/")],
                                        modified=dt.datetime(2021, 2, 1, 8, 0, tzinfo=VN)))
    assert data["workTranslation"] == [{"@type": "NewsArticle", "@id": "https://x.example/en/a/#article",
                                        "url": "https://x.example/en/a/", "inLanguage": "en"}]
    assert data["image"][0] == {"@type": "ImageObject", "url": "https://x.example/a.jpg",
                                "contentUrl": "https://x.example/a.jpg", "width": 1200, "height": 630,
                                "caption": "Caption", "creditText": "Ảnh: TTXVN"}
    assert data["dateModified"] == "2021-02-01T08:00:00+07:00"


def test_event_has_name_date_location_and_organizer():
    organizer = jsonld.government_organization("Bộ Công an")
    node = jsonld.event("https://x.example/a/", jsonld.EventData("Hội nghị", "2021-01", None, "Việt Nam", organizer), "vi")
    assert node["@id"] == "https://x.example/a/#event"
    assert node["startDate"] == "2021-01"
    assert node["location"] == {"@type": "Country", "name": "Việt Nam"}
    assert node["organizer"] == organizer
    placed = jsonld.event("u", jsonld.EventData("n", "2021", "Hà Nội", "Việt Nam", organizer), "vi")
    assert placed["location"] == {"@type": "Place", "name": "Hà Nội"}


def test_graph_drops_missing_nodes():
    assert jsonld.graph({"@type": "A"}, None) == {"@context": "https://schema.org", "@graph": [{"@type": "A"}]}
