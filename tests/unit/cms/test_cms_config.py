"""The CMS configuration generated from the content model: mapping, drift, determinism."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
import yaml
from bloc_cli.main import main
from bloc_cms import fields as cms_fields
from bloc_cms.config import CmsSettings, cms_config, render, translation_shape
from bloc_cms.labels import words
from bloc_content import model
from bloc_content.registries import load_registry
from pydantic import BaseModel, create_model

ROOT = Path(__file__).resolve().parents[3]
REGISTRY, _ = load_registry(ROOT / "content" / "data")
CHOICES = cms_fields.Choices([("bca", "Bộ Công an")], {"awards": "awards", "positions": "positions",
                                                       "event_kinds": "event_kinds"}, "vi")
LOCAL = CmsSettings(local_backend="http://127.0.0.1:8081/api/v1", publish_mode="simple")


def news_fields(settings: CmsSettings = LOCAL) -> dict:
    """name (dotted through objects and lists) -> Decap field."""
    found: dict = {}

    def walk(items, prefix=""):
        for field in items:
            found[prefix + field["name"]] = field
            walk(field.get("fields", []), prefix + field["name"] + ".")

    walk(cms_config(settings, REGISTRY)["collections"][0]["fields"])
    return found


def test_committed_config_is_up_to_date(tmp_path):
    out = tmp_path / "cms-config.yml"
    assert main(["--root", str(ROOT), "cms-config", "--out", str(out)]) == 0
    assert (ROOT / "schema" / "cms-config.yml").read_text(encoding="utf-8") == out.read_text(encoding="utf-8"), \
        "run `bloc cms-config` and commit schema/cms-config.yml"


def test_config_is_deterministic_yaml_decap_can_read():
    first = render(cms_config(LOCAL, REGISTRY))
    assert first == render(cms_config(LOCAL, REGISTRY))
    config = yaml.safe_load(first)
    assert config["locale"] == "vi"
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["vi", "en"], "default_locale": "vi"}


def test_mapping_from_the_model():
    f = news_fields()
    assert f["title"]["widget"] == "string" and f["title"]["i18n"] is True
    assert f["summary"]["widget"] == "text"  # long text: a multi-line box
    assert f["published"]["widget"] == "datetime" and f["published"]["format"].endswith("Z")  # +07:00 written
    assert f["published"]["i18n"] == "duplicate"
    assert f["status"]["widget"] == "select" and {o["value"] for o in f["status"]["options"]} == {"draft", "published"}
    assert f["status"]["default"] == "draft"
    assert f["slug"]["pattern"][0] == model.SLUG_PATTERN and f["slug"]["required"] is False
    assert f["event"]["widget"] == "object" and f["event.chair"]["widget"] == "object"
    assert f["event.attendees"]["widget"] == "list" and f["awards"]["widget"] == "list"
    assert f["event.about_year"] == {**f["event.about_year"], "widget": "number", "min": 1990, "max": 2100}
    assert f["photos.file"]["widget"] == "image"
    assert f["body"]["widget"] == "markdown" and f["body"]["sanitize_preview"] is True


def test_registry_ids_show_the_vietnamese_name_and_store_the_id():
    f = news_fields()
    award = f["awards.award"]
    assert award["widget"] == "relation" and award["file"] == "awards"
    assert award["value_field"] == "awards.*.id" and award["display_fields"] == ["awards.*.name.vi"]
    assert f["event.kinds"]["multiple"] is True and f["event.kinds"]["value_field"] == "event_kinds.*.id"
    assert f["event.chair.positions"]["value_field"] == "positions.*.id"
    # Organisations live in two lists of one file: a select generated from both.
    org = f["event.chair.org"]
    options = {o["value"]: o["label"] for o in org["options"]}
    assert options["bca"] == "Bộ Công an (bca)"
    assert "ban-tdkt-tw" in options  # a related body, not a member
    assert {o["value"] for o in f["awards.proposed_by"]["options"]} >= {"bloc", "bca"}


def test_facts_only_in_the_vietnamese_file_words_in_both():
    f = news_fields()
    for word in ("title", "slug", "summary", "byline", "translator", "source", "event.place", "covenant.motto",
                  "photos.alt", "photos.caption", "body"):
        assert f[word]["i18n"] is True, word
    for fact in ("event.kinds", "event.chair", "event.attendees", "awards", "elections", "covenant.year",
                 "photos.credit", "photos.lead"):
        assert f[fact]["i18n"] is False, fact
    assert f["event"]["i18n"] is True  # holds `place`


def test_translation_shape_keeps_words_drops_facts():
    shape = translation_shape(cms_config(LOCAL, REGISTRY)["collections"][0]["fields"])
    assert shape["event"] == {"place": True} and shape["covenant"] == {"motto": True}
    assert shape["photos"] == [{"alt": True, "caption": True, "file": True}]
    assert "awards" not in shape and "elections" not in shape and shape["translated_from"] is True


def model_paths(m: type[BaseModel], prefix: str = "") -> dict[str, str]:
    """Every field of a model, dotted through nested models and lists of models -> "Model.field"."""
    found = {}
    for name, info in m.model_fields.items():
        found[prefix + name] = f"{m.__name__}.{name}"
        for arg in (*typing.get_args(info.annotation), info.annotation):
            for t in typing.get_args(arg) or (arg,):
                # a PartialDate is written as one string (YYYY[-MM[-DD]]): one form field
                if isinstance(t, type) and issubclass(t, BaseModel) and t is not model.PartialDate:
                    found.update(model_paths(t, prefix + name + "."))
    return found


def test_every_model_field_has_a_widget():
    """The set of the model's fields is the set of the form's (plus the Markdown body)."""
    form = set(news_fields()) - {"body"}
    assert form == set(model_paths(model.ItemFile))
    assert not [key for key in cms_fields.NOT_IN_FORMS if key.startswith(("ItemFile.", "Event.", "Photo.", "Covenant."))]


def test_every_form_field_has_words_and_registry_ids_a_list_to_choose_from():
    for key in model_paths(model.ItemFile).values():
        label, _hint = words(key)  # KeyError: a field with words in neither table
        assert label, key
        m, name = key.split(".")
        info = getattr(model, m).model_fields[name]
        ids = [x for x in cms_fields._unwrap(info.annotation)[1] if getattr(x, "pattern", None) == model.ID_PATTERN]
        inner_ids = "Id" in str(info.annotation) or ids
        if inner_ids and "slug" not in key and "translation_key" not in key:
            assert key in cms_fields.REFERENCES, f"{key} holds registry ids: map it in REFERENCES"


def test_all_or_a_list_of_members_is_a_multiple_choice_written_back_as_all():
    f = news_fields()
    for name in ("event.members_present", "covenant.signatories"):
        assert f[name]["widget"] == "select" and f[name]["multiple"] is True
        values = [o["value"] for o in f[name]["options"]]
        assert values[0] == "all" and "bca" in values
    # admin/bloc-cms.js reads `all` as ['all'] and writes ['all'] back as `all`, for these paths:
    assert cms_fields.literal_or_list(model.ItemFile) == {"event.members_present": ["all"],
                                                          "covenant.signatories": ["all"]}


def test_a_photo_focal_point_is_two_numbers():
    focal = news_fields()["photos.focal"]
    assert focal["widget"] == "list" and focal["min"] == focal["max"] == 2 and focal["required"] is False
    assert focal["field"]["widget"] == "number" and focal["field"]["value_type"] == "float"


def test_changing_a_field_in_the_model_changes_the_form():
    before = cms_fields.FieldMapper(CHOICES, i18n=True).fields(model.ItemFile)
    byline_optional = create_model("ItemFile", __base__=model.ItemFile, byline=(model.ShortText | None, None))
    after = cms_fields.FieldMapper(CHOICES, i18n=True).fields(byline_optional)
    old = next(f for f in before if f["name"] == "byline")
    new = next(f for f in after if f["name"] == "byline")
    assert "required" not in old and new["required"] is False


def test_an_unmapped_type_is_an_error_not_a_silent_gap():
    odd = create_model("ItemFile", __base__=model.ItemFile, title=(complex, ...))
    with pytest.raises(TypeError, match=r"ItemFile\.title"):
        cms_fields.FieldMapper(CHOICES, i18n=True).fields(odd)


def test_production_config_comes_from_settings():
    config = cms_config(CmsSettings(repo="bloc/site", branch="live", auth_url="https://auth.example.org",
                                    site_url="https://bloc.example.org"), REGISTRY)
    assert config["backend"] == {"name": "github", "repo": "bloc/site", "branch": "live",
                                 "base_url": "https://auth.example.org", "auth_endpoint": "auth"}
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    assert config["site_url"] == "https://bloc.example.org"


def test_registries_are_file_collections():
    registries = cms_config(LOCAL, REGISTRY)["collections"][1]
    files = {f["name"]: f for f in registries["files"]}
    assert files["organisations"]["file"] == "content/data/organisations.yaml"
    members = next(f for f in files["organisations"]["fields"] if f["name"] == "members")
    assert {f["name"] for f in members["fields"]} >= {"id", "name", "slug", "sources"}
    # a registry name is written once per language of the site, each its own field
    name = next(f for f in members["fields"] if f["name"] == "name")
    assert [(f["name"], f["required"]) for f in name["fields"]] == [("vi", True), ("en", True)]


def test_registry_names_follow_the_sites_languages():
    from bloc_content.languages import languages_of

    langs = {"vi": {"name": "Tiếng Việt", "locale": "vi_VN"}, "en": {"name": "English", "locale": "en_GB"},
             "fr": {"name": "Français", "locale": "fr_FR"}}
    settings = CmsSettings(languages=languages_of({"DEFAULT_LANG": "vi", "BLOC_LANGS": langs}))
    config = cms_config(settings, REGISTRY)
    assert config["i18n"]["locales"] == ["vi", "en", "fr"] and config["i18n"]["default_locale"] == "vi"
    members = next(f for f in config["collections"][1]["files"][0]["fields"] if f["name"] == "members")
    name = next(f for f in members["fields"] if f["name"] == "name")
    assert [f["label"] for f in name["fields"]] == ["Tiếng Việt", "Tiếng Anh", "Tiếng Pháp"]


def test_every_choice_of_the_model_has_a_vietnamese_label():
    for name, field in news_fields().items():
        if field["widget"] == "select" and not any(o["label"].endswith(f"({o['value']})") for o in field["options"]):
            unlabelled = [o["value"] for o in field["options"] if o["label"] == o["value"]]
            assert unlabelled == [], f"{name}: add {unlabelled} to CHOICE_WORDS in bloc_cms/labels.py"


def test_the_forms_field_order_is_the_models():
    from bloc_cms.admin import field_order

    order = field_order(cms_config(LOCAL, REGISTRY)["collections"])
    assert order[:4] == list(model.ItemFile.model_fields)[:4]
    assert order.index("vi") < order.index("en") < order.index("sources")  # a name in each language, in order
    assert len(order) == len(set(order))
