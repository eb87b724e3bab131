from bloc_indexes.consistency import check_all

from .index_items import front

JAN_2021 = "2021-01-20T09:00:00+07:00"


def rendered(items, registry, where=None):
    return [d.render() for d in check_all(items, registry, where)]


def test_the_fixture_site_is_consistent(fixture_items, registry):
    assert rendered(fixture_items, registry) == []


def test_two_heads_for_one_year(items, registry):
    paired = items({
        "a/index.vi.md": front("a", "2019-01-20T09:00:00+07:00", "elections: {year: 2019, head: bca, deputy: bqp}\n"),
        "b/index.vi.md": front("b", "2019-02-20T09:00:00+07:00",
                               "elections:\n  year: 2019\n  head: btp\n  deputy: bqp\n"),
    })
    assert rendered(paired, registry) == [
        "b/index.vi.md:10: error: elections.head: the 2019 head is 'btp' here but 'bca' in a/index.vi.md:8 "
        "(the bloc has one head and one deputy a year: correct one of the two items)"]


def test_the_head_of_one_item_is_the_deputy_of_another(items, registry):
    paired = items({
        "a/index.vi.md": front("a", "2019-01-20T09:00:00+07:00", "elections: {year: 2019, head: bca, deputy: bqp}\n"),
        "b/index.vi.md": front("b", "2019-01-21T09:00:00+07:00", "elections: {year: 2019, head: bqp, deputy: bca}\n"),
    })
    assert [d.field for d in check_all(paired, registry)] == ["elections.head", "elections.deputy"]


def test_an_item_against_the_registry_names_both_places(items, registry):
    paired = items({"a/index.vi.md": front("a", JAN_2021, "elections: {year: 2021, head: bca, deputy: btp}\n")})
    assert rendered(paired, registry, lambda year, fact: f"content/data/bloc.yaml:{year - 2000}") == [
        "a/index.vi.md:8: error: elections.head: the 2021 head is 'bca' here but 'bqp' (verified) in "
        "content/data/bloc.yaml:21 (correct the item, or the registry if its sources say otherwise)"]


def test_a_year_the_registry_does_not_know_accepts_the_item(items, registry):
    paired = items({"a/index.vi.md": front("a", "2020-01-20T09:00:00+07:00",
                                           "elections: {year: 2020, head: bca, deputy: btp}\n")})
    assert rendered(paired, registry) == []  # 2020: head verified (bca), deputy unknown


def test_a_motto_against_the_registry(items, registry):
    paired = items({
        "a/index.vi.md": front("a", JAN_2021, "covenant:\n  year: 2021\n  motto: Đoàn kết, sáng tạo\n"),
        "b/index.vi.md": front("b", JAN_2021, "covenant:\n  year: 2021\n  motto: đoàn kết nêu gương, kỷ cương; "
                                              "sáng tạo - hiệu quả\n"),
    })
    assert rendered(paired, registry) == [
        "a/index.vi.md:10: error: covenant.motto: the 2021 motto differs from the verified one in "
        "content/data/bloc.yaml: 'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả' "
        "(correct the item, or the registry if its sources say otherwise)"]


def test_conferred_before_it_was_proposed(items, registry):
    award = "  - {{award: co-thi-dua-chinh-phu, recipient: btp, year: 2021, status: {}}}\n"
    paired = items({
        "a/index.vi.md": front("a", "2022-03-01T09:00:00+07:00",
                               "event:\n  kinds: [trao-tang]\n  date: 2022-02\nawards:\n" + award.format("conferred")),
        "b/index.vi.md": front("b", "2022-03-10T09:00:00+07:00",
                               "event:\n  kinds: [hoi-nghi-tong-ket]\n  date: 2022-03-09\nawards:\n"
                               + award.format("proposed")),
    })
    assert rendered(paired, registry) == [
        "a/index.vi.md:12: error: awards[0].status: 'co-thi-dua-chinh-phu' for 'btp' (2021) is conferred here "
        "(2022-02) before it was proposed (2022-03-09) in b/index.vi.md:12 "
        "(a conferral follows its proposal: check the event dates and the award's year)"]


def test_partial_dates_that_may_overlap_are_not_a_contradiction(items, registry):
    award = "  - {{award: giay-khen, recipient: btp, year: 2021, status: {}}}\n"
    paired = items({
        "a/index.vi.md": front("a", "2022-03-01T09:00:00+07:00",
                               "event:\n  kinds: [trao-tang]\n  date: 2022-03\nawards:\n" + award.format("conferred")),
        "b/index.vi.md": front("b", "2022-03-10T09:00:00+07:00",
                               "event:\n  kinds: [khac]\n  date: 2022-03-09\nawards:\n" + award.format("proposed")),
    })
    assert rendered(paired, registry) == []


def test_years_out_of_bounds(items, registry):
    paired = items({"a/index.vi.md": front("a", JAN_2021, (
        "event:\n  kinds: [hoi-nghi-tong-ket]\n  date: 2021-01\n  about_year: 2022\n"
        "awards:\n  - {award: giay-khen, recipient: btp, year: 2022, status: proposed}\n"
        "elections: {year: 2023, head: ktnn, deputy: tandtc}\n"
        "covenant:\n  year: 2019\n"))})
    assert rendered(paired, registry) == [
        "a/index.vi.md:14: error: elections.year: the election year 2023 is out of range for an event in 2021 "
        "(expected 2020-2022)",
        "a/index.vi.md:16: error: covenant.year: the covenant year 2019 is out of range for an event in 2021 "
        "(expected 2020-2022)",
        "a/index.vi.md:11: error: event.about_year: the year under review 2022 is out of range for an event "
        "in 2021 (expected 2021 or earlier)",
        "a/index.vi.md:13: error: awards[0].year: the award's year 2022 is out of range for an event in 2021 "
        "(expected 2021 or earlier)",
    ]
