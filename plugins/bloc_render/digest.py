"""A stable digest of the values a page is rendered from (no Pelican import).

Two builds that give a page values with the same digest render the same bytes, so the
digest must see everything a template can reach: it walks containers, dataclasses and
plain objects through their attributes. A value it cannot describe in a way that stays the
same between processes (an object whose repr is its address) raises `Unstable`: that page
is rendered, never reused on a guess.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import re
import types
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel

# Values whose repr says everything about them and does not change between processes.
_BY_REPR = (datetime.date, datetime.time, datetime.timedelta, datetime.tzinfo, Decimal, Fraction, PurePath,
            enum.Enum, re.Pattern, range, complex)
_CODE = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)


class Unstable(Exception):
    """A value with no stable description: the page that uses it is always rendered."""


def new_hash():
    return hashlib.blake2b(digest_size=16)


class Digester:
    """Feeds values into a hash. `special(value)` may return a short stand-in for values that
    are digested on their own (an article inside a list of articles), or None."""

    def __init__(self, special: Callable[[Any], Any] | None = None, skip_attributes: Iterable[str] = ()):
        self.special = special
        self.skip = frozenset(skip_attributes)

    def digest(self, value: Any) -> str:
        hasher = new_hash()
        self.feed(hasher, value)
        return hasher.hexdigest()

    def feed(self, hasher, value: Any) -> None:
        self._feed(hasher.update, value, set())

    def feed_attributes(self, hasher, value: Any) -> None:
        """The object's own attributes, without asking `special` about the object itself."""
        self._feed_container(hasher.update, value, type(value), {id(value)})

    def _feed(self, put, value: Any, active: set[int]) -> None:
        kind = type(value)
        if isinstance(value, str):  # Markup too: its type is part of the digest (escaping differs)
            data = value.encode("utf-8", "surrogatepass")
            put(b"s%s:%d:" % (kind.__name__.encode(), len(data)))
            put(data)
            return
        if value is None or kind in (bool, int, float):
            put(b"v%s;" % repr(value).encode())
            return
        if isinstance(value, bytes | bytearray):
            put(b"b%d:" % len(value))
            put(bytes(value))
            return
        if self.special is not None:
            stand_in = self.special(value)
            if stand_in is not None:
                put(b"r")
                self._feed(put, stand_in, active)
                return
        if isinstance(value, BaseModel):  # pydantic serialises every field, far faster than a walk
            try:
                dumped = value.model_dump_json()
            except ValueError:
                dumped = None
            if dumped is not None:
                put(b"m%s;%d:" % (_name(kind), len(dumped)))
                put(dumped.encode("utf-8", "surrogatepass"))
                return
        if isinstance(value, _BY_REPR):
            put(b"p%s;" % repr(value).encode())
            return
        if isinstance(value, _CODE) or (callable(value) and not isinstance(value, list | dict | tuple)):
            # Code is part of the site's digest; a callable object's state is a cache of its
            # calls (a renderer's memo), not an input of the page.
            owner = value if isinstance(value, _CODE) else kind
            put(b"f%s.%s;" % (getattr(owner, "__module__", "?").encode(),
                              getattr(owner, "__qualname__", repr(owner)).encode()))
            return
        marker = id(value)
        if marker in active:
            put(b"c;")  # a cycle: the outer walk describes it
            return
        active.add(marker)
        try:
            self._feed_container(put, value, kind, active)
        finally:
            active.discard(marker)

    def _feed_container(self, put, value: Any, kind: type, active: set[int]) -> None:
        if isinstance(value, list | tuple):
            put(b"l%d:" % len(value))
            for item in value:
                self._feed(put, item, active)
        elif isinstance(value, dict):
            put(b"d%d:" % len(value))
            for _key, key, item in sorted((self._key(key, active), key, item) for key, item in value.items()):
                self._feed(put, key, active)
                self._feed(put, item, active)
        elif isinstance(value, set | frozenset):
            put(b"e%d:" % len(value))
            for member in sorted(self._sub(item, active) for item in value):
                put(member.encode())
        elif dataclasses.is_dataclass(value):
            put(b"o%s;" % _name(kind))
            for name in _field_names(kind):
                if name not in self.skip:
                    self._feed(put, name, active)
                    self._feed(put, getattr(value, name), active)
        elif hasattr(value, "__dict__") or hasattr(kind, "__slots__"):
            put(b"o%s;" % _name(kind))
            attributes = dict(getattr(value, "__dict__", {}))
            for slot in _slots(kind):
                if hasattr(value, slot):
                    attributes[slot] = getattr(value, slot)
            for name in sorted(attributes):
                if name not in self.skip and not name.startswith("__"):
                    self._feed(put, name, active)
                    self._feed(put, attributes[name], active)
        else:
            text = repr(value)
            if " at 0x" in text:
                raise Unstable(f"{kind.__module__}.{kind.__qualname__}")
            put(b"p%s;" % text.encode())

    def _key(self, key: Any, active: set[int]) -> tuple[str, str]:
        return ("s", key) if type(key) is str else ("x", self._sub(key, active))

    def _sub(self, value: Any, active: set[int]) -> str:
        hasher = new_hash()
        self._feed(hasher.update, value, active)
        return hasher.hexdigest()


def _name(kind: type) -> bytes:
    return f"{kind.__module__}.{kind.__qualname__}".encode()


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _slots(kind: type) -> list[str]:
    names: list[str] = []
    for klass in kind.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        names.extend([slots] if isinstance(slots, str) else slots)
    return [name for name in names if name not in ("__dict__", "__weakref__")]
