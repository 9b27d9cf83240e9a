"""YAML's errors as the mistakes an editor made, each at the line where it was made and with
what to write instead: an unclosed quote or list where it opens, a group's line that slipped
to the start of the line at that line, a pasted no-break space at the space."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import NamedTuple

import yaml

from ..problems import Problem
from .fields import CONTACT_KEYS, FIELDS_BY_NAME
from .house_style import TYPOGRAPHIC_QUOTES, in_typographic_quotes, quoted

FIELD_LINE = re.compile(r"(?P<name>\s*(?:-\s+)?[\w-]+:)\s+(?P<value>.*?)\s*")
"""A field's line, 'name: value' (in a list, '- name: value')."""
NO_SPACE = re.compile(r"(?P<name>\s*(?:-\s+)?[\w-]+:)(?P<value>[^\s/].*)")
"""'name:value', which YAML reads as one word."""
ODD_SPACE = re.compile(r"\s*(?:-\s+)?[\w-]+:(?P<space>[^\S \t\n])")
"""'name:' and a space YAML does not take for one, such as a no-break space pasted from a
word processor or a web page."""
PARENT_LINE = re.compile(r"(?P<name>[\w-]+):\s*(?:#.*)?")
"""A field with nothing after its colon, at the start of a line: its group's lines follow."""
EMPTY_FIELD = re.compile(r"(?P<name>[\w-]+):\s*")
"""A PARENT_LINE without a comment: the line a value below it is written into, where a comment
would be lost."""
NAMED = re.compile(r"\s*[\w-]+:")
"""A line that starts with a name and a colon: a field, however mistyped."""
DASH_WITHOUT_SPACE = re.compile(r"(?P<indent> *)-(?P<item>[^\s-].*?)\s*")
"""A list's item without the space after its '-': '-Kela'."""
LIST_ITEM = re.compile(r"\s*-\s+(?P<value>\S.*?)\s*")
"""A list's item on a line of its own: '  - Migri'."""
QUOTES = ('"', "'")
FRONT_MATTER_FIELDS = frozenset({*FIELDS_BY_NAME, "description"})
"""The fields of a practice's front matter, and a page's description."""
UNFINISHED = ("while scanning a simple key", "while scanning a quoted", "while parsing a flow")
"""YAML's contexts whose mark is where the unfinished key, quote or list opened."""


class Mistake(NamedTuple):
    problem: Problem
    mended: dict[int, str]
    """Index among the lines → the line as the message says to write it, where that is sure
    (empty where it is not): the text so mended can be read again for its other mistakes."""


def yaml_problem(
    error: yaml.YAMLError,
    shown_as: PurePath,
    first_line: int,
    front_text: str,
    fields: frozenset[str] = frozenset(),
) -> Mistake:
    """A YAML error as the mistake an editor made, at the line where it was made: for an
    unclosed quote or list, where it opens, not where YAML gave up; for a group's first line
    left unindented, that line. Text that runs on to a line of its own, and an item added
    under a list in brackets, are mended on the line above too. `fields`: the names a line at
    the start may have."""
    lines = front_text.split("\n")
    problem = str(getattr(error, "problem", "") or "")
    context = str(getattr(error, "context", "") or "")
    mark = getattr(error, "problem_mark", None)
    opened = getattr(error, "context_mark", None)
    if opened and context.startswith(UNFINISHED):
        mark = opened  # the line whose key, quote or list YAML could not finish
    index = mark.line if mark and mark.line < len(lines) else 0
    column = (mark.column + 1) if mark else 1
    if 0 < index < len(lines) and ODD_SPACE.match(lines[index - 1]):
        index -= 1  # YAML read that line's value on into this one
    if lines and (odd := ODD_SPACE.match(lines[index])):
        column = odd.start("space") + 1
    if "mapping values are not allowed" in problem and (slipped := _unindented(lines, index, fields)):
        at, name, parent = slipped
        spaces = " " * _indent(lines[index])
        message = (
            f"'{name}' belongs under {parent}:, as the line below it does, so it needs the same "
            f"{len(spaces)} spaces in front of it: '{spaces}{name}: …'"
        )
        return Mistake(
            Problem(shown_as, at + first_line, 1, f"invalid YAML: {message}"), {at: spaces + lines[at]}
        )
    if sure := _sure_mend(problem, lines, index, first_line):
        message, mended = sure
    else:
        message, line = _yaml_message(problem, context, lines[index], lines[:index])
        mended = {} if line is None else {index: line}
    return Mistake(Problem(shown_as, index + first_line, column, f"invalid YAML: {message}"), mended)


def _sure_mend(
    problem: str, lines: list[str], index: int, first_line: int
) -> tuple[str, dict[int, str]] | None:
    """The message and the mended lines of a slip whose mend is sure, at line `index`: text
    that runs on to a line of its own, a field written as a list's item, an item added under a
    list in brackets, a list's item without the space after its '-', a group's lines indented
    unalike."""
    if "expected key" not in problem and "expected ':'" not in problem:
        return None
    if runs_on := _runs_on(lines, index):
        above, name = runs_on
        message = (
            f"this line goes on with the text of '{name}' on line {above + first_line}, but starts where a "
            "field would, so YAML cannot read it; join it to the end of that line, or start it with "
            f"{_indent(lines[above]) + 2} spaces"
        )
        return message, {above: f"{lines[above].rstrip()} {lines[index].strip()}", index: ""}
    if below := _value_below(lines, index):
        above, written, dashed = below
        name = written.split(":")[0]
        message = (
            f"this line is the value of '{name}' on the line above, but starts where a field would, so "
            f"YAML cannot read it; write it after the colon: {written}"
            if not dashed
            else f"this line is the value of '{name}' on the line above, written as an item of a list, but "
            f"{name} takes one value; write it after the colon, without the '-': {written}"
        )
        return message, {above: written, index: ""}
    if undashed := _dashed_field(lines, index):
        message = (
            "this line starts with '- ', as an item of a list does, but the lines around it are fields; "
            f"remove the '- ': {undashed}"
        )
        return message, {index: undashed}
    if added := _item_under_brackets(lines, index):
        above, written = added
        message = (
            "this line adds an item to the list on the line above, which is written in brackets, [ ]; "
            f"put the item inside them: {written.strip()}"
        )
        return message, {above: written, index: ""}
    if item := DASH_WITHOUT_SPACE.fullmatch(lines[index]):
        written = f"{item['indent']}- {item['item']}"
        return f"an item of a list needs a space after its '-': {written.strip()}", {index: written}
    if unalike := _indented_unalike(lines, index):
        above, spaces = unalike
        message = (
            f"the lines of a group are indented alike, but this one has {_indent(lines[index])} spaces in "
            f"front of it and the line above {_indent(lines[above])}; give them the same number (2 in "
            "this project's files)"
        )
        return message, {above: " " * spaces + lines[above].lstrip(" ")}
    return None


def _indented_unalike(lines: list[str], index: int) -> tuple[int, int] | None:
    """(index, spaces) of the field above line `index` if both are fields of one group, that
    one indented further: it takes this line's spaces."""
    found = _field_above(lines, index)
    if found is None or not FIELD_LINE.fullmatch(lines[index]):
        return None
    above, _ = found
    return (above, _indent(lines[index])) if 0 < _indent(lines[index]) < _indent(lines[above]) else None


def quoted_to_write(text: str) -> str:
    """`text` in YAML's quotes, for a message's line to write: typographic quotes around all of
    it, which the editor meant as quotes, become straight ones, and the message says why."""
    inside = in_typographic_quotes(text)
    if inside is None:
        return quoted(text)
    return f"{quoted(inside)} (straight quotes: YAML does not read {text[0]}…{text[-1]} as quotes)"


def _yaml_message(problem: str, context: str, line: str, above: list[str]) -> tuple[str, str | None]:
    """What is wrong with `line` (the lines `above` it come first), and what would be right:
    the message, and the line as it says to write it where that is sure."""
    field = FIELD_LINE.fullmatch(line)
    previous = next((text for text in reversed(above) if text.strip()), "")
    if spacing := _space_message(problem, context, line, previous):
        return spacing
    if context.startswith("while scanning a quoted"):
        if field and field["value"].endswith(tuple(TYPOGRAPHIC_QUOTES)):
            message = (
                f"the quote that opens this value is not closed: it ends with {field['value'][-1]}, which "
                f"YAML does not read as a quote; end it with {field['value'][0]} instead"
            )
            return message, None
        return "the quote that opens this value is not closed; end the value with the same quote mark", None
    if context.startswith("while parsing a flow"):
        return "the list that opens here with [ is not closed; end it with ] on the same line", None
    if field and field["value"][:1] in QUOTES and not field["value"].endswith(field["value"][0]):
        message = (
            "a value that starts with a quote must end with it; put the whole value in quotes: "
            f"{field['name'].strip()} {quoted(field['value'])}"
        )
        return message, f"{field['name']} {quoted(field['value'])}"
    indent, indent_above = _indent(line), _indent(previous)
    if "mapping values are not allowed" in problem and indent > indent_above and ": " in previous:
        message = (
            f"this line is indented further ({indent} spaces) than the line above ({indent_above}), so "
            "YAML reads it as part of that line's value; indent the fields of a group alike"
        )
        return message, None
    if "mapping values are not allowed" in problem:
        example = (
            f"{field['name'].strip()} {quoted_to_write(field['value'])}" if field else 'title: "Kotona: alku"'
        )
        message = (
            "a value contains ': ' (a colon and a space), which YAML reads as a new field; "
            f"put the whole value in quotes: {example}"
        )
        if field is None:
            return message, None
        return message, f"{field['name']} {quoted(in_typographic_quotes(field['value']) or field['value'])}"
    if "could not find expected ':'" in problem and (group := _nameless_in_group(line, previous)):
        return group, None
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        message = (
            "this line cannot be read as a field; write 'name: value', keep the indentation "
            "of the lines above, and quote values that contain ':' or start with a quote"
        )
        return message, None
    if "found undefined alias" in problem or "found character" in problem:
        return f"this value cannot be read ({problem}); put it in quotes", None
    detail = f" ({problem})" if problem else ""
    return f"the front matter cannot be read{detail}; check quotes and indentation", None


def _nameless_in_group(line: str, previous: str) -> str | None:
    """What to write if `line`, at the start and with no name, is the first line of the group
    'criteria:' or 'contact:' that `previous` (the line above that is not blank) opens (a line
    after another of the group is told as that one's text running on): the evidence without its
    criterion's code, the contact's name without 'name:'."""
    parent = PARENT_LINE.fullmatch(previous)
    if not line.strip() or _indent(line) or NAMED.match(line) or line[0] in "-#[{" or not parent:
        return None
    if parent["name"] == "criteria":
        return (
            "this line is the first under 'criteria:', but has no criterion's code, so YAML cannot read "
            "it; write two spaces, the code of the criterion it tells of and ': ' before it, as the other "
            "criteria have theirs"
        )
    if parent["name"] == "contact":
        parts = ", ".join(CONTACT_KEYS[:-1]) + f" or {CONTACT_KEYS[-1]}"
        return (
            "this line is the first under 'contact:', but has no name of its own, so YAML cannot read "
            f"it; a contact is written as its parts ({parts}), each on a line of its own with two spaces "
            "and its name before it: '  name: …', '  email: …'"
        )
    return None


def _space_message(problem: str, context: str, line: str, previous: str) -> tuple[str, str | None] | None:
    """A tab, no space after a field's colon, or a space there that YAML does not take for one."""
    if "\t" in problem or "'\\t'" in problem or line.startswith("\t"):
        return _tab_message(line, previous)
    if context.startswith("while scanning a simple key") and (no_space := NO_SPACE.fullmatch(line)):
        fixed = f"{no_space['name'].strip()} {no_space['value'].strip()}"
        return f"a field needs a space after its colon: {fixed}", f"{no_space['name']} {no_space['value']}"
    if odd := ODD_SPACE.match(line):
        space = (
            "a no-break space" if odd["space"] == "\xa0" else f"an unusual space (U+{ord(odd['space']):04X})"
        )
        message = (
            f"after the colon is {space}, often pasted from a word processor or a web page; YAML "
            "needs an ordinary space there: delete it and type a space"
        )
        return message, f"{line[: odd.start('space')]} {line[odd.end('space') :]}"
    return None


def _field_above(lines: list[str], index: int) -> tuple[int, re.Match[str]] | None:
    """(index, match) of the nearest line above `index` that is not blank, if it is a field's."""
    above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    if above is None or not (field := FIELD_LINE.fullmatch(lines[above])):
        return None
    return above, field


def _runs_on(lines: list[str], index: int) -> tuple[int, str] | None:
    """(index, name) of the field above line `index` if that line is the rest of its text,
    pasted with its line break: no field, list item or comment of its own, and not indented
    under the field (YAML would read it on with the value then); the value is plain text."""
    line, found = lines[index], _field_above(lines, index)
    if found is None or not line.strip() or NAMED.match(line) or line.lstrip()[:1] in "-#[{'\"":
        return None
    above, field = found
    if field["value"][:1] in "[{'\"|>&*!" or _indent(line) > _indent(lines[above]):
        return None
    return above, field["name"].strip().removeprefix("- ").rstrip(":")


def _value_below(lines: list[str], index: int) -> tuple[int, str, bool] | None:
    """(index, the field with the value after its colon, whether the value lost a '-') of the
    line above line `index` if that is a field with nothing after its colon and no group
    ('organisations:'), and this line, at the start, its value ('[Kela]'), or, for a field of
    one value, the value written as a list's item without its space ('-2018' under 'start_year:')."""
    line, field = lines[index], EMPTY_FIELD.fullmatch(lines[index - 1]) if index else None
    if field is None or not line.strip() or _indent(line) or NAMED.match(line) or line[0] == "#":
        return None
    known = FIELDS_BY_NAME.get(field["name"])
    if field["name"] not in FRONT_MATTER_FIELDS or (known and known.kind in ("contact", "links", "criteria")):
        return None
    dashed = line[0] == "-"
    if dashed and (known is None or known.kind in ("codes", "texts", "slugs")):
        return None  # an item of a list ('-Kela' under 'organisations:'): told as one below
    return index - 1, f"{field['name']}: {line.removeprefix('-').strip()}", dashed


def _dashed_field(lines: list[str], index: int) -> str | None:
    """Line `index` without its '- ' if it is a field written as a list's item ('- funding:
    ESR.') at the start of the line, below a field there."""
    line, found = lines[index], _field_above(lines, index)
    if found is None or _indent(lines[found[0]]) or not line.startswith("- "):
        return None
    field = line[2:].lstrip()
    return field if FIELD_LINE.fullmatch(field) else None


def _item_under_brackets(lines: list[str], index: int) -> tuple[int, str] | None:
    """(index, the line with the item inside its brackets) of the field above line `index` if
    that one is a list in brackets ('organisations: [Kela]') and this an item ('  - Migri')."""
    item, found = LIST_ITEM.fullmatch(lines[index]), _field_above(lines, index)
    if item is None or found is None:
        return None
    above, field = found
    if not (field["value"].startswith("[") and field["value"].endswith("]")):
        return None
    inner = field["value"][1:-1].strip()
    return above, f"{field['name']} [{inner + ', ' if inner else ''}{item['value']}]"


def _unindented(lines: list[str], index: int, fields: frozenset[str]) -> tuple[int, str, str] | None:
    """(index, name, parent) of the line above `index` if it is the first line of a group left
    at the start of the line: 'criteria:', then 'goal-oriented: …' with no spaces in front,
    then the group's other lines indented. A line whose name is one of `fields` is not."""
    above = [i for i in range(index) if lines[i].strip() and not lines[i].lstrip().startswith("#")]
    if not fields or len(above) < 2 or _indent(lines[above[-1]]) > 0 or _indent(lines[index]) == 0:
        return None
    child, parent = FIELD_LINE.fullmatch(lines[above[-1]]), PARENT_LINE.fullmatch(lines[above[-2]])
    name = child["name"].rstrip(":") if child else ""
    if not child or not parent or not re.fullmatch(r"[\w-]+", name) or name in fields:
        return None
    return above[-1], name, parent["name"]


def _tab_message(line: str, previous: str) -> tuple[str, str]:
    """A tab, which YAML takes neither for indenting nor after a colon: the spaces to write
    instead, as many as the line's place needs (as the line above it shows); and the line so."""
    written = line.strip(" \t")
    if "\t" not in line[: len(line) - len(line.lstrip(" \t"))]:  # a tab after the line's start
        fixed = re.sub(r"(?<=:)[ \t]+|[ \t]*\t[ \t]*", " ", written)
        message = f"there is a tab in the line; YAML needs an ordinary space there: {fixed}"
        return message, " " * _indent(line) + fixed
    start = "the line starts with a tab, which YAML does not take"
    if PARENT_LINE.fullmatch(previous.strip()):
        spaces, why = _indent(previous) + 2, f"as a line under {previous.strip()} needs"
    elif (
        previous.lstrip().startswith("- ") and FIELD_LINE.fullmatch(previous) and not written.startswith("-")
    ):
        spaces, why = _indent(previous) + 2, "as a field of the list item above needs"
    elif _indent(previous):
        spaces, why = _indent(previous), "as the line above has"
    else:
        return (
            f"{start}; start the line with the field's name, as a field of its own does: {written}",
            written,
        )
    return (
        f"{start}; write {spaces} spaces in its place, {why}: '{' ' * spaces}{written}'",
        " " * spaces + written,
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
