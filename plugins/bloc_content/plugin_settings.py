"""Each plugin's settings, declared once (name, type, default, meaning) as a pydantic model
with `extra="forbid"`, and checked the same way by every plugin: defaults filled in, an
unknown or invalid setting reported as a diagnostic on its line of the settings file.

A declaration's field names are the settings' names (`BLOC_SEO_FEEDS`). A plugin answers
for the names under its prefixes (`owns`): a misspelt one there is unknown, with a "did
you mean". Pure: no Pelican import. bloc_content, the first plugin, checks every plugin's
settings at once from its `initialized` receiver (each plugin checks its own too, for a
site that uses it alone), so a plain `pelican` run fails on the same problems as
`bloc build`, before anything is read.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import importlib.util
import typing
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from .diagnostics import ContentError, Diagnostic, choices_hint, t
from .schema_errors import pydantic_diagnostics

# Where settings are written, in the order a name is looked for (publishconf.py imports
# pelicanconf.py, then overrides a few values).
SETTINGS_FILES = ("pelicanconf.py", "publishconf.py")


class PluginSettings(BaseModel):
    """The base of a declaration: a field per setting, its default and its meaning."""

    # strict: a setting is Python, so "30" for 30 is a mistake, not something to convert
    model_config = ConfigDict(extra="forbid", strict=True, arbitrary_types_allowed=True)


@dataclass(frozen=True)
class Declaration:
    plugin: str
    model: type[PluginSettings]
    owns: tuple[str, ...]  # prefixes of the names this plugin answers for

    def names(self) -> list[str]:
        return list(self.model.model_fields)

    def owned(self, name: str) -> bool:
        return name in self.model.model_fields or name.startswith(self.owns)


@dataclass(frozen=True)
class Setting:
    """One declared setting, as the docs' table shows it."""

    name: str
    required: bool
    default: Any
    meaning: str


class SettingsError(ContentError):
    """Bad settings: raised at initialization, so that Pelican itself exits non-zero."""

    def __str__(self) -> str:
        from .messages import catalog

        # plain `pelican` prints only this text: the diagnostics, in the site's language
        return "\n" + self.report(catalog("vi"))


def declared(model: type[PluginSettings]) -> list[Setting]:
    return [Setting(name, info.is_required(), None if info.is_required() else info.get_default(call_default_factory=True),
                    info.description or "") for name, info in model.model_fields.items()]


def from_dataclass(name: str, cls: type, prefix: str, meanings: Mapping[str, str],
                   accept: Mapping[str, Any] | None = None) -> type[PluginSettings]:
    """A declaration from a settings dataclass whose fields are the names after `prefix`
    (bloc_photos' `widths` is BLOC_PHOTOS_WIDTHS): its defaults and types are the ones used,
    but where `accept` gives what a settings file may write instead (a list for a tuple)."""
    hints = {**typing.get_type_hints(cls), **(accept or {})}
    fields = {f"{prefix}{f.name.upper()}": (hints[f.name], Field(f.default, description=meanings.get(f.name, "")))
              for f in dataclasses.fields(cls)}
    return create_model(name, __base__=PluginSettings, **fields)


def setting_lines(root: Path, files: Iterable[str] = SETTINGS_FILES) -> dict[str, tuple[str, int]]:
    """{name: (file, line)} of each top-level assignment in the settings files (paths
    relative to `root`, or absolute), the first file that assigns a name winning."""
    out: dict[str, tuple[str, int]] = {}
    for name in files:
        path = Path(root) / name
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
        shown = path.resolve().relative_to(Path(root).resolve()).as_posix() \
            if path.resolve().is_relative_to(Path(root).resolve()) else path.as_posix()
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                if isinstance(target, ast.Name):
                    out.setdefault(target.id, (shown, node.lineno))
    return out


def _lines(settings: Mapping[str, Any], root: Path | None) -> dict[str, tuple[str, int]]:
    given = settings.get("BLOC_SETTINGS_FILE")
    return setting_lines(Path(root or Path.cwd()), ((given,) if given else ()) + SETTINGS_FILES)


def at_setting(name: str, message: str, hint: str, settings: Mapping[str, Any]) -> Diagnostic:
    """A problem with one setting, on its line of the settings file (a plugin's own rule)."""
    path, line = _lines(settings, settings.get("BLOC_ROOT")).get(name, (SETTINGS_FILES[0], 0))
    return Diagnostic(path, line, name, message, hint)


def problems(settings: Mapping[str, Any], declaration: Declaration,
             lines: Mapping[str, tuple[str, int]]) -> list[Diagnostic]:
    """Every unknown or invalid setting of this plugin, on its line of the settings file."""
    names = declaration.names()
    given = {name: value for name, value in settings.items() if declaration.owned(name)}
    out = []
    for name in sorted(set(given) - set(names)):
        path, line = lines.get(name, (SETTINGS_FILES[0], 0))
        out.append(Diagnostic(path, line, name, t("unknown setting of {plugin}", plugin=declaration.plugin),
                              choices_hint(name, names)))
    known = {name: _lists_as_tuples(value) for name, value in given.items() if name in names}
    try:
        declaration.model.model_validate(known)
    except ValidationError as exc:
        for found in pydantic_diagnostics(exc, SETTINGS_FILES[0], lambda loc: 0):
            name = str(found.field).split(".", 1)[0].split("[", 1)[0]
            path, line = lines.get(name, (SETTINGS_FILES[0], 0))
            if getattr(found.message, "template", "") == "required field is missing":
                found = dataclasses.replace(found, message=t("the setting is missing"),
                                            hint=t("set it in {file}", file=path))
            out.append(dataclasses.replace(found, path=path, line=line))
    return out


def _lists_as_tuples(value: Any) -> Any:
    """A settings file writes a list or a tuple alike: both are checked as the declared tuple."""
    if isinstance(value, list | tuple):
        return tuple(_lists_as_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _lists_as_tuples(v) for k, v in value.items()}
    return value


def fill_defaults(settings: MutableMapping[str, Any], declaration: Declaration) -> None:
    """The declared default of every setting the site does not give."""
    for name, info in declaration.model.model_fields.items():
        if name not in settings and not info.is_required():
            settings[name] = info.get_default(call_default_factory=True)


def apply(settings: MutableMapping[str, Any], declaration: Declaration, root: Path | None = None) -> None:
    """Check the plugin's settings and fill their defaults; SettingsError on any problem."""
    apply_all(settings, [declaration], root)


def apply_all(settings: MutableMapping[str, Any], declarations: Iterable[Declaration], root: Path | None = None) -> None:
    """`apply` for several plugins, every problem of all of them in one SettingsError."""
    declarations = list(declarations)
    lines = _lines(settings, root)
    found = [problem for declaration in declarations for problem in problems(settings, declaration, lines)]
    if found:
        raise SettingsError(found)
    for declaration in declarations:
        fill_defaults(settings, declaration)


def declarations_of(plugins: Iterable[str]) -> list[Declaration]:
    """The declarations of these plugins (the `SETTINGS` of their `settings` module), so that
    the first plugin can report every plugin's problems at once."""
    out = []
    for plugin in plugins:
        name = plugin if isinstance(plugin, str) else getattr(plugin, "__name__", "")
        try:  # a plugin that is a module, not a package, has no `settings` module
            found = bool(name) and importlib.util.find_spec(f"{name}.settings") is not None
        except ModuleNotFoundError:
            found = False
        declaration = getattr(importlib.import_module(f"{name}.settings"), "SETTINGS", None) if found else None
        if isinstance(declaration, Declaration):
            out.append(declaration)
    return out
