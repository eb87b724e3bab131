"""The facts of an item as plain data in one language, ready for templates and JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Event, ItemFile, Person
from .registries import Organisation, Registry


@dataclass(frozen=True)
class OrgView:
    id: str
    name: str
    short: str | None
    slug: str
    member: bool


@dataclass(frozen=True)
class PersonView:
    name: str
    title: str
    org: OrgView
    representing: str | None
    roles: tuple[str, ...]


@dataclass(frozen=True)
class AwardView:
    award_id: str
    award: str
    recipient: OrgView
    year: int
    status: str  # proposed | conferred
    proposed_by: OrgView | None  # None: the bloc
    conferred_by: str
    decision: str | None


@dataclass
class FactsView:
    lang: str
    kinds: list[str] = field(default_factory=list)
    event_date: object | None = None  # PartialDate
    about_year: int | None = None
    place: str | None = None
    host: OrgView | None = None
    chair: PersonView | None = None
    attendees: list[PersonView] = field(default_factory=list)
    members_present: list[OrgView] = field(default_factory=list)
    awards: list[AwardView] = field(default_factory=list)
    election_year: int | None = None
    head: OrgView | None = None
    deputy: OrgView | None = None
    covenant_year: int | None = None
    motto: str | None = None
    signatories: list[OrgView] = field(default_factory=list)
    orgs: list[OrgView] = field(default_factory=list)  # every organisation the item involves

    @property
    def has_event(self) -> bool:
        return self.event_date is not None


def org_view(registry: Registry, org_id: str, lang: str) -> OrgView:
    org: Organisation = registry.organisations[org_id]
    return OrgView(org.id, org.name(lang), org.short(lang), org.slug(lang), org.id in registry.members)


def person_title(registry: Registry, person: Person, lang: str) -> str:
    """'Uỷ viên Trung ương Đảng, Thứ trưởng Bộ Công an' / '..., Deputy Minister, Ministry of Public Security'."""
    parts = []
    of = registry.organisations[person.unit or person.org].name(lang)
    for position_id in person.positions:
        position = registry.positions[position_id]
        name = position.name(lang)
        if position.of_org:
            name = POSITION_OF_ORG.get(lang, _with_comma)(name, of)
        parts.append(name)
    return ", ".join(parts)


def join_position(position: str, organisation: str) -> str:
    """'Phó Tổng Kiểm toán' + 'Kiểm toán Nhà nước' → 'Phó Tổng Kiểm toán Nhà nước': the words
    that end the position and begin the organisation's name are said once."""
    head, tail = position.split(), organisation.split()
    for size in range(min(len(head), len(tail)), 0, -1):
        if [w.casefold() for w in head[-size:]] == [w.casefold() for w in tail[:size]]:
            return " ".join([*head, *tail[size:]])
    return f"{position} {organisation}"


def _with_comma(position: str, organisation: str) -> str:
    return f"{position}, {organisation}"


# How a language says "the position in this organisation"; a comma where it has no rule of its own.
POSITION_OF_ORG = {"vi": join_position}


def _person(registry: Registry, person: Person, lang: str) -> PersonView:
    role = registry.roles[person.representing].name(lang) if person.representing else None
    return PersonView(person.name, person_title(registry, person, lang), org_view(registry, person.org, lang),
                      role, tuple(person.roles))


def _members(registry: Registry, value, lang: str) -> list[OrgView]:
    ids = registry.members if value == "all" else (value or [])
    return [org_view(registry, org_id, lang) for org_id in ids]


def present(original: ItemFile, words: ItemFile, registry: Registry, lang: str) -> FactsView:
    """Facts from the original, words from this language's file, names from the registries."""
    view = FactsView(lang=lang)
    event: Event | None = original.event
    if event is not None:
        view.kinds = [registry.event_kinds[k].name(lang) for k in event.kinds]
        view.event_date = event.date
        view.about_year = event.about_year
        view.place = words.event.place if words.event else None
        view.host = org_view(registry, event.host, lang) if event.host else None
        view.chair = _person(registry, event.chair, lang) if event.chair else None
        view.attendees = [_person(registry, p, lang) for p in event.attendees]
        view.members_present = _members(registry, event.members_present, lang)
    for award in original.awards:
        award_type = registry.awards[award.award]
        proposer = award.proposed_by if award.proposed_by not in (None, "bloc") else None
        view.awards.append(AwardView(
            award.award, award_type.name(lang), org_view(registry, award.recipient, lang), award.year,
            award.status, org_view(registry, proposer, lang) if proposer else None,
            award_type.conferred_by[lang], award.decision))
    if original.elections is not None:
        view.election_year = original.elections.year
        view.head = org_view(registry, original.elections.head, lang)
        view.deputy = org_view(registry, original.elections.deputy, lang)
    if original.covenant is not None:
        view.covenant_year = original.covenant.year
        view.motto = words.covenant.motto if words.covenant else None
        view.signatories = _members(registry, original.covenant.signatories, lang)
    view.orgs = _involved(original, registry, lang)
    return view


def involved_org_ids(original: ItemFile, registry: Registry) -> list[str]:
    """Every organisation an item involves, in registry order (drives per-member indexes)."""
    ids: set[str] = set()
    event = original.event
    if event is not None:
        if event.host:
            ids.add(event.host)
        for person in [event.chair, *event.attendees]:
            if person is not None:
                ids.add(person.org)
        ids.update(registry.members if event.members_present == "all" else event.members_present)
    for award in original.awards:
        ids.add(award.recipient)
    if original.elections:
        ids.update({original.elections.head, original.elections.deputy})
    if original.covenant:
        signatories = original.covenant.signatories
        ids.update(registry.members if signatories == "all" else signatories)
    order = list(registry.organisations)
    return sorted(ids & set(order), key=order.index)


def _involved(original: ItemFile, registry: Registry, lang: str) -> list[OrgView]:
    return [org_view(registry, org_id, lang) for org_id in involved_org_ids(original, registry)]
