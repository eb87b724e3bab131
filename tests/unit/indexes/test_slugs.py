import random

from bloc_content.slugs import slugify
from bloc_indexes.published import (
    Redirect,
    UrlClaim,
    check_claims,
    dump_record,
    load_record,
    redirects,
    redirects_file,
    updated_record,
)
from bloc_indexes.slugs import find_collisions


def claim(path: str, url: str, key: str | None = None, lang: str = "vi", line: int = 2) -> UrlClaim:
    return UrlClaim(path, line, key or path.split("/")[0], lang, url)


def rendered(problems) -> list[str]:
    return [d.render() for d in problems]


def test_titles_that_differ_only_in_tone_marks_slugify_the_same():
    assert slugify("Tin bão") == slugify("Tin báo") == slugify("Tin bạo") == slugify("Tin bảo") == "tin-bao"


def test_two_new_items_sharing_a_url_are_errors_naming_both():
    claims = [claim("b/index.vi.md", "tin-tuc/2024/da-nang/", line=3), claim("a/index.vi.md", "tin-tuc/2024/da-nang/")]
    assert rendered(check_claims(claims, {})) == [
        "a/index.vi.md:2: error: slug: the URL 'tin-tuc/2024/da-nang/' would also be the URL of b/index.vi.md:3 "
        "(give one of the items another 'slug:' (e.g. with the place or the date))",
        "b/index.vi.md:3: error: slug: the URL 'tin-tuc/2024/da-nang/' would also be the URL of a/index.vi.md:2 "
        "(give one of the items another 'slug:' (e.g. with the place or the date))"]


def test_the_published_item_keeps_its_url_and_the_newcomer_is_asked_to_change():
    record = {"tin-tuc/2024/da-nang/": ("b", "vi")}
    claims = [claim("b/index.vi.md", "tin-tuc/2024/da-nang/"), claim("a/index.vi.md", "tin-tuc/2024/da-nang/", line=4)]
    assert rendered(check_claims(claims, record)) == [
        "a/index.vi.md:4: error: slug: the URL 'tin-tuc/2024/da-nang/' is already published for b/index.vi.md:2 "
        "(give this item another 'slug:'; a published URL never changes)"]


def test_the_old_url_of_a_moved_item_is_its_redirect_and_no_one_elses_page():
    record = {"tin-tuc/2024/cu/": ("b", "vi")}
    moved = claim("b/index.vi.md", "tin-tuc/2024/moi/")
    assert check_claims([moved], record) == []
    assert redirects([moved], record) == [Redirect("tin-tuc/2024/cu/", "tin-tuc/2024/moi/", "vi")]
    assert redirects_file(redirects([moved], record)) == "/tin-tuc/2024/cu/ /tin-tuc/2024/moi/ 301\n"
    newcomer = claim("a/index.vi.md", "tin-tuc/2024/cu/")
    assert "is already published for b/index.vi.md:2" in rendered(check_claims([moved, newcomer], record))[0]


def test_a_url_of_an_item_that_is_gone_can_be_taken():
    record = {"tin-tuc/2024/cu/": ("xoa", "vi")}
    claims = [claim("a/index.vi.md", "tin-tuc/2024/cu/")]
    assert check_claims(claims, record) == [] and redirects(claims, record) == []
    assert updated_record(claims, record) == {"tin-tuc/2024/cu/": ("a", "vi")}


def test_the_same_key_in_two_languages_is_two_owners():
    record = {"tin-tuc/2024/x/": ("k", "vi"), "en/news/2024/x/": ("k", "en")}
    claims = [claim("k/index.vi.md", "tin-tuc/2024/x/", "k"), claim("k/index.en.md", "en/news/2024/y/", "k", "en")]
    assert redirects(claims, record) == [Redirect("en/news/2024/x/", "en/news/2024/y/", "en")]


def test_the_result_does_not_depend_on_reading_order():
    claims = [claim(f"{i}/index.vi.md", "tin-tuc/2024/hoi-nghi/") for i in range(6)]
    expected = check_claims(claims, {})
    for _ in range(5):
        random.shuffle(claims)
        assert check_claims(claims, {}) == expected


def test_the_record_round_trips_sorted_and_keeps_every_url():
    record = {"tin-tuc/2024/b/": ("b", "vi"), "en/news/2024/a: x/": ("a", "en")}
    text = dump_record(record)
    assert load_record(text) == record
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines == ["'en/news/2024/a: x/': {key: a, lang: en}", "tin-tuc/2024/b/: {key: b, lang: vi}"]
    added = updated_record([claim("c/index.vi.md", "tin-tuc/2024/c/")], record)
    assert set(added) == {*record, "tin-tuc/2024/c/"}


def test_pages_written_twice_are_reported():
    problems = find_collisions([("2021/trang/2/index.html", "the 2021 page (vi)"),
                                ("2021/trang/2/index.html", "news/x/index.vi.md"),
                                ("2021/index.html", "the 2021 page (vi)")])
    assert [d.render() for d in problems] == [
        "news/x/index.vi.md: error: would be written to '2021/trang/2/index.html', which is also the page of "
        "the 2021 page (vi) (change a slug or a URL pattern in BLOC_URLS)"]
