"""Property: whatever an author saves, reading and checking it gives diagnostics, never an
exception (in process, on the loader, the validator and every rule of the site)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bloc_content.messages import catalog
from bloc_content.registries import load_registry
from bloc_content.validate import parse_item
from bloc_rules.site import SiteSettings, check_site
from hypothesis import HealthCheck, given, settings

from tests.fuzz_front_matter import ROOT, SEED, mutated_front_matter

REGISTRY, _ = load_registry(ROOT / "content" / "data", ROOT)
SETTINGS = SiteSettings.from_site(ROOT, "pelicanconf.py", ROOT / "tests" / "fixtures" / "site" / "content")
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
VI = "content/news/2021/x/index.vi.md"
EN = "content/news/2021/x/index.en.md"
EN_BYTES = (SEED / "index.en.md").read_bytes()

# Reproducible in CI (derandomize) and without a local example database.
FUZZ = settings(max_examples=2000, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(mutated_front_matter(SEED / "index.vi.md"))
def test_mutated_original_gives_diagnostics_not_exceptions(raw: bytes):
    assert_reads(raw, EN_BYTES)


@settings(FUZZ, max_examples=500)
@given(mutated_front_matter(SEED / "index.en.md"))
def test_mutated_translation_gives_diagnostics_not_exceptions(raw: bytes):
    assert_reads((SEED / "index.vi.md").read_bytes(), raw)


def assert_reads(vi: bytes, en: bytes) -> None:
    parsed = [parse_item(vi, VI, None), parse_item(en, EN, None)]
    site = check_site(parsed, REGISTRY, SETTINGS, NOW)
    for diagnostic in site.diagnostics:
        assert diagnostic.path in (VI, EN)
        assert isinstance(diagnostic.line, int) and diagnostic.line >= 0
        assert diagnostic.severity in ("error", "warning")
        for lang in ("vi", "en"):
            assert diagnostic.render(catalog(lang))
    if any(d.severity == "error" and d.path == VI for d in parsed[0].diagnostics):
        # a broken original is reported once: its translation is not blamed for its facts
        assert not [d for d in site.diagnostics if d.path == EN and d.field.startswith(("event", "awards"))]


def test_the_strategy_keeps_the_seed_readable():
    """Guard: unmutated, the seed pair has no error (so the mutations are what the test exercises)."""
    parsed = [parse_item((SEED / "index.vi.md").read_bytes(), VI, None), parse_item(EN_BYTES, EN, None)]
    assert not [d for d in check_site(parsed, REGISTRY, SETTINGS, NOW).diagnostics if d.severity == "error"]
    assert Path(SEED / "index.vi.md").is_file()
