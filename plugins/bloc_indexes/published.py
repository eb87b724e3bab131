"""URLs are promises: once published, an item keeps its URL, and an old URL of an item
leads to its new one.

Every URL the site has published is recorded with the item it belongs to (translation key
and language) in a committed file, `content/data/urls.yaml`; the build adds new URLs and
never removes one. With that record:
- two items that would share a URL are an error naming both files, unless one of them is
  already published there: then only the newcomer is asked to change;
- a URL published for an item that has since moved (a new `slug:`) becomes a redirect;
- a URL of an item that no longer exists may be taken by a new one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from bloc_content.diagnostics import Diagnostic, t
from bloc_content.frontmatter import SafeLoader
from bloc_content.languages import LANG_CODE

Owner = tuple[str, str]  # (translation_key, lang)
RECORD_NAME = "urls.yaml"  # in the registries' folder, content/data/
HEADER = """\
# Every URL this site has published, with the item it belongs to (translation key, language).
# The build adds new URLs; commit this file with the content. Never remove a line: when an
# item gets a new slug, its old URL becomes a redirect to the new one.
"""


@dataclass(frozen=True)
class UrlClaim:
    path: str  # as shown in messages
    line: int
    key: str  # translation_key
    lang: str
    url: str

    @property
    def owner(self) -> Owner:
        return (self.key, self.lang)


@dataclass(frozen=True)
class Redirect:
    old: str
    new: str
    lang: str


def load_record(text: str) -> dict[str, Owner]:
    """{url: (translation_key, lang)} from the record's YAML ({} for an empty file)."""
    return dict(_parsed(text))  # a copy: the parsed one is kept for the next read


@functools.lru_cache(maxsize=2)  # a build reads it twice, and the dev server's every quick build again
def _parsed(text: str) -> dict[str, Owner]:
    data = yaml.load(text, Loader=SafeLoader) or {}  # the safe loader, in C where PyYAML has it
    if not isinstance(data, dict):
        raise ValueError("expected 'url: {key: ..., lang: ...}' lines")
    record = {}
    for url, owner in data.items():
        # any language code: a language the site has since dropped keeps its old URLs' record
        if not (isinstance(owner, dict) and isinstance(owner.get("key"), str)
                and LANG_CODE.match(str(owner.get("lang", "")))):
            raise ValueError(f"'{url}': expected {{key: ..., lang: <language code>}}")
        record[str(url)] = (owner["key"], owner["lang"])
    return record


def read_record(path: Path, shown: str) -> tuple[dict[str, Owner], list[Diagnostic]]:
    """The record in the file at `path` ({} when there is none yet), and a diagnostic naming
    `shown` when it cannot be read."""
    try:
        return load_record(path.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        return {}, []  # a new site: nothing published yet
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        return {}, [Diagnostic(shown, 0, "", t("cannot read the record of published URLs: {reason}", reason=str(exc)),
                               t("restore the file from git"))]


def dump_record(record: dict[str, Owner]) -> str:
    """The record as YAML, one line per URL in sorted order (stable diffs)."""
    lines = [f"{_quote(url)}: {{key: {_quote(key)}, lang: {lang}}}" for url, (key, lang) in sorted(record.items())]
    return HEADER + "".join(line + "\n" for line in lines)


def _quote(text: str) -> str:
    return yaml.safe_dump(text, default_style=None, width=10_000).removesuffix("\n...\n").strip()


def check_claims(claims: Iterable[UrlClaim], record: dict[str, Owner]) -> list[Diagnostic]:
    """Errors for URLs that would be shared, or that belong to another published item."""
    claims = sorted(claims, key=lambda c: c.path)
    living = {c.owner: c for c in claims}
    problems: list[Diagnostic] = []
    by_url: dict[str, list[UrlClaim]] = {}
    for claim in claims:
        by_url.setdefault(claim.url, []).append(claim)
    for url, sharing in sorted(by_url.items()):
        recorded = record.get(url)
        keeper = living.get(recorded) if recorded else None
        if keeper is not None and keeper.url != url:
            # The owner moved away: its old URL is its redirect, and no one else's page.
            for claim in sharing:
                problems.append(_taken(claim, keeper))
            continue
        if keeper is not None:
            problems.extend(_taken(claim, keeper) for claim in sharing if claim is not keeper)
        elif len(sharing) > 1:
            for claim in sharing:
                others = ", ".join(f"{o.path}:{o.line}" for o in sharing if o is not claim)
                problems.append(Diagnostic(claim.path, claim.line, "slug",
                                           t("the URL '{url}' would also be the URL of {where}", url=url, where=others),
                                           t("give one of the items another 'slug:' (e.g. with the place or the date)")))
    return problems


def _taken(claim: UrlClaim, keeper: UrlClaim) -> Diagnostic:
    return Diagnostic(claim.path, claim.line, "slug",
                      t("the URL '{url}' is already published for {where}", url=claim.url,
                        where=f"{keeper.path}:{keeper.line}"),
                      t("give this item another 'slug:'; a published URL never changes"))


def redirects(claims: Iterable[UrlClaim], record: dict[str, Owner]) -> list[Redirect]:
    """Old URLs of items that are still published under another URL."""
    current = {c.owner: c.url for c in claims}
    taken = set(current.values())
    out = []
    for url, owner in sorted(record.items()):
        new = current.get(owner)
        if new is not None and new != url and url not in taken:
            out.append(Redirect(url, new, owner[1]))
    return out


def updated_record(claims: Iterable[UrlClaim], record: dict[str, Owner]) -> dict[str, Owner]:
    """The record with this build's URLs added (a URL of an item that is gone is taken over)."""
    out = dict(record)
    for claim in claims:
        out[claim.url] = claim.owner
    return out


def redirects_file(moved: Iterable[Redirect]) -> str:
    """`_redirects` lines (Netlify, Cloudflare Pages): permanent, from the old path to the new."""
    return "".join(f"/{r.old} /{r.new} 301\n" for r in moved)
