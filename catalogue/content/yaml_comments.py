"""A YAML comment where an editor meant a value: YAML ends a plain value at ' #', so
'Turku # ja Kaarina' publishes as 'Turku', and 'funding: #ESR' is empty."""

from __future__ import annotations

import re

import yaml

from .yaml_errors import quoted_to_write

COMMENT_AFTER = re.compile(r"[ \t]+#")


def comments_cut_short(root: yaml.Node, text: str, first_line: int) -> list[tuple[int, int, str]]:
    """(line, column, message) of each plain text value in the YAML document `text` (composed
    into `root`) that a comment cuts short (see `comment_after`). Each node is looked at once,
    however often aliases repeat it."""
    if not _may_have_comments(text):
        return []
    lines = text.split("\n")
    found, seen, todo = [], set(), [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and (cut := _comment_after(node, lines, first_line)):
            found.append(cut)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            todo.extend(item for pair in node.value for item in pair)
    return found


def comments_in_place_of_values(
    written: dict[tuple[str | int, ...], str],
    positions: dict[tuple[str | int, ...], tuple[int, int]],
    text: str,
    first_line: int,
) -> dict[tuple[str | int, ...], str]:
    """Key → the comment that follows an empty value ('funding: #ESR'): most likely the value
    itself, which YAML reads as a comment from ' #' on."""
    if not _may_have_comments(text):
        return {}
    lines = text.split("\n")
    found = {}
    for key, value in written.items():
        line, column = positions[key]
        rest = lines[line - first_line][column - 1 :] if value == "" and key else ""
        if COMMENT_AFTER.match(rest):
            found[key] = rest.strip()
    return found


def _may_have_comments(text: str) -> bool:
    """Whether a comment may follow a value somewhere in `text` (COMMENT_AFTER): most files have
    none, and `in` is far faster than a search."""
    return " #" in text or "\t#" in text


def _comment_after(node: yaml.ScalarNode, lines: list[str], first_line: int) -> tuple[int, int, str] | None:
    """Where a plain text value is followed by a comment on its line, and what to write: YAML
    ends the value at ' #' and leaves the rest out, so 'Turku # ja Kaarina' publishes as
    'Turku'. (A comment after a date, a number or a list loses nothing, and is let be.)"""
    end = node.end_mark
    plain_text = (
        not node.style and node.tag == "tag:yaml.org,2002:str" and node.value
    )  # plain: None, or "" in libyaml
    rest = lines[end.line][end.column :] if plain_text else ""
    if not COMMENT_AFTER.match(rest):
        return None
    start = node.start_mark
    written = lines[start.line][: start.column].strip() if start.line == end.line else ""
    fix = f"{written} {quoted_to_write(node.value + rest.rstrip())}".strip()
    message = (
        f"'{rest.strip()}' is a YAML comment, left out of the value, which is only '{node.value}'; "
        f"if it belongs to the value, put the whole value in quotes: {fix}; if it is a note for "
        "editors, put it on a line of its own"
    )
    return end.line + first_line, end.column + rest.index("#") + 1, message
