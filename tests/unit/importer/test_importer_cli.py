import shutil
from pathlib import Path

from bloc_cli.main import main

ROOT = Path(__file__).resolve().parents[3]
LEGACY = ROOT / "tests" / "fixtures" / "legacy"


def test_import_then_check(tmp_path, capsys):
    shutil.copytree(ROOT / "content" / "data", tmp_path / "content" / "data")
    assert main(["--root", str(tmp_path), "import", str(LEGACY / "seed-tong-ket-2020.txt")]) == 0
    out = capsys.readouterr()
    path = "content/news/2021/ky-ket-giao-uoc-thi-dua-nam-2021/index.vi.md"
    assert out.out == path + "\n"
    assert "Máy đề xuất: 8 đơn vị thành viên, 4 khen thưởng, 4 người, 4 chú thích ảnh" in out.err
    assert (tmp_path / path).is_file()
    assert main(["--root", str(tmp_path), "check", "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    errors = [line for line in lines if ": error: " in line]
    assert errors[:2] == [
        f"{path}:38: error: photos[0].alt: alt text is required (describe what the photo shows, or set decorative: true)",
        f"{path}:38: error: photos[0].file: photo file missing: 'anh-1.jpg' "
        "(put the photo next to index.vi.md with exactly this name, or correct the name)"]
    assert len(errors) == 8
    assert lines[0] == (f"{path}:5: warning: title: not yet confirmed: tiêu đề máy đặt tạm, hãy viết lại "
                        "(check it against the original article, correct it, then delete the comment '# cần xác nhận')")
    # a second import of the same article does not overwrite the draft
    assert main(["--root", str(tmp_path), "import", str(LEGACY / "seed-tong-ket-2020.txt"), "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err


def test_import_without_year(tmp_path, capsys):
    shutil.copytree(ROOT / "content" / "data", tmp_path / "content" / "data")
    assert main(["--root", str(tmp_path), "import", str(LEGACY / "khong-co-nam.txt")]) == 1
    assert capsys.readouterr().err == "Bài không ghi năm. Hãy thêm ngày diễn ra sự kiện: --date NĂM-THÁNG-NGÀY\n"
    assert main(["--root", str(tmp_path), "import", str(LEGACY / "khong-co-nam.txt"), "--date", "2020-05-01"]) == 0
    assert capsys.readouterr().out.startswith("content/news/2020/")
