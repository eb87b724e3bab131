"""Records turned into what a template shows in one language: names, URLs, links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bloc_content.facts_view import OrgView, org_view
from bloc_content.registries import Registry

from .records import AwardRecord, MemberHistory, RoleFact, YearSummary


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # site-relative
    lang: str


@dataclass(frozen=True)
class Source:
    label: str  # the host name, e.g. baovephapluat.vn
    url: str


LinkOf = Callable[[str, str], Link | None]  # (item key, lang) -> the item's page, or None


@dataclass
class RoleView:
    role: str  # the role's name in the language
    org: OrgView | None
    status: str
    sources: list[Source]
    items: list[Link]


@dataclass
class AwardRow:
    year: int
    award: str
    recipient: OrgView
    for_year: int
    status: str
    proposed_by: OrgView | None
    decision: str | None
    item: Link | None


@dataclass
class YearView:
    year: int
    head: RoleView
    deputy: RoleView
    motto: str | None
    motto_status: str
    motto_sources: list[Source]
    motto_items: list[Link]
    awards: list[AwardRow]
    conferences: list[Link]
    item_count: int = 0


@dataclass
class MemberView:
    id: str
    name: str
    official_name: str | None
    short: str | None
    slug: str
    website: str | None
    awards: list[AwardRow] = field(default_factory=list)
    roles: list[tuple[int, RoleView]] = field(default_factory=list)
    items: list = field(default_factory=list)  # articles of the page's language
    counts: dict[str, int] = field(default_factory=dict)


def sources(urls: list[str]) -> list[Source]:
    return [Source(urlsplit(url).hostname or url, url) for url in urls]


def _links(keys, lang: str, link_of: LinkOf) -> list[Link]:
    seen, out = set(), []
    for key in keys:
        link = link_of(key, lang)
        if link and link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return out


def role_view(fact: RoleFact, role: str, registry: Registry, lang: str, link_of: LinkOf) -> RoleView:
    name = registry.roles["khoi-truong" if role == "head" else "khoi-pho"].name(lang)
    org = org_view(registry, fact.org, lang) if fact.org else None
    return RoleView(name, org, fact.status, sources(fact.sources),
                    _links([w.key for w in fact.items], lang, link_of))


def award_row(award: AwardRecord, registry: Registry, lang: str, link_of: LinkOf) -> AwardRow:
    return AwardRow(award.year, registry.awards[award.award].name(lang), org_view(registry, award.recipient, lang),
                    award.for_year, award.status,
                    org_view(registry, award.proposed_by, lang) if award.proposed_by else None,
                    award.decision, link_of(award.where.key, lang))


def year_view(summary: YearSummary, registry: Registry, lang: str, link_of: LinkOf) -> YearView:
    motto = summary.motto
    return YearView(
        summary.year,
        role_view(summary.head, "head", registry, lang, link_of),
        role_view(summary.deputy, "deputy", registry, lang, link_of),
        motto.text.get(lang), motto.status if motto.text.get(lang) else "unknown", sources(motto.sources),
        _links([w.key for w in motto.items], lang, link_of),
        [award_row(a, registry, lang, link_of) for a in summary.awards],
        _links(summary.conferences, lang, link_of))


def member_view(history: MemberHistory, registry: Registry, lang: str, link_of: LinkOf,
                articles: dict[str, object]) -> MemberView:
    """`articles` maps an item key to its article in `lang` (items without one are left out)."""
    org = registry.organisations[history.org]
    website = org.website_in(lang)
    official = org.official_name.get(lang)
    view = MemberView(org.id, org.name(lang), official, org.short(lang), org.slug(lang),
                      str(website) if website else None)
    view.awards = [award_row(a, registry, lang, link_of) for a in history.awards]
    view.roles = [(year, role_view(fact, role, registry, lang, link_of)) for year, role, fact in history.roles]
    view.items = [articles[key] for key in history.items if key in articles]
    view.counts = {
        "items": len(view.items),
        "proposed": sum(1 for a in history.awards if a.status == "proposed"),
        "conferred": sum(1 for a in history.awards if a.status == "conferred"),
        "head": sum(1 for _, role, _ in history.roles if role == "head"),
        "deputy": sum(1 for _, role, _ in history.roles if role == "deputy"),
    }
    return view
