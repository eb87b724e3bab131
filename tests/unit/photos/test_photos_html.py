"""`<figure><picture>` markup, markers in the body and the gallery, parsed with html5lib."""

from __future__ import annotations

from types import SimpleNamespace

from bloc_photos import html
from bloc_photos.figures import Processed, article_photos, place_in_body
from bs4 import BeautifulSoup

RENDITIONS = [{"format": f, "width": w, "height": w * 3 // 4, "file": f"{w}.{ext}"}
              for f, ext in (("webp", "webp"), ("jpeg", "jpg")) for w in (480, 960, 1600)]
URLS = {r["file"]: f"/photos/p-0123456789-{r['file']}" for r in RENDITIONS} | {"social.jpg": "/photos/p-s.jpg"}


def _soup(markup) -> BeautifulSoup:
    return BeautifulSoup(str(markup), "html5lib")


def test_figure_with_picture_caption_and_credit():
    soup = _soup(html.figure(RENDITIONS, URLS, alt="Lễ ký <Giao ước>", caption="Hội nghị & ký kết",
                             credit="Báo BVPL", credit_label="Ảnh:", sizes="100vw"))
    figure = soup.body.figure
    assert figure["class"] == ["photo"]
    source = figure.picture.source
    assert source["type"] == "image/webp"
    assert source["srcset"] == ", ".join(f"/photos/p-0123456789-{w}.webp {w}w" for w in (480, 960, 1600))
    assert source["sizes"] == "100vw"
    img = figure.picture.img
    assert img["src"] == "/photos/p-0123456789-960.jpg"
    assert img["srcset"] == ", ".join(f"/photos/p-0123456789-{w}.jpg {w}w" for w in (480, 960, 1600))
    assert (img["width"], img["height"]) == ("960", "720")
    assert img["alt"] == "Lễ ký <Giao ước>"  # escaped in the markup, intact once parsed
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert not img.has_attr("fetchpriority")
    caption = figure.figcaption
    assert caption.find(class_="photo__caption").get_text() == "Hội nghị & ký kết"
    assert caption.find(class_="photo__credit").get_text() == "Ảnh: Báo BVPL"
    assert "<Giao" not in str(html.figure(RENDITIONS, URLS, alt="<Giao"))  # no raw markup slips through


def test_lead_loads_eagerly_and_first():
    img = _soup(html.figure(RENDITIONS, URLS, alt="x", lead=True)).find("img")
    assert img["fetchpriority"] == "high"
    assert not img.has_attr("loading")
    assert _soup(html.figure(RENDITIONS, URLS, alt="x", lead=True)).figure["class"] == ["photo", "photo--lead"]


def test_decorative_has_empty_alt_and_no_caption():
    soup = _soup(html.figure(RENDITIONS, URLS, alt="ignored", decorative=True))
    assert soup.find("img")["alt"] == ""
    assert soup.find("figcaption") is None


def test_small_source_uses_what_exists():
    small = [{"format": "jpeg", "width": 300, "height": 200, "file": "300.jpg"},
             {"format": "webp", "width": 300, "height": 200, "file": "300.webp"}]
    img = _soup(html.figure(small, {"300.jpg": "/a.jpg", "300.webp": "/a.webp"}, alt="a")).find("img")
    assert (img["src"], img["srcset"], img["width"]) == ("/a.jpg", "/a.jpg 300w", "300")


def _figures():
    return {name: html.figure(RENDITIONS, URLS, alt=name) for name in ("a.jpg", "b.jpg", "c.jpg")}


def test_replace_markers():
    body = "<p>Mở đầu.</p>\n<p>[[photo:b.jpg]]</p>\n<p>Giữa [[photo:a.jpg]] câu.</p>\n<p>[[photo:zz.jpg]]</p>"
    new, unknown = html.replace_markers(body, _figures())
    soup = _soup(new)
    assert [img["alt"] for img in soup.find_all("img")] == ["b.jpg"]
    assert [p.get_text() for p in soup.find_all("p")] == ["Mở đầu.", "Giữa [[photo:a.jpg]] câu.", "[[photo:zz.jpg]]"]
    assert unknown == ["zz.jpg"]
    assert html.markers(body) == ["b.jpg", "zz.jpg"]


def test_gallery_in_order_without_excluded():
    soup = _soup(html.gallery(_figures(), ["c.jpg", "a.jpg", "b.jpg"], exclude={"a.jpg"}))
    assert [img["alt"] for img in soup.find("div", class_="photo-gallery").find_all("img")] == ["c.jpg", "b.jpg"]
    assert str(html.gallery(_figures(), ["a.jpg"], exclude={"a.jpg"})) == ""


def _photo(file, **kw):
    return SimpleNamespace(file=file, alt=kw.get("alt", f"vi {file}"), caption=kw.get("caption"),
                           credit=kw.get("credit"), decorative=kw.get("decorative", False),
                           lead=kw.get("lead", False), focal=None)


def test_article_photos_in_the_page_language():
    photos = [_photo("deco.jpg", decorative=True, caption="Vietnamese words"), _photo("a.jpg", credit="TTXVN"), _photo("lead.jpg", lead=True)]
    words = {"a.jpg": _photo("a.jpg", alt="en a", caption="en caption"), "lead.jpg": _photo("lead.jpg", alt="en lead")}
    social = {"file": "social.jpg", "width": 640, "height": 336}  # from a photo smaller than 1200x630
    processed = {p.file: Processed({"renditions": RENDITIONS, "social": social}, URLS) for p in photos}
    result = article_photos(photos, words, processed, credit_label="Photo:", sizes="100vw")
    assert result.lead == "lead.jpg"
    assert result.social_image == "/photos/p-s.jpg"
    assert result.social_image_size == (640, 336)  # the true size, for og:image:width/height
    assert result.social_image_alt == "en lead"  # the lead's alt text in the page's language
    a = _soup(result.figures["a.jpg"])
    assert a.find("img")["alt"] == "en a"
    assert a.find(class_="photo__caption").get_text() == "en caption"
    assert a.find(class_="photo__credit").get_text() == "Photo: TTXVN"
    assert _soup(result.figures["lead.jpg"]).find("img")["fetchpriority"] == "high"

    body = "<p>x</p><p>[[photo:a.jpg]]</p>"
    new_body, lead, gallery, unknown = place_in_body(body, result, [p.file for p in photos])
    assert unknown == []
    assert [img["alt"] for img in _soup(new_body).find_all("img")] == ["en a"]
    assert [img["alt"] for img in _soup(lead).find_all("img")] == ["en lead"]
    assert [img["alt"] for img in _soup(gallery).find_all("img")] == [""]  # only the decorative one is left
    assert _soup(gallery).find("figcaption") is None  # its Vietnamese caption stays on the Vietnamese page


CROPS = [{"name": n, "format": "jpeg", "width": w, "height": h, "file": f"{n}.jpg"}
         for n, w, h in (("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 1200, 1200))]


def test_structured_images_are_the_crops_of_the_social_photo():
    photos = [_photo("deco.jpg", decorative=True), _photo("a.jpg"), _photo("b.jpg")]
    processed = {p.file: Processed({"renditions": RENDITIONS, "social": {"file": "social.jpg", "width": 1200, "height": 630},
                                   "crops": CROPS},
                                   {**URLS, **{c["file"]: f"/photos/{p.file[0]}-{c['file']}" for c in CROPS}})
                 for p in photos}
    result = article_photos(photos, {}, processed, credit_label="", sizes="100vw")
    # no lead: the first photo that is not decorative
    assert result.structured_images == [{"url": "/photos/a-16x9.jpg", "width": 1200, "height": 675},
                                        {"url": "/photos/a-4x3.jpg", "width": 1200, "height": 900},
                                        {"url": "/photos/a-1x1.jpg", "width": 1200, "height": 1200}]


def test_missing_processed_photo_is_skipped():
    result = article_photos([_photo("a.jpg")], {}, {}, credit_label="", sizes="100vw")
    assert result.figures == {} and result.social_image is None and result.structured_images == []
    body, lead, gallery, unknown = place_in_body("<p>x</p><p>[[photo:a.jpg]]</p><p>[[photo:b.jpg]]</p>",
                                                 result, ["a.jpg"])
    assert [p.get_text() for p in _soup(body).find_all("p")] == ["x", "[[photo:b.jpg]]"]
    assert unknown == ["b.jpg"]
    assert str(lead) == str(gallery) == ""
