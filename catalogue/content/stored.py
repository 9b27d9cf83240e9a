"""A checked file's result as the build cache keeps it: plain tuples, strings and numbers in
`marshal`'s format, which loads several times faster than pickled objects (a rebuild loads
every file's result) and can hold no code."""

from __future__ import annotations

import marshal
from datetime import date
from pathlib import PurePath
from typing import Any

from ..problems import Problem, Severity
from .model import Contact, FileResult, Link, Links, Practice, Text

_DATES = ("published", "updated")
_DATE_INDEXES = tuple(Practice.__slots__.index(name) for name in _DATES)
_CONTACT, _LINKS = Practice.__slots__.index("contact"), Practice.__slots__.index("links")


def dump(result: FileResult) -> bytes:
    practice: tuple[Any, ...] | None = None
    text: tuple[Any, ...] | None = None
    if result.practice:
        values: dict[str, Any] = {name: getattr(result.practice, name) for name in Practice.__slots__}
        for name in _DATES:
            values[name] = values[name] and values[name].toordinal()
        contact = values["contact"]
        values["contact"] = contact and tuple(contact)
        values["links"] = tuple(tuple(link) for link in values["links"])
        practice = tuple(values.values())
    if result.text:
        text = (*result.text[:2], tuple(result.text.links), *result.text[3:])
    problems = [(str(p.path), p.line, p.column, p.message, p.severity.value) for p in result.problems]
    return marshal.dumps((practice, text, problems, result.ids, result.slugs, result.needs_twin, result.at))


def load(value: bytes) -> FileResult | None:
    """The result `dump` stored; None for anything else (a cache is never trusted)."""
    try:
        practice, text, problems, ids, slugs, needs_twin, at = marshal.loads(value)
        checked = [
            Problem(PurePath(path), line, column, message, Severity(kind))
            for path, line, column, message, kind in problems
        ]
        if text is not None:
            digest, line, links, substance, lines, language = text
            text = Text(digest, line, Links(*links), substance, lines, language)
        if practice is None:
            return FileResult(None, text, checked, ids, slugs, needs_twin, at)
        values = list(practice)
        for index in _DATE_INDEXES:
            values[index] = values[index] and date.fromordinal(values[index])
        values[_CONTACT] = values[_CONTACT] and Contact(*values[_CONTACT])
        values[_LINKS] = tuple(Link(*link) for link in values[_LINKS])
        return FileResult(Practice(*values), text, checked, ids)
    except (ValueError, EOFError, TypeError, IndexError):
        return None
