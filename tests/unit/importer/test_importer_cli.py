import shutil
from pathlib import Path

import bloc_cli.importing
from bloc_cli.main import main

ROOT = Path(__file__).resolve().parents[3]
LEGACY = ROOT / "tests" / "fixtures" / "legacy"
CORPUS = ROOT / "tests" / "fixtures" / "import-corpus"


def site(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content" / "data", tmp_path / "content" / "data")
    return tmp_path


def test_import_then_check(tmp_path, capsys):
    root = site(tmp_path)
    assert main(["--root", str(root), "import", str(LEGACY / "seed-tong-ket-2020.txt"), "--date", "2021-01-15"]) == 0
    out = capsys.readouterr()
    folder = "content/news/2021/ky-ket-giao-uoc-thi-dua-nam-2021"
    assert out.out == (
        f"seed-tong-ket-2020.txt → {folder}: máy đề xuất 1 loại sự kiện, ngày sự kiện, năm được tổng kết, 4 người, "
        "8 đơn vị thành viên, 4 khen thưởng, Khối trưởng, Khối phó, giao ước, 4 chú thích ảnh, tác giả; "
        "cần người làm: tóm tắt, 4 ảnh kèm mô tả ảnh, bản dịch tiếng Anh.\n")
    path = folder + "/index.vi.md"
    assert (root / path).is_file() and (root / folder / "index.en.md").is_file()
    # The import is a draft: what a person must still do is listed as warnings, which stop no build.
    assert main(["--root", str(root), "check", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not [line for line in lines if ": error: " in line]
    photos = [line for line in lines if line.startswith(path) and ": warning: photos[" in line]
    assert {line.split(": warning: ")[1].split(":")[0] for line in photos} == {
        f"photos[{i}].{field}" for i in range(4) for field in ("alt", "file")}
    warnings = [line for line in lines if ": warning: " in line]
    assert (f"{path}:5: warning: title: not yet confirmed: tiêu đề máy đặt tạm, hãy viết lại (check it against "
            "the original article, correct it, then delete the comment '# cần xác nhận')") in warnings
    assert all("not yet confirmed" in w or "placeholder" in w or w in photos for w in warnings), warnings
    assert any(w.startswith(folder + "/index.en.md") and "TO TRANSLATE" in w for w in warnings)
    # once the Vietnamese file says published, its problems are errors
    draft = root / path
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    assert main(["--root", str(root), "check", "--lang", "en"]) == 1
    published = capsys.readouterr().out.splitlines()
    assert {line.replace(": warning: ", ": error: ", 1) for line in photos} <= set(published)
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: published", "status: draft"), encoding="utf-8")
    # a second import of the same article does not overwrite the draft
    before = (root / path).read_bytes()
    assert main(["--root", str(root), "import", str(LEGACY / "seed-tong-ket-2020.txt"), "--date", "2021-01-15",
                 "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (root / path).read_bytes() == before


def test_import_without_a_date_asks_for_it(tmp_path, capsys):
    root = site(tmp_path)
    assert main(["--root", str(root), "import", str(LEGACY / "khong-co-nam.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("khong-co-nam.txt → content/news/chua-ro-ngay/")
    assert "cần người làm: ngày đăng, ngày sự kiện" in out
    assert main(["--root", str(root), "import", str(LEGACY / "khong-co-nam.txt"), "--date", "2020-05-01"]) == 0
    assert " → content/news/2020/" in capsys.readouterr().out


def test_batch_import_of_a_folder(tmp_path, capsys):
    root = site(tmp_path)
    src = tmp_path / "old"
    src.mkdir()
    names = ["02-bqllang-2022-so-ket.txt", "05-kiemsat-2024-tong-ket.txt", "03-vov-podcast-2024-tong-ket.txt"]
    for name in names:
        shutil.copy(CORPUS / name, src / name)
    (src / "latin1.txt").write_bytes("Hội nghị".encode("utf-16"))
    (src / "photo.jpg").write_bytes(b"\xff\xd8")  # not a text: not imported, not reported
    assert main(["--root", str(root), "import", str(src)]) == 1  # one file could not be read
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert [line.split(" → ")[0] for line in lines] == sorted(names)
    assert "latin1.txt không phải văn bản UTF-8" in out.err
    kiemsat = next(line for line in lines if line.startswith("05-"))
    assert kiemsat == (
        "05-kiemsat-2024-tong-ket.txt → content/news/2024/khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong-trien-khai-"
        "cong-tac-thi-dua-khen: máy đề xuất 2 loại sự kiện, ngày sự kiện, năm được tổng kết, 9 người, "
        "8 đơn vị thành viên, Khối trưởng, Khối phó, 2 chú thích ảnh; "
        "cần người làm: tóm tắt, tác giả, 2 ảnh kèm mô tả ảnh, bản dịch tiếng Anh.")
    drafts = sorted(p.relative_to(root).as_posix() for p in (root / "content" / "news").rglob("index.*.md"))
    assert len(drafts) == 6 and sum(p.endswith("index.en.md") for p in drafts) == 3
    # importing the folder again writes nothing and says so for each article
    before = {p: p.read_bytes() for p in (root / "content" / "news").rglob("*.md")}
    assert main(["--root", str(root), "import", str(src)]) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.count("đã có; chưa ghi gì cả") == 3
    assert {p: p.read_bytes() for p in (root / "content" / "news").rglob("*.md")} == before


def test_a_failure_names_the_file_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    root = site(tmp_path)
    src = tmp_path / "old"
    src.mkdir()
    shutil.copy(LEGACY / "seed-tong-ket-2020.txt", src / "a.txt")
    shutil.copy(LEGACY / "trien-khai-2024.txt", src / "b.txt")
    real = bloc_cli.importing.import_legacy

    def failing(text, registry, **kwargs):
        if kwargs["source_name"] == "a.txt":
            raise KeyError("positions")
        return real(text, registry, **kwargs)

    monkeypatch.setattr(bloc_cli.importing, "import_legacy", failing)
    assert main(["--root", str(root), "import", str(src), "--lang", "en"]) == 1
    out = capsys.readouterr()
    assert f"{src / 'a.txt'}: the importer failed on this text (KeyError: 'positions')." in out.err
    assert "Traceback" not in out.err
    assert out.out.startswith("b.txt → content/news/2024/")


def test_two_articles_whose_titles_read_alike_get_two_items(tmp_path, capsys):
    root = site(tmp_path)
    src = tmp_path / "old"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(LEGACY / "khong-co-nam.txt", src / name)
    assert main(["--root", str(root), "import", str(src)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "a.txt → content/news/chua-ro-ngay/bai-nhap-tu-he-thong-cu",
        "b.txt → content/news/chua-ro-ngay/bai-nhap-tu-he-thong-cu-2"]
    second = (root / "content/news/chua-ro-ngay/bai-nhap-tu-he-thong-cu-2/index.en.md").read_text(encoding="utf-8")
    assert "translation_key: bai-nhap-tu-he-thong-cu-2\n" in second
    assert main(["--root", str(root), "import", str(src)]) == 1  # each is already there: nothing new
    assert capsys.readouterr().err.count("đã có; chưa ghi gì cả") == 2
