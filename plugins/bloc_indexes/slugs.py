"""URLs that never collide. Vietnamese titles that differ only in tone marks ('Bão',
'Báo') slugify the same; two items of one language and year may then want one URL.
Pelican would overwrite one page with the other or stop. Here the first item by path
keeps its URL and the others get '-2', '-3', ... (a warning says so); a URL that cannot
move (set explicitly) is an error naming both files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bloc_content.diagnostics import Diagnostic, t


@dataclass(frozen=True)
class SlugClaim:
    path: str  # as shown in messages
    line: int
    slug: str
    url: Callable[[str], str]  # the URL this item gets with a given slug
    fixed: bool = False  # an explicit URL: the slug cannot move it


def resolve_slugs(claims: list[SlugClaim], limit: int = 100) -> tuple[dict[str, str], list[Diagnostic]]:
    """The slug each item gets ({path: slug}, only the changed ones) and the problems found."""
    taken: dict[str, SlugClaim] = {}
    moved: list[SlugClaim] = []
    problems: list[Diagnostic] = []
    # Fixed URLs first (they cannot move), then by path: the result does not depend on
    # the order in which files were read.
    for claim in sorted(claims, key=lambda c: (not c.fixed, c.path)):
        url = claim.url(claim.slug)
        other = taken.get(url)
        if other is None:
            taken[url] = claim
        elif claim.fixed:
            problems.append(Diagnostic(claim.path, claim.line, "slug",
                                       t("the URL '{url}' is also the URL of {where}", url=url,
                                         where=f"{other.path}:{other.line}"),
                                       t("give one of the two items another slug")))
        else:
            moved.append(claim)
    changed: dict[str, str] = {}
    for claim in moved:
        other = taken[claim.url(claim.slug)]
        for number in range(2, limit + 2):
            candidate = f"{claim.slug}-{number}"
            if claim.url(candidate) not in taken:
                taken[claim.url(candidate)] = claim
                changed[claim.path] = candidate
                problems.append(Diagnostic(
                    claim.path, claim.line, "slug",
                    t("the slug '{slug}' is also the slug of {where}; this item is published as '{candidate}'",
                      slug=claim.slug, where=f"{other.path}:{other.line}", candidate=candidate),
                    t("give the item its own slug to choose its URL"), severity="warning"))
                break
        else:
            problems.append(Diagnostic(claim.path, claim.line, "slug",
                                       t("the slug '{slug}' is used by more than {limit} items",
                                         slug=claim.slug, limit=limit),
                                       t("give the item its own slug")))
    return changed, problems


def find_collisions(outputs: list[tuple[str, str]]) -> list[Diagnostic]:
    """Pages of ours and of Pelican that would be written to the same file: (file, what)."""
    seen: dict[str, str] = {}
    problems = []
    for path, what in outputs:
        if path in seen and seen[path] != what:
            problems.append(Diagnostic(what, 0, "", t("would be written to '{path}', which is also the page of {other}",
                                                      path=path, other=seen[path]),
                                       t("change a slug or a URL pattern in BLOC_URLS")))
        seen.setdefault(path, what)
    return problems
