"""What the public site shows at a given moment, and how hidden files' problems are reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bloc_content.corpus import check_corpus
from bloc_content.diagnostics import Diagnostic
from bloc_content.registries import load_registry
from bloc_content.validate import parse_item
from bloc_content.visibility import DRAFT, EMBARGOED, PUBLISHED, build_time, declares_draft, demote

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "tests" / "fixtures" / "site" / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021"
REGISTRY, _ = load_registry(ROOT / "content" / "data", ROOT)
VI, EN = "news/x/index.vi.md", "news/x/index.en.md"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def pair(vi_status: str = "published", en_status: str = "published", vi_date: str | None = None):
    vi = (SEED / "index.vi.md").read_text(encoding="utf-8")
    en = (SEED / "index.en.md").read_text(encoding="utf-8")
    vi = vi.replace("date_precision: month", f"date_precision: month\nstatus: {vi_status}", 1)
    en = en.replace("date_precision: month", f"date_precision: month\nstatus: {en_status}", 1)
    if vi_date:
        vi = vi.replace("published: 2021-01-01T00:00:00+07:00", f"published: {vi_date}", 1)
    return [parse_item(vi.encode(), VI, None), parse_item(en.encode(), EN, None)]


def test_published_pair_is_shown_whole():
    corpus = check_corpus(pair(), REGISTRY, NOW)
    assert corpus.states == {VI: PUBLISHED, EN: PUBLISHED} and not corpus.hidden
    assert set(corpus.public[0].files) == {"vi", "en"}


def test_a_draft_original_hides_its_published_translation():
    corpus = check_corpus(pair(vi_status="draft"), REGISTRY, NOW)
    assert corpus.states == {VI: DRAFT, EN: DRAFT} and corpus.hidden == {VI, EN} and corpus.public == []


def test_a_draft_translation_leaves_the_original_published():
    corpus = check_corpus(pair(en_status="draft"), REGISTRY, NOW)
    assert corpus.hidden == {EN} and set(corpus.public[0].files) == {"vi"}


def test_an_embargo_lifts_when_its_time_comes():
    files = pair(vi_date="2026-01-01T09:00:00+07:00")  # 02:00 UTC
    assert check_corpus(files, REGISTRY, NOW).states[VI] == EMBARGOED
    assert check_corpus(files, REGISTRY, NOW + dt.timedelta(hours=2)).states[VI] == PUBLISHED


def test_preview_shows_everything_valid():
    corpus = check_corpus(pair(vi_status="draft"), REGISTRY, NOW, preview=True)
    assert set(corpus.public[0].files) == {"vi", "en"} and corpus.hidden == {VI, EN}


def test_a_file_with_broken_yaml_is_a_draft_when_it_says_so():
    broken = parse_item(b"---\ntitle: a: b\nstatus: draft\n---\n", VI, None)
    assert broken.model is None and declares_draft(broken)
    assert not declares_draft(parse_item(b"---\ntitle: a: b\nstatus: published\n---\n", VI, None))
    corpus = check_corpus([broken], REGISTRY, NOW)
    assert corpus.diagnostics and all(d.severity == "warning" for d in corpus.diagnostics)


def test_errors_in_hidden_files_become_warnings():
    shown, hidden = Diagnostic("a.md", 1, "", "x"), Diagnostic("b.md", 1, "", "x")
    assert [d.severity for d in demote([shown, hidden], {"b.md"})] == ["error", "warning"]


def test_build_time_is_source_date_epoch_when_set():
    assert build_time({"SOURCE_DATE_EPOCH": "0"}) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    assert build_time({}).tzinfo is not None
