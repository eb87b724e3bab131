"""Registries under content/data/: organisations, awards, positions, event kinds, the bloc.

Front matter refers to them by id. Each file is validated with the same diagnostics as
news items; an unknown id elsewhere gets a "did you mean".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

from .diagnostics import N_, Diagnostic, choices_hint, t
from .frontmatter import parse_yaml
from .model import Id, Slug, Year
from .schema_errors import pydantic_diagnostics

REGISTRY_FILES = ("organisations", "awards", "positions", "event_kinds", "bloc")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisation(_Entry):
    id: Id
    name_vi: str
    name_en: str
    official_name_en: str | None = None
    short_vi: str | None = None
    short_en: str | None = None
    aliases_vi: list[str] = Field(default_factory=list)
    slug_vi: Slug
    slug_en: Slug
    website: HttpUrl | None = None
    website_en: HttpUrl | None = None
    parent: Id | None = None
    sources: list[HttpUrl] = Field(default_factory=list)

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en

    def short(self, lang: str) -> str | None:
        return self.short_vi if lang == "vi" else self.short_en

    def slug(self, lang: str) -> str:
        return self.slug_vi if lang == "vi" else self.slug_en


class LocalisedText(_Entry):
    vi: str
    en: str


class AwardType(_Entry):
    id: Id
    name_vi: str
    name_en: str
    kind: Literal["collective", "individual", "both"]
    conferred_by: LocalisedText
    rank: int
    slug_vi: Slug
    slug_en: Slug
    sources: list[HttpUrl] = Field(default_factory=list)

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


class Position(_Entry):
    id: Id
    name_vi: str
    name_en: str
    of_org: bool = True

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


class EventKind(_Entry):
    id: Id
    name_vi: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


class RoleName(_Entry):
    name_vi: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


class BlocInfo(_Entry):
    name_vi: str
    short_vi: str
    name_en: str
    organised_by: Id
    members: list[Id]
    sources: list[HttpUrl] = Field(default_factory=list)

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


class YearFact(_Entry):
    """A yearly record: published only when verified, and then only with a source link."""

    status: Literal["verified", "unknown"]
    org: Id | None = None
    vi: str | None = None
    en: str | None = None
    sources: list[HttpUrl] = Field(default_factory=list)

    @model_validator(mode="after")
    def _verified_needs_source(self) -> YearFact:
        if self.status == "verified" and not self.sources:
            raise ValueError(N_("a verified fact needs at least one source link"))
        if self.status == "unknown" and (self.org or self.vi or self.en):
            raise ValueError(N_("an unknown fact must not carry a value; mark it verified with sources, or remove the value"))
        return self


class YearRecord(_Entry):
    year: Year
    head: YearFact
    deputy: YearFact
    motto: YearFact


class OrganisationsFile(_Entry):
    members: list[Organisation]
    related: list[Organisation] = Field(default_factory=list)


class AwardsFile(_Entry):
    awards: list[AwardType]


class PositionsFile(_Entry):
    positions: list[Position]


class EventKindsFile(_Entry):
    event_kinds: list[EventKind]


class BlocFile(_Entry):
    bloc: BlocInfo
    roles: dict[Literal["khoi-truong", "khoi-pho"], RoleName]
    years: list[YearRecord] = Field(default_factory=list)


FILE_MODELS = {
    "organisations": OrganisationsFile,
    "awards": AwardsFile,
    "positions": PositionsFile,
    "event_kinds": EventKindsFile,
    "bloc": BlocFile,
}


@dataclass
class Registry:
    """Every registry, indexed by id."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    awards: dict[str, AwardType] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    event_kinds: dict[str, EventKind] = field(default_factory=dict)
    bloc: BlocInfo | None = None
    roles: dict[str, RoleName] = field(default_factory=dict)
    years: dict[int, YearRecord] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)

    def table(self, kind: str) -> dict:
        return getattr(self, kind)

    def unknown(self, kind: str, value: str) -> str | None:
        """None when `value` is a known id of `kind`, else a hint."""
        table = self.table(kind)
        if value in table:
            return None
        return choices_hint(value, table)


def load_registry(data_dir: Path, display_root: Path | None = None) -> tuple[Registry, list[Diagnostic]]:
    """Load and validate every registry file; returns the registry and all problems found."""
    registry = Registry()
    problems: list[Diagnostic] = []
    parsed = {}
    for name in REGISTRY_FILES:
        path = data_dir / f"{name}.yaml"
        shown = _display(path, display_root)
        registry.paths[name] = shown
        if not path.is_file():
            problems.append(Diagnostic(shown, 0, "", t("registry file is missing")))
            continue
        data, lines, errs = parse_yaml(path.read_text(encoding="utf-8"), shown)
        problems.extend(errs)
        if data is None:
            continue
        try:
            parsed[name] = FILE_MODELS[name].model_validate(data)
        except ValidationError as exc:
            problems.extend(pydantic_diagnostics(exc, shown, lambda loc, lines=lines: _line(lines, loc)))
    if "organisations" in parsed:
        orgs = parsed["organisations"]
        registry.organisations = {o.id: o for o in [*orgs.members, *orgs.related]}
        registry.members = [o.id for o in orgs.members]
    if "awards" in parsed:
        registry.awards = {a.id: a for a in parsed["awards"].awards}
    if "positions" in parsed:
        registry.positions = {p.id: p for p in parsed["positions"].positions}
    if "event_kinds" in parsed:
        registry.event_kinds = {k.id: k for k in parsed["event_kinds"].event_kinds}
    if "bloc" in parsed:
        bloc = parsed["bloc"]
        registry.bloc = bloc.bloc
        registry.roles = dict(bloc.roles)
        registry.years = {y.year: y for y in bloc.years}
        problems.extend(_check_bloc(registry, registry.paths["bloc"]))
    return registry, problems


def _check_bloc(registry: Registry, shown: str) -> list[Diagnostic]:
    problems = []
    if registry.bloc and registry.organisations:
        for org in [*registry.bloc.members, registry.bloc.organised_by]:
            hint = registry.unknown("organisations", org)
            if hint:
                problems.append(Diagnostic(shown, 0, "bloc.members", t("unknown organisation '{value}'", value=org), hint))
        for year, record in registry.years.items():
            for role in ("head", "deputy"):
                fact = getattr(record, role)
                if fact.org and fact.org not in registry.members:
                    problems.append(Diagnostic(shown, 0, f"years[{year}].{role}.org",
                                               t("'{value}' is not a member of the bloc", value=fact.org),
                                               choices_hint(fact.org, registry.members)))
    return problems


def _line(lines: dict, loc: tuple) -> int:
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return 1


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
