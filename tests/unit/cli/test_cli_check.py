import json
from pathlib import Path

from PIL import Image

SEED_VI = "content/news/2021/tong-ket-2020-ky-giao-uoc-2021/index.vi.md"


def edit(site: Path, path: str, old: str, new: str) -> None:
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(site: Path, path: str, needle: str) -> int:
    lines = (site / path).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_clean_site_passes_in_vietnamese_by_default(bloc, monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, err = bloc("check")
    assert (code, out) == (0, "")
    assert err == "Không có vấn đề nào trong 2 tệp.\n"


def test_english_messages_by_flag(bloc):
    code, _, err = bloc("check", "--lang", "en")
    assert code == 0
    assert err == "No problems found in 2 file(s).\n"


def test_unknown_recipient_is_reported_with_path_and_line(site, bloc):
    edit(site, SEED_VI, "recipient: ttcp", "recipient: bo-tc")
    line = line_of(site, SEED_VI, "recipient: bo-tc")
    code, out, err = bloc("check", "--lang", "en")
    assert code == 1
    assert out.splitlines() == [
        f"{SEED_VI}:{line}: error: awards[3].recipient: unknown organisation 'bo-tc' (did you mean 'btp'?)"]
    assert err.startswith("1 error(s) and 0 warning(s) in 2 file(s).\n")


def test_missing_photo_file_is_an_error_and_present_one_is_not(site, bloc):
    edit(site, SEED_VI, "covenant:\n", "photos:\n  - file: ky-ket.jpg\n    alt: Lãnh đạo các bộ ký Giao ước\ncovenant:\n")
    edit(site, SEED_VI.replace("vi.md", "en.md"), "covenant:\n",
         "photos:\n  - file: ky-ket.jpg\n    alt: Leaders sign the covenant\ncovenant:\n")
    line = line_of(site, SEED_VI, "file: ky-ket.jpg")
    code, out, _ = bloc("check", "--lang", "en")
    assert code == 1
    # the build's own message (bloc_photos), and the same in both commands
    assert out == (f"{SEED_VI}:{line}: error: photos[0].file: file 'ky-ket.jpg' not found in the item's folder "
                   "(copy the photo into the item's folder, next to index.vi.md)\n")
    photo = (site / SEED_VI).with_name("ky-ket.jpg")
    photo.write_bytes(b"\xff\xd8\xff")  # named like a JPEG, but no image Pillow can open
    code, out, _ = bloc("check", "--lang", "en")
    assert code == 1 and "photos[0].file: not an image Pillow can read" in out
    Image.new("RGB", (40, 30), "white").save(photo, "JPEG")
    assert bloc("check")[0] == 0


def test_json_format_lists_diagnostics(site, bloc):
    edit(site, SEED_VI, "lang: vi", "lang: vn")
    code, out, _ = bloc("check", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [d for d in data if d["path"] == SEED_VI] == [{"path": SEED_VI, "line": 4, "field": "lang", "severity": "error",
                     "message": "'vn' is not allowed; expected 'vi' or 'en'", "hint": "did you mean 'vi'?"}]


def test_unconfirmed_marks_warn_in_drafts_and_fail_when_published(site, bloc):
    edit(site, SEED_VI, "byline: TG-PV", "byline: TG-PV  # cần xác nhận: tác giả")
    line = line_of(site, SEED_VI, "# cần xác nhận")
    code, out, _ = bloc("check", "--lang", "en")
    assert code == 1
    assert out == (f"{SEED_VI}:{line}: error: byline: not yet confirmed: tác giả (check it against the original "
                   "article, correct it, then delete the comment '# cần xác nhận')\n")
    edit(site, SEED_VI, "date_precision: month", "date_precision: month\nstatus: draft")
    code, out, _ = bloc("check", "--lang", "en")
    assert code == 0
    assert ": warning: byline: not yet confirmed" in out


def test_broken_registry_is_reported(site, bloc):
    edit(site, "content/data/positions.yaml", "    en: Deputy Minister\n", "")
    code, out, _ = bloc("check", "--lang", "en")
    assert code == 1
    line = line_of(site, "content/data/positions.yaml", "vi: Thứ trưởng") - 1  # the `name:` above it
    assert (f"content/data/positions.yaml:{line}: error: positions[1].name: missing its 'en' version "
            "(every language of the site (BLOC_LANGS) needs one: add 'en: ...' under name)") in out.splitlines()


def test_registry_names_only_in_the_sites_languages(site, bloc):
    edit(site, "content/data/positions.yaml", "    en: Deputy Minister\n", "    en: Deputy Minister\n    fr: Vice-ministre\n")
    code, out, _ = bloc("check")
    assert code == 1
    line = line_of(site, "content/data/positions.yaml", "fr: Vice-ministre")
    assert f"content/data/positions.yaml:{line}: lỗi: positions[1].name.fr: không được dùng 'fr'; cần là 'vi' or 'en'" \
        in out.splitlines()


def test_no_site_folder(tmp_path, capsys):
    from bloc_cli.main import main

    assert main(["--root", str(tmp_path), "check", "--lang", "en"]) == 2
    assert "Cannot find content/data/" in capsys.readouterr().err
