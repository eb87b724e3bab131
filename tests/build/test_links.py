"""Every internal link of the built site resolves: pages, assets, srcset candidates,
fragments, language alternates and sitemap entries. External links are not fetched."""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT, build, make_content, parse

URL_ATTRIBUTES = {"a": ["href"], "link": ["href"], "img": ["src", "srcset"], "source": ["srcset"],
                  "script": ["src"], "iframe": ["src"], "form": ["action"]}


def pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def urls_of(soup) -> list[tuple[str, str]]:
    found = []
    for tag, attributes in URL_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                if attribute == "srcset":
                    found += [(tag, candidate.split()[0]) for candidate in value.split(",") if candidate.strip()]
                else:
                    found.append((tag, value))
    return found


def origin_of(settings: str) -> str:
    """The absolute address a settings file gives the site (links to it are internal)."""
    spec = importlib.util.spec_from_file_location("_links_settings", ROOT / settings)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BLOC_SITE_ORIGIN.rstrip("/")


def target_of(output: Path, page: Path, url: str, origin: str = "") -> tuple[Path, str] | None:
    """The file a URL of `page` names and its fragment; None for external ones."""
    if origin and (url == origin or url.startswith(origin + "/")):
        url = url[len(origin):] or "/"
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel") or (parts.scheme or parts.netloc):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    base = output if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


@cache
def ids_of(path: Path) -> frozenset[str]:
    soup = parse(path)
    return frozenset(element["id"] for element in soup.find_all(id=True)) | frozenset(
        element["name"] for element in soup.find_all("a", attrs={"name": True}))


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """The fixture site built with publishconf.py, as the deployment builds it."""
    base = tmp_path_factory.mktemp("published")
    result = build(make_content(base / "content"), base / "output", settings="publishconf.py")
    assert result.returncode == 0, result.stderr
    return result.output


@pytest.mark.parametrize("which, settings", [("built_site", "pelicanconf.py"), ("published_site", "publishconf.py")])
def test_every_internal_link_resolves(request, which, settings):
    output = request.getfixturevalue(which).resolve()
    origin = origin_of(settings)
    broken = []
    checked = 0
    for page in pages(output):
        for tag, url in urls_of(parse(page)):
            found = target_of(output, page, url, origin)
            if found is None:
                continue
            checked += 1
            target, fragment = found
            where = f"{page.relative_to(output)}: <{tag}> {url}"
            if not target.is_relative_to(output):
                broken.append(f"{where}: leaves the site")
            elif not target.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target):
                broken.append(f"{where}: no element with id '{fragment}'")
    assert checked > 50
    assert broken == [], "\n".join(broken)


def test_published_site_names_no_development_host(published_site):
    pattern = re.compile(r"//(localhost|127\.0\.0\.1|0\.0\.0\.0)[:/]")
    for path in sorted(published_site.rglob("*")):
        if path.parent.name == "admin" and path.name.endswith("decap-cms.js"):
            continue  # Decap's own bundle, copied as published by npm: it knows its local proxy's address
        if path.suffix in {".html", ".xml", ".json", ".txt", ".js", ".css", ".yml"} or path.name == "_headers":
            assert not pattern.search(path.read_text(encoding="utf-8", errors="replace")), path


def test_language_alternates_resolve_both_ways(published_site):
    output = published_site.resolve()
    origin = origin_of("publishconf.py")
    for page in pages(output):
        soup = parse(page)
        for link in soup.find_all("link", rel="alternate", hreflang=True):
            found = target_of(output, page, link["href"], origin)
            assert found and found[0].is_file(), (page, link["href"])


def test_sitemap_entries_exist(published_site):
    sitemap = published_site / "sitemap.xml"
    if not sitemap.exists():
        pytest.fail("no sitemap.xml in this build")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))
    assert locations
    origin = origin_of("publishconf.py")
    for location in locations:
        assert location.startswith(origin + "/"), location
        path = unquote(urlsplit(location).path)
        target = published_site / path.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        assert target.is_file(), location
