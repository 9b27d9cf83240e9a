"""Where a file's front matter ends and its text begins: the block between the first two
'---' lines (as python-frontmatter finds it), and the mistakes an editor makes with those lines."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import NamedTuple

from frontmatter.default_handlers import YAMLHandler

from ..problems import Problem
from .yaml_errors import FIELD_LINE, FRONT_MATTER_FIELDS, PARENT_LINE

NO_FRONT_MATTER = (
    "the file has no front matter; it must start with a line '---', then the fields (id, title, ...), "
    "then another '---' line before the text"
)
TEXT_LINE = re.compile(r"#{2,6}\s|[^\s#:-][^:]*$")
"""A line that starts a text rather than continuing a front matter: a Markdown heading (## …),
or a line at the left edge that is no field (it has no colon)."""
STRAY = (
    "this '---' line ends the front matter, so the fields below it would show as the text; remove "
    "it (the front matter ends at the '---' on line {end})"
)


class Parts(NamedTuple):
    """A file's front matter and the text below it, each with the line it starts on."""

    front: str
    front_line: int
    body: str
    body_line: int
    stray: tuple[tuple[int, int], ...] = ()
    """(line, the line of the '---' the front matter ends at) of each '---' line with only
    fields below it: the front matter goes on past it, the line read as empty."""


def split_front_matter(text: str) -> Parts | None:
    """The parts of a file whose front matter is there and closed; else None. A '---' line
    with only fields below it, up to the next '---', is a slip (`Parts.stray`): the front
    matter goes on past it."""
    handler = YAMLHandler()
    boundaries = list(handler.FM_BOUNDARY.finditer(text)) if handler.detect(text) else []
    if len(boundaries) < 2:
        return None
    opening, end = boundaries[0], 1
    while end + 1 < len(boundaries) and _fields_only(
        text[boundaries[end].end() : boundaries[end + 1].start()]
    ):
        end += 1
    closing = boundaries[end]
    front: list[str] = []
    strays: list[int] = []  # the lines of the stray '---' lines
    start, line, counted = opening.end() + 1, 1, 0
    for stray in boundaries[1:end]:  # read as empty lines: the lines below keep their numbers
        front += [text[start : stray.start()], "\n" * stray.group().count("\n")]
        line += text.count("\n", counted, stray.start())
        strays.append(line)
        start, counted = stray.end(), stray.start()
    front.append(text[start : closing.start()])
    body = text[closing.end() :].lstrip("\n")
    ends_at = text.count("\n", 0, closing.start()) + 1
    return Parts(
        "".join(front),
        text.count("\n", 0, opening.end()) + 2,
        body,
        text.count("\n", 0, len(text) - len(body)) + 1,
        tuple((at, ends_at) for at in strays),
    )


def _fields_only(text: str) -> bool:
    """Whether `text` holds front-matter fields only: each at the left edge, by a field's
    name, its parts indented or listed below it."""
    lines = [line for line in text.split("\n") if line.strip()]
    fields = [line for line in lines if line[0] not in " -"]
    found = [FIELD_LINE.fullmatch(line) or PARENT_LINE.fullmatch(line) for line in fields]
    names = {match["name"].rstrip(":") for match in found if match}
    return bool(names) and all(found) and names <= FRONT_MATTER_FIELDS


def boundary_problems(text: str, parts: Parts | None, shown_as: PurePath) -> list[Problem]:
    """What is wrong with the '---' lines of a file split into `parts` (None: not split)."""
    if parts is None and not YAMLHandler().detect(text):
        return [Problem(shown_as, 1, 1, NO_FRONT_MATTER)]
    if parts is None:
        return [_not_closed(text, shown_as)]
    return [Problem(shown_as, line, 1, STRAY.format(end=end)) for line, end in parts.stray]


def _not_closed(text: str, shown_as: PurePath) -> Problem:
    """A front matter without its closing '---', reported at the line where the text most
    likely starts (the line the '---' goes above), else at the file's first line."""
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if TEXT_LINE.match(line):
            message = "the front matter is not closed; add a line '---' above this line, after the last field"
            return Problem(shown_as, number, 1, message)
    return Problem(shown_as, 1, 1, "the front matter is not closed; add a line '---' after the last field")
