from bloc_indexes.pages import page_url, paginate

URLS = {"vi": {"page": "{base}trang/{number}/"}, "en": {"page": "{base}page/{number}/"}}


def test_page_urls_follow_the_url_table():
    assert page_url(URLS, "vi", "2021/", 1) == "2021/"
    assert page_url(URLS, "vi", "2021/", 2) == "2021/trang/2/"
    assert page_url(URLS, "en", "en/2021/", 3) == "en/2021/page/3/"


def test_five_items_two_a_page():
    pages = paginate(list("abcde"), 2, URLS, "vi", "2021/")
    assert [p.items for p in pages] == [["a", "b"], ["c", "d"], ["e"]]
    assert [(p.first, p.last, p.total, p.count) for p in pages] == [(1, 2, 5, 3), (3, 4, 5, 3), (5, 5, 5, 3)]
    assert (pages[0].previous_url, pages[0].next_url) == (None, "2021/trang/2/")
    assert (pages[2].previous_url, pages[2].next_url) == ("2021/trang/2/", None)
    assert pages[1].previous_url == "2021/"


def test_an_empty_list_still_has_one_page():
    [page] = paginate([], 10, URLS, "en", "en/2019/")
    assert (page.url, page.items, page.count, page.first, page.last) == ("en/2019/", [], 1, 0, 0)
