"""The one way a practice file is written: fields in their declared order, lists of codes on
one line, a string quoted only where YAML would misread it. `build.py new`, the web editor
(static/admin/house-style.js, the same rules in JavaScript) and CONTRIBUTING.md all write it,
so a change to one field changes one line of the file. And what a value must not be written
with, since the page would show it: typographic quotes, Markdown or HTML in plain text."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from .fields import CONTACT_KEYS, FIELDS, LINK_KEYS

SCHEMA_LINE = "# yaml-language-server: $schema=../practice.schema.json"
"""First line of the front matter: editors' YAML tools take field help and checks from it."""

_WS = "[ \t\n\r\f\v\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
"""Blank characters (an explicit list, so that Python and JavaScript agree on them)."""
_INDICATOR = re.compile(f"""^(?:[-?:,\\[\\]{{}}#&*!|>'"%@`]|{_WS})""")
_EDGE_SPACE = re.compile(f"^{_WS}|{_WS}$")
_MISREAD = re.compile(
    r"""^(?:y|n|yes|no|on|off|true|false|null|~|=|<<
    |[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
    |[-+]?\.(?:inf|nan)|0[xXoObB][0-9a-fA-F_]+
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt\ \t].*)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$""",
    re.IGNORECASE | re.VERBOSE,
)
_FLOW_BREAKERS = re.compile(r"[,:?\[\]{}]")
_UNSAFE = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")
"""What YAML does not allow in a file, or reads as a line break: written as an escape."""
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
TYPOGRAPHIC_QUOTES = "“”„‟«»‘’‚‛‹›"
_IN_TYPOGRAPHIC_QUOTES = re.compile(f"[{TYPOGRAPHIC_QUOTES}]([^{TYPOGRAPHIC_QUOTES}]*)[{TYPOGRAPHIC_QUOTES}]")


MARKUP = re.compile(r"\*\*|__|`|\]\(|</?[a-zA-Z][^<>]*>|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);")
"""Markdown or HTML (a tag, or an entity such as &amp; in text copied from a page's source),
which a plain-text field (a title, an organisation: in lists, search results and the open
data too) would show as written."""


def plainly(markup: str) -> str:
    """How to write what `markup` meant in plain text."""
    meant = html.unescape(markup)  # an entity's character; Markdown or a tag as it is
    if meant == markup:
        return "write it without Markdown or HTML"
    return "write a space" if meant.isspace() else f"write {meant} itself"


def in_typographic_quotes(text: str) -> str | None:
    """What is inside, if the whole of `text` is in typographic quotes (”…”, “…”, «…»): a word
    processor or a Mac's smart quotes make them of straight ones, and YAML reads them as part
    of the text. None if it is not (also for two quoted names: ”Koti” ja ”Työ”)."""
    found = _IN_TYPOGRAPHIC_QUOTES.fullmatch(text)
    return found[1] if found else None


def is_plain(text: str, in_flow: bool = False) -> bool:
    """Whether `text` reads back as the same string when written without quotes."""
    return bool(
        text
        and not _INDICATOR.match(text)
        and not _EDGE_SPACE.search(text)
        and "\t" not in text
        and "\n" not in text
        and not _UNSAFE.search(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _MISREAD.match(text)
        and not (in_flow and _FLOW_BREAKERS.search(text))
    )


def scalar(value: Any, in_flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | date):
        return value.isoformat() if isinstance(value, date) else str(value)
    text = str(value)
    return text if is_plain(text, in_flow) else quoted(text)


def yaml_type(value: Any) -> str:
    """What YAML read a value as, in words."""
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, date):
        return "date"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "group of fields"
    return type(value).__name__


def quoted(text: str) -> str:
    """A YAML double-quoted string."""
    escaped = re.sub(r'[\\"\n\t]', lambda m: _ESCAPES[m.group()], text)
    return '"' + _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", escaped) + '"'


def _is_empty(value: Any) -> bool:
    """Nothing to write: no value, or only empty values inside."""
    if isinstance(value, Mapping):
        return all(_is_empty(item) for item in value.values())
    if isinstance(value, list):
        return all(_is_empty(item) for item in value)
    return value is None or value == ""


def _ordered(mapping: Mapping[str, Any], order: Sequence[str]) -> list[tuple[str, Any]]:
    known = [(key, mapping[key]) for key in order if key in mapping]
    return known + [(key, value) for key, value in mapping.items() if key not in order]


def _mapping_lines(mapping: Mapping[str, Any], order: Sequence[str], indent: str) -> list[str]:
    return [
        f"{indent}{key}: {scalar(value)}" for key, value in _ordered(mapping, order) if not _is_empty(value)
    ]


def _field_lines(name: str, value: Any, criteria_order: Sequence[str]) -> list[str]:
    if isinstance(value, Mapping):
        order = CONTACT_KEYS if name == "contact" else criteria_order
        return [f"{name}:", *_mapping_lines(value, order, "  ")]
    if isinstance(value, list) and any(isinstance(item, Mapping) for item in value):
        lines = [f"{name}:"]
        for item in value:
            item_lines = [] if _is_empty(item) else _mapping_lines(item, LINK_KEYS, "    ")
            if item_lines:
                lines += ["  - " + item_lines[0].lstrip(), *item_lines[1:]]
        return lines
    if isinstance(value, list):
        return [f"{name}: [" + ", ".join(scalar(item, in_flow=True) for item in value) + "]"]
    return [f"{name}: {scalar(value)}"]


def format_practice(front: Mapping[str, Any], body: str, criteria_order: Sequence[str]) -> str:
    """The file's text in house style. Optional fields left empty are left out; the text ends
    with one line break."""
    required = {field.name for field in FIELDS if field.required}
    order = [field.name for field in FIELDS]
    lines = [SCHEMA_LINE]
    for name, value in _ordered(front, order):
        if _is_empty(value):
            lines += [f'{name}: ""'] if name in required else []
        else:
            lines += _field_lines(name, value, criteria_order)
    text = body.rstrip(" \t\n") + "\n"
    return "---\n" + "\n".join(lines) + "\n---\n" + ("" if text == "\n" else text)
