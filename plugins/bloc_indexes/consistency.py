"""Rules across items, and between items and the registry, checked at build time.

1. One head and one deputy per year across items (each item already has head != deputy).
2. An item's elections and covenant motto must agree with the registry's verified record
   of that year; the message names the item (path:line) and the registry (path:line).
3. A conferral does not come before its proposal: for the same award, recipient and
   results year, a `conferred` record whose event certainly ended before the `proposed`
   record's event began is an error (partial dates count as their whole month or year).
4. Years within sensible bounds of the item's event year E (the event date, else the
   publication date): elections.year and covenant.year in E-1..E+1, awards[].year <= E,
   event.about_year <= E.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from bloc_content.diagnostics import Diagnostic, t
from bloc_content.frontmatter import dotted, parse_yaml
from bloc_content.pairing import Item
from bloc_content.registries import Registry

from .records import ROLES, event_year

RegistryWhere = Callable[[int, str], str]  # (year, head|deputy|motto) -> 'path:line'

ROLE_NAMES = {"head": t("head"), "deputy": t("deputy")}


def check_all(items: list[Item], registry: Registry, registry_where: RegistryWhere | None = None) -> list[Diagnostic]:
    where = registry_where or (lambda year, fact: registry.paths.get("bloc", "bloc.yaml"))
    ordered = sorted(items, key=lambda i: i.original.path)
    return [*leadership_per_year(ordered), *against_registry(ordered, registry, where),
            *representing(ordered, registry, where), *award_order(ordered), *year_bounds(ordered)]


def where_in_registry(path: Path, shown: str) -> RegistryWhere:
    """(year, head|deputy|motto) -> '<shown>:LINE' of that yearly record of bloc.yaml at `path`."""
    try:
        data, lines, _ = parse_yaml(path.read_text(encoding="utf-8"), shown)
    except (OSError, UnicodeDecodeError):
        data, lines = None, {}
    index = {}
    for i, record in enumerate((data or {}).get("years") or [] if isinstance(data, dict) else []):
        if isinstance(record, dict) and isinstance(record.get("year"), int):
            index[record["year"]] = i

    def where(year: int, fact: str) -> str:
        loc = ("years", index.get(year), fact)
        line = lines.get((*loc, "org")) or lines.get((*loc, "text")) or lines.get(loc) or lines.get(loc[:2])
        return f"{shown}:{line}" if line else shown

    return where


def _at(item: Item, *loc) -> str:
    return f"{item.original.path}:{item.original.line(*loc)}"


def leadership_per_year(items: list[Item]) -> list[Diagnostic]:
    problems = []
    first: dict[tuple[int, str], tuple[str, Item]] = {}
    for item in items:
        elections = item.original.model.elections
        if elections is None:
            continue
        for role in ROLES:
            org = getattr(elections, role)
            seen = first.setdefault((elections.year, role), (org, item))
            if seen[0] != org:
                problems.append(Diagnostic(
                    item.original.path, item.original.line("elections", role), f"elections.{role}",
                    t("the {year} {role} is '{org}' here but '{other}' in {where}", year=elections.year,
                      role=ROLE_NAMES[role], org=org, other=seen[0], where=_at(seen[1], "elections", role)),
                    t("the bloc has one head and one deputy a year: correct one of the two items")))
    return problems


def against_registry(items: list[Item], registry: Registry, where: RegistryWhere) -> list[Diagnostic]:
    problems = []
    for item in items:
        model = item.original.model
        if model.elections is not None and model.elections.year in registry.years:
            record = registry.years[model.elections.year]
            for role in ROLES:
                fact = getattr(record, role)
                org = getattr(model.elections, role)
                if fact.status == "verified" and fact.org != org:
                    problems.append(Diagnostic(
                        item.original.path, item.original.line("elections", role), f"elections.{role}",
                        t("the {year} {role} is '{org}' here but '{other}' (verified) in {where}",
                          year=model.elections.year, role=ROLE_NAMES[role], org=org, other=fact.org,
                          where=where(model.elections.year, role)),
                        t("correct the item, or the registry if its sources say otherwise")))
        covenant = model.covenant
        if covenant is not None and covenant.motto and covenant.year in registry.years:
            motto = registry.years[covenant.year].motto
            expected = motto.text.get(model.lang)
            if motto.status == "verified" and expected and _words(expected) != _words(covenant.motto):
                problems.append(Diagnostic(
                    item.original.path, item.original.line("covenant", "motto"), "covenant.motto",
                    t("the {year} motto differs from the verified one in {where}: '{expected}'",
                      year=covenant.year, where=where(covenant.year, "motto"), expected=expected),
                    t("correct the item, or the registry if its sources say otherwise")))
    return problems


BLOC_ROLES = {"khoi-truong": "head", "khoi-pho": "deputy"}


def representing(items: list[Item], registry: Registry, where: RegistryWhere) -> list[Diagnostic]:
    """A person `representing` the bloc head or deputy belongs to that year's verified head or
    deputy: the year reviewed (about_year), else the event's year; either one agreeing will do,
    since a review conference early in a year is chaired by the previous year's head."""
    problems = []
    for item in items:
        event = item.original.model.event
        if event is None:
            continue
        years = [y for y in dict.fromkeys((event.about_year, event.date.year)) if y in registry.years]
        people = [(("chair",), event.chair)] if event.chair else []
        people += [(("attendees", i), p) for i, p in enumerate(event.attendees)]
        for loc, person in people:
            if person.representing is None:
                continue
            role = BLOC_ROLES[person.representing]
            verified = [(y, getattr(registry.years[y], role)) for y in years
                        if getattr(registry.years[y], role).status == "verified"]
            if not verified or any(fact.org == person.org for _y, fact in verified):
                continue
            year, fact = verified[0]
            problems.append(Diagnostic(
                item.original.path, item.original.line("event", *loc, "representing"),
                dotted(("event", *loc, "representing")),
                t("{name} represents the {role} ('{org}'), but the {year} {role} is '{other}' (verified) in {where}",
                  name=person.name, role=ROLE_NAMES[role], org=person.org, year=year, other=fact.org,
                  where=where(year, role)),
                t("correct representing or org, or the registry if its sources say otherwise"), severity="warning"))
    return problems


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _span(item: Item) -> tuple[dt.date, dt.date]:
    """The first and last day the item's event may have happened on."""
    model = item.original.model
    if model.event is None:
        day = model.published.date()
        return day, day
    date = model.event.date
    start = date.as_date()
    if date.day:
        return start, start
    if date.month:
        return start, dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return start, dt.date(date.year, 12, 31)


def award_order(items: list[Item]) -> list[Diagnostic]:
    problems = []
    proposals: dict[tuple, list[tuple[Item, int]]] = {}
    for item in items:
        for i, award in enumerate(item.original.model.awards):
            if award.status == "proposed":
                proposals.setdefault((award.award, award.recipient, award.year), []).append((item, i))
    for item in items:
        for i, award in enumerate(item.original.model.awards):
            if award.status != "conferred":
                continue
            for other, j in proposals.get((award.award, award.recipient, award.year), []):
                if _span(item)[1] < _span(other)[0]:
                    date = item.original.model.event.date if item.original.model.event else _span(item)[0]
                    later = other.original.model.event.date if other.original.model.event else _span(other)[0]
                    problems.append(Diagnostic(
                        item.original.path, item.original.line("awards", i, "status"), f"awards[{i}].status",
                        t("'{award}' for '{recipient}' ({year}) is conferred here ({date}) before "
                          "it was proposed ({later}) in {where}", award=award.award, recipient=award.recipient,
                          year=award.year, date=str(date), later=str(later), where=_at(other, "awards", j)),
                        t("a conferral follows its proposal: check the event dates and the award's year")))
    return problems


def _out_of(item: Item, year: int, value: int, low: int | None, high: int, loc: tuple, what: str) -> list[Diagnostic]:
    if (low is None or value >= low) and value <= high:
        return []
    expected = (t("expected {low}-{high}", low=low, high=high) if low is not None
                else t("expected {high} or earlier", high=high))
    return [Diagnostic(item.original.path, item.original.line(*loc), dotted(loc),
                       t("{what} {value} is out of range for an event in {year}", what=what, value=value, year=year),
                       expected)]


def year_bounds(items: list[Item]) -> list[Diagnostic]:
    problems = []
    for item in items:
        model = item.original.model
        year = event_year(item)
        if model.elections is not None:
            problems += _out_of(item, year, model.elections.year, year - 1, year + 1, ("elections", "year"),
                                t("the election year"))
        if model.covenant is not None:
            problems += _out_of(item, year, model.covenant.year, year - 1, year + 1, ("covenant", "year"),
                                t("the covenant year"))
        if model.event is not None and model.event.about_year is not None:
            problems += _out_of(item, year, model.event.about_year, None, year, ("event", "about_year"),
                                t("the year under review"))
        for i, award in enumerate(model.awards):
            problems += _out_of(item, year, award.year, None, year, ("awards", i, "year"), t("the award's year"))
    return problems
