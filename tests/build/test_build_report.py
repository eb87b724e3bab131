"""What `make html` and `bloc build` print, run as a person or CI runs them: problems once,
a short summary in Vietnamese whose numbers match the site, -v for every step, --quiet,
JSON that validates, progress bars on a terminal and no control characters elsewhere."""

from __future__ import annotations

import json
import os
import pty
import random
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from tests.conftest import ROOT, make_content

SCHEMA = json.loads((ROOT / "schema" / "build-report.schema.json").read_text(encoding="utf-8"))
# Pelican's own words: none of them may reach a run without -v.
PELICAN_VOCABULARY = re.compile(r"Done: Processed|hidden articles|draft pages|Copying|Writing|INFO|DEBUG")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # anything but \t and \n
ENV = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/root")}  # no LANG: Vietnamese


def build_command(content: Path, output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "bloc_cli", "build", "--settings", str(ROOT / "pelicanconf.py"),
            "--content", str(content), "--output", str(output), "--cache", str(content.parent / "cache"), *extra]


def bloc_build(content: Path, output: Path, *extra: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`bloc build` from `cwd` (the photo cache is `.cache/photos` there)."""
    return subprocess.run(build_command(content, output, *extra), cwd=cwd, capture_output=True, text=True, env=ENV,
                          timeout=900)


def html_pages(output: Path) -> list[Path]:
    return [p for p in output.rglob("*.html") if p.relative_to(output).parts[0] != "pagefind"]


def article_pages(output: Path) -> dict[str, int]:
    """Article pages per language, from the URL patterns (pelicanconf.BLOC_URLS)."""
    return {"vi": len(list(output.glob("tin-tuc/[0-9][0-9][0-9][0-9]/*/index.html"))),
            "en": len(list(output.glob("en/news/[0-9][0-9][0-9][0-9]/*/index.html")))}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project whose content is the fixture site, to run `make html` in."""
    base = tmp_path_factory.mktemp("project")
    for name in ("Makefile", "pelicanconf.py", "publishconf.py", "requirements.txt", "pyproject.toml",
                 "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, base / name)
    # node_modules: the build copies Decap CMS's bundle into /admin/ (scripts/npm-deps.sh installs it)
    for name in ("plugins", "theme", "scripts", ".venv", "node_modules"):
        (base / name).symlink_to(ROOT / name)
    make_content(base / "content")
    return base


@pytest.fixture(scope="module")
def make_html(project) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "html"], cwd=project, capture_output=True, text=True,
                          env=ENV, timeout=900)


def test_default_make_html_is_short_vietnamese_and_has_the_summary(make_html, project):
    assert make_html.returncode == 0, make_html.stdout + make_html.stderr
    lines = (make_html.stderr + make_html.stdout).splitlines()
    assert len(lines) <= 15, "\n".join(lines)
    assert not PELICAN_VOCABULARY.search(make_html.stdout + make_html.stderr)
    assert not CONTROL.search(make_html.stdout + make_html.stderr)
    summary = make_html.stdout.splitlines()
    assert re.fullmatch(r"Đã dựng xong trang vào output/ \(\d+(,\d)? giây\)\.", summary[0])
    published = article_pages(project / "output")
    assert summary[1] == (f"Tin đã đăng: tiếng Việt {published['vi']}, tiếng Anh {published['en']}; "
                          "chưa đăng: bản nháp 0, chưa đến ngày đăng 0.")
    pages = len(html_pages(project / "output"))
    assert summary[2] == f"Trang: {pages} (mới {pages}, thay đổi 0, không đổi 0, đã bỏ 0)."
    warnings = make_html.stderr.splitlines()
    assert summary[-1] == f"Lỗi: 0, cảnh báo: {len(warnings)}."
    stale = [line for line in warnings if "translated_from.hash" in line]
    assert len(stale) == 1
    assert stale[0].startswith("content/news/2025/ban-dich-cu/index.en.md:10: cảnh báo: translated_from.hash: bản gốc")
    assert warnings == sorted(warnings)  # grouped by file


def test_make_html_v1_prints_every_step(make_html, project):
    # saved again: the build builds (with nothing changed it would only say so)
    os.utime(project / "content" / "news" / "2021" / "so-ket-6-thang" / "index.vi.md")
    detail = subprocess.run(["make", "--no-print-directory", "html", "V=1"], cwd=project, capture_output=True,
                            text=True, env=ENV, timeout=900)
    assert detail.returncode == 0, detail.stderr
    assert "INFO: Writing" in detail.stderr
    assert detail.stdout.splitlines()[-1].startswith("Lỗi: 0, cảnh báo: ")


def test_make_html_twice_finds_every_page_unchanged(make_html, project):
    pages = len(html_pages(project / "output"))
    # Nothing changed: the build says so and builds nothing (the guides' words), each time.
    for _build in range(2):
        again = subprocess.run(["make", "--no-print-directory", "html"], cwd=project, capture_output=True,
                               text=True, env=ENV, timeout=900)
        assert again.returncode == 0, again.stderr
        assert f"Trang: {pages} (mới 0, thay đổi 0, không đổi {pages}, đã bỏ 0)." in again.stdout.splitlines()
        assert again.stderr == make_html.stderr  # the same warnings, each once
    assert "Không có gì thay đổi từ lần dựng trước: output/ vẫn đúng như mới dựng." in again.stdout.splitlines()


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    return make_content(tmp_path_factory.mktemp("report") / "content")


@pytest.fixture(scope="module")
def fixture_json(fixture_site) -> subprocess.CompletedProcess:
    return bloc_build(fixture_site, fixture_site.parent / "output", "--format", "json")


def test_json_report_validates_and_matches_the_site(fixture_site, fixture_json):
    output = fixture_site.parent / "output"
    done = fixture_json
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["ok"] is True and report["lang"] == "vi"
    assert report["output"] == output.as_posix()
    assert report["items"] == {"published": article_pages(output), "drafts": 0, "embargoed": 0}
    assert report["pages"]["total"] == report["pages"]["new"] == len(html_pages(output))
    assert report["warnings"] == len(report["problems"]) == len(done.stderr.splitlines())
    assert [p["text"] for p in report["problems"]] == done.stderr.splitlines()
    assert not PELICAN_VOCABULARY.search(done.stdout + done.stderr)


def test_verbose_shows_every_step_and_quiet_only_the_problems(fixture_site):
    output = fixture_site.parent / "output-levels"
    verbose = bloc_build(fixture_site, output, "-v", "--lang", "en")
    assert verbose.returncode == 0, verbose.stderr
    assert "INFO: Writing" in verbose.stderr and "Done: Processed" in verbose.stdout
    assert verbose.stdout.splitlines()[-1].startswith("Errors: 0, warnings: ")
    quiet = bloc_build(fixture_site, output, "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == ""
    stale = [line for line in quiet.stderr.splitlines() if "translated_from.hash" in line]
    assert len(stale) == 1 and ": cảnh báo: " in stale[0]
    # problems are printed once, whatever the level of detail
    assert verbose.stderr.count("translated_from.hash") == 1


def test_a_failed_build_lists_errors_before_warnings_and_reports_json(fixture_site, tmp_path):
    content = make_content(tmp_path / "content", fixture_site)
    item = content / "news" / "2021" / "so-ket-6-thang" / "index.vi.md"
    item.write_text(item.read_text(encoding="utf-8").replace("lang: vi", "lang: vi\nunknown_field: 1", 1),
                    encoding="utf-8")
    done = bloc_build(content, tmp_path / "output", "--format", "json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["ok"] is False and report["errors"] >= 1 and report["pages"] is None
    severities = [p["severity"] for p in report["problems"]]
    assert severities == sorted(severities, key=("error", "warning").index)
    lines = done.stderr.splitlines()
    assert ": lỗi: unknown_field" in lines[0]
    assert lines[-1].startswith("dựng trang không thành công: ")
    assert lines[-1].endswith("chưa có gì được xuất bản (output/)")


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory) -> Path:
    """100 generated items with small photos (small: encoding is not what is tested)."""
    from bench.corpus import write_corpus

    content = tmp_path_factory.mktemp("photos") / "content"
    write_corpus(content, 100, photos=True)
    for photo in content.rglob("*.jpg"):
        noise = random.Random(str(photo.relative_to(content))).randbytes(160 * 120 * 3)  # no two alike
        Image.frombytes("RGB", (160, 120), noise).save(photo, "JPEG")
    return content


def run_in_terminal(command: list[str], cwd: Path) -> str:
    """Run `command` with a pseudo-terminal as its standard output and error; all it wrote."""
    leader, follower = pty.openpty()
    env = {**ENV, "TERM": "xterm", "COLUMNS": "120", "LINES": "40"}
    process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
                               env=env)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 600)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed when the build ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    assert process.returncode == 0, b"".join(chunks).decode(errors="replace")
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_progress_bars_on_a_terminal_and_none_in_a_log(photo_site):
    photos = len(list(photo_site.rglob("*.jpg")))
    output = photo_site.parent / "output"
    # from the site's folder: its photo cache starts empty, every photo is encoded
    shown = run_in_terminal(build_command(photo_site, output), cwd=photo_site.parent)
    assert "\x1b[" in shown  # a live display, redrawn in place
    assert re.search(rf"Ảnh\s.*{photos}/{photos}.*mới: {photos}", shown)
    # the search index reads the reader's pages, not the editor's (admin/ is written after it)
    indexed = len([p for p in html_pages(output) if p.relative_to(output).parts[0] != "admin"])
    assert re.search(rf"Chỉ mục tìm kiếm\s.*{indexed}/{indexed}", shown)
    pages = len(html_pages(output))
    assert "Ghi các trang" in shown
    assert f"Ảnh: {photos} (mới xử lý {photos}, lấy từ bộ nhớ đệm 0)." in shown
    assert len(list((output / "photos").glob("*-social.jpg"))) == photos

    again = bloc_build(photo_site, output, "--format", "json", cwd=photo_site.parent)
    assert again.returncode == 0, again.stderr
    assert not CONTROL.search(again.stdout + again.stderr)
    report = json.loads(again.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["photos"] == {"total": photos, "encoded": 0, "cached": photos}
    assert report["items"]["published"] == article_pages(output) == {"vi": 100, "en": 100}
    assert report["pages"] == {"total": pages, "new": 0, "changed": 0, "unchanged": pages, "removed": 0}


def test_drafts_and_items_not_yet_due_are_counted_as_held_back(fixture_site, fixture_json, tmp_path):
    assert fixture_json.returncode == 0, fixture_json.stderr
    published = article_pages(fixture_site.parent / "output")  # the fixture with nothing held back
    content = make_content(tmp_path / "content", fixture_site)
    for name in ("index.vi.md", "index.en.md"):
        draft = content / "news" / "2024" / "tong-ket-2023" / name
        text = draft.read_text(encoding="utf-8")
        draft.write_text(re.sub(r"^(published: .*)$", r"\1\nstatus: draft", text, count=1, flags=re.M),
                         encoding="utf-8")
    due = content / "news" / "2025" / "chua-dich" / "index.vi.md"  # no translation, no `updated`
    due.write_text(re.sub(r"^published: 2025-", "published: 2099-", due.read_text(encoding="utf-8"), flags=re.M),
                   encoding="utf-8")
    done = bloc_build(content, tmp_path / "output", "--format", "json")
    report = json.loads(done.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["items"] == {"published": {"vi": published["vi"] - 2, "en": published["en"] - 1},
                               "drafts": 2, "embargoed": 1}, done.stderr
