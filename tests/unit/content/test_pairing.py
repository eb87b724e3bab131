"""Pairing the language files of an item: contradictions and missing words."""

from pathlib import Path

import pytest
from bloc_content.pairing import pair_items
from bloc_content.registries import load_registry
from bloc_content.validate import parse_item

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021"


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "content" / "data", ROOT)[0]


def files(registry, vi=None, en=None):
    vi = vi if vi is not None else (SEED / "index.vi.md").read_text(encoding="utf-8")
    en = en if en is not None else (SEED / "index.en.md").read_text(encoding="utf-8")
    parsed = [parse_item(vi.encode(), "item/index.vi.md", registry), parse_item(en.encode(), "item/index.en.md", registry)]
    for p in parsed:
        assert p.ok, [d.render() for d in p.diagnostics]
    return pair_items(parsed, registry)


def en_text() -> str:
    return (SEED / "index.en.md").read_text(encoding="utf-8")


def test_seed_pairs_cleanly(registry):
    items, problems = files(registry)
    assert problems == []
    assert len(items) == 1
    assert items[0].original.model.lang == "vi"
    assert set(items[0].translations) == {"en"}


def test_contradiction_names_both_files(registry):
    en = en_text().replace("covenant:\n", "covenant:\n  year: 2022\n")
    _, problems = files(registry, en=en)
    line = next(i for i, line in enumerate(en.splitlines(), 1) if "year: 2022" in line)
    vi_line = next(i for i, line in enumerate((SEED / "index.vi.md").read_text().splitlines(), 1) if "  year: 2021" in line)
    assert [p.render() for p in problems] == [
        f"item/index.en.md:{line}: error: covenant.year: contradicts the original: item/index.vi.md:{vi_line} says 2021, "
        "this file says 2022 (facts are stated once, in the original; delete this line or make it agree)"
    ]


def test_restating_a_fact_that_agrees_is_fine(registry):
    en = en_text().replace("covenant:\n", "elections: {year: 2021, head: bqp, deputy: btp}\ncovenant:\n  year: 2021\n")
    assert files(registry, en=en)[1] == []


def test_contradicting_awards_list(registry):
    en = en_text().replace("covenant:\n", "awards:\n  - {award: co-thi-dua-chinh-phu, recipient: btp, year: 2020, status: proposed}\ncovenant:\n")
    problems = files(registry, en=en)[1]
    assert len(problems) == 1 and problems[0].field == "awards"


def test_translation_must_give_the_motto_in_its_language(registry):
    en = en_text().replace("covenant:\n  motto: Solidarity, setting examples, discipline, creativity, effectiveness\n", "")
    problems = files(registry, en=en)[1]
    assert [p.field for p in problems] == ["covenant.motto"]


def test_two_files_of_one_language_with_one_key(registry):
    vi = (SEED / "index.vi.md").read_text(encoding="utf-8")
    parsed = [parse_item(vi.encode(), f"item{i}/index.vi.md", registry) for i in (1, 2)]
    problems = pair_items(parsed, registry)[1]
    assert problems[0].render().startswith("item2/index.vi.md:")
    assert "already used by the vi file item1/index.vi.md" in problems[0].message


def test_english_only_item_is_an_original_and_needs_facts(registry):
    parsed = [parse_item(en_text().encode(), "solo/index.en.md", registry)]
    items, problems = pair_items(parsed, registry)
    assert items == []
    assert {p.field for p in problems} >= {"covenant.year"}
