import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from bloc_cli.schema import SCHEMA_FILE, item_schema, render
from bloc_content.frontmatter import load

ROOT = Path(__file__).resolve().parents[3]
VALIDATOR = jsonschema.Draft202012Validator(item_schema())


def as_json(value):
    """What an editor's YAML extension sees: dates and times stay text."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_committed_schema_is_up_to_date():
    assert (ROOT / "schema" / SCHEMA_FILE).read_text(encoding="utf-8") == render(item_schema()), \
        "run `bloc schema` and commit schema/item.schema.json"


@pytest.mark.parametrize("path", sorted((ROOT / "content" / "news").rglob("*.md")), ids=lambda p: p.name)
def test_schema_accepts_real_content(path):
    VALIDATOR.validate(as_json(load(path.read_bytes(), str(path)).front.data))


BASE = """
title: Tin
lang: vi
translation_key: tin
published: 2024-01-02T09:00:00+07:00
summary: Tóm tắt
byline: PV
"""

BAD = {
    "unknown field": "tittle: x",
    "bad id": "event: {kinds: [Hội nghị], date: 2024}",
    "bad date": "event: {kinds: [khac], date: 2024/01/02}",
    "bad status": "status: public",
    "award without year": "awards: [{award: giay-khen, recipient: bca, status: proposed}]",
}


def test_schema_accepts_the_minimal_item_and_translation():
    VALIDATOR.validate(as_json(yaml.safe_load(BASE)))
    VALIDATOR.validate(as_json(yaml.safe_load(BASE.replace("lang: vi", "lang: en") + "covenant: {motto: M}")))


@pytest.mark.parametrize("extra", BAD.values(), ids=BAD.keys())
def test_schema_rejects_errors(extra):
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(as_json(yaml.safe_load(BASE + extra)))


def test_schema_command_writes_the_file(tmp_path, capsys):
    from bloc_cli.main import main

    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert json.loads((tmp_path / "schema" / SCHEMA_FILE).read_text())["title"] == "News item front matter"
