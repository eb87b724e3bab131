"""Facts rendered as plain data in each language."""

from pathlib import Path

from bloc_content.facts_view import present
from bloc_content.registries import load_registry
from bloc_content.validate import parse_item

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021"


def test_seed_facts_in_both_languages():
    registry = load_registry(ROOT / "content" / "data", ROOT)[0]
    vi = parse_item((SEED / "index.vi.md").read_bytes(), "vi.md", registry).model
    en = parse_item((SEED / "index.en.md").read_bytes(), "en.md", registry).model
    facts_vi = present(vi, vi, registry, "vi")
    facts_en = present(vi, en, registry, "en")
    assert facts_vi.chair.title == "Uỷ viên Trung ương Đảng, Thứ trưởng Bộ Công an"
    assert facts_en.chair.title == "Member of the Party Central Committee, Deputy Minister, Ministry of Public Security"
    assert facts_vi.chair.representing == "Khối trưởng"
    assert len(facts_en.members_present) == 8
    assert [(a.award, a.recipient.name) for a in facts_en.awards] == [
        ("Government Emulation Flag", "Ministry of Public Security"),
        ("Government Emulation Flag", "Ministry of National Defence"),
        ("Prime Minister's Certificate of Merit", "Management Board of President Ho Chi Minh Mausoleum"),
        ("Prime Minister's Certificate of Merit", "Government Inspectorate"),
    ]
    assert {a.status for a in facts_vi.awards} == {"proposed"}
    assert (facts_vi.head.name, facts_vi.deputy.name) == ("Bộ Quốc phòng", "Bộ Tư pháp")
    assert facts_en.motto == "Solidarity, setting examples, discipline, creativity, effectiveness"
    assert facts_vi.motto == "Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả"
