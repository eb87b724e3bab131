"""The browser editor (/admin/, Decap CMS) against decap-server on a scratch repository:
what it writes is what the site reads, checked by `bloc check` and a real build."""

from __future__ import annotations

import os
import re
import struct
import zlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.conftest import build, make_content

from .browser_site import ROOT
from .cms_servers import (
    DecapServer,
    StaticSite,
    bloc,
    build_site,
    cms_settings_file,
    git,
    scratch_repo,
)

pytestmark = pytest.mark.browser

SEED = "2021/tong-ket-2020-ky-giao-uoc-2021"
# The guide's screenshots are taken as the test goes; they replace the committed ones in
# docs/images/cms/ only when asked (BLOC_GUIDE_SCREENSHOTS=1 make test), so that an ordinary
# run leaves the working tree clean.
GUIDE_IMAGES = (ROOT / "docs" / "images" / "cms" if os.environ.get("BLOC_GUIDE_SCREENSHOTS") == "1"
                else ROOT / "test-artifacts" / "cms")
VIETNAM = "Asia/Ho_Chi_Minh"


class Cms:
    """One scratch repository, decap-server on it and the site built from it."""

    def __init__(self, base: Path, mode: str, publish_mode: str):
        self.repo = scratch_repo(base / "repo")
        self.server = DecapServer(self.repo, mode)
        self.settings = cms_settings_file(base, self.server.port, publish_mode)
        self.output = build_site(self.repo, base / "output", self.settings)
        self.site = StaticSite(self.output)
        self.admin = self.site.url + "/admin/"

    def stop(self) -> None:
        self.site.stop()
        self.server.stop()


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    started = Cms(tmp_path_factory.mktemp("cms"), mode="fs", publish_mode="simple")
    yield started
    started.stop()


@pytest.fixture
def editor(browser):
    """A browser tab in Vietnam time; console errors and every request are recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id=VIETNAM, locale="vi-VN")
    tab = context.new_page()
    tab.errors, tab.requests = [], []
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on("request", lambda r: tab.requests.append(r.url))
    yield tab
    context.close()


def log_in(tab, cms: Cms) -> None:
    tab.goto(cms.admin)
    tab.get_by_role("button", name="Đăng nhập").click()
    tab.get_by_role("link", name="Tin tức").first.wait_for()


def open_entry(tab, cms: Cms, path: str) -> None:
    tab.goto(f"{cms.admin}#/collections/news/entries/{path}/index")
    tab.locator('label[for^="title-field-"]').first.wait_for()
    # The form is drawn before the entry's values arrive: edit only once the title is there.
    expect(pane(tab, "title")).to_have_value(re.compile(r"\S"), timeout=30000)


def publish_now(tab) -> None:
    tab.get_by_role("button", name="Công bố", exact=True).click()
    tab.get_by_text("Công bố ngay").click()
    tab.get_by_text("Mục đã được lưu").wait_for(timeout=60000)  # git mode runs several git commands


def pane(tab, name: str, lang: str = "vi", nth: int = 0):
    """The control of field `name` (as in the config) in the vi (left) or en (right) pane."""
    labels = tab.locator(f'label[for^="{name}-field-"]')
    labels.first.wait_for(state="attached")
    found = []
    for i in range(labels.count()):
        label = labels.nth(i)
        box = label.bounding_box()
        if box is None:
            continue  # a fact's hidden twin in the English pane
        if (box["x"] < 700) == (lang == "vi"):
            found.append(label.get_attribute("for"))
    return tab.locator(f"#{found[nth]}")


def choose(tab, control, text: str) -> None:
    """Pick an option of a select or relation widget by typing part of its label."""
    control.click()
    control.fill(text)
    tab.locator("[class*='option']", has_text=text).first.click()


def button(tab, name: str, lang: str = "vi"):
    """A visible button of the vi (left) or en (right) pane."""
    buttons = tab.get_by_role("button", name=name)
    buttons.first.wait_for()
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        if box and (box["x"] < 700) == (lang == "vi"):
            return buttons.nth(i)
    raise AssertionError(f"no button {name!r} in the {lang} pane")


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (a photo stand-in), made here so no file is invented elsewhere."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def other_hosts(tab, allowed: set[str]) -> list[str]:
    return [u for u in tab.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc not in allowed]


def test_admin_loads_in_vietnamese_and_requests_no_other_host(cms, editor):
    log_in(editor, cms)
    open_entry(editor, cms, SEED)
    assert editor.get_by_text("Ngày giờ đăng").first.is_visible()
    allowed = {urlsplit(cms.site.url).netloc, f"127.0.0.1:{cms.server.port}"}
    assert other_hosts(editor, allowed) == []
    assert not any(u.endswith(".map") for u in editor.requests)
    csp = [e for e in editor.errors if "Content Security Policy" in e]
    assert csp == [], csp


def test_seed_item_saved_unchanged_leaves_no_diff(cms, editor):
    log_in(editor, cms)
    open_entry(editor, cms, SEED)
    publish_now(editor)
    assert git(cms.repo, "status", "--porcelain") == ""
    assert git(cms.repo, "diff") == ""


def shoot(tab, name: str) -> None:
    """A screenshot for the guide (docs/images/cms/), taken as the test goes."""
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(GUIDE_IMAGES / f"{name}.png"))


def test_create_item_in_both_languages(cms, editor, tmp_path):
    log_in(editor, cms)
    editor.goto(f"{cms.admin}#/collections/news/new")
    pane(editor, "title").fill("Hội nghị sơ kết 6 tháng đầu năm 2024 của Khối thi đua")
    pane(editor, "translation_key").fill("so-ket-6-thang-2024")
    pane(editor, "published").fill("2024-07-15T09:00")
    pane(editor, "summary").fill("Khối thi đua sơ kết công tác 6 tháng đầu năm 2024.")
    pane(editor, "byline").fill("Ban biên tập")
    shoot(editor, "01-tao-tin")
    choose(editor, pane(editor, "kinds"), "Hội nghị sơ kết")
    pane(editor, "date").fill("2024-07-15")
    pane(editor, "place").fill("Hà Nội")
    choose(editor, pane(editor, "members_present"), "Tất cả đơn vị thành viên")
    pane(editor, "name").fill("Nguyễn Văn Thành")
    choose(editor, pane(editor, "org"), "Bộ Công an")
    choose(editor, pane(editor, "positions"), "Thứ trưởng")
    button(editor, "Add đại biểu").click()
    pane(editor, "name", nth=1).fill("Phạm Huy Giang")
    choose(editor, pane(editor, "org", nth=1), "Ban Thi đua")
    choose(editor, pane(editor, "roles", nth=0), "Phát biểu")
    shoot(editor, "02-nguoi-du")
    button(editor, "Add khen thưởng").click()
    choose(editor, pane(editor, "award"), "Cờ thi đua của Chính phủ")
    choose(editor, pane(editor, "recipient"), "Bộ Quốc phòng")
    pane(editor, "year", nth=0).fill("2024")
    choose(editor, pane(editor, "status", nth=1), "Đề nghị")
    shoot(editor, "03-khen-thuong")
    button(editor, "Add ảnh").click()
    editor.get_by_role("button", name="Chọn một hình").click()
    photo = tmp_path / "hoi-nghi.png"
    photo.write_bytes(png())
    editor.locator('input[type="file"]').set_input_files(str(photo))  # the "Tải lên" (upload) button
    editor.get_by_role("button", name="Lấy những cái đã chọn").click()
    pane(editor, "alt").fill("Đại biểu dự Hội nghị sơ kết tại Hà Nội")
    pane(editor, "year", nth=2).fill("2024")
    pane(editor, "motto").fill("Đoàn kết, kỷ cương, sáng tạo")
    shoot(editor, "04-anh")
    body = editor.locator("[data-slate-editor]")
    body.first.click()
    editor.keyboard.type("Sáng 15/7, Khối thi đua tổ chức Hội nghị sơ kết.")
    # The English pane: only the words.
    pane(editor, "title", "en").fill("Bloc reviews the first half of 2024")
    pane(editor, "summary", "en").fill("The bloc reviewed its work in the first half of 2024.")
    pane(editor, "byline", "en").fill("Editorial team")
    pane(editor, "place", "en").fill("Ha Noi")
    pane(editor, "motto", "en").fill("Solidarity, discipline, creativity")
    button(editor, "Add ảnh", "en").click()
    editor.get_by_role("button", name="Chọn một hình").last.click()
    editor.get_by_role("dialog").get_by_text("hoi-nghi.png").click()
    editor.get_by_role("button", name="Lấy những cái đã chọn").click()
    pane(editor, "alt", "en").fill("Delegates at the mid-year review in Ha Noi")
    body.last.click()  # the English body: a published item has text in both languages
    editor.keyboard.type("On 15 July the bloc held its mid-year review.")
    shoot(editor, "05-ban-tieng-anh")
    choose(editor, pane(editor, "status"), "Đăng")
    publish_now(editor)
    shoot(editor, "06-da-luu")

    item = cms.repo / "content" / "news" / "2024" / "so-ket-6-thang-2024"
    assert sorted(p.name for p in item.iterdir()) == ["hoi-nghi.png", "index.en.md", "index.vi.md"]
    vietnamese = (item / "index.vi.md").read_text(encoding="utf-8")
    assert "  members_present: all\n" in vietnamese  # chosen as a list, written as the file says it
    english = (item / "index.en.md").read_text(encoding="utf-8")
    assert "lang: en" in english and "published: 2024-07-15T09:00:00+07:00" in english
    assert "awards" not in english and "chair" not in english  # facts live in the Vietnamese file only
    checked = bloc("--root", str(cms.repo), "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    output = build_site(cms.repo, tmp_path / "built", cms.settings)
    pages = {lang: page_of(output, title) for lang, title in
             (("vi", "Hội nghị sơ kết 6 tháng đầu năm 2024 của Khối thi đua"), ("en", "Bloc reviews the first half of 2024"))}
    vi, en = (pages[lang].get_text(" ", strip=True) for lang in ("vi", "en"))
    assert "Nguyễn Văn Thành" in vi and "Phạm Huy Giang" in vi and "Cờ thi đua của Chính phủ" in vi
    assert "Đoàn kết, kỷ cương, sáng tạo" in vi
    assert "Nguyễn Văn Thành" in en and "Government Emulation Flag" in en
    assert "Solidarity, discipline, creativity" in en
    assert pages["vi"].find("img", alt="Đại biểu dự Hội nghị sơ kết tại Hà Nội") is not None
    assert pages["en"].find("img", alt="Delegates at the mid-year review in Ha Noi") is not None


def test_new_organisation_in_the_registry_passes_bloc_check(cms, editor, tmp_path):
    """A registry entry made in the file collection: names in both languages and a source;
    once the site is rebuilt, the forms offer it."""
    registry = cms.repo / "content" / "data" / "organisations.yaml"
    try:
        log_in(editor, cms)
        editor.goto(f"{cms.admin}#/collections/registries/entries/organisations")
        # A file collection has one pane, across the page.
        editor.get_by_role("button", name="Add cơ quan, đơn vị liên quan").click()
        # Saved list items are folded: the fields shown last are the new item's.
        editor.locator('label[for^="id-field-"]').last.wait_for()
        control = editor.locator('label[for^="id-field-"]').last.get_attribute("for")
        editor.locator(f"#{control}").fill("vpcp")
        # Names are keyed by language: the new item's objects, in the form's order, are name,
        # official_name, short, slug and websites, each with a field per language.
        objects = ("name", "official_name", "short", "slug", "websites")
        for lang, values in (("vi", {"name": "Văn phòng Chính phủ", "slug": "van-phong-chinh-phu"}),
                             ("en", {"name": "Government Office", "slug": "government-office"})):
            labels = editor.locator(f'label[for^="{lang}-field-"]')
            first = labels.count() - len(objects)
            for key, value in values.items():
                control = labels.nth(first + objects.index(key)).get_attribute("for")
                editor.locator(f"#{control}").fill(value)
        editor.get_by_role("button", name="Add nguồn").last.click()
        control = editor.locator('label[for^="sources-field-"]').last.get_attribute("for")
        editor.locator(f"#{control}").fill("https://vpcp.chinhphu.vn")
        shoot(editor, "08-danh-muc")
        publish_now(editor)
        saved = registry.read_text(encoding="utf-8")
        assert "id: vpcp" in saved and "vi: Văn phòng Chính phủ" in saved and "en: Government Office" in saved
        assert "- https://vpcp.chinhphu.vn" in saved
        checked = bloc("--root", str(cms.repo), "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        rebuilt = build_site(cms.repo, tmp_path / "built", cms.settings)
        assert "label: Văn phòng Chính phủ (vpcp)" in (rebuilt / "admin" / "config.yml").read_text(encoding="utf-8")
        # The change is the new entry: the others keep their keys' order and style, the file its
        # opening comment. A comment after a value cannot follow it through the form (the guide
        # says so): that line is the only other change.
        diff = git(cms.repo, "diff", "-U0", "--", "content/data/organisations.yaml").splitlines()
        removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
        added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
        assert removed == ["  aliases_vi:  # spellings the press uses (the importer reads these)"], diff
        assert added == ["  aliases_vi:", "- id: vpcp", "  name:", "    vi: Văn phòng Chính phủ",
                         "    en: Government Office", "  slug:", "    vi: van-phong-chinh-phu",
                         "    en: government-office", "  sources:", "  - https://vpcp.chinhphu.vn"], diff
    finally:
        git(cms.repo, "checkout", "--", "content/data/organisations.yaml")


def page_of(output: Path, title: str) -> BeautifulSoup:
    """The built item page whose <h1> is `title`."""
    for path in output.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        if title in text:
            soup = BeautifulSoup(text, "html5lib")
            heading = soup.find("h1")
            if heading and heading.get_text(strip=True) == title:
                return soup
    raise AssertionError(f"no page titled {title!r} in {output}")


def test_invalid_entry_is_refused_or_reported_with_file_line_field(cms, editor, tmp_path):
    log_in(editor, cms)
    editor.goto(f"{cms.admin}#/collections/news/new")
    pane(editor, "translation_key").fill("tin-thieu-thong-tin")
    pane(editor, "published").fill("2024-08-01T08:00")
    pane(editor, "summary").fill("Tin thử: thiếu tiêu đề tiếng Anh và lời mô tả ảnh.")
    pane(editor, "byline").fill("Ban biên tập")
    button(editor, "Add ảnh").click()
    editor.get_by_role("button", name="Chọn một hình").click()
    photo = tmp_path / "thieu-alt.png"
    photo.write_bytes(png())
    editor.locator('input[type="file"]').set_input_files(str(photo))
    editor.get_by_role("button", name="Lấy những cái đã chọn").click()
    pane(editor, "summary", "en").fill("A test item without an English title.")
    pane(editor, "byline", "en").fill("Editorial team")
    # The Vietnamese title is required by the form: nothing is written.
    editor.get_by_role("button", name="Công bố", exact=True).click()
    editor.get_by_text("Công bố ngay").click()
    editor.get_by_text("Bạn còn thiếu vài thông tin bắt buộc").wait_for()
    item = cms.repo / "content" / "news" / "2024" / "tin-thieu-thong-tin"
    assert not item.exists()
    # What the form cannot see (the English file, an alt needed unless decorative) bloc check reports.
    pane(editor, "title").fill("Tin thiếu thông tin")
    editor.locator("[data-slate-editor]").first.click()
    editor.keyboard.type("Nội dung thử.")
    # Published, not a draft: a draft's problems are warnings (it is never built for readers).
    choose(editor, pane(editor, "status"), "Đăng")
    publish_now(editor)
    assert (item / "index.en.md").exists()
    checked = bloc("--root", str(cms.repo), "check")
    assert checked.returncode == 1
    report = checked.stdout + checked.stderr
    assert re.search(r"content/news/2024/tin-thieu-thong-tin/index\.en\.md:\d+: error: title: ", report), report
    assert re.search(r"content/news/2024/tin-thieu-thong-tin/index\.vi\.md:\d+: error: photos\[0\]\.alt: ", report), report
    for path in item.iterdir():  # leave the repository as the other tests expect it
        path.unlink()
    item.rmdir()


def key_order(text: str) -> list[str]:
    """The front matter's keys, nested ones included, in the order they are written."""
    def walk(value, prefix=""):
        if isinstance(value, dict):
            for key, inner in value.items():
                yield prefix + key
                yield from walk(inner, prefix + key + ".")
        elif isinstance(value, list):
            for item in value:
                yield from walk(item, prefix)
    return list(walk(yaml.safe_load(text.split("---\n")[1])))


def test_editorial_workflow_saves_to_a_branch_and_leaves_main_untouched(browser, tmp_path_factory):
    cms = Cms(tmp_path_factory.mktemp("cms-git"), mode="git", publish_mode="editorial_workflow")
    seed_vi = f"content/news/{SEED}/index.vi.md"
    try:
        main_before = git(cms.repo, "rev-parse", "main")
        with browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id=VIETNAM,
                                 locale="vi-VN") as context:
            tab = context.new_page()
            log_in(tab, cms)
            open_entry(tab, cms, SEED)
            title = pane(tab, "title")
            title.fill(title.input_value() + " (bản sửa)")
            tab.get_by_role("button", name="Lưu", exact=True).click()
            tab.get_by_text("Mục đã được lưu").wait_for(timeout=60000)  # git mode runs several git commands
        # After "saved" the editor goes on asking decap-server for the entry, and each answer
        # checks the draft branch out and main back in. With the tab closed nothing more is
        # asked, and decap-server's own answer to the workflow board's question comes after
        # all of it: only then is the work tree looked at.
        assert cms.server.unpublished_entries() == [f"news/{SEED}/index"]
        draft = f"cms/news/{SEED}/index"
        assert git(cms.repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/") == draft + "\n"
        assert git(cms.repo, "symbolic-ref", "--short", "HEAD") == "main\n"
        assert git(cms.repo, "rev-parse", "main") == main_before
        assert git(cms.repo, "status", "--porcelain") == ""
        assert "(bản sửa)" not in git(cms.repo, "show", f"main:{seed_vi}")
        edited = git(cms.repo, "show", f"{draft}:{seed_vi}")
        assert "(bản sửa)" in edited
        # Rewritten, its fields keep the order they were written in.
        assert key_order(edited) == key_order(git(cms.repo, "show", f"main:{seed_vi}"))
        with browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id=VIETNAM,
                                 locale="vi-VN") as context:
            tab = context.new_page()
            log_in(tab, cms)
            tab.goto(f"{cms.admin}#/workflow")
            tab.get_by_text("(bản sửa)").first.wait_for()
            shoot(tab, "07-cho-duyet")
        # The board only reads: it leaves the work tree on main, clean.
        assert cms.server.unpublished_entries() == [f"news/{SEED}/index"]
        assert git(cms.repo, "symbolic-ref", "--short", "HEAD") == "main\n"
        assert git(cms.repo, "status", "--porcelain") == ""
    finally:
        cms.stop()


RELAY = "https://auth.example.org"


def test_production_admin_logs_in_through_the_relay_and_asks_no_other_host(browser, tmp_path):
    """The production build (GitHub backend, editorial workflow, the relay from the settings)
    under its own CSP: logging in opens the relay's GitHub authorisation, and the page asks
    nothing of any host but the site and the relay. Nothing leaves this machine: the relay's
    page is answered here, once the browser's CSP has let the request through."""
    env = {**os.environ, "BLOC_CMS_REPO": "bloc/site", "BLOC_CMS_BRANCH": "main", "BLOC_CMS_AUTH_URL": RELAY,
           "SITEURL": "https://bloc.example.org"}
    result = build(make_content(tmp_path / "content"), tmp_path / "output", settings="publishconf.py", env=env)
    assert result.returncode == 0, result.stderr
    site = StaticSite(result.output)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id=VIETNAM, locale="vi-VN")
    try:
        requests, errors = [], []
        context.on("request", lambda r: requests.append(r.url))
        context.route(f"{RELAY}/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                  body="<!doctype html><title>relay</title>"))
        tab = context.new_page()
        tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(site.url + "/admin/")
        with tab.expect_popup() as opened:
            tab.get_by_role("button", name="Đăng nhập bằng GitHub").click()
        popup = opened.value
        popup.wait_for_load_state()
        login = urlsplit(popup.url)
        assert f"{login.scheme}://{login.netloc}{login.path}" == f"{RELAY}/auth"
        assert parse_qs(login.query)["provider"] == ["github"]
        assert other_hosts_of(requests, {urlsplit(site.url).netloc, urlsplit(RELAY).netloc}) == []
        assert [e for e in errors if "Content Security Policy" in e] == []
    finally:
        context.close()
        site.stop()


def other_hosts_of(urls: list[str], allowed: set[str]) -> list[str]:
    return [u for u in urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc not in allowed]
