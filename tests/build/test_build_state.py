"""One build state per build, reached through Pelican's settings and context: two builds in
one process never see each other's items, problems or pages; an article carries what the
plugins add to it as one declared view, and Pelican's own content is left as it was read."""

from __future__ import annotations

import shutil
from dataclasses import fields
from pathlib import Path

import pytest
from blinker import Signal
from bloc_content.article_view import ArticleView
from bloc_content.build_state import STATE_KEY, BuildState, build_state
from bloc_content.diagnostics import ContentError
from bloc_seo.seo_state import SeoState
from bs4 import BeautifulSoup
from pelican import Pelican, signals
from pelican.contents import Article
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site" / "content"
FIRST = "news/2021/tong-ket-2020-ky-giao-uoc-2021"
SECOND = "news/2022/tong-ket-2021"

seen: dict[str, list] = {}


def _capture(generator) -> None:  # module level: blinker holds receivers weakly
    seen.setdefault("states", []).append(generator.context[STATE_KEY])
    seen.setdefault("articles", []).append([*generator.articles, *generator.translations])


def _site(root: Path, item: str, broken: bool = False) -> Path:
    shutil.copytree(FIXTURE / item, root / "content" / item)
    # the registries, not the project's record of published URLs (a build adds its URLs to it)
    shutil.copytree(ROOT / "content" / "data", root / "content" / "data", ignore=shutil.ignore_patterns("urls.yaml"))
    if broken:  # an unknown organisation: a content error, reported and failing the build
        path = root / "content" / item / "index.vi.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("host: bca", "host: bo-khong-co", 1), encoding="utf-8")
        assert "bo-khong-co" in path.read_text(encoding="utf-8")
    return root


def _build(root: Path) -> Pelican:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / "output"),
        "BLOC_ROOT": str(root),
        "BLOC_DATA_PATH": str(root / "content" / "data"),
        "THEME": str(ROOT / "theme"),
        "CACHE_PATH": str(root / ".cache" / "pelican"),
        "BLOC_PHOTOS_CACHE": str(root / ".cache" / "photos"),
        "BLOC_SEARCH_ENABLED": False,  # Pagefind is not what this test is about
        "BLOC_CMS_ADMIN": False,
    })
    pelican = Pelican(settings)
    pelican.run()
    return pelican


@pytest.fixture(scope="module")
def three_builds(tmp_path_factory):
    """One item, built; the same item broken (the build fails); another item, built."""
    seen.clear()
    signals.article_generator_finalized.connect(_capture)
    try:
        first = _build(_site(tmp_path_factory.mktemp("first"), FIRST))
        with pytest.raises(ContentError) as failed:
            _build(_site(tmp_path_factory.mktemp("broken"), FIRST, broken=True))
        third = _build(_site(tmp_path_factory.mktemp("third"), SECOND))
    finally:
        signals.article_generator_finalized.disconnect(_capture)
    return first, failed.value, third, seen["states"], seen["articles"]


def _urls(articles) -> set[str]:
    return {a.url for a in articles}


def test_each_build_has_its_own_state(three_builds):
    first, failed, third, states, articles = three_builds
    assert len(states) == 3 and all(isinstance(s, BuildState) for s in states) and len({id(s) for s in states}) == 3
    assert build_state(first.settings) is states[0] and build_state(third.settings) is states[2]
    assert [i.original.path.split("/news/")[1].rsplit("/", 1)[0] for i in states[0].items] == [FIRST[5:]]
    assert [i.original.path.split("/news/")[1].rsplit("/", 1)[0] for i in states[2].items] == [SECOND[5:]]
    # The broken build's error stays with it: the next one reports nothing of it, and succeeds.
    assert any("bo-khong-co" in d.message and d.severity == "error" for d in failed.diagnostics)
    assert not [d for d in states[2].diagnostics if FIRST in d.path or d.severity == "error"]
    # Pages of the first build are in its own state and sitemap only.
    first_urls, third_urls = _urls(articles[0]), _urls(articles[2])
    assert first_urls and third_urls and not first_urls & third_urls
    assert first_urls <= states[0].part(SeoState).pages.keys()
    assert not first_urls & states[2].part(SeoState).pages.keys()
    sitemap = (Path(third.settings["OUTPUT_PATH"]) / "sitemap.xml").read_text(encoding="utf-8")
    assert all(url in sitemap for url in third_urls) and not any(url in sitemap for url in first_urls)


def test_the_state_is_not_pickled_into_the_content_cache():
    import pickle

    state = BuildState({})
    assert pickle.loads(pickle.dumps({STATE_KEY: state})) == {STATE_KEY: None}


def test_an_article_gets_one_declared_view_and_nothing_else(three_builds):
    shown = three_builds[4][2]
    assert {a.lang for a in shown} == {"vi", "en"}
    for article in shown:
        assert isinstance(article.view, ArticleView)
        # What Pelican itself sets on an article read with the same metadata, and its caches.
        plain = Article(article._content, dict(article.metadata), settings=article.settings,
                        source_path=article.source_path, context=article._context)
        # override_url/override_save_as: Pelican's own way to set one article's URL (BLOC_URLS[its language])
        pelican_own = set(vars(plain)) | {"translations", "override_url", "override_save_as", "get_content",
                                          "get_summary", "_summary"}
        assert set(vars(article)) - pelican_own == {"view"}, article.source_path
        assert all(f.name in vars(article.view) for f in fields(ArticleView))


def test_the_page_shows_the_view_body_and_pelican_content_is_untouched(three_builds):
    third, articles = three_builds[2], three_builds[4][2]
    for article in articles:
        page = BeautifulSoup((Path(third.settings["OUTPUT_PATH"]) / article.save_as).read_text(encoding="utf-8"),
                             "html5lib")
        body = page.select_one(".item-body")
        assert body is not None and body.get_text(strip=True)
        assert BeautifulSoup(str(article.view.body), "html5lib").get_text(strip=True) == body.get_text(strip=True)
        assert article.content == article._content  # read, never written


def test_receivers_run_in_the_order_of_plugins(tmp_path):
    """The order of PLUGINS is the only order: every signal calls our receivers in it."""
    from pelican.plugins import signals as all_signals

    pelican = Pelican(read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(_site(tmp_path, SECOND) / "content"), "OUTPUT_PATH": str(tmp_path / "output"),
        "BLOC_DATA_PATH": str(tmp_path / "content" / "data"), "CACHE_PATH": str(tmp_path / ".cache")}))
    order = list(pelican.settings["PLUGINS"])
    checked = 0
    for signal in vars(all_signals).values():
        if not isinstance(signal, Signal):
            continue
        plugins = [getattr(r, "__module__", "").split(".")[0] for r in signal.receivers_for(None)]
        ours = [p for p in dict.fromkeys(plugins) if p in order]
        assert ours == sorted(ours, key=order.index), (signal.name, ours)
        checked += len(ours) > 1
    assert checked >= 3  # initialized, generator_init, finalized at least
    assert isinstance(build_state(pelican.settings), BuildState)
