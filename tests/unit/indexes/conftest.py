"""Items built from front matter text, without Pelican."""

from __future__ import annotations

from pathlib import Path

import pytest
from bloc_content.pairing import pair_items
from bloc_content.registries import load_registry
from bloc_content.validate import parse_item

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def registry():
    reg, problems = load_registry(ROOT / "content" / "data", ROOT)
    assert not problems
    return reg


@pytest.fixture
def items(registry):
    """items({'a/index.vi.md': text, ...}) -> paired items (asserting the files are valid)."""

    def make(files: dict[str, str]):
        parsed = [parse_item(text.encode(), path, registry) for path, text in files.items()]
        for p in parsed:
            assert p.ok, [d.render() for d in p.diagnostics]
        paired, problems = pair_items(parsed, registry)
        assert not problems, [d.render() for d in problems]
        return paired

    return make


@pytest.fixture
def fixture_items(items):
    """The items of the fixture site (the seed and the synthetic ones)."""
    base = ROOT / "tests" / "fixtures" / "site" / "content"
    files = {str(p.relative_to(base)): p.read_text(encoding="utf-8") for p in sorted(base.rglob("*.md"))}
    return items(files)
