import random

from bloc_content.slugs import slugify
from bloc_indexes.slugs import SlugClaim, find_collisions, resolve_slugs


def claim(path: str, slug: str, year: int = 2021, fixed: str | None = None, line: int = 2) -> SlugClaim:
    return SlugClaim(path, line, slug, lambda s: fixed or f"tin-tuc/{year}/{s}/", fixed is not None)


def test_titles_that_differ_only_in_tone_marks_slugify_the_same():
    assert slugify("Tin bão") == slugify("Tin báo") == "tin-bao"


def test_the_first_by_path_keeps_its_slug_the_others_are_numbered():
    claims = [claim("b/index.vi.md", "tin-bao"), claim("a/index.vi.md", "tin-bao"), claim("c/index.vi.md", "tin-bao")]
    changed, problems = resolve_slugs(claims)
    assert changed == {"b/index.vi.md": "tin-bao-2", "c/index.vi.md": "tin-bao-3"}
    assert problems[0].render() == (
        "b/index.vi.md:2: warning: slug: the slug 'tin-bao' is also the slug of a/index.vi.md:2; "
        "this item is published as 'tin-bao-2' (give the item its own slug to choose its URL)")
    assert {d.severity for d in problems} == {"warning"}


def test_the_result_does_not_depend_on_reading_order():
    claims = [claim(f"{i}/index.vi.md", "hoi-nghi") for i in range(6)]
    expected = resolve_slugs(claims)[0]
    for _ in range(5):
        random.shuffle(claims)
        assert resolve_slugs(claims)[0] == expected


def test_an_item_really_named_like_a_numbered_slug_keeps_it():
    claims = [claim("a/index.vi.md", "tin-bao"), claim("b/index.vi.md", "tin-bao"), claim("z/index.vi.md", "tin-bao-2")]
    changed, _ = resolve_slugs(claims)
    assert changed == {"b/index.vi.md": "tin-bao-3"}


def test_the_same_slug_in_another_year_is_no_collision():
    changed, problems = resolve_slugs([claim("a/index.vi.md", "tin-bao", 2021), claim("b/index.vi.md", "tin-bao", 2022)])
    assert (changed, problems) == ({}, [])


def test_a_fixed_url_that_collides_is_an_error_naming_both():
    claims = [claim("a/index.vi.md", "x", fixed="tin-tuc/dac-biet/"), claim("b/index.vi.md", "y", fixed="tin-tuc/dac-biet/")]
    changed, problems = resolve_slugs(claims)
    assert changed == {}
    assert [d.render() for d in problems] == [
        "b/index.vi.md:2: error: slug: the URL 'tin-tuc/dac-biet/' is also the URL of a/index.vi.md:2 "
        "(give one of the two items another slug)"]


def test_a_movable_slug_gives_way_to_a_fixed_url():
    claims = [claim("a/index.vi.md", "dac-biet"), claim("b/index.vi.md", "y", fixed="tin-tuc/2021/dac-biet/")]
    changed, _ = resolve_slugs(claims)
    assert changed == {"a/index.vi.md": "dac-biet-2"}


def test_pages_written_twice_are_reported():
    problems = find_collisions([("2021/trang/2/index.html", "the 2021 page (vi)"),
                                ("2021/trang/2/index.html", "news/x/index.vi.md"),
                                ("2021/index.html", "the 2021 page (vi)")])
    assert [d.render() for d in problems] == [
        "news/x/index.vi.md: error: would be written to '2021/trang/2/index.html', which is also the page of "
        "the 2021 page (vi) (change a slug or a URL pattern in BLOC_URLS)"]
