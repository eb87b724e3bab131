"""The digest a page's fingerprint is made of: equal for equal values, different for any
difference a template could show, and refused for values with no stable description."""

from __future__ import annotations

import dataclasses
import datetime
import subprocess
import sys

import pytest
from bloc_render.digest import Digester, Unstable, new_hash
from markupsafe import Markup


@dataclasses.dataclass
class Fact:
    name: str
    years: list[int]


class Item:
    def __init__(self, title: str, fact: Fact) -> None:
        self.title = title
        self.fact = fact
        self.settings = {"ignored": object()}


@dataclasses.dataclass
class Name:  # a flat record: scalars only
    id: str
    name: str
    member: bool = True
    rank: int | None = None


def digest(value, remember: bool = False) -> str:
    return Digester(skip_attributes=("settings",), remember=remember).digest(value)


@pytest.mark.parametrize("remember", [False, True])
def test_equal_values_have_equal_digests_whatever_the_order_of_a_dict_or_set(remember):
    assert digest({"a": 1, "b": [1, 2]}, remember) == digest({"b": [1, 2], "a": 1}, remember)
    assert digest({"x", "y", "z"}, remember) == digest({"z", "y", "x"}, remember)
    assert digest(Item("t", Fact("btp", [2021])), remember) == digest(Item("t", Fact("btp", [2021])), remember)
    assert digest([Name("bca", "Bộ Công an")], remember) == digest([Name("bca", "Bộ Công an")], remember)


@pytest.mark.parametrize("remember", [False, True])
@pytest.mark.parametrize("other", [
    Item("t2", Fact("btp", [2021])),
    Item("t", Fact("bca", [2021])),
    Item("t", Fact("btp", [2021, 2022])),
])
def test_any_difference_inside_an_object_changes_the_digest(other, remember):
    assert digest(Item("t", Fact("btp", [2021])), remember) != digest(other, remember)


@pytest.mark.parametrize("other", [Name("bca", "Bộ Công an", False), Name("bca", "Bộ Công An"), Name("bca", "Bộ Công an", rank=0),
                                   Name("bca", "Bộ Công an", 1), Name("bca", Markup("Bộ Công an"))])
def test_a_flat_record_differs_by_any_field_and_by_its_types(other):
    assert digest(Name("bca", "Bộ Công an")) != digest(other)


def test_an_object_met_again_is_walked_once(monkeypatch):
    walked = []
    walk = Digester._feed_container

    def counting(self, put, value, kind, active):
        if isinstance(value, Item):
            walked.append(value)
        return walk(self, put, value, kind, active)

    monkeypatch.setattr(Digester, "_feed_container", counting)
    shared = Item("t", Fact("btp", [2021]))
    first = digest([shared, shared, {"again": shared}], remember=True)
    assert walked == [shared]
    copies = [Item("t", Fact("btp", [2021])) for _ in range(3)]
    assert first == digest([copies[0], copies[1], {"again": copies[2]}], remember=True)


def test_a_digest_that_met_a_cycle_is_not_remembered_for_other_pages():
    outer = Item("a", Fact("btp", [1]))
    inner = {"back": outer}
    outer.fact = Fact("btp", [inner])  # outer -> fact -> inner -> outer
    digester = Digester(skip_attributes=("settings",), remember=True)
    digester.digest(outer)
    # the fact's digest, met inside the cycle, left out the outer item: alone it must include it
    assert digester.digest(outer.fact) == Digester(skip_attributes=("settings",), remember=True).digest(outer.fact)


def test_types_that_render_differently_differ():
    assert digest("<b>") != digest(Markup("<b>"))  # escaped or not
    assert digest(1) != digest("1") != digest(1.0)
    assert digest([1, 2]) != digest([[1], 2])


def test_dates_digest_by_value():
    day = datetime.datetime(2021, 7, 16, 8, 0, tzinfo=datetime.UTC)
    assert digest(day) == digest(datetime.datetime(2021, 7, 16, 8, 0, tzinfo=datetime.UTC))
    assert digest(day) != digest(day + datetime.timedelta(minutes=1))


def test_a_cycle_is_described_once():
    a: dict = {"name": "a"}
    a["self"] = a
    assert digest(a) == digest(a)


def test_callables_count_by_name_not_by_their_memo():
    class Memo:
        def __init__(self) -> None:
            self.done: dict = {}

        def __call__(self, key):
            return self.done.setdefault(key, key)

    memo = Memo()
    first = digest({"remember": memo})
    memo("x")
    assert digest({"remember": memo}) == first


def test_an_object_with_no_stable_description_is_refused():
    class Opaque:
        __slots__ = ()

    with pytest.raises(Unstable):
        digest({"x": iter([1])})
    assert digest(Opaque()) == digest(Opaque())  # no state at all: its type says everything


def test_special_stands_in_for_objects_digested_on_their_own():
    special = Digester(special=lambda v: ("item", v.title) if isinstance(v, Item) else None,
                       skip_attributes=("settings",))
    one, two = Item("t", Fact("btp", [1])), Item("t", Fact("bca", [2]))
    assert special.digest([one]) == special.digest([two])  # the stand-in decides
    assert special.digest([one]) != special.digest([Item("u", Fact("btp", [1]))])
    assert special.digest(one) == special.digest(two)
    walked = Digester(special=special.special, skip_attributes=("settings",))
    a, b = new_hash(), new_hash()
    walked.feed_attributes(a, one)
    walked.feed_attributes(b, two)
    assert a.hexdigest() != b.hexdigest()  # the object's own attributes, not its stand-in


def test_the_digest_is_the_same_in_another_process():
    code = ("import datetime; from bloc_render.digest import Digester; "
            "print(Digester().digest({'a': {3, 1, 2}, 'd': datetime.date(2021, 1, 2), 't': ('x', 1.5)}))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(runs) == 1
