"""A stable digest of the values a page is rendered from (no Pelican import).

Two builds that give a page values with the same digest render the same bytes, so the
digest must see everything a template can reach: it walks containers, dataclasses and
plain objects through their attributes. A value it cannot describe in a way that stays the
same between processes (an object whose repr is its address) raises `Unstable`: that page
is rendered, never reused on a guess.

Within one build the same object is reached from many pages (an organisation's view on
every page that lists it), so a `Digester(remember=True)` digests each object once and
feeds the result wherever it meets it again: the object must not change while pages are
written, which holds since the generators finish their values before writing.
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
# Field values a flat record is made of: its repr is a complete, stable description.
_SCALARS = frozenset({str, int, float, bool, type(None)})
_CONTAINERS = (list, tuple, dict, set, frozenset)  # walked where they are met (a page's own lists)
_PLAIN = frozenset({list, tuple, dict})  # never a stand-in's, a model's or code's


class Unstable(Exception):
    """A value with no stable description: the page that uses it is always rendered."""


def new_hash():
    return hashlib.blake2b(digest_size=16)


class Digester:
    """Feeds values into a hash. `special(value)` may return a short stand-in for values that
    are digested on their own (an article inside a list of articles), or None."""

    def __init__(self, special: Callable[[Any], Any] | None = None, skip_attributes: Iterable[str] = (),
                 remember: bool = False):
        self.special = special
        self.skip = frozenset(skip_attributes)
        self.remember = remember
        # id -> (the object, kept so that its id is not reused; its digest)
        self._remembered: dict[int, tuple[object, bytes]] = {}
        self._cycles = 0  # back references met so far: a digest that met one is not remembered

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
        # A list, tuple or dict is walked: nothing else describes it.
        if kind not in _PLAIN and self._feed_whole(put, value, kind, active):
            return
        marker = id(value)
        if marker in active:
            self._cycles += 1
            put(b"c;")  # a cycle: the outer walk describes it
            return
        if dataclasses.is_dataclass(value) and self._feed_flat(put, value, kind):
            return
        if self.remember and not isinstance(value, _CONTAINERS):
            put(b"h%s;" % self._object_digest(value, kind, active))
            return
        active.add(marker)
        try:
            self._feed_container(put, value, kind, active)
        finally:
            active.discard(marker)

    def _feed_whole(self, put, value: Any, kind: type, active: set[int]) -> bool:
        """A value described in one piece: a stand-in, a model, a repr, code. False for the
        others (walked)."""
        if self.special is not None:
            stand_in = self.special(value)
            if stand_in is not None:
                put(b"r")
                self._feed(put, stand_in, active)
                return True
        if isinstance(value, BaseModel):  # pydantic serialises every field, far faster than a walk
            try:
                dumped = value.model_dump_json()
            except ValueError:
                dumped = None
            if dumped is not None:
                put(b"m%s;%d:" % (_name(kind), len(dumped)))
                put(dumped.encode("utf-8", "surrogatepass"))
                return True
        if isinstance(value, _BY_REPR):
            put(b"p%s;" % repr(value).encode())
            return True
        if isinstance(value, _CODE) or (callable(value) and not isinstance(value, list | dict | tuple)):
            # Code is part of the site's digest; a callable object's state is a cache of its
            # calls (a renderer's memo), not an input of the page.
            owner = value if isinstance(value, _CODE) else kind
            put(b"f%s.%s;" % (getattr(owner, "__module__", "?").encode(),
                              getattr(owner, "__qualname__", repr(owner)).encode()))
            return True
        return False

    def _feed_flat(self, put, value: Any, kind: type) -> bool:
        """A record of scalar fields, in one piece (most of the facts a page shows)."""
        values = tuple(getattr(value, name) for name in _field_names(kind) if name not in self.skip)
        if not all(type(item) in _SCALARS for item in values):
            return False
        put(b"O%s;%s;" % (_name(kind), repr(values).encode("utf-8", "surrogatepass")))
        return True

    def _object_digest(self, value: Any, kind: type, active: set[int]) -> bytes:
        marker = id(value)
        found = self._remembered.get(marker)
        if found is not None:
            return found[1]
        hasher, cycles = new_hash(), self._cycles
        active.add(marker)
        try:
            self._feed_container(hasher.update, value, kind, active)
        finally:
            active.discard(marker)
        digest = hasher.hexdigest().encode()
        if self._cycles == cycles:
            self._remembered[marker] = (value, digest)
        return digest

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
                    put(b"n%s;" % name.encode())  # an identifier: no ';' in it
                    self._feed(put, getattr(value, name), active)
        elif hasattr(value, "__dict__") or hasattr(kind, "__slots__"):
            put(b"o%s;" % _name(kind))
            attributes = dict(getattr(value, "__dict__", {}))
            for slot in _slots(kind):
                if hasattr(value, slot):
                    attributes[slot] = getattr(value, slot)
            for name in sorted(attributes):
                if name not in self.skip and not name.startswith("__"):
                    put(b"n%s;" % name.encode("utf-8", "surrogatepass"))
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
