"""How a practice file's checked result is kept in the build cache: its values as plain
tuples, strings and numbers in `marshal`'s format, which loads about three times faster
than pickled objects (10,000 of them are loaded on every rebuild of a large catalogue)."""

from __future__ import annotations

import marshal
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


_FIELDS = Practice.__slots__
_CONTACT, _LINKS = _FIELDS.index("contact"), _FIELDS.index("links")
_DATES = _FIELDS.index("published"), _FIELDS.index("updated")


def dump(result: FileResult) -> bytes:
    practice = None
    if result.practice is not None:
        values: list[Any] = [getattr(result.practice, name) for name in _FIELDS]
        contact = values[_CONTACT]
        values[_CONTACT] = (
            None if contact is None else (contact.name, contact.organisation, contact.email, contact.url)
        )
        values[_LINKS] = tuple((link.text, link.url) for link in values[_LINKS])
        for index in _DATES:
            values[index] = values[index] and values[index].toordinal()
        practice = tuple(values)
    problems = [(p.path.as_posix(), p.line, p.column, p.message, p.severity.value) for p in result.problems]
    return marshal.dumps((practice, problems, result.ids))


def load(value: bytes) -> FileResult | None:
    """The result `dump` stored; None for anything else (a cache is never trusted)."""
    try:
        practice, problems, ids = marshal.loads(value)
        if practice is not None:
            values = list(practice)
            if values[_CONTACT] is not None:
                values[_CONTACT] = Contact(*values[_CONTACT])
            values[_LINKS] = tuple(Link(*link) for link in values[_LINKS])
            for index in _DATES:
                values[index] = values[index] and date.fromordinal(values[index])
            practice = Practice(*values)
        return FileResult(
            practice,
            [
                Problem(PurePath(path), line, column, message, Severity(kind))
                for path, line, column, message, kind in problems
            ],
            ids,
        )
    except (ValueError, EOFError, TypeError, IndexError):
        return None
