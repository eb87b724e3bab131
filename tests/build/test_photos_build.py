"""A real Pelican build of the fixture site with generated photos: outputs, markup, cache, errors."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bloc_content.diagnostics import ContentError
from bloc_content.translated import original_hash, set_translated_from, today
from bloc_photos import pipeline
from bloc_seo import social
from bs4 import BeautifulSoup
from pelican import Pelican, signals
from pelican.settings import read_settings
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site" / "content"
ITEM = "news/2021/tong-ket-2020-ky-giao-uoc-2021"

VI_PHOTOS = """photos:
  - file: hoi-nghi.jpg
    alt: Toàn cảnh hội nghị tổng kết
    caption: Quang cảnh hội nghị
    credit: Báo BVPL
    lead: true
    focal: [0.3, 0.4]
  - file: ky-ket.jpg
    alt: Các đại biểu ký Giao ước thi đua
  - file: trang-tri.png
    decorative: true
"""
EN_PHOTOS = """photos:
  - file: hoi-nghi.jpg
    alt: The conference in session
    caption: The conference hall
  - file: ky-ket.jpg
    alt: Delegates signing the emulation covenant
"""

captured: dict[str, list] = {}


def _capture(generator) -> None:  # module level: blinker holds receivers weakly
    captured["articles"] = [*generator.articles, *generator.translations]


def _with_photos(path: Path, block: str, marker: str | None) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    close = lines.index("---", 1)
    lines[close:close] = block.rstrip("\n").split("\n")
    if marker:
        lines.append(f"\n[[photo:{marker}]]\n")
    path.write_text("\n".join(lines), encoding="utf-8")


def _site(root: Path) -> Path:
    item = root / "content" / ITEM  # one item of the fixture site is enough here
    shutil.copytree(FIXTURE / ITEM, item)
    _with_photos(item / "index.vi.md", VI_PHOTOS, "ky-ket.jpg")
    _with_photos(item / "index.en.md", EN_PHOTOS, "ky-ket.jpg")
    # the translation got the photos with its original: it is still current
    hash_, _problems = original_hash((item / "index.vi.md").read_bytes(), "index.vi.md")
    en = item / "index.en.md"
    en.write_text(set_translated_from(en.read_text(encoding="utf-8"), hash_, today()), encoding="utf-8")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side, as phones do
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}
    Image.linear_gradient("L").resize((2400, 1800)).convert("RGB").save(item / "hoi-nghi.jpg", exif=exif)
    Image.new("RGB", (1200, 900), (200, 40, 40)).save(item / "ky-ket.jpg")
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(item / "trang-tri.png")
    return item


def _build(root: Path, output: Path) -> list:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(output),
        "BLOC_ROOT": str(root),
        "BLOC_DATA_PATH": str(ROOT / "content" / "data"),
        "THEME": str(ROOT / "theme"),
        "CACHE_PATH": str(root / ".cache" / "pelican"),
        "BLOC_PHOTOS_CACHE": str(root / ".cache" / "photos"),
    })
    plugins = list(settings["PLUGINS"])
    if "bloc_photos" not in plugins:  # the photos come after the content model and i18n
        plugins.insert(plugins.index("bloc_content") + 1, "bloc_photos")
    settings["PLUGINS"] = plugins
    pelican = Pelican(settings)
    signals.article_generator_finalized.connect(_capture)
    try:
        pelican.run()
    finally:
        signals.article_generator_finalized.disconnect(_capture)
    return captured.pop("articles")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("photosite")
    _site(root)
    before = pipeline.STATS["encodes"]
    articles = _build(root, root / "output")
    return root, articles, pipeline.STATS["encodes"] - before


def _page(root: Path, article) -> BeautifulSoup:
    return BeautifulSoup((root / "output" / article.save_as).read_text(encoding="utf-8"), "html5lib")


def _by_lang(articles):
    ours = [a for a in articles if a.source_path.startswith(str(Path(a.settings["PATH"]) / ITEM))]
    assert len(ours) == 2
    return {a.lang: a for a in ours}


# Per photo: the social image and the three structured-data crops.
CROPS = {"16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1.0}
# The upright crops of each source: hoi-nghi is 1800x2400 upright, ky-ket 1200x900, the PNG 300x200.
CROP_SIZES = {
    "hoi-nghi": {"16x9": (1200, 675), "4x3": (1200, 900), "1x1": (1200, 1200)},
    "ky-ket": {"16x9": (1200, 675), "4x3": (1200, 900), "1x1": (900, 900)},  # never upscaled
    "trang-tri": {"16x9": (300, 169), "4x3": (267, 200), "1x1": (200, 200)},
}
# (social + 3 crops) x 3 photos + (hoi-nghi 3 widths, ky-ket 2, png 1) x 2 formats
OUTPUT_FILES = 3 * (1 + len(CROPS)) + (3 + 2 + 1) * 2


def test_every_photo_is_encoded_once_and_published(site):
    root, _, encodes = site
    assert encodes == 3
    names = sorted(p.name for p in (root / "output" / "photos").iterdir())
    assert len(names) == OUTPUT_FILES == 24
    for name in names:
        with Image.open(root / "output" / "photos" / name) as img:
            assert len(img.getexif()) == 0 and "icc_profile" not in img.info
    [social] = [n for n in names if n.startswith("hoi-nghi-") and n.endswith("-social.jpg")]
    with Image.open(root / "output" / "photos" / social) as img:
        assert img.size == (1200, 630)
    with Image.open(next(root.glob(f"output/photos/hoi-nghi-*-{960}.jpg"))) as img:
        assert img.size == (960, 1280)  # upright: the source was stored on its side


def test_structured_crops_have_their_aspect_and_no_metadata(site):
    root, _, _ = site
    for stem, sizes in CROP_SIZES.items():
        for crop, ratio in CROPS.items():
            [path] = (root / "output" / "photos").glob(f"{stem}-*-{crop}.jpg")
            assert re.fullmatch(rf"{stem}-[0-9a-f]{{10}}-{crop}\.jpg", path.name)
            with Image.open(path) as img:
                assert img.format == "JPEG"
                assert img.size == sizes[crop]
                assert abs(img.width - img.height * ratio) <= 1  # the shape, to the rounding pixel
                assert len(img.getexif()) == 0 and "icc_profile" not in img.info and "xmp" not in img.info


def test_marker_becomes_a_figure_in_each_language(site):
    root, articles, _ = site
    expected = {"vi": "Các đại biểu ký Giao ước thi đua", "en": "Delegates signing the emulation covenant"}
    for lang, article in _by_lang(articles).items():
        body = _page(root, article).find(class_="item-body")
        [figure] = body.find_all("figure")
        img = figure.find("img")
        assert img["alt"] == expected[lang]
        assert img["loading"] == "lazy"
        assert (root / "output" / img["src"].lstrip("/")).is_file()
        source = figure.find("source")
        for candidate in source["srcset"].split(", "):
            assert (root / "output" / candidate.split(" ")[0].lstrip("/")).is_file()
        assert "[[photo:" not in body.get_text()


def test_article_variables_for_the_templates(site):
    _, articles, _ = site
    vi, en = _by_lang(articles)["vi"], _by_lang(articles)["en"]
    lead = BeautifulSoup(str(en.view.lead_photo), "html5lib")
    assert lead.find("img")["alt"] == "The conference in session"
    assert lead.find("img")["fetchpriority"] == "high"
    assert lead.find(class_="photo__caption").get_text() == "The conference hall"
    assert lead.find(class_="photo__credit").get_text() == "Photo: Báo BVPL"
    vi_lead = BeautifulSoup(str(vi.view.lead_photo), "html5lib")
    assert vi_lead.find(class_="photo__credit").get_text() == "Ảnh: Báo BVPL"
    gallery = BeautifulSoup(str(vi.view.photo_gallery), "html5lib")
    assert [img["alt"] for img in gallery.find_all("img")] == [""]  # the decorative one
    assert set(vi.view.photo_figures) == {"hoi-nghi.jpg", "ky-ket.jpg", "trang-tri.png"}
    assert vi.view.social_image == en.view.social_image
    assert vi.view.social_image.startswith("/photos/hoi-nghi-") and vi.view.social_image.endswith("-social.jpg")
    assert vi.view.structured_images == en.view.structured_images
    stem = vi.view.social_image.removesuffix("-social.jpg")
    assert vi.view.structured_images == [{"url": f"{stem}-{crop}.jpg", "width": w, "height": h}
                                    for crop, (w, h) in CROP_SIZES["hoi-nghi"].items()]


def _head_of(page: BeautifulSoup) -> tuple[dict[str, str], dict]:
    """(Open Graph properties, the NewsArticle node of the JSON-LD) of an item page."""
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    [script] = page.find_all("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    return og, next(node for node in graph if node["@type"] == "NewsArticle")


def test_open_graph_keeps_the_social_image_and_json_ld_lists_the_crops(site):
    root, articles, _ = site
    captions = {"vi": "Quang cảnh hội nghị", "en": "The conference hall"}
    for lang, article in _by_lang(articles).items():
        og, news = _head_of(_page(root, article))
        assert urlsplit(og["og:image"]).path == article.view.social_image
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
        images = news["image"]
        assert [urlsplit(i["url"]).path for i in images] == [c["url"] for c in article.view.structured_images]
        assert [(i["width"], i["height"]) for i in images] == list(CROP_SIZES["hoi-nghi"].values())
        for image in images:
            assert image["@type"] == "ImageObject"
            assert (image["caption"], image["creditText"]) == (captions[lang], "Báo BVPL")
            assert (root / "output" / urlsplit(image["url"]).path.lstrip("/")).is_file()


def test_second_build_from_a_fresh_clone_encodes_nothing(site, tmp_path):
    root, _, _ = site
    clone = tmp_path / "clone"
    shutil.copytree(root / "content", clone / "content")
    shutil.copytree(root / ".cache" / "photos", clone / ".cache" / "photos")  # the CI cache restored
    for path in (clone / "content").rglob("*"):
        os.utime(path, (2_000_000_000, 2_000_000_000))
    before, cards_before = pipeline.STATS["encodes"], social.STATS["encodes"]
    articles = _build(clone, clone / "output")
    assert pipeline.STATS["encodes"] - before == 0
    assert social.STATS["encodes"] - cards_before == 0  # the social cards and the wordmark too
    drawn = {p.name: p.read_bytes() for p in (root / "output" / "cards").iterdir()}
    assert drawn and {p.name: p.read_bytes() for p in (clone / "output" / "cards").iterdir()} == drawn
    assert all(a.view.social_image for a in articles)
    assert all(len(a.view.structured_images) == len(CROPS) for a in articles)
    assert len(list((clone / "output" / "photos").iterdir())) == OUTPUT_FILES


def test_bad_photos_fail_the_build_with_their_lines(tmp_path):
    item = _site(tmp_path)
    data = (item / "ky-ket.jpg").read_bytes()
    (item / "ky-ket.jpg").write_bytes(data[: len(data) // 3])
    (item / "trang-tri.png").rename(item / "trang-tri-2.png")
    en = item / "index.en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\n[[photo:hoi-nghi.jgp]]\n", encoding="utf-8")
    en_line = en.read_text(encoding="utf-8").split("\n").index("[[photo:hoi-nghi.jgp]]") + 1
    lines = (item / "index.vi.md").read_text(encoding="utf-8").split("\n")
    line_of = {name: lines.index(f"  - file: {name}") + 1 for name in ("ky-ket.jpg", "trang-tri.png")}
    with pytest.raises(ContentError) as caught:
        _build(tmp_path, tmp_path / "output")
    path = f"content/{ITEM}/index.vi.md"
    rendered = [d.render() for d in caught.value.diagnostics]
    assert len(rendered) == 3
    assert rendered.pop(0) == (f"content/{ITEM}/index.en.md:{en_line}: error: body: [[photo:hoi-nghi.jgp]] "
                               "names no photo of this item (did you mean 'hoi-nghi.jpg'?)")
    assert rendered[1] == (f"{path}:{line_of['trang-tri.png']}: error: photos[2].file: file 'trang-tri.png' "
                           "not found in the item's folder (did you mean 'trang-tri-2.png'?)")
    assert rendered[0].startswith(f"{path}:{line_of['ky-ket.jpg']}: error: photos[1].file: the image is truncated or corrupt (")
    assert rendered[0].endswith("(copy the original file from the camera or phone again)")


def test_rebuild_with_warm_pelican_cache_still_places_photos(site):
    root, _, _ = site
    before = pipeline.STATS["encodes"]
    articles = _build(root, root / "output-again")
    assert pipeline.STATS["encodes"] - before == 0
    for article in _by_lang(articles).values():
        page = (root / "output-again" / article.save_as).read_text(encoding="utf-8")
        body = BeautifulSoup(page, "html5lib").find(class_="item-body")
        assert len(body.find_all("figure")) == 1
        assert "[[photo:" not in body.get_text()
