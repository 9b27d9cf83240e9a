"""How a practice file's checked result is kept in the build cache: its values as plain
tuples, strings and numbers in `marshal`'s format, which loads about three times faster
than pickled objects (10,000 of them are loaded on every rebuild of a large catalogue).

The fields a rebuild reads of only the few practices whose pages it makes (the texts shown
on a practice's own page, the positions of fields for messages) stay encoded in one value
when a practice is loaded, and are decoded the first time one of them is read: decoding
them all would double the time a rebuild takes to load a large catalogue."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from datetime import date
from pathlib import PurePath
from typing import Any, NamedTuple

from .model import Contact, Link, Practice
from .problems import Problem, Severity


class FileResult(NamedTuple):
    """One practice file, read and checked on its own."""

    practice: Practice | None
    problems: list[Problem]
    ids: tuple[str, ...]
    """The id the file declares, valid or not (so that a broken file is not also reported as
    a missing translation of its twin)."""


ENCODED_FIELDS = frozenset(
    {
        "title",
        "summary",
        "municipality",
        "organisations",
        "funding",
        "contact",
        "links",
        "criteria",
        "lines",
        "body_line",
        "body_offset",
    }
)
"""The fields left encoded in Practice.encoded until one of them is read."""
_ENCODED = tuple(name for name in Practice.__slots__ if name in ENCODED_FIELDS)
_DECODED = tuple(name for name in Practice.__slots__ if name not in ENCODED_FIELDS and name != "encoded")
_SET: dict[str, Callable[[Practice, Any], None]] = {
    name: getattr(Practice, name).__set__ for name in Practice.__slots__
}
"""Field → how to set it on a frozen Practice that has not been given its values yet."""
_SET_DECODED = tuple(_SET[name] for name in _DECODED)
_SET_ENCODED = tuple(_SET[name] for name in _ENCODED)
_PUBLISHED, _UPDATED = _DECODED.index("published"), _DECODED.index("updated")
_CONTACT, _LINKS = _ENCODED.index("contact"), _ENCODED.index("links")


def dump(result: FileResult) -> bytes:
    practice = None
    if p := result.practice:
        decoded: list[Any] = [getattr(p, name) for name in _DECODED]
        decoded[_PUBLISHED] = decoded[_PUBLISHED].toordinal()
        decoded[_UPDATED] = decoded[_UPDATED] and decoded[_UPDATED].toordinal()
        encoded: list[Any] = [getattr(p, name) for name in _ENCODED]
        contact = encoded[_CONTACT]
        encoded[_CONTACT] = contact and (contact.name, contact.organisation, contact.email, contact.url)
        encoded[_LINKS] = tuple((link.text, link.url) for link in encoded[_LINKS])
        practice = (tuple(decoded), marshal.dumps(tuple(encoded)))
    problems = [(p.path.as_posix(), p.line, p.column, p.message, p.severity.value) for p in result.problems]
    return marshal.dumps((practice, problems, result.ids))


def load(value: bytes) -> FileResult | None:
    """The result `dump` stored; None for anything else (a cache is never trusted)."""
    try:
        stored, problems, ids = marshal.loads(value)
        practice = None
        if stored is not None:
            decoded, encoded = stored
            if len(decoded) != len(_DECODED) or not isinstance(encoded, bytes):
                return None
            practice = Practice.__new__(Practice)
            for set_field, field_value in zip(_SET_DECODED, decoded):  # noqa: B905 - length checked
                set_field(practice, field_value)
            _SET["published"](practice, date.fromordinal(decoded[_PUBLISHED]))
            _SET["updated"](practice, decoded[_UPDATED] and date.fromordinal(decoded[_UPDATED]))
            _SET["encoded"](practice, encoded)
        return FileResult(
            practice,
            [
                Problem(PurePath(path), line, column, message, Severity(kind))
                for path, line, column, message, kind in problems
            ]
            if problems
            else [],
            ids,
        )
    except (ValueError, EOFError, TypeError, IndexError):
        return None


def decode_fields(practice: Practice) -> None:
    """Set the fields that `load` left encoded (see Practice.__getattr__)."""
    values = list(marshal.loads(practice.encoded))
    if values[_CONTACT] is not None:
        values[_CONTACT] = Contact(*values[_CONTACT])
    values[_LINKS] = tuple(Link(*link) for link in values[_LINKS])
    for set_field, field_value in zip(_SET_ENCODED, values, strict=True):
        set_field(practice, field_value)
