"""Invisible characters a published page may not hold: control characters (a line break or page
break pasted from a word processor or a PDF), direction overrides that show text in another
order than it is written, line separators browsers do not show, and code points that are no
characters. An editor cannot see them, so each is reported with the text around it."""

from __future__ import annotations

import re
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
    first = found[0]
    character = first.group()
    kind = KINDS.get(character) or (OVERRIDE if "\u202a" <= character <= "\u2069" else CONTROL)
    before, after = line[: first.start()], line[first.end() :]
    if len(before) > SHOWN_AROUND:
        before = before[-SHOWN_AROUND:].partition(" ")[2] or before[-SHOWN_AROUND:]  # from a word's start
    if len(after) > SHOWN_AROUND:
        after = after[:SHOWN_AROUND].rpartition(" ")[0] or after[:SHOWN_AROUND]  # to a word's end
    around = UNPUBLISHABLE.sub(lambda m: _marked(m.group()), f"{before}{_marked(character)}{after}")
    more = f" (and {len(found) - 1} more on this line)" if len(found) > 1 else ""
    message = (
        f"an invisible character {_marked(character)} in '{around}'{more}: {kind} "
        "(retyping the text around it does)"
    )
    return Problem(shown_as, number, first.start() + 1, message)


def _marked(character: str) -> str:
    return f"⟨U+{ord(character):04X}⟩"
