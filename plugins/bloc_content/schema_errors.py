"""Turn pydantic validation errors into diagnostics with a line and a plain message."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from .diagnostics import Diagnostic, did_you_mean
from .frontmatter import dotted

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (field: value lines)",
    "model_type": "a mapping (field: value lines)",
    "float_type": "a number",
    "datetime_type": "a date-time such as 2021-01-15T09:00:00+07:00",
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
            message = f"unknown field '{name}'"
            if known_fields:
                hint = did_you_mean(str(name), known_fields(loc[:-1])) or (
                    "allowed here: " + ", ".join(known_fields(loc[:-1])))
        elif kind == "missing":
            message = "required field is missing"
            hint = f"add '{loc[-1]}:'" if loc else ""
        elif kind in _TYPE_WORDS:
            message = f"expected {_TYPE_WORDS[kind]}, got {_show(value)}"
        elif kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            message = f"{_show(value)} is not allowed; expected {expected}"
            options = [o.strip(" '") for o in str(expected).replace(" or ", ",").split(",") if o.strip()]
            hint = did_you_mean(str(value), options)
        elif kind == "string_pattern_mismatch":
            message = f"{_show(value)} is not a valid id or slug"
            hint = "use lowercase ASCII letters, digits and single hyphens, e.g. 'bo-cong-an'"
        elif kind in ("value_error", "assertion_error"):
            message = f"{_show(value)} {error['msg'].removeprefix('Value error, ')}" if _short(value) else error["msg"].removeprefix("Value error, ")
        elif kind in ("greater_than_equal", "less_than_equal"):
            message = f"{_show(value)} is out of range ({error['msg'].lower()})"
        elif kind in ("too_short", "too_long"):
            message = error["msg"].replace("List", "list")
        else:
            message = f"{error['msg']} (got {_show(value)})"
        out.append(Diagnostic(path, line_of(loc), field, message, hint))
    return out


def _is_union_tag(part) -> bool:
    # pydantic adds the union member's name to the loc: it means nothing to an author
    return isinstance(part, str) and (part.startswith(("literal[", "list[", "function-")) or part in {"str", "int", "tuple[float, float]"})


def _short(value) -> bool:
    return isinstance(value, str | int | float) and len(str(value)) <= 80


def _show(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = str(value)
    return repr(text[:80] + ("..." if len(text) > 80 else "")) if isinstance(value, str) else text
