"""Turn pydantic validation errors into diagnostics with a line and a plain message."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from .diagnostics import N_, Diagnostic, Text, did_you_mean, t
from .frontmatter import dotted

_TYPE_WORDS = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping (field: value lines)"),
    "model_type": N_("a mapping (field: value lines)"),
    "float_type": N_("a number"),
    "datetime_type": N_("a date-time such as 2021-01-15T09:00:00+07:00"),
}


def pydantic_diagnostics(
    exc: ValidationError,
    path: str,
    line_of: Callable[[tuple], int],
    known_fields: Callable[[tuple], list[str]] | None = None,
) -> list[Diagnostic]:
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
        field = dotted(loc)
        kind = error["type"]
        value = error.get("input")
        hint = ""
        if kind == "extra_forbidden":
            name = loc[-1] if loc else ""
            message = t("unknown field '{name}'", name=name)
            if known_fields:
                hint = did_you_mean(str(name), known_fields(loc[:-1])) or t(
                    "allowed here: {fields}", fields=", ".join(known_fields(loc[:-1])))
        elif kind == "missing":
            message = t("required field is missing")
            hint = t("add '{name}:'", name=loc[-1]) if loc else ""
        elif kind in _TYPE_WORDS:
            message = t("expected {kind}, got {value}", kind=Text(_TYPE_WORDS[kind]), value=_show(value))
        elif kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            message = t("{value} is not allowed; expected {expected}", value=_show(value), expected=expected)
            options = [o.strip(" '") for o in str(expected).replace(" or ", ",").split(",") if o.strip()]
            hint = did_you_mean(str(value), options)
        elif kind == "string_pattern_mismatch":
            message = t("{value} is not a valid id or slug", value=_show(value))
            hint = t("use lowercase ASCII letters, digits and single hyphens, e.g. 'bo-cong-an'")
        elif kind in ("value_error", "assertion_error"):
            # our validators raise N_-marked texts: translatable as they are
            problem = Text(error["msg"].removeprefix("Value error, "))
            message = t("{value} {problem}", value=_show(value), problem=problem) if _short(value) else problem
        elif kind in ("greater_than_equal", "less_than_equal"):
            bound = error.get("ctx", {}).get("ge", error.get("ctx", {}).get("le"))
            message = (t("{value} is too small (at least {bound})", value=_show(value), bound=bound)
                       if kind == "greater_than_equal" else
                       t("{value} is too large (at most {bound})", value=_show(value), bound=bound))
        elif kind in ("too_short", "too_long"):
            limit = error.get("ctx", {}).get("min_length" if kind == "too_short" else "max_length")
            message = (t("needs at least {limit} entries", limit=limit) if kind == "too_short"
                       else t("has more than {limit} entries", limit=limit))
        else:
            message = t("{problem} (got {value})", problem=error["msg"], value=_show(value))
        out.append(Diagnostic(path, line_of(loc), field, message, hint))
    return out


def _is_union_tag(part) -> bool:
    # pydantic adds the union member's name to the loc: it means nothing to an author
    return isinstance(part, str) and (part.startswith(("literal[", "list[", "function-")) or part in {"str", "int", "tuple[float, float]"})


def _short(value) -> bool:
    return isinstance(value, str | int | float) and len(str(value)) <= 80


def _show(value) -> str:
    if isinstance(value, dict):
        return t("a mapping")
    if isinstance(value, list):
        return t("a list")
    if value is None:
        return t("nothing")
    text = str(value)
    return repr(text[:80] + ("..." if len(text) > 80 else "")) if isinstance(value, str) else text
