"""Dates and numbers for each locale, formatted by Babel."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal


def human_date(value: dt.date | dt.datetime, lang: str, precision: str = "day") -> str:
    """'1 tháng 1, 2021' / 'January 1, 2021'; 'tháng 1 năm 2021' / 'January 2021' for month precision."""
    return _human_day(value.date() if isinstance(value, dt.datetime) else value, lang, precision)


@lru_cache(maxsize=8192)  # Babel's formatting is slow and a site repeats its dates across pages
def _human_day(day: dt.date, lang: str, precision: str) -> str:
    if precision == "month":
        return format_skeleton("yMMMM", day, locale=lang)
    if precision == "year":
        return format_skeleton("y", day, locale=lang)
    return format_date(day, format="long", locale=lang)


def machine_date(value: dt.date | dt.datetime, precision: str = "time") -> str:
    """The `datetime` attribute of <time>: with the +07:00 offset when there is a time."""
    if precision == "month":
        return value.strftime("%Y-%m")
    if precision == "year":
        return value.strftime("%Y")
    if isinstance(value, dt.datetime) and precision == "time":
        return value.isoformat()
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def partial_date(value, lang: str) -> str:
    """A PartialDate (year, month?, day?) in words."""
    return human_date(value.as_date(), lang, value.precision)


def number(value: int | float, lang: str) -> str:
    return format_decimal(value, locale=lang)
