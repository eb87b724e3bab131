"""The listing pages of a real build: years, members, home; consistency errors fail the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, build, make_content, parse

pytestmark = pytest.mark.slow  # builds the fixture site with its own settings

SOURCE_2021 = ("https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/"
               "ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong-100631.html")
SEED_VI = "tin-tuc/2021/ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong/"
SEED_EN = "en/news/2021/central-internal-affairs-emulation-bloc-signs-2021-emulation-covenant/"
MEMBERS = {
    "bo-cong-an": "ministry-of-public-security", "bo-quoc-phong": "ministry-of-national-defence",
    "bo-tu-phap": "ministry-of-justice", "vien-kiem-sat-nhan-dan-toi-cao": "supreme-peoples-procuracy",
    "toa-an-nhan-dan-toi-cao": "supreme-peoples-court", "kiem-toan-nha-nuoc": "state-audit-office",
    "thanh-tra-chinh-phu": "government-inspectorate",
    "ban-quan-ly-lang-chu-tich-ho-chi-minh": "ho-chi-minh-mausoleum-management-board",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site built with two items a page, so that 2021 has two pages."""
    base = tmp_path_factory.mktemp("indexes")
    settings = base / "settings.py"
    settings.write_text(
        "from pelicanconf import *  # noqa: F403\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"CACHE_PATH = {str(base / 'cache')!r}\nBLOC_INDEX_PAGE_SIZE = 2\n", encoding="utf-8")
    result = build(make_content(base / "content"), base / "output", settings=str(settings))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def open_page(site):
    def open_(url: str):
        return parse(site.output / url / "index.html")
    return open_


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def links(node) -> list[str]:
    return [a["href"] for a in node.find_all("a")]


def test_2021_summary_in_both_languages(open_page):
    for url, head, deputy, motto, member in [
        ("2021", "Bộ Quốc phòng", "Bộ Tư pháp", "Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả", "/bo-nganh/bo-quoc-phong/"),
        ("en/2021", "Ministry of National Defence", "Ministry of Justice",
         "Solidarity, setting examples, discipline, creativity, effectiveness", "/en/members/ministry-of-national-defence/"),
    ]:
        page = open_page(url)
        assert page.html["lang"] == ("en" if url.startswith("en") else "vi")
        summary = page.select_one(".year-summary")
        assert text(summary.select_one(".head .org")) == head
        assert summary.select_one(".head .org a")["href"] == member
        assert text(summary.select_one(".deputy .org")) == deputy
        assert text(summary.select_one(".motto q")) == motto
        assert SOURCE_2021 in links(summary.select_one(".head .sources"))


def test_2021_lists_the_seed_items_awards_in_the_year_of_its_conference(open_page):
    table = open_page("en/2021").select_one(".year-awards table")
    assert text(table.caption) == "Awards proposed and conferred in 2021"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 5
    rows = [[text(td) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert ["Government Emulation Flag", "Ministry of Public Security", "2020", "Proposed by the bloc",
            "Central Internal Affairs Emulation Bloc reviews 2020 and signs its 2021 emulation covenant"] in rows


def test_2022_to_2024_show_their_verified_leadership_with_sources(open_page):
    expected = {2022: ("Ministry of Justice", "Management Board of President Ho Chi Minh Mausoleum"),
                2023: ("State Audit Office of Viet Nam", "Supreme People's Court"),
                2024: ("Supreme People's Court", "Supreme People's Procuracy")}
    for year, (head, deputy) in expected.items():
        summary = open_page(f"en/{year}").select_one(".year-summary")
        assert text(summary.select_one(".head .org")) == head
        assert text(summary.select_one(".deputy .org")) == deputy
        assert text(summary.select_one(".head .status")) == "(verified)"
        assert all(href.startswith("http") for href in links(summary.select_one(".head .sources")))
    motto_2023 = open_page("en/2023").select_one(".year-summary .motto")
    assert text(motto_2023.q) == "Solidarity, discipline, creativity, emulating to excellently fulfil tasks"
    assert motto_2023.select_one(".sources a")
    motto_2022 = open_page("2022").select_one(".year-summary .motto")  # only the news states it
    assert text(motto_2022.select_one(".status")) == "(theo tin trên trang, chưa xác minh)"


def test_unknown_leadership_is_said_in_words(open_page):
    for url, words in [("2019", "Chưa rõ"), ("en/2019", "Not known"), ("en/2025", "Not known")]:
        summary = open_page(url).select_one(".year-summary")
        for role in ("head", "deputy", "motto"):
            assert text(summary.select_one(f".{role} .unknown")).startswith(words)
    assert text(open_page("en/2020").select_one(".year-summary .deputy")).startswith("Not known")


def test_year_pages_paginate_newest_first(site, open_page):
    first, second = open_page("2021"), open_page("2021/trang/2")
    assert not (site.output / "2021/trang/3").exists()
    titles = [text(h) for h in first.select("#year-items h3")] + [text(h) for h in second.select("#year-items h3")]
    assert titles[-1] == "Ký Giao ước thi đua Khối thi đua các bộ, ngành Nội chính Trung ương"
    assert titles[:2] == ["Tin báo", "Tin bão"]  # 13 and 12 October 2021
    assert first.select_one(".pagination a[rel=next]")["href"] == "/2021/trang/2/"
    assert second.select_one(".pagination a[rel=prev]")["href"] == "/2021/"
    assert second.select_one(".year-summary") is None
    english = open_page("en/2021/page/2")
    assert SEED_EN in [h.a["href"].lstrip("/") for h in english.select("#year-items h3")]
    assert links(second.select_one(".language-toggle")) == ["/en/2021/page/2/"]
    assert links(english.select_one(".language-toggle")) == ["/2021/trang/2/"]


def test_every_member_has_a_page_in_both_languages(open_page):
    for vi, en in MEMBERS.items():
        page_vi, page_en = open_page(f"bo-nganh/{vi}"), open_page(f"en/members/{en}")
        assert links(page_vi.select_one(".language-toggle")) == [f"/en/members/{en}/"]
        assert links(page_en.select_one(".language-toggle")) == [f"/bo-nganh/{vi}/"]
        assert page_en.select_one(".member-facts .website a")["href"].startswith("http")


def test_the_ministry_of_public_security_was_proposed_for_the_government_flag(open_page):
    page = open_page("en/members/ministry-of-public-security")
    assert text(page.h1) == "Ministry of Public Security"
    assert text(page.select_one(".short-name")) == "MPS"
    rows = page.select(".member-awards tbody tr")
    proposed = [r for r in rows if text(r.find_all("td")[1]) == "Government Emulation Flag"
                and text(r.find_all("td")[3]) == "Proposed by the bloc"]
    assert [r.find_all("td")[4].a["href"] for r in proposed] == [f"/{SEED_EN}"]
    conferred = [text(td) for r in rows for td in r.find_all("td")[:3] if "Conferred" in text(r)]
    assert conferred == ["2022", "Government Emulation Flag", "2020"]


def test_the_ministry_of_justice_award_and_leadership_history(open_page):
    page = open_page("bo-nganh/bo-tu-phap")
    rows = [[text(td) for td in r.find_all("td")[:4]] for r in page.select(".member-awards tbody tr")]
    assert [r[0] for r in rows] == ["2019", "2020", "2022", "2023", "2024", "2024"]
    assert rows[1] == ["2020", "Cờ thi đua của Chính phủ", "2018", "Đã tặng (Quyết định số 100/QĐ-TTg)"]
    roles = [[text(td) for td in r.find_all("td")[:3]] for r in page.select(".member-leadership tbody tr")]
    assert roles == [["2021", "Khối phó", "đã xác minh"], ["2022", "Khối trưởng", "đã xác minh"]]
    assert SEED_VI in [h.a["href"].lstrip("/") for h in member_pages(open_page, "bo-nganh/bo-tu-phap")[1]]


def member_pages(open_page, url: str) -> tuple[list, list]:
    """Every page of a member's listing, following rel=next, and the item headings of all of them."""
    pages = [open_page(url)]
    while (following := pages[-1].select_one(".pagination a[rel=next]")) is not None:
        pages.append(open_page(following["href"].strip("/")))
    return pages, [h for page in pages for h in page.select("#member-items h3")]


def test_member_pages_paginate_like_year_pages_with_the_history_on_page_one(site, open_page):
    pages, headings = member_pages(open_page, "bo-nganh/bo-tu-phap")
    assert all(len(page.select("#member-items h3")) == 2 for page in pages)
    assert pages[1].select_one(".pagination a[rel=prev]")["href"] == "/bo-nganh/bo-tu-phap/"
    assert pages[0].select_one(".pagination a[rel=next]")["href"] == "/bo-nganh/bo-tu-phap/trang/2/"
    assert len(pages) == 4 and len(headings) == 8
    assert text(pages[1].select_one(".page-status")) == "Tin 3 đến 4 trong 8 tin, mới nhất trước (trang 2/4)."
    # The award history and the leadership years on the first page only; later pages link back.
    assert pages[0].select_one(".member-awards") and pages[0].select_one(".member-leadership")
    for page in pages[1:]:
        assert page.select_one(".member-awards") is None and page.select_one(".member-leadership") is None
        assert page.select_one(".page-intro a")["href"] == "/bo-nganh/bo-tu-phap/"
        assert len(page.find_all("h1")) == 1 and "Bộ Tư pháp (trang " in page.title.get_text()
    # Newest first across the pages, no item twice.
    hrefs = [h.a["href"] for h in headings]
    assert len(hrefs) == len(set(hrefs))
    dates = [page_date for page in pages for page_date in (t["datetime"] for t in page.select("#member-items time"))]
    assert dates == sorted(dates, reverse=True)
    # The language toggle of page 2 leads to the English page 2.
    assert links(pages[1].select_one(".language-toggle")) == ["/en/members/ministry-of-justice/page/2/"]
    english, _ = member_pages(open_page, "en/members/ministry-of-justice")
    assert links(english[1].select_one(".language-toggle")) == ["/bo-nganh/bo-tu-phap/trang/2/"]


def test_members_index_counts(open_page):
    table = open_page("en/members").select_one("table.members")
    rows = {text(r.th): [text(td) for td in r.find_all("td")] for r in table.tbody.find_all("tr")}
    assert len(rows) == 8
    assert all(r.th["scope"] == "row" for r in table.tbody.find_all("tr"))
    assert rows["Ministry of Justice"][2:] == ["3", "3", "1", "1"]  # proposed, conferred, head, deputy


def test_years_index_and_home(open_page):
    table = open_page("nam").select_one("table.years")
    years = [text(r.th) for r in table.tbody.find_all("tr")]
    assert {"2019", "2020", "2021", "2022", "2023", "2024", "2025"} <= set(years)
    assert years == sorted(years, reverse=True)
    home = open_page("en")
    current = home.select_one(".current-year")
    assert text(current.h2) == "The bloc in 2024"
    assert text(current.select_one(".head .org")) == "Supreme People's Court"
    assert "/en/years/" in links(home.select_one(".browse")) and "/en/members/" in links(home.select_one(".browse"))
    nav = home.select_one(".site-nav")
    assert [a["href"] for a in nav.select("a[aria-current=page]")] == ["/en/"]
    assert [a["href"] for a in open_page("en/years").select(".site-nav a[aria-current=page]")] == ["/en/years/"]


def test_tables_and_lists_are_labelled(open_page):
    for url in ("", "en", "2021", "en/2021/page/2", "nam", "en/members", "bo-nganh/bo-tu-phap", "en/2019"):
        main = open_page(url).main
        for table in main.find_all("table"):
            assert table.caption and text(table.caption)
            assert all(th.get("scope") in ("col", "row") for th in table.find_all("th"))
        for lst in main.find_all(["ul", "ol"]):
            if lst.find_parent("nav", attrs={"aria-label": True}):
                continue
            assert lst.get("aria-label") or lst.get("aria-labelledby"), (url, str(lst)[:80])


def test_tone_marks_and_explicit_slugs_give_distinct_urls(site, open_page):
    # 'Tin báo' and 'Tin bão' slugify the same: the second has its own slug (a shared URL is
    # an error, see test_urls.py)
    assert text(open_page("tin-tuc/2021/tin-bao").h1) == "Tin báo"
    assert text(open_page("tin-tuc/2021/tin-bao-ung-ho").h1) == "Tin bão"
    assert text(open_page("tin-tuc/2023/hoi-nghi-trien-khai-2023").h1) == "Triển khai công tác năm 2023"
    assert text(open_page("en/news/2023/bloc-conference-launch-2023").h1) == "Launching the 2023 work"
    assert open_page("tin-tuc/2024/trang-2").h1  # a slug that looks like a page number
    assert "slug" not in site.stderr


ITEM = """---
title: {title}
lang: vi
translation_key: {key}
published: {published}
summary: Tin kiểm thử.
byline: Ban biên tập
{facts}---

Nội dung.
"""


def write(content: Path, folder: str, published: str, facts: str, title: str | None = None) -> Path:
    path = content / "news" / folder / "index.vi.md"
    path.parent.mkdir(parents=True)
    path.write_text(ITEM.format(title=title or folder, key=folder.replace("/", "-"), published=published,
                                facts=facts), encoding="utf-8")
    return path


def test_consistency_errors_fail_the_build(tmp_path):
    content = make_content(tmp_path / "content", source=None)
    a = write(content, "2019/a", "2019-01-20T09:00:00+07:00", "elections: {year: 2019, head: bca, deputy: bqp}\n")
    b = write(content, "2019/b", "2019-02-20T09:00:00+07:00", "elections: {year: 2019, head: btp, deputy: bqp}\n")
    c = write(content, "2021/c", "2021-01-20T09:00:00+07:00",
              "elections: {year: 2021, head: bca, deputy: btp}\ncovenant:\n  year: 2021\n  motto: Đoàn kết\n")
    d = write(content, "2022/d", "2022-02-20T09:00:00+07:00",
              "event:\n  kinds: [trao-tang]\n  date: 2022-02-10\n"
              "awards:\n  - {award: giay-khen, recipient: btp, year: 2021, status: conferred}\n")
    e = write(content, "2022/e", "2022-03-20T09:00:00+07:00",
              "event:\n  kinds: [khac]\n  date: 2022-03\n"
              "awards:\n  - {award: giay-khen, recipient: btp, year: 2023, status: proposed}\n"
              "  - {award: giay-khen, recipient: btp, year: 2021, status: proposed}\n")
    result = build(content, tmp_path / "output")
    assert result.returncode == 1
    registry = content / "data" / "bloc.yaml"
    assert result.errors == [
        f"{b}:8: error: elections.head: the 2019 head is 'btp' here but 'bca' in "
        f"{a}:8 (the bloc has one head and one deputy a year: correct one of the two items)",
        f"{c}:8: error: elections.head: the 2021 head is 'bca' here but 'bqp' (verified) in {registry}:35 "
        "(correct the item, or the registry if its sources say otherwise)",
        f"{c}:11: error: covenant.motto: the 2021 motto differs from the verified one in {registry}:43: "
        "'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả' (correct the item, or the registry if its sources say "
        "otherwise)",
        f"{d}:12: error: awards[0].status: 'giay-khen' for 'btp' (2021) is conferred here (2022-02-10) before it "
        f"was proposed (2022-03) in {e}:13 (a conferral follows its proposal: check the event dates and the "
        "award's year)",
        f"{e}:12: error: awards[0].year: the award's year 2023 is out of range for an event in 2022 "
        "(expected 2022 or earlier)",
    ]
    assert not (tmp_path / "output").exists()


def _card(page) -> tuple[str, str]:
    return (page.find("meta", attrs={"property": "og:image"})["content"],
            page.find("meta", attrs={"property": "og:image:alt"})["content"])


def test_every_page_of_a_list_shares_the_lists_social_card(open_page):
    """One card a list (what a shared link shows is the list), not one picture per page."""
    member, _ = member_pages(open_page, "bo-nganh/bo-tu-phap")
    years = [open_page("2021"), open_page("2021/trang/2")]
    english, _ = member_pages(open_page, "en/members/ministry-of-justice")
    for pages, words in ((member, "Bộ Tư pháp"), (years, "2021"), (english, "Ministry of Justice")):
        cards = {_card(page) for page in pages}
        assert len(cards) == 1, cards
        image, alt = cards.pop()
        assert image.endswith(".png") and words in alt and "trang" not in alt and "page" not in alt
    assert len({_card(member[0]), _card(years[0]), _card(english[0])}) == 3
