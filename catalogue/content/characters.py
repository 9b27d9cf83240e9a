"""Invisible characters a published page may not hold: control characters (a line break or page
break pasted from a word processor or a PDF), direction overrides that show text in another
order than it is written, line separators browsers do not show, and code points that are no
characters. An editor cannot see them, so each is reported with the text around it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import PurePath

from ..problems import Problem

UNPUBLISHABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff]"
)
"""What the HTML standard forbids in a page (controls, noncharacters), and what makes a text
read other than it shows (direction overrides and isolates, separators)."""

KINDS = {
    "\x0b": "a line break pasted from a word processor; press Enter instead, or delete it",
    "\x0c": "a page break pasted from a word processor; delete it",
    "\u2028": "a line separator, which browsers do not show as a break; press Enter instead, or delete it",
    "\u2029": "a paragraph separator, which browsers do not show as a break; leave an empty line instead",
    "\ufeff": "a byte-order mark, left where two files were joined; delete it",
}
OVERRIDE = "a direction mark, which shows the text after it in another order than it is written; delete it"
CONTROL = "a control character, which a web page may not contain; delete it"
REFERENCE = re.compile(r"&#(?:[xX][0-9a-fA-F]+|[0-9]+);")
"""A numeric character reference of Markdown or HTML: &#7;, &#x202e;."""
SHOWN_AROUND = 12
"""Characters shown on each side of the invisible one, to find it by."""


def unpublishable_characters(text: str, shown_as: PurePath) -> list[Problem]:
    """A problem at the first invisible character of each line that has one."""
    if not UNPUBLISHABLE.search(text):
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = list(UNPUBLISHABLE.finditer(line))
        if found:
            problems.append(_problem(shown_as, number, line, found))
    return problems


def _problem(shown_as: PurePath, number: int, line: str, found: list[re.Match[str]]) -> Problem:
    message = f"{_described(line, found)} (retyping the text around it does)"
    return Problem(shown_as, number, found[0].start() + 1, message)


def _described(line: str, found: list[re.Match[str]], written: str = "") -> str:
    """'an invisible character ⟨U+000B⟩ in 'the text around it'`written`: what it is and what
    to do'."""
    first = found[0]
    character = first.group()
    kind = _kind(character)
    before, after = line[: first.start()], line[first.end() :]
    if len(before) > SHOWN_AROUND:
        before = before[-SHOWN_AROUND:].partition(" ")[2] or before[-SHOWN_AROUND:]  # from a word's start
    if len(after) > SHOWN_AROUND:
        after = after[:SHOWN_AROUND].rpartition(" ")[0] or after[:SHOWN_AROUND]  # to a word's end
    around = UNPUBLISHABLE.sub(lambda m: _marked(m.group()), f"{before}{_marked(character)}{after}")
    more = f" (and {len(found) - 1} more on this line)" if len(found) > 1 else ""
    return f"an invisible character {_marked(character)} in '{around}'{more}{written}: {kind}"


Key = tuple[str | int, ...]


def escaped_characters(value: object, key: Key = ()) -> Iterator[tuple[Key, str]]:
    """(Where, what to tell) for each text of front matter that has an invisible character (see
    `escaped`), a list's items and a table's values too."""
    if isinstance(value, str) and (told := escaped(" ".join(map(_part, key)), value)):
        yield key, told
    elif isinstance(value, dict):
        for name, inner in value.items():
            if isinstance(name, str):
                yield from escaped_characters(inner, (*key, name))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from escaped_characters(inner, (*key, index))


def escaped(what: str, value: str) -> str | None:
    """What to tell of a text read from YAML or TOML (`what`: its name) that has an invisible
    character: written as an escape in double quotes ("\\a", "\\u0007"), it is not in the
    file's own text, whose characters are checked as they are written; None if it has none."""
    found = list(UNPUBLISHABLE.finditer(value))
    if not found:
        return None
    written = f", written as an escape in quotes (such as \\u{ord(found[0].group()):04x})"
    on_one_line = value.replace("\n", " ")  # a block of several lines is quoted as one
    return f"{what} has {_described(on_one_line, found, written)}"


def _part(part: str | int) -> str:
    return f"item {part + 1}" if isinstance(part, int) else part


def referenced_characters(path: PurePath, number: int, line: str) -> Iterator[Problem]:
    """A problem at each character reference of a text's line (its code blanked out) to an
    invisible character: the page gets the character itself."""
    for reference in REFERENCE.finditer(line):
        character = _referenced(reference[0])
        if UNPUBLISHABLE.fullmatch(character):
            what = f"'{reference[0]}' gives an invisible character {_marked(character)}"
            yield Problem(path, number, reference.start() + 1, f"{what}: {_kind(character)}")


def _referenced(reference: str) -> str:
    """The character a reference gives in a browser (and in nh3's output): &#128; is €, as
    Python's `html.unescape` has it, but &#7; is the control character, which it leaves out."""
    number = reference[2:-1]  # &#7; → 7, &#x202e; → x202e
    hexadecimal = number[0] in "xX"
    digits = (number[1:] if hexadecimal else number).lstrip("0") or "0"
    if len(digits) > 8:  # past the last character (U+10FFFF): the replacement character
        return "\ufffd"
    code = int(digits, 16 if hexadecimal else 10)
    return html.unescape(f"&#{code};") or chr(code)


def visible(text: str) -> str:
    """The text with each invisible character shown as ⟨U+…⟩, for a message that quotes it."""
    return UNPUBLISHABLE.sub(lambda found: _marked(found.group()), text)


def _kind(character: str) -> str:
    """What an invisible character is, and what to do with it."""
    return KINDS.get(character) or (OVERRIDE if "\u202a" <= character <= "\u2069" else CONTROL)


def _marked(character: str) -> str:
    return f"⟨U+{ord(character):04X}⟩"
