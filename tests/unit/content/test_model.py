"""One file validated against the content model and the registries."""

from pathlib import Path

import pytest
from bloc_content.registries import load_registry
from bloc_content.validate import parse_item

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021"


@pytest.fixture(scope="module")
def registry():
    reg, problems = load_registry(ROOT / "content" / "data", ROOT)
    assert problems == []
    return reg


def seed_text(lang="vi") -> str:
    return (SEED / f"index.{lang}.md").read_text(encoding="utf-8")


def check(text: str, registry, path="item/index.vi.md"):
    return parse_item(text.encode("utf-8"), path, registry)


def rendered(parsed) -> list[str]:
    return [d.render() for d in parsed.diagnostics]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_seed_items_are_valid(registry):
    for lang in ("vi", "en"):
        parsed = check(seed_text(lang), registry, f"item/index.{lang}.md")
        assert rendered(parsed) == []
    model = check(seed_text(), registry).model
    assert model.published.isoformat() == "2021-01-01T00:00:00+07:00"
    assert [a.recipient for a in model.awards] == ["bca", "bqp", "bqllang", "ttcp"]
    assert (model.elections.head, model.elections.deputy) == ("bqp", "btp")


def test_unknown_organisation_gets_did_you_mean(registry):
    text = seed_text().replace("recipient: bqllang", "recipient: bqlang")
    line = line_of(text, "recipient: bqlang")
    assert rendered(check(text, registry)) == [
        f"item/index.vi.md:{line}: error: awards[2].recipient: unknown organisation 'bqlang' (did you mean 'bqllang'?)"
    ]


def test_missing_required_field(registry):
    text = seed_text().replace("byline: TG-PV\n", "")
    assert rendered(check(text, registry)) == [
        "item/index.vi.md:1: error: byline: required field is missing (add 'byline:')"
    ]


def test_date_without_offset(registry):
    text = seed_text().replace("published: 2021-01-01T00:00:00+07:00", "published: 2021-01-01T00:00:00")
    line = line_of(text, "published:")
    assert rendered(check(text, registry)) == [
        f"item/index.vi.md:{line}: error: published: has no UTC offset; write it in Vietnam time, e.g. 2021-01-15T09:00:00+07:00"
    ]


def test_non_iso_date_is_refused(registry):
    text = seed_text().replace("published: 2021-01-01T00:00:00+07:00", 'published: "07/09/2024"')
    assert "is not an ISO 8601 date-time" in rendered(check(text, registry))[0]


def test_wrong_type(registry):
    text = seed_text().replace("about_year: 2020", "about_year: hai nghìn")
    line = line_of(text, "about_year:")
    assert rendered(check(text, registry)) == [
        f"item/index.vi.md:{line}: error: event.about_year: expected a whole number, got 'hai nghìn'"
    ]


def test_unknown_field_suggests_the_right_one(registry):
    text = seed_text().replace("byline: TG-PV", "byline: TG-PV\nsumary: x")
    line = line_of(text, "sumary:")
    assert rendered(check(text, registry)) == [
        f"item/index.vi.md:{line}: error: sumary: unknown field 'sumary' (did you mean 'summary'?)"
    ]


def test_output_paths_cannot_be_set_from_content(registry):
    text = seed_text().replace("byline: TG-PV", "byline: TG-PV\nsave_as: ../../etc/x.html")
    assert "unknown field 'save_as'" in rendered(check(text, registry))[0]


def test_head_and_deputy_must_differ(registry):
    text = seed_text().replace("deputy: btp", "deputy: bqp")
    assert "'bqp' cannot be both head and deputy" in rendered(check(text, registry))[0]


def test_non_member_cannot_be_elected(registry):
    text = seed_text().replace("head: bqp", "head: bnv")
    assert rendered(check(text, registry))[0].endswith("elections.head: 'bnv' is not a member of the bloc (expected one of: bca, bqllang, bqp, btp, ktnn, tandtc, ttcp, vksndtc)")


def test_lang_must_match_file_name(registry):
    assert "does not match the file name" in rendered(check(seed_text(), registry, "item/index.en.md"))[0]


def test_bidi_override_in_title_is_refused(registry):
    text = seed_text().replace("title: Ký", "title: \u202eKý")
    assert "bidirectional-override" in rendered(check(text, registry))[0]


def test_photo_alt_rules(registry):
    base = seed_text().replace("covenant:", "photos:\n  - file: ky-ket.jpg\n    alt: ky-ket.jpg\n  - file: b.jpg\n  - file: ../../x.jpg\n    alt: Lễ ký\n  - file: c.jpg\n    decorative: true\ncovenant:")
    messages = rendered(check(base, registry))
    assert any("photos[0].alt: alt text repeats the file name" in m for m in messages)
    assert any("photos[1].alt: alt text is required" in m for m in messages)
    assert any("photos[2].file: '../../x.jpg' must be a path inside the item's folder" in m for m in messages)
    assert not any("photos[3]" in m for m in messages)
