"""The bloc's history as plain data: what each year and each member did, from the items
and the registry's yearly records. No Pelican here.

Which year an award belongs to: the year of the event that proposed or conferred it (the
item's event date; the publication date when the item records no event). The year the
award is *for* (its results year, `awards[].year`) is kept alongside and shown in its own
column: an award for 2020 proposed at the January 2021 conference belongs to 2021.

A leadership fact is `verified` when the registry has it with sources, `recorded` when
only news items state it, and `unknown` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bloc_content.pairing import Item
from bloc_content.registries import Registry, YearFact

CONFERENCE_KINDS = ("hoi-nghi-tong-ket", "hoi-nghi-so-ket", "hoi-nghi-trien-khai", "dai-hoi-thi-dua")
ROLES = ("head", "deputy")


@dataclass(frozen=True)
class Where:
    """Where a fact is stated in an item: its key (for links) and path:line (for messages)."""

    key: str
    path: str
    line: int


@dataclass
class RoleFact:
    """One role (head or deputy) of one year."""

    org: str | None = None
    status: str = "unknown"  # verified | recorded | unknown
    sources: list[str] = field(default_factory=list)  # registry source links
    items: list[Where] = field(default_factory=list)  # items that state it


@dataclass
class MottoFact:
    text: dict[str, str] = field(default_factory=dict)  # lang -> motto
    status: str = "unknown"
    sources: list[str] = field(default_factory=list)
    items: list[Where] = field(default_factory=list)


@dataclass(frozen=True)
class AwardRecord:
    award: str
    recipient: str
    for_year: int
    status: str  # proposed | conferred
    proposed_by: str | None
    decision: str | None
    year: int  # the year of the event that proposed or conferred it
    where: Where


@dataclass
class YearSummary:
    year: int
    head: RoleFact = field(default_factory=RoleFact)
    deputy: RoleFact = field(default_factory=RoleFact)
    motto: MottoFact = field(default_factory=MottoFact)
    awards: list[AwardRecord] = field(default_factory=list)
    conferences: list[str] = field(default_factory=list)  # item keys, by event date
    items: list[str] = field(default_factory=list)  # keys of items published that year

    def role(self, name: str) -> RoleFact:
        return self.head if name == "head" else self.deputy

    @property
    def has_leadership(self) -> bool:
        return self.head.org is not None or self.deputy.org is not None


@dataclass
class MemberHistory:
    org: str
    awards: list[AwardRecord] = field(default_factory=list)
    roles: list[tuple[int, str, RoleFact]] = field(default_factory=list)  # (year, head|deputy, fact)
    items: list[str] = field(default_factory=list)  # keys of items it took part in


def event_year(item: Item) -> int:
    model = item.original.model
    return model.event.date.year if model.event else model.published.year


def _where(item: Item, *loc) -> Where:
    return Where(item.key, item.original.path, item.original.line(*loc))


def award_records(items: list[Item]) -> list[AwardRecord]:
    """Every award of every item, in the year of the event that proposed or conferred it."""
    out = []
    for item in items:
        year = event_year(item)
        for i, award in enumerate(item.original.model.awards):
            proposer = award.proposed_by if award.proposed_by not in (None, "bloc") else None
            out.append(AwardRecord(award.award, award.recipient, award.year, award.status, proposer,
                                   award.decision, year, _where(item, "awards", i)))
    return sorted(out, key=lambda a: (a.year, a.for_year, a.award, a.recipient, a.where.path))


def _from_registry(fact: YearFact | None) -> RoleFact:
    if fact is None or fact.status != "verified":
        return RoleFact()
    return RoleFact(fact.org, "verified", [str(s) for s in fact.sources])


def year_summaries(items: list[Item], registry: Registry) -> dict[int, YearSummary]:
    """One summary per year that has content or a registry record, oldest first."""
    years: dict[int, YearSummary] = {}

    def summary(year: int) -> YearSummary:
        if year not in years:
            years[year] = YearSummary(year)
        return years[year]

    for year, record in registry.years.items():
        entry = summary(year)
        entry.head = _from_registry(record.head)
        entry.deputy = _from_registry(record.deputy)
        if record.motto.status == "verified":
            text = dict(record.motto.text)
            entry.motto = MottoFact(text, "verified", [str(s) for s in record.motto.sources])
    for item in sorted(items, key=lambda i: i.original.path):
        model = item.original.model
        summary(model.published.year).items.append(item.key)
        if model.event is not None:
            summary(model.event.date.year)
            if set(model.event.kinds) & set(CONFERENCE_KINDS):
                summary(model.event.date.year).conferences.append(item.key)
        if model.elections is not None:
            entry = summary(model.elections.year)
            for role in ROLES:
                fact = entry.role(role)
                org = getattr(model.elections, role)
                if fact.org is None:
                    fact.org, fact.status = org, "recorded"
                if fact.org == org:  # a contradiction is reported by the consistency rules
                    fact.items.append(_where(item, "elections", role))
        if model.covenant is not None:
            entry = summary(model.covenant.year)
            if entry.motto.status == "unknown":
                entry.motto.status = "recorded" if model.covenant.motto else "unknown"
            if model.covenant.motto:
                entry.motto.items.append(_where(item, "covenant", "motto"))
                for lang, file in item.files.items():
                    words = file.model.covenant.motto if file.model.covenant else None
                    if words and lang not in entry.motto.text:
                        entry.motto.text[lang] = words
    for award in award_records(items):
        summary(award.year).awards.append(award)
    for entry in years.values():
        entry.conferences.sort(key=lambda key: _event_date(items, key))
    return dict(sorted(years.items()))


def _event_date(items: list[Item], key: str):
    for item in items:
        if item.key == key and item.original.model.event:
            return item.original.model.event.date.as_date()
    return None


def current_year(years: dict[int, YearSummary]) -> int | None:
    """The latest year whose head or deputy is known (verified or recorded)."""
    known = [year for year, entry in years.items() if entry.has_leadership]
    return max(known) if known else None


def member_histories(items: list[Item], registry: Registry, years: dict[int, YearSummary],
                     involved: dict[str, list[str]]) -> dict[str, MemberHistory]:
    """Per member: awards received or proposed, years as head or deputy, items taken part in.
    `involved` maps an item key to the organisations it involves (facts_view.involved_org_ids)."""
    out = {org: MemberHistory(org) for org in registry.members}
    for award in award_records(items):
        if award.recipient in out:
            out[award.recipient].awards.append(award)
    for year, entry in years.items():
        for role in ROLES:
            fact = entry.role(role)
            if fact.org in out:
                out[fact.org].roles.append((year, role, fact))
    for item in sorted(items, key=lambda i: (i.original.model.published, i.key), reverse=True):
        for org in involved.get(item.key, []):
            if org in out:
                out[org].items.append(item.key)
    return out
