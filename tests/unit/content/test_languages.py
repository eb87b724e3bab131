"""The language table: read from the settings, checked, and used by validation, pairing and
the registries, so a third language needs no code (tests/fixtures/site-trilingual)."""

import runpy
import shutil
from pathlib import Path

from bloc_content.corpus import check_corpus, load_corpus
from bloc_content.languages import languages_of, table_problems
from bloc_content.messages import catalog
from bloc_content.pairing import pair_items
from bloc_content.registries import load_registry
from bloc_content.validate import parse_item

ROOT = Path(__file__).resolve().parents[3]
SITE = ROOT / "tests" / "fixtures" / "site-trilingual"
SETTINGS = runpy.run_path(str(SITE / "settings.py"))
PROJECT = runpy.run_path(str(ROOT / "pelicanconf.py"))
TRILINGUAL = languages_of(SETTINGS)
ITEM = SITE / "content" / "news" / "2024" / "tong-ket-2023"


def test_the_table_comes_from_the_settings():
    assert TRILINGUAL.codes == ("vi", "en", "fr") and TRILINGUAL.original == "vi"
    assert TRILINGUAL.translations == ("en", "fr")
    assert TRILINGUAL.locale("fr") == "fr_FR" and TRILINGUAL.get("fr").name == "Français"
    assert languages_of(PROJECT).codes == ("vi", "en")
    assert table_problems(SETTINGS) == [] and table_problems(PROJECT) == []


def test_an_incomplete_table_is_explained():
    urls = {lang: dict(patterns) for lang, patterns in SETTINGS["BLOC_URLS"].items()}
    del urls["fr"]["feed"]
    urls["de"] = dict(urls["en"])
    broken = {**SETTINGS, "BLOC_URLS": urls, "DEFAULT_LANG": "vn",
              "BLOC_LANGS": {**SETTINGS["BLOC_LANGS"], "Fr": {"name": "Français"}}}
    assert table_problems(broken) == [
        "DEFAULT_LANG 'vn' is not in BLOC_LANGS (vi, en, fr, Fr)",
        "BLOC_LANGS: 'Fr' is not an ISO 639 language code (two or three lowercase letters)",
        "BLOC_LANGS['Fr'] needs its 'name' and its 'locale', e.g. {'name': 'Français', 'locale': 'fr_FR'}",
        "BLOC_URLS has no URL patterns for 'Fr'",
        "BLOC_URLS has patterns for 'de', which is not in BLOC_LANGS",
    ]
    no_feed = {**SETTINGS, "BLOC_URLS": {**urls, "de": None}}
    no_feed["BLOC_URLS"].pop("de")
    assert table_problems(no_feed) == ["BLOC_URLS['fr'] lacks feed (every language has the URLs of 'vi')"]


def test_a_third_language_file_is_a_translation_of_the_original():
    registry, problems = load_registry(SITE / "content" / "data", ROOT, TRILINGUAL)
    assert problems == []
    parsed = [parse_item((ITEM / f"index.{lang}.md").read_bytes(), f"item/index.{lang}.md", registry,
                         languages=TRILINGUAL) for lang in TRILINGUAL.codes]
    assert [p.ok for p in parsed] == [True, True, True]
    items, problems = pair_items(parsed, registry, languages=TRILINGUAL)
    assert problems == [] and items[0].original.model.lang == "vi" and set(items[0].translations) == {"en", "fr"}


def test_a_language_the_site_does_not_have_is_refused():
    french = (ITEM / "index.fr.md").read_bytes()
    parsed = parse_item(french, "item/index.fr.md", None, languages=languages_of(PROJECT))
    assert [d.render() for d in parsed.diagnostics] == [
        "item/index.fr.md:3: error: lang: 'fr' is not allowed; expected 'vi' or 'en'"]


def test_an_original_without_a_file_in_a_language_is_noted_in_that_language(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE / "content", site / "content")
    (site / "content" / "news" / "2024" / "tong-ket-2023" / "index.fr.md").unlink()
    parsed, registry, problems = load_corpus(site / "content" / "news", site / "content" / "data", site, TRILINGUAL)
    assert problems == []
    import datetime as dt

    notes = [d for d in check_corpus(parsed, registry, dt.datetime.now(dt.UTC), languages=TRILINGUAL).diagnostics
             if d.severity == "warning"]
    assert sorted(d.render(catalog("vi")) for d in notes) == [
        "content/news/2024/tong-ket-2023/index.vi.md:1: cảnh báo: đã đăng nhưng chưa có tệp tiếng Pháp "
        "content/news/2024/tong-ket-2023/index.fr.md (trang tiếng Pháp báo \"chưa dịch\" cho tới lúc đó; "
        "make new tạo sẵn cả hai tệp)",
        "content/news/2025/so-ket-2025/index.vi.md:1: cảnh báo: đã đăng nhưng chưa có tệp tiếng Pháp "
        "content/news/2025/so-ket-2025/index.fr.md (trang tiếng Pháp báo \"chưa dịch\" cho tới lúc đó; "
        "make new tạo sẵn cả hai tệp)",
    ]


def test_a_registry_name_missing_in_a_language_names_its_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SITE / "content" / "data", data)
    positions = data / "positions.yaml"
    positions.write_text(positions.read_text(encoding="utf-8").replace(", fr: Vice-ministre", ""), encoding="utf-8")
    registry, problems = load_registry(data, tmp_path, TRILINGUAL)
    assert registry.positions == {}  # a page would fail halfway for want of that name: the build stops first
    assert [p.render() for p in problems] == [
        "data/positions.yaml:5: error: positions[1].name: missing its 'fr' version "
        "(every language of the site (BLOC_LANGS) needs one: add 'fr: ...' under name)"]
    # the same files are fine for a site without French, except that French is not one of its languages
    registry, problems = load_registry(SITE / "content" / "data", ROOT, languages_of(PROJECT))
    assert registry.organisations["bca"].name("en") == "Ministry of Public Security"  # an extra name harms nothing
    assert problems and all("'fr' is not allowed; expected 'vi' or 'en'" in p.render() for p in problems)
    assert "content/data/positions.yaml:3: error: positions[0].name.fr:" in "\n".join(p.render() for p in problems)
