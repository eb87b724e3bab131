from bloc_indexes.records import member_histories, year_summaries
from bloc_indexes.views import Link, member_view, sources, year_view


def link_of(key: str, lang: str):
    # Only the Vietnamese version of 'x' exists: the English page links to it.
    return Link(f"{key} ({lang})", f"{lang}/{key}/", lang) if key != "x" else Link("x", "vi/x/", "vi")


def test_sources_are_labelled_by_their_host():
    assert sources(["https://www.moj.gov.vn/qt/tintuc/Pages/a.aspx?ItemID=1"])[0].label == "www.moj.gov.vn"


def test_a_year_in_english_names_the_roles_and_organisations(fixture_items, registry):
    view = year_view(year_summaries(fixture_items, registry)[2021], registry, "en", link_of)
    assert (view.head.role, view.head.org.name, view.head.org.slug) == (
        "Bloc head", "Ministry of National Defence", "ministry-of-national-defence")
    assert (view.deputy.role, view.deputy.org.name) == ("Deputy bloc head", "Ministry of Justice")
    assert view.motto == "Solidarity, setting examples, discipline, creativity, effectiveness"
    assert [s.label for s in view.head.sources] == ["baovephapluat.vn"]
    flag = [a for a in view.awards if a.recipient.id == "bca"]
    assert [(a.award, a.for_year, a.status, a.item.lang) for a in flag] == [
        ("Government Emulation Flag", 2020, "proposed", "en")]


def test_an_unknown_year_has_no_organisation_and_no_motto(fixture_items, registry):
    view = year_view(year_summaries(fixture_items, registry)[2019], registry, "vi", link_of)
    assert (view.head.org, view.head.status, view.motto, view.motto_status) == (None, "unknown", None, "unknown")
    assert view.head.role == "Khối trưởng"


def test_a_member_in_both_languages(fixture_items, registry):
    years = year_summaries(fixture_items, registry)
    history = member_histories(fixture_items, registry, years, {})["vksndtc"]
    vi, en = (member_view(history, registry, lang, link_of, {}) for lang in ("vi", "en"))
    assert (vi.name, vi.short, vi.slug, vi.website) == (
        "Viện Kiểm sát nhân dân tối cao", "VKSNDTC", "vien-kiem-sat-nhan-dan-toi-cao", "https://vksndtc.gov.vn/")
    assert (en.official_name, en.short, en.website) == (
        "Supreme People's Procuracy of Viet Nam", "SPP", "https://www.vksndtc.gov.vn/en")
    assert [(year, role.role) for year, role in en.roles] == [(2024, "Deputy bloc head")]
    assert en.counts == {"items": 0, "proposed": 0, "conferred": 0, "head": 0, "deputy": 1}
