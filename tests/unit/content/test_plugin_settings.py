"""Settings declared once per plugin: defaults filled, unknown and invalid settings reported
on their line of the settings file, in the site's language."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from bloc_cli.docs import PLUGIN_SETTINGS
from bloc_content.messages import catalog
from bloc_content.plugin_settings import (
    SettingsError,
    apply,
    apply_all,
    declarations_of,
    declared,
    problems,
    setting_lines,
)
from bloc_content.settings import SETTINGS as SITE
from bloc_indexes.settings import SETTINGS as INDEXES
from bloc_photos.settings import SETTINGS as PHOTOS
from bloc_photos.settings import PhotoSettings, from_settings
from bloc_safety.settings import SETTINGS as SAFETY
from bloc_seo.settings import SETTINGS as SEO

ROOT = Path(__file__).resolve().parents[3]


def _site(*files: str) -> dict:
    values: dict = {}
    for name in files:
        values.update({k: v for k, v in runpy.run_path(str(ROOT / name)).items() if k.isupper()})
    return values


@pytest.mark.parametrize("files", [("pelicanconf.py",), ("pelicanconf.py", "publishconf.py")])
def test_the_projects_settings_are_valid_for_every_plugin(files):
    settings = _site(*files)
    for declaration in PLUGIN_SETTINGS:
        assert problems(settings, declaration, {}) == [], declaration.plugin


def test_every_plugin_of_the_pipeline_declares_its_settings():
    plugins = _site("pelicanconf.py")["PLUGINS"]
    assert [d.plugin for d in PLUGIN_SETTINGS] == plugins


def test_no_setting_is_declared_or_answered_for_twice():
    names = [name for d in PLUGIN_SETTINGS for name in d.names()]
    assert len(names) == len(set(names))
    for declaration in PLUGIN_SETTINGS:
        for other in PLUGIN_SETTINGS:
            if other is not declaration:
                assert not [n for n in declaration.names() if other.owned(n)], (declaration.plugin, other.plugin)


def test_a_misspelt_setting_is_reported_on_its_line_with_a_suggestion(tmp_path):
    (tmp_path / "pelicanconf.py").write_text('SITENAME = "x"\nBLOC_INDEX_PAGESIZE = 2\n', encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        apply({"BLOC_INDEX_PAGESIZE": 2}, INDEXES, tmp_path)
    assert [d.render() for d in raised.value.diagnostics] == [
        "pelicanconf.py:2: error: BLOC_INDEX_PAGESIZE: unknown setting of bloc_indexes "
        "(did you mean 'BLOC_INDEX_PAGE_SIZE'?)"]
    # what plain `pelican` prints: Vietnamese, the site's language
    assert str(raised.value) == (
        "\npelicanconf.py:2: lỗi: BLOC_INDEX_PAGESIZE: bloc_indexes không có thiết lập này "
        "(có phải ý bạn là 'BLOC_INDEX_PAGE_SIZE'?)")


def test_a_wrongly_typed_setting_is_reported_in_both_languages(tmp_path):
    (tmp_path / "publishconf.py").write_text("from pelicanconf import *\n\nBLOC_SEO_FEED_ITEMS = '50'\n",
                                             encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        apply({"BLOC_SEO_FEED_ITEMS": "50"}, SEO, tmp_path)
    (problem,) = raised.value.diagnostics
    assert problem.render() == "publishconf.py:3: error: BLOC_SEO_FEED_ITEMS: expected a whole number, got '50'"
    assert problem.render(catalog("vi")).startswith("publishconf.py:3: lỗi: BLOC_SEO_FEED_ITEMS: ")


def test_every_problem_of_a_plugin_at_once_and_a_missing_required_setting():
    found = problems({"BLOC_URL": {}, "BLOC_LANGS": {"vi": {"name": "Tiếng Việt", "locale": "vi_VN"}},
                      "BLOC_PREVIEW": "no"}, SITE, {})
    assert sorted(d.render() for d in found) == [
        "pelicanconf.py: error: BLOC_PREVIEW: expected true or false, got 'no'",
        "pelicanconf.py: error: BLOC_SITE_URLS: the setting is missing (set it in pelicanconf.py)",
        "pelicanconf.py: error: BLOC_URL: unknown setting of bloc_content (did you mean 'BLOC_URLS'?)",
        "pelicanconf.py: error: BLOC_URLS: the setting is missing (set it in pelicanconf.py)",
    ]


def test_a_list_is_as_good_as_a_tuple_and_a_bad_value_inside_is_named():
    assert problems({"BLOC_SAFETY_FRAME_SRC": ["https://a.example"],
                     "BLOC_SAFETY_CSP_EXTRA": {"img-src": ["https://b.example"]}}, SAFETY, {}) == []
    (problem,) = problems({"BLOC_PHOTOS_FORMATS": ["webp", "gif"]}, PHOTOS, {})
    assert problem.render() == ("pelicanconf.py: error: BLOC_PHOTOS_FORMATS[1]: 'gif' is not allowed; "
                                "expected 'webp' or 'jpeg'")


def test_defaults_are_filled_and_given_values_kept(tmp_path):
    settings = {"BLOC_SEO_CARDS": "the-cards"}
    apply(settings, SEO, tmp_path)
    assert settings == {"BLOC_SEO_CARDS": "the-cards", "BLOC_SEO_FEEDS": True, "BLOC_SEO_FEED_ITEMS": 50}


def test_photos_declare_their_settings_from_the_settings_dataclass():
    assert {s.name: s.default for s in declared(PHOTOS.model)}["BLOC_PHOTOS_WIDTHS"] == PhotoSettings.widths
    assert all(s.meaning for s in declared(PHOTOS.model))
    assert from_settings({"BLOC_PHOTOS_WIDTHS": [320], "BLOC_PHOTOS_CREDIT_LABELS": {"vi": "Ảnh:"}}) == \
        PhotoSettings(widths=(320,), credit_labels=(("vi", "Ảnh:"),))


def test_the_settings_file_given_comes_first(tmp_path):
    (tmp_path / "pelicanconf.py").write_text("A = 1\nB = 2\n", encoding="utf-8")
    (tmp_path / "conf.py").write_text("from pelicanconf import *\nB = 3\n", encoding="utf-8")
    assert setting_lines(tmp_path, ("conf.py", "pelicanconf.py")) == {"B": ("conf.py", 2), "A": ("pelicanconf.py", 1)}
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    assert setting_lines(outside, (str(tmp_path / "conf.py"),)) == {"B": (f"{tmp_path}/conf.py", 2)}


def test_the_first_plugin_reports_every_plugins_problems_at_once(tmp_path):
    declarations = declarations_of(["bloc_seo", "bloc_i18n", "bloc_safety", "pelican.plugins.nothing", "os.path", "json"])
    assert [d.plugin for d in declarations] == ["bloc_seo", "bloc_i18n", "bloc_safety"]
    settings = {"BLOC_SEO_FEDS": True, "BLOC_SAFETY_HSTS": 1}
    with pytest.raises(SettingsError) as raised:
        apply_all(settings, declarations, tmp_path)
    assert [d.field for d in raised.value.diagnostics] == ["BLOC_SAFETY_HSTS", "BLOC_SEO_FEDS"]
    assert "BLOC_SEO_FEEDS" not in settings  # nothing is filled in while a setting is wrong
