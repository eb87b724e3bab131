"""Registries under content/data/: organisations, awards, positions, event kinds, the bloc.

Front matter refers to them by id. Each file is validated with the same diagnostics as
news items; an unknown id elsewhere gets a "did you mean".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationError,
    model_validator,
)

from .diagnostics import N_, Diagnostic, choices_hint, t
from .frontmatter import dotted, parse_yaml
from .languages import DEFAULT_SETTINGS, Languages, languages_of, not_a_language_of
from .model import Id, Slug, Year
from .schema_errors import pydantic_diagnostics


def data_folder(settings: Mapping) -> Path:
    """Where the registries are: BLOC_DATA_PATH, else data/ in the content folder (PATH)."""
    return Path(settings.get("BLOC_DATA_PATH") or Path(settings["PATH"]) / "data")

REGISTRY_FILES = ("organisations", "awards", "positions", "event_kinds", "bloc")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _filled(value: str) -> str:
    if not value.strip():
        raise ValueError(N_("is empty"))
    return value


class InLanguages:
    """Marks a field written once per language: `name: {vi: ..., en: ...}`."""

    every = False  # whether each language of the site must have one


class InEveryLanguage(InLanguages):
    every = True


Words = Annotated[str, AfterValidator(_filled)]
# Keys are checked against the site's languages by `language_problems` (the models do not
# know the settings): every language for these...
Names = Annotated[dict[str, Words], InEveryLanguage()]
SlugsByLang = Annotated[dict[str, Slug], InEveryLanguage()]
# ...and only the languages that have one for these.
SomeNames = Annotated[dict[str, Words], InLanguages()]


class Organisation(_Entry):
    id: Id
    names: Names = Field(alias="name")
    official_name: SomeNames = Field(default_factory=dict)  # where the usual name is not the official one
    shorts: SomeNames = Field(default_factory=dict, alias="short")
    aliases_vi: list[str] = Field(default_factory=list)  # Vietnamese spellings the importer recognises
    slugs: SlugsByLang = Field(alias="slug")
    website: HttpUrl | None = None
    websites: Annotated[dict[str, HttpUrl], InLanguages()] = Field(default_factory=dict)  # its site in a language
    parent: Id | None = None
    sources: list[HttpUrl] = Field(default_factory=list)

    def name(self, lang: str) -> str:
        return self.names[lang]

    def short(self, lang: str) -> str | None:
        return self.shorts.get(lang)

    def slug(self, lang: str) -> str:
        return self.slugs[lang]

    def website_in(self, lang: str) -> HttpUrl | None:
        return self.websites.get(lang) or self.website


class AwardType(_Entry):
    id: Id
    names: Names = Field(alias="name")
    kind: Literal["collective", "individual", "both"]
    conferred_by: Names
    rank: int
    slugs: SlugsByLang = Field(alias="slug")
    sources: list[HttpUrl] = Field(default_factory=list)

    def name(self, lang: str) -> str:
        return self.names[lang]


class Position(_Entry):
    id: Id
    names: Names = Field(alias="name")
    of_org: bool = True

    def name(self, lang: str) -> str:
        return self.names[lang]


class EventKind(_Entry):
    id: Id
    names: Names = Field(alias="name")

    def name(self, lang: str) -> str:
        return self.names[lang]


class RoleName(_Entry):
    names: Names = Field(alias="name")

    def name(self, lang: str) -> str:
        return self.names[lang]


class BlocInfo(_Entry):
    names: Names = Field(alias="name")
    shorts: SomeNames = Field(default_factory=dict, alias="short")
    organised_by: Id
    members: list[Id]
    sources: list[HttpUrl] = Field(default_factory=list)

    def name(self, lang: str) -> str:
        return self.names[lang]


class YearFact(_Entry):
    """A yearly record: published only when verified, and then only with a source link."""

    status: Literal["verified", "unknown"]
    org: Id | None = None
    text: SomeNames = Field(default_factory=dict)  # the motto, in the languages it was given in
    sources: list[HttpUrl] = Field(default_factory=list)

    @model_validator(mode="after")
    def _verified_needs_source(self) -> YearFact:
        if self.status == "verified" and not self.sources:
            raise ValueError(N_("a verified fact needs at least one source link"))
        if self.status == "unknown" and (self.org or self.text):
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


def load_registry(data_dir: Path, display_root: Path | None = None,
                  languages: Languages | None = None) -> tuple[Registry, list[Diagnostic]]:
    """Load and validate every registry file; returns the registry and all problems found.
    Names are checked against `languages` (the site's; see languages.py)."""
    languages = languages or languages_of(DEFAULT_SETTINGS)
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
            continue
        found = language_problems(parsed[name], (), languages)
        problems.extend(Diagnostic(shown, _line(lines, loc), dotted(loc), message, hint) for loc, message, hint, _ in found)
        if any(missing for *_problem, missing in found):
            del parsed[name]  # its pages in that language would fail halfway (a name in an extra language is harmless)
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


def language_problems(value: Any, loc: tuple, languages: Languages) -> list[tuple[tuple, str, str, bool]]:
    """(loc, message, hint, missing?) for each name missing in a language of the site, and each
    name in a language the site does not have, anywhere in a validated registry file."""
    out = []
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            here = (*loc, info.alias or name)
            marker = next((m for m in info.metadata if isinstance(m, InLanguages)), None)
            field_value = getattr(value, name)
            if marker is None:
                out += language_problems(field_value, here, languages)
                continue
            out += [(here, t("missing its '{lang}' version", lang=lang),
                     t("every language of the site (BLOC_LANGS) needs one: add '{lang}: ...' under {field}",
                       lang=lang, field=here[-1]), True)
                    for lang in languages.codes if marker.every and lang not in field_value]
            for lang in field_value:
                if lang not in languages:
                    out.append(((*here, lang), *not_a_language_of(languages, lang), False))
    elif isinstance(value, list | tuple):
        for i, entry in enumerate(value):
            out += language_problems(entry, (*loc, i), languages)
    elif isinstance(value, dict):
        for key, entry in value.items():
            out += language_problems(entry, (*loc, key), languages)
    return out


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
