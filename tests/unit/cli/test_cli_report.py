"""The build's summary: counts, comparison with the previous site, problems in order,
text in both languages, and the committed JSON Schema of the report."""

from __future__ import annotations

import datetime as dt
import logging
import pickle
from pathlib import Path

import jsonschema
from bloc_cli import i18n
from bloc_cli.problems import problems
from bloc_cli.progress import BuildProgress
from bloc_cli.report import (
    SCHEMA_FILE,
    BuildReport,
    Items,
    Pages,
    Photos,
    compare_pages,
    format_duration,
    held_back,
    report_schema,
    summary_lines,
)
from bloc_cli.schema import render
from bloc_content.diagnostics import Diagnostic, t
from bloc_content.messages import catalog

ROOT = Path(__file__).resolve().parents[3]
VN = dt.timezone(dt.timedelta(hours=7))


def test_held_back_tells_embargoed_from_drafts():
    assert held_back(["embargoed", "draft", "embargoed", "draft"]) == {"embargoed": 2, "drafts": 2}


def test_pages_are_compared_by_content(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for root, pages in ((old, {"a.html": "A", "b.html": "B", "gone.html": "G", "x.css": "1"}),
                        (new, {"a.html": "A", "b.html": "B2", "c/index.html": "C", "x.css": "2"})):
        for name, text in pages.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
    assert compare_pages(new, old) == Pages(total=3, new=1, changed=1, unchanged=1, removed=1)
    assert compare_pages(new, tmp_path / "none") == Pages(total=3, new=3, changed=0, unchanged=0, removed=0)


def test_durations_and_numbers_in_each_language():
    assert format_duration(2.44, "vi") == "2,4 giây"
    assert format_duration(2.44, "en") == "2.4 seconds"
    assert format_duration(185, "vi") == "3 phút 5 giây"


def _report(**changes) -> BuildReport:
    values = dict(ok=True, lang="vi", output="/site/output", seconds=12.5, errors=0, warnings=1, problems=[],
                  items=Items(published={"vi": 1234, "en": 1200}, drafts=2, embargoed=1),
                  pages=Pages(total=5000, new=3, changed=2, unchanged=4995, removed=0),
                  photos=Photos(total=30, encoded=4, cached=26))
    return BuildReport(**{**values, **changes})


def test_summary_in_vietnamese_with_babel_numbers():
    i18n.activate("vi")
    lines = summary_lines(_report(), i18n._, Path("/site"))
    assert lines == [
        "Đã dựng xong trang vào output/ (12,5 giây).",
        "Tin đã đăng: tiếng Việt 1.234, tiếng Anh 1.200; chưa đăng: bản nháp 2, chưa đến ngày đăng 1.",
        "Trang: 5.000 (mới 3, thay đổi 2, không đổi 4.995, đã bỏ 0).",
        "Ảnh: 30 (mới xử lý 4, lấy từ bộ nhớ đệm 26).",
        "Lỗi: 0, cảnh báo: 1.",
    ]


def test_summary_in_english():
    i18n.activate("en")
    lines = summary_lines(_report(lang="en"), i18n._, Path("/elsewhere"))
    assert lines[0] == "Site built in /site/output/ (12.5 seconds)."
    assert lines[1] == "News items published: English 1,200, Vietnamese 1,234; held back: drafts 2, not yet due 1."
    assert lines[2] == "Pages: 5,000 (new 3, changed 2, unchanged 4,995, removed 0)."


def test_problems_errors_first_then_warnings_each_once_by_file():
    warning = Diagnostic("b.md", 3, "slug", t("the slug '{slug}' is taken", slug="x"), severity="warning")
    found = [warning,
             Diagnostic("b.md", 9, "title", "missing"),
             Diagnostic("a.md", 4, "date", "bad"),
             warning,
             logging.LogRecord("pelican", logging.WARNING, "x", 1, "a plain %s", ("warning",), None)]
    listed = problems(found, catalog("vi"))
    assert [(p.severity, p.path, p.line) for p in listed] == [
        ("error", "a.md", 4), ("error", "b.md", 9), ("warning", "", 0), ("warning", "b.md", 3)]
    assert listed[0].text == "a.md:4: lỗi: date: bad"
    assert listed[2].text == "cảnh báo: a plain warning"


def test_progress_counts_and_is_left_out_of_pelicans_cache():
    progress = BuildProgress()
    task = progress.task("photos", total=3)
    task.advance(2, "cached")
    task.advance(1, "new")
    progress.phase("write")
    assert progress.counts == {"photos.cached": 2, "photos.new": 1}
    assert pickle.loads(pickle.dumps({"BLOC_BUILD": progress})) == {"BLOC_BUILD": None}


def test_committed_report_schema_is_up_to_date():
    assert (ROOT / "schema" / SCHEMA_FILE).read_text(encoding="utf-8") == render(report_schema()), \
        "run `bloc schema` and commit schema/build-report.schema.json"


def test_schema_accepts_a_report_and_rejects_unknown_fields():
    validator = jsonschema.Draft202012Validator(report_schema())
    report = _report().model_dump(mode="json")
    validator.validate(report)
    assert list(validator.iter_errors({**report, "pages_written": 3}))
    assert list(validator.iter_errors({**report, "lang": "fr"}))
