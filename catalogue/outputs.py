"""What the render stage hands on: each output file as a recipe and a way to make it.

A recipe is a hash of everything the file is made from: the template and what it includes,
the interface catalogue, the site settings, and the page's own context, in which a practice
counts by the hash of its source file and an expensive value (a document's HTML) by a key.
Making a recipe costs microseconds; making the file costs a Markdown conversion and a
template render. The build compares recipes with those recorded when each file was last
written and makes only the files whose recipe changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from .model import Practice
from .vocabulary import Term


@dataclass(frozen=True, slots=True)
class Deferred:
    """A value made only when a page that shows it is made; it counts in recipes by `key`."""

    key: str
    make: Callable[[], Any]


class Listed:
    """Practices of one language shown as a list (the A–Ö page, a term's page): templates
    iterate it and take its length; in a recipe it counts by its members' front-matter hashes,
    joined in one go, which for thousands of practices is much faster than one by one."""

    __slots__ = ("items",)

    def __init__(self, items: list[Practice]) -> None:
        self.items = tuple(items)

    def __iter__(self) -> Iterator[Practice]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class Output:
    path: str
    """Path in the output directory."""
    recipe: str
    make: Callable[[], str]


def _stand_in(value: Any) -> Any:
    """What a value counts as in a recipe: a practice as the hash of its front matter (its
    text reaches a page only through a Deferred keyed on the whole file), an expensive value
    as its key, a vocabulary term as its code, any other dataclass as its fields."""
    kind = type(value)
    if kind is Practice:
        return ["practice", value.lang, value.front_digest]
    if kind is Listed:
        return ["listed", "".join(map(_FRONT_DIGEST, value.items))]
    if kind is Deferred:
        return ["deferred", value.key]
    if kind is Term:
        return ["term", value.code]
    if kind is date:
        return ["date", value.isoformat()]
    fields = _FIELDS.get(kind)
    if fields is None:
        if not (dataclasses.is_dataclass(value) and not isinstance(value, type)):
            raise TypeError(f"{kind.__name__} cannot be part of a page's recipe")
        names = tuple(f.name for f in dataclasses.fields(value))
        # attrgetter of several names gives a tuple in one C call; of one, the value itself.
        fields = attrgetter(*names) if len(names) > 1 else lambda v: tuple(getattr(v, n) for n in names)
        _FIELDS[kind] = fields
    return [kind.__name__, *fields(value)]


_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_FRONT_DIGEST = attrgetter("front_digest")

_ENCODER = json.JSONEncoder(default=_stand_in, sort_keys=True, separators=(",", ":"), check_circular=False)
"""JSON made by the C encoder walks a page's inputs far faster than Python code could."""


def recipe(*parts: Any) -> str:
    """A hash of everything a file is made from (see the module's docstring)."""
    text = _ENCODER.encode(parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def made(context: dict[str, Any]) -> dict[str, Any]:
    """The context with every deferred value made."""
    return {name: value.make() if isinstance(value, Deferred) else value for name, value in context.items()}
