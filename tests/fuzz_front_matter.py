"""Hypothesis strategies: valid front matter of a real item, mutated (keys deleted or added,
values of another type, dates made of random numbers, random Unicode)."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "site" / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021"
DATE_FIELDS = ("published", "updated")


@cache
def _split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def split(path: Path) -> tuple[dict, str]:
    data, body = _split(path)
    return copy.deepcopy(data), body


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["bca", "ttcp", "draft", "published", "vi", "en", "all", "2021-01", "2021", "khoi-truong"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["org", "name", "year", "file", "alt", "award", "status", "x"]), inner, max_size=3), max_leaves=8)
# An unquoted date-time made of random numbers: PyYAML's timestamp constructor sees it.
RAW_DATES = st.builds("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}+{:02d}:00".format,
                      st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99), st.integers(0, 99),
                      st.integers(0, 99), st.integers(0, 99), st.integers(0, 23))


def paths(data: Any, loc: tuple = ()) -> list[tuple]:
    """Every location of a value in the data."""
    out = [loc] if loc else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += paths(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += paths(value, (*loc, i))
    return out


def _parent(data: Any, loc: tuple) -> Any:
    for part in loc[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_front_matter(draw, path: Path = SEED / "index.vi.md") -> bytes:
    """The file at `path` with one to four mutations, as the bytes an author could save."""
    data, body = split(path)
    raw_dates: dict[str, str] = {}
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "swap", "date", "unicode"]))
        locations = paths(data)
        if kind == "date":
            field = draw(st.sampled_from(DATE_FIELDS))
            token = f"DATE{len(raw_dates)}TOKEN"
            raw_dates[token] = draw(RAW_DATES)
            data[field] = token
        elif kind == "insert":
            where = draw(st.sampled_from([()] + [loc for loc in locations if isinstance(_get(data, loc), dict)]))
            target = _get(data, where)
            target[draw(st.text(min_size=1, max_size=12) | st.sampled_from(["chair", "photos", "awards", "slug"]))] = \
                draw(VALUES)
        elif locations:
            loc = draw(st.sampled_from(locations))
            parent = _parent(data, loc)
            if kind == "delete":
                del parent[loc[-1]]
            elif kind == "swap":
                parent[loc[-1]] = draw(VALUES)
            else:
                parent[loc[-1]] = draw(st.text(min_size=1, max_size=30))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for token, raw in raw_dates.items():
        text = text.replace(f"'{token}'", raw).replace(token, raw)
    if draw(st.booleans()):  # a few characters typed anywhere in the front matter (tabs, colons, quotes...)
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(st.characters() | st.sampled_from("\t:'\"[]{}#&*!|>-\n"), max_size=4)) + text[at:]
    return f"---\n{text}---\n{body}".encode("utf-8", errors="surrogatepass")


def _get(data: Any, loc: tuple) -> Any:
    for part in loc:
        data = data[part]
    return data
