from bloc_indexes.records import award_records, current_year, member_histories, year_summaries

from .index_items import front

SEED = "tong-ket-2020-ky-giao-uoc-2021"
SOURCE_2021 = ("https://baovephapluat.vn/kiem-sat-24h/ban-tin-kiem-sat/"
               "ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong-100631.html")


def test_every_registry_year_and_content_year_has_a_summary(fixture_items, registry):
    years = year_summaries(fixture_items, registry)
    assert list(years) == [2019, 2020, 2021, 2022, 2023, 2024, 2025]


def test_2021_leadership_is_verified_with_its_source_and_the_seed_item(fixture_items, registry):
    year = year_summaries(fixture_items, registry)[2021]
    assert (year.head.org, year.head.status, year.head.sources) == ("bqp", "verified", [SOURCE_2021])
    assert (year.deputy.org, year.deputy.status) == ("btp", "verified")
    assert [w.key for w in year.head.items] == [SEED]
    assert year.motto.status == "verified"
    assert year.motto.text == {"vi": "Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả",
                               "en": "Solidarity, setting examples, discipline, creativity, effectiveness"}


def test_unknown_years_stay_unknown(fixture_items, registry):
    years = year_summaries(fixture_items, registry)
    for year in (2019, 2025):
        assert (years[year].head.org, years[year].head.status) == (None, "unknown")
        assert years[year].deputy.status == "unknown"
        assert years[year].motto.status == "unknown"
    assert (years[2020].head.org, years[2020].deputy.status) == ("bca", "unknown")


def test_a_motto_only_in_the_news_is_recorded_not_verified(fixture_items, registry):
    motto = year_summaries(fixture_items, registry)[2022].motto
    assert motto.status == "recorded"
    assert motto.text["vi"] == "Đoàn kết, kỷ cương, đổi mới, hiệu quả"
    assert motto.text["en"] == "Solidarity, discipline, renewal, effectiveness"
    assert [w.key for w in motto.items] == ["tong-ket-2021"]


def test_leadership_only_in_the_news_is_recorded(items, registry):
    paired = items({"x/index.vi.md": front("x", "2019-01-20T09:00:00+07:00",
                                           "elections: {year: 2019, head: bca, deputy: bqp}\n")})
    year = year_summaries(paired, registry)[2019]
    assert (year.head.org, year.head.status, year.head.sources) == ("bca", "recorded", [])
    assert [(w.key, w.path, w.line) for w in year.head.items] == [("x", "x/index.vi.md", 8)]


def test_an_award_belongs_to_the_year_of_its_event_and_keeps_its_results_year(fixture_items, registry):
    years = year_summaries(fixture_items, registry)
    seed_awards = [(a.award, a.recipient, a.for_year, a.status) for a in years[2021].awards]
    assert ("co-thi-dua-chinh-phu", "bca", 2020, "proposed") in seed_awards
    assert all(a.year == 2021 for a in years[2021].awards)
    assert not [a for a in years[2020].awards if a.status == "proposed"]


def test_an_award_without_an_event_belongs_to_the_year_of_publication(items):
    paired = items({"x/index.vi.md": front("x", "2022-03-01T09:00:00+07:00",
                                           "awards:\n  - {award: giay-khen, recipient: btp, year: 2021, "
                                           "status: conferred}\n")})
    [award] = award_records(paired)
    assert (award.year, award.for_year, award.where.line) == (2022, 2021, 9)


def test_conferences_and_items_of_a_year(fixture_items, registry):
    year = year_summaries(fixture_items, registry)[2021]
    assert year.conferences == [SEED, "so-ket-6-thang-2021"]
    assert sorted(year.items) == sorted([SEED, "so-ket-6-thang-2021", "ung-ho-vung-bao-2021",
                                         "gap-mat-bao-chi-2021"])


def test_current_year_is_the_latest_with_a_known_head_or_deputy(fixture_items, registry):
    assert current_year(year_summaries(fixture_items, registry)) == 2024
    assert current_year({}) is None


def test_member_history_of_the_ministry_of_justice(fixture_items, registry):
    years = year_summaries(fixture_items, registry)
    involved = {item.key: ["btp"] for item in fixture_items}
    history = member_histories(fixture_items, registry, years, involved)["btp"]
    assert [(a.year, a.award, a.for_year, a.status) for a in history.awards] == [
        (2019, "co-thi-dua-chinh-phu", 2018, "proposed"),
        (2020, "co-thi-dua-chinh-phu", 2018, "conferred"),
        (2022, "co-thi-dua-chinh-phu", 2021, "proposed"),
        (2023, "bang-khen-thu-tuong", 2022, "proposed"),
        (2024, "co-thi-dua-chinh-phu", 2021, "conferred"),
        (2024, "bang-khen-thu-tuong", 2022, "conferred"),
    ]
    assert [(year, role) for year, role, _ in history.roles] == [(2021, "deputy"), (2022, "head")]
    assert history.items.index("tong-ket-2023") < history.items.index("tong-ket-2022")  # newest first
    assert len(history.items) == len(fixture_items)


def test_every_member_has_a_history_even_when_empty(registry):
    histories = member_histories([], registry, {}, {})
    assert list(histories) == registry.members
    assert histories["bca"].awards == [] and histories["bca"].items == []
